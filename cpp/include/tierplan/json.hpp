#pragma once
// nlohmann::ordered_json conversions, for programs (and the Python bindings) that already
// hold a parsed document. Validation is the same as for text input.
#include <nlohmann/json.hpp>

#include "tierplan/scenario.hpp"

namespace tierplan {

Scenario scenario_from_json(const nlohmann::ordered_json& document);
nlohmann::ordered_json scenario_to_json(const Scenario& scenario);

}  // namespace tierplan

#include "tierplan/plan.hpp"

namespace tierplan {

nlohmann::ordered_json plan_to_json(const Plan& plan);

}  // namespace tierplan
