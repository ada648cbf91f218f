// Datastores run in the cluster (DatastoreMode::in_cluster): the Dify chart's bundled
// PostgreSQL, Redis and Qdrant as StatefulSets whose pods are packed onto the worker nodes
// with the application's pods, each with a persistent volume.
#include <algorithm>
#include <cmath>

#include "io/format.hpp"
#include "planner/planner_detail.hpp"
#include "units.hpp"

namespace tierplan::detail {

namespace {

// The smallest CPU request of a datastore pod: the model sizes Redis and Qdrant by memory,
// not CPU, and a test environment's PostgreSQL needs a few millicores; 100 m is the
// smallest request of the Bitnami charts' resource presets ("nano", bitnami/charts
// common/templates/_resources.tpl), which the Dify chart's bundled datastores use.
constexpr double kInClusterMinCpuM = 100.0;
// Memory requests in quarter GiB.
constexpr double kMemoryStepsPerGib = 4.0;

// A pod of cores (at least kInClusterMinCpuM) and memory_gib per replica.
InClusterPod pod_of(const char* name, int replicas, double cores, double memory_gib,
                    double volume_gib) {
  InClusterPod pod;
  pod.name = name;
  pod.replicas = replicas;
  pod.request_cpu_m = std::max(kInClusterMinCpuM, cores * units::kMillicoresPerCore);
  pod.request_memory_mib = memory_gib * units::kMibPerGib;
  // Limits equal requests (Guaranteed QoS): a database pod is evicted last under node
  // memory pressure and is never throttled below what it was sized for (Kubernetes docs,
  // "Pod Quality of Service Classes").
  pod.limit_cpu_m = pod.request_cpu_m;
  pod.limit_memory_mib = pod.request_memory_mib;
  pod.volume_gib = volume_gib;
  return pod;
}

}  // namespace

MachineShape in_cluster_shape(std::string_view cloud, double cores, double memory_gib) {
  MachineShape shape;
  shape.name = "in-cluster pod";
  shape.cloud = std::string(cloud);
  // Whole cores for PGTune's inputs (at least one); the pod's request keeps the fraction.
  shape.vcpu = std::max(1, static_cast<int>(std::ceil(cores - 1e-9)));
  shape.memory_gib =
      std::max(1.0 / kMemoryStepsPerGib,
               std::ceil(memory_gib * kMemoryStepsPerGib - 1e-9) / kMemoryStepsPerGib);
  shape.source = "a StatefulSet on the worker nodes (its cost is the nodes')";
  return shape;
}

const std::vector<MachineShape>& shapes_for(DatastoreMode mode,
                                            const std::vector<MachineShape>& managed,
                                            const Catalog& catalog) {
  return mode == DatastoreMode::self_managed ? catalog.vector_store_shapes : managed;
}

std::vector<InClusterPod> in_cluster_pods(const DataPlan& plan, const DatastorePolicy& policy) {
  std::vector<InClusterPod> pods;
  if (policy.postgres_mode == DatastoreMode::in_cluster) {
    const PostgresPlan& p = plan.postgres;
    pods.push_back(pod_of("postgresql", policy.postgres_standby ? 2 : 1, p.cpu_needed_cores,
                          p.shape.memory_gib, p.storage_gib));
  }
  if (policy.redis_mode == DatastoreMode::in_cluster) {
    // Redis is single-threaded and sized by memory: the CPU floor.
    pods.push_back(pod_of("redis", policy.redis_replica_with_sentinels ? 2 : 1, 0.0,
                          plan.redis.shape.memory_gib, plan.redis.shape.memory_gib));
  }
  if (policy.vector_store_mode == DatastoreMode::in_cluster) {
    const QdrantPlan& q = plan.qdrant;
    pods.push_back(pod_of("qdrant", q.nodes, 0.0, q.shape.memory_gib, q.disk_per_node_gib));
  }
  return pods;
}

void explain_in_cluster_pods(std::vector<InClusterPod>& pods, const DatastorePolicy& policy) {
  for (InClusterPod& pod : pods) {
    const bool replicated = pod.replicas > 1;
    const char* sized_by = pod.name == "postgresql"
                               ? "the database's CPU for its query rate and its memory"
                           : pod.name == "redis" ? "Redis's memory; CPU at the floor"
                                                 : "Qdrant's RAM per node; CPU at the floor";
    pod.reason = concat(pod.name, ": ", pod.replicas, replicated ? " pods" : " pod",
                        " of a StatefulSet on the worker nodes, sized by ", sized_by, " (",
                        Readable{kInClusterMinCpuM},
                        " m CPU at least; limits equal requests: Guaranteed QoS), each with a ",
                        Readable{pod.volume_gib}, " GiB volume",
                        replicated && policy.postgres_standby && pod.name == "postgresql"
                            ? "; the standby on another node when the policy spreads replicas"
                            : "");
  }
}

}  // namespace tierplan::detail
