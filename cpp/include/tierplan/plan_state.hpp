#pragma once
// A Plan as compact, lossless bytes: what pickle (multiprocessing, Dask) ships between
// processes. Not the documented plan JSON (plan_to_json_string): that one is for people and
// pipelines, rounds nothing away either, but carries no version of every internal field.
#include <string>
#include <string_view>

#include "tierplan/plan.hpp"

namespace tierplan {

// CBOR of every field of the plan; doubles are kept bit for bit.
std::string plan_to_state(const Plan& plan);
std::string environment_plan_to_state(const EnvironmentPlan& plan);

// Inverse of the functions above. Throws std::invalid_argument for bytes that are not a
// state written by the same tierplan version.
Plan plan_from_state(std::string_view state);
EnvironmentPlan environment_plan_from_state(std::string_view state);

}  // namespace tierplan
