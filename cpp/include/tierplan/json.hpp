#pragma once
// nlohmann::ordered_json conversions, for programs (and the Python bindings) that already
// hold a parsed document. Validation is the same as for text input.
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "tierplan/scenario.hpp"

namespace tierplan {

// The deepest nesting of arrays and objects a scenario document may have, the document itself
// being level 1. A scenario nests six levels (environments[i].policy.backups.postgres); the
// limit leaves ten times that, and keeps every pass over a document that recurses per level
// (nlohmann's dump, the Python conversions) a few kilobytes of stack. Deeper input is refused
// with a ValidationError naming the path of the first array or object past it.
inline constexpr std::size_t kMaxJsonNestingDepth = 64;
// The message of that refusal ("nesting deeper than 64 levels of arrays and objects, ...").
std::string json_nesting_message();

Scenario scenario_from_json(const nlohmann::ordered_json& document);
nlohmann::ordered_json scenario_to_json(const Scenario& scenario);

}  // namespace tierplan

#include "tierplan/plan.hpp"

namespace tierplan {

nlohmann::ordered_json plan_to_json(const Plan& plan);

}  // namespace tierplan
