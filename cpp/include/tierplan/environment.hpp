#pragma once
// Environment policies: the risk model of test, staging and production.
#include <optional>
#include <string>
#include <vector>

#include "tierplan/backups.hpp"
#include "tierplan/logs.hpp"
#include "tierplan/pgtune.hpp"
#include "tierplan/workload.hpp"

namespace tierplan {

// Where an environment runs: one cloud per environment; every priced line of its plan (nodes,
// datastore shapes, storage, the control plane) comes from that cloud's catalog entries.
enum class Cloud { aws, gcp, azure };
enum class SpreadPolicy { none, nodes };
enum class PackingMeasure { requests, limits };
// Kubelet reservations: GKE's, EKS's or AKS's published formula, or the one of each
// node type's own cloud (gcp -> gke, aws -> eks, azure -> aks).
enum class ReservedModel { gke, eks, aks, by_cloud };

// How a datastore runs: the cloud's managed service (RDS, Cloud SQL, ElastiCache,
// Memorystore, the object store), StatefulSets on the worker nodes (the Dify chart's
// bundled PostgreSQL, Redis, Qdrant and MinIO: pods packed with the application's), or
// VMs you run. The vector store has no managed offering in the catalog and object storage
// no VM form: validation refuses those two.
enum class DatastoreMode { managed, in_cluster, self_managed };

enum class VectorDatatype { float32, float16, uint8 };
enum class Quantization { none, scalar, binary };

// The data plane's risk model: topology, replication and headroom.
struct DatastorePolicy {
  bool postgres_standby = false;           // primary plus a hot standby
  bool postgres_synchronous = false;       // synchronous_commit to the standby
  DiskType postgres_disk = DiskType::ssd;  // as PGTune takes it
  // PGTune's "DB Type" and "DB Version" for the database's settings: Dify's traffic is a web
  // application's (many short queries), on PostgreSQL 16 unless the scenario says otherwise.
  PgWorkload postgres_workload = PgWorkload::web;
  int postgres_version = 16;
  // Above this many client connections, put PgBouncer in front.
  int pgbouncer_above_connections = 500;
  // Share of the planned data kept free on volumes (growth beyond the horizon, bloat).
  double storage_headroom_fraction = 0.3;
  bool redis_replica_with_sentinels = false;
  bool redis_cluster_mode = false;  // asked for; Dify does not support it
  bool redis_maxmemory_configured = true;
  // Minutes of worker outage the broker must absorb without losing tasks.
  double broker_backlog_minutes = 15.0;
  int qdrant_min_nodes = 1;
  int qdrant_replication_factor = 1;
  int qdrant_shards_per_node = 1;
  bool qdrant_vectors_on_disk = false;
  VectorDatatype qdrant_datatype = VectorDatatype::float32;
  Quantization qdrant_quantization = Quantization::none;
  DatastoreMode postgres_mode = DatastoreMode::managed;
  DatastoreMode redis_mode = DatastoreMode::managed;
  DatastoreMode vector_store_mode = DatastoreMode::self_managed;
  DatastoreMode object_storage_mode = DatastoreMode::managed;
  // Burstable classes (AWS t4g: a CPU credit balance, throttled to a baseline when it runs
  // out) may hold the managed datastores; off, the planner skips shapes marked burstable.
  bool burstable_instances_allowed = false;
  bool operator==(const DatastorePolicy&) const = default;
};

// How the bill is paid and what besides nodes and datastores it has.
enum class PricingModel { on_demand, commitment_1yr, commitment_3yr };

struct CostPolicy {
  // On-demand, or a 1- or 3-year commitment (reserved instances, committed use) on the
  // worker nodes and the vector store's VMs at the catalog's discount of the cloud.
  PricingModel pricing = PricingModel::on_demand;
  // Load balancers in front of the cluster (the ingress's; one per exposed service type).
  int load_balancers = 1;
  // NAT gateways for the private nodes' outbound traffic (one per zone for zone resilience).
  int nat_gateways = 1;
  // Outbound bytes per user-facing request (the prompt sent to the LLM provider, tool
  // calls), for the data transfer estimate; 0 leaves data transfer out of the bill.
  double outbound_kib_per_request = 0.0;
  // Stateless services (kind service, scaled out, not a datastore) on a second node pool of
  // spot capacity at the catalog's spot discount of the cloud; singletons, daemons, workers
  // and datastores stay on the on-demand pool. A spot node can be reclaimed at short notice
  // (the catalog's spot_discount source gives the cloud's), so only pods that restart
  // elsewhere without losing work belong there.
  bool stateless_on_spot = false;
  bool operator==(const CostPolicy&) const = default;
};

struct EnvironmentPolicy {
  // Floor on replicas of every horizontally scaled component.
  int min_replicas = 1;
  // Replicas of one component on distinct nodes (hard anti-affinity).
  SpreadPolicy spread = SpreadPolicy::none;
  // All pods must still fit when any one node is lost (N+1).
  bool survive_node_loss = false;
  // How displaced pods must fit after a node loss. The scheduler places pods by their
  // requests, so a limits-packed cluster may overcommit limits while degraded.
  PackingMeasure node_loss_pack_by = PackingMeasure::requests;
  // Utilisation ceiling of a component's servers at the peak (queueing).
  double max_server_utilization = 0.7;
  // Response time target (queue wait plus service) at latency_percentile.
  double latency_target_ms = 2000.0;
  double latency_percentile = 0.95;
  // Largest replica count the planner may give one component.
  int max_replicas = 500;
  // Pods are packed by their requests (limits may overcommit) or their limits.
  PackingMeasure pack_by = PackingMeasure::requests;
  // Share of a node's allocatable that packing may fill.
  double node_fill_ceiling = 1.0;
  // Largest share of the cluster's capacity one node may hold: losing a node then costs
  // at most this share (0.2: at least five nodes).
  double max_capacity_share_per_node = 1.0;
  // Largest share of a node's allocatable one pod may take.
  double max_pod_fraction_of_node = 1.0;
  ReservedModel reserved_model = ReservedModel::gke;
  // Per-node DaemonSets (CNI, kube-proxy, log and metrics agents).
  double daemonset_cpu_m = 0.0;
  double daemonset_memory_mib = 0.0;
  int daemonset_pods = 0;
  // The cloud the environment runs on, and its region: empty is the region the catalog's
  // prices of that cloud are listed for (catalog.prices[cloud].region); another region
  // must be listed in catalog.regions, whose price factor then applies to every line.
  Cloud cloud = Cloud::aws;
  std::string region;
  // Instance type fixed by the scenario (of the environment's cloud); empty: the cheapest
  // feasible one of that cloud.
  std::string node_type;
  DatastorePolicy datastores;
  LogPolicy logs;
  BackupPolicy backups;
  CostPolicy cost;
  bool operator==(const EnvironmentPolicy&) const = default;
};

struct Environment {
  std::string name;
  // Its own workload, or a share of the scenario's workload (exactly one is set).
  std::optional<Workload> workload;
  std::optional<double> workload_share;
  EnvironmentPolicy policy;
  bool operator==(const Environment&) const = default;
};

std::string to_string(Cloud v);
std::string to_string(DatastoreMode v);
std::string to_string(PricingModel v);
std::string to_string(SpreadPolicy v);
std::string to_string(VectorDatatype v);
std::string to_string(Quantization v);
std::string to_string(PackingMeasure v);
std::string to_string(ReservedModel v);

}  // namespace tierplan
