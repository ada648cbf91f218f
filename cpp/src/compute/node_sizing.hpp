#pragma once
// Node sizing: the cheapest node type and count that hold an environment's pods (with
// N+1 when the policy asks), and the published tier the pods fit. Internal to the
// planner; the public face is NodePlan and TierRecommendation in tierplan/plan.hpp.
#include <cstddef>
#include <string>
#include <vector>

#include "compute/packing.hpp"
#include "planner/planner_detail.hpp"
#include "tierplan/plan.hpp"

namespace tierplan::detail {

// What the pods of an environment add up to; the same for every node type.
struct PodTotals {
  double cpu_m = 0.0;  // by the packing measure, summed in pod order
  double memory_mib = 0.0;
  double largest_cpu_m = 0.0;  // largest single pod
  double largest_memory_mib = 0.0;
  double largest_loss_cpu_m = 0.0;  // by the node-loss measure
  double largest_loss_memory_mib = 0.0;
  int pod_count = 0;
  int most_replicas = 0;
  // Every size finite and not negative: the shortcuts of size_nodes hold.
  bool well_formed = true;
};

PodTotals totals_of(const PodTable& table, const EnvironmentPolicy& policy);

// What packing the pods onto count nodes of one allocatable gave, in one environment.
// Node types that share their allocatable (one size in one cloud, a tier preset of that
// size) pack alike: each outcome is found once.
class PackMemo {
 public:
  struct Outcome {
    NodeAllocatable node;
    int count = 0;
    bool fits = false;
    int survives = -1;  // -1: not tested
  };
  void clear() { outcomes_.clear(); }
  Outcome* find(const NodeAllocatable& node, int count) {
    for (auto& outcome : outcomes_) {
      if (outcome.count == count && outcome.node == node) return &outcome;
    }
    return nullptr;
  }
  Outcome& add(const NodeAllocatable& node, int count, bool fits) {
    outcomes_.push_back({node, count, fits, -1});
    return outcomes_.back();
  }

 private:
  std::vector<Outcome> outcomes_;
};

// The cheapest feasible node type for the pods (see node_sizing.cpp for the search).
// best_type_hint (numbers only, may be null): the catalog index of the type that was
// cheapest the last time, sized first and kept up to date.
NodePlan size_nodes(const PodTable& table, const PodTotals& totals, const Catalog& catalog,
                    const EnvironmentPolicy& policy, const std::string& environment_name,
                    Packer& packer, PackMemo& memo, PlanDetail level,
                    std::size_t* best_type_hint = nullptr);

// The smallest published tier whose nodes hold the pods, or a custom plan.
TierRecommendation recommend_tier(const PodTotals& totals, const std::vector<TierPreset>& tiers,
                                  const EnvironmentPolicy& policy, const NodePlan& nodes,
                                  Packer& packer, PackMemo& memo);

// Requests, limits and spare room of an environment's pods on its nodes.
ResourceTotals totals_of(const std::vector<ComponentPlan>& components, const NodePlan& nodes);

}  // namespace tierplan::detail
