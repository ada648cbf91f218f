#pragma once
// The planner's warnings ranked by what they put at risk, for the first screen of a report:
// a reader who sees three warnings should see the ones that cost a service or its data.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tierplan {

struct EnvironmentPlan;

// What a warning puts at risk, most serious first.
enum class WarningRisk {
  outage,             // the service stops when one node (or the single replica) is lost
  data_loss,          // data or configuration cannot be recovered, or not within the targets
  errors_under_load,  // requests fail at the peak: connection slots, pools, memory limits
  unbounded_growth,   // storage or logs grow without a bound
  other,              // a warning this ranking does not know: shown after the known ones
};

std::string to_string(WarningRisk risk);

// The risk a warning of the planner names (its subject and the failure it describes).
WarningRisk warning_risk(std::string_view warning);

struct RankedWarning {
  std::string text;
  WarningRisk risk = WarningRisk::other;
  bool operator==(const RankedWarning&) const = default;
};

// The environment's warnings, most serious risk first; warnings of the same risk keep the
// planner's order (the order the plan was built in: components, datastores, operations).
std::vector<RankedWarning> ranked_warnings(const EnvironmentPlan& plan);

// The first `count` of ranked_warnings' texts (fewer when the plan has fewer warnings).
std::vector<std::string> key_warnings(const EnvironmentPlan& plan, std::size_t count = 3);

}  // namespace tierplan
