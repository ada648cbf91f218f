#include "model/field_rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <string_view>
#include <tuple>

#include "io/field_reader.hpp"
#include "model/choices.hpp"
#include "model/field_table.hpp"
#include "tierplan/scenario.hpp"

namespace tierplan::detail {

namespace {

// A rule between fields is checked only when each of them is valid on its own: a field out
// of range is already reported, and comparing it would only repeat that.
template <class T, std::size_t N>
bool all_within(const T& object, const NumericField<T> (&fields)[N],
                std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    for (const NumericField<T>& field : fields) {
      if (field.key == key && breaks_bounds(value_of(object, field), field.bounds)) return false;
    }
  }
  return true;
}

bool lists_cloud(const std::vector<MachineShape>& shapes, std::string_view cloud) {
  return std::any_of(shapes.begin(), shapes.end(),
                     [&](const MachineShape& s) { return s.cloud == cloud; });
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The catalog (merged with the built-in one unless it extends nothing) lacks what an
// environment on cloud needs: said with the environment's name, what is missing and the key
// to add it under.
FieldIssue missing_for(const Environment& environment, const std::string& path,
                       std::string_view what, std::string_view key, std::string_view cloud) {
  return {join_path(path, "policy.cloud"),
          "environment " + in_quotes(environment.name) + " runs on " + std::string(cloud) +
              " but the catalog lists no " + std::string(what) + " of " + std::string(cloud) +
              "; add one to catalog." + std::string(key) + " or choose another cloud, got " +
              in_quotes(cloud)};
}

void add_node_type_issues(const Environment& environment, const Catalog& catalog,
                          std::string_view cloud, const std::string& path,
                          std::vector<FieldIssue>& issues) {
  const EnvironmentPolicy& policy = environment.policy;
  const bool has_type = std::any_of(catalog.node_types.begin(), catalog.node_types.end(),
                                    [&](const NodeType& t) { return t.cloud == cloud; });
  if (!has_type && !catalog.node_types.empty()) {
    issues.push_back(missing_for(environment, path, "node type", "node_types", cloud));
  }
  const std::string& fixed = policy.node_type;
  if (fixed.empty() || catalog.node_types.empty()) return;
  const NodeType* type = catalog.find(fixed);
  if (type == nullptr) {
    issues.push_back({join_path(path, "policy.node_type"),
                      "must name a node type of the catalog, got " + in_quotes(fixed)});
  } else if (type->cloud != cloud) {
    issues.push_back({join_path(path, "policy.node_type"),
                      "names a node type of " + type->cloud + ", not of the environment's cloud " +
                          std::string(cloud) + ", got " + in_quotes(fixed)});
  }
}

}  // namespace

std::optional<std::string> cloud_name_issue(const std::string& cloud) {
  for (const auto& [name, value] : kClouds) {
    if (name == cloud) return std::nullopt;
  }
  return "must be one of aws, gcp, azure, got " + in_quotes(cloud);
}

void add_deployment_issues(const Environment& environment, const Catalog& catalog,
                           const std::string& path, std::vector<FieldIssue>& issues) {
  // Without node types the catalog is missing or broken, which its own issues say.
  if (catalog.node_types.empty()) return;
  const EnvironmentPolicy& policy = environment.policy;
  const std::string_view cloud = cloud_name(policy.cloud);
  add_node_type_issues(environment, catalog, cloud, path, issues);
  const std::tuple<const std::vector<MachineShape>*, const char*, const char*> lists[] = {
      {&catalog.database_shapes, "database shape", "database_shapes"},
      {&catalog.vector_store_shapes, "vector store shape", "vector_store_shapes"},
      {&catalog.cache_shapes, "cache shape", "cache_shapes"}};
  for (const auto& [shapes, what, key] : lists) {
    if (!lists_cloud(*shapes, cloud))
      issues.push_back(missing_for(environment, path, what, key, cloud));
  }
  const Prices* prices = catalog.prices_for(cloud);
  if (prices == nullptr) {
    if (!catalog.prices.empty()) {
      issues.push_back(missing_for(environment, path, "prices", "prices", cloud));
    }
    return;
  }
  const std::string& region = policy.region;
  if (region.empty() || region == prices->region || catalog.find_region(cloud, region)) return;
  issues.push_back({join_path(path, "policy.region"),
                    "must be " + in_quotes(prices->region) + " (the region the catalog's " +
                        std::string(cloud) +
                        " prices are listed for) or a region of catalog.regions for " +
                        std::string(cloud) + ", got " + in_quotes(region)});
}

std::optional<std::string> bounds_issue(double value, const FieldBounds& bounds) {
  if (!breaks_bounds(value, bounds)) return std::nullopt;
  // The value is described only for an error: a study checks every point.
  const auto shown = [](double v) { return describe_value(json(v)); };
  if (!std::isfinite(value)) return "must be a finite number, got " + shown(value);
  if (bounds.integer && std::trunc(value) != value) {
    return "must be an integer, got " + shown(value);
  }
  if (bounds.min_exclusive && !(value > bounds.min)) {
    return "must be > " + shown(bounds.min) + ", got " + shown(value);
  }
  if (!bounds.min_exclusive && value < bounds.min) {
    return "must be >= " + shown(bounds.min) + ", got " + shown(value);
  }
  return "must be <= " + shown(bounds.max) + ", got " + shown(value);
}

namespace {
// The characters of an identifier, as a table: validation checks every name of the scenario
// at the top of every plan.
constexpr std::array<bool, 256> identifier_characters() {
  std::array<bool, 256> table{};
  for (char c = 'a'; c <= 'z'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = true;
  table[static_cast<unsigned char>('_')] = true;
  table[static_cast<unsigned char>('-')] = true;
  return table;
}
constexpr std::array<bool, 256> kIdentifierCharacters = identifier_characters();
}  // namespace

bool is_identifier(const std::string& text) {
  if (text.empty()) return false;
  bool all = true;
  for (const char c : text) all &= kIdentifierCharacters[static_cast<unsigned char>(c)];
  return all;
}

void add_workload_cross_field_issues(const Workload& workload, const std::string& path,
                                     std::vector<FieldIssue>& issues) {
  const auto& kb = workload.knowledge_base;
  // The rule first (cheap), then whether both fields are valid on their own (a table scan).
  if (kb.chunk_overlap_chars >= kb.chunk_size_chars &&
      all_within(kb, kKnowledgeBaseFields, {"chunk_size_chars", "chunk_overlap_chars"})) {
    issues.push_back({join_path(path, "knowledge_base.chunk_overlap_chars"),
                      "must be < chunk_size_chars (" + describe_value(kb.chunk_size_chars) +
                          "), got " + describe_value(kb.chunk_overlap_chars)});
  }
}

void add_policy_cross_field_issues(const EnvironmentPolicy& p, const std::string& path,
                                   std::vector<FieldIssue>& issues) {
  if (p.datastores.qdrant_replication_factor > p.datastores.qdrant_min_nodes &&
      all_within(p.datastores, kDatastoreFields,
                 {"qdrant_min_nodes", "qdrant_replication_factor"})) {
    issues.push_back({join_path(path, "datastores.qdrant_replication_factor"),
                      "must be <= qdrant_min_nodes (" +
                          std::to_string(p.datastores.qdrant_min_nodes) + "), got " +
                          std::to_string(p.datastores.qdrant_replication_factor)});
  }
  // Modes the catalog cannot price: Qdrant Cloud has no entry, and object storage is the
  // cloud's object store or MinIO pods.
  if (p.datastores.vector_store_mode == DatastoreMode::managed) {
    issues.push_back({join_path(path, "datastores.vector_store_mode"),
                      "must be in_cluster or self_managed (no managed vector store is priced in "
                      "the catalog), got \"managed\""});
  }
  if (p.datastores.object_storage_mode == DatastoreMode::self_managed) {
    issues.push_back({join_path(path, "datastores.object_storage_mode"),
                      "must be managed (the cloud's object store) or in_cluster (MinIO), got "
                      "\"self_managed\""});
  }
  if (p.max_replicas < p.min_replicas &&
      all_within(p, kPolicyFields, {"min_replicas", "max_replicas"})) {
    issues.push_back({join_path(path, "max_replicas"),
                      "must be >= min_replicas (" + std::to_string(p.min_replicas) + "), got " +
                          std::to_string(p.max_replicas)});
  }
}

namespace {

// Whether a rule between fields may be broken (before its paths are spelled out).
bool may_break_a_rule(const Workload& w) {
  return w.knowledge_base.chunk_overlap_chars >= w.knowledge_base.chunk_size_chars;
}
bool may_break_a_rule(const Environment& e) {
  const EnvironmentPolicy& p = e.policy;
  return (e.workload && may_break_a_rule(*e.workload)) || p.max_replicas < p.min_replicas ||
         p.datastores.qdrant_replication_factor > p.datastores.qdrant_min_nodes ||
         p.datastores.vector_store_mode == DatastoreMode::managed ||
         p.datastores.object_storage_mode == DatastoreMode::self_managed;
}

}  // namespace

void add_environment_cross_field_issues(const Environment& environment, const std::string& path,
                                        std::vector<FieldIssue>& issues) {
  if (!may_break_a_rule(environment)) return;  // every plan validates: no paths built then
  if (environment.workload) {
    add_workload_cross_field_issues(*environment.workload, join_path(path, "workload"), issues);
  }
  add_policy_cross_field_issues(environment.policy, join_path(path, "policy"), issues);
}

void add_cross_field_issues(const Scenario& scenario, std::vector<FieldIssue>& issues) {
  if (may_break_a_rule(scenario.workload)) {
    add_workload_cross_field_issues(scenario.workload, "workload", issues);
  }
  for (std::size_t i = 0; i < scenario.environments.size(); ++i) {
    if (!may_break_a_rule(scenario.environments[i])) continue;
    add_environment_cross_field_issues(scenario.environments[i], index_path("environments", i),
                                       issues);
  }
}

}  // namespace tierplan::detail
