// The plan JSON read back (plan_from_json_string): what `tierplan plan --format json` wrote,
// for reports and comparisons of plans made elsewhere or earlier. It reads the keys
// plan_json.cpp writes; what the JSON does not carry (a catalog entry's price source and
// date, the PGTune input, the PGTune settings the JSON leaves out) stays at its default.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/choices.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/plan.hpp"

namespace tierplan {

namespace {

using json = nlohmann::ordered_json;

constexpr double kBytesPerGib = 1024.0 * 1024.0 * 1024.0;
constexpr double kBytesPerMib = 1024.0 * 1024.0;
constexpr double kMsPerS = 1000.0;

// Reads members of one object; a missing member or one of another type is an issue with
// its path, and reading goes on with the default so that one pass finds every problem.
class Reader {
 public:
  Reader(const json& object, std::string path, std::vector<FieldIssue>& issues)
      : object_(object), path_(std::move(path)), issues_(issues) {
    if (!object_.is_object()) issues_.push_back({path_, "must be an object"});
  }

  template <class T>
  void read(std::string_view key, T& out) const {
    const json* value = find(key);
    if (value == nullptr) return;
    try {
      out = value->get<T>();
    } catch (const nlohmann::json::exception&) {
      issues_.push_back({at(key), "has the wrong type, got " + value->dump()});
    }
  }

  // An enum written by to_string: the value whose name the member holds.
  template <class E, std::size_t N>
  void read_choice(std::string_view key, E& out, const std::array<E, N>& values) const {
    std::string name;
    read(key, name);
    for (const E value : values) {
      if (to_string(value) == name) {
        out = value;
        return;
      }
    }
    if (find(key) != nullptr) issues_.push_back({at(key), "unknown value \"" + name + "\""});
  }

  // Whether the object has the member (for the members a plan writes only when they apply).
  bool has(std::string_view key) const {
    return object_.is_object() && object_.find(key) != object_.end();
  }

  Reader child(std::string_view key) const {
    const json* value = find(key);
    return Reader(value != nullptr ? *value : kEmpty, at(key), issues_);
  }

  // Each element of an array member, read by element(Reader, T&).
  template <class T, class Read>
  void read_array(std::string_view key, std::vector<T>& out, Read element) const {
    const json* value = find(key);
    if (value == nullptr) return;
    if (!value->is_array()) {
      issues_.push_back({at(key), "must be an array"});
      return;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
      element(Reader((*value)[i], at(key) + "[" + std::to_string(i) + "]", issues_),
              out.emplace_back());
    }
  }

 private:
  const json* find(std::string_view key) const {
    if (!object_.is_object()) return nullptr;
    const auto it = object_.find(key);
    if (it == object_.end()) {
      issues_.push_back({at(key), "missing"});
      return nullptr;
    }
    return &*it;
  }
  std::string at(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  inline static const json kEmpty = json::object();
  const json& object_;
  std::string path_;
  std::vector<FieldIssue>& issues_;
};

void read_component(const Reader& r, ComponentPlan& c) {
  r.read("name", c.name);
  r.read("helm_key", c.helm_key);
  r.read_choice("kind", c.kind,
                std::array{ComponentKind::service, ComponentKind::worker, ComponentKind::singleton,
                           ComponentKind::daemon});
  const Reader load = r.child("load");
  load.read("arrival_rate_per_s", c.load.arrival_rate_per_s);
  load.read("service_time_ms", c.load.service_s);
  c.load.service_s /= kMsPerS;
  load.read("stream_hold_s", c.load.hold_s);
  load.read("offered_load_erlangs", c.load.offered_load_erlangs);
  load.read("concurrent_requests", c.load.concurrent_requests);
  // The load driver is written as the text it stands for (ComponentLoad::derivation).
  std::string derivation;
  load.read("reason", derivation);
  for (const auto& [name, driver] : detail::kDrivers) {
    ComponentLoad candidate;
    candidate.driver = driver;
    if (candidate.derivation() == derivation) c.load.driver = driver;
  }
  r.read("replicas", c.replicas);
  r.read("queueing_replicas", c.queueing_replicas);
  r.read("connection_replicas", c.connection_replicas);
  r.read("floor_replicas", c.floor_replicas);
  r.read("server_utilization_fraction", c.server_utilization);
  r.read("wait_probability", c.wait_probability);
  r.read("request_cpu_m", c.request_cpu_m);
  r.read("request_memory_mib", c.request_memory_mib);
  r.read("limit_cpu_m", c.limit_cpu_m);
  r.read("limit_memory_mib", c.limit_memory_mib);
  r.read("processes_per_replica", c.processes_per_replica);
  const Reader hpa = r.child("autoscaling");
  hpa.read("enabled", c.autoscaled);
  hpa.read("min_replicas", c.hpa_min_replicas);
  hpa.read("max_replicas", c.hpa_max_replicas);
  hpa.read("target_cpu_utilization_percent", c.hpa_target_cpu_utilization_percent);
  // Members added with the spot pool: a plan written before them has none.
  if (r.has("on_spot")) r.read("on_spot", c.on_spot);
  std::array<std::string, 4> reasons;
  r.read("replicas_reason", reasons[0]);
  r.read("resources_reason", reasons[1]);
  r.read("processes_reason", reasons[2]);
  hpa.read("reason", reasons[3]);
  using Reason = ComponentPlan::Reason;
  for (const Reason key : {Reason::replicas, Reason::resources, Reason::processes, Reason::hpa}) {
    c.reasons.set(key, reasons[static_cast<std::size_t>(key)]);
  }
}

void read_nodes(const Reader& r, NodePlan& n) {
  r.read("node_type", n.node_type.name);
  r.read("cloud", n.node_type.cloud);
  r.read("vcpu", n.node_type.vcpu);
  r.read("memory_gib", n.node_type.memory_gib);
  r.read("price_usd_per_hour", n.node_type.price_usd_per_hour);
  r.read("type_reason", n.type_reason);
  r.read("count", n.count);
  r.read("count_reason", n.count_reason);
  r.read("steady_state_count", n.steady_state_count);
  r.read("survives_node_loss", n.survives_node_loss);
  r.read("count_at_horizon", n.count_at_horizon);
  r.read("runs_out_month", n.runs_out_month);
  r.read("horizon_reason", n.horizon_reason);
  if (r.has("pool_reason")) r.read("pool_reason", n.pool_reason);
  r.read_choice("packed_by", n.packed_by,
                std::array{PackingMeasure::requests, PackingMeasure::limits});
  const Reader a = r.child("allocatable");
  NodeAllocatable& al = n.allocatable;
  a.read("capacity_cpu_m", al.capacity_cpu_m);
  a.read("capacity_memory_mib", al.capacity_memory_mib);
  a.read("reserved_cpu_m", al.reserved_cpu_m);
  a.read("reserved_memory_mib", al.reserved_memory_mib);
  a.read("eviction_memory_mib", al.eviction_memory_mib);
  a.read("allocatable_cpu_m", al.allocatable_cpu_m);
  a.read("allocatable_memory_mib", al.allocatable_memory_mib);
  a.read("daemonset_cpu_m", al.daemonset_cpu_m);
  a.read("daemonset_memory_mib", al.daemonset_memory_mib);
  a.read("pod_cpu_m", al.pod_cpu_m);
  a.read("pod_memory_mib", al.pod_memory_mib);
  a.read("pod_slots", al.pod_slots);
  r.read_array("nodes", n.nodes, [](const Reader& node, NodeUsage& u) {
    node.read("index", u.index);
    node.read("pods", u.pods);
    node.read("packed_cpu_m", u.packed_cpu_m);
    node.read("packed_memory_mib", u.packed_memory_mib);
    node.read("request_cpu_m", u.request_cpu_m);
    node.read("request_memory_mib", u.request_memory_mib);
    node.read("limit_cpu_m", u.limit_cpu_m);
    node.read("limit_memory_mib", u.limit_memory_mib);
    node.read("free_cpu_m", u.free_cpu_m);
    node.read("free_memory_mib", u.free_memory_mib);
  });
  r.read("cost_usd_month", n.cost_usd_month);
  r.read("cost_reason", n.cost_reason);
}

void read_shape(const Reader& r, MachineShape& m) {
  r.read("name", m.name);
  r.read("cloud", m.cloud);
  r.read("vcpu", m.vcpu);
  r.read("memory_gib", m.memory_gib);
}

void read_pgtune(const Reader& r, PgTuneSettings& s) {
  r.read("max_connections", s.max_connections);
  r.read("shared_buffers_kib", s.shared_buffers_kib);
  r.read("effective_cache_size_kib", s.effective_cache_size_kib);
  r.read("maintenance_work_mem_kib", s.maintenance_work_mem_kib);
  r.read("checkpoint_completion_target", s.checkpoint_completion_target);
  r.read("wal_buffers_kib", s.wal_buffers_kib);
  r.read("default_statistics_target", s.default_statistics_target);
  r.read("random_page_cost", s.random_page_cost);
  r.read("effective_io_concurrency", s.effective_io_concurrency);
  r.read("work_mem_kib", s.work_mem_kib);
  r.read("huge_pages", s.huge_pages);
  r.read("min_wal_size_kib", s.min_wal_size_kib);
  r.read("max_wal_size_kib", s.max_wal_size_kib);
  r.read("max_worker_processes", s.max_worker_processes);
  r.read("max_parallel_workers_per_gather", s.max_parallel_workers_per_gather);
  r.read("max_parallel_workers", s.max_parallel_workers);
  r.read("max_parallel_maintenance_workers", s.max_parallel_maintenance_workers);
}

void read_postgres_sizes(const Reader& r, PostgresPlan& p) {
  read_shape(r.child("shape"), p.shape);
  r.read("shape_reason", p.shape_reason);
  r.read("cpu_needed_cores", p.cpu_needed_cores);
  r.read("memory_needed_gib", p.memory_needed_gib);
  r.read("query_rate_per_s", p.query_rate_per_s);
  r.read("topology", p.topology);
  r.read("topology_reason", p.topology_reason);
  r.read("data_gib", p.data_gib);
  r.read("wal_gib", p.wal_gib);
  r.read("storage_gib", p.storage_gib);
  r.read("storage_reason", p.storage_reason);
  r.read("written_gib_per_day", p.written_gib_per_day);
  r.read_array("tables", p.tables, [](const Reader& t, TableSize& table) {
    t.read("name", table.name);
    t.read("rows", table.rows);
    t.read("bytes_per_row", table.bytes_per_row);
    t.read("total_gib", table.total_bytes);
    table.total_bytes *= kBytesPerGib;
    t.read("reason", table.reason);
  });
}

void read_postgres(const Reader& r, PostgresPlan& p) {
  read_postgres_sizes(r, p);
  r.read_array("connections", p.connections, [](const Reader& c, ConnectionUse& use) {
    c.read("component", use.component);
    c.read("replicas", use.replicas);
    c.read("per_replica", use.per_replica);
    c.read("total", use.total);
  });
  r.read("client_connections", p.client_connections);
  r.read("reserved_connections", p.reserved_connections);
  r.read("max_connections", p.max_connections);
  r.read("max_connections_reason", p.max_connections_reason);
  const Reader bouncer = r.child("pgbouncer");
  bouncer.read("recommended", p.pgbouncer);
  bouncer.read("default_pool_size", p.pgbouncer_default_pool_size);
  bouncer.read("max_client_conn", p.pgbouncer_max_client_conn);
  bouncer.read("reason", p.pgbouncer_reason);
  r.read("service_default_max_connections", p.service_default_max_connections);
  const Reader group = r.child("parameter_group");
  group.read_array("settings", p.parameter_group, [](const Reader& s, ParameterSetting& out) {
    s.read("name", out.name);
    s.read("value", out.value);
    s.read("reason", out.reason);
  });
  group.read("reason", p.parameter_group_reason);
  r.read("max_storage_gib", p.max_storage_gib);
  r.read("max_storage_source", p.max_storage_source);
  read_pgtune(r.child("settings"), p.settings);
}

void read_redis(const Reader& r, RedisPlan& p) {
  r.read("horizon_task_rate_per_s", p.horizon_task_rate_per_s);
  r.read("broker_backlog_messages", p.broker_backlog_messages);
  r.read("broker_mib", p.broker_bytes);
  p.broker_bytes *= kBytesPerMib;
  r.read("cache_keys", p.cache_keys);
  r.read("cache_mib", p.cache_bytes);
  p.cache_bytes *= kBytesPerMib;
  r.read("used_memory_mib", p.used_memory_mib);
  r.read("maxmemory_mib", p.maxmemory_mib);
  r.read("instance_memory_gib", p.instance_memory_gib);
  read_shape(r.child("shape"), p.shape);
  r.read("reserved_memory_fraction", p.reserved_memory_fraction);
  r.read("outage_minutes_held", p.outage_minutes_held);
  r.read("memory_reason", p.memory_reason);
  r.read("maxclients", p.maxclients);
  r.read("maxclients_reason", p.maxclients_reason);
  r.read("topology", p.topology);
  r.read("topology_reason", p.topology_reason);
}

void read_qdrant(const Reader& r, QdrantPlan& q) {
  r.read("points", q.points);
  r.read("chunks_per_document", q.chunks_per_document);
  for (auto [key, bytes] :
       {std::pair{"vector_gib", &q.vector_bytes}, std::pair{"quantized_gib", &q.quantized_bytes},
        std::pair{"hnsw_gib", &q.hnsw_bytes}, std::pair{"payload_gib", &q.payload_bytes},
        std::pair{"id_tracker_gib", &q.id_tracker_bytes}}) {
    r.read(key, *bytes);
    *bytes *= kBytesPerGib;
  }
  r.read("docs_rule_memory_gib", q.docs_rule_memory_gib);
  r.read("ram_total_gib", q.ram_total_gib);
  r.read("disk_total_gib", q.disk_total_gib);
  r.read("nodes", q.nodes);
  r.read("replication_factor", q.replication_factor);
  r.read("shards", q.shards);
  r.read("ram_per_node_gib", q.ram_per_node_gib);
  r.read("disk_per_node_gib", q.disk_per_node_gib);
  read_shape(r.child("shape"), q.shape);
  r.read("reason", q.reason);
}

void read_data(const Reader& r, DataPlan& d) {
  read_postgres(r.child("postgres"), d.postgres);
  read_redis(r.child("redis"), d.redis);
  read_qdrant(r.child("qdrant"), d.qdrant);
  const Reader o = r.child("object_storage");
  o.read("uploads_gib", d.object_storage.uploads_gib);
  o.read("documents_gib", d.object_storage.documents_gib);
  o.read("plugin_packages_gib", d.object_storage.plugin_packages_gib);
  o.read("versions_gib", d.object_storage.versions_gib);
  o.read("total_gib", d.object_storage.total_gib);
  o.read("reason", d.object_storage.reason);
  r.read_array("in_cluster_pods", d.in_cluster_pods, [](const Reader& p, InClusterPod& pod) {
    p.read("name", pod.name);
    p.read("replicas", pod.replicas);
    p.read("request_cpu_m", pod.request_cpu_m);
    p.read("request_memory_mib", pod.request_memory_mib);
    p.read("limit_cpu_m", pod.limit_cpu_m);
    p.read("limit_memory_mib", pod.limit_memory_mib);
    p.read("volume_gib", pod.volume_gib);
    p.read("reason", pod.reason);
  });
}

constexpr std::array kLogLevels{LogLevel::debug, LogLevel::info, LogLevel::warning,
                                LogLevel::error};

void read_logs(const Reader& r, LogPlan& l) {
  r.read_choice("level", l.level, kLogLevels);
  r.read("access_log", l.access_log);
  r.read("audit_log", l.audit_log);
  r.read_array("components", l.components, [](const Reader& c, ComponentLogVolume& v) {
    c.read("component", v.component);
    c.read_choice("level", v.level, kLogLevels);
    c.read("level_overridden", v.level_overridden);
    c.read("units_per_day", v.units_per_day);
    c.read("app_lines_per_day", v.app_lines_per_day);
    c.read("access_lines_per_day", v.access_lines_per_day);
    c.read("audit_lines_per_day", v.audit_lines_per_day);
    c.read("gib_per_day", v.gib_per_day);
  });
  r.read("app_gib_per_day", l.app_gib_per_day);
  r.read("access_gib_per_day", l.access_gib_per_day);
  r.read("audit_gib_per_day", l.audit_gib_per_day);
  r.read("gib_per_day", l.gib_per_day);
  r.read("volume_reason", l.volume_reason);
  r.read("retention_days", l.retention_days);
  r.read("stored_gib", l.stored_gib);
  r.read("stored_reason", l.stored_reason);
}

void read_postgres_backups(const Reader& r, PostgresBackupPlan& p) {
  r.read("point_in_time_recovery", p.point_in_time_recovery);
  r.read("full_backup_gib", p.full_backup_gib);
  r.read("full_backup_reason", p.full_backup_reason);
  r.read("full_backups_kept", p.full_backups_kept);
  r.read("written_gib_per_day", p.written_gib_per_day);
  r.read("wal_gib_per_day", p.wal_gib_per_day);
  r.read("wal_reason", p.wal_reason);
  r.read("retention_days", p.retention_days);
  r.read("repository_gib", p.repository_gib);
  r.read("repository_reason", p.repository_reason);
  r.read("rpo_minutes", p.rpo_minutes);
  r.read("rpo_reason", p.rpo_reason);
  r.read("rto_minutes", p.rto_minutes);
  r.read("rto_reason", p.rto_reason);
}

void read_backups(const Reader& r, BackupPlan& b) {
  read_postgres_backups(r.child("postgres"), b.postgres);
  const Reader o = r.child("object_storage");
  o.read("versioning", b.object_storage.versioning);
  o.read("noncurrent_version_gib", b.object_storage.noncurrent_version_gib);
  o.read("reason", b.object_storage.reason);
  const Reader v = r.child("vector_store");
  constexpr std::array kRecovery{VectorRecovery::snapshot, VectorRecovery::rebuild};
  v.read_choice("method", b.vector_store.method, kRecovery);
  v.read_choice("recommended", b.vector_store.recommended, kRecovery);
  v.read("rebuild_minutes", b.vector_store.rebuild_minutes);
  v.read("snapshot_gib", b.vector_store.snapshot_gib);
  v.read("snapshot_storage_gib", b.vector_store.snapshot_storage_gib);
  v.read("recovery_minutes", b.vector_store.recovery_minutes);
  v.read("rpo_minutes", b.vector_store.rpo_minutes);
  v.read("reason", b.vector_store.reason);
  r.read("rto_target_minutes", b.rto_target_minutes);
  r.read("rpo_target_minutes", b.rpo_target_minutes);
  r.read("helm_values_in_version_control", b.helm_values_in_version_control);
  r.read("storage_gib", b.storage_gib);
  r.read("storage_reason", b.storage_reason);
}

void read_cost(const Reader& r, CostPlan& c) {
  r.read_array("items", c.items, [](const Reader& i, CostItem& item) {
    i.read("item", item.item);
    i.read("quantity", item.quantity);
    i.read("unit", item.unit);
    i.read("unit_cost_usd_month", item.unit_cost_usd_month);
    i.read("cost_usd_month", item.cost_usd_month);
    i.read("reason", item.reason);
  });
  r.read("cloud", c.cloud);
  r.read("region", c.region);
  r.read("region_price_factor", c.region_price_factor);
  r.read("pricing", c.pricing);
  r.read("prices_as_of", c.prices_as_of);
  r.read("commitment_discount_fraction", c.commitment_discount_fraction);
  r.read("total_usd_month", c.total_usd_month);
  r.read("total_usd_year", c.total_usd_year);
  r.read("total_reason", c.total_reason);
}

void read_environment(const Reader& r, EnvironmentPlan& e) {
  r.read("name", e.name);
  r.read("daily_active_users", e.daily_active_users);
  r.read("growth_factor", e.growth_factor);
  const Reader d = r.child("peak_demand");
  d.read("api_rate_per_s", e.demand.api_rate_per_s);
  d.read("api_service_ms", e.demand.api_service_s);
  e.demand.api_service_s /= kMsPerS;
  d.read("api_stream_hold_s", e.demand.api_stream_hold_s);
  d.read("worker_task_rate_per_s", e.demand.worker_task_rate_per_s);
  d.read("plugin_call_rate_per_s", e.demand.plugin_call_rate_per_s);
  d.read("sandbox_execution_rate_per_s", e.demand.sandbox_execution_rate_per_s);
  d.read("document_ingestion_rate_per_s", e.demand.document_ingestion_rate_per_s);
  d.read("outbound_request_rate_per_s", e.demand.outbound_request_rate_per_s);
  r.read_array("components", e.components, read_component);
  read_nodes(r.child("nodes"), e.nodes);
  if (r.has("spot_nodes")) read_nodes(r.child("spot_nodes"), e.spot_nodes);
  const Reader t = r.child("totals");
  t.read("pods", e.totals.pods);
  t.read("request_cpu_m", e.totals.request_cpu_m);
  t.read("request_memory_mib", e.totals.request_memory_mib);
  t.read("limit_cpu_m", e.totals.limit_cpu_m);
  t.read("limit_memory_mib", e.totals.limit_memory_mib);
  t.read("spare_cpu_m", e.totals.spare_cpu_m);
  t.read("spare_memory_mib", e.totals.spare_memory_mib);
  const Reader tier = r.child("tier");
  tier.read("name", e.tier.tier);
  tier.read("custom", e.tier.custom);
  tier.read("survives_node_loss", e.tier.survives_node_loss);
  tier.read("exceeded_resource", e.tier.exceeded_resource);
  tier.read("reason", e.tier.reason);
  read_data(r.child("data"), e.data);
  read_logs(r.child("logs"), e.logs);
  read_backups(r.child("backups"), e.backups);
  read_cost(r.child("cost"), e.cost);
  r.read("warnings", e.warnings);
}

}  // namespace

Plan plan_from_json_string(std::string_view text) {
  const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    throw ValidationError(std::vector<FieldIssue>{
        {"(document)", "not JSON: the plan JSON is what plan_to_json_string writes"}});
  }
  std::vector<FieldIssue> issues;
  const Reader root(document, "", issues);
  int version = 0;
  root.read("schema_version", version);
  // plan_json.cpp's kPlanSchemaVersion: a reader of this version's keys.
  if (version != 1 && issues.empty()) {
    issues.push_back({"schema_version", "must be 1, got " + std::to_string(version)});
  }
  Plan plan;
  root.read("scenario", plan.scenario);
  root.read_array("environments", plan.environments, read_environment);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return plan;
}

}  // namespace tierplan
