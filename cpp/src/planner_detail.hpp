#pragma once
// How much of a plan the planner writes: internal to the library, for the studies that
// read only numbers.
#include "tierplan/plan.hpp"

namespace tierplan::detail {

enum class PlanDetail {
  full,  // the plan as plan_environment returns it
  // Every number of the environment plan as the full planner computes it (the same code),
  // but none of what only explains them: the node plan's count, type and cost reasons and
  // its per-node usage rows, the tier recommendation and the warnings are left empty.
  // For sweeps, whose outputs are numbers of the plan only.
  numbers,
};

// The node plan of the last environment planned numbers-only with it, and everything that
// node plan is computed from: the pods (every size, in order), the component names and
// replica counts, the node types and the policy. A study keeps one per thread so that
// neighbouring points whose pods did not change skip the packing; only a full match (not
// a hash) reuses it. A point whose pods no node type holds keeps its error instead.
struct NodeSizingReuse {
  bool valid = false;
  std::vector<IndexedPod> pods;
  std::vector<std::string> component_names;
  std::vector<int> replicas;
  std::vector<NodeType> node_types;
  EnvironmentPolicy policy;
  std::string environment_name;  // named in the error
  NodePlan nodes;
  std::string error;  // the PlanningError of size_nodes, when no node type held the pods
};

// plan_environment with the detail asked for. With reuse (numbers only), the node plan of
// the previous call is reused when its inputs are the same.
EnvironmentPlan plan_environment(const Scenario& scenario, const Environment& environment,
                                 PlanDetail level, NodeSizingReuse* reuse = nullptr);

}  // namespace tierplan::detail
