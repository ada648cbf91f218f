#pragma once
// The data plane of one environment: PostgreSQL, Redis, Qdrant and object storage,
// each number with the reason that bound it.
#include <string>
#include <vector>

#include "tierplan/catalog.hpp"
#include "tierplan/demand.hpp"
#include "tierplan/environment.hpp"
#include "tierplan/pgtune.hpp"
#include "tierplan/replicas.hpp"
#include "tierplan/stack.hpp"
#include "tierplan/workload.hpp"

namespace tierplan {

struct TableSize {
  std::string name;
  double rows = 0.0;
  double bytes_per_row = 0.0;
  double total_bytes = 0.0;
  // A timed table's rows written per day today and the days it keeps them (at most the
  // horizon); both 0 for a knowledge table, whose rows follow the documents.
  double rows_per_day = 0.0;
  double days_kept = 0.0;
  std::string reason;
  bool operator==(const TableSize&) const = default;
};

// Connections one component opens: replicas at the top of its autoscaling range times
// SQLAlchemy pool size plus overflow.
struct ConnectionUse {
  std::string component;
  int replicas = 0;
  int per_replica = 0;
  int total = 0;
  bool operator==(const ConnectionUse&) const = default;
};

// One setting of a managed service's parameter group (RDS parameter group, Cloud SQL flags,
// Azure server parameters): what to change from the service's default, and why.
struct ParameterSetting {
  std::string name;
  std::string value;
  std::string reason;
  bool operator==(const ParameterSetting&) const = default;
};

struct PostgresPlan {
  std::vector<TableSize> tables;
  double data_gib = 0.0;
  double wal_gib = 0.0;
  double storage_gib = 0.0;
  std::string storage_reason;
  // Table and index bytes written per day at the horizon's load (what WAL follows).
  double written_gib_per_day = 0.0;
  std::vector<ConnectionUse> connections;
  int client_connections = 0;    // what the replicas may open
  int reserved_connections = 0;  // superuser, admin and replication slots
  int max_connections = 0;
  std::string max_connections_reason;
  bool pgbouncer = false;
  int pgbouncer_default_pool_size = 0;
  int pgbouncer_max_client_conn = 0;
  std::string pgbouncer_reason;
  double query_rate_per_s = 0.0;
  double cpu_needed_cores = 0.0;
  double memory_needed_gib = 0.0;
  // What bound the memory: the rows read in the hot window (to fit effective_cache_size)
  // or the connections (beside shared_buffers).
  double working_set_gib = 0.0;
  // Requests in flight at the peak (Little's law): the floor of PgBouncer's server pool.
  double requests_in_flight = 0.0;
  MachineShape shape;
  std::string shape_reason;
  std::string topology;
  std::string topology_reason;
  PgTuneInput tune_input;
  PgTuneSettings settings;
  // A managed service (postgres_mode managed): the max_connections it sets from the instance's
  // memory, and the settings to change in its parameter group instead of a postgresql.conf
  // (the service keeps the rest: memory, WAL and replication settings); 0 and empty otherwise.
  int service_default_max_connections = 0;
  std::vector<ParameterSetting> parameter_group;
  std::string parameter_group_reason;
  // The largest storage one instance may have (the managed service's, or one block
  // volume's), and where the limit comes from.
  double max_storage_gib = 0.0;
  std::string max_storage_source;
  bool operator==(const PostgresPlan&) const = default;
};

struct RedisPlan {
  // The peak Celery task rate at the planning horizon, which the backlog is sized for.
  double horizon_task_rate_per_s = 0.0;
  double broker_backlog_messages = 0.0;
  double broker_bytes = 0.0;
  double cache_keys = 0.0;
  double cache_bytes = 0.0;
  double used_memory_mib = 0.0;  // data plus the empty instance, times fragmentation
  double maxmemory_mib = 0.0;
  double instance_memory_gib = 0.0;  // maxmemory plus the fork and replication reserve
  MachineShape shape;                // the catalog's cache tier of that memory
  // Share of the instance's memory kept from maxmemory: the managed service's reserve
  // (catalog), or the fork and replication reserve of a Redis you run.
  double reserved_memory_fraction = 0.0;
  // Minutes of worker outage at the horizon's peak that maxmemory holds beside the cache:
  // at least the policy's broker_backlog_minutes, more where the tier rounds memory up.
  double outage_minutes_held = 0.0;
  std::string memory_reason;
  int client_connections = 0;  // app replicas and admin, before maxclients' floor
  int maxclients = 0;
  std::string maxclients_reason;
  std::string topology;
  std::string topology_reason;
  bool operator==(const RedisPlan&) const = default;
};

struct QdrantPlan {
  double documents = 0.0;  // at the horizon
  double points = 0.0;
  double chunks_per_document = 0.0;
  double vector_bytes = 0.0;
  double quantized_bytes = 0.0;
  double hnsw_bytes = 0.0;
  double payload_bytes = 0.0;
  double id_tracker_bytes = 0.0;
  double docs_rule_memory_gib = 0.0;  // Qdrant docs: vectors * dim * 4 * 1.5
  double ram_total_gib = 0.0;         // every replica, with headroom
  double disk_total_gib = 0.0;
  int nodes = 0;
  int replication_factor = 1;
  int shards = 1;
  double ram_per_node_gib = 0.0;
  double disk_per_node_gib = 0.0;
  MachineShape shape;
  std::string reason;
  bool operator==(const QdrantPlan&) const = default;
};

struct ObjectStoragePlan {
  double uploads_gib = 0.0;
  double documents_gib = 0.0;
  double plugin_packages_gib = 0.0;
  double versions_gib = 0.0;  // noncurrent versions kept by the lifecycle rule
  double total_gib = 0.0;
  std::string reason;
  bool operator==(const ObjectStoragePlan&) const = default;
};

// A datastore that runs in the cluster (DatastoreMode::in_cluster): a StatefulSet whose
// pods are packed onto the worker nodes with the application's, each with a volume.
struct InClusterPod {
  std::string name;  // postgresql, redis, qdrant
  int replicas = 0;
  double request_cpu_m = 0.0;
  double request_memory_mib = 0.0;
  double limit_cpu_m = 0.0;
  double limit_memory_mib = 0.0;
  double volume_gib = 0.0;  // persistent volume of each pod
  std::string reason;
  bool operator==(const InClusterPod&) const = default;
};

struct DataPlan {
  PostgresPlan postgres;
  RedisPlan redis;
  QdrantPlan qdrant;
  ObjectStoragePlan object_storage;
  // The datastores the policy runs in the cluster, as pods (MinIO is a stack component).
  std::vector<InClusterPod> in_cluster_pods;
  std::vector<std::string> warnings;
  bool operator==(const DataPlan&) const = default;
};

// What to apply to the database: a managed instance's parameter group (one "name = value"
// line per setting, each with its reason as a comment, after a comment saying where they go),
// else the whole postgresql.conf fragment PGTune gives (postgresql_conf).
std::string postgres_settings_text(const PostgresPlan& plan);

// Rows of one table at the end of the planning horizon.
double table_rows(const TableModel& table, const Workload& workload);
double chunks_per_document(const KnowledgeBase& knowledge_base);

// Sizes the data plane of an environment from its workload, its planned components
// (for the connection budget) and its policy. Throws PlanningError when no shape of
// the catalog is large enough.
DataPlan plan_data(const Workload& workload, const PeakDemand& demand,
                   const std::vector<ComponentPlan>& components, const Stack& stack,
                   const EnvironmentPolicy& policy, const Catalog& catalog,
                   const std::string& environment_name);

}  // namespace tierplan
