// The JSON Schema of a scenario and the declaration it shares with the JSON reader
// (model/object_shapes.hpp): the reader cannot read a key the schema does not know of.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "io/field_reader.hpp"
#include "model/object_shapes.hpp"
#include "tierplan/tierplan.hpp"

namespace {

using tierplan::detail::IssueList;
using tierplan::detail::json;
using tierplan::detail::ObjectReader;
using tierplan::detail::ObjectShape;
namespace table = tierplan::detail::field_table;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ScenarioSchema, shipped_file_is_the_generated_schema) {
  const std::string shipped = read_text(TIERPLAN_SOURCE_DATA_DIR "/schema/scenario.schema.json");
  EXPECT_EQ(shipped, tierplan::scenario_json_schema())
      << "data/schema/scenario.schema.json drifted: run `make schema` and review the diff";
}

TEST(ScenarioSchema, numbers_carry_the_field_tables_bounds_and_units) {
  const json schema = json::parse(tierplan::scenario_json_schema());
  const json& users = schema["$defs"]["workload"]["properties"]["daily_active_users"];
  EXPECT_EQ(users["type"], "number");
  EXPECT_EQ(users["minimum"], 0);
  EXPECT_EQ(users["maximum"], tierplan::detail::field_table::kMaxUsers);
  EXPECT_EQ(users["description"], "unit: users");
  const json& min_replicas = schema["$defs"]["environment_policy"]["properties"]["min_replicas"];
  EXPECT_EQ(min_replicas["type"], "integer");
  const json& latency = schema["$defs"]["environment_policy"]["properties"]["latency_target_ms"];
  EXPECT_EQ(latency["exclusiveMinimum"], 0);
  EXPECT_FALSE(latency.contains("minimum"));
  EXPECT_EQ(latency["description"], "unit: ms");
}

TEST(ScenarioSchema, every_declared_object_is_closed_and_lists_its_required_keys) {
  const json schema = json::parse(tierplan::scenario_json_schema());
  EXPECT_EQ(schema["additionalProperties"], false);
  for (const auto& [name, shape] : schema["$defs"].items()) {
    EXPECT_EQ(shape["additionalProperties"], false) << name;
  }
  EXPECT_EQ(schema["$defs"]["node_type"]["required"],
            json::parse(R"(["name", "cloud", "vcpu", "memory_gib", "price_usd_per_hour",
                            "source", "as_of"])"));
  EXPECT_EQ(schema["$defs"]["component"]["properties"]["kind"]["enum"],
            json::parse(R"(["service", "worker", "singleton", "daemon"])"));
  EXPECT_EQ(schema["$defs"]["environment"]["oneOf"],
            json::parse(R"([{"required": ["workload"]}, {"required": ["workload_share"]}])"));
}

// A two-key shape for the reader's checks.
inline constexpr auto kProbeKeys = table::keys(
    table::identifier("name", tierplan::detail::Need::required), table::flag("enabled"));
inline constexpr ObjectShape kProbe{"probe", kProbeKeys, "A shape for tests."};

TEST(ShapedReader, reading_a_key_the_shape_does_not_declare_is_a_programming_error) {
  IssueList issues;
  const json value = json::parse(R"({"name": "a"})");
  ObjectReader r(&value, "probe", issues, &kProbe);
  bool flag = false;
  EXPECT_THROW(r.boolean("enable", flag), std::logic_error);
  std::string name;
  EXPECT_THROW(r.text("enabled", name), std::logic_error);  // declared as a boolean
}

TEST(ShapedReader, keys_are_read_in_the_declared_order) {
  IssueList issues;
  const json value = json::parse(R"({"name": "a"})");
  ObjectReader r(&value, "probe", issues, &kProbe);
  bool flag = false;
  EXPECT_THROW(r.boolean("enabled", flag), std::logic_error);  // before "name"
}

TEST(ShapedReader, a_declared_key_never_read_is_a_programming_error) {
  IssueList issues;
  const json value = json::parse(R"({"name": "a"})");
  ObjectReader r(&value, "probe", issues, &kProbe);
  std::string name;
  r.identifier("name", name);
  EXPECT_THROW(r.finish(), std::logic_error);
}

TEST(ShapedReader, need_comes_from_the_shape_and_unknown_keys_are_those_it_does_not_declare) {
  IssueList issues;
  const json value = json::parse(R"({"enabld": true})");
  ObjectReader r(&value, "probe", issues, &kProbe);
  std::string name;
  bool flag = false;
  r.identifier("name", name);  // required by the shape, without saying so here
  r.boolean("enabled", flag);
  r.finish();
  try {
    issues.throw_if_any();
    FAIL() << "expected a ValidationError";
  } catch (const tierplan::ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 2U);
    EXPECT_EQ(error.issues()[0].path, "probe.name");
    EXPECT_EQ(error.issues()[0].message, "required key is missing");
    EXPECT_EQ(error.issues()[1].path, "probe.enabld");
    EXPECT_EQ(error.issues()[1].message, "unknown key; did you mean \"enabled\"?");
  }
}

}  // namespace
