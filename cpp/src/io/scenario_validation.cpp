// Validation of a scenario built in code: the JSON reader's rules applied to the structs.
// The numeric rules come from the field table (model/field_table.hpp), the cross-field
// rules from model/field_rules.cpp, both shared with the reader; this file adds the rules
// on names, lists and choices that the reader enforces while it reads.
//
// It runs at the top of every plan, so it allocates nothing while the scenario is valid:
// paths are chains of parts on the stack, spelled out only for an issue.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "io/serialization.hpp"
#include "model/choices.hpp"
#include "model/field_rules.hpp"
#include "model/field_table.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {

namespace {

using detail::NumericField;

// A JSON path as a chain: a key, or an index, below a parent.
struct PathPart {
  const PathPart* parent = nullptr;
  std::string_view key;
  std::size_t index = kNoIndex;
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

  PathPart child(std::string_view child_key) const { return {this, child_key, kNoIndex}; }
  PathPart at(std::size_t i) const { return {this, {}, i}; }
  std::string str() const {
    std::string out = parent != nullptr ? parent->str() : std::string();
    if (index != kNoIndex) return out + "[" + std::to_string(index) + "]";
    if (!out.empty()) out += '.';
    return out + std::string(key);
  }
};

class Checker {
 public:
  explicit Checker(std::vector<FieldIssue>& issues) : issues_(issues) {}

  void add(const PathPart& path, std::string message) {
    issues_.push_back({path.str(), std::move(message)});
  }

  template <class T, std::size_t N>
  void numbers(const T& object, const NumericField<T> (&fields)[N], const PathPart& path) {
    // A valid object passes without a branch per field (NaN fails every comparison): this
    // runs for every field of the scenario at the top of every plan.
    bool within = true;
    for (const NumericField<T>& field : fields) {
      const double value = detail::value_of(object, field);
      const FieldBounds& b = field.bounds;
      within &= (b.min_exclusive ? value > b.min : value >= b.min) & (value <= b.max) &
                !(b.integer && field.number != nullptr && std::trunc(value) != value);
    }
    if (within) return;
    for (const NumericField<T>& field : fields) {
      const double value = detail::value_of(object, field);
      if (!detail::breaks_bounds(value, field.bounds)) continue;
      add(path.child(field.key), *detail::bounds_issue(value, field.bounds));
    }
  }

  // The reader's identifier rule: [a-z0-9_-]+.
  void identifier(const std::string& name, const PathPart& path) {
    if (detail::is_identifier(name)) return;
    add(path, "must be a name of lowercase letters, digits, '_' or '-', got " +
                  detail::describe_value(detail::json(name)));
  }
  void non_empty(const std::string& text, const PathPart& path) {
    if (text.empty()) add(path, "must be a non-empty string, got \"\"");
  }
  template <class Item>
  void unique_names(const std::vector<Item>& items, const PathPart& path) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        // Length and first character first: most names differ there, without a memcmp.
        const std::string& a = items[i].name;
        const std::string& b = items[j].name;
        if (a.empty() || a.size() != b.size() || a[0] != b[0] || a != b) continue;
        const PathPart item = path.at(i);
        add(item.child("name"),
            "duplicate name, also used at " + path.at(j).str() + ", got \"" + items[i].name + "\"");
      }
    }
  }
  // A choice holds one of the values its table names (model/choices.hpp): an enum set in
  // code may hold any number.
  template <class Enum, std::size_t N>
  void choice(Enum value, const std::array<std::pair<std::string_view, Enum>, N>& options,
              const PathPart& path) {
    for (const auto& [name, option] : options) {
      if (option == value) return;
    }
    std::string names;  // spelled out only for an issue
    for (const auto& [name, option] : options) {
      names += (names.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    }
    add(path,
        "must be one of " + names + ", got the number " + std::to_string(static_cast<int>(value)));
  }

  void workload(const Workload& w, const PathPart& path) {
    numbers(w, detail::kWorkloadFields, path);
    const PathPart requests = path.child("requests");
    for (std::size_t i = 0; i < w.requests.size(); ++i) {
      const PathPart request = requests.at(i);
      identifier(w.requests[i].name, request.child("name"));
      numbers(w.requests[i], detail::kRequestFields, request);
    }
    unique_names(w.requests, requests);
    numbers(w.knowledge_base, detail::kKnowledgeBaseFields, path.child("knowledge_base"));
    numbers(w.retention, detail::kRetentionFields, path.child("retention"));
    numbers(w.uploads, detail::kUploadsFields, path.child("uploads"));
    numbers(w.growth, detail::kGrowthFields, path.child("growth"));
  }

  void policy(const EnvironmentPolicy& p, const PathPart& path) {
    numbers(p, detail::kPolicyFields, path);
    choice(p.spread, detail::kSpread, path.child("spread"));
    choice(p.node_loss_pack_by, detail::kPacking, path.child("node_loss_pack_by"));
    choice(p.pack_by, detail::kPacking, path.child("pack_by"));
    choice(p.reserved_model, detail::kReserved, path.child("reserved_model"));
    const PathPart datastores = path.child("datastores");
    numbers(p.datastores, detail::kDatastoreFields, datastores);
    choice(p.datastores.qdrant_datatype, detail::kDatatype, datastores.child("qdrant_datatype"));
    choice(p.datastores.qdrant_quantization, detail::kQuantization,
           datastores.child("qdrant_quantization"));
    choice(p.datastores.postgres_disk, detail::kDisk, datastores.child("postgres_disk"));
    const PathPart logs = path.child("logs");
    numbers(p.logs, detail::kLogPolicyFields, logs);
    choice(p.logs.level, detail::kLogLevels, logs.child("level"));
    const PathPart levels = logs.child("component_levels");
    for (const auto& [name, level] : p.logs.component_levels)
      choice(level, detail::kLogLevels, levels.child(name));
    const PathPart cost = path.child("cost");
    numbers(p.cost, detail::kCostPolicyFields, cost);
    choice(p.cost.pricing, detail::kPricingModels, cost.child("pricing"));
    const PathPart backups = path.child("backups");
    numbers(p.backups, detail::kBackupPolicyFields, backups);
    numbers(p.backups.postgres, detail::kPostgresBackupFields, backups.child("postgres"));
    numbers(p.backups.object_storage, detail::kObjectStorageBackupFields,
            backups.child("object_storage"));
    const PathPart vector_store = backups.child("vector_store");
    numbers(p.backups.vector_store, detail::kVectorStoreBackupFields, vector_store);
    choice(p.backups.vector_store.method, detail::kRecovery, vector_store.child("method"));
  }

  void environment(const Environment& e, const PathPart& path) {
    identifier(e.name, path.child("name"));
    if (e.workload.has_value() == e.workload_share.has_value()) {
      add(path.child("workload"), "give exactly one of \"workload\" and \"workload_share\", got " +
                                      std::string(e.workload ? "both" : "neither"));
    }
    if (e.workload) workload(*e.workload, path.child("workload"));
    if (e.workload_share) {
      if (auto why = detail::bounds_issue(*e.workload_share, detail::kWorkloadShareBounds)) {
        add(path.child("workload_share"), std::move(*why));
      }
    }
    policy(e.policy, path.child("policy"));
  }

  void stack(const Stack& s, const PathPart& path) {
    identifier(s.name, path.child("name"));
    numbers(s, detail::kStackFields, path);
    const PathPart components = path.child("components");
    if (s.components.empty()) add(components, "must list at least one component, got []");
    for (std::size_t i = 0; i < s.components.size(); ++i) {
      const Component& c = s.components[i];
      const PathPart at = components.at(i);
      identifier(c.name, at.child("name"));
      choice(c.kind, detail::kKinds, at.child("kind"));
      choice(c.load_driver, detail::kDrivers, at.child("load_driver"));
      numbers(c, detail::kComponentFields, at);
      numbers(c.resources, detail::kResourceFields, at.child("resources"));
      if (c.measured_load) {
        numbers(*c.measured_load, detail::kMeasuredLoadFields, at.child("measured_load"));
      }
      const PathPart logging = at.child("logging");
      numbers(c.logging.lines_per_unit, detail::kLinesFields, logging.child("lines_per_unit"));
      numbers(c.logging.lines_per_replica_per_hour, detail::kLinesFields,
              logging.child("lines_per_replica_per_hour"));
      numbers(c.logging, detail::kLoggingFields, logging);
      if (c.kind == ComponentKind::singleton && c.scales_horizontally) {
        add(at.child("scales_horizontally"), "must be false for a singleton, got true");
      }
    }
    unique_names(s.components, components);
  }

  void catalog(const Catalog& c, const PathPart& path) {
    const PathPart node_types = path.child("node_types");
    if (c.node_types.empty()) add(node_types, "must list at least one node type, got []");
    for (std::size_t i = 0; i < c.node_types.size(); ++i) {
      const NodeType& t = c.node_types[i];
      const PathPart at = node_types.at(i);
      non_empty(t.name, at.child("name"));
      cloud(t.cloud, at.child("cloud"));
      numbers(t, detail::kNodeTypeFields, at);
      non_empty(t.source, at.child("source"));
      non_empty(t.as_of, at.child("as_of"));
    }
    unique_names(c.node_types, node_types);
    shapes(c.database_shapes, path.child("database_shapes"));
    shapes(c.vector_store_shapes, path.child("vector_store_shapes"));
    shapes(c.cache_shapes, path.child("cache_shapes"));
    const PathPart prices = path.child("prices");
    if (c.prices.empty()) add(prices, "must list at least one cloud's prices, got []");
    for (std::size_t i = 0; i < c.prices.size(); ++i) {
      cloud_prices(c.prices[i], prices.at(i));
      for (std::size_t j = 0; j < i; ++j) {
        if (c.prices[i].cloud.empty() || c.prices[i].cloud != c.prices[j].cloud) continue;
        add(prices.at(i).child("cloud"), "duplicate cloud, also listed at " + prices.at(j).str() +
                                             ", got \"" + c.prices[i].cloud + "\"");
      }
    }
    const PathPart regions = path.child("regions");
    for (std::size_t i = 0; i < c.regions.size(); ++i) {
      const Region& region = c.regions[i];
      const PathPart at = regions.at(i);
      cloud(region.cloud, at.child("cloud"));
      non_empty(region.name, at.child("name"));
      numbers(region, detail::kRegionFields, at);
      non_empty(region.source, at.child("source"));
      non_empty(region.as_of, at.child("as_of"));
    }
  }

  void cloud_prices(const Prices& p, const PathPart& path) {
    cloud(p.cloud, path.child("cloud"));
    non_empty(p.region, path.child("region"));
    for (const detail::PriceKey& key : detail::kPriceKeys) {
      const UnitPrice& price = p.*key.member;
      const PathPart item = path.child(key.key);
      if (auto why = detail::bounds_issue(price.usd, detail::kPriceBounds)) {
        add(item.child(key.amount_key), std::move(*why));
      }
      non_empty(price.source, item.child("source"));
      non_empty(price.as_of, item.child("as_of"));
    }
    for (const detail::SourcedValueKey& key : detail::kSourcedValueKeys) {
      const SourcedValue& figure = p.*key.member;
      const PathPart item = path.child(key.key);
      if (auto why = detail::bounds_issue(figure.value, key.bounds)) {
        add(item.child(key.amount_key), std::move(*why));
      }
      non_empty(figure.source, item.child("source"));
      non_empty(figure.as_of, item.child("as_of"));
    }
  }

  // As the reader says it: empty, or not a cloud name.
  void cloud(const std::string& name, const PathPart& path) {
    if (name.empty()) return non_empty(name, path);
    if (auto why = detail::cloud_name_issue(name)) add(path, std::move(*why));
  }

  void shapes(const std::vector<MachineShape>& list, const PathPart& path) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const PathPart at = path.at(i);
      non_empty(list[i].name, at.child("name"));
      cloud(list[i].cloud, at.child("cloud"));
      numbers(list[i], detail::kShapeFields, at);
    }
    unique_names(list, path);
  }

  void tiers(const std::vector<TierPreset>& list, const PathPart& path) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const PathPart at = path.at(i);
      identifier(list[i].name, at.child("name"));
      numbers(list[i], detail::kTierFields, at);
      non_empty(list[i].source, at.child("source"));
    }
    unique_names(list, path);
  }

  // The rules between the parts: a fixed node type is in the catalog; the log levels of
  // single components name components of the stack.
  void references(const Environment& e, const Scenario& s, const PathPart& path) {
    detail::add_deployment_issues(e, s.catalog, path.str(), issues_);
    if (s.stack.components.empty()) return;
    for (const auto& entry : e.policy.logs.component_levels) {
      const std::string& name = entry.first;  // captured below: no structured binding (clang 14)
      const bool known = std::any_of(s.stack.components.begin(), s.stack.components.end(),
                                     [&](const Component& c) { return c.name == name; });
      if (known) continue;
      add(path.child("policy").child("logs").child("component_levels").child(name),
          "must name a component of the stack, got \"" + name + "\"");
    }
  }

 private:
  std::vector<FieldIssue>& issues_;
};

}  // namespace

std::vector<FieldIssue> scenario_issues(const Scenario& scenario) {
  std::vector<FieldIssue> issues;
  Checker check(issues);
  const PathPart root;
  check.identifier(scenario.name, root.child("name"));
  check.workload(scenario.workload, root.child("workload"));
  check.stack(scenario.stack, root.child("stack"));
  const PathPart environments = root.child("environments");
  if (scenario.environments.empty()) {
    check.add(environments, "must list at least one environment, got []");
  }
  for (std::size_t i = 0; i < scenario.environments.size(); ++i) {
    check.environment(scenario.environments[i], environments.at(i));
  }
  check.unique_names(scenario.environments, environments);
  check.catalog(scenario.catalog, root.child("catalog"));
  check.tiers(scenario.tiers, root.child("tiers"));
  for (std::size_t i = 0; i < scenario.environments.size(); ++i) {
    check.references(scenario.environments[i], scenario, environments.at(i));
  }
  detail::add_cross_field_issues(scenario, issues);
  return issues;
}

std::vector<FieldIssue> environment_issues(const Environment& environment, const Scenario& scenario,
                                           const std::string& path_prefix) {
  std::vector<FieldIssue> issues;
  Checker check(issues);
  const PathPart at{nullptr, path_prefix, PathPart::kNoIndex};
  check.environment(environment, at);
  check.references(environment, scenario, at);
  detail::add_environment_cross_field_issues(environment, path_prefix, issues);
  return issues;
}

void validate(const Scenario& scenario) {
  std::vector<FieldIssue> issues = scenario_issues(scenario);
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

}  // namespace tierplan
