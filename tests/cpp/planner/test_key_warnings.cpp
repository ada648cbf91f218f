// The warnings a report shows first: ranked by what they put at risk (issue 16).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/plan_test_support.hpp"
#include "tierplan/warnings.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace)
using tierplan::WarningRisk;

// Production with every policy choice that raises a warning of its own: a Redis without
// maxmemory and in cluster mode, DEBUG logs, no object versioning, Helm values outside
// version control, no WAL archiving (RPO above the target).
Scenario careless_production() {
  Scenario scenario = builtin();
  for (Environment& environment : scenario.environments) {
    if (environment.name != "production") continue;
    auto& policy = environment.policy;
    policy.datastores.redis_maxmemory_configured = false;
    policy.datastores.redis_cluster_mode = true;
    policy.logs.level = tierplan::LogLevel::debug;
    policy.backups.object_storage.versioning = false;
    policy.backups.helm_values_in_version_control = false;
    policy.backups.postgres.wal_archiving = false;
  }
  return scenario;
}

TEST(KeyWarnings, every_warning_the_planner_raises_here_has_a_known_risk) {
  const Plan plan = tierplan::plan(careless_production());
  int warnings = 0;
  for (const EnvironmentPlan& environment : plan.environments) {
    for (const std::string& warning : environment.warnings) {
      ++warnings;
      EXPECT_NE(tierplan::warning_risk(warning), WarningRisk::other) << warning;
    }
  }
  // Each policy choice above raises one warning, besides the built-in plan's own.
  EXPECT_GE(warnings, 8);
}

TEST(KeyWarnings, ranked_most_serious_first_and_stable_within_a_risk) {
  const Plan plan = tierplan::plan(careless_production());
  const EnvironmentPlan& production = environment_of(plan, "production");
  const std::vector<tierplan::RankedWarning> ranked = tierplan::ranked_warnings(production);
  ASSERT_EQ(ranked.size(), production.warnings.size());
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    EXPECT_LE(ranked[i - 1].risk, ranked[i].risk) << ranked[i].text;
  }
  // The planner's order is kept among warnings of one risk.
  std::vector<std::string> data_loss_in_plan_order;
  for (const std::string& warning : production.warnings) {
    if (tierplan::warning_risk(warning) == WarningRisk::data_loss) {
      data_loss_in_plan_order.push_back(warning);
    }
  }
  std::vector<std::string> data_loss_ranked;
  for (const auto& warning : ranked) {
    if (warning.risk == WarningRisk::data_loss) data_loss_ranked.push_back(warning.text);
  }
  EXPECT_GE(data_loss_ranked.size(), 2U);
  EXPECT_EQ(data_loss_ranked, data_loss_in_plan_order);
}

TEST(KeyWarnings, the_first_three_put_the_service_at_risk_before_the_logs) {
  const Plan plan = tierplan::plan(careless_production());
  const EnvironmentPlan& production = environment_of(plan, "production");
  const std::vector<std::string> key = tierplan::key_warnings(production);
  ASSERT_EQ(key.size(), 3U);
  // The planner writes the DEBUG log warning before the versioning one, and the Redis
  // warnings before both: the ranking puts the outages first, then the data loss.
  EXPECT_EQ(tierplan::warning_risk(key[0]), WarningRisk::outage);
  for (const std::string& warning : key) {
    EXPECT_EQ(warning.find("DEBUG logs"), std::string::npos) << warning;
  }
  EXPECT_EQ(tierplan::key_warnings(production, 100).size(), production.warnings.size());
  EXPECT_TRUE(tierplan::key_warnings(production, 0).empty());
}

TEST(KeyWarnings, an_unknown_warning_ranks_last) {
  EXPECT_EQ(tierplan::warning_risk("something new"), WarningRisk::other);
  EXPECT_EQ(tierplan::to_string(WarningRisk::errors_under_load), "errors_under_load");
}

}  // namespace
