// A scenario's catalog extends the built-in one (data/catalogs/builtin.json) by name, or
// replaces it with "extends": "none" (issue 13, item 3).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/plan_test_support.hpp"
#include "tierplan/catalog.hpp"

namespace {

using tierplan::CatalogChange;
using tierplan::FieldIssue;
using tierplan_test::builtin;
using tierplan_test::environment_of;
using tierplan_test::Json;
using tierplan_test::Scenario;

// The shipped scenario with its catalog replaced by catalog.
Json scenario_with_catalog(const Json& catalog) {
  Json d = Json::parse(tierplan::builtin_data_file("scenarios/dify-enterprise.json"));
  d["catalog"] = catalog;
  return d;
}

Json node_type(const std::string& name, double price) {
  return {{"name", name},
          {"cloud", "aws"},
          {"vcpu", 8},
          {"memory_gib", 32},
          {"price_usd_per_hour", price},
          {"source", "test fixture"},
          {"as_of", "2026-01-01"}};
}

std::vector<FieldIssue> issues_of(const Json& document) {
  try {
    (void)tierplan::scenario_from_json(document);
  } catch (const tierplan::ValidationError& error) {
    return error.issues();
  }
  ADD_FAILURE() << "expected a ValidationError";
  return {};
}

bool has_issue(const std::vector<FieldIssue>& issues, const std::string& path,
               const std::string& part) {
  return std::any_of(issues.begin(), issues.end(), [&](const FieldIssue& issue) {
    return issue.path == path && issue.message.find(part) != std::string::npos;
  });
}

TEST(Catalog, the_builtin_catalog_extends_nothing) {
  // It is what every other catalog extends: extending itself would never end.
  const Json file = Json::parse(tierplan::builtin_data_file("catalogs/builtin.json"));
  EXPECT_EQ(file["extends"], "none");
  EXPECT_EQ(tierplan::scenario_to_json(builtin())["catalog"], file);
}

TEST(Catalog, the_builtin_scenario_plans_with_the_builtin_catalog_unchanged) {
  const Scenario scenario = builtin();
  EXPECT_EQ(scenario.catalog, tierplan::builtin_catalog());
  EXPECT_TRUE(tierplan::catalog_changes(scenario.catalog).empty());
}

TEST(Catalog, a_catalog_of_one_extra_node_type_plans_with_the_builtin_shapes) {
  Json d = scenario_with_catalog({{"node_types", Json::array({node_type("m7i.2xlarge", 0.4032)})}});
  d["environments"][2]["policy"]["node_type"] = "m7i.2xlarge";
  const Scenario scenario = tierplan::scenario_from_json(d);
  const tierplan::Catalog& shipped = tierplan::builtin_catalog();
  EXPECT_EQ(scenario.catalog.node_types.size(), shipped.node_types.size() + 1);
  EXPECT_EQ(scenario.catalog.node_types.back().name, "m7i.2xlarge");
  EXPECT_EQ(scenario.catalog.database_shapes, shipped.database_shapes);
  EXPECT_EQ(scenario.catalog.prices, shipped.prices);
  const auto production = environment_of(tierplan::plan(scenario), "production");
  EXPECT_EQ(production.nodes.node_type.name, "m7i.2xlarge");
  EXPECT_EQ(tierplan::catalog_changes(scenario.catalog),
            (std::vector<CatalogChange>{{"node_types", "m7i.2xlarge", "added"}}));
}

TEST(Catalog, an_entry_of_a_builtin_name_replaces_it_wholesale_in_its_place) {
  const tierplan::Catalog& shipped = tierplan::builtin_catalog();
  const auto at = std::find_if(shipped.node_types.begin(), shipped.node_types.end(),
                               [](const auto& t) { return t.name == "m5.2xlarge"; });
  ASSERT_NE(at, shipped.node_types.end());
  ASSERT_NE(at->max_pods, tierplan::NodeType{}.max_pods);
  // The replacement leaves max_pods out: it takes the default, not the built-in entry's.
  const Json replacement = node_type("m5.2xlarge", 0.5);
  const Scenario scenario =
      tierplan::scenario_from_json(scenario_with_catalog({{"node_types", {replacement}}}));
  const auto index = static_cast<std::size_t>(at - shipped.node_types.begin());
  ASSERT_EQ(scenario.catalog.node_types.size(), shipped.node_types.size());
  const tierplan::NodeType& replaced = scenario.catalog.node_types[index];
  EXPECT_EQ(replaced.name, "m5.2xlarge");
  EXPECT_EQ(replaced.price_usd_per_hour, 0.5);
  EXPECT_EQ(replaced.memory_gib, 32.0);
  EXPECT_EQ(replaced.max_pods, tierplan::NodeType{}.max_pods);
  EXPECT_EQ(replaced.source, "test fixture");
  EXPECT_EQ(tierplan::catalog_changes(scenario.catalog),
            (std::vector<CatalogChange>{{"node_types", "m5.2xlarge", "overridden"}}));
}

TEST(Catalog, prices_are_replaced_by_cloud_and_regions_by_cloud_and_name) {
  const tierplan::Catalog& shipped = tierplan::builtin_catalog();
  tierplan::Catalog additions;
  additions.prices.push_back(shipped.prices.front());
  additions.prices.back().control_plane_usd_per_hour.usd = 0.6;
  additions.regions.push_back(shipped.regions.front());
  additions.regions.back().price_factor = 1.5;
  additions.regions.push_back({"aws", "ap-south-1", 0.9, "test fixture", "2026-01-01"});
  const tierplan::Catalog merged = tierplan::extend_catalog(shipped, additions);
  ASSERT_EQ(merged.prices.size(), shipped.prices.size());
  EXPECT_EQ(merged.prices.front().control_plane_usd_per_hour.usd, 0.6);
  ASSERT_EQ(merged.regions.size(), shipped.regions.size() + 1);
  EXPECT_EQ(merged.regions.front().price_factor, 1.5);
  const std::string first_region =
      shipped.regions.front().cloud + "/" + shipped.regions.front().name;
  EXPECT_EQ(tierplan::catalog_changes(merged),
            (std::vector<CatalogChange>{{"prices", shipped.prices.front().cloud, "overridden"},
                                        {"regions", first_region, "overridden"},
                                        {"regions", "aws/ap-south-1", "added"}}));
}

TEST(Catalog,
     extends_none_with_only_node_types_is_refused_naming_each_environment_and_what_is_missing) {
  const auto issues = issues_of(scenario_with_catalog(
      {{"extends", "none"}, {"node_types", Json::array({node_type("m7i.2xlarge", 0.4032)})}}));
  EXPECT_TRUE(has_issue(issues, "catalog.prices", "required key is missing"));
  const std::vector<std::string> environments = {"test", "staging", "production"};
  for (std::size_t i = 0; i < environments.size(); ++i) {
    const std::string path = "environments[" + std::to_string(i) + "].policy.cloud";
    const std::string says =
        "environment \"" + environments[i] + "\" runs on aws but the catalog lists no ";
    EXPECT_TRUE(has_issue(issues, path, says + "database shape of aws")) << path;
    EXPECT_TRUE(has_issue(issues, path, says + "vector store shape of aws")) << path;
    EXPECT_TRUE(has_issue(issues, path, says + "cache shape of aws")) << path;
  }
}

TEST(Catalog, extends_takes_builtin_or_none) {
  EXPECT_EQ(issues_of(scenario_with_catalog({{"extends", "aws"}})),
            (std::vector<FieldIssue>{
                {"catalog.extends", "must be one of \"builtin\", \"none\", got \"aws\""}}));
}

TEST(Catalog, an_extended_catalog_survives_load_save_load_written_whole) {
  Json replacement = node_type("m5.2xlarge", 0.5);
  const Json catalog = {{"node_types", {node_type("m7i.2xlarge", 0.4032), replacement}}};
  const Scenario first = tierplan::scenario_from_json(scenario_with_catalog(catalog));
  const Json saved = tierplan::scenario_to_json(first);
  EXPECT_EQ(saved["catalog"]["extends"], "none");
  EXPECT_EQ(saved["catalog"]["node_types"].size(), first.catalog.node_types.size());
  const Scenario second = tierplan::scenario_from_json(saved);
  EXPECT_EQ(first, second);
  EXPECT_EQ(tierplan::catalog_changes(second.catalog), tierplan::catalog_changes(first.catalog));
}

TEST(Catalog, a_source_note_may_name_a_builtin_catalog_entry) {
  // The shipped scenario notes where catalog.node_types comes from, which it does not list.
  const Scenario scenario = builtin();
  EXPECT_EQ(scenario.sources.count("catalog.node_types"), 1u);
  Json d = scenario_with_catalog(Json::object());
  d["sources"]["catalog.node_types[999]"] = "nothing there";
  EXPECT_TRUE(has_issue(issues_of(d), "sources.catalog.node_types[999]", "names no field"));
}

}  // namespace
