// The plan JSON follows data/schema/plan.schema.json, which describes every key.
#include <gtest/gtest.h>

#include "support/plan_test_support.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace): test helpers

// ---------------------------------------------------------------------------------------
// The plan JSON follows data/schema/plan.schema.json (a small validator for the keywords
// the schema uses; the Python tests check it with the jsonschema package as well).

bool matches_type(const Json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "integer") {
    return value.is_number_integer() ||
           (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>());
  }
  if (type == "number") return value.is_number();
  if (type == "null") return value.is_null();
  return false;
}

void validate(const Json& value, const Json& schema, const Json& root, const std::string& path,
              std::vector<std::string>& problems) {
  if (schema.contains("$ref")) {
    const std::string ref = schema.at("$ref").get<std::string>();
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) {
      problems.push_back(path + ": unsupported $ref " + ref);
      return;
    }
    validate(value, root.at("$defs").at(ref.substr(prefix.size())), root, path, problems);
    return;
  }
  if (schema.contains("type")) {
    const Json& type = schema.at("type");
    bool ok = false;
    if (type.is_array()) {
      for (const auto& t : type) ok |= matches_type(value, t.get<std::string>());
    } else {
      ok = matches_type(value, type.get<std::string>());
    }
    if (!ok) {
      problems.push_back(path + ": expected " + type.dump() + ", got " + value.dump());
      return;
    }
  }
  if (schema.contains("const") && value != schema.at("const")) {
    problems.push_back(path + ": expected " + schema.at("const").dump());
  }
  if (schema.contains("enum")) {
    const Json& options = schema.at("enum");
    if (std::find(options.begin(), options.end(), value) == options.end()) {
      problems.push_back(path + ": " + value.dump() + " not in " + options.dump());
    }
  }
  if (value.is_number()) {
    if (schema.contains("minimum") && value.get<double>() < schema.at("minimum").get<double>()) {
      problems.push_back(path + ": below the minimum");
    }
    if (schema.contains("maximum") && value.get<double>() > schema.at("maximum").get<double>()) {
      problems.push_back(path + ": above the maximum");
    }
  }
  if (value.is_object()) {
    if (schema.contains("required")) {
      for (const auto& key : schema.at("required")) {
        if (!value.contains(key.get<std::string>())) {
          problems.push_back(path + ": missing " + key.get<std::string>());
        }
      }
    }
    const Json properties = schema.value("properties", Json::object());
    for (const auto& [key, item] : value.items()) {
      if (properties.contains(key)) {
        validate(item, properties.at(key), root, path + "." + key, problems);
      } else if (schema.contains("additionalProperties") &&
                 schema.at("additionalProperties") == false) {
        problems.push_back(path + ": unexpected key " + key);
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      validate(value[i], schema.at("items"), root, path + "[" + std::to_string(i) + "]", problems);
    }
  }
}

// Keys a plan writes only where they apply: an environment's spot pool.
bool optional_key(const std::string& key) { return key == "spot_nodes"; }

// Every object in the schema closes its key set and requires every key it lists but the
// optional ones.
void expect_closed_and_required(const Json& schema, const std::string& path) {
  if (schema.is_object()) {
    if (schema.contains("properties")) {
      EXPECT_EQ(schema.value("additionalProperties", Json(true)), Json(false)) << path;
      ASSERT_TRUE(schema.contains("required")) << path;
      std::size_t always = 0;
      for (const auto& [key, property] : schema.at("properties").items()) {
        if (!optional_key(key)) ++always;
      }
      EXPECT_EQ(schema.at("required").size(), always) << path;
      for (const auto& key : schema.at("required")) {
        EXPECT_FALSE(optional_key(key.get<std::string>())) << path << "." << key;
      }
      for (const auto& [key, property] : schema.at("properties").items()) {
        EXPECT_TRUE(property.contains("description") || property.contains("$ref"))
            << path << "." << key << " has no description";
      }
    }
    for (const auto& [key, item] : schema.items())
      expect_closed_and_required(item, path + "/" + key);
  } else if (schema.is_array()) {
    for (const auto& item : schema) expect_closed_and_required(item, path);
  }
}

Json plan_schema() { return Json::parse(tierplan::builtin_data_file("schema/plan.schema.json")); }

TEST(PlanSchema, schema_is_draft_2020_12_closed_and_describes_every_key) {
  Json schema;
  ASSERT_NO_THROW(schema = plan_schema());
  EXPECT_EQ(schema.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  expect_closed_and_required(schema, "#");
}

TEST(PlanSchema, plans_follow_the_schema) {
  Json schema;
  ASSERT_NO_THROW(schema = plan_schema());
  std::vector<Scenario> scenarios = {builtin(), scaled_load(builtin(), 0.01),
                                     scaled_load(builtin(), 2.0)};
  Scenario no_tiers = builtin();
  no_tiers.tiers.clear();
  scenarios.push_back(no_tiers);
  // Spot pools beside the on-demand ones (policy.cost.stateless_on_spot): spot_nodes, on_spot,
  // pool reasons and the spot_nodes line of the bill.
  Scenario spot = builtin();
  for (auto& environment : spot.environments) environment.policy.cost.stateless_on_spot = true;
  scenarios.push_back(spot);
  for (std::uint32_t seed = 42000; seed < 42010; ++seed) {
    std::mt19937 rng(seed);
    scenarios.push_back(random_workload_scenario(rng));
  }
  int validated = 0;
  for (const auto& scenario : scenarios) {
    const auto plan = try_plan(scenario);
    if (!plan) continue;
    std::vector<std::string> problems;
    validate(Json::parse(tierplan::plan_to_json_string(*plan)), schema, schema, "$", problems);
    for (const auto& problem : problems) ADD_FAILURE() << problem;
    ++validated;
  }
  EXPECT_GE(validated, 4);
}

}  // namespace
