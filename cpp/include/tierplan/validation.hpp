#pragma once
// Validation of a Scenario however it was built: read from JSON, made in code, changed
// field by field from Python. Every entry point that computes from a scenario (plan,
// plan_environment, the studies) validates it first, so that no result is ever computed
// from invalid input. The rules are the JSON reader's: one field table declares each
// numeric field's bounds once (cpp/src/model/field_table.hpp) for both.
#include <limits>
#include <string>
#include <vector>

#include "tierplan/errors.hpp"

namespace tierplan {

struct Scenario;
struct Environment;

// Valid values of a numeric field: [min, max], or (min, max] when min_exclusive; integer
// fields take whole numbers only. NaN and infinities are never valid.
struct FieldBounds {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;
  bool integer = false;
  bool operator==(const FieldBounds&) const = default;
};

// Every problem of the scenario, with its JSON path and value, as the JSON reader states
// it ("workload.daily_active_users: must be >= 0, got -5"); empty when it is valid.
std::vector<FieldIssue> scenario_issues(const Scenario& scenario);
// Throws ValidationError listing every problem of the scenario.
void validate(const Scenario& scenario);
// The same for one environment planned against a scenario (plan_environment); path_prefix
// names it in the messages (e.g. "environments[2]").
std::vector<FieldIssue> environment_issues(const Environment& environment, const Scenario& scenario,
                                           const std::string& path_prefix);

// The JSON Schema (draft 2020-12) of a scenario document, as pretty-printed JSON text. It is
// generated from the declaration the JSON reader reads through (every key with its kind,
// need, unit, bounds and choices), so it states every rule of a single field; rules between
// fields (e.g. chunk_overlap_chars < chunk_size_chars) are in its descriptions. Shipped as
// data/schema/scenario.schema.json.
std::string scenario_json_schema();

}  // namespace tierplan
