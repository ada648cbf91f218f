#pragma once
// What-if in reverse: the largest load a fixed cluster supports. The environment is
// planned with its node type fixed to the cluster's; a value fits when the plan needs no
// more than the cluster has (worker nodes, and each datastore the cluster states). The
// search relies on the planner's monotonicity (more load never lowers a count or a size):
// exponential steps from the scenario's value, then bisection to a relative tolerance.
#include <optional>
#include <string>
#include <vector>

#include "tierplan/plan.hpp"
#include "tierplan/scenario.hpp"

namespace tierplan {

// A cluster as built. Datastore sizes left empty are not checked.
struct FixedCluster {
  std::string node_type;  // a name of the catalog's node types
  int node_count = 0;
  std::optional<double> postgres_vcpu;
  std::optional<double> postgres_memory_gib;
  std::optional<double> postgres_storage_gib;
  std::optional<int> postgres_max_connections;
  std::optional<double> redis_memory_gib;
  std::optional<int> qdrant_nodes;
  std::optional<double> qdrant_ram_gib_per_node;
  std::optional<double> object_storage_gib;
};

// One need of the plan that the cluster does not meet.
struct Shortfall {
  std::string resource;  // "worker nodes", "postgres storage", ..., or "planning"
  double needed = 0.0;
  double available = 0.0;
  std::string detail;  // e.g. "needs 7 nodes of m5.2xlarge, has 6"
  bool operator==(const Shortfall&) const = default;
};

// The needs of plan that cluster does not meet, in a fixed order: worker nodes, postgres
// vcpu, memory, storage and connections, redis memory, qdrant nodes and ram, object storage.
std::vector<Shortfall> shortfalls(const EnvironmentPlan& plan, const FixedCluster& cluster);

struct CapacityOptions {
  std::string environment = "production";
  std::string path = "workload.daily_active_users";  // the load field to raise
  double relative_tolerance = 1e-3;                  // of the answer
};

struct CapacityResult {
  std::string path;
  // The largest value found that fits (within the tolerance); NaN when even the field's
  // smallest valid value does not fit.
  double max_value = 0.0;
  // The smallest value found that does not fit; NaN when the field's largest valid value
  // fits (limited_by_field_range).
  double first_failing_value = 0.0;
  bool limited_by_field_range = false;
  // What runs out first: the shortfalls at first_failing_value (most often one).
  std::vector<Shortfall> binding;
  std::string binding_resource;  // binding's resources joined by " and "
  std::string reason;
  std::optional<EnvironmentPlan> plan;  // at max_value
  int plans_evaluated = 0;
};

// Throws ValidationError for an unknown node type, a node count below 1, an unknown
// environment or field, or a non-positive tolerance.
CapacityResult max_supported_load(const Scenario& scenario, const FixedCluster& cluster,
                                  const CapacityOptions& options = {});

}  // namespace tierplan
