#pragma once
// How much of a plan the planner writes: internal to the library, for the studies that
// read only numbers.

namespace tierplan::detail {

enum class PlanDetail {
  full,  // the plan as plan_environment returns it
  // Every number of the environment plan as the full planner computes it (the same code),
  // but none of what only explains them: every reason, the node plan's per-node usage
  // rows, the tier recommendation and the warnings are left empty. Errors keep their
  // full text. For sweeps, whose outputs are numbers of the plan only.
  numbers,
};

}  // namespace tierplan::detail
