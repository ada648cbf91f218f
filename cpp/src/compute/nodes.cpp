#include "tierplan/nodes.hpp"

#include "compute/packing.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
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

// Kubernetes quantities of CPU are whole millicores, so the reservation is rounded to one:
// 6% of a core plus 1% of the next is 70 m, not the 69.99999999999999 the shares sum to.
double reserved_cpu_m(int vcpu, ReservedModel model) {
  if (model == ReservedModel::aks) return std::round(aks_cpu_m(vcpu));
  return std::round(banded(static_cast<double>(vcpu), kCpuBands) * 1000.0);
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

Packing pack_pods(const std::vector<Pod>& pods, const NodeAllocatable& node, int count,
                  const EnvironmentPolicy& policy) {
  const detail::PodTable table = detail::pod_table(pods);
  detail::Packer packer(table, policy);
  packer.set_node(node);
  Packing packing;
  if (!packer.pack(count)) return packing;
  packing.fits = true;
  packing.nodes = packer.node_usages();
  return packing;
}

bool survives_any_node_loss(const std::vector<Pod>& pods, const Packing& packing,
                            const NodeAllocatable& node, const EnvironmentPolicy& policy) {
  if (!packing.fits) return false;
  if (packing.nodes.size() < 2) return pods.empty();
  // Each pod recovered from its name.
  std::map<std::string, std::size_t> pod_by_name;
  for (std::size_t i = 0; i < pods.size(); ++i) {
    pod_by_name[pods[i].component + "-" + std::to_string(pods[i].replica_index)] = i;
  }
  std::vector<std::vector<std::size_t>> pods_per_node;
  pods_per_node.reserve(packing.nodes.size());
  for (const auto& usage : packing.nodes) {
    std::vector<std::size_t> indices;
    indices.reserve(usage.pods.size());
    for (const auto& name : usage.pods) indices.push_back(pod_by_name.at(name));
    pods_per_node.push_back(std::move(indices));
  }
  const detail::PodTable table = detail::pod_table(pods);
  detail::Packer packer(table, policy);
  packer.set_node(node);
  packer.load(pods_per_node);
  return packer.survives_node_loss();
}

}  // namespace tierplan
