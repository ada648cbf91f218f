#pragma once
// The rules on field values that the reader, validation and studies share: a value
// within a field's bounds, names, and the rules that tie fields together.
#include <optional>
#include <string>
#include <vector>

#include "tierplan/errors.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {
struct Catalog;
struct Scenario;
struct Environment;
struct Workload;
struct EnvironmentPolicy;
}  // namespace tierplan

namespace tierplan::detail {

// Whether value is outside bounds, not finite, or not whole for an integer field. Cheap:
// studies and validation call it for every field of every point.
inline bool breaks_bounds(double value, const FieldBounds& bounds) {
  const bool below = bounds.min_exclusive ? !(value > bounds.min) : value < bounds.min;
  // NaN compares false everywhere: !(value <= max) catches it.
  if (below || !(value <= bounds.max) || value - value != 0.0) return true;
  return bounds.integer && static_cast<double>(static_cast<long long>(value)) != value;
}
// Why value breaks bounds, as the JSON reader says it ("must be >= 0, got -5"), or nothing.
std::optional<std::string> bounds_issue(double value, const FieldBounds& bounds);

// The reader's identifier rule: [a-z0-9_-]+, for names used on the command line.
bool is_identifier(const std::string& text);

// A catalog entry's cloud must be one the environments can name (aws, gcp, azure).
std::optional<std::string> cloud_name_issue(const std::string& cloud);

// Where an environment runs against what the catalog lists: the cloud has node types (and a
// fixed node type names one of them), datastore shapes of each kind and prices; the region is
// the one the cloud's prices are listed for or an entry of catalog.regions. path: the
// environment's. Cheap when every rule holds (a plan validates first).
void add_deployment_issues(const Environment& environment, const Catalog& catalog,
                           const std::string& path, std::vector<FieldIssue>& issues);

// The rules that tie fields together: chunk_overlap_chars < chunk_size_chars,
// qdrant_replication_factor <= qdrant_min_nodes, max_replicas >= min_replicas.
void add_workload_cross_field_issues(const Workload& workload, const std::string& path,
                                     std::vector<FieldIssue>& issues);
void add_policy_cross_field_issues(const EnvironmentPolicy& policy, const std::string& path,
                                   std::vector<FieldIssue>& issues);
void add_environment_cross_field_issues(const Environment& environment, const std::string& path,
                                        std::vector<FieldIssue>& issues);
void add_cross_field_issues(const Scenario& scenario, std::vector<FieldIssue>& issues);

}  // namespace tierplan::detail
