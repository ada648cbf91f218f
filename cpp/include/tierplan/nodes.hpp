#pragma once
// Worker nodes: allocatable capacity per instance type and bin packing of pods.
//
// Allocatable = capacity - kube-reserved - system-reserved - eviction threshold.
// Reserve models (see nodes.cpp for the sources):
//   gke: memory 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of
//        the next 112, 2% above 128 GiB (255 MiB under 1 GiB); CPU 6% of the first
//        core, 1% of the second, 0.5% of cores 3-4, 0.25% above 4; eviction 100 MiB.
//   eks: memory 11 MiB * max pods + 255 MiB; CPU as gke; eviction 100 MiB.
//   aks: memory min(20 MiB * max pods + 50 MiB, 25% of memory) + 100 MiB eviction;
//        CPU from the AKS table 1->60m, 2->100m, 4->140m, 8->180m, 16->260m,
//        32->420m, 64->740m.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tierplan/catalog.hpp"
#include "tierplan/environment.hpp"

namespace tierplan {

struct NodeAllocatable {
  double capacity_cpu_m = 0.0;
  double capacity_memory_mib = 0.0;
  double reserved_cpu_m = 0.0;
  double reserved_memory_mib = 0.0;
  double eviction_memory_mib = 0.0;
  double allocatable_cpu_m = 0.0;  // what Kubernetes reports as allocatable
  double allocatable_memory_mib = 0.0;
  double daemonset_cpu_m = 0.0;
  double daemonset_memory_mib = 0.0;
  double pod_cpu_m = 0.0;  // left for the application's pods
  double pod_memory_mib = 0.0;
  int pod_slots = 0;  // max pods less the DaemonSet pods
  bool operator==(const NodeAllocatable&) const = default;
};

NodeAllocatable node_allocatable(const NodeType& node_type, const EnvironmentPolicy& policy);
// The concrete model for a node type: by_cloud resolves through its cloud.
ReservedModel resolve_reserved_model(ReservedModel model, const std::string& cloud);
double reserved_cpu_m(int vcpu, ReservedModel model);
double reserved_memory_mib(double memory_gib, int max_pods, ReservedModel model);

// One pod to place: its size by the policy's packing measure, and its requests and
// limits for reporting.
struct Pod {
  std::string component;
  int replica_index = 0;
  double cpu_m = 0.0;
  double memory_mib = 0.0;
  double request_cpu_m = 0.0;
  double request_memory_mib = 0.0;
  double limit_cpu_m = 0.0;
  double limit_memory_mib = 0.0;
};

struct NodeUsage {
  int index = 0;
  std::vector<std::string> pods;  // "component-replica"
  double packed_cpu_m = 0.0;      // by the packing measure
  double packed_memory_mib = 0.0;
  double request_cpu_m = 0.0;
  double request_memory_mib = 0.0;
  double limit_cpu_m = 0.0;
  double limit_memory_mib = 0.0;
  double free_cpu_m = 0.0;  // usable capacity less what is packed
  double free_memory_mib = 0.0;
  bool operator==(const NodeUsage&) const = default;
};

struct Packing {
  bool fits = false;
  std::vector<NodeUsage> nodes;
};

// First-fit decreasing onto count identical nodes, replicas of one component spread
// over distinct nodes when the policy asks (at most ceil(replicas / count) per node).
Packing pack_pods(const std::vector<Pod>& pods, const NodeAllocatable& node, int count,
                  const EnvironmentPolicy& policy);
// Whether the pods of every single node can be rescheduled onto the others' free room.
bool survives_any_node_loss(const std::vector<Pod>& pods, const Packing& packing,
                            const NodeAllocatable& node, const EnvironmentPolicy& policy);

}  // namespace tierplan
