#include <pybind11/native_enum.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>
#include <pybind11/stl_bind.h>

#include "bindings.hpp"
#include "json_convert.hpp"
#include "tierplan/json.hpp"
#include "tierplan/validation.hpp"

namespace py = pybind11;

namespace tierplan::bindings {

namespace {

template <class Enum>
void enum_values(py::native_enum<Enum>& e, std::initializer_list<Enum> values) {
  for (Enum value : values) e.value(to_string(value).c_str(), value);
  e.finalize();
}

}  // namespace

void register_scenario(py::module_& m) {
  py::native_enum<ComponentKind> kind(m, "ComponentKind", "enum.Enum");
  enum_values(kind, {ComponentKind::service, ComponentKind::worker, ComponentKind::singleton,
                     ComponentKind::daemon});
  py::native_enum<DatastoreKind> datastore_kind(m, "DatastoreKind", "enum.Enum");
  enum_values(datastore_kind, {DatastoreKind::none, DatastoreKind::postgres, DatastoreKind::redis,
                               DatastoreKind::vector_store, DatastoreKind::object_storage});
  py::native_enum<DatastoreMode> datastore_mode(m, "DatastoreMode", "enum.Enum");
  enum_values(datastore_mode,
              {DatastoreMode::managed, DatastoreMode::in_cluster, DatastoreMode::self_managed});
  py::native_enum<LoadDriver> driver(m, "LoadDriver", "enum.Enum");
  enum_values(driver,
              {LoadDriver::none, LoadDriver::api_requests, LoadDriver::web_requests,
               LoadDriver::worker_tasks, LoadDriver::plugin_calls, LoadDriver::sandbox_executions,
               LoadDriver::document_ingestion, LoadDriver::outbound_requests});
  py::native_enum<SpreadPolicy> spread(m, "SpreadPolicy", "enum.Enum");
  enum_values(spread, {SpreadPolicy::none, SpreadPolicy::nodes});
  py::native_enum<PackingMeasure> packing(m, "PackingMeasure", "enum.Enum");
  enum_values(packing, {PackingMeasure::requests, PackingMeasure::limits});
  py::native_enum<Cloud> cloud(m, "Cloud", "enum.Enum");
  enum_values(cloud, {Cloud::aws, Cloud::gcp, Cloud::azure});
  py::native_enum<ReservedModel> reserved(m, "ReservedModel", "enum.Enum");
  enum_values(reserved, {ReservedModel::gke, ReservedModel::eks, ReservedModel::aks,
                         ReservedModel::by_cloud});

  value_class<RequestClass>(m, "RequestClass", "One kind of user-facing request.")
      .def_readwrite("name", &RequestClass::name)
      .def_readwrite("per_user_per_day", &RequestClass::per_user_per_day)
      .def_readwrite("api_service_ms", &RequestClass::api_service_ms)
      .def_readwrite("stream_hold_s", &RequestClass::stream_hold_s)
      .def_readwrite("worker_tasks_per_request", &RequestClass::worker_tasks_per_request)
      .def_readwrite("plugin_calls_per_request", &RequestClass::plugin_calls_per_request)
      .def_readwrite("sandbox_executions_per_request",
                     &RequestClass::sandbox_executions_per_request);
  py::bind_vector<std::vector<RequestClass>>(m, "RequestClassList");

  value_class<KnowledgeBase>(m, "KnowledgeBase", "Documents indexed for retrieval.")
      .def_readwrite("documents", &KnowledgeBase::documents)
      .def_readwrite("average_document_kib", &KnowledgeBase::average_document_kib)
      .def_readwrite("chunk_size_chars", &KnowledgeBase::chunk_size_chars)
      .def_readwrite("chunk_overlap_chars", &KnowledgeBase::chunk_overlap_chars)
      .def_readwrite("embedding_dimension", &KnowledgeBase::embedding_dimension)
      .def_readwrite("documents_ingested_per_day", &KnowledgeBase::documents_ingested_per_day);
  value_class<Retention>(m, "Retention", "How long messages and workflow logs are kept.")
      .def_readwrite("message_retention_days", &Retention::message_retention_days)
      .def_readwrite("workflow_log_retention_days", &Retention::workflow_log_retention_days)
      .def_readwrite("workflow_log_cleanup_enabled", &Retention::workflow_log_cleanup_enabled);
  value_class<Uploads>(m, "Uploads", "Files users upload.")
      .def_readwrite("files_per_user_per_day", &Uploads::files_per_user_per_day)
      .def_readwrite("average_file_kib", &Uploads::average_file_kib);
  value_class<Growth>(m, "Growth", "Growth of the load over the planning horizon.")
      .def_readwrite("annual_growth_fraction", &Growth::annual_growth_fraction)
      .def_readwrite("planning_horizon_months", &Growth::planning_horizon_months);
  value_class<Workload>(m, "Workload", "Load assumptions of one environment.")
      .def_readwrite("daily_active_users", &Workload::daily_active_users)
      .def_readwrite("peak_hour_fraction", &Workload::peak_hour_fraction)
      .def_readwrite("peak_burst_factor", &Workload::peak_burst_factor)
      .def_readwrite("requests", &Workload::requests)
      .def_readwrite("worker_task_service_s", &Workload::worker_task_service_s)
      .def_readwrite("plugin_call_service_s", &Workload::plugin_call_service_s)
      .def_readwrite("sandbox_execution_service_s", &Workload::sandbox_execution_service_s)
      .def_readwrite("knowledge_base", &Workload::knowledge_base)
      .def_readwrite("retention", &Workload::retention)
      .def_readwrite("uploads", &Workload::uploads)
      .def_readwrite("growth", &Workload::growth)
      .def("scaled", &Workload::scaled, py::arg("factor"),
           "A copy with users, documents and ingestion multiplied by factor.");

  value_class<ResourceModel>(m, "ResourceModel", "Per-replica baseline plus cost per unit of load.")
      .def_readwrite("baseline_cpu_m", &ResourceModel::baseline_cpu_m)
      .def_readwrite("baseline_memory_mib", &ResourceModel::baseline_memory_mib)
      .def_readwrite("cpu_m_per_rate_per_s", &ResourceModel::cpu_m_per_rate_per_s)
      .def_readwrite("memory_mib_per_rate_per_s", &ResourceModel::memory_mib_per_rate_per_s)
      .def_readwrite("memory_mib_per_concurrent", &ResourceModel::memory_mib_per_concurrent);
  py::native_enum<LogLevel> log_level(m, "LogLevel", "enum.Enum");
  enum_values(log_level, {LogLevel::debug, LogLevel::info, LogLevel::warning, LogLevel::error});
  value_class<LinesByLevel>(m, "LinesByLevel", "Log lines at each level (that level alone).")
      .def_readwrite("debug", &LinesByLevel::debug)
      .def_readwrite("info", &LinesByLevel::info)
      .def_readwrite("warning", &LinesByLevel::warning)
      .def_readwrite("error", &LinesByLevel::error)
      .def("at_level", &LinesByLevel::at_level, py::arg("level"),
           "Lines written at that level and above.");
  value_class<ComponentLogging>(m, "ComponentLogging", "How much one component logs.")
      .def_readwrite("lines_per_unit", &ComponentLogging::lines_per_unit)
      .def_readwrite("lines_per_replica_per_hour", &ComponentLogging::lines_per_replica_per_hour)
      .def_readwrite("bytes_per_line", &ComponentLogging::bytes_per_line)
      .def_readwrite("access_lines_per_unit", &ComponentLogging::access_lines_per_unit)
      .def_readwrite("access_bytes_per_line", &ComponentLogging::access_bytes_per_line)
      .def_readwrite("audit_lines_per_unit", &ComponentLogging::audit_lines_per_unit)
      .def_readwrite("audit_bytes_per_line", &ComponentLogging::audit_bytes_per_line);
  value_class<MeasuredLoad>(m, "MeasuredLoad",
                            "The load a calibrated resource model was measured at: a plan "
                            "sizing a replica beyond warn_beyond_multiple x max_rate_per_s warns.")
      .def(py::init([](double max_rate_per_s, double warn_beyond_multiple) {
             return MeasuredLoad{max_rate_per_s, warn_beyond_multiple};
           }),
           py::arg("max_rate_per_s"), py::arg("warn_beyond_multiple") = 2.0)
      .def_readwrite("max_rate_per_s", &MeasuredLoad::max_rate_per_s)
      .def_readwrite("warn_beyond_multiple", &MeasuredLoad::warn_beyond_multiple);
  value_class<Component>(m, "Component", "One deployable component of the stack.")
      .def_readwrite("name", &Component::name)
      .def_readwrite("helm_key", &Component::helm_key)
      .def_readwrite("kind", &Component::kind)
      .def_readwrite("load_driver", &Component::load_driver)
      .def_readwrite("concurrency_per_replica", &Component::concurrency_per_replica)
      .def_readwrite("max_connections_per_replica", &Component::max_connections_per_replica)
      .def_readwrite("service_time_ms", &Component::service_time_ms)
      .def_readwrite("resources", &Component::resources)
      .def_readwrite("measured_load", &Component::measured_load,
                     "Set by calibration (None: the resources are assumed, not measured).")
      .def_readwrite("scales_horizontally", &Component::scales_horizontally)
      .def_readwrite("db_pool_size", &Component::db_pool_size)
      .def_readwrite("db_max_overflow", &Component::db_max_overflow)
      .def_readwrite("since_chart_version", &Component::since_chart_version)
      .def_readwrite("logging", &Component::logging)
      .def_readwrite("source", &Component::source)
      .def_readwrite("in_cluster_for", &Component::in_cluster_for)
      .def("__repr__", [](const Component& c) {
        return "<tierplan.Component '" + c.name + "' (" + to_string(c.kind) + ")>";
      });
  py::bind_vector<std::vector<Component>>(m, "ComponentList");
  value_class<SizeSegment>(m, "SizeSegment", "bytes = fixed_bytes + factor * x up to up_to_bytes.")
      .def_readwrite("up_to_bytes", &SizeSegment::up_to_bytes)
      .def_readwrite("fixed_bytes", &SizeSegment::fixed_bytes)
      .def_readwrite("factor", &SizeSegment::factor);
  py::bind_vector<std::vector<SizeSegment>>(m, "SizeSegmentList");
  value_class<TableModel>(m, "TableModel", "Rows and bytes of one growing PostgreSQL table.")
      .def_readwrite("name", &TableModel::name)
      .def_readwrite("rows_per_request", &TableModel::rows_per_request)
      .def_readwrite("rows_per_document", &TableModel::rows_per_document)
      .def_readwrite("rows_per_chunk", &TableModel::rows_per_chunk)
      .def_readwrite("rows_per_upload", &TableModel::rows_per_upload)
      .def_readwrite("rows_per_user", &TableModel::rows_per_user)
      .def_readwrite("retention", &TableModel::retention)
      .def_readwrite("payload_bytes", &TableModel::payload_bytes)
      .def_readwrite("payload_bytes_per_chunk_char", &TableModel::payload_bytes_per_chunk_char)
      .def_readwrite("payload_bytes_per_embedding_dimension",
                     &TableModel::payload_bytes_per_embedding_dimension)
      .def_readwrite("fixed_bytes_per_row", &TableModel::fixed_bytes_per_row)
      .def_readwrite("payload_factor", &TableModel::payload_factor)
      .def_readwrite("segments", &TableModel::segments)
      .def_readwrite("fixed_bytes_per_table", &TableModel::fixed_bytes_per_table)
      .def_readwrite("source", &TableModel::source);
  py::bind_vector<std::vector<TableModel>>(m, "TableModelList");
  value_class<DatabaseModel>(m, "DatabaseModel", "The stack's PostgreSQL row and query model.")
      .def_readwrite("tables", &DatabaseModel::tables)
      .def_readwrite("queries_per_request", &DatabaseModel::queries_per_request)
      .def_readwrite("queries_per_worker_task", &DatabaseModel::queries_per_worker_task)
      .def_readwrite("cpu_ms_per_query", &DatabaseModel::cpu_ms_per_query)
      .def_readwrite("hot_days", &DatabaseModel::hot_days)
      .def_readwrite("memory_mib_per_connection", &DatabaseModel::memory_mib_per_connection)
      .def_readwrite("wal_bytes_per_written_byte", &DatabaseModel::wal_bytes_per_written_byte)
      .def_readwrite("source", &DatabaseModel::source);
  value_class<BrokerModel>(m, "BrokerModel", "Redis as Celery broker and cache.")
      .def_readwrite("task_body_bytes", &BrokerModel::task_body_bytes)
      .def_readwrite("message_overhead_bytes", &BrokerModel::message_overhead_bytes)
      .def_readwrite("message_body_factor", &BrokerModel::message_body_factor)
      .def_readwrite("message_segments", &BrokerModel::message_segments)
      .def_readwrite("cache_keys_per_user", &BrokerModel::cache_keys_per_user)
      .def_readwrite("cache_key_bytes", &BrokerModel::cache_key_bytes)
      .def_readwrite("cache_value_bytes", &BrokerModel::cache_value_bytes)
      .def_readwrite("key_overhead_bytes", &BrokerModel::key_overhead_bytes)
      .def_readwrite("key_value_factor", &BrokerModel::key_value_factor)
      .def_readwrite("source", &BrokerModel::source);
  value_class<VectorStoreModel>(m, "VectorStoreModel", "Payload each vector point carries.")
      .def_readwrite("payload_bytes_per_point", &VectorStoreModel::payload_bytes_per_point)
      .def_readwrite("payload_bytes_per_chunk_char",
                     &VectorStoreModel::payload_bytes_per_chunk_char)
      .def_readwrite("source", &VectorStoreModel::source);
  value_class<DatastoreModel>(m, "DatastoreModel", "How the stack uses its datastores.")
      .def_readwrite("database", &DatastoreModel::database)
      .def_readwrite("broker", &DatastoreModel::broker)
      .def_readwrite("vector_store", &DatastoreModel::vector_store);

  value_class<Stack>(m, "Stack", "The software stack and its components.")
      .def_readwrite("name", &Stack::name)
      .def_readwrite("chart_version", &Stack::chart_version)
      .def_readwrite("limit_to_request_ratio", &Stack::limit_to_request_ratio)
      .def_readwrite("components", &Stack::components)
      .def_readwrite("datastores", &Stack::datastores);

  py::native_enum<DiskType> disk(m, "DiskType", "enum.Enum");
  enum_values(disk, {DiskType::ssd, DiskType::hdd, DiskType::san, DiskType::nvme});
  py::native_enum<PgWorkload> pg_workload(m, "PgWorkload", "enum.Enum");
  enum_values(pg_workload, {PgWorkload::web, PgWorkload::oltp, PgWorkload::dw, PgWorkload::desktop,
                            PgWorkload::mixed});
  py::native_enum<PgOs> pg_os(m, "PgOs", "enum.Enum");
  enum_values(pg_os, {PgOs::os_linux, PgOs::os_windows, PgOs::os_mac});
  py::native_enum<VectorDatatype> datatype(m, "VectorDatatype", "enum.Enum");
  enum_values(datatype, {VectorDatatype::float32, VectorDatatype::float16, VectorDatatype::uint8});
  py::native_enum<Quantization> quantization(m, "Quantization", "enum.Enum");
  enum_values(quantization, {Quantization::none, Quantization::scalar, Quantization::binary});
  py::native_enum<RetentionClass> retention(m, "RetentionClass", "enum.Enum");
  enum_values(retention, {RetentionClass::messages, RetentionClass::workflow_logs,
                          RetentionClass::horizon, RetentionClass::knowledge});

  value_class<DatastorePolicy>(m, "DatastorePolicy",
                               "Topology, replication and headroom of the data plane.")
      .def_readwrite("postgres_standby", &DatastorePolicy::postgres_standby)
      .def_readwrite("postgres_synchronous", &DatastorePolicy::postgres_synchronous)
      .def_readwrite("postgres_disk", &DatastorePolicy::postgres_disk)
      .def_readwrite("pgbouncer_above_connections", &DatastorePolicy::pgbouncer_above_connections)
      .def_readwrite("storage_headroom_fraction", &DatastorePolicy::storage_headroom_fraction)
      .def_readwrite("redis_replica_with_sentinels", &DatastorePolicy::redis_replica_with_sentinels)
      .def_readwrite("redis_cluster_mode", &DatastorePolicy::redis_cluster_mode)
      .def_readwrite("postgres_workload", &DatastorePolicy::postgres_workload)
      .def_readwrite("postgres_version", &DatastorePolicy::postgres_version)
      .def_readwrite("burstable_instances_allowed", &DatastorePolicy::burstable_instances_allowed)
      .def_readwrite("redis_maxmemory_configured", &DatastorePolicy::redis_maxmemory_configured)
      .def_readwrite("broker_backlog_minutes", &DatastorePolicy::broker_backlog_minutes)
      .def_readwrite("qdrant_min_nodes", &DatastorePolicy::qdrant_min_nodes)
      .def_readwrite("qdrant_replication_factor", &DatastorePolicy::qdrant_replication_factor)
      .def_readwrite("qdrant_shards_per_node", &DatastorePolicy::qdrant_shards_per_node)
      .def_readwrite("qdrant_vectors_on_disk", &DatastorePolicy::qdrant_vectors_on_disk)
      .def_readwrite("qdrant_datatype", &DatastorePolicy::qdrant_datatype)
      .def_readwrite("qdrant_quantization", &DatastorePolicy::qdrant_quantization)
      .def_readwrite("postgres_mode", &DatastorePolicy::postgres_mode)
      .def_readwrite("redis_mode", &DatastorePolicy::redis_mode)
      .def_readwrite("vector_store_mode", &DatastorePolicy::vector_store_mode)
      .def_readwrite("object_storage_mode", &DatastorePolicy::object_storage_mode);

  py::native_enum<PricingModel> pricing_model(m, "PricingModel", "enum.Enum");
  enum_values(pricing_model, {PricingModel::on_demand, PricingModel::commitment_1yr,
                              PricingModel::commitment_3yr});
  value_class<CostPolicy>(m, "CostPolicy",
                          "How the bill is paid, and the network lines besides nodes and "
                          "datastores.")
      .def_readwrite("pricing", &CostPolicy::pricing)
      .def_readwrite("load_balancers", &CostPolicy::load_balancers)
      .def_readwrite("nat_gateways", &CostPolicy::nat_gateways)
      .def_readwrite("outbound_kib_per_request", &CostPolicy::outbound_kib_per_request)
      .def_readwrite("stateless_on_spot", &CostPolicy::stateless_on_spot);
  value_class<LogPolicy>(m, "LogPolicy", "Log levels, access and audit logs, retention.")
      .def_readwrite("level", &LogPolicy::level)
      .def_readwrite("component_levels", &LogPolicy::component_levels)
      .def_readwrite("access_log", &LogPolicy::access_log)
      .def_readwrite("audit_log", &LogPolicy::audit_log)
      .def_readwrite("retention_days", &LogPolicy::retention_days);
  py::native_enum<VectorRecovery> recovery(m, "VectorRecovery", "enum.Enum");
  enum_values(recovery, {VectorRecovery::snapshot, VectorRecovery::rebuild});
  value_class<PostgresBackupPolicy>(m, "PostgresBackupPolicy",
                                    "Full backups, WAL archiving and retention (pgBackRest).")
      .def_readwrite("full_backup_interval_days", &PostgresBackupPolicy::full_backup_interval_days)
      .def_readwrite("wal_archiving", &PostgresBackupPolicy::wal_archiving)
      .def_readwrite("archive_timeout_s", &PostgresBackupPolicy::archive_timeout_s)
      .def_readwrite("retention_full", &PostgresBackupPolicy::retention_full)
      .def_readwrite("compression_ratio", &PostgresBackupPolicy::compression_ratio)
      .def_readwrite("restore_mib_per_s", &PostgresBackupPolicy::restore_mib_per_s)
      .def_readwrite("wal_replay_mib_per_s", &PostgresBackupPolicy::wal_replay_mib_per_s);
  value_class<ObjectStorageBackupPolicy>(m, "ObjectStorageBackupPolicy",
                                         "Object versioning and its lifecycle rule.")
      .def_readwrite("versioning", &ObjectStorageBackupPolicy::versioning)
      .def_readwrite("noncurrent_version_expiration_days",
                     &ObjectStorageBackupPolicy::noncurrent_version_expiration_days)
      .def_readwrite("daily_overwrite_fraction",
                     &ObjectStorageBackupPolicy::daily_overwrite_fraction);
  value_class<VectorStoreBackupPolicy>(m, "VectorStoreBackupPolicy",
                                       "Vector store snapshots or a rebuild from the documents.")
      .def_readwrite("method", &VectorStoreBackupPolicy::method)
      .def_readwrite("snapshot_interval_hours", &VectorStoreBackupPolicy::snapshot_interval_hours)
      .def_readwrite("snapshots_kept", &VectorStoreBackupPolicy::snapshots_kept)
      .def_readwrite("snapshot_restore_mib_per_s",
                     &VectorStoreBackupPolicy::snapshot_restore_mib_per_s)
      .def_readwrite("embedding_chunks_per_s", &VectorStoreBackupPolicy::embedding_chunks_per_s);
  value_class<BackupPolicy>(m, "BackupPolicy", "Backups of every datastore and their targets.")
      .def_readwrite("postgres", &BackupPolicy::postgres)
      .def_readwrite("object_storage", &BackupPolicy::object_storage)
      .def_readwrite("vector_store", &BackupPolicy::vector_store)
      .def_readwrite("rto_target_minutes", &BackupPolicy::rto_target_minutes)
      .def_readwrite("rpo_target_minutes", &BackupPolicy::rpo_target_minutes)
      .def_readwrite("helm_values_in_version_control",
                     &BackupPolicy::helm_values_in_version_control);

  value_class<EnvironmentPolicy>(m, "EnvironmentPolicy", "The risk model of one environment.")
      .def_readwrite("min_replicas", &EnvironmentPolicy::min_replicas)
      .def_readwrite("spread", &EnvironmentPolicy::spread)
      .def_readwrite("survive_node_loss", &EnvironmentPolicy::survive_node_loss)
      .def_readwrite("node_loss_pack_by", &EnvironmentPolicy::node_loss_pack_by)
      .def_readwrite("max_server_utilization", &EnvironmentPolicy::max_server_utilization)
      .def_readwrite("latency_target_ms", &EnvironmentPolicy::latency_target_ms)
      .def_readwrite("latency_percentile", &EnvironmentPolicy::latency_percentile)
      .def_readwrite("max_replicas", &EnvironmentPolicy::max_replicas)
      .def_readwrite("pack_by", &EnvironmentPolicy::pack_by)
      .def_readwrite("node_fill_ceiling", &EnvironmentPolicy::node_fill_ceiling)
      .def_readwrite("max_capacity_share_per_node", &EnvironmentPolicy::max_capacity_share_per_node)
      .def_readwrite("max_pod_fraction_of_node", &EnvironmentPolicy::max_pod_fraction_of_node)
      .def_readwrite("reserved_model", &EnvironmentPolicy::reserved_model)
      .def_readwrite("daemonset_cpu_m", &EnvironmentPolicy::daemonset_cpu_m)
      .def_readwrite("daemonset_memory_mib", &EnvironmentPolicy::daemonset_memory_mib)
      .def_readwrite("daemonset_pods", &EnvironmentPolicy::daemonset_pods)
      .def_readwrite("cloud", &EnvironmentPolicy::cloud)
      .def_readwrite("region", &EnvironmentPolicy::region)
      .def_readwrite("node_type", &EnvironmentPolicy::node_type)
      .def_readwrite("datastores", &EnvironmentPolicy::datastores)
      .def_readwrite("logs", &EnvironmentPolicy::logs)
      .def_readwrite("backups", &EnvironmentPolicy::backups)
      .def_readwrite("cost", &EnvironmentPolicy::cost);
  value_class<Environment>(m, "Environment",
                           "An environment: its policy and its own workload or a share of "
                           "the scenario's (assign, don't mutate, `workload`).")
      .def_readwrite("name", &Environment::name)
      .def_readwrite("workload", &Environment::workload)
      .def_readwrite("workload_share", &Environment::workload_share)
      .def_readwrite("policy", &Environment::policy)
      .def("__repr__",
           [](const Environment& e) { return "<tierplan.Environment '" + e.name + "'>"; });
  py::bind_vector<std::vector<Environment>>(m, "EnvironmentList");

  value_class<NodeType>(m, "NodeType", "A node instance type with its price and source.")
      .def_readwrite("name", &NodeType::name)
      .def_readwrite("cloud", &NodeType::cloud)
      .def_readwrite("vcpu", &NodeType::vcpu)
      .def_readwrite("memory_gib", &NodeType::memory_gib)
      .def_readwrite("max_pods", &NodeType::max_pods)
      .def_readwrite("price_usd_per_hour", &NodeType::price_usd_per_hour)
      .def_readwrite("source", &NodeType::source)
      .def_readwrite("as_of", &NodeType::as_of)
      .def("__repr__", [](const NodeType& t) {
        return "<tierplan.NodeType '" + t.name + "' " + std::to_string(t.vcpu) + " vCPU>";
      });
  py::bind_vector<std::vector<NodeType>>(m, "NodeTypeList");
  value_class<MachineShape>(m, "MachineShape", "A datastore machine shape.")
      .def_readwrite("name", &MachineShape::name)
      .def_readwrite("cloud", &MachineShape::cloud)
      .def_readwrite("vcpu", &MachineShape::vcpu)
      .def_readwrite("memory_gib", &MachineShape::memory_gib)
      .def_readwrite("price_usd_per_hour", &MachineShape::price_usd_per_hour)
      .def_readwrite("replicated_price_usd_per_hour", &MachineShape::replicated_price_usd_per_hour)
      .def_readwrite("burstable", &MachineShape::burstable)
      .def_readwrite("source", &MachineShape::source)
      .def_readwrite("as_of", &MachineShape::as_of);
  py::bind_vector<std::vector<MachineShape>>(m, "MachineShapeList");
  value_class<UnitPrice>(m, "UnitPrice", "One price with its source and date.")
      .def_readwrite("usd", &UnitPrice::usd)
      .def_readwrite("source", &UnitPrice::source)
      .def_readwrite("as_of", &UnitPrice::as_of);
  value_class<SourcedValue>(m, "SourcedValue",
                            "A figure of a cloud other than a price (a limit, a default, a "
                            "discount) with its source and date.")
      .def_readwrite("value", &SourcedValue::value)
      .def_readwrite("source", &SourcedValue::source)
      .def_readwrite("as_of", &SourcedValue::as_of);
  value_class<Prices>(m, "Prices",
                      "Storage, log, network and control-plane prices of one cloud, listed for "
                      "one region, with its services' limits and its discounts.")
      .def_readwrite("cloud", &Prices::cloud)
      .def_readwrite("region", &Prices::region)
      .def_readwrite("database_storage_usd_per_gib_month",
                     &Prices::database_storage_usd_per_gib_month)
      .def_readwrite("block_storage_usd_per_gib_month", &Prices::block_storage_usd_per_gib_month)
      .def_readwrite("object_storage_usd_per_gib_month", &Prices::object_storage_usd_per_gib_month)
      .def_readwrite("backup_storage_usd_per_gib_month", &Prices::backup_storage_usd_per_gib_month)
      .def_readwrite("log_storage_usd_per_gib_month", &Prices::log_storage_usd_per_gib_month)
      .def_readwrite("log_ingestion_usd_per_gib", &Prices::log_ingestion_usd_per_gib)
      .def_readwrite("control_plane_usd_per_hour", &Prices::control_plane_usd_per_hour)
      .def_readwrite("load_balancer_usd_per_hour", &Prices::load_balancer_usd_per_hour)
      .def_readwrite("nat_gateway_usd_per_hour", &Prices::nat_gateway_usd_per_hour)
      .def_readwrite("nat_data_processing_usd_per_gib", &Prices::nat_data_processing_usd_per_gib)
      .def_readwrite("internet_egress_usd_per_gib", &Prices::internet_egress_usd_per_gib)
      .def_readwrite("node_root_volume_gib", &Prices::node_root_volume_gib)
      .def_readwrite("postgres_max_storage_gib", &Prices::postgres_max_storage_gib)
      .def_readwrite("block_volume_max_gib", &Prices::block_volume_max_gib)
      .def_readwrite("postgres_backup_retention_max_days",
                     &Prices::postgres_backup_retention_max_days)
      .def_readwrite("redis_max_memory_gib", &Prices::redis_max_memory_gib)
      .def_readwrite("redis_reserved_memory_percent", &Prices::redis_reserved_memory_percent)
      .def_readwrite("postgres_backup_free_storage_percent",
                     &Prices::postgres_backup_free_storage_percent)
      .def_readwrite("commitment_1yr_discount_percent", &Prices::commitment_1yr_discount_percent)
      .def_readwrite("commitment_3yr_discount_percent", &Prices::commitment_3yr_discount_percent)
      .def_readwrite("spot_discount_percent", &Prices::spot_discount_percent)
      .def("__repr__",
           [](const Prices& p) { return "<tierplan.Prices " + p.cloud + " " + p.region + ">"; });
  py::bind_vector<std::vector<Prices>>(m, "PricesList");
  value_class<Region>(m, "Region",
                      "A region of a cloud with the factor its prices differ from the listed "
                      "region's by.")
      .def_readwrite("cloud", &Region::cloud)
      .def_readwrite("name", &Region::name)
      .def_readwrite("price_factor", &Region::price_factor)
      .def_readwrite("source", &Region::source)
      .def_readwrite("as_of", &Region::as_of);
  py::bind_vector<std::vector<Region>>(m, "RegionList");
  value_class<CatalogChange>(m, "CatalogChange", "One way a catalog differs from the built-in one.")
      .def_readwrite("list", &CatalogChange::list)
      .def_readwrite("name", &CatalogChange::name)
      .def_readwrite("change", &CatalogChange::change)
      .def("__repr__", [](const CatalogChange& c) {
        return "<tierplan.CatalogChange " + c.list + " " + c.name + " " + c.change + ">";
      });
  value_class<Catalog>(m, "Catalog", "Node types and datastore shapes to choose from.")
      .def_readwrite("node_types", &Catalog::node_types)
      .def_readwrite("database_shapes", &Catalog::database_shapes)
      .def_readwrite("vector_store_shapes", &Catalog::vector_store_shapes)
      .def_readwrite("cache_shapes", &Catalog::cache_shapes)
      .def_readwrite("datastore_source", &Catalog::datastore_source)
      .def_readwrite("prices", &Catalog::prices)
      .def_readwrite("regions", &Catalog::regions)
      .def(
          "prices_for",
          [](const Catalog& c, const std::string& cloud) -> const Prices& {
            if (const Prices* p = c.prices_for(cloud)) return *p;
            throw py::key_error("the catalog lists no prices of " + cloud);
          },
          py::return_value_policy::reference_internal, py::arg("cloud"),
          "The prices of a cloud (aws, gcp or azure).")
      .def("changes", &catalog_changes,
           "How this catalog differs from the built-in one, entry by entry: each entry it "
           "overrode, added or (a catalog with \"extends\": \"none\") left out.")
      .def_static(
          "builtin", [] { return builtin_catalog(); },
          "The built-in catalog (data/catalogs/builtin.json) a scenario's catalog extends.");
  value_class<TierPreset>(m, "TierPreset", "A published cluster specification.")
      .def_readwrite("name", &TierPreset::name)
      .def_readwrite("description", &TierPreset::description)
      .def_readwrite("node_vcpu", &TierPreset::node_vcpu)
      .def_readwrite("node_memory_gib", &TierPreset::node_memory_gib)
      .def_readwrite("node_count", &TierPreset::node_count)
      .def_readwrite("source", &TierPreset::source);
  py::bind_vector<std::vector<TierPreset>>(m, "TierPresetList");

  value_class<Scenario>(m, "Scenario", "Workload, stack, environment policies and node catalog.")
      .def_readwrite("name", &Scenario::name)
      .def_readwrite("description", &Scenario::description)
      .def_readwrite("sources", &Scenario::sources)
      .def_readwrite("workload", &Scenario::workload)
      .def_readwrite("stack", &Scenario::stack)
      .def_readwrite("environments", &Scenario::environments)
      .def_readwrite("catalog", &Scenario::catalog)
      .def_readwrite("tiers", &Scenario::tiers)
      .def("workload_of", &Scenario::workload_of, py::arg("environment"),
           "The workload an environment serves.")
      .def("validate", &validate,
           "Raises tierplan.ValidationError listing every problem (path and value), as the "
           "JSON reader would. plan(), plan_environment() and the studies call it first, so "
           "a scenario changed attribute by attribute is checked before anything is computed.")
      .def(
          "issues",
          [](const Scenario& s) {
            std::vector<std::pair<std::string, std::string>> out;
            for (auto& issue : scenario_issues(s)) out.emplace_back(issue.path, issue.message);
            return out;
          },
          "Every problem as (path, message) pairs; empty when the scenario is valid.")
      .def_static(
          "from_json", [](const Utf8Text& text) { return scenario_from_json_string(text.value); },
          py::arg("text"),
          "Parse and validate JSON text; raises ValidationError listing every problem.")
      .def_static("from_file", &scenario_from_file, py::arg("path"),
                  "Read and validate a scenario file.")
      .def_static(
          "from_dict", [](const py::dict& d) { return scenario_from_json(to_json(d)); },
          py::arg("data"), "Validate a dict shaped like the scenario JSON.")
      .def_static(
          "builtin", [](std::string_view name) { return builtin_scenario(name); },
          py::arg("name") = "dify-enterprise", "A scenario shipped with tierplan.")
      .def(
          "to_json",
          [](const Scenario& s, int indent) { return scenario_to_json_string(s, indent); },
          py::arg("indent") = 2, "The scenario as JSON text (lossless).")
      .def(
          "to_dict", [](const Scenario& s) { return from_json(scenario_to_json(s)); },
          "The scenario as a dict of plain Python values.")
      .def(py::pickle([](const Scenario& s) { return scenario_to_json_string(s, -1); },
                      [](const std::string& text) { return scenario_from_json_string(text); }))
      .def("__repr__", [](const Scenario& s) {
        std::string names;
        for (const auto& e : s.environments) names += (names.empty() ? "" : ", ") + e.name;
        return "<tierplan.Scenario '" + s.name + "': " + std::to_string(s.stack.components.size()) +
               " components; environments " + names + ">";
      });

  m.def("bytes_per_row", &bytes_per_row, py::arg("table"), py::arg("payload_bytes"),
        "Bytes one row of the table takes at that payload (tuple, indexes, TOAST).");
  m.def("table_bytes", &table_bytes, py::arg("table"), py::arg("rows"), py::arg("payload_bytes"),
        "Bytes of the table with that many rows of that mean payload.");
  m.def("message_bytes", &message_bytes, py::arg("broker"), py::arg("body_bytes"),
        "Redis bytes per queued Celery message of that body size.");
  m.def("cache_key_bytes", &cache_key_bytes, py::arg("broker"), py::arg("key_bytes"),
        py::arg("value_bytes"), "Redis bytes per cache key with a TTL.");
  m.def(
      "validate", &validate, py::arg("scenario"),
      "Raises tierplan.ValidationError listing every problem of the scenario (Scenario.validate).");
  m.def("builtin_scenario_names", &builtin_scenario_names, "Names of the shipped scenarios.");
  m.def(
      "builtin_data_file",
      [](std::string_view path) { return std::string(builtin_data_file(path)); },
      py::arg("relative_path"), "Text of a shipped data file, e.g. 'schema/plan.schema.json'.");
  m.def("builtin_data_file_names", &builtin_data_file_names, "Paths of the shipped data files.");
  m.def("scenario_json_schema", &scenario_json_schema,
        "The JSON Schema (draft 2020-12) of a scenario document, generated from the declaration "
        "the JSON reader reads through; shipped as 'schema/scenario.schema.json'.");
}

}  // namespace tierplan::bindings
