#include "tierplan/nodes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <utility>

namespace tierplan {

namespace {

constexpr double kMibPerGib = 1024.0;
// Kubernetes' default hard eviction threshold memory.available<100Mi (kubelet docs;
// used by GKE, EKS and AKS).
constexpr double kEvictionMemoryMib = 100.0;

// GKE memory reservation tiers (GKE "Node allocatable resources"): share of each
// band of the node's memory.
struct Band {
  double width;  // GiB or cores
  double share;
};
constexpr std::array<Band, 5> kGkeMemoryBands = {
    {{4.0, 0.25}, {4.0, 0.20}, {8.0, 0.10}, {112.0, 0.06}, {1e12, 0.02}}};
// GKE and EKS CPU reservation: 6% of the first core, 1% of the second, 0.5% of
// cores 3-4, 0.25% above 4 (GKE docs; the EKS AMI bootstrap uses the same table).
constexpr std::array<Band, 4> kCpuBands = {
    {{1.0, 0.06}, {1.0, 0.01}, {2.0, 0.005}, {1e12, 0.0025}}};
// GKE reserves 255 MiB on machines with less than 1 GiB of memory.
constexpr double kGkeSmallMachineReserveMib = 255.0;
// EKS AMI: kube-reserved memory = 11 MiB per pod the node can run + 255 MiB.
constexpr double kEksMibPerPod = 11.0;
constexpr double kEksBaseMib = 255.0;
// AKS 1.29+: kube-reserved memory = min(20 MB * max pods + 50 MB, 25% of memory).
constexpr double kAksMibPerPod = 20.0;
constexpr double kAksBaseMib = 50.0;
constexpr double kAksMaxMemoryShare = 0.25;
// AKS kube-reserved CPU by core count (AKS "Resource reservations" table).
constexpr std::array<std::pair<int, double>, 7> kAksCpuTable = {
    {{1, 60.0}, {2, 100.0}, {4, 140.0}, {8, 180.0}, {16, 260.0}, {32, 420.0}, {64, 740.0}}};

template <std::size_t N>
double banded(double amount, const std::array<Band, N>& bands) {
  double reserved = 0.0;
  double left = amount;
  for (const auto& band : bands) {
    const double in_band = std::min(left, band.width);
    if (in_band <= 0.0) break;
    reserved += in_band * band.share;
    left -= in_band;
  }
  return reserved;
}

double aks_cpu_m(int vcpu) {
  if (vcpu <= kAksCpuTable.front().first) return kAksCpuTable.front().second;
  for (std::size_t i = 1; i < kAksCpuTable.size(); ++i) {
    const auto [cores, reserve] = kAksCpuTable[i];
    if (vcpu <= cores) {
      // Linear between the published points (the table lists powers of two only).
      const auto [lower_cores, lower_reserve] = kAksCpuTable[i - 1];
      const double t = static_cast<double>(vcpu - lower_cores) / (cores - lower_cores);
      return lower_reserve + t * (reserve - lower_reserve);
    }
  }
  // Beyond 64 cores, continue the last segment's 10 m per core.
  return kAksCpuTable.back().second + 10.0 * (vcpu - kAksCpuTable.back().first);
}

}  // namespace

ReservedModel resolve_reserved_model(ReservedModel model, const std::string& cloud) {
  if (model != ReservedModel::by_cloud) return model;
  if (cloud == "aws") return ReservedModel::eks;
  if (cloud == "azure") return ReservedModel::aks;
  return ReservedModel::gke;  // gcp, and the default for other clouds
}

double reserved_cpu_m(int vcpu, ReservedModel model) {
  if (model == ReservedModel::aks) return aks_cpu_m(vcpu);
  return banded(static_cast<double>(vcpu), kCpuBands) * 1000.0;
}

double reserved_memory_mib(double memory_gib, int max_pods, ReservedModel model) {
  switch (model) {
    case ReservedModel::gke:
      if (memory_gib < 1.0) return kGkeSmallMachineReserveMib;
      return banded(memory_gib, kGkeMemoryBands) * kMibPerGib;
    case ReservedModel::eks:
      return kEksMibPerPod * max_pods + kEksBaseMib;
    case ReservedModel::aks:
      return std::min(kAksMibPerPod * max_pods + kAksBaseMib,
                      kAksMaxMemoryShare * memory_gib * kMibPerGib);
    case ReservedModel::by_cloud:
      break;  // resolved by the caller
  }
  return 0.0;
}

NodeAllocatable node_allocatable(const NodeType& node_type, const EnvironmentPolicy& policy) {
  NodeAllocatable a;
  a.capacity_cpu_m = node_type.vcpu * 1000.0;
  a.capacity_memory_mib = node_type.memory_gib * kMibPerGib;
  const ReservedModel model = resolve_reserved_model(policy.reserved_model, node_type.cloud);
  a.reserved_cpu_m = reserved_cpu_m(node_type.vcpu, model);
  a.reserved_memory_mib = reserved_memory_mib(node_type.memory_gib, node_type.max_pods, model);
  a.eviction_memory_mib = kEvictionMemoryMib;
  a.allocatable_cpu_m = a.capacity_cpu_m - a.reserved_cpu_m;
  a.allocatable_memory_mib = a.capacity_memory_mib - a.reserved_memory_mib - a.eviction_memory_mib;
  a.daemonset_cpu_m = policy.daemonset_cpu_m;
  a.daemonset_memory_mib = policy.daemonset_memory_mib;
  a.pod_cpu_m = std::max(0.0, a.allocatable_cpu_m - a.daemonset_cpu_m);
  a.pod_memory_mib = std::max(0.0, a.allocatable_memory_mib - a.daemonset_memory_mib);
  a.pod_slots = std::max(0, node_type.max_pods - policy.daemonset_pods);
  return a;
}

namespace {

struct NodeState {
  double cpu_m = 0.0;
  double memory_mib = 0.0;
  int pods = 0;
  std::map<std::string, int> replicas_of;  // component -> replicas on this node
};

struct Limits {
  double cpu_m;
  double memory_mib;
  int slots;
};

Limits usable(const NodeAllocatable& node, const EnvironmentPolicy& policy) {
  return {node.pod_cpu_m * policy.node_fill_ceiling, node.pod_memory_mib * policy.node_fill_ceiling,
          node.pod_slots};
}

std::map<std::string, int> replica_counts(const std::vector<Pod>& pods) {
  std::map<std::string, int> counts;
  for (const auto& pod : pods) ++counts[pod.component];
  return counts;
}

// Placement order: largest share of the node first (first-fit decreasing), then by
// name so that equal inputs give equal plans.
std::vector<std::size_t> decreasing_order(const std::vector<Pod>& pods, const Limits& limits) {
  std::vector<std::size_t> order(pods.size());
  std::iota(order.begin(), order.end(), 0);
  auto share = [&](const Pod& pod) {
    return std::max(pod.cpu_m / limits.cpu_m, pod.memory_mib / limits.memory_mib);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double sa = share(pods[a]);
    const double sb = share(pods[b]);
    if (sa != sb) return sa > sb;
    if (pods[a].component != pods[b].component) return pods[a].component < pods[b].component;
    return pods[a].replica_index < pods[b].replica_index;
  });
  return order;
}

bool fits_on(const NodeState& state, const Pod& pod, const Limits& limits, int spread_cap) {
  constexpr double kTolerance = 1e-9;
  if (state.pods + 1 > limits.slots) return false;
  if (state.cpu_m + pod.cpu_m > limits.cpu_m + kTolerance) return false;
  if (state.memory_mib + pod.memory_mib > limits.memory_mib + kTolerance) return false;
  if (spread_cap > 0) {
    const auto it = state.replicas_of.find(pod.component);
    if (it != state.replicas_of.end() && it->second >= spread_cap) return false;
  }
  return true;
}

// A pod as the scheduler sees it under a measure.
Pod measured(const Pod& pod, PackingMeasure measure) {
  Pod result = pod;
  const bool by_limits = measure == PackingMeasure::limits;
  result.cpu_m = by_limits ? pod.limit_cpu_m : pod.request_cpu_m;
  result.memory_mib = by_limits ? pod.limit_memory_mib : pod.request_memory_mib;
  return result;
}

void place(NodeState& state, const Pod& pod) {
  state.cpu_m += pod.cpu_m;
  state.memory_mib += pod.memory_mib;
  state.pods += 1;
  state.replicas_of[pod.component] += 1;
}

int spread_cap_for(const EnvironmentPolicy& policy, int replicas, int nodes) {
  if (policy.spread != SpreadPolicy::nodes || nodes <= 0) return 0;
  return (replicas + nodes - 1) / nodes;
}

}  // namespace

Packing pack_pods(const std::vector<Pod>& pods, const NodeAllocatable& node, int count,
                  const EnvironmentPolicy& policy) {
  Packing packing;
  const Limits limits = usable(node, policy);
  const auto counts = replica_counts(pods);
  std::vector<NodeState> states(static_cast<std::size_t>(count));
  std::vector<std::vector<std::size_t>> placed(static_cast<std::size_t>(count));
  for (const std::size_t index : decreasing_order(pods, limits)) {
    const Pod& pod = pods[index];
    const int cap = spread_cap_for(policy, counts.at(pod.component), count);
    bool done = false;
    for (std::size_t n = 0; n < states.size() && !done; ++n) {
      if (fits_on(states[n], pod, limits, cap)) {
        place(states[n], pod);
        placed[n].push_back(index);
        done = true;
      }
    }
    if (!done) return packing;
  }
  packing.fits = true;
  for (std::size_t n = 0; n < states.size(); ++n) {
    NodeUsage usage;
    usage.index = static_cast<int>(n);
    for (const std::size_t index : placed[n]) {
      const Pod& pod = pods[index];
      usage.pods.push_back(pod.component + "-" + std::to_string(pod.replica_index));
      usage.request_cpu_m += pod.request_cpu_m;
      usage.request_memory_mib += pod.request_memory_mib;
      usage.limit_cpu_m += pod.limit_cpu_m;
      usage.limit_memory_mib += pod.limit_memory_mib;
    }
    usage.packed_cpu_m = states[n].cpu_m;
    usage.packed_memory_mib = states[n].memory_mib;
    usage.free_cpu_m = limits.cpu_m - states[n].cpu_m;
    usage.free_memory_mib = limits.memory_mib - states[n].memory_mib;
    packing.nodes.push_back(std::move(usage));
  }
  return packing;
}

bool survives_any_node_loss(const std::vector<Pod>& pods, const Packing& packing,
                            const NodeAllocatable& node, const EnvironmentPolicy& policy) {
  if (!packing.fits) return false;
  const int count = static_cast<int>(packing.nodes.size());
  if (count < 2) return pods.empty();
  const Limits limits = usable(node, policy);
  const auto counts = replica_counts(pods);
  std::map<std::string, std::size_t> pod_by_name;
  for (std::size_t i = 0; i < pods.size(); ++i) {
    pod_by_name[pods[i].component + "-" + std::to_string(pods[i].replica_index)] = i;
  }
  for (int lost = 0; lost < count; ++lost) {
    // The survivors as they are, then the lost node's pods rescheduled first-fit
    // decreasing into their free room, still spread over the count - 1 nodes left.
    std::vector<NodeState> survivors;
    for (int n = 0; n < count; ++n) {
      if (n == lost) continue;
      NodeState state;
      for (const auto& name : packing.nodes[n].pods) {
        place(state, measured(pods[pod_by_name.at(name)], policy.node_loss_pack_by));
      }
      survivors.push_back(std::move(state));
    }
    std::vector<Pod> displaced;
    for (const auto& name : packing.nodes[lost].pods) {
      displaced.push_back(measured(pods[pod_by_name.at(name)], policy.node_loss_pack_by));
    }
    for (const std::size_t index : decreasing_order(displaced, limits)) {
      const Pod& pod = displaced[index];
      const int cap = spread_cap_for(policy, counts.at(pod.component), count - 1);
      bool done = false;
      for (auto& state : survivors) {
        if (fits_on(state, pod, limits, cap)) {
          place(state, pod);
          done = true;
          break;
        }
      }
      if (!done) return false;
    }
  }
  return true;
}

}  // namespace tierplan
