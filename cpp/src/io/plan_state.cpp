#include "tierplan/plan_state.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Every field of every plan type, listed once. A field left out here comes back with
// its default: tests/python/test_pickle.py compares unpickled plans with operator==,
// so a new field that is not listed fails there.
namespace tierplan {

// Packed texts as an array of their texts, in the order of their keys.
template <class Key, std::size_t N>
void to_json(nlohmann::json& state, const PackedTexts<Key, N>& texts) {
  state = nlohmann::json::array();
  for (std::size_t i = 0; i < N; ++i) state.push_back(texts[static_cast<Key>(i)]);
}
template <class Key, std::size_t N>
void from_json(const nlohmann::json& state, PackedTexts<Key, N>& texts) {
  if (!state.is_array() || state.size() != N) {
    throw std::invalid_argument("corrupt tierplan state: " + std::to_string(N) +
                                " texts expected, found " + state.dump());
  }
  std::string joined;
  std::array<std::uint32_t, N> ends{};
  for (std::size_t i = 0; i < N; ++i) {
    joined += state[i].template get<std::string>();
    ends[i] = static_cast<std::uint32_t>(joined.size());
  }
  texts = PackedTexts<Key, N>(joined, ends);
}

// The plan's parts as JSON members, by layer. Catalog entries and demand:
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(NodeType, name, cloud, vcpu, memory_gib, max_pods,
                                   price_usd_per_hour, source, as_of)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(MachineShape, name, cloud, vcpu, memory_gib, price_usd_per_hour,
                                   replicated_price_usd_per_hour, burstable, source, as_of)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PeakDemand, api_rate_per_s, api_service_s, api_stream_hold_s,
                                   worker_task_rate_per_s, plugin_call_rate_per_s,
                                   sandbox_execution_rate_per_s, document_ingestion_rate_per_s,
                                   outbound_request_rate_per_s)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ComponentLoad, arrival_rate_per_s, service_s, hold_s,
                                   offered_load_erlangs, concurrent_requests, driver)

// Components and nodes:
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ComponentPlan, name, helm_key, kind, load, replicas,
                                   queueing_replicas, connection_replicas, floor_replicas,
                                   server_utilization, wait_probability, request_cpu_m,
                                   request_memory_mib, limit_cpu_m, limit_memory_mib,
                                   processes_per_replica, autoscaled, hpa_min_replicas,
                                   hpa_max_replicas, hpa_target_cpu_utilization_percent, on_spot,
                                   reasons)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(NodeAllocatable, capacity_cpu_m, capacity_memory_mib,
                                   reserved_cpu_m, reserved_memory_mib, eviction_memory_mib,
                                   allocatable_cpu_m, allocatable_memory_mib, daemonset_cpu_m,
                                   daemonset_memory_mib, pod_cpu_m, pod_memory_mib, pod_slots)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(NodeUsage, index, pods, packed_cpu_m, packed_memory_mib,
                                   request_cpu_m, request_memory_mib, limit_cpu_m, limit_memory_mib,
                                   free_cpu_m, free_memory_mib)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(NodePlan, node_type, allocatable, packed_by, count,
                                   steady_state_count, survives_node_loss, count_at_horizon,
                                   runs_out_month, horizon_reason, pool_reason, count_reason,
                                   type_reason, nodes, cost_usd_month, cost_reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ResourceTotals, request_cpu_m, request_memory_mib, limit_cpu_m,
                                   limit_memory_mib, pods, spare_cpu_m, spare_memory_mib)

// The data plane:
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TableSize, name, rows, bytes_per_row, total_bytes, rows_per_day,
                                   days_kept, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ConnectionUse, component, replicas, per_replica, total)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PgTuneInput, postgres_version, workload, memory_mib, vcpu,
                                   max_connections, disk, os)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(
    PgTuneSettings, max_connections, shared_buffers_kib, effective_cache_size_kib,
    maintenance_work_mem_kib, checkpoint_completion_target, wal_buffers_kib,
    default_statistics_target, random_page_cost, effective_io_concurrency, work_mem_kib, huge_pages,
    jit, wal_compression, autovacuum_max_workers, autovacuum_work_mem_kib, io_method, io_workers,
    min_wal_size_kib, max_wal_size_kib, parallel_settings, max_worker_processes,
    max_parallel_workers_per_gather, max_parallel_workers, max_parallel_maintenance_workers,
    wal_level, max_wal_senders, warnings)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ParameterSetting, name, value, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PostgresPlan, tables, data_gib, wal_gib, storage_gib,
                                   storage_reason, written_gib_per_day, connections,
                                   client_connections, reserved_connections, max_connections,
                                   max_connections_reason, pgbouncer, pgbouncer_default_pool_size,
                                   pgbouncer_max_client_conn, pgbouncer_reason, query_rate_per_s,
                                   cpu_needed_cores, memory_needed_gib, working_set_gib,
                                   requests_in_flight, shape, shape_reason, topology,
                                   topology_reason, tune_input, settings,
                                   service_default_max_connections, parameter_group,
                                   parameter_group_reason, max_storage_gib, max_storage_source)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RedisPlan, horizon_task_rate_per_s, broker_backlog_messages,
                                   broker_bytes, cache_keys, cache_bytes, used_memory_mib,
                                   maxmemory_mib, instance_memory_gib, shape,
                                   reserved_memory_fraction, outage_minutes_held, memory_reason,
                                   client_connections, maxclients, maxclients_reason, topology,
                                   topology_reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(QdrantPlan, documents, points, chunks_per_document, vector_bytes,
                                   quantized_bytes, hnsw_bytes, payload_bytes, id_tracker_bytes,
                                   docs_rule_memory_gib, ram_total_gib, disk_total_gib, nodes,
                                   replication_factor, shards, ram_per_node_gib, disk_per_node_gib,
                                   shape, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ObjectStoragePlan, uploads_gib, documents_gib,
                                   plugin_packages_gib, versions_gib, total_gib, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(InClusterPod, name, replicas, request_cpu_m, request_memory_mib,
                                   limit_cpu_m, limit_memory_mib, volume_gib, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(DataPlan, postgres, redis, qdrant, object_storage,
                                   in_cluster_pods, warnings)

// Tier, logs and backups:
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TierRecommendation, tier, custom, survives_node_loss,
                                   exceeded_resource, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ComponentLogVolume, component, level, level_overridden,
                                   units_per_day, app_lines_per_day, access_lines_per_day,
                                   audit_lines_per_day, gib_per_day)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(LogPlan, level, access_log, audit_log, components,
                                   app_gib_per_day, access_gib_per_day, audit_gib_per_day,
                                   gib_per_day, volume_reason, retention_days, stored_gib,
                                   stored_reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PostgresBackupPlan, point_in_time_recovery, full_backup_gib,
                                   full_backup_reason, full_backups_kept, written_gib_per_day,
                                   wal_gib_per_day, wal_reason, retention_days, repository_gib,
                                   repository_reason, rpo_minutes, rpo_reason, rto_minutes,
                                   restore_minutes, replay_minutes, rto_reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ObjectStorageBackupPlan, versioning, noncurrent_version_gib,
                                   reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(VectorStoreBackupPlan, method, recommended, rebuild_minutes,
                                   snapshot_gib, snapshot_storage_gib, recovery_minutes,
                                   snapshot_restore_minutes, rpo_minutes, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(BackupPlan, postgres, object_storage, vector_store,
                                   rto_target_minutes, rpo_target_minutes,
                                   helm_values_in_version_control, storage_gib, storage_reason)

// Cost, and the plan itself:
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CostItem, item, quantity, unit, unit_cost_usd_month,
                                   cost_usd_month, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CostPlan, items, cloud, region, region_price_factor, pricing,
                                   commitment_discount_fraction, total_usd_month, total_usd_year,
                                   prices_as_of, total_reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(EnvironmentPlan, name, daily_active_users, growth_factor, demand,
                                   components, nodes, spot_nodes, totals, data, tier, logs, backups,
                                   cost, warnings)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Plan, scenario, environments)

namespace {

// Bumped whenever a plan type gains, loses or changes a field.
// 5: the data plane and backups record what bound them; 6: scenarios and costs name their
// cloud and region (catalog prices per cloud, regions, the control plane); 7: how each
// datastore runs, and the pods of those run in the cluster; 8: managed PostgreSQL's parameter
// group and storage limit, Redis's reserve, the pricing model; 9: burstable shapes, the Redis
// backlog at the horizon and its margin, nodes at the horizon, PGTune's OS; 10: the spot pool.
constexpr int kPlanStateFormat = 10;

template <class T>
std::string to_state(const T& value) {
  const nlohmann::json state = {{"format", kPlanStateFormat}, {"value", value}};
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(state);
  return {bytes.begin(), bytes.end()};
}

template <class T>
T from_state(std::string_view bytes, const char* what) {
  const nlohmann::json state = nlohmann::json::from_cbor(bytes, true, false);
  if (state.is_discarded() || !state.is_object() || !state.contains("format") ||
      !state.contains("value")) {
    throw std::invalid_argument(std::string("not a tierplan ") + what + " state");
  }
  if (state["format"] != kPlanStateFormat) {
    throw std::invalid_argument(std::string("tierplan ") + what + " state of format " +
                                state["format"].dump() + ", this version reads format " +
                                std::to_string(kPlanStateFormat));
  }
  try {
    return state["value"].get<T>();
  } catch (const nlohmann::json::exception& error) {
    throw std::invalid_argument(std::string("corrupt tierplan ") + what +
                                " state: " + error.what());
  }
}

}  // namespace

std::string plan_to_state(const Plan& plan) { return to_state(plan); }
std::string environment_plan_to_state(const EnvironmentPlan& plan) { return to_state(plan); }
Plan plan_from_state(std::string_view state) { return from_state<Plan>(state, "plan"); }
EnvironmentPlan environment_plan_from_state(std::string_view state) {
  return from_state<EnvironmentPlan>(state, "environment plan");
}

}  // namespace tierplan
