#include "tierplan/fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <span>
#include <utility>

#include "io/serialization.hpp"
#include "model/field_rules.hpp"
#include "model/field_table.hpp"

namespace tierplan {

namespace {

using detail::describe_value;
using detail::json;

// The numeric fields studies address are the field table's (model/field_table.hpp): the
// bounds the JSON reader enforces are the bounds a study checks.
template <class T>
using Member = detail::NumericField<T>;
using detail::kPriceBounds;
using detail::kWorkloadShareBounds;
constexpr auto& kWorkload = detail::kWorkloadFields;
constexpr auto& kRequest = detail::kRequestFields;
constexpr auto& kKnowledgeBase = detail::kKnowledgeBaseFields;
constexpr auto& kRetention = detail::kRetentionFields;
constexpr auto& kUploads = detail::kUploadsFields;
constexpr auto& kGrowth = detail::kGrowthFields;
constexpr auto& kPolicy = detail::kPolicyFields;
constexpr auto& kDatastores = detail::kDatastoreFields;
constexpr auto& kLogPolicy = detail::kLogPolicyFields;
constexpr auto& kCostPolicy = detail::kCostPolicyFields;
constexpr auto& kBackupPolicy = detail::kBackupPolicyFields;
constexpr auto& kPostgresBackup = detail::kPostgresBackupFields;
constexpr auto& kObjectStorageBackup = detail::kObjectStorageBackupFields;
constexpr auto& kVectorStoreBackup = detail::kVectorStoreBackupFields;
constexpr auto& kNodeType = detail::kNodeTypeFields;
constexpr auto& kShape = detail::kShapeFields;
constexpr auto& kRegion = detail::kRegionFields;
constexpr auto& kStack = detail::kStackFields;
constexpr auto& kComponent = detail::kComponentFields;
constexpr auto& kResources = detail::kResourceFields;
constexpr auto& kMeasuredLoad = detail::kMeasuredLoadFields;

// One step of a path: a key, and the index or name in brackets after it.
struct Step {
  std::string key;
  std::optional<std::string> bracket;
};

std::optional<std::vector<Step>> parse_path(std::string_view path) {
  std::vector<Step> steps;
  std::size_t i = 0;
  while (i <= path.size()) {
    Step step;
    while (i < path.size() && path[i] != '.' && path[i] != '[') step.key += path[i++];
    if (step.key.empty()) return std::nullopt;
    if (i < path.size() && path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos || close == i + 1) return std::nullopt;
      step.bracket = std::string(path.substr(i + 1, close - i - 1));
      i = close + 1;
    }
    steps.push_back(std::move(step));
    if (i == path.size()) break;
    if (path[i] != '.') return std::nullopt;
    ++i;
  }
  if (steps.empty()) return std::nullopt;
  return steps;
}

template <class T>
using ObjectOf = std::function<T&(Scenario&)>;

// Walks the steps of one path over a scenario; fails with a message (or none, for
// "no such field", which gets a suggestion).
class Walker {
 public:
  Walker(const Scenario& scenario, const std::vector<Step>& steps)
      : scenario_(scenario), steps_(steps) {}

  std::optional<FieldRef> walk() {
    const Step* s = next();
    if (s == nullptr) return std::nullopt;
    if (s->key == "environments") {
      const auto i = pick(scenario_.environments, *s);
      if (!i) return std::nullopt;
      return in_environment(*i);
    }
    if (s->bracket) return std::nullopt;
    if (s->key == "workload") {
      return in_workload([](Scenario& sc) -> Workload& { return sc.workload; }, scenario_.workload);
    }
    if (s->key == "catalog") return in_catalog();
    if (s->key == "stack") return in_stack();
    return std::nullopt;
  }

  std::string error;

 private:
  const Step* next() {
    if (at_ >= steps_.size()) return nullptr;
    const Step& s = steps_[at_++];
    if (!path_.empty()) path_ += '.';
    path_ += s.key;
    return &s;
  }
  bool last() const { return at_ == steps_.size(); }

  // The index named by the step's brackets: a number or an item's name.
  template <class Item>
  std::optional<std::size_t> pick(const std::vector<Item>& items, const Step& s) {
    if (!s.bracket) return std::nullopt;
    const std::string& b = *s.bracket;
    std::optional<std::size_t> index;
    if (b.find_first_not_of("0123456789") == std::string::npos) {
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), n);
      if (ec != std::errc() || end != b.data() + b.size() || n >= items.size()) {
        error = "index " + b + " is out of range: " + s.key + " has " +
                std::to_string(items.size()) + " items";
        return std::nullopt;
      }
      index = static_cast<std::size_t>(n);
    } else {
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].name == b) index = i;
      }
      if (!index) {
        error = "names no item of " + s.key + ", got \"" + b + "\"";
        return std::nullopt;
      }
    }
    path_ += "[" + std::to_string(*index) + "]";
    return index;
  }

  template <class T>
  std::optional<FieldRef> leaf(const ObjectOf<T>& object, std::span<const Member<T>> members,
                               const Step& s) {
    if (s.bracket || !last()) return std::nullopt;
    for (const Member<T>& m : members) {
      if (m.key != s.key) continue;
      if (m.number != nullptr) {
        return FieldRef(
            path_, m.bounds,
            [object, p = m.number](const Scenario& sc) {
              return object(const_cast<Scenario&>(sc)).*p;
            },
            [object, p = m.number](Scenario& sc, double v) { object(sc).*p = v; });
      }
      return FieldRef(
          path_, m.bounds,
          [object, p = m.integer](const Scenario& sc) {
            return static_cast<double>(object(const_cast<Scenario&>(sc)).*p);
          },
          [object, p = m.integer](Scenario& sc, double v) { object(sc).*p = static_cast<int>(v); });
    }
    return std::nullopt;
  }

  // A nested object: the accessor of the member object, then its leaves.
  template <class Outer, class Inner>
  static ObjectOf<Inner> member_of(ObjectOf<Outer> outer, Inner Outer::*p) {
    return [outer = std::move(outer), p](Scenario& sc) -> Inner& { return outer(sc).*p; };
  }

  std::optional<FieldRef> in_workload(const ObjectOf<Workload>& w, const Workload& value) {
    const Step* s = next();
    if (s == nullptr) return std::nullopt;
    if (s->key == "requests") {
      const auto j = pick(value.requests, *s);
      if (!j) return std::nullopt;
      const Step* leaf_step = next();
      if (leaf_step == nullptr) return std::nullopt;
      const ObjectOf<RequestClass> r = [w, j = *j](Scenario& sc) -> RequestClass& {
        return w(sc).requests[j];
      };
      return leaf<RequestClass>(r, kRequest, *leaf_step);
    }
    const auto nested = [&]<class T>(T Workload::*p, std::span<const Member<T>> members) {
      const Step* leaf_step = next();
      if (leaf_step == nullptr) return std::optional<FieldRef>{};
      return leaf<T>(member_of(w, p), members, *leaf_step);
    };
    if (s->bracket) return std::nullopt;
    if (s->key == "knowledge_base") {
      return nested(&Workload::knowledge_base,
                    std::span<const Member<KnowledgeBase>>(kKnowledgeBase));
    }
    if (s->key == "retention") {
      return nested(&Workload::retention, std::span<const Member<Retention>>(kRetention));
    }
    if (s->key == "uploads") {
      return nested(&Workload::uploads, std::span<const Member<Uploads>>(kUploads));
    }
    if (s->key == "growth") {
      return nested(&Workload::growth, std::span<const Member<Growth>>(kGrowth));
    }
    return leaf<Workload>(w, kWorkload, *s);
  }

  std::optional<FieldRef> in_environment(std::size_t i) {
    const Environment& env = scenario_.environments[i];
    const Step* s = next();
    if (s == nullptr || s->bracket) return std::nullopt;
    if (s->key == "workload_share") {
      if (!last()) return std::nullopt;
      if (!env.workload_share) {
        error = "environment " + env.name + " has its own workload, not a workload_share";
        return std::nullopt;
      }
      return FieldRef(
          path_, kWorkloadShareBounds,
          [i](const Scenario& sc) { return *sc.environments[i].workload_share; },
          [i](Scenario& sc, double v) { sc.environments[i].workload_share = v; });
    }
    if (s->key == "workload") {
      if (!env.workload) {
        error = "environment " + env.name +
                " has no workload of its own (it serves a workload_share of the scenario's)";
        return std::nullopt;
      }
      return in_workload([i](Scenario& sc) -> Workload& { return *sc.environments[i].workload; },
                         *env.workload);
    }
    if (s->key != "policy") return std::nullopt;
    const ObjectOf<EnvironmentPolicy> policy = [i](Scenario& sc) -> EnvironmentPolicy& {
      return sc.environments[i].policy;
    };
    const Step* p = next();
    if (p == nullptr) return std::nullopt;
    if (p->key == "datastores" && !p->bracket) {
      const Step* leaf_step = next();
      if (leaf_step == nullptr) return std::nullopt;
      return leaf<DatastorePolicy>(member_of(policy, &EnvironmentPolicy::datastores), kDatastores,
                                   *leaf_step);
    }
    if (p->key == "cost" && !p->bracket) {
      const Step* leaf_step = next();
      if (leaf_step == nullptr) return std::nullopt;
      return leaf<CostPolicy>(member_of(policy, &EnvironmentPolicy::cost), kCostPolicy, *leaf_step);
    }
    if (p->key == "logs" && !p->bracket) {
      const Step* leaf_step = next();
      if (leaf_step == nullptr) return std::nullopt;
      return leaf<LogPolicy>(member_of(policy, &EnvironmentPolicy::logs), kLogPolicy, *leaf_step);
    }
    if (p->key == "backups" && !p->bracket) {
      const ObjectOf<BackupPolicy> backups = member_of(policy, &EnvironmentPolicy::backups);
      const Step* b = next();
      if (b == nullptr || b->bracket) return std::nullopt;
      const auto nested = [&]<class T>(T BackupPolicy::*member,
                                       std::span<const Member<T>> members) {
        const Step* leaf_step = next();
        if (leaf_step == nullptr) return std::optional<FieldRef>{};
        return leaf<T>(member_of(backups, member), members, *leaf_step);
      };
      if (b->key == "postgres") {
        return nested(&BackupPolicy::postgres,
                      std::span<const Member<PostgresBackupPolicy>>(kPostgresBackup));
      }
      if (b->key == "object_storage") {
        return nested(&BackupPolicy::object_storage,
                      std::span<const Member<ObjectStorageBackupPolicy>>(kObjectStorageBackup));
      }
      if (b->key == "vector_store") {
        return nested(&BackupPolicy::vector_store,
                      std::span<const Member<VectorStoreBackupPolicy>>(kVectorStoreBackup));
      }
      return leaf<BackupPolicy>(backups, kBackupPolicy, *b);
    }
    return leaf<EnvironmentPolicy>(policy, kPolicy, *p);
  }

  std::optional<FieldRef> in_catalog() {
    const Step* s = next();
    if (s == nullptr) return std::nullopt;
    if (s->key == "prices") return in_prices(*s);
    const auto listed = [&]<class T>(std::vector<T> Catalog::*list,
                                     std::span<const Member<T>> members) {
      const auto j = pick(scenario_.catalog.*list, *s);
      if (!j) return std::optional<FieldRef>{};
      const Step* leaf_step = next();
      if (leaf_step == nullptr) return std::optional<FieldRef>{};
      const ObjectOf<T> item = [list, j = *j](Scenario& sc) -> T& { return (sc.catalog.*list)[j]; };
      return leaf<T>(item, members, *leaf_step);
    };
    if (s->key == "node_types") {
      return listed(&Catalog::node_types, std::span<const Member<NodeType>>(kNodeType));
    }
    if (s->key == "database_shapes") {
      return listed(&Catalog::database_shapes, std::span<const Member<MachineShape>>(kShape));
    }
    if (s->key == "vector_store_shapes") {
      return listed(&Catalog::vector_store_shapes, std::span<const Member<MachineShape>>(kShape));
    }
    if (s->key == "cache_shapes") {
      return listed(&Catalog::cache_shapes, std::span<const Member<MachineShape>>(kShape));
    }
    if (s->key == "regions") {
      return listed(&Catalog::regions, std::span<const Member<Region>>(kRegion));
    }
    return std::nullopt;
  }

  // catalog.prices[<cloud or index>].<item>.<amount key>; the path it resolves to names the
  // index, as every path of a list item does.
  std::optional<FieldRef> in_prices(const Step& s) {
    if (!s.bracket) return std::nullopt;
    const auto& list = scenario_.catalog.prices;
    std::optional<std::size_t> j;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].cloud == *s.bracket) j = i;
    }
    if (!j) {
      std::size_t n = 0;
      const std::string& b = *s.bracket;
      const auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), n);
      if (ec != std::errc() || end != b.data() + b.size() || n >= list.size()) {
        error = "catalog.prices lists no prices of " + b;
        return std::nullopt;
      }
      j = n;
    }
    path_ += "[" + std::to_string(*j) + "]";  // the reader's path, as pick() writes it
    const Step* price = next();
    if (price == nullptr || price->bracket) return std::nullopt;
    const Step* amount = next();
    if (amount == nullptr || amount->bracket || !last()) return std::nullopt;
    for (const detail::PriceKey& f : detail::kPriceKeys) {
      if (f.key != price->key || f.amount_key != amount->key) continue;
      return FieldRef(
          path_, kPriceBounds,
          [m = f.member, j = *j](const Scenario& sc) { return (sc.catalog.prices[j].*m).usd; },
          [m = f.member, j = *j](Scenario& sc, double v) { (sc.catalog.prices[j].*m).usd = v; });
    }
    for (const detail::SourcedValueKey& f : detail::kSourcedValueKeys) {
      if (f.key != price->key || f.amount_key != amount->key) continue;
      return FieldRef(
          path_, f.bounds,
          [m = f.member, j = *j](const Scenario& sc) { return (sc.catalog.prices[j].*m).value; },
          [m = f.member, j = *j](Scenario& sc, double v) { (sc.catalog.prices[j].*m).value = v; });
    }
    return std::nullopt;
  }

  std::optional<FieldRef> in_stack() {
    const Step* s = next();
    if (s == nullptr) return std::nullopt;
    if (s->key == "components") {
      const auto j = pick(scenario_.stack.components, *s);
      if (!j) return std::nullopt;
      const ObjectOf<Component> c = [j = *j](Scenario& sc) -> Component& {
        return sc.stack.components[j];
      };
      const Step* leaf_step = next();
      if (leaf_step == nullptr) return std::nullopt;
      if (leaf_step->key == "resources" && !leaf_step->bracket) {
        const Step* r = next();
        if (r == nullptr) return std::nullopt;
        return leaf<ResourceModel>(member_of(c, &Component::resources), kResources, *r);
      }
      if (leaf_step->key == "measured_load" && !leaf_step->bracket) {
        const Component& component = scenario_.stack.components[*j];
        if (!component.measured_load) {
          error = "component " + component.name + " was not calibrated: it has no measured_load";
          return std::nullopt;
        }
        const Step* r = next();
        if (r == nullptr) return std::nullopt;
        const ObjectOf<MeasuredLoad> measured = [j = *j](Scenario& sc) -> MeasuredLoad& {
          return *sc.stack.components[j].measured_load;
        };
        return leaf<MeasuredLoad>(measured, kMeasuredLoad, *r);
      }
      return leaf<Component>(c, kComponent, *leaf_step);
    }
    return leaf<Stack>([](Scenario& sc) -> Stack& { return sc.stack; }, kStack, *s);
  }

  const Scenario& scenario_;
  const std::vector<Step>& steps_;
  std::size_t at_ = 0;
  std::string path_;
};

template <class T>
void add_paths(std::vector<std::string>& out, const std::string& prefix,
               std::span<const Member<T>> members) {
  for (const Member<T>& m : members) out.push_back(prefix + "." + std::string(m.key));
}

void add_workload_paths(std::vector<std::string>& out, const std::string& prefix,
                        const Workload& w) {
  add_paths<Workload>(out, prefix, kWorkload);
  for (std::size_t j = 0; j < w.requests.size(); ++j) {
    add_paths<RequestClass>(out, detail::index_path(prefix + ".requests", j), kRequest);
  }
  add_paths<KnowledgeBase>(out, prefix + ".knowledge_base", kKnowledgeBase);
  add_paths<Retention>(out, prefix + ".retention", kRetention);
  add_paths<Uploads>(out, prefix + ".uploads", kUploads);
  add_paths<Growth>(out, prefix + ".growth", kGrowth);
}

std::optional<std::string> suggestion(const Scenario& scenario, std::string_view path) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (auto& candidate : numeric_field_paths(scenario)) {
    // The distance is at least the difference in length. A candidate that cannot be nearer
    // than the best so far, or that the path is more than twice as long as (every character
    // of it would be rewritten: no suggestion), is skipped unmeasured; measuring each took a
    // 100,000-character path 3 s (issue 17).
    const std::size_t longer = std::max(path.size(), candidate.size());
    const std::size_t difference = longer - std::min(path.size(), candidate.size());
    if ((best && difference >= best_distance) || path.size() > 2 * candidate.size()) continue;
    const std::size_t d = detail::edit_distance(path, candidate);
    if (!best || d < best_distance) {
      best_distance = d;
      best = std::move(candidate);
    }
  }
  return best;
}

std::optional<FieldRef> resolve(const Scenario& scenario, std::string_view path,
                                std::vector<FieldIssue>& issues) {
  std::string message;
  if (const auto steps = parse_path(path)) {
    Walker walker(scenario, *steps);
    if (auto field = walker.walk()) return field;
    message = walker.error;
  }
  const std::string shown = path.empty() ? "$" : std::string(path);
  if (message.empty()) {
    message = "names no numeric field of the scenario";
    if (const auto near = suggestion(scenario, path))
      message += "; did you mean \"" + *near + "\"?";
  }
  issues.push_back({shown, message});
  return std::nullopt;
}

}  // namespace

FieldRef::FieldRef(std::string path, FieldBounds bounds, Getter get, Setter set, std::string rule)
    : path_(std::move(path)),
      bounds_(bounds),
      get_(std::move(get)),
      set_(std::move(set)),
      rule_(std::move(rule)) {}

std::string_view FieldRef::key() const {
  std::string_view p = path_;
  const std::size_t dot = p.rfind('.');
  p = dot == std::string_view::npos ? p : p.substr(dot + 1);
  return p.substr(0, p.find('['));
}

std::optional<std::string> FieldRef::check(double value) const {
  if (!detail::breaks_bounds(value, bounds_)) return std::nullopt;
  // A field with its own words for its range states them (the value is described only for
  // an error: a study checks every point).
  if (!rule_.empty() && std::isfinite(value) && !(bounds_.integer && std::trunc(value) != value)) {
    return rule_ + ", got " + describe_value(json(value));
  }
  return detail::bounds_issue(value, bounds_);
}

FieldRef resolve_field(const Scenario& scenario, std::string_view path) {
  std::vector<FieldIssue> issues;
  auto field = resolve(scenario, path, issues);
  if (!field) throw ValidationError(std::move(issues));
  field->writes_only_its_path_ = true;
  return std::move(*field);
}

std::vector<FieldRef> resolve_fields(const Scenario& scenario,
                                     const std::vector<std::string>& paths) {
  std::vector<FieldIssue> issues;
  std::vector<FieldRef> fields;
  fields.reserve(paths.size());
  for (const auto& path : paths) {
    if (auto field = resolve(scenario, path, issues)) {
      field->writes_only_its_path_ = true;
      fields.push_back(std::move(*field));
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return fields;
}

std::vector<std::string> numeric_field_paths(const Scenario& scenario) {
  std::vector<std::string> out;
  add_workload_paths(out, "workload", scenario.workload);
  for (std::size_t i = 0; i < scenario.environments.size(); ++i) {
    const Environment& env = scenario.environments[i];
    const std::string prefix = detail::index_path("environments", i);
    if (env.workload_share) out.push_back(prefix + ".workload_share");
    if (env.workload) add_workload_paths(out, prefix + ".workload", *env.workload);
    add_paths<EnvironmentPolicy>(out, prefix + ".policy", kPolicy);
    add_paths<DatastorePolicy>(out, prefix + ".policy.datastores", kDatastores);
    add_paths<LogPolicy>(out, prefix + ".policy.logs", kLogPolicy);
    add_paths<CostPolicy>(out, prefix + ".policy.cost", kCostPolicy);
    add_paths<BackupPolicy>(out, prefix + ".policy.backups", kBackupPolicy);
    add_paths<PostgresBackupPolicy>(out, prefix + ".policy.backups.postgres", kPostgresBackup);
    add_paths<ObjectStorageBackupPolicy>(out, prefix + ".policy.backups.object_storage",
                                         kObjectStorageBackup);
    add_paths<VectorStoreBackupPolicy>(out, prefix + ".policy.backups.vector_store",
                                       kVectorStoreBackup);
  }
  add_paths<Stack>(out, "stack", kStack);
  for (std::size_t j = 0; j < scenario.stack.components.size(); ++j) {
    const std::string prefix = detail::index_path("stack.components", j);
    add_paths<Component>(out, prefix, kComponent);
    add_paths<ResourceModel>(out, prefix + ".resources", kResources);
    if (scenario.stack.components[j].measured_load) {
      add_paths<MeasuredLoad>(out, prefix + ".measured_load", kMeasuredLoad);
    }
  }
  for (std::size_t j = 0; j < scenario.catalog.node_types.size(); ++j) {
    add_paths<NodeType>(out, detail::index_path("catalog.node_types", j), kNodeType);
  }
  for (std::size_t j = 0; j < scenario.catalog.database_shapes.size(); ++j) {
    add_paths<MachineShape>(out, detail::index_path("catalog.database_shapes", j), kShape);
  }
  for (std::size_t j = 0; j < scenario.catalog.vector_store_shapes.size(); ++j) {
    add_paths<MachineShape>(out, detail::index_path("catalog.vector_store_shapes", j), kShape);
  }
  for (std::size_t j = 0; j < scenario.catalog.cache_shapes.size(); ++j) {
    add_paths<MachineShape>(out, detail::index_path("catalog.cache_shapes", j), kShape);
  }
  for (std::size_t j = 0; j < scenario.catalog.regions.size(); ++j) {
    add_paths<Region>(out, detail::index_path("catalog.regions", j), kRegion);
  }
  for (std::size_t j = 0; j < scenario.catalog.prices.size(); ++j) {
    for (const detail::PriceKey& f : detail::kPriceKeys) {
      out.push_back(detail::index_path("catalog.prices", j) + "." + std::string(f.key) + "." +
                    std::string(f.amount_key));
    }
    for (const detail::SourcedValueKey& f : detail::kSourcedValueKeys) {
      out.push_back(detail::index_path("catalog.prices", j) + "." + std::string(f.key) + "." +
                    std::string(f.amount_key));
    }
  }
  return out;
}

std::vector<FieldIssue> cross_field_issues(const Scenario& scenario) {
  std::vector<FieldIssue> issues;
  detail::add_cross_field_issues(scenario, issues);
  return issues;
}

bool in_cross_field_rule(const FieldRef& field) {
  const std::string_view key = field.key();
  return key == "chunk_overlap_chars" || key == "chunk_size_chars" ||
         key == "qdrant_replication_factor" || key == "qdrant_min_nodes" || key == "max_replicas" ||
         key == "min_replicas";
}

double get_value(const Scenario& scenario, std::string_view path) {
  return resolve_field(scenario, path).get(scenario);
}

Scenario with_value(const Scenario& scenario, std::string_view path, double value) {
  return with_values(scenario, {std::string(path)}, {value});
}

Scenario with_values(const Scenario& scenario, const std::vector<std::string>& paths,
                     const std::vector<double>& values) {
  if (paths.size() != values.size()) {
    throw std::invalid_argument("with_values: " + std::to_string(paths.size()) + " paths but " +
                                std::to_string(values.size()) + " values");
  }
  const std::vector<FieldRef> fields = resolve_fields(scenario, paths);
  std::vector<FieldIssue> issues;
  Scenario result = scenario;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (auto why = fields[i].check(values[i])) {
      issues.push_back({fields[i].path(), std::move(*why)});
    } else {
      fields[i].set(result, values[i]);
    }
  }
  if (issues.empty()) issues = cross_field_issues(result);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return result;
}

}  // namespace tierplan
