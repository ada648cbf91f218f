// The Plan as JSON. Keys carry their units; every planned number has a *_reason key
// next to it. data/schema/plan.schema.json documents the shape.
#include <cmath>

#include "io/field_reader.hpp"
#include "tierplan/json.hpp"
#include "tierplan/plan.hpp"

namespace tierplan {

namespace {

using detail::json;

constexpr int kPlanSchemaVersion = 1;

json component_json(const ComponentPlan& c) {
  const auto& load = c.load;
  return {{"name", c.name},
          {"helm_key", c.helm_key},
          {"kind", to_string(c.kind)},
          {"load",
           {{"arrival_rate_per_s", load.arrival_rate_per_s},
            {"service_time_ms", load.service_s * 1000.0},
            {"stream_hold_s", load.hold_s},
            {"offered_load_erlangs", load.offered_load_erlangs},
            {"concurrent_requests", load.concurrent_requests},
            {"reason", load.derivation()}}},
          {"replicas", c.replicas},
          {"replicas_reason", c.replicas_reason()},
          {"queueing_replicas", c.queueing_replicas},
          {"connection_replicas", c.connection_replicas},
          {"floor_replicas", c.floor_replicas},
          {"server_utilization_fraction", c.server_utilization},
          {"wait_probability", c.wait_probability},
          {"request_cpu_m", c.request_cpu_m},
          {"request_memory_mib", c.request_memory_mib},
          {"limit_cpu_m", c.limit_cpu_m},
          {"limit_memory_mib", c.limit_memory_mib},
          {"resources_reason", c.resources_reason()},
          {"processes_per_replica", c.processes_per_replica},
          {"processes_reason", c.processes_reason()},
          {"autoscaling",
           {{"enabled", c.autoscaled},
            {"min_replicas", c.hpa_min_replicas},
            {"max_replicas", c.hpa_max_replicas},
            {"target_cpu_utilization_percent", c.hpa_target_cpu_utilization_percent},
            {"reason", c.hpa_reason()}}},
          {"on_spot", c.on_spot}};
}

json nodes_json(const NodePlan& n) {
  const auto& a = n.allocatable;
  json per_node = json::array();
  for (const auto& node : n.nodes) {
    per_node.push_back({{"index", node.index},
                        {"pods", node.pods},
                        {"packed_cpu_m", node.packed_cpu_m},
                        {"packed_memory_mib", node.packed_memory_mib},
                        {"request_cpu_m", node.request_cpu_m},
                        {"request_memory_mib", node.request_memory_mib},
                        {"limit_cpu_m", node.limit_cpu_m},
                        {"limit_memory_mib", node.limit_memory_mib},
                        {"free_cpu_m", node.free_cpu_m},
                        {"free_memory_mib", node.free_memory_mib}});
  }
  return {{"node_type", n.node_type.name},
          {"cloud", n.node_type.cloud},
          {"vcpu", n.node_type.vcpu},
          {"memory_gib", n.node_type.memory_gib},
          {"price_usd_per_hour", n.node_type.price_usd_per_hour},
          {"type_reason", n.type_reason},
          {"count", n.count},
          {"count_reason", n.count_reason},
          {"steady_state_count", n.steady_state_count},
          {"survives_node_loss", n.survives_node_loss},
          {"count_at_horizon", n.count_at_horizon},
          {"runs_out_month", n.runs_out_month},
          {"horizon_reason", n.horizon_reason},
          {"pool_reason", n.pool_reason},
          {"packed_by", to_string(n.packed_by)},
          {"allocatable",
           {{"capacity_cpu_m", a.capacity_cpu_m},
            {"capacity_memory_mib", a.capacity_memory_mib},
            {"reserved_cpu_m", a.reserved_cpu_m},
            {"reserved_memory_mib", a.reserved_memory_mib},
            {"eviction_memory_mib", a.eviction_memory_mib},
            {"allocatable_cpu_m", a.allocatable_cpu_m},
            {"allocatable_memory_mib", a.allocatable_memory_mib},
            {"daemonset_cpu_m", a.daemonset_cpu_m},
            {"daemonset_memory_mib", a.daemonset_memory_mib},
            {"pod_cpu_m", a.pod_cpu_m},
            {"pod_memory_mib", a.pod_memory_mib},
            {"pod_slots", a.pod_slots}}},
          {"nodes", per_node},
          {"cost_usd_month", n.cost_usd_month},
          {"cost_reason", n.cost_reason}};
}

constexpr double kBytesPerGib = 1024.0 * 1024.0 * 1024.0;

json pgtune_json(const PgTuneSettings& s) {
  return {{"max_connections", s.max_connections},
          {"shared_buffers_kib", s.shared_buffers_kib},
          {"effective_cache_size_kib", s.effective_cache_size_kib},
          {"maintenance_work_mem_kib", s.maintenance_work_mem_kib},
          {"checkpoint_completion_target", s.checkpoint_completion_target},
          {"wal_buffers_kib", s.wal_buffers_kib},
          {"default_statistics_target", s.default_statistics_target},
          {"random_page_cost", s.random_page_cost},
          {"effective_io_concurrency", s.effective_io_concurrency},
          {"work_mem_kib", s.work_mem_kib},
          {"huge_pages", s.huge_pages},
          {"min_wal_size_kib", s.min_wal_size_kib},
          {"max_wal_size_kib", s.max_wal_size_kib},
          {"max_worker_processes", s.max_worker_processes},
          {"max_parallel_workers_per_gather", s.max_parallel_workers_per_gather},
          {"max_parallel_workers", s.max_parallel_workers},
          {"max_parallel_maintenance_workers", s.max_parallel_maintenance_workers}};
}

json shape_json(const MachineShape& m) {
  return {{"name", m.name}, {"cloud", m.cloud}, {"vcpu", m.vcpu}, {"memory_gib", m.memory_gib}};
}

// A managed instance's parameter group: the settings to change, with the reason of each
// and of what stays; no settings unless the service is managed.
json parameter_group_json(const PostgresPlan& p) {
  json settings = json::array();
  for (const auto& s : p.parameter_group) {
    settings.push_back({{"name", s.name}, {"value", s.value}, {"reason", s.reason}});
  }
  return {{"settings", settings}, {"reason", p.parameter_group_reason}};
}

json postgres_json(const PostgresPlan& p) {
  json tables = json::array();
  for (const auto& t : p.tables) {
    tables.push_back({{"name", t.name},
                      {"rows", t.rows},
                      {"bytes_per_row", t.bytes_per_row},
                      {"total_gib", t.total_bytes / kBytesPerGib},
                      {"reason", t.reason}});
  }
  json connections = json::array();
  for (const auto& c : p.connections) {
    connections.push_back({{"component", c.component},
                           {"replicas", c.replicas},
                           {"per_replica", c.per_replica},
                           {"total", c.total}});
  }
  return {{"shape", shape_json(p.shape)},
          {"shape_reason", p.shape_reason},
          {"cpu_needed_cores", p.cpu_needed_cores},
          {"memory_needed_gib", p.memory_needed_gib},
          {"query_rate_per_s", p.query_rate_per_s},
          {"topology", p.topology},
          {"topology_reason", p.topology_reason},
          {"data_gib", p.data_gib},
          {"wal_gib", p.wal_gib},
          {"storage_gib", p.storage_gib},
          {"storage_reason", p.storage_reason},
          {"written_gib_per_day", p.written_gib_per_day},
          {"tables", tables},
          {"connections", connections},
          {"client_connections", p.client_connections},
          {"reserved_connections", p.reserved_connections},
          {"max_connections", p.max_connections},
          {"max_connections_reason", p.max_connections_reason},
          {"pgbouncer",
           {{"recommended", p.pgbouncer},
            {"default_pool_size", p.pgbouncer_default_pool_size},
            {"max_client_conn", p.pgbouncer_max_client_conn},
            {"reason", p.pgbouncer_reason}}},
          {"service_default_max_connections", p.service_default_max_connections},
          {"parameter_group", parameter_group_json(p)},
          {"max_storage_gib", p.max_storage_gib},
          {"max_storage_source", p.max_storage_source},
          {"settings", pgtune_json(p.settings)},
          {"settings_reason", "PGTune rules (" + to_string(p.tune_input.workload) +
                                  ", PostgreSQL " + std::to_string(p.tune_input.postgres_version) +
                                  ") for " + std::to_string(p.tune_input.vcpu) + " vCPU, " +
                                  std::to_string(static_cast<int>(p.tune_input.memory_mib)) +
                                  " MiB, " + std::to_string(p.tune_input.max_connections) +
                                  " connections, " + to_string(p.tune_input.disk)}};
}

json redis_json(const RedisPlan& r) {
  return {{"horizon_task_rate_per_s", r.horizon_task_rate_per_s},
          {"broker_backlog_messages", r.broker_backlog_messages},
          {"broker_mib", r.broker_bytes / (1024.0 * 1024.0)},
          {"cache_keys", r.cache_keys},
          {"cache_mib", r.cache_bytes / (1024.0 * 1024.0)},
          {"used_memory_mib", r.used_memory_mib},
          {"maxmemory_mib", r.maxmemory_mib},
          {"instance_memory_gib", r.instance_memory_gib},
          {"shape", shape_json(r.shape)},
          {"reserved_memory_fraction", r.reserved_memory_fraction},
          {"outage_minutes_held", r.outage_minutes_held},
          {"memory_reason", r.memory_reason},
          {"maxclients", r.maxclients},
          {"maxclients_reason", r.maxclients_reason},
          {"topology", r.topology},
          {"topology_reason", r.topology_reason}};
}

json qdrant_json(const QdrantPlan& q) {
  return {{"points", q.points},
          {"chunks_per_document", q.chunks_per_document},
          {"vector_gib", q.vector_bytes / kBytesPerGib},
          {"quantized_gib", q.quantized_bytes / kBytesPerGib},
          {"hnsw_gib", q.hnsw_bytes / kBytesPerGib},
          {"payload_gib", q.payload_bytes / kBytesPerGib},
          {"id_tracker_gib", q.id_tracker_bytes / kBytesPerGib},
          {"docs_rule_memory_gib", q.docs_rule_memory_gib},
          {"ram_total_gib", q.ram_total_gib},
          {"disk_total_gib", q.disk_total_gib},
          {"nodes", q.nodes},
          {"replication_factor", q.replication_factor},
          {"shards", q.shards},
          {"ram_per_node_gib", q.ram_per_node_gib},
          {"disk_per_node_gib", q.disk_per_node_gib},
          {"shape", shape_json(q.shape)},
          {"reason", q.reason}};
}

json object_storage_json(const ObjectStoragePlan& o) {
  return {{"uploads_gib", o.uploads_gib},
          {"documents_gib", o.documents_gib},
          {"plugin_packages_gib", o.plugin_packages_gib},
          {"versions_gib", o.versions_gib},
          {"total_gib", o.total_gib},
          {"reason", o.reason}};
}

json in_cluster_json(const std::vector<InClusterPod>& pods) {
  json out = json::array();
  for (const auto& p : pods) {
    out.push_back({{"name", p.name},
                   {"replicas", p.replicas},
                   {"request_cpu_m", p.request_cpu_m},
                   {"request_memory_mib", p.request_memory_mib},
                   {"limit_cpu_m", p.limit_cpu_m},
                   {"limit_memory_mib", p.limit_memory_mib},
                   {"volume_gib", p.volume_gib},
                   {"reason", p.reason}});
  }
  return out;
}

json data_json(const DataPlan& d) {
  return {{"postgres", postgres_json(d.postgres)},
          {"redis", redis_json(d.redis)},
          {"qdrant", qdrant_json(d.qdrant)},
          {"object_storage", object_storage_json(d.object_storage)},
          {"in_cluster_pods", in_cluster_json(d.in_cluster_pods)}};
}

json logs_json(const LogPlan& l) {
  json components = json::array();
  for (const auto& c : l.components) {
    components.push_back({{"component", c.component},
                          {"level", to_string(c.level)},
                          {"level_overridden", c.level_overridden},
                          {"units_per_day", c.units_per_day},
                          {"app_lines_per_day", c.app_lines_per_day},
                          {"access_lines_per_day", c.access_lines_per_day},
                          {"audit_lines_per_day", c.audit_lines_per_day},
                          {"gib_per_day", c.gib_per_day}});
  }
  return {{"level", to_string(l.level)},
          {"access_log", l.access_log},
          {"audit_log", l.audit_log},
          {"components", components},
          {"app_gib_per_day", l.app_gib_per_day},
          {"access_gib_per_day", l.access_gib_per_day},
          {"audit_gib_per_day", l.audit_gib_per_day},
          {"gib_per_day", l.gib_per_day},
          {"volume_reason", l.volume_reason},
          {"retention_days", l.retention_days},
          {"stored_gib", l.stored_gib},
          {"stored_reason", l.stored_reason}};
}

json backups_json(const BackupPlan& b) {
  const auto& p = b.postgres;
  const auto& o = b.object_storage;
  const auto& v = b.vector_store;
  return {{"postgres",
           {{"point_in_time_recovery", p.point_in_time_recovery},
            {"full_backup_gib", p.full_backup_gib},
            {"full_backup_reason", p.full_backup_reason},
            {"full_backups_kept", p.full_backups_kept},
            {"written_gib_per_day", p.written_gib_per_day},
            {"wal_gib_per_day", p.wal_gib_per_day},
            {"wal_reason", p.wal_reason},
            {"retention_days", p.retention_days},
            {"repository_gib", p.repository_gib},
            {"repository_reason", p.repository_reason},
            {"rpo_minutes", p.rpo_minutes},
            {"rpo_reason", p.rpo_reason},
            {"rto_minutes", p.rto_minutes},
            {"rto_reason", p.rto_reason}}},
          {"object_storage",
           {{"versioning", o.versioning},
            {"noncurrent_version_gib", o.noncurrent_version_gib},
            {"reason", o.reason}}},
          {"vector_store",
           {{"method", to_string(v.method)},
            {"recommended", to_string(v.recommended)},
            {"rebuild_minutes", v.rebuild_minutes},
            {"snapshot_gib", v.snapshot_gib},
            {"snapshot_storage_gib", v.snapshot_storage_gib},
            {"recovery_minutes", v.recovery_minutes},
            {"rpo_minutes", v.rpo_minutes},
            {"reason", v.reason}}},
          {"rto_target_minutes", b.rto_target_minutes},
          {"rpo_target_minutes", b.rpo_target_minutes},
          {"helm_values_in_version_control", b.helm_values_in_version_control},
          {"storage_gib", b.storage_gib},
          {"storage_reason", b.storage_reason}};
}

json cost_json(const CostPlan& c) {
  json items = json::array();
  for (const auto& i : c.items) {
    items.push_back({{"item", i.item},
                     {"quantity", i.quantity},
                     {"unit", i.unit},
                     {"unit_cost_usd_month", i.unit_cost_usd_month},
                     {"cost_usd_month", i.cost_usd_month},
                     {"reason", i.reason}});
  }
  return {{"items", items},
          {"cloud", c.cloud},
          {"region", c.region},
          {"region_price_factor", c.region_price_factor},
          {"pricing", c.pricing},
          {"prices_as_of", c.prices_as_of},
          {"commitment_discount_fraction", c.commitment_discount_fraction},
          {"total_usd_month", c.total_usd_month},
          {"total_usd_year", c.total_usd_year},
          {"total_reason", c.total_reason}};
}

json environment_json(const EnvironmentPlan& e) {
  const auto& d = e.demand;
  const auto& t = e.totals;
  json components = json::array();
  for (const auto& c : e.components) components.push_back(component_json(c));
  json out = {{"name", e.name},
              {"daily_active_users", e.daily_active_users},
              {"growth_factor", e.growth_factor},
              {"peak_demand",
               {{"api_rate_per_s", d.api_rate_per_s},
                {"api_service_ms", d.api_service_s * 1000.0},
                {"api_stream_hold_s", d.api_stream_hold_s},
                {"worker_task_rate_per_s", d.worker_task_rate_per_s},
                {"plugin_call_rate_per_s", d.plugin_call_rate_per_s},
                {"sandbox_execution_rate_per_s", d.sandbox_execution_rate_per_s},
                {"document_ingestion_rate_per_s", d.document_ingestion_rate_per_s},
                {"outbound_request_rate_per_s", d.outbound_request_rate_per_s}}},
              {"components", components},
              {"nodes", nodes_json(e.nodes)},
              {"totals",
               {{"pods", t.pods},
                {"request_cpu_m", t.request_cpu_m},
                {"request_memory_mib", t.request_memory_mib},
                {"limit_cpu_m", t.limit_cpu_m},
                {"limit_memory_mib", t.limit_memory_mib},
                {"spare_cpu_m", t.spare_cpu_m},
                {"spare_memory_mib", t.spare_memory_mib}}},
              {"tier",
               {{"name", e.tier.tier},
                {"custom", e.tier.custom},
                {"survives_node_loss", e.tier.survives_node_loss},
                {"exceeded_resource", e.tier.exceeded_resource},
                {"reason", e.tier.reason}}},
              {"data", data_json(e.data)},
              {"logs", logs_json(e.logs)},
              {"backups", backups_json(e.backups)},
              {"cost", cost_json(e.cost)},
              {"warnings", e.warnings}};
  // The spot pool only where the environment has one (policy.cost.stateless_on_spot).
  if (e.spot_nodes.count > 0) out["spot_nodes"] = nodes_json(e.spot_nodes);
  return out;
}

}  // namespace

namespace {

// Significant digits a plan's numbers keep in JSON: a double's binary noise sits in the
// 16th and 17th (0.1 * 3 = 0.30000000000000004), which no input or output of a capacity
// plan resolves, so 15 drop the noise and keep every figure the model computes.
constexpr int kJsonSignificantDigits = 15;

void drop_binary_noise(json& value) {
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (std::isfinite(number) && number != 0.0) {
      const double scale =
          std::pow(10.0, kJsonSignificantDigits - 1 -
                             static_cast<int>(std::floor(std::log10(std::fabs(number)))));
      const double rounded = std::round(number * scale) / scale;
      if (std::isfinite(rounded)) value = rounded;
    }
    return;
  }
  if (value.is_structured()) {
    for (auto& item : value) drop_binary_noise(item);
  }
}

}  // namespace

nlohmann::ordered_json plan_to_json(const Plan& plan) {
  json environments = json::array();
  for (const auto& e : plan.environments) environments.push_back(environment_json(e));
  json document = {{"schema_version", kPlanSchemaVersion},
                   {"scenario", plan.scenario},
                   {"environments", environments}};
  drop_binary_noise(document);
  return document;
}

std::string plan_to_json_string(const Plan& plan, int indent) {
  return plan_to_json(plan).dump(indent) + "\n";
}

}  // namespace tierplan
