#pragma once
// The software stack: its components and how each one's resources follow its load.
#include <optional>
#include <string>
#include <vector>

#include "tierplan/datastore_model.hpp"
#include "tierplan/logs.hpp"

namespace tierplan {

enum class ComponentKind {
  service,    // answers requests; replicas sized by queueing and held connections
  worker,     // consumes background queues; replicas sized by queueing
  singleton,  // must run as exactly one replica (e.g. Celery beat)
  daemon,     // infrastructure with a fixed replica count chosen by the policy floor
};

// What drives a component's load. Each driver is a peak arrival rate derived from
// the workload (see demand.hpp).
enum class LoadDriver {
  none,
  api_requests,        // every request class, served by the api
  web_requests,        // page and asset loads of the web front ends
  worker_tasks,        // Celery tasks fanned out by requests and ingestion
  plugin_calls,        // tool and model calls through the plugin daemon
  sandbox_executions,  // code nodes executed in the sandbox
  document_ingestion,  // documents parsed (unstructured)
  outbound_requests,   // HTTP requests leaving through the SSRF proxy
};

// Per-replica resources: a baseline (the idle footprint) plus a cost per unit of
// load the replica carries at the peak.
struct ResourceModel {
  double baseline_cpu_m = 100.0;
  double baseline_memory_mib = 256.0;
  double cpu_m_per_rate_per_s = 0.0;       // per request per second on this replica
  double memory_mib_per_rate_per_s = 0.0;  // caches and pools that grow with throughput
  double memory_mib_per_concurrent = 0.0;  // per request in flight on this replica
  bool operator==(const ResourceModel&) const = default;
};

// The load a component's resource model was measured at, when it was calibrated from
// measurements (calibrate(), calibration.hpp): a plan that sizes a replica for more than
// warn_beyond_multiple times the highest rate measured warns that the fitted model is
// extrapolated there.
struct MeasuredLoad {
  double max_rate_per_s = 0.0;  // the highest request rate per replica the fits covered
  double warn_beyond_multiple = 2.0;
  bool operator==(const MeasuredLoad&) const = default;
};

// A datastore of the data plane, for a component that is its in-cluster form.
enum class DatastoreKind { none, postgres, redis, vector_store, object_storage };

struct Component {
  std::string name;
  // Key of the component in the Dify Enterprise Helm chart values.
  std::string helm_key;
  ComponentKind kind = ComponentKind::service;
  LoadDriver load_driver = LoadDriver::none;
  // Requests one replica serves at once (servers in the M/M/c model).
  int concurrency_per_replica = 1;
  // Connections one replica may hold open at once (Little's law bound); 0: the
  // component holds no long-lived connections.
  int max_connections_per_replica = 0;
  // Mean service time for drivers whose time is not set by the workload.
  double service_time_ms = 100.0;
  ResourceModel resources;
  // Set by calibration: the load its resources were measured at (none: assumed, not measured).
  std::optional<MeasuredLoad> measured_load;
  bool scales_horizontally = true;
  // SQLAlchemy pool size and overflow per replica; 0 when it uses no database.
  int db_pool_size = 0;
  int db_max_overflow = 0;
  // Oldest chart version (major*100 + minor) that has this component; 0: all.
  int since_chart_version = 0;
  // How much it logs (nothing when absent).
  ComponentLogging logging;
  std::string source;
  // The datastore this component is the in-cluster form of (MinIO: object storage): it is
  // deployed only in the environments that run that datastore in the cluster.
  DatastoreKind in_cluster_for = DatastoreKind::none;
  bool operator==(const Component&) const = default;
};

struct Stack {
  std::string name;
  int chart_version = 0;  // major*100 + minor, e.g. 305 for 3.5.x
  // Limits are this multiple of requests (Dify Enterprise: requests are half the limits).
  double limit_to_request_ratio = 2.0;
  std::vector<Component> components;
  DatastoreModel datastores;
  bool operator==(const Stack&) const = default;

  // The components that exist in this stack's chart version.
  std::vector<const Component*> deployed_components() const;
};

std::string to_string(ComponentKind kind);
std::string to_string(DatastoreKind kind);
std::string to_string(LoadDriver driver);

}  // namespace tierplan
