// Node allocatable follows DESIGN.md (GKE, EKS and AKS reservations); the packing
// kernel's pod table finishes alike however it was filled.
#include <gtest/gtest.h>

#include "support/plan_test_support.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace): test helpers

// ---------------------------------------------------------------------------------------
// Node allocatable follows DESIGN.md

// A table filled by component runs (as the planner fills it) skips finish()'s sorting:
// it must end as the same table filled pod by pod.
tierplan::detail::PodTable table_of(const std::vector<std::pair<std::string, int>>& runs,
                                    bool by_runs, double nan_cpu_of_last = 0.0) {
  tierplan::detail::PodTable table;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    tierplan::detail::IndexedPod pod;
    pod.component = table.component_index(runs[r].first);
    pod.cpu_m = pod.request_cpu_m = pod.limit_cpu_m = 100.0 * static_cast<double>(r + 1);
    if (r + 1 == runs.size() && nan_cpu_of_last != 0.0) pod.cpu_m = nan_cpu_of_last;
    pod.memory_mib = pod.request_memory_mib = pod.limit_memory_mib = 256.0;
    if (by_runs) {
      table.add_replicas(pod, runs[r].second);
    } else {
      for (int i = 0; i < runs[r].second; ++i) {
        pod.replica_index = i;
        table.add(pod);
      }
    }
  }
  table.finish();
  return table;
}

TEST(PodTable, filled_by_component_runs_it_finishes_as_filled_pod_by_pod) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const double last_cpu : {0.0, nan}) {
    const std::vector<std::pair<std::string, int>> runs = {
        {"worker", 3}, {"api", 2}, {"sandbox", 0}, {"plugin_controller", 1}, {"web", 2}};
    const auto fast = table_of(runs, true, last_cpu);
    const auto general = table_of(runs, false, last_cpu);
    EXPECT_TRUE(fast.in_component_runs);
    EXPECT_FALSE(general.in_component_runs);
    EXPECT_EQ(fast.component_offsets, general.component_offsets);
    EXPECT_EQ(fast.component_pods, general.component_pods);
    EXPECT_EQ(fast.name_key, general.name_key);
    EXPECT_EQ(fast.name_rank, general.name_rank);
    EXPECT_EQ(fast.uniform_components, general.uniform_components);
    EXPECT_EQ(fast.uniform_components, std::isnan(last_cpu) ? false : true);
  }
  // A component that comes back in a second run is not one run: the general path.
  const auto split = table_of({{"api", 2}, {"web", 1}, {"api", 1}}, true);
  EXPECT_FALSE(split.in_component_runs);
  EXPECT_EQ(split.component_offsets, (std::vector<int>{0, 3, 4}));
  EXPECT_EQ(split.component_pods, (std::vector<int>{0, 3, 1, 2}));
}

TEST(NodeAllocatable, gke_reserve_for_8_vcpu_32_gib_matches_the_design_formula) {
  // Memory: 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the
  // next 16 (of 112). CPU: 6% of the first core, 1% of the second, 0.5% of cores 3 and
  // 4, 0.25% of the 4 above.
  const double memory_mib = (0.25 * 4 + 0.20 * 4 + 0.10 * 8 + 0.06 * 16) * 1024.0;
  const double cpu_m = 60 + 10 + 5 + 5 + 4 * 2.5;
  EXPECT_NEAR(tierplan::reserved_memory_mib(32.0, 110, tierplan::ReservedModel::gke), memory_mib,
              1e-9);
  EXPECT_NEAR(tierplan::reserved_cpu_m(8, tierplan::ReservedModel::gke), cpu_m, 1e-9);

  tierplan::NodeType node;
  node.name = "n2-standard-8";
  node.vcpu = 8;
  node.memory_gib = 32.0;
  node.max_pods = 110;
  tierplan::EnvironmentPolicy policy;
  policy.reserved_model = tierplan::ReservedModel::gke;
  policy.daemonset_cpu_m = 400.0;
  policy.daemonset_memory_mib = 640.0;
  policy.daemonset_pods = 6;
  const auto allocatable = tierplan::node_allocatable(node, policy);
  EXPECT_DOUBLE_EQ(allocatable.capacity_cpu_m, 8000.0);
  EXPECT_DOUBLE_EQ(allocatable.capacity_memory_mib, 32768.0);
  EXPECT_NEAR(allocatable.allocatable_cpu_m, 8000.0 - cpu_m, 1e-9);
  EXPECT_NEAR(allocatable.allocatable_memory_mib, 32768.0 - memory_mib - 100.0, 1e-9);
  EXPECT_NEAR(allocatable.pod_cpu_m, 8000.0 - cpu_m - 400.0, 1e-9);
  EXPECT_NEAR(allocatable.pod_memory_mib, 32768.0 - memory_mib - 100.0 - 640.0, 1e-9);
  EXPECT_EQ(allocatable.pod_slots, 104);
}

TEST(NodeAllocatable, gke_reserve_edges) {
  using tierplan::ReservedModel;
  EXPECT_DOUBLE_EQ(tierplan::reserved_memory_mib(0.5, 110, ReservedModel::gke), 255.0);
  EXPECT_NEAR(tierplan::reserved_memory_mib(4.0, 110, ReservedModel::gke), 1024.0, 1e-9);
  // Above 128 GiB: 2% of the rest.
  const double at_256 = (0.25 * 4 + 0.20 * 4 + 0.10 * 8 + 0.06 * 112 + 0.02 * 128) * 1024.0;
  EXPECT_NEAR(tierplan::reserved_memory_mib(256.0, 110, ReservedModel::gke), at_256, 1e-9);
  EXPECT_NEAR(tierplan::reserved_cpu_m(1, ReservedModel::gke), 60.0, 1e-9);
  EXPECT_NEAR(tierplan::reserved_cpu_m(2, ReservedModel::eks), 70.0, 1e-9);
}

TEST(NodeAllocatable, eks_m5_large_with_29_pods_reserves_574_mib) {
  EXPECT_DOUBLE_EQ(tierplan::reserved_memory_mib(8.0, 29, tierplan::ReservedModel::eks), 574.0);
}

TEST(NodeAllocatable, aks_8_cores_reserves_180_m) {
  using tierplan::ReservedModel;
  EXPECT_DOUBLE_EQ(tierplan::reserved_cpu_m(8, ReservedModel::aks), 180.0);
  const std::vector<std::pair<int, double>> table = {{1, 60.0},   {2, 100.0},  {4, 140.0},
                                                     {16, 260.0}, {32, 420.0}, {64, 740.0}};
  for (const auto& [cores, reserve] : table) {
    EXPECT_DOUBLE_EQ(tierplan::reserved_cpu_m(cores, ReservedModel::aks), reserve) << cores;
  }
  // Memory: min(20 MiB * max pods + 50 MiB, 25% of memory).
  EXPECT_DOUBLE_EQ(tierplan::reserved_memory_mib(32.0, 110, ReservedModel::aks), 2250.0);
  EXPECT_DOUBLE_EQ(tierplan::reserved_memory_mib(4.0, 110, ReservedModel::aks), 1024.0);
}

}  // namespace
