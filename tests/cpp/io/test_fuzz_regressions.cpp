// Inputs found by fuzzing the scenario reader and the planner (issue 17). Each test is the
// reproducer, made small where the input was large only to make a crash or a slowdown show.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "io/field_reader.hpp"
#include "support/validation_test_support.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/fields.hpp"
#include "tierplan/json.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/queueing.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/sweep.hpp"

namespace {

using Json = nlohmann::ordered_json;
using tierplan::FieldIssue;
using tierplan::ValidationError;
using tierplan_test::Issues;

using tierplan_test::issues_of;
using tierplan_test::text_issues;

std::string repeated(std::string_view part, std::size_t times) {
  std::string out;
  out.reserve(part.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += part;
  return out;
}

const std::string kTooDeep = "nesting deeper than 64 levels of arrays and objects";

// ---------------------------------------------------------------------------------------
// 1. Deep nesting: once a stack overflow (SIGSEGV) in the pass that restores overflowing
// numbers, which recursed once per level and built a path string at each.

TEST(FuzzRegressions, thirty_thousand_nested_arrays_are_refused_with_the_path) {
  const std::size_t depth = 30000;
  const Issues issues = text_issues(repeated("[", depth) + "1" + repeated("]", depth));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, repeated("[0]", 64));
  EXPECT_TRUE(issues[0].message.starts_with(kTooDeep)) << issues[0].message;
}

TEST(FuzzRegressions, deep_nesting_under_a_key_names_the_key) {
  const std::size_t depth = 30000;
  const std::string text = "{\"name\": \"x\", \"sour\\u0063es\": {\"a\": [0, " +
                           repeated("[", depth) + repeated("]", depth) + "]}}";
  const Issues issues = text_issues(text);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "sources.a[1]" + repeated("[0]", 61));
  EXPECT_TRUE(issues[0].message.starts_with(kTooDeep)) << issues[0].message;
}

TEST(FuzzRegressions, sixty_four_levels_are_read_as_usual) {
  const std::string text =
      "{\"name\": \"x\", \"sources\": " + repeated("[", 63) + repeated("]", 63) + "}";
  for (const FieldIssue& issue : text_issues(text)) {
    EXPECT_FALSE(issue.message.starts_with(kTooDeep)) << issue.path << ": " << issue.message;
  }
}

TEST(FuzzRegressions, a_deep_document_built_in_code_is_refused_with_the_path) {
  Json document = {{"name", "x"}};
  Json deep = Json::array();
  for (std::size_t i = 0; i < 30000; ++i) deep = Json::array({std::move(deep)});
  document["sources"] = std::move(deep);
  const Issues issues = issues_of([&] { tierplan::scenario_from_json(document); });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "sources" + repeated("[0]", 63));
  EXPECT_TRUE(issues[0].message.starts_with(kTooDeep)) << issues[0].message;
}

// ---------------------------------------------------------------------------------------
// 2. Numbers too large for a double: the document was parsed again for each one, so
// reading took time in the square of their count (4,000: 2.2 s; 8,000: 11.4 s).

TEST(FuzzRegressions, numbers_beyond_a_double_are_parsed_in_one_pass) {
  std::string text = "{\"name\": [";
  for (std::size_t i = 0; i < 20000; ++i) text += i == 0 ? "1e999" : ", 1e999";
  text += "]}";
  const std::size_t before = tierplan::detail::json_parse_passes();
  const Issues issues = text_issues(text);
  EXPECT_EQ(tierplan::detail::json_parse_passes() - before, 1u);
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues[0].path, "name");
}

TEST(FuzzRegressions, every_number_beyond_a_double_is_named_by_its_path_and_text) {
  std::string text(tierplan::builtin_data_file("scenarios/dify-enterprise.json"));
  const auto replace = [&](const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("\"daily_active_users\": 3000", "\"daily_active\\u005fusers\": -2E+999");
  replace("\"sources\": {", "\"sources\": {\"1e999\": \"1e999\", \"x\": [1e999],");
  const Issues issues = text_issues(text);
  const auto has = [&](const std::string& path, const std::string& message) {
    for (const FieldIssue& issue : issues) {
      if (issue.path == path && issue.message == message) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("workload.daily_active_users", "must be a finite number, got -2E+999"));
  // A string that reads as a number stays a string.
  EXPECT_TRUE(has("sources.1e999", "names no field of this scenario, got \"1e999\""));
  EXPECT_TRUE(std::any_of(issues.begin(), issues.end(),
                          [](const FieldIssue& issue) { return issue.path == "sources.x"; }));
}

// ---------------------------------------------------------------------------------------
// 3. A user count near zero (1e-308) validated, then the documents ingested per user overflowed
// to infinity and std::invalid_argument ("offered load must be finite and >= 0") left plan(),
// whose contract is ValidationError or PlanningError; in a sweep it stopped every point.

TEST(FuzzRegressions, a_user_count_near_zero_plans) {
  for (const double users : {1e-308, 5e-324, 1e-300, 1e-10}) {
    SCOPED_TRACE(users);
    tierplan::Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
    scenario.workload.daily_active_users = users;
    try {
      const tierplan::Plan plan = tierplan::plan(scenario);
      EXPECT_FALSE(plan.environments.empty());
    } catch (const tierplan::PlanningError&) {
    } catch (const ValidationError&) {
    }
  }
}

TEST(FuzzRegressions, a_sweep_point_near_zero_users_does_not_stop_the_sweep) {
  const tierplan::Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
  const tierplan::StudyTable table =
      tierplan::sweep(scenario, {{"workload.daily_active_users", {1e-308, 3000.0}}});
  ASSERT_EQ(table.values.rows(), 2);
}

// ---------------------------------------------------------------------------------------
// 6. A 100,000-character bad field path took 3 s to report: its edit distance to every field
// path was measured for a suggestion. A million characters took minutes; now milliseconds.

TEST(FuzzRegressions, a_million_character_field_path_is_reported_at_once) {
  const tierplan::Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
  const std::string path = "workload." + std::string(1'000'000, 'x');
  const Issues issues = issues_of([&] { tierplan::resolve_field(scenario, path); });
  ASSERT_EQ(issues.size(), 1u);
}

TEST(FuzzRegressions, a_million_character_unknown_key_is_reported_at_once) {
  std::string text(tierplan::builtin_data_file("scenarios/dify-enterprise.json"));
  text.replace(text.find('{'), 1, "{\"" + std::string(1'000'000, 'x') + "\": 1, ");
  const Issues issues = text_issues(text);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message, "unknown key");
}

// erlang_b stepped through every server count: erlang_b(1e308, 2^31 - 1) ran 5.7 s. The
// 62 calls here took minutes that way; summed from the top they take milliseconds.

TEST(FuzzRegressions, erlang_b_at_two_billion_servers_is_computed) {
  const int servers = std::numeric_limits<int>::max();
  for (int exponent = 0; exponent <= 308; exponent += 5) {
    const double load = std::pow(10.0, exponent);
    const double blocking = tierplan::erlang_b(load, servers);
    EXPECT_GE(blocking, 0.0) << load;
    EXPECT_LE(blocking, 1.0) << load;
    if (load >= 1e18) {
      EXPECT_DOUBLE_EQ(blocking, 1.0 - servers / load) << load;
    }
    if (load <= 1e9) {
      EXPECT_EQ(blocking, 0.0) << load;  // below a double's least value
    }
  }
}

// Past a million servers the sum continues the recursion: B(c + 1) = A B(c) / (c + 1 + A B(c)).
TEST(FuzzRegressions, erlang_b_beyond_a_million_servers_continues_the_recursion) {
  const int c = 1'000'000;
  for (const double load : {5e5, 9.99e5, 1e6, 1.0005e6, 1.001e6, 2e6, 1e9}) {
    const double below = tierplan::erlang_b(load, c);
    const double above = tierplan::erlang_b(load, c + 1);
    const double expected = load * below / (c + 1 + load * below);
    EXPECT_NEAR(above, expected, 1e-9 * expected + 1e-300) << load;
  }
}

}  // namespace
