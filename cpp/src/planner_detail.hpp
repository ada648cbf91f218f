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

// plan_environment with the detail asked for.
EnvironmentPlan plan_environment(const Scenario& scenario, const Environment& environment,
                                 PlanDetail level);

}  // namespace tierplan::detail
