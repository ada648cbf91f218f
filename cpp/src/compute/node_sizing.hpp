#pragma once
// Node sizing: the cheapest node type and count that hold an environment's pods (with
// N+1 when the policy asks), and the published tier the pods fit. Internal to the
// planner; the public face is NodePlan and TierRecommendation in tierplan/plan.hpp.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compute/packing.hpp"
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

// Why a node type cannot hold the pods.
enum class Exclusion : std::uint8_t { none, no_pod_slots, pod_cpu, pod_memory, no_packing };

// A node type left out, and what left it out.
struct ExcludedType {
  const NodeType* type = nullptr;
  Exclusion because = Exclusion::none;
  std::size_t pod = 0;   // pod_cpu, pod_memory: the pod (in the PodTable) too large,
  double largest = 0.0;  // and what one pod may take on the node (m or MiB)
};

// What bound the numbers of a NodePlan, beyond what the plan itself keeps: size_nodes
// records it, explain_nodes writes the reasons from it and the plan. Pointers are into
// the catalog given to size_nodes.
struct NodeChoice {
  // Lower bounds on the chosen type's count, before packing: the pod totals against its
  // usable room and pod slots, the spread of replicas over nodes, the share of capacity
  // one node may hold.
  int resource_lower = 0;
  int spread_floor = 0;
  int share_floor = 0;
  std::size_t feasible_types = 0;
  std::size_t excluded_types = 0;
  ExcludedType first_excluded;  // in catalog order
  // The next cheapest type after the chosen one; found when NodeSearch::runner_up asks
  // and there is one.
  const NodeType* runner_up = nullptr;
  int runner_up_count = 0;
  double runner_up_cost_usd_month = 0.0;
  // The environment's region, and what its prices are to the catalog's listed ones.
  std::string_view region;
  double price_factor = 1.0;
};

// How far size_nodes searches. A full plan names the next cheapest type and lists every
// node's pods; a study point reads neither.
struct NodeSearch {
  bool runner_up = false;   // size until the two cheapest types are known
  bool usage_rows = false;  // NodePlan::nodes
  // When only the cheapest is sought (may be null): the catalog index of the type that was
  // cheapest the last time, sized first and kept up to date.
  std::size_t* best_type_hint = nullptr;
};

// The cheapest feasible node type for the pods and its count (see node_sizing.cpp for the
// search), every reason left empty; what bound them is written to choice. Throws
// PlanningError, naming every type and why, when no type holds the pods.
NodePlan size_nodes(const PodTable& table, const PodTotals& totals, const Catalog& catalog,
                    const EnvironmentPolicy& policy, const std::string& environment_name,
                    Packer& packer, PackMemo& memo, const NodeSearch& search, NodeChoice& choice);
// The count, type and cost reasons of plan, found by size_nodes with choice (and a
// runner-up search).
void explain_nodes(NodePlan& plan, const NodeChoice& choice, const PodTable& table,
                   const PodTotals& totals, const EnvironmentPolicy& policy);

// The tier a TierRecommendation names, and what bound it: the preset that holds the pods,
// or the largest preset when none does.
struct TierChoice {
  const TierPreset* preset = nullptr;  // null: no presets
  // For a custom plan: the largest preset's usable room.
  double preset_cpu_m = 0.0;
  double preset_memory_mib = 0.0;
  // The totals fit the largest preset's room, but the pods do not pack onto its nodes.
  bool totals_fit = false;
};

// The smallest published tier whose nodes hold the pods, or a custom plan; its reason is
// left empty.
TierRecommendation recommend_tier(const PodTotals& totals, const std::vector<TierPreset>& tiers,
                                  const EnvironmentPolicy& policy, Packer& packer, PackMemo& memo,
                                  TierChoice& choice);
// The reason of a recommendation made with choice, for the node plan nodes and the spot pool
// beside it (count 0 when none).
void explain_tier(TierRecommendation& recommendation, const TierChoice& choice,
                  const PodTotals& totals, const EnvironmentPolicy& policy, const NodePlan& nodes,
                  const NodePlan& spot_nodes);

// Requests, limits and pods of the components and the in-cluster datastores, and the spare
// room the nodes of both pools (spot_nodes: count 0 when none) leave above the requests.
ResourceTotals totals_of(const std::vector<ComponentPlan>& components,
                         const std::vector<InClusterPod>& datastores, const NodePlan& nodes,
                         const NodePlan& spot_nodes);

}  // namespace tierplan::detail
