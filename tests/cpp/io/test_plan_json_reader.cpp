// The plan JSON read back (plan_from_json_string, issue 16): what plan_to_json_string wrote
// comes back as the same JSON, and a damaged document names every member it lacks.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "support/plan_test_support.hpp"
#include "tierplan/json.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace)
using tierplan::FieldIssue;
using tierplan::ValidationError;

// Equal documents; numbers equal to the last bits a unit conversion may change (service
// times are written in ms and kept in s, table sizes written in GiB and kept in bytes).
void expect_same(const Json& a, const Json& b, const std::string& path) {
  if (a.is_number() && b.is_number()) {
    const double x = a.get<double>();
    const double y = b.get<double>();
    EXPECT_NEAR(x, y, 1e-12 * std::max(1.0, std::abs(x))) << path;
    return;
  }
  ASSERT_EQ(a.type(), b.type()) << path;
  if (a.is_object()) {
    ASSERT_EQ(a.size(), b.size()) << path;
    for (auto it = a.begin(); it != a.end(); ++it) {
      ASSERT_TRUE(b.contains(it.key())) << path << "." << it.key();
      expect_same(it.value(), b.at(it.key()), path + "." + it.key());
    }
  } else if (a.is_array()) {
    ASSERT_EQ(a.size(), b.size()) << path;
    for (std::size_t i = 0; i < a.size(); ++i) {
      expect_same(a[i], b[i], path + "[" + std::to_string(i) + "]");
    }
  } else {
    EXPECT_EQ(a, b) << path;
  }
}

TEST(PlanJsonReader, the_plan_json_reads_back_to_the_same_plan_json) {
  const Plan plan = tierplan::plan(builtin());
  const std::string text = tierplan::plan_to_json_string(plan);
  const Plan again = tierplan::plan_from_json_string(text);
  Json written = Json::parse(text);
  Json reread = Json::parse(tierplan::plan_to_json_string(again));
  // The PGTune input this reason names is not in the JSON: it stays at its default.
  for (Json* document : {&written, &reread}) {
    for (auto& environment : (*document)["environments"]) {
      environment["data"]["postgres"].erase("settings_reason");
    }
  }
  expect_same(written, reread, "");
  EXPECT_EQ(again.environments.size(), plan.environments.size());
  EXPECT_EQ(again.environments[2].warnings, plan.environments[2].warnings);
  EXPECT_EQ(again.environments[2].components[0].replicas_reason(),
            plan.environments[2].components[0].replicas_reason());
}

TEST(PlanJsonReader, a_damaged_document_names_every_missing_or_mistyped_member) {
  Json document = Json::parse(tierplan::plan_to_json_string(tierplan::plan(builtin())));
  document["environments"][0]["cost"].erase("total_usd_month");
  document["environments"][1]["nodes"]["count"] = "seven";
  document["environments"][2]["logs"]["level"] = "loud";
  try {
    tierplan::plan_from_json_string(document.dump());
    FAIL() << "a damaged plan JSON was read";
  } catch (const ValidationError& error) {
    const std::vector<FieldIssue> expected{
        {"environments[0].cost.total_usd_month", "missing"},
        {"environments[1].nodes.count", "has the wrong type, got \"seven\""},
        {"environments[2].logs.level", "unknown value \"loud\""},
    };
    EXPECT_EQ(error.issues(), expected);
  }
  EXPECT_THROW(tierplan::plan_from_json_string("{not json"), ValidationError);
  EXPECT_THROW(tierplan::plan_from_json_string(R"({"schema_version": 2})"), ValidationError);
}

}  // namespace
