// Invalid scenarios: every problem is reported with its JSON path and the value found.
//
// Each case starts from the built-in Dify Enterprise scenario, breaks one field and
// checks that validation reports exactly one issue, with the expected path and message.
// Cases that JSON text can express are checked through the text parser and through
// scenario_from_json on the parsed document; NaN and infinities (which JSON text cannot
// hold) only through the document. Raw-text cases (syntax errors, empty input, a
// top-level array) go through scenario_from_json_string.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "support/validation_test_support.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/json.hpp"
#include "tierplan/scenario.hpp"

namespace tierplan {
// Readable failure output for issue lists (internal linkage: other test files may add theirs).
static void PrintTo(const FieldIssue& issue, std::ostream* os) {
  *os << "{\"" << issue.path << "\", \"" << issue.message << "\"}";
}
}  // namespace tierplan

namespace {

using Json = nlohmann::ordered_json;
using tierplan::FieldIssue;
using tierplan::ValidationError;
using tierplan_test::Issues;
using Mutation = std::function<void(Json&)>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// The shipped scenario with the whole built-in catalog written out ("extends": "none"), so
// that a case can change any catalog entry by its index.
const Json& shipped_document() {
  static const Json document = [] {
    Json d = Json::parse(tierplan::builtin_data_file("scenarios/dify-enterprise.json"));
    d["catalog"] = Json::parse(tierplan::builtin_data_file("catalogs/builtin.json"));
    return d;
  }();
  return document;
}

// The shipped scenario without its "sources" notes: a note naming a field that a case
// removes or replaces would be a second problem (see a_source_note_about_a_removed_field).
const Json& base_document() {
  static const Json document = [] {
    Json d = shipped_document();
    d["sources"] = Json::object();
    return d;
  }();
  return document;
}

// Mutations addressed by JSON pointer ("/workload/requests/0/name").
Mutation set(const std::string& pointer, Json value) {
  return [pointer, value](Json& document) { document[Json::json_pointer(pointer)] = value; };
}

Mutation erase(const std::string& pointer) {
  return [pointer](Json& document) {
    const Json::json_pointer where(pointer);
    document[where.parent_pointer()].erase(where.back());
  };
}

using tierplan_test::issues_of;
using tierplan_test::text_issues;

Issues document_issues(const Json& document) {
  return issues_of([&] { tierplan::scenario_from_json(document); });
}

// ---------------------------------------------------------------------------------------
// One broken field per case.

enum class Route {
  text_and_document,  // dump() to text and parse, and also pass the document directly
  document_only,      // NaN and infinities: JSON text cannot carry them (dump() writes null)
};

struct BadField {
  std::string name;
  Mutation mutate;
  std::string path;
  std::string message;
  Route route = Route::text_and_document;
};

void PrintTo(const BadField& bad, std::ostream* os) {
  *os << bad.name << " -> " << bad.path << ": " << bad.message;
}

const std::string kIdentifierRule = "must be a name of lowercase letters, digits, '_' or '-'";
const std::string kKinds = "\"service\", \"worker\", \"singleton\", \"daemon\"";
const std::string kDrivers =
    "\"none\", \"api_requests\", \"web_requests\", \"worker_tasks\", \"plugin_calls\", "
    "\"sandbox_executions\", \"document_ingestion\", \"outbound_requests\"";

std::vector<BadField> bad_fields() {
  const Route doc_only = Route::document_only;
  return {
      // --- top level
      {"top_name_not_a_string", set("/name", 5), "name", kIdentifierRule + ", got 5"},
      {"top_name_with_capitals", set("/name", "Dify Enterprise"), "name",
       kIdentifierRule + ", got \"Dify Enterprise\""},
      {"top_missing_workload", erase("/workload"), "workload", "required key is missing"},
      {"top_stack_is_a_string", set("/stack", "dify"), "stack",
       "must be a JSON object, got \"dify\""},
      {"top_unknown_key_with_suggestion", set("/enviroments", Json::array()), "enviroments",
       "unknown key; did you mean \"environments\"?"},
      {"top_unknown_key_without_suggestion", set("/zzzzzzzzzz", 1), "zzzzzzzzzz", "unknown key"},
      {"top_description_not_a_string", set("/description", false), "description",
       "must be a string, got false"},

      // --- sources
      {"sources_not_an_object", set("/sources", "see the docs"), "sources",
       "must be a JSON object, got \"see the docs\""},
      {"sources_path_names_no_field", set("/sources/workload.daily_users", "a note"),
       "sources.workload.daily_users",
       "names no field of this scenario, got \"workload.daily_users\""},
      {"sources_index_out_of_range", set("/sources/environments[3].policy", "a note"),
       "sources.environments[3].policy",
       "names no field of this scenario, got \"environments[3].policy\""},
      {"sources_empty_note", set("/sources/workload.daily_active_users", ""),
       "sources.workload.daily_active_users", "must be a non-empty string, got \"\""},
      {"sources_note_not_a_string", set("/sources/workload.peak_hour_fraction", 0.15),
       "sources.workload.peak_hour_fraction", "must be a non-empty string, got 0.15"},

      // --- workload
      {"workload_users_negative", set("/workload/daily_active_users", -5),
       "workload.daily_active_users", "must be >= 0, got -5"},
      {"workload_users_string", set("/workload/daily_active_users", "3000"),
       "workload.daily_active_users", "must be a number, got \"3000\""},
      {"workload_users_null", set("/workload/daily_active_users", nullptr),
       "workload.daily_active_users", "must be a number, got null"},
      {"workload_users_bool", set("/workload/daily_active_users", true),
       "workload.daily_active_users", "must be a number, got true"},
      {"workload_users_missing", erase("/workload/daily_active_users"),
       "workload.daily_active_users", "required key is missing"},
      {"workload_users_beyond_range", set("/workload/daily_active_users", 1e12),
       "workload.daily_active_users", "must be <= 1000000000, got 1000000000000"},
      {"workload_users_beyond_int64", set("/workload/daily_active_users", 1e20),
       "workload.daily_active_users", "must be <= 1000000000, got 1e+20"},
      {"workload_users_nan", set("/workload/daily_active_users", kNaN),
       "workload.daily_active_users", "must be a finite number, got nan", doc_only},
      {"workload_users_infinite", set("/workload/daily_active_users", kInf),
       "workload.daily_active_users", "must be a finite number, got inf", doc_only},
      {"workload_peak_hour_fraction_zero", set("/workload/peak_hour_fraction", 0),
       "workload.peak_hour_fraction", "must be > 0, got 0"},
      {"workload_peak_hour_fraction_above_one", set("/workload/peak_hour_fraction", 1.5),
       "workload.peak_hour_fraction", "must be <= 1, got 1.5"},
      {"workload_peak_burst_factor_below_one", set("/workload/peak_burst_factor", 0.5),
       "workload.peak_burst_factor", "must be >= 1, got 0.5"},
      {"workload_worker_task_service_zero", set("/workload/worker_task_service_s", 0),
       "workload.worker_task_service_s", "must be > 0, got 0"},
      {"workload_unknown_key_typo", set("/workload/daily_active_user", 3000),
       "workload.daily_active_user", "unknown key; did you mean \"daily_active_users\"?"},

      // --- workload.requests[i]
      {"requests_not_an_array", set("/workload/requests", Json::object()), "workload.requests",
       "must be a JSON array, got {}"},
      {"requests_missing", erase("/workload/requests"), "workload.requests",
       "required key is missing"},
      {"request_not_an_object", set("/workload/requests/1", 5), "workload.requests[1]",
       "must be a JSON object, got 5"},
      {"request_per_user_negative", set("/workload/requests/0/per_user_per_day", -1),
       "workload.requests[0].per_user_per_day", "must be >= 0, got -1"},
      {"request_per_user_nan", set("/workload/requests/2/per_user_per_day", kNaN),
       "workload.requests[2].per_user_per_day", "must be a finite number, got nan", doc_only},
      {"request_api_service_missing", erase("/workload/requests/3/api_service_ms"),
       "workload.requests[3].api_service_ms", "required key is missing"},
      {"request_stream_hold_beyond_an_hour", set("/workload/requests/1/stream_hold_s", 7200),
       "workload.requests[1].stream_hold_s", "must be <= 3600, got 7200"},
      {"request_fan_out_array", set("/workload/requests/0/worker_tasks_per_request", {1, 2}),
       "workload.requests[0].worker_tasks_per_request", "must be a number, got [1,2]"},
      {"request_name_not_an_identifier", set("/workload/requests/2/name", "Service API"),
       "workload.requests[2].name", kIdentifierRule + ", got \"Service API\""},
      {"request_name_empty", set("/workload/requests/2/name", ""), "workload.requests[2].name",
       kIdentifierRule + ", got \"\""},
      {"request_duplicate_name", set("/workload/requests/3/name", "chat_message"),
       "workload.requests[3].name",
       "duplicate name, also used at workload.requests[0], got \"chat_message\""},
      {"request_unknown_key", set("/workload/requests/0/stream_hold_ms", 20000),
       "workload.requests[0].stream_hold_ms", "unknown key; did you mean \"stream_hold_s\"?"},

      // --- workload.knowledge_base
      {"knowledge_base_not_an_object", set("/workload/knowledge_base", Json::array()),
       "workload.knowledge_base", "must be a JSON object, got []"},
      {"knowledge_base_documents_negative", set("/workload/knowledge_base/documents", -1000),
       "workload.knowledge_base.documents", "must be >= 0, got -1000"},
      {"knowledge_base_chunk_size_zero", set("/workload/knowledge_base/chunk_size_chars", 0),
       "workload.knowledge_base.chunk_size_chars", "must be > 0, got 0"},
      {"knowledge_base_overlap_not_below_chunk_size",
       set("/workload/knowledge_base/chunk_overlap_chars", 1000),
       "workload.knowledge_base.chunk_overlap_chars",
       "must be < chunk_size_chars (1000), got 1000"},
      {"knowledge_base_dimension_fractional",
       set("/workload/knowledge_base/embedding_dimension", 1024.5),
       "workload.knowledge_base.embedding_dimension", "must be an integer, got 1024.5"},
      {"knowledge_base_dimension_zero", set("/workload/knowledge_base/embedding_dimension", 0),
       "workload.knowledge_base.embedding_dimension", "must be >= 1, got 0"},
      {"knowledge_base_dimension_beyond_int",
       set("/workload/knowledge_base/embedding_dimension", 4294967296LL),
       "workload.knowledge_base.embedding_dimension", "must be <= 65536, got 4294967296"},
      {"knowledge_base_dimension_nan", set("/workload/knowledge_base/embedding_dimension", kNaN),
       "workload.knowledge_base.embedding_dimension", "must be an integer, got nan", doc_only},

      // --- workload.retention, uploads, growth
      {"retention_days_negative", set("/workload/retention/message_retention_days", -30),
       "workload.retention.message_retention_days", "must be >= 0, got -30"},
      {"retention_days_beyond_a_century",
       set("/workload/retention/workflow_log_retention_days", 1e6),
       "workload.retention.workflow_log_retention_days", "must be <= 36500, got 1000000"},
      {"retention_cleanup_not_a_bool",
       set("/workload/retention/workflow_log_cleanup_enabled", "yes"),
       "workload.retention.workflow_log_cleanup_enabled", "must be true or false, got \"yes\""},
      {"retention_cleanup_number", set("/workload/retention/workflow_log_cleanup_enabled", 1),
       "workload.retention.workflow_log_cleanup_enabled", "must be true or false, got 1"},
      {"uploads_unknown_key", set("/workload/uploads/average_file_mib", 0.5),
       "workload.uploads.average_file_mib", "unknown key; did you mean \"average_file_kib\"?"},
      {"uploads_files_negative_infinity", set("/workload/uploads/files_per_user_per_day", -kInf),
       "workload.uploads.files_per_user_per_day", "must be a finite number, got -inf", doc_only},
      {"growth_null", set("/workload/growth", nullptr), "workload.growth",
       "must be a JSON object, got null"},
      {"growth_fraction_below_minus_ninety_percent",
       set("/workload/growth/annual_growth_fraction", -1), "workload.growth.annual_growth_fraction",
       "must be >= -0.9, got -1"},
      {"growth_horizon_beyond_ten_years", set("/workload/growth/planning_horizon_months", 240),
       "workload.growth.planning_horizon_months", "must be <= 120, got 240"},

      // --- stack
      {"stack_name_missing", erase("/stack/name"), "stack.name", "required key is missing"},
      {"stack_chart_version_negative", set("/stack/chart_version", -1), "stack.chart_version",
       "must be >= 0, got -1"},
      {"stack_limit_ratio_below_one", set("/stack/limit_to_request_ratio", 0.5),
       "stack.limit_to_request_ratio", "must be >= 1, got 0.5"},
      {"stack_components_empty", set("/stack/components", Json::array()), "stack.components",
       "must list at least one component, got []"},
      {"stack_unknown_key", set("/stack/component", Json::array()), "stack.component",
       "unknown key; did you mean \"components\"?"},

      // --- stack.components[i]
      {"component_not_an_object", set("/stack/components/0", "api"), "stack.components[0]",
       "must be a JSON object, got \"api\""},
      {"component_kind_unknown", set("/stack/components/0/kind", "deployment"),
       "stack.components[0].kind", "must be one of " + kKinds + ", got \"deployment\""},
      {"component_kind_missing", erase("/stack/components/4/kind"), "stack.components[4].kind",
       "required key is missing"},
      {"component_load_driver_number", set("/stack/components/1/load_driver", 3),
       "stack.components[1].load_driver", "must be one of " + kDrivers + ", got 3"},
      {"component_concurrency_zero", set("/stack/components/0/concurrency_per_replica", 0),
       "stack.components[0].concurrency_per_replica", "must be >= 1, got 0"},
      {"component_db_pool_negative", set("/stack/components/1/db_pool_size", -10),
       "stack.components[1].db_pool_size", "must be >= 0, got -10"},
      {"component_service_time_zero", set("/stack/components/5/service_time_ms", 0),
       "stack.components[5].service_time_ms", "must be > 0, got 0"},
      {"component_singleton_scales", set("/stack/components/2/scales_horizontally", true),
       "stack.components[2].scales_horizontally", "must be false for a singleton, got true"},
      {"component_duplicate_name", set("/stack/components/1/name", "api"),
       "stack.components[1].name", "duplicate name, also used at stack.components[0], got \"api\""},
      {"component_resources_missing", erase("/stack/components/0/resources"),
       "stack.components[0].resources", "required key is missing"},
      {"resources_cpu_zero", set("/stack/components/3/resources/baseline_cpu_m", 0),
       "stack.components[3].resources.baseline_cpu_m", "must be > 0, got 0"},
      {"resources_memory_beyond_4_tib",
       set("/stack/components/3/resources/baseline_memory_mib", 1e8),
       "stack.components[3].resources.baseline_memory_mib", "must be <= 4194304, got 100000000"},
      {"resources_cpu_per_rate_nan",
       set("/stack/components/0/resources/cpu_m_per_rate_per_s", kNaN),
       "stack.components[0].resources.cpu_m_per_rate_per_s", "must be a finite number, got nan",
       doc_only},
      {"resources_unknown_key", set("/stack/components/0/resources/baseline_cpu", 250),
       "stack.components[0].resources.baseline_cpu",
       "unknown key; did you mean \"baseline_cpu_m\"?"},

      // --- environments[i]
      {"environments_empty", set("/environments", Json::array()), "environments",
       "must list at least one environment, got []"},
      {"environments_an_object", set("/environments", Json::object()), "environments",
       "must be a JSON array, got {}"},
      {"environment_name_with_capitals", set("/environments/2/name", "Production"),
       "environments[2].name", kIdentifierRule + ", got \"Production\""},
      {"environment_duplicate_name", set("/environments/1/name", "test"), "environments[1].name",
       "duplicate name, also used at environments[0], got \"test\""},
      {"environment_both_workload_and_share", set("/environments/0/workload_share", 0.5),
       "environments[0].workload",
       "give exactly one of \"workload\" and \"workload_share\", got both"},
      {"environment_neither_workload_nor_share", erase("/environments/1/workload_share"),
       "environments[1].workload",
       "give exactly one of \"workload\" and \"workload_share\", got neither"},
      {"environment_share_negative", set("/environments/1/workload_share", -0.1),
       "environments[1].workload_share", "must be >= 0, got -0.1"},
      {"environment_own_workload_users_negative",
       set("/environments/0/workload/daily_active_users", -5),
       "environments[0].workload.daily_active_users", "must be >= 0, got -5"},
      {"environment_policy_missing", erase("/environments/1/policy"), "environments[1].policy",
       "required key is missing"},
      {"policy_min_replicas_zero", set("/environments/0/policy/min_replicas", 0),
       "environments[0].policy.min_replicas", "must be >= 1, got 0"},
      {"policy_max_replicas_below_min", set("/environments/2/policy/max_replicas", 2),
       "environments[2].policy.max_replicas", "must be >= min_replicas (3), got 2"},
      {"policy_utilization_above_one", set("/environments/2/policy/max_server_utilization", 1.2),
       "environments[2].policy.max_server_utilization", "must be <= 1, got 1.2"},
      {"policy_latency_percentile_one", set("/environments/2/policy/latency_percentile", 1),
       "environments[2].policy.latency_percentile", "must be <= 0.999999, got 1"},
      {"policy_latency_target_zero", set("/environments/2/policy/latency_target_ms", 0),
       "environments[2].policy.latency_target_ms", "must be > 0, got 0"},
      {"policy_spread_unknown", set("/environments/2/policy/spread", "zones"),
       "environments[2].policy.spread", "must be one of \"none\", \"nodes\", got \"zones\""},
      {"policy_survive_node_loss_string", set("/environments/2/policy/survive_node_loss", "true"),
       "environments[2].policy.survive_node_loss", "must be true or false, got \"true\""},
      {"policy_daemonset_cpu_infinite", set("/environments/1/policy/daemonset_cpu_m", kInf),
       "environments[1].policy.daemonset_cpu_m", "must be a finite number, got inf", doc_only},
      {"policy_node_type_not_in_catalog", set("/environments/2/policy/node_type", "m9.huge"),
       "environments[2].policy.node_type", "must name a node type of the catalog, got \"m9.huge\""},
      {"policy_unknown_key", set("/environments/2/policy/min_replica", 3),
       "environments[2].policy.min_replica", "unknown key; did you mean \"min_replicas\"?"},

      // --- catalog.node_types[i]
      {"catalog_missing", erase("/catalog"), "catalog", "required key is missing"},
      {"catalog_node_types_empty", set("/catalog/node_types", Json::array()), "catalog.node_types",
       "must list at least one node type, got []"},
      {"node_type_vcpu_zero", set("/catalog/node_types/0/vcpu", 0), "catalog.node_types[0].vcpu",
       "must be >= 1, got 0"},
      {"node_type_vcpu_string", set("/catalog/node_types/1/vcpu", "4"),
       "catalog.node_types[1].vcpu", "must be an integer, got \"4\""},
      {"node_type_vcpu_max_int64", set("/catalog/node_types/1/vcpu", 9223372036854775807LL),
       "catalog.node_types[1].vcpu", "must be <= 4096, got 9223372036854775807"},
      {"node_type_memory_negative", set("/catalog/node_types/2/memory_gib", -8),
       "catalog.node_types[2].memory_gib", "must be > 0, got -8"},
      {"node_type_max_pods_beyond", set("/catalog/node_types/3/max_pods", 1000000),
       "catalog.node_types[3].max_pods", "must be <= 10000, got 1000000"},
      {"node_type_price_missing", erase("/catalog/node_types/4/price_usd_per_hour"),
       "catalog.node_types[4].price_usd_per_hour", "required key is missing"},
      {"node_type_price_negative", set("/catalog/node_types/4/price_usd_per_hour", -0.1),
       "catalog.node_types[4].price_usd_per_hour", "must be >= 0, got -0.1"},
      {"node_type_name_empty", set("/catalog/node_types/5/name", ""), "catalog.node_types[5].name",
       "must be a non-empty string, got \"\""},
      {"node_type_duplicate_name", set("/catalog/node_types/1/name", "m5.large"),
       "catalog.node_types[1].name",
       "duplicate name, also used at catalog.node_types[0], got \"m5.large\""},
      {"node_type_unknown_key", set("/catalog/node_types/0/price_usd_per_hr", 0.1),
       "catalog.node_types[0].price_usd_per_hr",
       "unknown key; did you mean \"price_usd_per_hour\"?"},
      // --- tiers[i]
      {"tiers_not_an_array", set("/tiers", Json::object()), "tiers",
       "must be a JSON array, got {}"},
      {"tier_node_count_zero", set("/tiers/1/node_count", 0), "tiers[1].node_count",
       "must be >= 1, got 0"},
      {"tier_node_memory_nan", set("/tiers/0/node_memory_gib", kNaN), "tiers[0].node_memory_gib",
       "must be a finite number, got nan", doc_only},
      {"tier_unknown_key", set("/tiers/0/node_cpu", 4), "tiers[0].node_cpu",
       "unknown key; did you mean \"node_vcpu\"?"},
  };
}

class BadFieldTest : public testing::TestWithParam<BadField> {};

TEST_P(BadFieldTest, reports_the_path_and_the_value) {
  const BadField& bad = GetParam();
  Json document = base_document();
  bad.mutate(document);
  const Issues expected{{bad.path, bad.message}};
  EXPECT_EQ(document_issues(document), expected) << "via scenario_from_json";
  if (bad.route == Route::text_and_document) {
    EXPECT_EQ(text_issues(document.dump()), expected) << "via scenario_from_json_string";
  }
}

INSTANTIATE_TEST_SUITE_P(Validation, BadFieldTest, testing::ValuesIn(bad_fields()),
                         [](const testing::TestParamInfo<BadField>& info) {
                           return info.param.name;
                         });

// ---------------------------------------------------------------------------------------
// Raw text: what the JSON parser rejects, and documents that are not an object.

struct BadText {
  std::string name;
  std::string text;
  std::string path;
  std::string message;
};

void PrintTo(const BadText& bad, std::ostream* os) {
  *os << bad.name << " -> " << bad.path << ": " << bad.message;
}

// The shipped scenario with one literal substring replaced (e.g. a number by NaN).
std::string base_text_with(const std::string& from, const std::string& to) {
  std::string text(tierplan::builtin_data_file("scenarios/dify-enterprise.json"));
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("not in the scenario: " + from);
  return text.replace(at, from.size(), to);
}

// "line L, column C" of the first occurrence of needle in text (both 1-based), as the
// JSON parser reports the first character of an invalid literal.
std::string position_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) throw std::logic_error("not in the text: " + needle);
  const auto line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  const auto line_start = text.rfind('\n', at);
  const auto column = line_start == std::string::npos ? at + 1 : at - line_start;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::vector<BadText> bad_texts() {
  const std::string with_nan =
      base_text_with("\"daily_active_users\": 3000", "\"daily_active_users\": NaN");
  const std::string with_infinity =
      base_text_with("\"peak_burst_factor\": 1.5", "\"peak_burst_factor\": Infinity");
  return {
      {"empty_text", "", "$", "empty document: expected a JSON object"},
      {"whitespace_only", " \n\t\r\n ", "$", "empty document: expected a JSON object"},
      {"top_level_array", "[1, 2, 3]", "$", "must be a JSON object, got [1,2,3]"},
      {"top_level_empty_array", "[]", "$", "must be a JSON object, got []"},
      {"top_level_string", "\"dify-enterprise\"", "$",
       "must be a JSON object, got \"dify-enterprise\""},
      {"top_level_null", "null", "$", "must be a JSON object, got null"},
      {"top_level_number", "42", "$", "must be a JSON object, got 42"},
      {"unterminated_object", "{\n  \"name\": \"x\",\n", "$",
       "malformed JSON: parse error at line 3, column 1: syntax error while parsing object key "
       "- unexpected end of input; expected string literal"},
      {"trailing_comma", "{\"name\": \"x\",}", "$",
       "malformed JSON: parse error at line 1, column 14: syntax error while parsing object key "
       "- unexpected '}'; expected string literal"},
      {"single_quotes", "{'name': 'x'}", "$",
       "malformed JSON: parse error at line 1, column 2: syntax error while parsing object key "
       "- invalid literal; last read: '{''; expected string literal"},
      {"comment", "// scenario\n{}", "$",
       "malformed JSON: parse error at line 1, column 1: syntax error while parsing value - "
       "invalid literal; last read: '/'"},
      {"trailing_garbage", "{} {}", "$",
       "malformed JSON: parse error at line 1, column 4: syntax error while parsing value - "
       "unexpected '{'; expected end of input"},
      {"nan_literal", with_nan, "$",
       "malformed JSON: parse error at " + position_of(with_nan, "NaN") +
           ": syntax error while parsing value - invalid literal; last read: "
           "'\"daily_active_users\": N'"},
      {"integer_beyond_64_bits",
       base_text_with("\"daily_active_users\": 3000",
                      "\"daily_active_users\": 1000000000000000000000000000000"),
       "workload.daily_active_users", "must be <= 1000000000, got 1e+30"},
      {"infinity_literal", with_infinity, "$",
       "malformed JSON: parse error at " + position_of(with_infinity, "Infinity") +
           ": syntax error while parsing value - invalid literal; last read: "
           "'\"peak_burst_factor\": I'"},
  };
}

class BadTextTest : public testing::TestWithParam<BadText> {};

TEST_P(BadTextTest, reports_the_problem) {
  const BadText& bad = GetParam();
  EXPECT_EQ(text_issues(bad.text), (Issues{{bad.path, bad.message}}));
}

INSTANTIATE_TEST_SUITE_P(Validation, BadTextTest, testing::ValuesIn(bad_texts()),
                         [](const testing::TestParamInfo<BadText>& info) {
                           return info.param.name;
                         });

// ---------------------------------------------------------------------------------------

TEST(Validation, the_tables_hold_enough_distinct_cases) {
  std::set<std::string> names;
  std::set<std::pair<std::string, std::string>> issues;
  for (const auto& bad : bad_fields()) {
    EXPECT_TRUE(names.insert(bad.name).second) << "duplicate case name " << bad.name;
    issues.emplace(bad.path, bad.message);
  }
  for (const auto& bad : bad_texts()) {
    EXPECT_TRUE(names.insert(bad.name).second) << "duplicate case name " << bad.name;
    issues.emplace(bad.path, bad.message);
  }
  EXPECT_GE(names.size(), 35u);
  EXPECT_GE(issues.size(), 35u);
}

TEST(Validation, the_unmodified_scenario_is_valid) {
  EXPECT_NO_THROW(tierplan::scenario_from_json(shipped_document()));
  EXPECT_NO_THROW(tierplan::scenario_from_json_string(shipped_document().dump()));
  EXPECT_NO_THROW(tierplan::scenario_from_json(base_document()));
}

TEST(Validation, every_problem_is_reported_at_once_in_document_order) {
  Json d = base_document();
  d["name"] = "Dify Enterprise";
  d["sources"]["workload.daily_active_users"] = "a note about a field removed below";
  d["workload"].erase("daily_active_users");
  d["workload"]["daily_active_user"] = 3000;  // the typo sits last in workload
  d["workload"]["peak_hour_fraction"] = 0;
  d["workload"]["requests"][1]["per_user_per_day"] = "ten";
  d["workload"]["knowledge_base"]["embedding_dimension"] = -1;
  d["stack"]["components"][3]["resources"]["baseline_memory_mib"] = -256;
  d["environments"][2]["policy"]["min_replicas"] = 0;
  d["catalog"]["node_types"][5]["vcpu"] = 0;
  d["enviroment"] = "production";
  const Issues expected{
      {"name", kIdentifierRule + ", got \"Dify Enterprise\""},
      {"sources.workload.daily_active_users",
       "names no field of this scenario, got \"workload.daily_active_users\""},
      {"workload.daily_active_users", "required key is missing"},
      {"workload.peak_hour_fraction", "must be > 0, got 0"},
      {"workload.requests[1].per_user_per_day", "must be a number, got \"ten\""},
      {"workload.knowledge_base.embedding_dimension", "must be >= 1, got -1"},
      {"workload.daily_active_user", "unknown key; did you mean \"daily_active_users\"?"},
      {"stack.components[3].resources.baseline_memory_mib", "must be > 0, got -256"},
      {"environments[2].policy.min_replicas", "must be >= 1, got 0"},
      {"catalog.node_types[5].vcpu", "must be >= 1, got 0"},
      {"enviroment", "unknown key; did you mean \"environments\"?"},
  };
  EXPECT_EQ(text_issues(d.dump(2)), expected);
  EXPECT_EQ(document_issues(d), expected);
}

TEST(Validation, problems_in_every_environment_are_all_reported) {
  Json d = base_document();
  for (auto& environment : d["environments"]) environment["policy"]["node_fill_ceiling"] = 0;
  const Issues expected{
      {"environments[0].policy.node_fill_ceiling", "must be > 0, got 0"},
      {"environments[1].policy.node_fill_ceiling", "must be > 0, got 0"},
      {"environments[2].policy.node_fill_ceiling", "must be > 0, got 0"},
  };
  EXPECT_EQ(text_issues(d.dump()), expected);
}

TEST(Validation, error_is_an_invalid_argument_whose_what_lists_path_and_message_lines) {
  Json d = base_document();
  d["workload"]["daily_active_users"] = -5;
  d["stack"]["limit_to_request_ratio"] = 0.5;
  try {
    tierplan::scenario_from_json_string(d.dump());
    FAIL() << "nothing was thrown";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(),
                 "workload.daily_active_users: must be >= 0, got -5\n"
                 "stack.limit_to_request_ratio: must be >= 1, got 0.5");
    const auto* validation = dynamic_cast<const ValidationError*>(&error);
    ASSERT_NE(validation, nullptr);
    EXPECT_EQ(validation->issues().size(), 2u);
  }
}

TEST(Validation, error_built_from_issues_joins_them_with_newlines) {
  const ValidationError error({{"a.b", "first"}, {"c[0]", "second"}});
  EXPECT_STREQ(error.what(), "a.b: first\nc[0]: second");
  EXPECT_EQ(error.issues(), (Issues{{"a.b", "first"}, {"c[0]", "second"}}));
  static_assert(std::is_base_of_v<std::invalid_argument, ValidationError>);
}

TEST(Validation, unknown_key_suggests_the_nearest_known_key) {
  Json d = base_document();
  d["workload"]["daily_active_user"] = 3000;
  const Issues issues = text_issues(d.dump());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "workload.daily_active_user");
  EXPECT_EQ(issues[0].message, "unknown key; did you mean \"daily_active_users\"?");
}

TEST(Validation, a_renamed_key_is_reported_missing_and_unknown) {
  Json d = base_document();
  d["catalog"]["node_types"][0].erase("memory_gib");
  d["catalog"]["node_types"][0]["memory_gb"] = 8;
  EXPECT_EQ(
      text_issues(d.dump()),
      (Issues{{"catalog.node_types[0].memory_gib", "required key is missing"},
              {"catalog.node_types[0].memory_gb", "unknown key; did you mean \"memory_gib\"?"}}));
}

TEST(Validation, a_source_note_about_a_removed_field_is_reported) {
  Json d = base_document();
  d["sources"]["workload.peak_burst_factor"] = "a note";
  d["workload"].erase("peak_burst_factor");  // optional: only the stale note is wrong
  EXPECT_EQ(text_issues(d.dump()),
            (Issues{{"sources.workload.peak_burst_factor",
                     "names no field of this scenario, got \"workload.peak_burst_factor\""}}));
}

TEST(Validation, long_values_are_shortened_in_messages) {
  Json d = base_document();
  d["workload"]["uploads"] = std::string(200, 'x');
  const Issues issues = text_issues(d.dump());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "workload.uploads");
  EXPECT_EQ(issues[0].message, "must be a JSON object, got \"" + std::string(56, 'x') + "...");
}

TEST(Validation, syntax_errors_are_reported_under_the_source_name) {
  EXPECT_EQ(issues_of([] { tierplan::scenario_from_json_string("", "mine.json"); }),
            (Issues{{"mine.json", "empty document: expected a JSON object"}}));
  EXPECT_EQ(issues_of([] { tierplan::scenario_from_json_string("{", "mine.json"); }),
            (Issues{{"mine.json",
                     "malformed JSON: parse error at line 1, column 2: syntax error while "
                     "parsing object key - unexpected end of input; expected string literal"}}));
}

class ScenarioFileTest : public testing::Test {
 protected:
  void SetUp() override {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           (std::string("tierplan_test_validation_") + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(ScenarioFileTest, missing_file_names_its_path) {
  const auto path = dir_ / "no-such-scenario.json";
  EXPECT_EQ(issues_of([&] { tierplan::scenario_from_file(path); }),
            (Issues{{path.string(), "cannot read file"}}));
}

TEST_F(ScenarioFileTest, syntax_errors_name_the_file_and_field_errors_the_field) {
  const auto broken = write("broken.json", "{\n  \"name\": \"x\"\n  \"stack\": {}\n}\n");
  EXPECT_EQ(issues_of([&] { tierplan::scenario_from_file(broken); }),
            (Issues{{broken.string(),
                     "malformed JSON: parse error at line 3, column 9: syntax error while "
                     "parsing object - unexpected string literal; expected '}'"}}));

  const auto empty = write("empty.json", "");
  EXPECT_EQ(issues_of([&] { tierplan::scenario_from_file(empty); }),
            (Issues{{empty.string(), "empty document: expected a JSON object"}}));

  Json d = base_document();
  d["workload"]["daily_active_users"] = -5;
  const auto invalid = write("invalid.json", d.dump(2));
  EXPECT_EQ(issues_of([&] { tierplan::scenario_from_file(invalid); }),
            (Issues{{"workload.daily_active_users", "must be >= 0, got -5"}}));

  const auto valid = write("valid.json", base_document().dump(2));
  EXPECT_NO_THROW(tierplan::scenario_from_file(valid));
}

bool is_valid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

// The parser quotes the offending byte ("last read: '\"caf\xe9'"): the message must still
// be valid UTF-8, or it cannot become a Python str.
TEST(Validation, syntax_error_messages_are_valid_utf8) {
  const Issues issues = text_issues("{\"name\": \"caf\xe9\"}");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "$");
  EXPECT_TRUE(issues[0].message.starts_with("malformed JSON: parse error at line 1, column"))
      << issues[0].message;
  EXPECT_TRUE(is_valid_utf8(issues[0].message)) << issues[0].message;
}

// ---------------------------------------------------------------------------------------
// Inputs that once escaped validation or were reported without their field.

// The JSON grammar allows 1e400; a double cannot hold it.
TEST(Validation, number_beyond_double_range_names_its_field) {
  const std::string text(tierplan::builtin_data_file("scenarios/dify-enterprise.json"));
  const std::string from = "\"daily_active_users\": 3000";
  std::string bad = text;
  bad.replace(bad.find(from), from.size(), "\"daily_active_users\": 1e400");
  EXPECT_EQ(text_issues(bad),
            (Issues{{"workload.daily_active_users", "must be a finite number, got 1e400"}}));
}

TEST(Validation, invalid_utf8_in_a_document_is_a_validation_error) {
  Json d = base_document();
  d["name"] = std::string("\xff");
  const Issues issues = document_issues(d);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "name");
  EXPECT_TRUE(is_valid_utf8(issues[0].message)) << issues[0].message;
}

TEST_F(ScenarioFileTest, a_directory_is_not_an_empty_document) {
  EXPECT_EQ(issues_of([&] { tierplan::scenario_from_file(dir_); }),
            (Issues{{dir_.string(), "cannot read file"}}));
}

TEST(Validation, malformed_source_paths_are_rejected) {
  for (const std::string path : {"", ".name", "workload.", "workload.requests[0]name",
                                 "environments[18446744073709551616].name"}) {
    SCOPED_TRACE(path);
    Json d = base_document();
    d["sources"][path] = "a note";
    const Issues issues = text_issues(d.dump());
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].message, "names no field of this scenario, got \"" + path + "\"");
  }
}

// Issues come in reading order: an object's fields, then its cross-field checks; the
// policy's node type is checked against the catalog once the catalog is read.
TEST(Validation, cross_field_issues_come_in_reading_order) {
  Json d = base_document();
  d["workload"]["knowledge_base"]["chunk_overlap_chars"] = 2000;
  d["workload"]["knowledge_base"]["documents_ingested_per_day"] = -1;
  d["environments"][0]["policy"]["node_type"] = "m9.huge";
  d["catalog"]["node_types"][0]["vcpu"] = 0;
  EXPECT_EQ(text_issues(d.dump()),
            (Issues{{"workload.knowledge_base.documents_ingested_per_day", "must be >= 0, got -1"},
                    {"workload.knowledge_base.chunk_overlap_chars",
                     "must be < chunk_size_chars (1000), got 2000"},
                    {"catalog.node_types[0].vcpu", "must be >= 1, got 0"},
                    {"environments[0].policy.node_type",
                     "must name a node type of the catalog, got \"m9.huge\""}}));
}

}  // namespace
