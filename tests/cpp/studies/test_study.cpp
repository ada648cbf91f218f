// Sizing studies: numeric fields by path, sweeps over a grid, uncertainty and
// sensitivity, and the largest load a fixed cluster supports. Each study answers exactly
// what single plans at the same values answer, whatever the number of threads.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "planner/planner_detail.hpp"  // the internal numbers-only level of sweeps
#include "tierplan/capacity.hpp"
#include "tierplan/fields.hpp"
#include "tierplan/json.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/sweep.hpp"
#include "tierplan/uncertainty.hpp"

namespace tierplan {
// For readable test failures.
void PrintTo(const FieldIssue& issue, std::ostream* os) {
  *os << issue.path << ": " << issue.message;
}
}  // namespace tierplan

namespace {

using Json = nlohmann::ordered_json;
using tierplan::Distribution;
using tierplan::FieldBounds;
using tierplan::FieldIssue;
using tierplan::FieldRef;
using tierplan::Scenario;
using tierplan::StudyMatrix;
using tierplan::StudyOptions;
using tierplan::StudyTable;
using tierplan::ValidationError;

const Scenario& builtin() {
  static const Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
  return scenario;
}

constexpr const char* kUsers = "workload.daily_active_users";
constexpr const char* kChatRate = "workload.requests[chat_message].per_user_per_day";

std::vector<FieldIssue> issues_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ValidationError& e) {
    return e.issues();
  }
  ADD_FAILURE() << "expected a ValidationError";
  return {};
}

// The outputs of the plan at the given field values, as a study row writes them.
std::vector<double> single_plan_row(const Scenario& base, const std::vector<std::string>& paths,
                                    const std::vector<double>& values,
                                    const std::string& environment = "production") {
  const Scenario s = tierplan::with_values(base, paths, values);
  const auto& env = s.environments[tierplan::environment_index(s, environment)];
  std::vector<double> row(tierplan::study_output_columns(s).size());
  tierplan::write_outputs(tierplan::plan_environment(s, env), s, row.data());
  return row;
}

bool same_bytes(const StudyMatrix& a, const StudyMatrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) == 0;
}

// --- fields -------------------------------------------------------------------------

TEST(Fields, ReadAndWriteByPathWithIndicesOrNames) {
  const Scenario& s = builtin();
  EXPECT_EQ(tierplan::get_value(s, kUsers), s.workload.daily_active_users);
  EXPECT_EQ(tierplan::get_value(s, kChatRate),
            tierplan::get_value(s, "workload.requests[0].per_user_per_day"));
  EXPECT_EQ(tierplan::resolve_field(s, kChatRate).path(), "workload.requests[0].per_user_per_day");
  EXPECT_EQ(tierplan::resolve_field(s, "environments[production].policy.min_replicas").path(),
            "environments[2].policy.min_replicas");

  const Scenario changed =
      tierplan::with_value(s, "catalog.node_types[3].price_usd_per_hour", 1.25);
  EXPECT_EQ(changed.catalog.node_types[3].price_usd_per_hour, 1.25);
  EXPECT_NE(s.catalog.node_types[3].price_usd_per_hour, 1.25);  // the original is untouched
  const Scenario more =
      tierplan::with_value(s, "environments[2].policy.datastores.qdrant_min_nodes", 5);
  EXPECT_EQ(more.environments[2].policy.datastores.qdrant_min_nodes, 5);
}

TEST(Fields, EveryListedPathResolvesToItself) {
  const Scenario& s = builtin();
  const auto paths = tierplan::numeric_field_paths(s);
  EXPECT_GT(paths.size(), 100u);
  for (const auto& path : paths) {
    EXPECT_EQ(tierplan::resolve_field(s, path).path(), path);
  }
}

TEST(Fields, UnknownPathNamesThePathAndSuggestsTheNearestField) {
  const auto issues =
      issues_of([] { tierplan::resolve_field(builtin(), "workload.daily_active_user"); });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "workload.daily_active_user");
  EXPECT_NE(issues[0].message.find("did you mean \"workload.daily_active_users\""),
            std::string::npos)
      << issues[0].message;
}

TEST(Fields, NonNumericAndOutOfRangePathsAreErrorsAllAtOnce) {
  const auto issues = issues_of([] {
    tierplan::resolve_fields(builtin(),
                             {"workload.requests[9].per_user_per_day", "workload.requests",
                              "environments[nowhere].policy.min_replicas", kUsers});
  });
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].path, "workload.requests[9].per_user_per_day");
  EXPECT_NE(issues[0].message.find("out of range"), std::string::npos);
  EXPECT_EQ(issues[1].path, "workload.requests");
  EXPECT_NE(issues[2].message.find("\"nowhere\""), std::string::npos);
}

TEST(Fields, ValueOutsideTheRangeIsAnErrorWithPathAndValue) {
  const auto issues = issues_of([] {
    tierplan::with_values(builtin(), {kUsers, "environments[2].policy.min_replicas"}, {-5, 2.5});
  });
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0], (FieldIssue{kUsers, "must be >= 0, got -5"}));
  EXPECT_EQ(issues[1],
            (FieldIssue{"environments[2].policy.min_replicas", "must be an integer, got 2.5"}));
}

TEST(Fields, CrossFieldRulesHoldAsInTheReader) {
  const auto issues = issues_of(
      [] { tierplan::with_value(builtin(), "workload.knowledge_base.chunk_overlap_chars", 5000); });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "workload.knowledge_base.chunk_overlap_chars");
  EXPECT_NE(issues[0].message.find("must be < chunk_size_chars"), std::string::npos);
}

// The JSON pointer of a field path: "a.b[2].c" -> "/a/b/2/c".
Json::json_pointer pointer_of(const std::string& path) {
  std::string p = "/";
  for (char c : path) {
    if (c == '.' || c == '[') {
      p += '/';
    } else if (c != ']') {
      p += c;
    }
  }
  return Json::json_pointer(p);
}

std::vector<FieldIssue> reader_issues(const Json& document) {
  try {
    tierplan::scenario_from_json_string(document.dump());
  } catch (const ValidationError& e) {
    return e.issues();
  }
  return {};
}

// Every field's range (fields.cpp) against the JSON reader, at and around both bounds: the
// same values are accepted, and the same are rejected with the same message.
TEST(Fields, FieldBoundsMatchTheJsonReader) {
  const Scenario& s = builtin();
  const Json document = Json::parse(tierplan::scenario_to_json_string(s));
  // Each field once: the items of a list (request classes, node types, ...) share one
  // table of ranges, so the first path of each shape stands for the others.
  std::set<std::string> shapes;
  for (const auto& path : tierplan::numeric_field_paths(s)) {
    std::string shape;
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (path[i] == '[') {
        shape += "[*]";
        i = path.find(']', i);
      } else {
        shape += path[i];
      }
    }
    if (!shapes.insert(shape).second) continue;
    const tierplan::FieldRef field = tierplan::resolve_field(s, path);
    const auto& b = field.bounds();
    const double step = b.integer ? 1.0 : std::max(1.0, std::abs(b.max)) * 1e-3;
    std::vector<double> probes = {b.min - step, b.max, b.max + step};
    probes.push_back(b.min);
    if (b.min_exclusive) probes.push_back(b.min + (b.max - b.min) * 1e-6);
    if (b.integer) probes.push_back(b.min + 0.5);
    for (const double v : probes) {
      Json edited = document;
      if (b.integer && std::trunc(v) == v) {
        edited[pointer_of(path)] = static_cast<long long>(v);
      } else {
        edited[pointer_of(path)] = v;
      }
      const auto found = reader_issues(edited);
      if (auto why = field.check(v)) {
        // The reader keeps the default of a rejected value, which may break a cross-field
        // rule too: the range issue must be among its issues.
        EXPECT_NE(std::find(found.begin(), found.end(), FieldIssue{path, *why}), found.end())
            << path << " = " << v << ": " << testing::PrintToString(found);
      } else {
        Scenario set = s;
        field.set(set, v);
        EXPECT_EQ(found, tierplan::cross_field_issues(set)) << path << " = " << v;
      }
    }
  }
}

// --- sweeps -------------------------------------------------------------------------

TEST(Sweep, EveryPointEqualsASinglePlanAtTheSameValues) {
  const std::vector<double> users = {0, 500, 3000, 20000};
  const std::vector<double> rates = {2, 10};
  const StudyTable t = tierplan::sweep(builtin(), {{kUsers, users}, {kChatRate, rates}});
  ASSERT_EQ(t.values.rows(), 8);
  EXPECT_EQ(t.columns[0], kUsers);
  EXPECT_EQ(t.columns[1], "workload.requests[0].per_user_per_day");
  EXPECT_EQ(t.columns[2], "feasible");
  EXPECT_EQ(t.input_columns, 2u);
  for (std::size_t i = 0; i < 8; ++i) {
    const double u = users[i / 2];
    const double r = rates[i % 2];
    const auto row = static_cast<Eigen::Index>(i);
    EXPECT_EQ(t.values(row, 0), u);
    EXPECT_EQ(t.values(row, 1), r);
    const auto expected = single_plan_row(builtin(), {kUsers, kChatRate}, {u, r});
    for (std::size_t c = 0; c < expected.size(); ++c) {
      EXPECT_EQ(t.values(row, static_cast<Eigen::Index>(2 + c)), expected[c])
          << t.columns[2 + c] << " at point " << i;
    }
  }
}

// Walks a full environment plan's JSON beside the numbers-only plan's: every reason of
// the plan is empty numbers-only, the tier, the per-node rows and the warnings are left out, and
// every other value is the full plan's, numbers bit for bit. Counts the texts that the full plan
// has and the numbers-only plan leaves empty.
void expect_numbers_only(const nlohmann::ordered_json& full, const nlohmann::ordered_json& numbers,
                         const std::string& path, int& texts) {
  if (full.is_object()) {
    ASSERT_TRUE(numbers.is_object()) << path;
    for (auto it = full.begin(); it != full.end(); ++it) {
      const std::string& key = it.key();
      const std::string at = path + "." + key;
      ASSERT_TRUE(numbers.contains(key)) << at;
      // settings_reason is written by the JSON writer from the tune input, a number of the
      // plan, and a component load's reason is the fixed text of its load driver: both are
      // compared as values.
      const bool written_from_values = key == "settings_reason" || path.ends_with(".load");
      if (key.ends_with("reason") && !written_from_values) {
        EXPECT_EQ(numbers[key], "") << at;
        if (it->is_string() && !it->get<std::string>().empty()) ++texts;
      } else if (key != "tier" && key != "warnings" && at != ".nodes.nodes" &&
                 at != ".nodes.count_at_horizon" && at != ".nodes.runs_out_month") {
        expect_numbers_only(*it, numbers[key], at, texts);
      }
    }
  } else if (full.is_array()) {
    ASSERT_TRUE(numbers.is_array()) << path;
    ASSERT_EQ(full.size(), numbers.size()) << path;
    for (std::size_t i = 0; i < full.size(); ++i) {
      expect_numbers_only(full[i], numbers[i], path + "[" + std::to_string(i) + "]", texts);
    }
  } else if (full.is_number_float() && numbers.is_number_float()) {
    const double a = full.get<double>();
    const double b = numbers.get<double>();
    EXPECT_EQ(std::memcmp(&a, &b, sizeof a), 0) << path << ": " << a << " against " << b;
  } else {
    EXPECT_EQ(full, numbers) << path;
  }
}

nlohmann::ordered_json environment_json(const tierplan::EnvironmentPlan& environment) {
  tierplan::Plan plan;
  plan.environments.push_back(environment);
  return tierplan::plan_to_json(plan)["environments"][0];
}

TEST(Sweep, NumbersOnlyPlansLeaveOutTheTextsAndKeepEveryNumber) {
  int texts = 0;
  for (const double scale : {0.1, 1.0, 5.0}) {
    Scenario s = builtin();
    s.workload = s.workload.scaled(scale);
    for (const auto& environment : s.environments) {
      const auto full = tierplan::plan_environment(s, environment);
      const auto numbers =
          tierplan::detail::plan_environment(s, environment, tierplan::detail::PlanDetail::numbers);
      EXPECT_TRUE(numbers.warnings.empty());
      EXPECT_TRUE(numbers.nodes.nodes.empty());
      EXPECT_TRUE(numbers.tier.tier.empty());
      // The horizon's nodes are a full plan's, as the tier is.
      EXPECT_EQ(numbers.nodes.count_at_horizon, 0);
      EXPECT_EQ(numbers.nodes.runs_out_month, 0);
      expect_numbers_only(environment_json(full), environment_json(numbers), "", texts);
    }
  }
  // Every component's reasons, the node plan's, the data plane's, the
  // logs', the backups' and every cost item's, in nine plans.
  EXPECT_GT(texts, 9 * 60);
}

// The sweep plans its points without the reasons, node rows, tier and warnings that it
// does not output: every number it writes must still be the full plan's, in every
// environment, at feasible and infeasible points alike.
// A field made with its own setter may write anything, here every node price: the sweep
// must not take the catalog as unchanged because the path does not start with "catalog".
TEST(Sweep, AFieldWithItsOwnSetterIsNotTrustedToLeaveTheCatalogAlone) {
  const Scenario base = builtin();
  // The type the plain scenario plans staging on.
  const std::string cheapest =
      tierplan::plan_environment(base,
                                 base.environments[tierplan::environment_index(base, "staging")])
          .nodes.node_type.name;
  const FieldRef price_scale(
      "price_scale", FieldBounds{0.0, 100.0}, [](const Scenario&) { return 1.0; },
      [base, cheapest](Scenario& s, double v) {
        for (std::size_t i = 0; i < s.catalog.node_types.size(); ++i) {
          // The cheapest type of the plain scenario gets dearer; the others do not.
          const double factor = s.catalog.node_types[i].name == cheapest ? v : 1.0;
          s.catalog.node_types[i].price_usd_per_hour =
              base.catalog.node_types[i].price_usd_per_hour * factor;
        }
      });
  EXPECT_FALSE(price_scale.writes_only_its_path());
  EXPECT_TRUE(tierplan::resolve_field(base, kUsers).writes_only_its_path());
  StudyMatrix inputs(3, 1);
  inputs << 1.0, 10.0, 1.0;
  StudyOptions options;
  options.environment = "staging";
  options.threads = 1;
  const StudyTable table = tierplan::evaluate_points(base, {price_scale}, inputs, options);
  for (Eigen::Index row = 0; row < inputs.rows(); ++row) {
    Scenario s = base;
    price_scale.set(s, inputs(row, 0));
    const auto& env = s.environments[tierplan::environment_index(s, "staging")];
    std::vector<double> expected(tierplan::study_output_columns(s).size());
    tierplan::write_outputs(tierplan::plan_environment(s, env), s, expected.data());
    for (std::size_t c = 0; c < expected.size(); ++c) {
      EXPECT_EQ(table.values(row, static_cast<Eigen::Index>(1 + c)), expected[c])
          << table.columns[1 + c] << " at row " << row;
    }
  }
  // The dearer type is not the one planned at 10x its price.
  EXPECT_NE(table.values(1, 3), table.values(0, 3));
}

TEST(Sweep, DenseGridsInEveryEnvironmentEqualFullPlansIncludingInfeasiblePoints) {
  constexpr const char* kApiMemory = "stack.components[api].resources.baseline_memory_mib";
  constexpr const char* kPrice = "catalog.node_types[3].price_usd_per_hour";
  const std::vector<double> users = {0, 1, 250, 1500, 6000, 24000, 90000};
  const std::vector<double> rates = {0.5, 3, 12};
  const std::vector<double> api_memory = {512, 3000, 4.0 * 1024 * 1024};
  const std::vector<double> prices = {0.01, 0.4, 9};
  const std::vector<std::string> paths = {kUsers, kChatRate, kApiMemory, kPrice};
  for (const auto& environment : builtin().environments) {
    StudyOptions options;
    options.environment = environment.name;
    options.threads = 2;
    const StudyTable t = tierplan::sweep(
        builtin(),
        {{kUsers, users}, {kChatRate, rates}, {kApiMemory, api_memory}, {kPrice, prices}}, options);
    ASSERT_EQ(t.values.rows(), 7 * 3 * 3 * 3);
    std::size_t feasible = 0;
    std::size_t infeasible = 0;
    for (Eigen::Index row = 0; row < t.values.rows(); ++row) {
      std::vector<double> values;
      for (Eigen::Index k = 0; k < 4; ++k) values.push_back(t.values(row, k));
      const auto i = static_cast<std::size_t>(row);
      std::vector<double> expected;
      std::string error;
      try {
        expected = single_plan_row(builtin(), paths, values, environment.name);
      } catch (const tierplan::PlanningError& e) {
        error = e.what();
      }
      EXPECT_EQ(t.errors[i], error) << environment.name << " at point " << i;
      if (!error.empty()) {
        ++infeasible;
        EXPECT_EQ(t.values(row, 4), 0.0);  // feasible
        continue;
      }
      ++feasible;
      for (std::size_t c = 0; c < expected.size(); ++c) {
        // Bit for bit: NaN only where the full plan writes NaN too.
        const double got = t.values(row, static_cast<Eigen::Index>(4 + c));
        EXPECT_EQ(std::memcmp(&got, &expected[c], sizeof(double)), 0)
            << environment.name << ": " << t.columns[4 + c] << " at point " << i << ": " << got
            << " against " << expected[c];
      }
    }
    EXPECT_GT(feasible, 0u) << environment.name;
    EXPECT_GT(infeasible, 0u) << environment.name;
  }
}

// Neighbouring points with the same pods may share a node plan, but only when nothing
// the node sizing reads changed: here the policy's fill ceiling and DaemonSet memory and a
// node type's price change between points whose pods are the same.
TEST(Sweep, PointsWithTheSamePodsButAnotherPolicyOrPriceAreSizedAgain) {
  constexpr const char* kFill = "environments[2].policy.node_fill_ceiling";
  constexpr const char* kDaemonSet = "environments[2].policy.daemonset_memory_mib";
  constexpr const char* kPrice = "catalog.node_types[0].price_usd_per_hour";
  // The last axis varies fastest: one thread sees each point after one that differs only
  // in the fill ceiling.
  const std::vector<std::string> paths = {kUsers, kPrice, kDaemonSet, kFill};
  StudyOptions options;
  options.threads = 1;
  const StudyTable t = tierplan::sweep(builtin(),
                                       {{kUsers, {3000, 20000}},
                                        {kPrice, {0.0, 0.05, 3}},
                                        {kDaemonSet, {256, 2048}},
                                        {kFill, {0.5, 0.9}}},
                                       options);
  ASSERT_EQ(t.values.rows(), 2 * 3 * 2 * 2);
  std::set<double> node_counts;
  for (Eigen::Index row = 0; row < t.values.rows(); ++row) {
    std::vector<double> values;
    for (Eigen::Index k = 0; k < 4; ++k) values.push_back(t.values(row, k));
    const auto expected = single_plan_row(builtin(), paths, values);
    for (std::size_t c = 0; c < expected.size(); ++c) {
      EXPECT_EQ(t.values(row, static_cast<Eigen::Index>(4 + c)), expected[c])
          << t.columns[4 + c] << " at point " << row;
    }
    node_counts.insert(t.values(row, static_cast<Eigen::Index>(t.column("node_count"))));
  }
  EXPECT_GT(node_counts.size(), 1u);  // the policy moves the node plan
}

TEST(Sweep, ResultsDoNotDependOnTheNumberOfThreads) {
  std::vector<double> users;
  for (int i = 0; i < 40; ++i) users.push_back(100.0 + 997.0 * i);
  const std::vector<tierplan::SweepAxis> axes = {{kUsers, users}, {kChatRate, {1, 4, 16}}};
  StudyOptions one;
  one.threads = 1;
  StudyOptions two = one;
  two.threads = 2;
  StudyOptions seven = one;
  seven.threads = 7;
  const StudyTable a = tierplan::sweep(builtin(), axes, one);
  const StudyTable b = tierplan::sweep(builtin(), axes, two);
  const StudyTable c = tierplan::sweep(builtin(), axes, seven);
  EXPECT_TRUE(same_bytes(a.values, b.values));
  EXPECT_TRUE(same_bytes(a.values, c.values));
  EXPECT_EQ(a.errors, b.errors);
  EXPECT_EQ(a.errors, c.errors);
}

TEST(Sweep, CostNeverFallsAlongTheDailyActiveUsersAxis) {
  std::vector<double> users;
  for (double u = 0; u <= 54000; u += 1500) users.push_back(u);
  const StudyTable t = tierplan::sweep(builtin(), {{kUsers, users}});
  const auto cost = static_cast<Eigen::Index>(t.column("cost_usd_month"));
  const auto feasible = static_cast<Eigen::Index>(t.column("feasible"));
  for (Eigen::Index i = 1; i < t.values.rows(); ++i) {
    ASSERT_EQ(t.values(i, feasible), 1.0) << t.errors[static_cast<std::size_t>(i)];
    // The node count may fall where a larger node type becomes the cheapest; the cost may not.
    EXPECT_GE(t.values(i, cost), t.values(i - 1, cost)) << "at " << t.values(i, 0);
  }
  EXPECT_GT(t.values(t.values.rows() - 1, cost), t.values(0, cost));
}

TEST(Sweep, InfeasiblePointsAreNaNRowsWithThePlanningError) {
  // An api replica asking for more memory than any node type has.
  const StudyTable t = tierplan::sweep(
      builtin(),
      {{"stack.components[api].resources.baseline_memory_mib", {1024, 4.0 * 1024 * 1024}}});
  const auto feasible = static_cast<Eigen::Index>(t.column("feasible"));
  EXPECT_EQ(t.values(0, feasible), 1.0);
  EXPECT_TRUE(t.errors[0].empty());
  EXPECT_EQ(t.values(1, feasible), 0.0);
  EXPECT_TRUE(std::isnan(t.values(1, static_cast<Eigen::Index>(t.column("node_count")))));
  EXPECT_NE(t.errors[1].find("no node type can hold the pods"), std::string::npos) << t.errors[1];
}

TEST(Sweep, NeighbouringInfeasiblePointsEachCarryTheFullPlansError) {
  constexpr const char* kApiMemory = "stack.components[api].resources.baseline_memory_mib";
  const std::vector<std::string> paths = {kApiMemory, kUsers};
  for (const char* environment : {"staging", "production"}) {
    StudyOptions options;
    options.environment = environment;
    options.threads = 1;
    const StudyTable t = tierplan::sweep(
        builtin(), {{kApiMemory, {4.0 * 1024 * 1024, 1024}}, {kUsers, {1000, 1000.5, 1001}}},
        options);
    for (Eigen::Index row = 0; row < t.values.rows(); ++row) {
      std::string error;
      try {
        single_plan_row(builtin(), paths, {t.values(row, 0), t.values(row, 1)}, environment);
      } catch (const tierplan::PlanningError& e) {
        error = e.what();
      }
      EXPECT_EQ(t.errors[static_cast<std::size_t>(row)], error) << environment << " at " << row;
      EXPECT_EQ(error.empty(), row >= 3) << environment << " at " << row;
    }
  }
}

TEST(Sweep, BadAxesAreReportedTogetherBeforeAnyPlanning) {
  const auto issues = issues_of([] {
    tierplan::sweep(builtin(),
                    {{kUsers, {100, -1, 2e9}}, {"workload.peak_hour_fraction", {0.1, 0}}});
  });
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].path + ": " + issues[0].message,
            std::string(kUsers) + ": must be >= 0, got -1");
  EXPECT_EQ(issues[1].path + ": " + issues[1].message,
            std::string(kUsers) + ": must be <= 1000000000, got 2000000000");
  EXPECT_EQ(issues[2].path + ": " + issues[2].message,
            "workload.peak_hour_fraction: must be > 0, got 0");
}

TEST(Sweep, UnknownEnvironmentIsAnError) {
  StudyOptions o;
  o.environment = "prod";
  const auto issues = issues_of([&] { tierplan::sweep(builtin(), {{kUsers, {1}}}, o); });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].message.find("test, staging, production"), std::string::npos);
}

TEST(Sweep, ProgressEndsWithEveryPointDone) {
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  StudyOptions o;
  o.threads = 2;
  o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
  tierplan::sweep(builtin(), {{kUsers, {100, 200, 300, 400, 500}}}, o);
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.back(), (std::pair<std::size_t, std::size_t>{5, 5}));
  for (std::size_t i = 1; i < calls.size(); ++i) EXPECT_GE(calls[i].first, calls[i - 1].first);
}

TEST(Sweep, EnvironmentCostIsThePlansMonthlyTotalAndFollowsPrices) {
  Scenario s = builtin();
  // Objects in the cloud's object store (the built-in production keeps them in MinIO).
  s.environments[2].policy.datastores.object_storage_mode = tierplan::DatastoreMode::managed;
  const auto plan = tierplan::plan_environment(s, s.environments[2]);
  EXPECT_EQ(tierplan::environment_cost_usd_month(plan), plan.cost.total_usd_month);
  EXPECT_GT(plan.cost.total_usd_month, plan.nodes.cost_usd_month);
  // A sweep over a price moves the cost column by that line alone.
  tierplan::StudyOptions options;
  options.threads = 1;
  const auto table = tierplan::sweep(
      s, {{"catalog.prices[aws].object_storage.usd_per_gib_month", {0.023, 0.046}}}, options);
  const auto cost = table.values.col(static_cast<Eigen::Index>(table.column("cost_usd_month")));
  const auto* objects = plan.cost.find("object_storage");
  ASSERT_NE(objects, nullptr);
  EXPECT_NEAR(cost(1) - cost(0), objects->quantity * 0.023, 1e-6);
}

// --- uncertainty --------------------------------------------------------------------

TEST(Distributions, SampleMomentsMatchTheDistribution) {
  const std::vector<Distribution> all = {
      Distribution::normal(3000, 500), Distribution::lognormal(3000, 0.4),
      Distribution::uniform(1000, 5000), Distribution::triangular(1000, 2000, 6000),
      Distribution::triangular(0, 0, 1)};
  constexpr int n = 200000;
  for (const auto& d : all) {
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; ++i) {
      const double x = d.quantile(tierplan::sample_uniform(42, static_cast<std::uint64_t>(i), 0));
      sum += x;
      squares += x * x;
    }
    const double mean = sum / n;
    const double sd = std::sqrt(squares / n - mean * mean);
    // Five standard errors of the mean; 2% on the standard deviation.
    EXPECT_NEAR(mean, d.mean(), 5 * d.standard_deviation() / std::sqrt(n)) << tierplan::describe(d);
    EXPECT_NEAR(sd, d.standard_deviation(), 0.02 * d.standard_deviation()) << tierplan::describe(d);
    for (double p : {1e-6, 0.01, 0.3, 0.5, 0.9, 0.999}) {
      EXPECT_NEAR(d.cdf(d.quantile(p)), p, 1e-9) << tierplan::describe(d) << " at " << p;
    }
  }
}

TEST(Distributions, NormalQuantileIsAccurate) {
  // Standard normal quantiles (any statistics table).
  const auto z = Distribution::normal(0, 1);
  EXPECT_NEAR(z.quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(z.quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(z.quantile(0.001), -3.090232306167813, 1e-12);
}

tierplan::UncertaintyOptions small_run(int threads, std::uint64_t seed = 7) {
  tierplan::UncertaintyOptions o;
  o.samples = 60;
  o.seed = seed;
  o.study.threads = threads;
  return o;
}

const std::vector<tierplan::UncertainField> kUncertain = {
    {kUsers, Distribution::lognormal(3000, 0.5), true},
    {kChatRate, Distribution::triangular(5, 10, 30), true},
    {"workload.knowledge_base.documents", Distribution::normal(20000, 4000), true},
};

TEST(Uncertainty, SeededRunsAreReproducibleForAnyThreadCount) {
  const auto a = tierplan::uncertainty(builtin(), kUncertain, small_run(1));
  const auto b = tierplan::uncertainty(builtin(), kUncertain, small_run(2));
  const auto c = tierplan::uncertainty(builtin(), kUncertain, small_run(2, 8));
  EXPECT_TRUE(same_bytes(a.samples.values, b.samples.values));
  EXPECT_TRUE(same_bytes(a.percentiles, b.percentiles));
  EXPECT_FALSE(same_bytes(a.samples.values, c.samples.values));
}

TEST(Uncertainty, PercentilesAreOrderedAndSamplesArePlans) {
  const auto r = tierplan::uncertainty(builtin(), kUncertain, small_run(2));
  ASSERT_EQ(r.percentiles.rows(), 3);
  EXPECT_EQ(r.feasible_samples, 60u);
  for (Eigen::Index c = 0; c < r.percentiles.cols(); ++c) {
    EXPECT_LE(r.percentiles(0, c), r.percentiles(1, c))
        << r.samples.columns[static_cast<std::size_t>(c)];
    EXPECT_LE(r.percentiles(1, c), r.percentiles(2, c))
        << r.samples.columns[static_cast<std::size_t>(c)];
  }
  // Sample 3 is the plan at its drawn values.
  const auto row = r.samples.values.row(3);
  const auto expected =
      single_plan_row(builtin(), {kUsers, kChatRate, "workload.knowledge_base.documents"},
                      {row(0), row(1), row(2)});
  for (std::size_t c = 0; c < expected.size(); ++c)
    EXPECT_EQ(row(static_cast<Eigen::Index>(3 + c)), expected[c]);
}

TEST(Uncertainty, CoveringPlanSetsEachFieldToItsPercentile) {
  const auto r = tierplan::uncertainty(builtin(), kUncertain, small_run(2));
  ASSERT_TRUE(r.covering_plan.has_value()) << r.covering_error;
  ASSERT_EQ(r.covering_values.size(), 3u);
  EXPECT_NEAR(r.covering_values[0], Distribution::lognormal(3000, 0.5).quantile(0.95), 1e-6);
  const Scenario at = tierplan::with_values(
      builtin(), {kUsers, kChatRate, "workload.knowledge_base.documents"}, r.covering_values);
  EXPECT_EQ(*r.covering_plan, tierplan::plan_environment(at, at.environments[2]));
  EXPECT_NE(r.covering_reason.find("95th percentile"), std::string::npos) << r.covering_reason;
  const auto nodes = static_cast<Eigen::Index>(r.samples.column("node_count"));
  EXPECT_GE(r.covering_plan->nodes.count, r.percentiles(1, nodes));
}

TEST(Uncertainty, DistributionsMostlyOutsideTheRangeOrOnIntegersAreErrors) {
  const auto issues = issues_of([] {
    tierplan::uncertainty(
        builtin(),
        {{kUsers, Distribution::normal(100, 1000), true},
         {"workload.knowledge_base.embedding_dimension", Distribution::uniform(512, 1024), true},
         {kChatRate, Distribution::uniform(5, 1), true}},
        small_run(1));
  });
  ASSERT_EQ(issues.size(), 1u);  // parameters first: the uniform's low > high
  EXPECT_EQ(issues[0].path, kChatRate);
  const auto range_issues = issues_of([] {
    tierplan::uncertainty(
        builtin(),
        {{kUsers, Distribution::normal(100, 1000), true},
         {"workload.knowledge_base.embedding_dimension", Distribution::uniform(512, 1024), true}},
        small_run(1));
  });
  ASSERT_EQ(range_issues.size(), 2u);
  EXPECT_NE(range_issues[0].message.find("% of its probability"), std::string::npos);
  EXPECT_NE(range_issues[1].message.find("integer field"), std::string::npos);
}

TEST(Uncertainty, TruncatedDrawsStayInTheRange) {
  tierplan::UncertaintyOptions o = small_run(2);
  o.samples = 400;
  // 0.6% of this normal lies below 0: cut off, never clamped to 0.
  const auto r =
      tierplan::uncertainty(builtin(), {{kUsers, Distribution::normal(1000, 400), true}}, o);
  EXPECT_NEAR(r.probability_in_range[0], 1.0 - Distribution::normal(1000, 400).cdf(0), 1e-12);
  for (Eigen::Index i = 0; i < r.samples.values.rows(); ++i) EXPECT_GT(r.samples.values(i, 0), 0.0);
}

// --- sensitivity --------------------------------------------------------------------

TEST(Sensitivity, RowsAreSingleFieldMovesRankedBySwing) {
  tierplan::SensitivityOptions o;
  o.change_fraction = 0.5;
  o.rank_by = "request_cpu_m";
  const std::vector<std::string> paths = {"workload.retention.message_retention_days", kUsers,
                                          "workload.peak_hour_fraction", kChatRate};
  const auto t = tierplan::sensitivity(builtin(), paths, o);
  ASSERT_EQ(t.fields.size(), 4u);
  const auto cpu = static_cast<Eigen::Index>(
      std::find(t.columns.begin(), t.columns.end(), "request_cpu_m") - t.columns.begin());
  for (Eigen::Index r = 1; r < 4; ++r) EXPECT_GE(t.swing(r - 1, cpu), t.swing(r, cpu));
  // Retention does not move CPU at all: it ranks last.
  EXPECT_EQ(t.fields.back(), "workload.retention.message_retention_days");
  EXPECT_EQ(t.swing(3, cpu), 0.0);
  for (std::size_t r = 0; r < 4; ++r) {
    EXPECT_EQ(t.low_values[r], t.base_values[r] * 0.5);
    EXPECT_EQ(t.high_values[r], t.base_values[r] * 1.5);
    const auto low = single_plan_row(builtin(), {t.fields[r]}, {t.low_values[r]});
    const auto high = single_plan_row(builtin(), {t.fields[r]}, {t.high_values[r]});
    for (std::size_t c = 0; c < low.size(); ++c) {
      EXPECT_EQ(t.low(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)), low[c]);
      EXPECT_EQ(t.high(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)), high[c]);
    }
  }
}

TEST(Sensitivity, MovesOutsideTheRangeAreErrors) {
  tierplan::SensitivityOptions o;
  o.change_fraction = 0.5;
  const auto issues = issues_of([&] {
    tierplan::sensitivity(builtin(), {"environments[2].policy.max_server_utilization"}, o);
  });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].message.find("must be <= 1"), std::string::npos);
  EXPECT_NE(issues[0].message.find("moved by +50%"), std::string::npos) << issues[0].message;
}

TEST(Sensitivity, IntegerFieldsMoveToWholeNumbersOutward) {
  tierplan::SensitivityOptions o;
  o.change_fraction = 0.1;
  const auto t =
      tierplan::sensitivity(builtin(), {"environments[production].policy.min_replicas"}, o);
  const double base = t.base_values[0];
  EXPECT_EQ(t.low_values[0], std::floor(base * 0.9));
  EXPECT_EQ(t.high_values[0], std::ceil(base * 1.1));
  EXPECT_LT(t.low_values[0], base);
  EXPECT_GT(t.high_values[0], base);
}

// --- capacity -----------------------------------------------------------------------

tierplan::FixedCluster production_cluster() {
  const Scenario& s = builtin();
  const auto plan = tierplan::plan_environment(s, s.environments[2]);
  tierplan::FixedCluster c;
  c.node_type = plan.nodes.node_type.name;
  c.node_count = plan.nodes.count;
  return c;
}

TEST(Capacity, TheFoundLoadFitsAndJustAboveItDoesNot) {
  const tierplan::FixedCluster cluster = production_cluster();
  const auto r = tierplan::max_supported_load(builtin(), cluster);
  ASSERT_FALSE(std::isnan(r.max_value)) << r.reason;
  ASSERT_FALSE(std::isnan(r.first_failing_value)) << r.reason;
  EXPECT_GE(r.max_value, builtin().workload.daily_active_users);
  EXPECT_LE(r.first_failing_value - r.max_value, 1e-3 * r.first_failing_value);

  Scenario fixed = builtin();
  fixed.environments[2].policy.node_type = cluster.node_type;
  const Scenario at = tierplan::with_value(fixed, kUsers, r.max_value);
  EXPECT_TRUE(
      tierplan::shortfalls(tierplan::plan_environment(at, at.environments[2]), cluster).empty());
  ASSERT_TRUE(r.plan.has_value());
  EXPECT_LE(r.plan->nodes.count, cluster.node_count);
  const Scenario above = tierplan::with_value(fixed, kUsers, r.first_failing_value);
  const auto missing =
      tierplan::shortfalls(tierplan::plan_environment(above, above.environments[2]), cluster);
  ASSERT_FALSE(missing.empty());
  EXPECT_EQ(missing, r.binding);
  EXPECT_EQ(r.binding_resource, "worker nodes");
  EXPECT_NE(r.reason.find("runs out of worker nodes first"), std::string::npos) << r.reason;
}

TEST(Capacity, TheDatastoreThatRunsOutFirstIsNamed) {
  tierplan::FixedCluster cluster = production_cluster();
  cluster.node_count = 1000;  // plenty of nodes: the database disk is the limit
  const auto base = tierplan::plan_environment(builtin(), builtin().environments[2]);
  cluster.postgres_storage_gib = base.data.postgres.storage_gib * 2;
  const auto r = tierplan::max_supported_load(builtin(), cluster);
  EXPECT_EQ(r.binding_resource, "postgres storage") << r.reason;
  ASSERT_TRUE(r.plan.has_value());
  EXPECT_LE(r.plan->data.postgres.storage_gib, *cluster.postgres_storage_gib);
}

TEST(Capacity, AFieldThatNeverFillsTheClusterStopsAtItsRange) {
  // Retention grows the database, which this cluster does not bound: nothing runs out.
  tierplan::CapacityOptions o;
  o.path = "workload.retention.message_retention_days";
  const auto r = tierplan::max_supported_load(builtin(), production_cluster(), o);
  EXPECT_TRUE(r.limited_by_field_range) << r.reason;
  EXPECT_EQ(r.max_value, 36500.0);
  EXPECT_TRUE(std::isnan(r.first_failing_value));
  EXPECT_TRUE(r.binding.empty());
}

TEST(Capacity, ClusterErrorsAreReportedTogether) {
  tierplan::FixedCluster cluster;
  cluster.node_type = "m5.huge";
  cluster.node_count = 0;
  const auto issues = issues_of([&] { tierplan::max_supported_load(builtin(), cluster); });
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].path, "cluster.node_type");
  EXPECT_EQ(issues[1], (FieldIssue{"cluster.node_count", "must be >= 1, got 0"}));
}

}  // namespace
