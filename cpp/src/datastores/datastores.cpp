#include "tierplan/datastores.hpp"

#include <algorithm>
#include <cmath>

#include "io/format.hpp"
#include "model/choices.hpp"
#include "planner/planner_detail.hpp"
#include "tierplan/errors.hpp"
#include "units.hpp"

namespace tierplan {

namespace {

using detail::concat;
using detail::Fixed;
using detail::readable;
using detail::Readable;
using detail::TextBuilder;
using units::kBytesPerGib;
using units::kBytesPerKib;
using units::kBytesPerMib;
using units::kDaysPerMonth;
using units::kDaysPerYear;
using units::kMibPerGib;

// A share as a whole percentage in a reason (0.25 -> "25").
Fixed percent(double share) { return Fixed{share * 100.0, 0}; }

// PostgreSQL reserves superuser_reserved_connections = 3 by default (PostgreSQL docs).
constexpr int kSuperuserReservedConnections = 3;
// Assumption: room for migrations, backups and monitoring agents.
constexpr int kAdminConnections = 10;
// max_wal_senders defaults to 10 (PostgreSQL docs); a standby and base backups use them.
constexpr int kReplicationConnections = 10;
// Assumption: max_connections is set in round tens.
constexpr int kMaxConnectionsStep = 10;
// Dify's docker default POSTGRES_MAX_CONNECTIONS is 100.
constexpr int kDifyDefaultMaxConnections = 100;
// The PostgreSQL wiki's pool size ("Number Of Database Connections"), connections = cores
// * 2 + effective spindles; SSD or network storage counts as one spindle. PgBouncer keeps
// that many server connections per database/user pair (default_pool_size, PgBouncer's
// configuration docs).
constexpr int kPoolConnectionsPerCore = 2;
// Dify's database pairs: the API and workers' database (DB_DATABASE) and the plugin
// daemon's own (DB_PLUGIN_DATABASE=dify_plugin, Dify's docker/.env.example): two pools.
constexpr int kDatabaseUserPairs = 2;
constexpr int kEffectiveSpindles = 1;
// Assumption: keep the database server at or below 60% CPU at the peak.
constexpr double kDatabaseCpuCeiling = 0.6;
// PGTune gives shared_buffers = RAM / 4 and effective_cache_size = RAM * 3 / 4: the
// working set should fit the latter (shared buffers plus the OS page cache).
constexpr int kRamQuarters = 4;
constexpr int kEffectiveCacheQuarters = 3;
constexpr double kSharedBuffersShare = 1.0 / kRamQuarters;
constexpr double kEffectiveCacheShare = static_cast<double>(kEffectiveCacheQuarters) / kRamQuarters;
// Assumption: memory for the OS and PostgreSQL's own processes beside the backends.
constexpr double kDatabaseOsMib = 512.0;
// Assumption: volumes are provisioned in steps of 8 GiB.
constexpr double kStorageStepGib = 8.0;

// Redis docs: an empty instance uses about 3 MB.
constexpr double kRedisEmptyMib = 3.0;
// Assumption: jemalloc fragmentation ratio of a busy broker (INFO mem_fragmentation_ratio).
constexpr double kRedisFragmentation = 1.2;
// A Redis you run keeps 25% of memory for fork copy-on-write and replication buffers, as
// ElastiCache's default reserved-memory-percent does; a managed service uses its own reserve
// (catalog.prices[cloud].redis_reserved_memory).
constexpr double kRedisReserveShare = 0.25;
// Redis connections per replica beyond its concurrency: a pool's idle spares and pub/sub.
constexpr int kRedisSpareConnectionsPerReplica = 2;
// Sentinels, replicas and monitoring.
constexpr int kRedisAdminConnections = 32;
// Assumption: maxclients at least 1000 (Redis's default is 10000, redis.conf), room for
// reconnecting clients whatever the replicas open.
constexpr int kRedisMinMaxclients = 1000;

// Qdrant sizing (qdrant/skills sizing guide): HNSW m = 16 links, 2 layers' worth, 4-byte
// ids, 20% overhead; about 52 bytes per point in the id tracker; 20% headroom; payload
// stored at 1.5x; the docs rule keeps vectors * dimension * 4 (float32) * 1.5 in memory.
constexpr double kHnswM = 16.0;
constexpr double kHnswBytes = kHnswM * 2.0 * 4.0 * 1.2;
constexpr double kFloat32Bytes = 4.0;
constexpr double kIdTrackerBytes = 52.0;
constexpr double kQdrantHeadroom = 1.2;
constexpr double kQdrantPayloadFactor = 1.5;
constexpr double kQdrantDocsRuleFactor = 1.5;
// Qdrant guidance: up to about 100M vectors per node.
constexpr double kQdrantMaxPointsPerNode = 100e6;
// Qdrant distributed deployment docs: replication factor 2 keeps a copy of every shard
// when a node is lost, and 3 nodes keep a Raft majority for consensus.
constexpr int kQdrantCopiesToSurviveLoss = 2;
constexpr int kQdrantNodesToSurviveLoss = 3;
// Qdrant's memory guidance (qdrant/skills, "qdrant-memory-usage-optimization"): resident
// memory above 80% of a machine's RAM is a sign of a problem; the rest is the OS, the page
// cache of what stays on disk, and the temporary segments the optimizer builds.
constexpr double kQdrantResidentShareMax = 0.8;

// Assumption: installed plugin packages (tens of MB each, a hundred of them).
constexpr double kPluginPackagesGib = 5.0;

// Fragments of the reasons made of constants only: made once, then shared by every plan.
const std::string& reserved_text() {
  static const std::string text =
      concat(" reserved (superuser ", kSuperuserReservedConnections, ", admin ", kAdminConnections);
  return text;
}
const std::string& replication_text() {
  static const std::string text = concat(", replication ", kReplicationConnections);
  return text;
}
const std::string& connections_rounding_text() {
  static const std::string text = concat("), rounded up to ", kMaxConnectionsStep);
  return text;
}
const std::string& pool_formula_text() {
  static const std::string text = concat(
      " per database/user pair = cores * ", kPoolConnectionsPerCore, " + ", kEffectiveSpindles,
      " spindle (PostgreSQL wiki, \"Number Of Database Connections\"), for each of Dify's ",
      kDatabaseUserPairs, " databases (its own and the plugin daemon's dify_plugin); ");
  return text;
}
const std::string& cpu_ceiling_text() {
  static const std::string text = concat(" ms at ", percent(kDatabaseCpuCeiling), "% CPU) and ");
  return text;
}
const std::string& effective_cache_text() {
  static const std::string text = concat(" GiB in effective_cache_size = RAM x ",
                                         kEffectiveCacheQuarters, "/", kRamQuarters, ", ");
  return text;
}
const std::string& storage_rounding_text() {
  static const std::string text = concat(" GiB WAL (max_wal_size), rounded up to a multiple of ",
                                         Fixed{kStorageStepGib, 0}, " GiB");
  return text;
}
const std::string& maxclients_floor_text() {
  static const std::string text =
      concat(" connections from the app replicas at their autoscaling maximum and admin; at least ",
             kRedisMinMaxclients);
  return text;
}
const std::string& hnsw_text() {
  static const std::string text = concat(", HNSW m=", Fixed{kHnswM, 0}, ", ",
                                         percent(kQdrantHeadroom - 1.0), "% headroom) on ");
  return text;
}
const std::string& docs_rule_text() {
  static const std::string text =
      concat("; Qdrant docs rule (vectors x dims x ", Fixed{kFloat32Bytes, 0}, " x ",
             Fixed{kQdrantDocsRuleFactor, 1}, "): ");
  return text;
}

// Whether a datastore's class is burstable, or burstable classes were left out for it.
const char* burstable_text(const MachineShape& shape, bool allowed, DatastoreMode mode) {
  if (shape.burstable) return " (burstable: the policy allows it)";
  // Only the managed services' classes are burstable in the catalog (t4g).
  if (allowed || mode != DatastoreMode::managed) return "";
  return " (burstable classes left out: burstable_instances_allowed is false)";
}

double horizon_days(const Workload& w) { return w.growth.planning_horizon_months * kDaysPerMonth; }

// Rows written per day at today's load, and the growth rate per day.
double daily_rows(const TableModel& table, const Workload& w) {
  double rows = 0.0;
  // A table has rows for a few request classes: they are found by a scan that compares
  // the lengths first (keys are unique, so it finds what find() would).
  if (!table.rows_per_request.empty()) {
    for (const auto& request : w.requests) {
      for (const auto& [name, rows_per_request] : table.rows_per_request) {
        if (name.size() == request.name.size() && name == request.name) {
          rows += w.daily_active_users * request.per_user_per_day * rows_per_request;
          break;
        }
      }
    }
  }
  rows += w.daily_active_users * w.uploads.files_per_user_per_day * table.rows_per_upload;
  return rows;
}

// Integral of a daily amount growing at the scenario's rate over the last `days` of
// the horizon: what a table with that retention holds at the horizon's end.
double accumulated(double per_day, double days, const Workload& w) {
  const double horizon = horizon_days(w);
  days = std::min(days, horizon);
  const double k = std::log1p(w.growth.annual_growth_fraction) / kDaysPerYear;
  if (std::abs(k) < 1e-12) return per_day * days;
  return per_day * (std::exp(k * horizon) - std::exp(k * (horizon - days))) / k;
}

double growth_at_horizon(const Workload& w) {
  return std::pow(1.0 + w.growth.annual_growth_fraction, horizon_days(w) / kDaysPerYear);
}

double documents_at_horizon(const Workload& w) {
  return w.knowledge_base.documents + w.knowledge_base.documents_ingested_per_day * horizon_days(w);
}

double retained_days(const TableModel& table, const Workload& w) {
  switch (table.retention) {
    case RetentionClass::messages:
      return w.retention.message_retention_days;
    case RetentionClass::workflow_logs:
      return w.retention.workflow_log_cleanup_enabled ? w.retention.workflow_log_retention_days
                                                      : horizon_days(w);
    case RetentionClass::horizon:
      return horizon_days(w);
    case RetentionClass::knowledge:
      return 0.0;
  }
  return 0.0;
}

// The horizon's numbers for sizing every table of a plan, each computed once: the same
// values horizon_days(), growth_at_horizon(), documents_at_horizon() and accumulated()
// give.
struct Horizon {
  explicit Horizon(const Workload& w)
      : days(horizon_days(w)),
        k(std::log1p(w.growth.annual_growth_fraction) / kDaysPerYear),
        exp_k_days(std::exp(k * days)),
        growth(growth_at_horizon(w)),
        documents(documents_at_horizon(w)),
        chunks_per_document(tierplan::chunks_per_document(w.knowledge_base)) {}

  double accumulated(double per_day, double retained) const {
    retained = std::min(retained, days);
    if (std::abs(k) < 1e-12) return per_day * retained;
    return per_day * (exp_k_days - std::exp(k * (days - retained))) / k;
  }

  double days;
  double k;
  double exp_k_days;
  double growth;
  double documents;
  double chunks_per_document;
};

// table_rows() with the horizon's numbers, and for a timed table its rows per day and
// retention.
double knowledge_rows(const TableModel& table, const Horizon& h) {
  return h.documents * table.rows_per_document +
         h.documents * h.chunks_per_document * table.rows_per_chunk;
}

double timed_rows(const TableModel& table, const Workload& w, const Horizon& h, double per_day,
                  double days) {
  return h.accumulated(per_day, days) + w.daily_active_users * h.growth * table.rows_per_user;
}

double payload_of(const TableModel& table, const Workload& w) {
  return table.payload_bytes +
         table.payload_bytes_per_chunk_char * w.knowledge_base.chunk_size_chars +
         table.payload_bytes_per_embedding_dimension * w.knowledge_base.embedding_dimension;
}

// Of the shapes of the environment's cloud only: a plan never mixes clouds. Burstable
// classes only where the policy allows them.
const MachineShape* smallest_shape(const std::vector<MachineShape>& shapes, std::string_view cloud,
                                   double cores, double memory_gib, bool burstable_allowed) {
  const MachineShape* best = nullptr;
  for (const auto& shape : shapes) {
    if (shape.cloud != cloud || shape.vcpu < cores || shape.memory_gib < memory_gib ||
        (shape.burstable && !burstable_allowed)) {
      continue;
    }
    if (best == nullptr || shape.memory_gib < best->memory_gib ||
        (shape.memory_gib == best->memory_gib && shape.vcpu < best->vcpu) ||
        (shape.memory_gib == best->memory_gib && shape.vcpu == best->vcpu &&
         shape.name < best->name)) {
      best = &shape;
    }
  }
  return best;
}

// For each planned component, the stack's components of its name, in stack order: found
// once for the data plane rather than by each of its steps.
class ComponentSpecs {
 public:
  void find(const std::vector<ComponentPlan>& components, const Stack& stack) {
    offsets_.assign(1, 0);
    specs_.clear();
    // Names are unique in a valid stack (validated before planning), so each planned
    // component has at most one spec; and the planner plans them in stack order
    // (Stack::deployed_components), so the search starts after the last match and mostly
    // ends at its first comparison.
    const std::size_t count = stack.components.size();
    std::size_t next = 0;
    for (const auto& component : components) {
      for (std::size_t k = 0; k < count; ++k) {
        const std::size_t at = (next + k) % count;
        if (stack.components[at].name != component.name) continue;
        specs_.push_back(&stack.components[at]);
        next = (at + 1) % count;
        break;
      }
      offsets_.push_back(specs_.size());
    }
  }
  // The specs of the i-th planned component.
  const Component* const* begin(std::size_t i) const { return specs_.data() + offsets_[i]; }
  const Component* const* end(std::size_t i) const { return specs_.data() + offsets_[i + 1]; }

 private:
  std::vector<std::size_t> offsets_;
  std::vector<const Component*> specs_;
};

PgTuneInput tune_input(const MachineShape& shape, int max_connections, const DatastorePolicy& ds) {
  PgTuneInput input;
  input.workload = ds.postgres_workload;
  input.postgres_version = ds.postgres_version;
  input.memory_mib = std::floor(shape.memory_gib * kMibPerGib);
  input.vcpu = shape.vcpu;
  input.max_connections = max_connections;
  input.disk = ds.postgres_disk;
  return input;
}

// The max_connections a managed PostgreSQL sets by default from the instance's memory:
// RDS: LEAST({DBInstanceClassMemory/9531392}, 5000) (Amazon RDS User Guide, "Maximum number
// of database connections"; DBInstanceClassMemory taken as the class's memory);
// Azure flexible server: 859 per 8 GiB up to 5000 (its limits table: D2 859, D4 1718,
// D8 3437, D16 and above 5000).
constexpr double kRdsBytesPerConnection = 9531392.0;
constexpr int kManagedMaxConnectionsCap = 5000;
constexpr double kAzureConnectionsPerGib = 859.0 / 8.0;
// Cloud SQL for PostgreSQL's default max_connections by instance memory (Cloud SQL quotas and
// limits): from each memory (GiB) on, that many connections.
constexpr std::pair<double, int> kCloudSqlConnections[] = {{0.0, 25},   {1.7, 50},   {3.75, 100},
                                                           {6.0, 200},  {7.5, 400},  {15.0, 500},
                                                           {30.0, 600}, {60.0, 800}, {120.0, 1000}};

// The max_connections the managed service of the cloud gives an instance of that memory.
int service_default_max_connections(Cloud cloud, double memory_gib) {
  switch (cloud) {
    case Cloud::aws:
      return static_cast<int>(
          std::min<double>(std::floor(memory_gib * kBytesPerGib / kRdsBytesPerConnection),
                           kManagedMaxConnectionsCap));
    case Cloud::azure:
      return static_cast<int>(std::min<double>(std::floor(memory_gib * kAzureConnectionsPerGib),
                                               kManagedMaxConnectionsCap));
    case Cloud::gcp:
      break;
  }
  int connections = 0;
  for (const auto& [from_gib, count] : kCloudSqlConnections) {
    if (memory_gib >= from_gib) connections = count;
  }
  return connections;
}

// A managed instance's settings to change in its parameter group: max_connections when the
// service's default is short, and PGTune's per-query memory and planner costs. The service
// keeps shared_buffers and effective_cache_size (its defaults follow the instance's memory),
// WAL and replication settings. Values as the services take them (work_mem in kB).
void fill_parameter_group(PostgresPlan& p) {
  p.parameter_group.clear();
  if (p.max_connections > p.service_default_max_connections) {
    p.parameter_group.push_back({"max_connections", std::to_string(p.max_connections), {}});
  }
  const PgTuneSettings& s = p.settings;
  p.parameter_group.push_back({"work_mem", detail::concat(Fixed{s.work_mem_kib, 0}), {}});
  p.parameter_group.push_back(
      {"maintenance_work_mem", detail::concat(Fixed{s.maintenance_work_mem_kib, 0}), {}});
  p.parameter_group.push_back({"random_page_cost", readable(s.random_page_cost), {}});
  p.parameter_group.push_back(
      {"effective_io_concurrency", std::to_string(s.effective_io_concurrency), {}});
}

// The largest storage of one instance: the managed service's, or one block volume's.
void apply_storage_limit(PostgresPlan& p, const DatastorePolicy& ds, const Prices& prices,
                         const std::string& environment_name) {
  const bool managed = ds.postgres_mode == DatastoreMode::managed;
  const SourcedValue& limit =
      managed ? prices.postgres_max_storage_gib : prices.block_volume_max_gib;
  p.max_storage_gib = limit.value;
  p.max_storage_source = limit.source;
  if (p.storage_gib <= limit.value) return;
  throw PlanningError(concat(
      environment_name, ": PostgreSQL needs ", Readable{p.storage_gib}, " GiB of storage, beyond ",
      managed ? "the managed service's maximum of " : "the largest block volume of ",
      Readable{limit.value}, " GiB per instance (", limit.source, ", ", limit.as_of,
      "): keep less (retention, workflow log cleanup) or split the data over several databases"));
}

// Every table at the horizon: rows, bytes, the data and the bytes written per day, and
// the working set (rows read in the hot window); returns the working set in bytes.
double size_tables(PostgresPlan& p, const Workload& w, const DatabaseModel& model) {
  double hot_bytes = 0.0;
  double written_bytes_per_day = 0.0;
  const Horizon h(w);
  p.tables.reserve(model.tables.size());
  for (const auto& table : model.tables) {
    TableSize& size = p.tables.emplace_back();
    size.name = table.name;
    const double payload = payload_of(table, w);
    size.bytes_per_row = bytes_per_row(table, payload);
    if (table.retention == RetentionClass::knowledge) {
      size.rows = knowledge_rows(table, h);
      written_bytes_per_day +=
          w.knowledge_base.documents_ingested_per_day *
          (table.rows_per_document + h.chunks_per_document * table.rows_per_chunk) *
          size.bytes_per_row;
      // Retrieval runs in the vector store; PostgreSQL fetches the few segments it
      // returns by key, so knowledge tables stay out of the working set.
    } else {
      const double days = retained_days(table, w);
      size.rows_per_day = daily_rows(table, w);
      size.days_kept = std::min(days, h.days);
      size.rows = timed_rows(table, w, h, size.rows_per_day, days);
      hot_bytes +=
          h.accumulated(size.rows_per_day, std::min(days, model.hot_days)) * size.bytes_per_row;
      written_bytes_per_day += size.rows_per_day * h.growth * size.bytes_per_row;
    }
    size.total_bytes = table_bytes(table, size.rows, payload);
    p.data_gib += size.total_bytes / kBytesPerGib;
  }
  p.written_gib_per_day = written_bytes_per_day / kBytesPerGib;
  p.working_set_gib = hot_bytes / kBytesPerGib;
  return hot_bytes;
}

// Connection budget at the top of every autoscaling range; the requests in flight at
// the peak (Little's law) are the transactions a pooler must serve at once, since a
// request keeps its session while the LLM streams (dify #21437).
void budget_connections(PostgresPlan& p, const std::vector<ComponentPlan>& components,
                        const ComponentSpecs& specs, const DatastorePolicy& ds) {
  p.connections.reserve(components.size());
  for (std::size_t i = 0; i < components.size(); ++i) {
    const ComponentPlan& component = components[i];
    // The last spec of its name, if any.
    const Component* spec = specs.begin(i) == specs.end(i) ? nullptr : *(specs.end(i) - 1);
    if (spec == nullptr || spec->db_pool_size == 0) continue;
    ConnectionUse& use = p.connections.emplace_back();
    use.component = component.name;
    use.replicas = component.autoscaled ? component.hpa_max_replicas : component.replicas;
    use.per_replica = spec->db_pool_size + spec->db_max_overflow;
    use.total = use.replicas * use.per_replica;
    p.client_connections += use.total;
    p.requests_in_flight += component.load.concurrent_requests;
  }
  p.reserved_connections = kSuperuserReservedConnections + kAdminConnections +
                           (ds.postgres_standby ? kReplicationConnections : 0);
}

// The smallest database shape with the CPU of the queries and the memory of the
// connections and the working set. PgBouncer (transaction pooling) when the replicas
// could open more connections than a server should hold: its server pool is the
// PostgreSQL wiki's cores * 2 + effective spindles of the shape (requests in flight beyond
// it wait in PgBouncer's queue), and the shape is chosen again for that pool.
void size_database_server(PostgresPlan& p, const DatabaseModel& model, const PeakDemand& demand,
                          double hot_bytes, const DatastorePolicy& ds, const Catalog& catalog,
                          std::string_view cloud, const std::string& environment_name) {
  const std::vector<MachineShape>& shapes =
      detail::shapes_for(ds.postgres_mode, catalog.database_shapes, catalog);
  MachineShape pod;
  p.query_rate_per_s = demand.api_rate_per_s * model.queries_per_request +
                       demand.worker_task_rate_per_s * model.queries_per_worker_task;
  p.cpu_needed_cores = p.query_rate_per_s * model.cpu_ms_per_query / units::kMillisecondsPerSecond /
                       kDatabaseCpuCeiling;
  p.pgbouncer = p.client_connections > ds.pgbouncer_above_connections;
  int server_connections = p.client_connections;
  const MachineShape* shape = nullptr;
  for (int pass = 0; pass < 2; ++pass) {
    const double connection_mib =
        (server_connections + p.reserved_connections) * model.memory_mib_per_connection;
    const double memory_for_connections =
        (connection_mib + kDatabaseOsMib) / (1.0 - kSharedBuffersShare) / kMibPerGib;
    const double memory_for_working_set = hot_bytes / kEffectiveCacheShare / kBytesPerGib;
    p.memory_needed_gib = std::max(memory_for_connections, memory_for_working_set);
    if (ds.postgres_mode == DatastoreMode::in_cluster) {
      pod = detail::in_cluster_shape(cloud, p.cpu_needed_cores, p.memory_needed_gib);
      shape = &pod;
    } else {
      shape = smallest_shape(shapes, cloud, p.cpu_needed_cores, p.memory_needed_gib,
                             ds.burstable_instances_allowed);
    }
    if (shape == nullptr) {
      throw PlanningError(
          concat(environment_name, ": no database shape of ", cloud, " has ",
                 Readable{p.cpu_needed_cores}, " vCPU and ", Readable{p.memory_needed_gib},
                 " GiB: add a larger one to catalog.database_shapes, or take load off the primary "
                 "(PgBouncer sooner: a lower pgbouncer_above_connections; shorter retention; a "
                 "separate database per workspace group, which Dify does not do for you)"));
    }
    if (!p.pgbouncer) break;
    p.pgbouncer_default_pool_size = shape->vcpu * kPoolConnectionsPerCore + kEffectiveSpindles;
    p.pgbouncer_max_client_conn = p.client_connections;
    server_connections = p.pgbouncer_default_pool_size * kDatabaseUserPairs;
  }
  p.shape = *shape;
  p.max_connections = server_connections + p.reserved_connections;
  p.max_connections =
      (p.max_connections + kMaxConnectionsStep - 1) / kMaxConnectionsStep * kMaxConnectionsStep;
}

// A managed service runs the standby itself, as each cloud names it: RDS Multi-AZ DB
// instance (synchronous replication to a standby in another Availability Zone, automatic
// failover; Amazon RDS User Guide, "Multi-AZ DB instance deployments"), Cloud SQL high
// availability (a regional instance: a standby in another zone, synchronous writes to
// regional persistent disk; Cloud SQL docs, "About high availability"), Azure Flexible
// Server zone-redundant high availability (a synchronous standby in another zone).
std::string postgres_topology(const DatastorePolicy& ds, Cloud cloud) {
  if (!ds.postgres_standby) return "single instance";
  if (ds.postgres_mode == DatastoreMode::managed) {
    return cloud == Cloud::aws   ? "Multi-AZ: primary + synchronous standby, automatic failover"
           : cloud == Cloud::gcp ? "high availability (regional): primary + standby in another "
                                   "zone, automatic failover"
                                 : "zone-redundant high availability: primary + synchronous "
                                   "standby, automatic failover";
  }
  return ds.postgres_synchronous ? "primary + synchronous hot standby"
                                 : "primary + asynchronous hot standby";
}

PostgresPlan plan_postgres(const Workload& w, const PeakDemand& demand,
                           const std::vector<ComponentPlan>& components, const Stack& stack,
                           const ComponentSpecs& specs, const EnvironmentPolicy& policy,
                           const Catalog& catalog, const std::string& environment_name) {
  PostgresPlan p;
  const auto& model = stack.datastores.database;
  const auto& ds = policy.datastores;
  const double hot_bytes = size_tables(p, w, model);
  budget_connections(p, components, specs, ds);
  size_database_server(p, model, demand, hot_bytes, ds, catalog, detail::cloud_name(policy.cloud),
                       environment_name);
  p.tune_input = tune_input(p.shape, p.max_connections, ds);
  p.settings = pgtune(p.tune_input);
  p.wal_gib = p.settings.max_wal_size_kib / units::kKibPerGib;
  p.storage_gib =
      std::ceil((p.data_gib * (1.0 + ds.storage_headroom_fraction) + p.wal_gib) / kStorageStepGib) *
      kStorageStepGib;
  p.topology = postgres_topology(ds, policy.cloud);
  if (const Prices* prices = catalog.prices_for(detail::cloud_name(policy.cloud))) {
    apply_storage_limit(p, ds, *prices, environment_name);
  }
  if (ds.postgres_mode == DatastoreMode::managed) {
    p.service_default_max_connections =
        service_default_max_connections(policy.cloud, p.shape.memory_gib);
    fill_parameter_group(p);
  }
  return p;
}

// The PostgreSQL plan's reasons. documents: at the horizon (what knowledge tables follow).
// How the managed service of the cloud sets max_connections by default.
const char* service_connections_rule(Cloud cloud) {
  switch (cloud) {
    case Cloud::aws:
      return "RDS: LEAST(DBInstanceClassMemory/9531392, 5000)";
    case Cloud::azure:
      return "Azure flexible server: 859 per 8 GiB of memory, at most 5000";
    case Cloud::gcp:
      break;
  }
  return "Cloud SQL: by the instance's memory, 100 from 3.75 GiB to 1000 from 120 GiB";
}

// The parameter group's reasons: each setting's, and what the service keeps.
void explain_parameter_group(PostgresPlan& p, Cloud cloud) {
  for (auto& setting : p.parameter_group) {
    if (setting.name == "max_connections") {
      setting.reason =
          concat("the service's default for ", p.shape.name, " (", service_connections_rule(cloud),
                 ") = ", p.service_default_max_connections, ", below the ", p.max_connections,
                 " the replicas need");
    } else if (setting.name == "work_mem" || setting.name == "maintenance_work_mem") {
      setting.reason =
          concat("kB; PGTune (", to_string(p.tune_input.workload), ") for ",
                 Readable{p.shape.memory_gib}, " GiB and ", p.max_connections, " connections");
    } else {
      setting.reason = "PGTune for SSD storage (the service's default assumes spinning disks)";
    }
  }
  p.parameter_group_reason = concat(
      "set in the service's parameter group (RDS parameter group, Cloud SQL flags, Azure server "
      "parameters); shared_buffers, effective_cache_size, WAL and replication stay at the "
      "service's defaults, which follow the instance's memory",
      p.max_connections > p.service_default_max_connections
          ? ""
          : concat("; max_connections stays at the service's default of ",
                   p.service_default_max_connections, " (", service_connections_rule(cloud),
                   "), enough for the ", p.max_connections, " needed"));
}

void explain_postgres(PostgresPlan& p, const DatabaseModel& model, const DatastorePolicy& ds,
                      double documents, Cloud cloud) {
  if (ds.postgres_mode == DatastoreMode::managed) explain_parameter_group(p, cloud);
  for (std::size_t i = 0; i < p.tables.size() && i < model.tables.size(); ++i) {
    TableSize& size = p.tables[i];
    const RetentionClass retention = model.tables[i].retention;
    if (retention == RetentionClass::knowledge) {
      size.reason = concat(Readable{documents}, " documents at the horizon");
    } else {
      size.reason = concat(Readable{size.rows_per_day}, " rows/day kept ", Readable{size.days_kept},
                           " days (", to_string(retention), ")");
    }
  }
  const int server_connections =
      p.pgbouncer ? p.pgbouncer_default_pool_size * kDatabaseUserPairs : p.client_connections;
  TextBuilder connections_reason;
  connections_reason.add(p.client_connections,
                         " client connections (every DB-using replica at its autoscaling maximum "
                         "x pool size + overflow)");
  if (p.pgbouncer) connections_reason.add(" pooled by PgBouncer into ", server_connections);
  connections_reason.add(" + ", p.reserved_connections, reserved_text());
  if (ds.postgres_standby) connections_reason.add(replication_text());
  connections_reason.add(connections_rounding_text());
  p.max_connections_reason = connections_reason.str();
  if (p.pgbouncer) {
    p.pgbouncer_reason = concat(
        p.client_connections, " client connections exceed ", ds.pgbouncer_above_connections,
        ": transaction pooling, default_pool_size ", p.pgbouncer_default_pool_size,
        pool_formula_text(), Readable{p.requests_in_flight}, " requests in flight at the peak",
        p.requests_in_flight > p.pgbouncer_default_pool_size
            ? concat(": those beyond the pool wait in PgBouncer's queue for a server "
                     "connection, held only while a transaction runs (a request that keeps its "
                     "transaction open while the LLM streams, dify #21437, waits longer: watch "
                     "PgBouncer's cl_waiting)")
            : std::string(", within the pool"));
  } else {
    p.pgbouncer_reason = concat(p.client_connections, " client connections, within ",
                                ds.pgbouncer_above_connections, ": no pooler needed");
  }
  p.shape_reason = concat(
      p.shape.name, burstable_text(p.shape, ds.burstable_instances_allowed, ds.postgres_mode),
      ": smallest shape with ", Readable{p.cpu_needed_cores}, " vCPU (",
      Readable{p.query_rate_per_s}, " queries/s x ", Readable{model.cpu_ms_per_query},
      cpu_ceiling_text(), Readable{p.memory_needed_gib}, " GiB (working set ",
      Readable{p.working_set_gib}, effective_cache_text(),
      server_connections + p.reserved_connections, " connections x ",
      Readable{model.memory_mib_per_connection}, " MiB)");
  p.storage_reason =
      concat(Readable{p.data_gib}, " GiB of tables and indexes at the horizon + ",
             Readable{ds.storage_headroom_fraction * 100.0}, "% headroom + ", Readable{p.wal_gib},
             storage_rounding_text(), "; at most ", Readable{p.max_storage_gib},
             " GiB per instance (", p.max_storage_source, ")");
  p.topology_reason =
      !ds.postgres_standby ? "no standby: recovery is a restore from backup"
      : ds.postgres_mode == DatastoreMode::managed
          ? "the managed service runs the standby (same class and storage, billed as a second "
            "instance) and fails over on its own: no replication, failover or standby to run"
          : "streaming replication to a standby of the same shape and storage, and a failover "
            "you run (e.g. Patroni)";
}

// The broker's backlog and the cache at the horizon, in Redis memory: the backlog is a
// worker outage of broker_backlog_minutes at the peak task rate grown to the horizon.
void size_redis_memory(RedisPlan& r, const Workload& w, const PeakDemand& demand,
                       const BrokerModel& b, const DatastorePolicy& ds) {
  // A load that shrinks over the horizon still has today's peak first.
  r.horizon_task_rate_per_s = demand.worker_task_rate_per_s * std::max(1.0, growth_at_horizon(w));
  r.broker_backlog_messages =
      r.horizon_task_rate_per_s * ds.broker_backlog_minutes * units::kSecondsPerMinute;
  r.broker_bytes = r.broker_backlog_messages * message_bytes(b, b.task_body_bytes);
  r.cache_keys = w.daily_active_users * growth_at_horizon(w) * b.cache_keys_per_user;
  r.cache_bytes = r.cache_keys * cache_key_bytes(b, b.cache_key_bytes, b.cache_value_bytes);
  r.used_memory_mib =
      (kRedisEmptyMib + (r.broker_bytes + r.cache_bytes) / kBytesPerMib) * kRedisFragmentation;
  r.maxmemory_mib = std::ceil(r.used_memory_mib);
}

// How long a worker outage at the horizon's peak the broker holds once maxmemory is set:
// what maxmemory leaves beside the cache and the empty instance, in minutes of tasks.
void find_broker_margin(RedisPlan& r, const BrokerModel& b) {
  const double task_mib_per_minute = r.horizon_task_rate_per_s * units::kSecondsPerMinute *
                                     message_bytes(b, b.task_body_bytes) * kRedisFragmentation /
                                     kBytesPerMib;
  const double cache_mib = (kRedisEmptyMib + r.cache_bytes / kBytesPerMib) * kRedisFragmentation;
  const double minutes = std::max(0.0, r.maxmemory_mib - cache_mib) / task_mib_per_minute;
  // No tasks (or too few to measure in a double): nothing to queue, no outage to hold.
  r.outage_minutes_held = task_mib_per_minute > 0.0 && std::isfinite(minutes) ? minutes : 0.0;
}

// The smallest cache tier whose memory holds maxmemory beside the reserve (the cheaper
// of two alike), burstable tiers only where the policy allows them; maxmemory then takes
// what the tier leaves after the reserve.
void choose_redis_tier(RedisPlan& r, const Catalog& catalog, const DatastorePolicy& ds,
                       std::string_view cloud, const std::string& environment_name) {
  const DatastoreMode mode = ds.redis_mode;
  const Prices* prices = catalog.prices_for(cloud);
  const bool managed = mode == DatastoreMode::managed && prices != nullptr;
  r.reserved_memory_fraction =
      managed ? prices->redis_reserved_memory_percent.value / 100.0 : kRedisReserveShare;
  const double needed_gib = r.maxmemory_mib / (1.0 - r.reserved_memory_fraction) / kMibPerGib;
  if (managed && needed_gib > prices->redis_max_memory_gib.value) {
    const SourcedValue& limit = prices->redis_max_memory_gib;
    throw PlanningError(concat(environment_name, ": Redis needs ", Readable{needed_gib},
                               " GiB, beyond the managed service's largest instance of ",
                               Readable{limit.value}, " GiB (", limit.source, ", ", limit.as_of,
                               "): run Redis yourself (redis_mode self_managed) or shorten "
                               "broker_backlog_minutes"));
  }
  if (mode == DatastoreMode::in_cluster) {
    r.shape = detail::in_cluster_shape(cloud, 0.0, needed_gib);
    r.instance_memory_gib = r.shape.memory_gib;
    r.maxmemory_mib =
        std::floor(r.shape.memory_gib * kMibPerGib * (1.0 - r.reserved_memory_fraction));
    return;
  }
  const MachineShape* tier = nullptr;
  for (const auto& shape : detail::shapes_for(mode, catalog.cache_shapes, catalog)) {
    if (shape.cloud == cloud && shape.memory_gib >= needed_gib &&
        (!shape.burstable || ds.burstable_instances_allowed) &&
        (tier == nullptr || shape.memory_gib < tier->memory_gib ||
         (shape.memory_gib == tier->memory_gib &&
          shape.price_usd_per_hour < tier->price_usd_per_hour))) {
      tier = &shape;
    }
  }
  if (tier == nullptr) {
    throw PlanningError(concat(environment_name, ": Redis needs ", Readable{needed_gib},
                               " GiB, more than every cache tier of ", cloud,
                               " in the catalog: add a larger one to catalog.cache_shapes, or "
                               "shorten broker_backlog_minutes"));
  }
  r.shape = *tier;
  r.instance_memory_gib = tier->memory_gib;
  r.maxmemory_mib = std::floor(tier->memory_gib * kMibPerGib * (1.0 - r.reserved_memory_fraction));
}

RedisPlan plan_redis(const Workload& w, const PeakDemand& demand,
                     const std::vector<ComponentPlan>& components, const Stack& stack,
                     const ComponentSpecs& specs, const EnvironmentPolicy& policy,
                     const Catalog& catalog, const std::string& environment_name) {
  RedisPlan r;
  const auto& ds = policy.datastores;
  size_redis_memory(r, w, demand, stack.datastores.broker, ds);
  choose_redis_tier(r, catalog, ds, detail::cloud_name(policy.cloud), environment_name);
  find_broker_margin(r, stack.datastores.broker);
  r.client_connections = kRedisAdminConnections;
  for (std::size_t i = 0; i < components.size(); ++i) {
    const ComponentPlan& c = components[i];
    const int replicas = c.autoscaled ? c.hpa_max_replicas : c.replicas;
    for (auto it = specs.begin(i); it != specs.end(i); ++it) {
      const Component& spec = **it;
      if (spec.db_pool_size > 0) {
        r.client_connections +=
            replicas * (spec.concurrency_per_replica + kRedisSpareConnectionsPerReplica);
      }
    }
  }
  r.maxclients = std::max(r.client_connections, kRedisMinMaxclients);
  // A managed service promotes its replica itself: ElastiCache Multi-AZ with automatic
  // failover (ElastiCache docs, "Minimizing downtime with Multi-AZ"), Memorystore's Standard
  // tier (Memorystore docs, "Redis tier capabilities"), Azure Cache for Redis Standard.
  r.topology = !ds.redis_replica_with_sentinels ? "single instance"
               : ds.redis_mode == DatastoreMode::managed
                   ? "primary + replica, automatic failover by the service"
                   : "primary + replica + 3 Sentinels";
  return r;
}

void explain_redis(RedisPlan& r, const PeakDemand& demand, const DatastorePolicy& ds) {
  r.memory_reason = concat(
      Readable{r.broker_backlog_messages}, " Celery messages (a worker outage of ",
      Readable{ds.broker_backlog_minutes}, " min at the horizon's peak of ",
      Readable{r.horizon_task_rate_per_s}, " tasks/s, ", Readable{demand.worker_task_rate_per_s},
      "/s today) and ", Readable{r.cache_keys}, " cache keys at the horizon use ",
      Readable{r.used_memory_mib}, " MiB with fragmentation; ", percent(r.reserved_memory_fraction),
      "% of the instance kept from maxmemory (",
      ds.redis_mode == DatastoreMode::managed
          ? "the managed service's reserve, catalog.prices[cloud].redis_reserved_memory"
          : "fork copy-on-write and replication buffers, as ElastiCache's default",
      "): the ", Readable{r.instance_memory_gib}, " GiB tier",
      burstable_text(r.shape, ds.burstable_instances_allowed, ds.redis_mode), ", maxmemory ",
      Readable{r.maxmemory_mib}, " MiB, ", percent(r.used_memory_mib / r.maxmemory_mib),
      "% used with a full backlog at the horizon; ",
      r.outage_minutes_held > 0.0
          ? concat("beside the cache it holds ", Readable{r.outage_minutes_held},
                   " min of worker outage at the horizon's peak")
          : std::string("no worker tasks to queue"),
      "; maxmemory-policy noeviction (the broker must not lose tasks: past maxmemory, "
      "Redis refuses new tasks)");
  r.maxclients_reason = concat(r.client_connections, maxclients_floor_text());
  r.topology_reason =
      !ds.redis_replica_with_sentinels ? "no replica: a restart loses queued tasks not yet consumed"
      : ds.redis_mode == DatastoreMode::managed
          ? "the managed service keeps the replica in another zone and promotes it (cluster mode "
            "disabled: Dify does not support Redis Cluster mode); no Sentinels to run"
          : "Sentinel needs three sentinels on independent hosts to fail over; Dify does not "
            "support Redis Cluster mode";
}

QdrantPlan plan_qdrant(const Workload& w, const Stack& stack, const EnvironmentPolicy& policy,
                       const Catalog& catalog, const std::string& environment_name) {
  QdrantPlan q;
  const auto& ds = policy.datastores;
  const auto& kb = w.knowledge_base;
  const double dimension = kb.embedding_dimension;
  const double bytes_per_value = ds.qdrant_datatype == VectorDatatype::float32   ? kFloat32Bytes
                                 : ds.qdrant_datatype == VectorDatatype::float16 ? 2.0
                                                                                 : 1.0;
  q.documents = documents_at_horizon(w);
  q.chunks_per_document = chunks_per_document(kb);
  q.points = q.documents * q.chunks_per_document;
  q.vector_bytes = q.points * dimension * bytes_per_value;
  q.quantized_bytes = ds.qdrant_quantization == Quantization::scalar   ? q.points * dimension
                      : ds.qdrant_quantization == Quantization::binary ? q.points * dimension / 8.0
                                                                       : 0.0;
  q.hnsw_bytes = q.points * kHnswBytes;
  const auto& v = stack.datastores.vector_store;
  q.payload_bytes =
      q.points *
      (v.payload_bytes_per_point + v.payload_bytes_per_chunk_char * kb.chunk_size_chars) *
      kQdrantPayloadFactor;
  q.id_tracker_bytes = q.points * kIdTrackerBytes;
  q.docs_rule_memory_gib =
      q.points * dimension * kFloat32Bytes * kQdrantDocsRuleFactor / kBytesPerGib;
  q.replication_factor = ds.qdrant_replication_factor;
  const double in_memory = (ds.qdrant_vectors_on_disk ? 0.0 : q.vector_bytes) + q.quantized_bytes +
                           q.hnsw_bytes + q.id_tracker_bytes;
  q.ram_total_gib = in_memory * kQdrantHeadroom * q.replication_factor / kBytesPerGib;
  q.disk_total_gib =
      (q.vector_bytes + q.quantized_bytes + q.hnsw_bytes + q.payload_bytes + q.id_tracker_bytes) *
      kQdrantHeadroom * q.replication_factor / kBytesPerGib;
  const std::string_view cloud = detail::cloud_name(policy.cloud);
  double largest_memory = 0.0;
  for (const auto& shape : catalog.vector_store_shapes) {
    if (shape.cloud == cloud && (!shape.burstable || ds.burstable_instances_allowed)) {
      largest_memory = std::max(largest_memory, shape.memory_gib);
    }
  }
  if (largest_memory <= 0.0) {
    throw PlanningError(environment_name + ": the catalog has no vector store shapes of " +
                        std::string(cloud));
  }
  // Each node keeps its segments on one block volume, at most the cloud's largest.
  const Prices* prices = catalog.prices_for(cloud);
  const double largest_volume_gib = prices != nullptr ? prices->block_volume_max_gib.value : 0.0;
  q.nodes =
      std::max({ds.qdrant_min_nodes, q.replication_factor,
                static_cast<int>(
                    std::ceil(q.ram_total_gib / (largest_memory * kQdrantResidentShareMax) - 1e-9)),
                static_cast<int>(
                    std::ceil(q.points * q.replication_factor / kQdrantMaxPointsPerNode - 1e-9)),
                largest_volume_gib > 0.0
                    ? static_cast<int>(std::ceil(q.disk_total_gib / largest_volume_gib - 1e-9))
                    : 1});
  q.ram_per_node_gib = q.ram_total_gib / q.nodes;
  q.disk_per_node_gib = q.disk_total_gib / q.nodes;
  const double machine_memory_gib = q.ram_per_node_gib / kQdrantResidentShareMax;
  const MachineShape* shape = smallest_shape(catalog.vector_store_shapes, cloud, 0,
                                             machine_memory_gib, ds.burstable_instances_allowed);
  if (shape == nullptr && ds.vector_store_mode != DatastoreMode::in_cluster) {
    throw PlanningError(concat(environment_name, ": no vector store shape of ", cloud, " has ",
                               Readable{machine_memory_gib},
                               " GiB: add a larger one to catalog.vector_store_shapes, or raise "
                               "qdrant_min_nodes"));
  }
  q.shape = ds.vector_store_mode == DatastoreMode::in_cluster
                ? detail::in_cluster_shape(cloud, 0.0, machine_memory_gib)
                : *shape;
  q.shards = q.nodes * ds.qdrant_shards_per_node;
  return q;
}

// Per node: what stays resident, the machine memory that keeps it within Qdrant's share,
// and the docs rule for the same copies on the same nodes.
void explain_qdrant(QdrantPlan& q, const Workload& w, const DatastorePolicy& ds) {
  const double nodes = q.nodes;
  q.reason = concat(
      Readable{q.points}, " points (", Readable{q.documents}, " documents x ",
      Readable{q.chunks_per_document}, " chunks) of ",
      Readable{static_cast<double>(w.knowledge_base.embedding_dimension)}, " dims, ",
      q.replication_factor, q.replication_factor == 1 ? " copy" : " copies", " on ", q.nodes,
      q.nodes == 1 ? " node" : " nodes", ": ", Readable{q.ram_per_node_gib},
      " GiB resident per node (vectors ", ds.qdrant_vectors_on_disk ? "on disk" : "in memory",
      hnsw_text(), q.shape.name, " (", Readable{q.shape.memory_gib}, " GiB), resident at most ",
      percent(kQdrantResidentShareMax),
      "% of its memory (Qdrant's memory guidance: the rest is the OS, page cache and the "
      "optimizer's temporary segments)",
      docs_rule_text(), Readable{q.docs_rule_memory_gib * q.replication_factor / nodes},
      " GiB per node for the same copies");
}

ObjectStoragePlan plan_object_storage(const Workload& w, const EnvironmentPolicy& policy) {
  ObjectStoragePlan o;
  const double upload_bytes_per_day = w.daily_active_users * w.uploads.files_per_user_per_day *
                                      w.uploads.average_file_kib * kBytesPerKib;
  o.uploads_gib = accumulated(upload_bytes_per_day, horizon_days(w), w) / kBytesPerGib;
  o.documents_gib =
      documents_at_horizon(w) * w.knowledge_base.average_document_kib * kBytesPerKib / kBytesPerGib;
  o.plugin_packages_gib = kPluginPackagesGib;
  // Lifecycle model: each day a share of the objects is overwritten or deleted and leaves
  // a noncurrent version, which the lifecycle rule expires after so many days.
  const auto& versioning = policy.backups.object_storage;
  if (versioning.versioning) {
    o.versions_gib = (o.uploads_gib + o.documents_gib) * versioning.daily_overwrite_fraction *
                     versioning.noncurrent_version_expiration_days;
  }
  o.total_gib =
      std::ceil((o.uploads_gib + o.documents_gib + o.plugin_packages_gib + o.versions_gib) *
                (1.0 + policy.datastores.storage_headroom_fraction));
  return o;
}

void explain_object_storage(ObjectStoragePlan& o, const DatastorePolicy& ds) {
  o.reason =
      concat("uploads ", Readable{o.uploads_gib}, " GiB over the horizon, documents ",
             Readable{o.documents_gib}, " GiB, plugin packages ", Readable{o.plugin_packages_gib},
             " GiB, noncurrent object versions ", Readable{o.versions_gib}, " GiB, +",
             Readable{ds.storage_headroom_fraction * 100.0}, "% headroom");
}

// Components whose requests in flight per replica exceed their SQLAlchemy pool.
void add_pool_warnings(DataPlan& plan, const std::vector<ComponentPlan>& components,
                       const ComponentSpecs& specs) {
  for (std::size_t i = 0; i < components.size(); ++i) {
    const ComponentPlan& c = components[i];
    for (auto it = specs.begin(i); it != specs.end(i); ++it) {
      const Component& spec = **it;
      if (spec.db_pool_size == 0 || c.replicas == 0) continue;
      const double in_flight = c.load.concurrent_requests / c.replicas;
      const int pool = spec.db_pool_size + spec.db_max_overflow;
      if (in_flight > pool) {
        plan.warnings.push_back(concat(
            c.name, ": ", Readable{in_flight},
            " requests in flight per replica exceed SQLAlchemy's pool of ", spec.db_pool_size,
            " + overflow ", spec.db_max_overflow,
            " (\"QueuePool limit ... reached\"): raise SQLALCHEMY_POOL_SIZE or add replicas"));
      }
    }
  }
}

void add_warnings(DataPlan& plan, const Workload& w, const std::vector<ComponentPlan>& components,
                  const ComponentSpecs& specs, const EnvironmentPolicy& policy) {
  const auto& ds = policy.datastores;
  const bool managed_postgres = ds.postgres_mode == DatastoreMode::managed;
  if (managed_postgres &&
      plan.postgres.max_connections > plan.postgres.service_default_max_connections) {
    plan.warnings.push_back(concat(
        "PostgreSQL: the replicas need max_connections = ", plan.postgres.max_connections,
        ", above the managed service's default of ", plan.postgres.service_default_max_connections,
        " for ", plan.postgres.shape.name, ": set it in the parameter group",
        plan.postgres.pgbouncer ? " and run PgBouncer in front" : ""));
  } else if (!managed_postgres && plan.postgres.max_connections > kDifyDefaultMaxConnections) {
    plan.warnings.push_back(concat(
        "PostgreSQL: ", plan.postgres.client_connections,
        " client connections exceed the default max_connections of ", kDifyDefaultMaxConnections,
        " (\"remaining connection slots are reserved\"): set max_connections = ",
        plan.postgres.max_connections, plan.postgres.pgbouncer ? " behind PgBouncer" : ""));
  }
  add_pool_warnings(plan, components, specs);
  if (!ds.redis_maxmemory_configured) {
    plan.warnings.push_back(
        concat("Redis runs without maxmemory: it grows until the node kills it; set maxmemory ",
               Readable{plan.redis.maxmemory_mib}, "mb and maxmemory-policy noeviction"));
  }
  if (ds.redis_cluster_mode) {
    plan.warnings.push_back(
        "Redis Cluster mode is asked for, but Dify does not support it: use a "
        "primary with a replica and three Sentinels");
  }
  if (policy.survive_node_loss && (plan.qdrant.nodes < kQdrantNodesToSurviveLoss ||
                                   plan.qdrant.replication_factor < kQdrantCopiesToSurviveLoss)) {
    plan.warnings.push_back(concat(
        "Qdrant: ", plan.qdrant.nodes, " node(s) with replication factor ",
        plan.qdrant.replication_factor, " cannot lose a node; production needs at least ",
        kQdrantNodesToSurviveLoss, " nodes and replication factor ", kQdrantCopiesToSurviveLoss));
  }
  if (!w.retention.workflow_log_cleanup_enabled) {
    for (const auto& table : plan.postgres.tables) {
      if (table.name != "workflow_node_executions") continue;
      plan.warnings.push_back(
          concat("workflow_node_executions grows without cleanup to ", Readable{table.rows},
                 " rows, ", Readable{table.total_bytes / kBytesPerGib},
                 " GiB at the horizon: set WORKFLOW_LOG_CLEANUP_ENABLED=true and "
                 "WORKFLOW_LOG_RETENTION_DAYS=",
                 Readable{w.retention.workflow_log_retention_days}));
    }
  }
}

// The stack's components of the planned ones, found in a buffer kept per thread.
const ComponentSpecs& specs_of(const std::vector<ComponentPlan>& components, const Stack& stack) {
  thread_local ComponentSpecs specs;
  specs.find(components, stack);
  return specs;
}

}  // namespace

std::string postgres_settings_text(const PostgresPlan& p) {
  if (p.parameter_group.empty()) return postgresql_conf(p.tune_input, p.settings);
  TextBuilder out;
  out.add("# Parameter group of the managed PostgreSQL (", p.shape.name,
          "), computed by tierplan\n", "# ", p.parameter_group_reason, "\n\n");
  for (const auto& setting : p.parameter_group) {
    out.add(setting.name, " = ", setting.value, "  # ", setting.reason, "\n");
  }
  return out.str();
}

double chunks_per_document(const KnowledgeBase& kb) {
  // Extracted text is taken as one character per byte of the document.
  const double text_chars = kb.average_document_kib * kBytesPerKib;
  if (text_chars <= 0.0) return 0.0;
  if (text_chars <= kb.chunk_size_chars) return 1.0;
  return std::ceil((text_chars - kb.chunk_overlap_chars) /
                   (kb.chunk_size_chars - kb.chunk_overlap_chars));
}

double table_rows(const TableModel& table, const Workload& w) {
  const Horizon h(w);
  if (table.retention == RetentionClass::knowledge) return knowledge_rows(table, h);
  return timed_rows(table, w, h, daily_rows(table, w), retained_days(table, w));
}

DataPlan plan_data(const Workload& workload, const PeakDemand& demand,
                   const std::vector<ComponentPlan>& components, const Stack& stack,
                   const EnvironmentPolicy& policy, const Catalog& catalog,
                   const std::string& environment_name) {
  DataPlan plan =
      detail::plan_data(workload, demand, components, stack, policy, catalog, environment_name);
  detail::explain_data(plan, workload, demand, components, stack, policy);
  return plan;
}

DataPlan detail::plan_data(const Workload& workload, const PeakDemand& demand,
                           const std::vector<ComponentPlan>& components, const Stack& stack,
                           const EnvironmentPolicy& policy, const Catalog& catalog,
                           const std::string& environment_name) {
  DataPlan plan;
  const ComponentSpecs& specs = specs_of(components, stack);
  plan.postgres =
      plan_postgres(workload, demand, components, stack, specs, policy, catalog, environment_name);
  plan.redis =
      plan_redis(workload, demand, components, stack, specs, policy, catalog, environment_name);
  plan.qdrant = plan_qdrant(workload, stack, policy, catalog, environment_name);
  plan.object_storage = plan_object_storage(workload, policy);
  plan.in_cluster_pods = detail::in_cluster_pods(plan, policy.datastores);
  return plan;
}

void detail::explain_data(DataPlan& plan, const Workload& workload, const PeakDemand& demand,
                          const std::vector<ComponentPlan>& components, const Stack& stack,
                          const EnvironmentPolicy& policy) {
  const auto& ds = policy.datastores;
  explain_postgres(plan.postgres, stack.datastores.database, ds, plan.qdrant.documents,
                   policy.cloud);
  explain_redis(plan.redis, demand, ds);
  explain_qdrant(plan.qdrant, workload, ds);
  explain_object_storage(plan.object_storage, ds);
  detail::explain_in_cluster_pods(plan.in_cluster_pods, ds);
  add_warnings(plan, workload, components, specs_of(components, stack), policy);
}

}  // namespace tierplan
