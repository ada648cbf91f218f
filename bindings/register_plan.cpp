#include <pybind11/stl.h>

#include "bindings.hpp"
#include "json_convert.hpp"
#include "tierplan/deployment.hpp"
#include "tierplan/json.hpp"
#include "tierplan/pgtune.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/plan_state.hpp"
#include "tierplan/queueing.hpp"
#include "tierplan/warnings.hpp"

namespace py = pybind11;

namespace tierplan::bindings {

namespace {

template <class T>
py::class_<T> result_class(py::module_& m, const char* name, const char* doc) {
  py::class_<T> cls(m, name, doc);
  cls.def(
      "__eq__", [](const T& a, const T& b) { return a == b; }, py::is_operator());
  return cls;
}

}  // namespace

void register_plan(py::module_& m) {
  result_class<PeakDemand>(m, "PeakDemand", "Peak rates of each load driver.")
      .def_readonly("api_rate_per_s", &PeakDemand::api_rate_per_s)
      .def_readonly("api_service_s", &PeakDemand::api_service_s)
      .def_readonly("api_stream_hold_s", &PeakDemand::api_stream_hold_s)
      .def_readonly("worker_task_rate_per_s", &PeakDemand::worker_task_rate_per_s)
      .def_readonly("plugin_call_rate_per_s", &PeakDemand::plugin_call_rate_per_s)
      .def_readonly("sandbox_execution_rate_per_s", &PeakDemand::sandbox_execution_rate_per_s)
      .def_readonly("document_ingestion_rate_per_s", &PeakDemand::document_ingestion_rate_per_s)
      .def_readonly("outbound_request_rate_per_s", &PeakDemand::outbound_request_rate_per_s);
  result_class<ComponentLoad>(m, "ComponentLoad", "The load one component carries at the peak.")
      .def_readonly("arrival_rate_per_s", &ComponentLoad::arrival_rate_per_s)
      .def_readonly("service_s", &ComponentLoad::service_s)
      .def_readonly("hold_s", &ComponentLoad::hold_s)
      .def_readonly("offered_load_erlangs", &ComponentLoad::offered_load_erlangs)
      .def_readonly("concurrent_requests", &ComponentLoad::concurrent_requests)
      .def_property_readonly("derivation", &ComponentLoad::derivation);
  result_class<ComponentPlan>(m, "ComponentPlan", "Replicas and resources of one component.")
      .def_readonly("name", &ComponentPlan::name)
      .def_readonly("helm_key", &ComponentPlan::helm_key)
      .def_readonly("kind", &ComponentPlan::kind)
      .def_readonly("load", &ComponentPlan::load)
      .def_readonly("replicas", &ComponentPlan::replicas)
      .def_property_readonly("replicas_reason", &ComponentPlan::replicas_reason)
      .def_readonly("queueing_replicas", &ComponentPlan::queueing_replicas)
      .def_readonly("connection_replicas", &ComponentPlan::connection_replicas)
      .def_readonly("floor_replicas", &ComponentPlan::floor_replicas)
      .def_readonly("server_utilization", &ComponentPlan::server_utilization)
      .def_readonly("wait_probability", &ComponentPlan::wait_probability)
      .def_readonly("request_cpu_m", &ComponentPlan::request_cpu_m)
      .def_readonly("request_memory_mib", &ComponentPlan::request_memory_mib)
      .def_readonly("limit_cpu_m", &ComponentPlan::limit_cpu_m)
      .def_readonly("limit_memory_mib", &ComponentPlan::limit_memory_mib)
      .def_property_readonly("resources_reason", &ComponentPlan::resources_reason)
      .def_readonly("processes_per_replica", &ComponentPlan::processes_per_replica)
      .def_property_readonly("processes_reason", &ComponentPlan::processes_reason)
      .def_readonly("autoscaled", &ComponentPlan::autoscaled)
      .def_readonly("hpa_min_replicas", &ComponentPlan::hpa_min_replicas)
      .def_readonly("hpa_max_replicas", &ComponentPlan::hpa_max_replicas)
      .def_readonly("hpa_target_cpu_utilization_percent",
                    &ComponentPlan::hpa_target_cpu_utilization_percent)
      .def_readonly("on_spot", &ComponentPlan::on_spot)
      .def_property_readonly("hpa_reason", &ComponentPlan::hpa_reason)
      .def("__repr__", [](const ComponentPlan& c) {
        return "<tierplan.ComponentPlan '" + c.name + "': " + std::string(c.replicas_reason()) +
               ">";
      });
  result_class<NodeAllocatable>(m, "NodeAllocatable", "What one node offers to pods.")
      .def_readonly("capacity_cpu_m", &NodeAllocatable::capacity_cpu_m)
      .def_readonly("capacity_memory_mib", &NodeAllocatable::capacity_memory_mib)
      .def_readonly("reserved_cpu_m", &NodeAllocatable::reserved_cpu_m)
      .def_readonly("reserved_memory_mib", &NodeAllocatable::reserved_memory_mib)
      .def_readonly("eviction_memory_mib", &NodeAllocatable::eviction_memory_mib)
      .def_readonly("allocatable_cpu_m", &NodeAllocatable::allocatable_cpu_m)
      .def_readonly("allocatable_memory_mib", &NodeAllocatable::allocatable_memory_mib)
      .def_readonly("daemonset_cpu_m", &NodeAllocatable::daemonset_cpu_m)
      .def_readonly("daemonset_memory_mib", &NodeAllocatable::daemonset_memory_mib)
      .def_readonly("pod_cpu_m", &NodeAllocatable::pod_cpu_m)
      .def_readonly("pod_memory_mib", &NodeAllocatable::pod_memory_mib)
      .def_readonly("pod_slots", &NodeAllocatable::pod_slots);
  result_class<NodeUsage>(m, "NodeUsage", "Pods placed on one node and the room left.")
      .def_readonly("index", &NodeUsage::index)
      .def_readonly("pods", &NodeUsage::pods)
      .def_readonly("packed_cpu_m", &NodeUsage::packed_cpu_m)
      .def_readonly("packed_memory_mib", &NodeUsage::packed_memory_mib)
      .def_readonly("request_cpu_m", &NodeUsage::request_cpu_m)
      .def_readonly("request_memory_mib", &NodeUsage::request_memory_mib)
      .def_readonly("limit_cpu_m", &NodeUsage::limit_cpu_m)
      .def_readonly("limit_memory_mib", &NodeUsage::limit_memory_mib)
      .def_readonly("free_cpu_m", &NodeUsage::free_cpu_m)
      .def_readonly("free_memory_mib", &NodeUsage::free_memory_mib);
  result_class<NodePlan>(m, "NodePlan", "Worker nodes: type, count, packing and cost.")
      .def_readonly("node_type", &NodePlan::node_type)
      .def_readonly("allocatable", &NodePlan::allocatable)
      .def_readonly("packed_by", &NodePlan::packed_by)
      .def_readonly("count", &NodePlan::count)
      .def_readonly("steady_state_count", &NodePlan::steady_state_count)
      .def_readonly("survives_node_loss", &NodePlan::survives_node_loss)
      .def_readonly("count_at_horizon", &NodePlan::count_at_horizon)
      .def_readonly("runs_out_month", &NodePlan::runs_out_month)
      .def_readonly("horizon_reason", &NodePlan::horizon_reason)
      .def_readonly("pool_reason", &NodePlan::pool_reason)
      .def_readonly("count_reason", &NodePlan::count_reason)
      .def_readonly("type_reason", &NodePlan::type_reason)
      .def_readonly("nodes", &NodePlan::nodes)
      .def_readonly("cost_usd_month", &NodePlan::cost_usd_month)
      .def_readonly("cost_reason", &NodePlan::cost_reason);
  result_class<ResourceTotals>(m, "ResourceTotals", "Sums over an environment's pods.")
      .def_readonly("request_cpu_m", &ResourceTotals::request_cpu_m)
      .def_readonly("request_memory_mib", &ResourceTotals::request_memory_mib)
      .def_readonly("limit_cpu_m", &ResourceTotals::limit_cpu_m)
      .def_readonly("limit_memory_mib", &ResourceTotals::limit_memory_mib)
      .def_readonly("pods", &ResourceTotals::pods)
      .def_readonly("spare_cpu_m", &ResourceTotals::spare_cpu_m)
      .def_readonly("spare_memory_mib", &ResourceTotals::spare_memory_mib);
  result_class<TierRecommendation>(m, "TierRecommendation", "The preset that covers the plan.")
      .def_readonly("tier", &TierRecommendation::tier)
      .def_readonly("custom", &TierRecommendation::custom)
      .def_readonly("survives_node_loss", &TierRecommendation::survives_node_loss)
      .def_readonly("exceeded_resource", &TierRecommendation::exceeded_resource)
      .def_readonly("reason", &TierRecommendation::reason);
  result_class<TableSize>(m, "TableSize", "Rows and bytes of one table at the horizon.")
      .def_readonly("name", &TableSize::name)
      .def_readonly("rows", &TableSize::rows)
      .def_readonly("bytes_per_row", &TableSize::bytes_per_row)
      .def_readonly("total_bytes", &TableSize::total_bytes)
      .def_readonly("reason", &TableSize::reason);
  result_class<ConnectionUse>(m, "ConnectionUse", "Connections one component may open.")
      .def_readonly("component", &ConnectionUse::component)
      .def_readonly("replicas", &ConnectionUse::replicas)
      .def_readonly("per_replica", &ConnectionUse::per_replica)
      .def_readonly("total", &ConnectionUse::total);
  result_class<PgTuneInput>(m, "PgTuneInput", "What PGTune is asked.")
      .def_readonly("postgres_version", &PgTuneInput::postgres_version)
      .def_readonly("memory_mib", &PgTuneInput::memory_mib)
      .def_readonly("vcpu", &PgTuneInput::vcpu)
      .def_readonly("max_connections", &PgTuneInput::max_connections)
      .def_readonly("disk", &PgTuneInput::disk)
      .def_readonly("workload", &PgTuneInput::workload)
      .def_readonly("os", &PgTuneInput::os);
  result_class<PgTuneSettings>(m, "PgTuneSettings", "PostgreSQL settings by PGTune's rules.")
      .def_readonly("max_connections", &PgTuneSettings::max_connections)
      .def_readonly("shared_buffers_kib", &PgTuneSettings::shared_buffers_kib)
      .def_readonly("effective_cache_size_kib", &PgTuneSettings::effective_cache_size_kib)
      .def_readonly("maintenance_work_mem_kib", &PgTuneSettings::maintenance_work_mem_kib)
      .def_readonly("checkpoint_completion_target", &PgTuneSettings::checkpoint_completion_target)
      .def_readonly("wal_buffers_kib", &PgTuneSettings::wal_buffers_kib)
      .def_readonly("default_statistics_target", &PgTuneSettings::default_statistics_target)
      .def_readonly("random_page_cost", &PgTuneSettings::random_page_cost)
      .def_readonly("effective_io_concurrency", &PgTuneSettings::effective_io_concurrency)
      .def_readonly("work_mem_kib", &PgTuneSettings::work_mem_kib)
      .def_readonly("huge_pages", &PgTuneSettings::huge_pages)
      .def_readonly("min_wal_size_kib", &PgTuneSettings::min_wal_size_kib)
      .def_readonly("max_wal_size_kib", &PgTuneSettings::max_wal_size_kib)
      .def_readonly("max_worker_processes", &PgTuneSettings::max_worker_processes)
      .def_readonly("max_parallel_workers_per_gather",
                    &PgTuneSettings::max_parallel_workers_per_gather)
      .def_readonly("max_parallel_workers", &PgTuneSettings::max_parallel_workers)
      .def_readonly("max_parallel_maintenance_workers",
                    &PgTuneSettings::max_parallel_maintenance_workers)
      .def_readonly("jit", &PgTuneSettings::jit)
      .def_readonly("wal_compression", &PgTuneSettings::wal_compression)
      .def_readonly("autovacuum_max_workers", &PgTuneSettings::autovacuum_max_workers)
      .def_readonly("autovacuum_work_mem_kib", &PgTuneSettings::autovacuum_work_mem_kib)
      .def_readonly("io_method", &PgTuneSettings::io_method)
      .def_readonly("io_workers", &PgTuneSettings::io_workers)
      .def_readonly("parallel_settings", &PgTuneSettings::parallel_settings)
      .def_readonly("wal_level", &PgTuneSettings::wal_level)
      .def_readonly("max_wal_senders", &PgTuneSettings::max_wal_senders)
      .def_readonly("warnings", &PgTuneSettings::warnings);
  m.def(
      "pgtune_with_input",
      [](double memory_mib, int vcpu, PgWorkload workload, int postgres_version, DiskType disk,
         int max_connections, PgOs os) {
        const PgTuneInput input{postgres_version, workload, memory_mib, vcpu,
                                max_connections,  disk,     os};
        return py::make_tuple(pgtune(input), input);
      },
      py::arg("memory_mib"), py::arg("vcpu"), py::arg("workload"), py::arg("postgres_version"),
      py::arg("disk"), py::arg("max_connections"), py::arg("os"),
      "PGTune's settings and the input they answer (ValueError for an input PGTune does not "
      "take); tierplan.pgtune is the keyword interface.");
  m.def("postgresql_conf", &postgresql_conf, py::arg("input"), py::arg("settings"),
        "The postgresql.conf fragment PGTune's web tool prints for these inputs.");
  result_class<ParameterSetting>(m, "ParameterSetting",
                                 "One setting of a managed service's parameter group.")
      .def_readonly("name", &ParameterSetting::name)
      .def_readonly("value", &ParameterSetting::value)
      .def_readonly("reason", &ParameterSetting::reason);
  result_class<PostgresPlan>(m, "PostgresPlan",
                             "PostgreSQL: storage, connections, shape, settings.")
      .def_readonly("tables", &PostgresPlan::tables)
      .def_readonly("data_gib", &PostgresPlan::data_gib)
      .def_readonly("wal_gib", &PostgresPlan::wal_gib)
      .def_readonly("storage_gib", &PostgresPlan::storage_gib)
      .def_readonly("storage_reason", &PostgresPlan::storage_reason)
      .def_readonly("written_gib_per_day", &PostgresPlan::written_gib_per_day)
      .def_readonly("connections", &PostgresPlan::connections)
      .def_readonly("client_connections", &PostgresPlan::client_connections)
      .def_readonly("reserved_connections", &PostgresPlan::reserved_connections)
      .def_readonly("max_connections", &PostgresPlan::max_connections)
      .def_readonly("max_connections_reason", &PostgresPlan::max_connections_reason)
      .def_readonly("pgbouncer", &PostgresPlan::pgbouncer)
      .def_readonly("pgbouncer_default_pool_size", &PostgresPlan::pgbouncer_default_pool_size)
      .def_readonly("pgbouncer_max_client_conn", &PostgresPlan::pgbouncer_max_client_conn)
      .def_readonly("pgbouncer_reason", &PostgresPlan::pgbouncer_reason)
      .def_readonly("query_rate_per_s", &PostgresPlan::query_rate_per_s)
      .def_readonly("cpu_needed_cores", &PostgresPlan::cpu_needed_cores)
      .def_readonly("memory_needed_gib", &PostgresPlan::memory_needed_gib)
      .def_readonly("shape", &PostgresPlan::shape)
      .def_readonly("shape_reason", &PostgresPlan::shape_reason)
      .def_readonly("topology", &PostgresPlan::topology)
      .def_readonly("topology_reason", &PostgresPlan::topology_reason)
      .def_readonly("tune_input", &PostgresPlan::tune_input)
      .def_readonly("settings", &PostgresPlan::settings)
      .def_readonly("service_default_max_connections",
                    &PostgresPlan::service_default_max_connections)
      .def_readonly("parameter_group", &PostgresPlan::parameter_group)
      .def_readonly("parameter_group_reason", &PostgresPlan::parameter_group_reason)
      .def_readonly("max_storage_gib", &PostgresPlan::max_storage_gib)
      .def_readonly("max_storage_source", &PostgresPlan::max_storage_source)
      .def(
          "postgresql_conf",
          [](const PostgresPlan& p) { return postgresql_conf(p.tune_input, p.settings); },
          "The postgresql.conf fragment (PGTune's rules for the policy's postgres_workload "
          "and postgres_version).")
      .def("settings_text", &postgres_settings_text,
           "What to apply: a managed instance's parameter group, else the postgresql.conf "
           "fragment.");
  result_class<RedisPlan>(m, "RedisPlan", "Redis: memory, maxmemory, maxclients, topology.")
      .def_readonly("horizon_task_rate_per_s", &RedisPlan::horizon_task_rate_per_s)
      .def_readonly("broker_backlog_messages", &RedisPlan::broker_backlog_messages)
      .def_readonly("broker_bytes", &RedisPlan::broker_bytes)
      .def_readonly("cache_keys", &RedisPlan::cache_keys)
      .def_readonly("cache_bytes", &RedisPlan::cache_bytes)
      .def_readonly("used_memory_mib", &RedisPlan::used_memory_mib)
      .def_readonly("maxmemory_mib", &RedisPlan::maxmemory_mib)
      .def_readonly("instance_memory_gib", &RedisPlan::instance_memory_gib)
      .def_readonly("shape", &RedisPlan::shape)
      .def_readonly("reserved_memory_fraction", &RedisPlan::reserved_memory_fraction)
      .def_readonly("outage_minutes_held", &RedisPlan::outage_minutes_held)
      .def_readonly("memory_reason", &RedisPlan::memory_reason)
      .def_readonly("maxclients", &RedisPlan::maxclients)
      .def_readonly("maxclients_reason", &RedisPlan::maxclients_reason)
      .def_readonly("topology", &RedisPlan::topology)
      .def_readonly("topology_reason", &RedisPlan::topology_reason);
  result_class<QdrantPlan>(m, "QdrantPlan", "Qdrant: points, memory, nodes, disk.")
      .def_readonly("points", &QdrantPlan::points)
      .def_readonly("chunks_per_document", &QdrantPlan::chunks_per_document)
      .def_readonly("vector_bytes", &QdrantPlan::vector_bytes)
      .def_readonly("quantized_bytes", &QdrantPlan::quantized_bytes)
      .def_readonly("hnsw_bytes", &QdrantPlan::hnsw_bytes)
      .def_readonly("payload_bytes", &QdrantPlan::payload_bytes)
      .def_readonly("id_tracker_bytes", &QdrantPlan::id_tracker_bytes)
      .def_readonly("docs_rule_memory_gib", &QdrantPlan::docs_rule_memory_gib)
      .def_readonly("ram_total_gib", &QdrantPlan::ram_total_gib)
      .def_readonly("disk_total_gib", &QdrantPlan::disk_total_gib)
      .def_readonly("nodes", &QdrantPlan::nodes)
      .def_readonly("replication_factor", &QdrantPlan::replication_factor)
      .def_readonly("shards", &QdrantPlan::shards)
      .def_readonly("ram_per_node_gib", &QdrantPlan::ram_per_node_gib)
      .def_readonly("disk_per_node_gib", &QdrantPlan::disk_per_node_gib)
      .def_readonly("shape", &QdrantPlan::shape)
      .def_readonly("reason", &QdrantPlan::reason);
  result_class<ObjectStoragePlan>(m, "ObjectStoragePlan", "Object storage by what it holds.")
      .def_readonly("uploads_gib", &ObjectStoragePlan::uploads_gib)
      .def_readonly("documents_gib", &ObjectStoragePlan::documents_gib)
      .def_readonly("plugin_packages_gib", &ObjectStoragePlan::plugin_packages_gib)
      .def_readonly("versions_gib", &ObjectStoragePlan::versions_gib)
      .def_readonly("total_gib", &ObjectStoragePlan::total_gib)
      .def_readonly("reason", &ObjectStoragePlan::reason);
  result_class<InClusterPod>(m, "InClusterPod",
                             "A datastore run in the cluster: a StatefulSet's pods on the nodes.")
      .def_readonly("name", &InClusterPod::name)
      .def_readonly("replicas", &InClusterPod::replicas)
      .def_readonly("request_cpu_m", &InClusterPod::request_cpu_m)
      .def_readonly("request_memory_mib", &InClusterPod::request_memory_mib)
      .def_readonly("limit_cpu_m", &InClusterPod::limit_cpu_m)
      .def_readonly("limit_memory_mib", &InClusterPod::limit_memory_mib)
      .def_readonly("volume_gib", &InClusterPod::volume_gib)
      .def_readonly("reason", &InClusterPod::reason);
  result_class<DataPlan>(m, "DataPlan", "The data plane of one environment.")
      .def_readonly("postgres", &DataPlan::postgres)
      .def_readonly("redis", &DataPlan::redis)
      .def_readonly("qdrant", &DataPlan::qdrant)
      .def_readonly("object_storage", &DataPlan::object_storage)
      .def_readonly("in_cluster_pods", &DataPlan::in_cluster_pods)
      .def_readonly("warnings", &DataPlan::warnings);
  m.def("table_rows", &table_rows, py::arg("table"), py::arg("workload"),
        "Rows of one table at the end of the planning horizon.");
  m.def("chunks_per_document", &chunks_per_document, py::arg("knowledge_base"),
        "Chunks one document is split into.");

  result_class<ComponentLogVolume>(m, "ComponentLogVolume", "Log volume of one component.")
      .def_readonly("component", &ComponentLogVolume::component)
      .def_readonly("level", &ComponentLogVolume::level)
      .def_readonly("level_overridden", &ComponentLogVolume::level_overridden)
      .def_readonly("units_per_day", &ComponentLogVolume::units_per_day)
      .def_readonly("app_lines_per_day", &ComponentLogVolume::app_lines_per_day)
      .def_readonly("access_lines_per_day", &ComponentLogVolume::access_lines_per_day)
      .def_readonly("audit_lines_per_day", &ComponentLogVolume::audit_lines_per_day)
      .def_readonly("gib_per_day", &ComponentLogVolume::gib_per_day);
  result_class<LogPlan>(m, "LogPlan", "Log volume, retention and storage of one environment.")
      .def_readonly("level", &LogPlan::level)
      .def_readonly("access_log", &LogPlan::access_log)
      .def_readonly("audit_log", &LogPlan::audit_log)
      .def_readonly("components", &LogPlan::components)
      .def_readonly("app_gib_per_day", &LogPlan::app_gib_per_day)
      .def_readonly("access_gib_per_day", &LogPlan::access_gib_per_day)
      .def_readonly("audit_gib_per_day", &LogPlan::audit_gib_per_day)
      .def_readonly("gib_per_day", &LogPlan::gib_per_day)
      .def_readonly("volume_reason", &LogPlan::volume_reason)
      .def_readonly("retention_days", &LogPlan::retention_days)
      .def_readonly("stored_gib", &LogPlan::stored_gib)
      .def_readonly("stored_reason", &LogPlan::stored_reason);
  result_class<PostgresBackupPlan>(m, "PostgresBackupPlan",
                                   "PostgreSQL backups: repository, RPO and RTO.")
      .def_readonly("point_in_time_recovery", &PostgresBackupPlan::point_in_time_recovery)
      .def_readonly("full_backup_gib", &PostgresBackupPlan::full_backup_gib)
      .def_readonly("full_backup_reason", &PostgresBackupPlan::full_backup_reason)
      .def_readonly("full_backups_kept", &PostgresBackupPlan::full_backups_kept)
      .def_readonly("written_gib_per_day", &PostgresBackupPlan::written_gib_per_day)
      .def_readonly("wal_gib_per_day", &PostgresBackupPlan::wal_gib_per_day)
      .def_readonly("wal_reason", &PostgresBackupPlan::wal_reason)
      .def_readonly("retention_days", &PostgresBackupPlan::retention_days)
      .def_readonly("repository_gib", &PostgresBackupPlan::repository_gib)
      .def_readonly("repository_reason", &PostgresBackupPlan::repository_reason)
      .def_readonly("rpo_minutes", &PostgresBackupPlan::rpo_minutes)
      .def_readonly("rpo_reason", &PostgresBackupPlan::rpo_reason)
      .def_readonly("rto_minutes", &PostgresBackupPlan::rto_minutes)
      .def_readonly("rto_reason", &PostgresBackupPlan::rto_reason);
  result_class<ObjectStorageBackupPlan>(m, "ObjectStorageBackupPlan",
                                        "Object versions kept by the lifecycle rule.")
      .def_readonly("versioning", &ObjectStorageBackupPlan::versioning)
      .def_readonly("noncurrent_version_gib", &ObjectStorageBackupPlan::noncurrent_version_gib)
      .def_readonly("reason", &ObjectStorageBackupPlan::reason);
  result_class<VectorStoreBackupPlan>(m, "VectorStoreBackupPlan",
                                      "Vector store recovery: snapshots or a rebuild.")
      .def_readonly("method", &VectorStoreBackupPlan::method)
      .def_readonly("recommended", &VectorStoreBackupPlan::recommended)
      .def_readonly("rebuild_minutes", &VectorStoreBackupPlan::rebuild_minutes)
      .def_readonly("snapshot_gib", &VectorStoreBackupPlan::snapshot_gib)
      .def_readonly("snapshot_storage_gib", &VectorStoreBackupPlan::snapshot_storage_gib)
      .def_readonly("recovery_minutes", &VectorStoreBackupPlan::recovery_minutes)
      .def_readonly("rpo_minutes", &VectorStoreBackupPlan::rpo_minutes)
      .def_readonly("reason", &VectorStoreBackupPlan::reason);
  result_class<BackupPlan>(m, "BackupPlan", "Backups of one environment.")
      .def_readonly("postgres", &BackupPlan::postgres)
      .def_readonly("object_storage", &BackupPlan::object_storage)
      .def_readonly("vector_store", &BackupPlan::vector_store)
      .def_readonly("rto_target_minutes", &BackupPlan::rto_target_minutes)
      .def_readonly("rpo_target_minutes", &BackupPlan::rpo_target_minutes)
      .def_readonly("helm_values_in_version_control", &BackupPlan::helm_values_in_version_control)
      .def_readonly("storage_gib", &BackupPlan::storage_gib)
      .def_readonly("storage_reason", &BackupPlan::storage_reason);
  py::enum_<WarningRisk>(m, "WarningRisk", "What a warning puts at risk, most serious first.")
      .value("outage", WarningRisk::outage)
      .value("data_loss", WarningRisk::data_loss)
      .value("errors_under_load", WarningRisk::errors_under_load)
      .value("unbounded_growth", WarningRisk::unbounded_growth)
      .value("other", WarningRisk::other);
  result_class<RankedWarning>(m, "RankedWarning", "A warning and the risk it names.")
      .def_readonly("text", &RankedWarning::text)
      .def_readonly("risk", &RankedWarning::risk)
      .def("__repr__", [](const RankedWarning& w) {
        return "<tierplan.RankedWarning " + to_string(w.risk) + ": " + w.text + ">";
      });
  m.def("warning_risk", &warning_risk, py::arg("warning"),
        "The risk a warning of the planner names (WarningRisk.other when unknown).");
  result_class<CostItem>(m, "CostItem", "One line of the monthly cost.")
      .def_readonly("item", &CostItem::item)
      .def_readonly("quantity", &CostItem::quantity)
      .def_readonly("unit", &CostItem::unit)
      .def_readonly("unit_cost_usd_month", &CostItem::unit_cost_usd_month)
      .def_readonly("cost_usd_month", &CostItem::cost_usd_month)
      .def_readonly("reason", &CostItem::reason);
  result_class<CostPlan>(m, "CostPlan", "Cost per month of one environment, line by line.")
      .def_readonly("items", &CostPlan::items)
      .def_readonly("cloud", &CostPlan::cloud)
      .def_readonly("region", &CostPlan::region)
      .def_readonly("region_price_factor", &CostPlan::region_price_factor)
      .def_readonly("pricing", &CostPlan::pricing)
      .def_readonly("prices_as_of", &CostPlan::prices_as_of)
      .def_readonly("commitment_discount_fraction", &CostPlan::commitment_discount_fraction)
      .def_readonly("total_usd_month", &CostPlan::total_usd_month)
      .def_readonly("total_usd_year", &CostPlan::total_usd_year)
      .def_readonly("total_reason", &CostPlan::total_reason)
      .def(
          "item",
          [](const CostPlan& c, const std::string& name) -> const CostItem& {
            if (const auto* i = c.find(name)) return *i;
            throw py::key_error(name);
          },
          py::arg("name"), py::return_value_policy::reference_internal);

  // to_frame and _repr_html_ are attached in Python (tierplan._presentation).
  result_class<EnvironmentPlan>(m, "EnvironmentPlan", "The plan of one environment.")
      .def_readonly("name", &EnvironmentPlan::name)
      .def_readonly("daily_active_users", &EnvironmentPlan::daily_active_users)
      .def_readonly("growth_factor", &EnvironmentPlan::growth_factor)
      .def_readonly("demand", &EnvironmentPlan::demand)
      .def_readonly("components", &EnvironmentPlan::components)
      .def_readonly("nodes", &EnvironmentPlan::nodes)
      .def_readonly("spot_nodes", &EnvironmentPlan::spot_nodes)
      .def_readonly("totals", &EnvironmentPlan::totals)
      .def_readonly("tier", &EnvironmentPlan::tier)
      .def_readonly("data", &EnvironmentPlan::data)
      .def_readonly("logs", &EnvironmentPlan::logs)
      .def_readonly("backups", &EnvironmentPlan::backups)
      .def_readonly("cost", &EnvironmentPlan::cost)
      .def_readonly("warnings", &EnvironmentPlan::warnings)
      .def("ranked_warnings", &ranked_warnings,
           "The warnings, most serious risk first (outage, data loss, errors under load, "
           "unbounded growth); the planner's order within a risk.")
      .def("key_warnings", &key_warnings, py::arg("count") = 3,
           "The first `count` of ranked_warnings' texts: what a report's summary shows.")
      .def(
          "component",
          [](const EnvironmentPlan& e, std::string_view name) -> const ComponentPlan& {
            if (const auto* c = e.find_component(name)) return *c;
            throw py::key_error(std::string(name));
          },
          py::arg("name"), py::return_value_policy::reference_internal)
      .def("__repr__",
           [](const EnvironmentPlan& e) {
             return "<tierplan.EnvironmentPlan '" + e.name + "': " + std::to_string(e.nodes.count) +
                    " x " + e.nodes.node_type.name + ">";
           })
      .def(py::pickle(
          [](const EnvironmentPlan& e) { return py::bytes(environment_plan_to_state(e)); },
          [](const py::bytes& state) {
            return environment_plan_from_state(std::string_view(state));
          }));
  result_class<Plan>(m, "Plan", "Plans of every environment of a scenario.")
      .def_readonly("scenario", &Plan::scenario)
      .def_readonly("environments", &Plan::environments)
      .def(
          "environment",
          [](const Plan& p, std::string_view name) -> const EnvironmentPlan& {
            if (const auto* e = p.find_environment(name)) return *e;
            std::vector<std::string> known;
            for (const auto& e : p.environments) known.push_back(e.name);
            throw py::key_error(unknown_environment_message(name, known));
          },
          py::arg("name"), py::return_value_policy::reference_internal)
      .def(
          "to_json", [](const Plan& p, int indent) { return plan_to_json_string(p, indent); },
          py::arg("indent") = 2, "The plan as JSON (data/schema/plan.schema.json).")
      .def(
          "to_dict", [](const Plan& p) { return from_json(plan_to_json(p)); },
          "The plan as a dict of plain Python values.")
      .def_static("from_json", &plan_from_json_string, py::arg("text"),
                  "The plan JSON (Plan.to_json, `tierplan plan --format json`) read back; "
                  "raises ValidationError naming every missing or mistyped member.")
      .def(py::pickle(
          [](const Plan& p) { return py::bytes(plan_to_state(p)); },
          [](const py::bytes& state) { return plan_from_state(std::string_view(state)); }))
      .def("__repr__", [](const Plan& p) {
        std::string text = "<tierplan.Plan '" + p.scenario + "':";
        for (const auto& e : p.environments) {
          text += " " + e.name + " " + std::to_string(e.nodes.count) + " x " +
                  e.nodes.node_type.name + ";";
        }
        return text + ">";
      });

  m.def(
      "plan",
      [](const Scenario& scenario, const std::optional<std::vector<std::string>>& environments) {
        return environments ? plan(scenario, *environments) : plan(scenario);
      },
      py::arg("scenario"), py::arg("environments") = py::none(),
      py::call_guard<py::gil_scoped_release>(),
      "Plan every environment of the scenario, or only those named in environments (raises "
      "PlanningError when impossible, ValueError for a name that is no environment).");
  m.def("unknown_environment_message", &unknown_environment_message, py::arg("name"),
        py::arg("known"),
        "What to say of an environment name that is none of known: the known names and the "
        "nearest.");
  m.def("plan_environment", &plan_environment, py::arg("scenario"), py::arg("environment"),
        py::call_guard<py::gil_scoped_release>(), "Plan one environment of the scenario.");
  result_class<CloudOption>(m, "CloudOption",
                            "One environment on one cloud: its plan, or why there is none.")
      .def_readonly("cloud", &CloudOption::cloud)
      .def_readonly("region", &CloudOption::region)
      .def_readonly("plan", &CloudOption::plan)
      .def_readonly("why_not", &CloudOption::why_not);
  m.def("plan_on_each_cloud", &plan_on_each_cloud, py::arg("scenario"), py::arg("environment"),
        py::call_guard<py::gil_scoped_release>(),
        "The environment planned on aws, gcp and azure (each in the region its catalog prices "
        "are listed for): a plan per cloud, or why that cloud cannot be used.");
  result_class<DatastoreModeOption>(
      m, "DatastoreModeOption",
      "One environment with its datastores run one way: its plan, or why there is none.")
      .def_readonly("mode", &DatastoreModeOption::mode)
      .def_readonly("plan", &DatastoreModeOption::plan)
      .def_readonly("why_not", &DatastoreModeOption::why_not);
  m.def("plan_with_each_datastore_mode", &plan_with_each_datastore_mode, py::arg("scenario"),
        py::arg("environment"), py::call_guard<py::gil_scoped_release>(),
        "The environment planned with its datastores managed, in the cluster and self-managed: "
        "a plan per way, or why it cannot be used.");

  result_class<ServerSizing>(m, "ServerSizing",
                             "The fewest servers for a queueing target, and what bound them.")
      .def_readonly("servers", &ServerSizing::servers)
      .def_readonly("utilization", &ServerSizing::utilization)
      .def_readonly("wait_probability", &ServerSizing::wait_probability)
      .def_readonly("wait_exceeds_target_probability",
                    &ServerSizing::wait_exceeds_target_probability)
      .def_readonly("bound_by_wait", &ServerSizing::bound_by_wait);
  m.def("min_servers", &min_servers, py::arg("offered_load_erlangs"), py::arg("service_s"),
        py::arg("wait_target_s"), py::arg("percentile"), py::arg("max_utilization"),
        py::arg("max_servers"), py::call_guard<py::gil_scoped_release>(),
        "The fewest servers (M/M/c) with utilisation at most max_utilization and P(wait > "
        "wait_target_s) at most 1 - percentile; None when more than max_servers are needed.");
  m.def("node_allocatable", &node_allocatable, py::arg("node_type"), py::arg("policy"),
        "What one node of the type offers pods under the environment's policy: capacity, the "
        "kubelet's reservations (policy.reserved_model), eviction threshold, DaemonSets.");
  m.def("reserved_cpu_m", &reserved_cpu_m, py::arg("vcpu"), py::arg("model"),
        "Kubelet CPU reservation of a node, millicores, by GKE's, EKS's or AKS's formula.");
  m.def("reserved_memory_mib", &reserved_memory_mib, py::arg("memory_gib"), py::arg("max_pods"),
        py::arg("model"),
        "Kubelet memory reservation of a node, MiB, by GKE's, EKS's or AKS's formula.");
  m.def("erlang_b", &erlang_b, py::arg("offered_load_erlangs"), py::arg("servers"),
        "Blocking probability of M/M/c/c (stable recursion).");
  m.def("erlang_c", &erlang_c, py::arg("offered_load_erlangs"), py::arg("servers"),
        "Probability of waiting in M/M/c; needs servers > offered load.");
  m.def("probability_wait_exceeds", &probability_wait_exceeds, py::arg("offered_load_erlangs"),
        py::arg("servers"), py::arg("service_s"), py::arg("wait_s"), "P(wait > wait_s) in M/M/c.");
  m.def("mean_wait_s", &mean_wait_s, py::arg("offered_load_erlangs"), py::arg("servers"),
        py::arg("service_s"), "Mean queueing delay Wq in M/M/c.");
}

}  // namespace tierplan::bindings
