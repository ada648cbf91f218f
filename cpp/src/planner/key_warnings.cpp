// Ranking of the planner's warnings by what they put at risk (tierplan/warnings.hpp).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tierplan/plan.hpp"
#include "tierplan/warnings.hpp"

namespace tierplan {

namespace {

struct RiskPhrase {
  std::string_view phrase;
  WarningRisk risk;
};

// The phrases that name the failure in each warning the planner writes
// (planner/planner.cpp, datastores/datastores.cpp). A new warning whose failure is not
// listed here ranks as `other`, after the known ones; tests/cpp/planner/test_key_warnings.cpp
// plans scenarios that raise each warning and checks that none is `other`.
constexpr std::array kRiskPhrases{
    // A node loss, or the single replica's loss, stops the service.
    RiskPhrase{"has no high availability", WarningRisk::outage},
    RiskPhrase{"cannot lose a node", WarningRisk::outage},
    RiskPhrase{"does not survive the loss of a node", WarningRisk::outage},
    RiskPhrase{"replica on the spot pool", WarningRisk::outage},
    // Dify cannot connect to a Redis Cluster at all.
    RiskPhrase{"Dify does not support it", WarningRisk::outage},
    // What a restore cannot bring back, or not within the targets.
    RiskPhrase{"cannot be recovered", WarningRisk::data_loss},
    RiskPhrase{"cannot be restored", WarningRisk::data_loss},
    RiskPhrase{"PostgreSQL RPO", WarningRisk::data_loss},
    RiskPhrase{"PostgreSQL RTO", WarningRisk::data_loss},
    RiskPhrase{"point-in-time recovery reach back at most", WarningRisk::data_loss},
    RiskPhrase{"rebuilds the collection", WarningRisk::data_loss},
    // Requests that fail at the peak.
    RiskPhrase{"max_connections", WarningRisk::errors_under_load},
    RiskPhrase{"QueuePool limit", WarningRisk::errors_under_load},
    RiskPhrase{"without maxmemory", WarningRisk::errors_under_load},
    RiskPhrase{"planned nodes run out in month", WarningRisk::errors_under_load},
    // Storage and logs that grow without a bound.
    RiskPhrase{"grows without cleanup", WarningRisk::unbounded_growth},
    RiskPhrase{"DEBUG logs", WarningRisk::unbounded_growth},
};

}  // namespace

std::string to_string(WarningRisk risk) {
  switch (risk) {
    case WarningRisk::outage:
      return "outage";
    case WarningRisk::data_loss:
      return "data_loss";
    case WarningRisk::errors_under_load:
      return "errors_under_load";
    case WarningRisk::unbounded_growth:
      return "unbounded_growth";
    case WarningRisk::other:
      return "other";
  }
  return "other";
}

WarningRisk warning_risk(std::string_view warning) {
  // The most serious risk a warning names: a warning about connection slots that also
  // mentions a node loss is about the outage.
  WarningRisk found = WarningRisk::other;
  for (const RiskPhrase& entry : kRiskPhrases) {
    if (warning.find(entry.phrase) != std::string_view::npos && entry.risk < found) {
      found = entry.risk;
    }
  }
  return found;
}

std::vector<RankedWarning> ranked_warnings(const EnvironmentPlan& plan) {
  std::vector<RankedWarning> ranked;
  ranked.reserve(plan.warnings.size());
  for (const std::string& warning : plan.warnings) {
    ranked.push_back(RankedWarning{warning, warning_risk(warning)});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const RankedWarning& a, const RankedWarning& b) { return a.risk < b.risk; });
  return ranked;
}

std::vector<std::string> key_warnings(const EnvironmentPlan& plan, std::size_t count) {
  std::vector<RankedWarning> ranked = ranked_warnings(plan);
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < std::min(count, ranked.size()); ++i) {
    texts.push_back(std::move(ranked[i].text));
  }
  return texts;
}

}  // namespace tierplan
