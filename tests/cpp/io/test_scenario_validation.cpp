// Validation on every way in: a scenario built or changed in code is checked by the same
// rules as JSON, before any plan or study is computed from it.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tierplan/tierplan.hpp"

namespace {

using tierplan::FieldIssue;
using tierplan::Scenario;
using tierplan::ValidationError;

Scenario builtin() { return tierplan::builtin_scenario("dify-enterprise"); }

std::size_t production_index(const Scenario& s) {
  for (std::size_t i = 0; i < s.environments.size(); ++i) {
    if (s.environments[i].name == "production") return i;
  }
  ADD_FAILURE() << "no production environment";
  return 0;
}

// The issues plan() raises, or a failure when it plans.
std::vector<FieldIssue> plan_issues(const Scenario& s) {
  try {
    (void)tierplan::plan(s);
  } catch (const ValidationError& e) {
    return e.issues();
  }
  ADD_FAILURE() << "plan() planned an invalid scenario";
  return {};
}

TEST(ValidationOnEveryWayIn, negative_users_set_in_code_are_refused_with_the_path) {
  Scenario s = builtin();
  s.workload.daily_active_users = -1e6;
  const auto issues = plan_issues(s);
  ASSERT_EQ(issues.size(), 1U);
  EXPECT_EQ(issues[0].path, "workload.daily_active_users");
  EXPECT_EQ(issues[0].message, "must be >= 0, got -1000000");
}

TEST(ValidationOnEveryWayIn, a_workload_scaled_by_a_negative_factor_is_refused) {
  Scenario s = builtin();
  s.workload = s.workload.scaled(-2);
  const auto issues = plan_issues(s);
  std::set<std::string> paths;
  for (const auto& issue : issues) paths.insert(issue.path);
  EXPECT_TRUE(paths.count("workload.daily_active_users"));
  EXPECT_TRUE(paths.count("workload.knowledge_base.documents"));
}

TEST(ValidationOnEveryWayIn, a_peak_fraction_above_one_is_refused_before_sizing) {
  Scenario s = builtin();
  s.workload.peak_hour_fraction = 5;
  const auto issues = plan_issues(s);
  ASSERT_EQ(issues.size(), 1U);
  EXPECT_EQ(issues[0].path, "workload.peak_hour_fraction");
  EXPECT_EQ(issues[0].message, "must be <= 1, got 5");
}

TEST(ValidationOnEveryWayIn, negative_min_replicas_are_refused_with_the_environment_index) {
  Scenario s = builtin();
  const std::size_t i = production_index(s);
  s.environments[i].policy.min_replicas = -4;
  const auto issues = plan_issues(s);
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues[0].path, "environments[" + std::to_string(i) + "].policy.min_replicas");
  EXPECT_EQ(issues[0].message, "must be >= 1, got -4");
}

TEST(ValidationOnEveryWayIn, every_problem_is_reported_at_once) {
  Scenario s = builtin();
  s.workload.daily_active_users = std::numeric_limits<double>::quiet_NaN();
  s.stack.components[0].resources.baseline_cpu_m = 0;
  s.catalog.node_types.clear();
  s.environments[0].policy.max_replicas = 0;
  const auto issues = tierplan::scenario_issues(s);
  std::set<std::string> paths;
  for (const auto& issue : issues) paths.insert(issue.path);
  EXPECT_TRUE(paths.count("workload.daily_active_users"));
  EXPECT_TRUE(paths.count("stack.components[0].resources.baseline_cpu_m"));
  EXPECT_TRUE(paths.count("catalog.node_types"));
  EXPECT_TRUE(paths.count("environments[0].policy.max_replicas"));
}

TEST(ValidationOnEveryWayIn, names_lists_and_references_are_checked_as_the_reader_does) {
  Scenario s = builtin();
  s.stack.components[1].name = s.stack.components[0].name;
  s.environments[0].name = "Not An Identifier";
  s.environments[1].policy.node_type = "no-such-node";
  s.environments[1].workload_share.reset();
  s.environments[1].workload.reset();
  const auto issues = tierplan::scenario_issues(s);
  std::set<std::string> paths;
  for (const auto& issue : issues) paths.insert(issue.path);
  EXPECT_TRUE(paths.count("stack.components[1].name"));
  EXPECT_TRUE(paths.count("environments[0].name"));
  EXPECT_TRUE(paths.count("environments[1].policy.node_type"));
  EXPECT_TRUE(paths.count("environments[1].workload"));
}

TEST(ValidationOnEveryWayIn, an_environment_given_beside_the_scenario_is_validated_too) {
  const Scenario s = builtin();
  tierplan::Environment loose = s.environments[production_index(s)];
  loose.policy.latency_percentile = 2;
  try {
    (void)tierplan::plan_environment(s, loose);
    FAIL() << "planned an invalid environment";
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.issues().size(), 1U);
    EXPECT_EQ(e.issues()[0].path, "environment.policy.latency_percentile");
  }
}

TEST(ValidationOnEveryWayIn, studies_refuse_an_invalid_base_scenario) {
  Scenario s = builtin();
  s.workload.peak_burst_factor = 0.5;
  tierplan::StudyOptions options;
  options.threads = 1;
  EXPECT_THROW(tierplan::sweep(s, {{"workload.daily_active_users", {1000, 2000}}}, options),
               ValidationError);
  tierplan::UncertaintyOptions uncertainty;
  uncertainty.samples = 4;
  uncertainty.study = options;
  tierplan::UncertainField users{
      "workload.daily_active_users", {tierplan::Distribution::Kind::uniform, 1000, 2000, 0}, true};
  EXPECT_THROW(tierplan::uncertainty(s, {users}, uncertainty), ValidationError);
  tierplan::SensitivityOptions sensitivity;
  sensitivity.study = options;
  EXPECT_THROW(tierplan::sensitivity(s, {"workload.daily_active_users"}, sensitivity),
               ValidationError);
  tierplan::FixedCluster cluster;
  cluster.node_type = s.catalog.node_types[0].name;
  cluster.node_count = 6;
  EXPECT_THROW(tierplan::max_supported_load(s, cluster, {}), ValidationError);
}

TEST(ValidationOnEveryWayIn, the_shipped_scenario_is_valid) {
  EXPECT_EQ(tierplan::scenario_issues(builtin()), std::vector<FieldIssue>{});
}

// The property that makes validation of structs and the JSON reader one rule set: for
// random values written into random numeric fields without any check, validating the struct
// finds exactly the issues that saving it as JSON and reading it back finds.
TEST(ValidationOnEveryWayIn, struct_validation_agrees_with_the_json_reader_on_random_values) {
  const Scenario base = builtin();
  const std::vector<std::string> paths = tierplan::numeric_field_paths(base);
  std::mt19937_64 random(20261204);
  std::uniform_int_distribution<std::size_t> pick_path(0, paths.size() - 1);
  std::uniform_int_distribution<int> pick_kind(0, 5);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  int invalid = 0;
  for (int round = 0; round < 400; ++round) {
    Scenario s = base;
    const int changes = 1 + round % 3;
    for (int k = 0; k < changes; ++k) {
      const tierplan::FieldRef field = tierplan::resolve_field(s, paths[pick_path(random)]);
      const tierplan::FieldBounds& b = field.bounds();
      const double span = std::isfinite(b.max) ? b.max - std::max(b.min, -b.max) : 1e6;
      double value = 0;
      switch (pick_kind(random)) {
        case 0:
          value = b.min - 1 - unit(random) * 10;
          break;  // below
        case 1:
          value = b.max + 1 + unit(random) * span;
          break;  // above
        case 2:
          value = b.min;
          break;  // on the lower bound
        case 3:
          value = b.max;
          break;  // on the upper bound
        case 4:
          value = b.min + unit(random) * std::min(span, 1e6);
          break;  // inside
        default:
          value = std::round(b.min + 0.5 + unit(random) * 3) + 0.25;
          break;  // fraction
      }
      if (b.integer) {
        // An int field holds whole numbers only; keep the value representable.
        value = std::clamp(std::round(value), -2e9, 2e9);
      }
      field.set(s, value);
    }
    const std::vector<FieldIssue> from_struct = tierplan::scenario_issues(s);
    std::vector<FieldIssue> from_json;
    try {
      (void)tierplan::scenario_from_json_string(tierplan::scenario_to_json_string(s));
    } catch (const ValidationError& e) {
      from_json = e.issues();
    }
    const std::set<std::pair<std::string, std::string>> a = [&] {
      std::set<std::pair<std::string, std::string>> out;
      for (const auto& i : from_struct) out.insert({i.path, i.message});
      return out;
    }();
    const std::set<std::pair<std::string, std::string>> b = [&] {
      std::set<std::pair<std::string, std::string>> out;
      for (const auto& i : from_json) out.insert({i.path, i.message});
      return out;
    }();
    EXPECT_EQ(a, b) << "round " << round;
    if (!a.empty()) ++invalid;
  }
  // The property is only worth something if both outcomes occur often.
  EXPECT_GT(invalid, 100);
  EXPECT_LT(invalid, 380);
}

}  // namespace
