#pragma once
// Numeric fields of a Scenario named by their JSON path, e.g.
// "workload.daily_active_users", "workload.requests[0].per_user_per_day" (or
// "workload.requests[chat_message].per_user_per_day"), "environments[2].workload_share",
// "environments[production].policy.min_replicas",
// "catalog.node_types[3].price_usd_per_hour".
//
// A path is resolved once into a FieldRef (a chain of member pointers), which then
// reads and writes the field directly: studies set thousands of values per second, far
// too many to go through JSON. The valid range of every field is the one the JSON reader
// enforces (both read the field table, cpp/src/model/field_table.hpp), and a value outside
// it is a ValidationError with the path and the value, as from the reader.
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tierplan/errors.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {

// A numeric field of scenarios shaped like the one it was resolved against (same
// environments, request classes, node types, ... at the same indices).
class FieldRef {
 public:
  using Getter = std::function<double(const Scenario&)>;
  using Setter = std::function<void(Scenario&, double)>;
  // rule: how the reader states the range when it has its own words for it ("must be a
  // number > 0 and <= 65536"); empty: from the bounds ("must be >= 0").
  FieldRef(std::string path, FieldBounds bounds, Getter get, Setter set, std::string rule = {});

  // The path with every index as a number, as validation errors spell it.
  const std::string& path() const { return path_; }
  const FieldBounds& bounds() const { return bounds_; }
  // The leaf key (e.g. "daily_active_users"), which names the cross-field rules.
  std::string_view key() const;

  double get(const Scenario& scenario) const { return get_(scenario); }
  // Writes the value without checking it; check() first (or use set_value()).
  void set(Scenario& scenario, double value) const { set_(scenario, value); }
  // Why value is not valid for this field ("must be >= 0, got -5"), or nothing.
  std::optional<std::string> check(double value) const;

  // Whether set() writes only the field its path names: true for the fields that
  // resolve_field() and resolve_fields() make, false for one made with the constructor,
  // whose setter may write anything. Studies rely on it to know what stays unchanged.
  bool writes_only_its_path() const { return writes_only_its_path_; }

 private:
  friend FieldRef resolve_field(const Scenario& scenario, std::string_view path);
  friend std::vector<FieldRef> resolve_fields(const Scenario& scenario,
                                              const std::vector<std::string>& paths);
  std::string path_;
  FieldBounds bounds_;
  Getter get_;
  Setter set_;
  std::string rule_;
  bool writes_only_its_path_ = false;
};

// Resolves a path against a scenario. Throws ValidationError (path: why, with the
// nearest numeric field suggested) for an unknown, out-of-range or non-numeric path.
FieldRef resolve_field(const Scenario& scenario, std::string_view path);
// Every path resolved, every bad one reported in one ValidationError.
std::vector<FieldRef> resolve_fields(const Scenario& scenario,
                                     const std::vector<std::string>& paths);

// Every numeric field path of the scenario, in document order.
std::vector<std::string> numeric_field_paths(const Scenario& scenario);

// The rules that tie fields together (chunk_overlap_chars < chunk_size_chars,
// qdrant_replication_factor <= qdrant_min_nodes, max_replicas >= min_replicas), as the
// JSON reader states them; empty when all hold.
std::vector<FieldIssue> cross_field_issues(const Scenario& scenario);
// Whether a field takes part in one of those rules.
bool in_cross_field_rule(const FieldRef& field);

double get_value(const Scenario& scenario, std::string_view path);
// A copy of scenario with the field at path set to value. Throws ValidationError with
// the path and the value when the value is outside the field's range or breaks a
// cross-field rule.
Scenario with_value(const Scenario& scenario, std::string_view path, double value);
// Several fields at once; every problem is reported in one ValidationError.
Scenario with_values(const Scenario& scenario, const std::vector<std::string>& paths,
                     const std::vector<double>& values);

}  // namespace tierplan
