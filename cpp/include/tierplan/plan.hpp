#pragma once
// The Plan: for every environment, its components, worker nodes and tier, each
// number with the reason that bound it.
#include <string>
#include <string_view>
#include <vector>

#include "tierplan/backups.hpp"
#include "tierplan/cost.hpp"
#include "tierplan/datastores.hpp"
#include "tierplan/demand.hpp"
#include "tierplan/logs.hpp"
#include "tierplan/nodes.hpp"
#include "tierplan/replicas.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/tiers.hpp"

namespace tierplan {

// Hours in an average month (8760 / 12), for monthly prices from hourly ones.
inline constexpr double kHoursPerMonth = 730.0;

struct NodePlan {
  NodeType node_type;
  NodeAllocatable allocatable;
  PackingMeasure packed_by = PackingMeasure::requests;
  int count = 0;
  int steady_state_count = 0;  // fewest nodes that hold every pod, before N+1
  bool survives_node_loss = false;
  // Nodes of this type the autoscaling maxima need at the planning horizon (the N+1 spare
  // included when the policy asks for it), and the first month in which the planned count
  // no longer holds the autoscaled replicas (0: it holds them to the horizon). Full plans
  // only: a study point (numbers only) leaves both 0, as it leaves the tier.
  int count_at_horizon = 0;
  int runs_out_month = 0;
  std::string horizon_reason;
  // Which pods this pool holds and why, when the environment splits its pods over an
  // on-demand and a spot pool (policy.cost.stateless_on_spot); empty with one pool.
  std::string pool_reason;
  std::string count_reason;
  std::string type_reason;
  std::vector<NodeUsage> nodes;
  double cost_usd_month = 0.0;
  std::string cost_reason;
  bool operator==(const NodePlan&) const = default;
};

struct ResourceTotals {
  double request_cpu_m = 0.0;
  double request_memory_mib = 0.0;
  double limit_cpu_m = 0.0;
  double limit_memory_mib = 0.0;
  int pods = 0;
  // Room the nodes leave for pods above the pods' requests (after kubelet reserves and
  // DaemonSets): the headroom for bursts, limits and a node loss.
  double spare_cpu_m = 0.0;
  double spare_memory_mib = 0.0;
  bool operator==(const ResourceTotals&) const = default;
};

struct EnvironmentPlan {
  std::string name;
  double daily_active_users = 0.0;
  double growth_factor = 1.0;  // load at the end of the planning horizon / today
  PeakDemand demand;
  std::vector<ComponentPlan> components;
  NodePlan nodes;  // the on-demand pool: every pod, or all but the spot pool's
  // The spot pool of the stateless services (policy.cost.stateless_on_spot); count 0 when the
  // environment runs every pod on demand.
  NodePlan spot_nodes;
  ResourceTotals totals;
  DataPlan data;
  LogPlan logs;
  BackupPlan backups;
  CostPlan cost;
  TierRecommendation tier;
  std::vector<std::string> warnings;
  bool operator==(const EnvironmentPlan&) const = default;

  const ComponentPlan* find_component(std::string_view component_name) const;
};

struct Plan {
  std::string scenario;
  std::vector<EnvironmentPlan> environments;
  bool operator==(const Plan&) const = default;

  const EnvironmentPlan* find_environment(std::string_view environment_name) const;
};

// Plans every environment of the scenario. Validates it first, however it was built
// (ValidationError with every problem, tierplan/validation.hpp). Throws PlanningError when
// an environment cannot be planned (a pod larger than every node type, an unreachable
// latency target).
Plan plan(const Scenario& scenario);
// Only the named environments, in the scenario's order: an environment not asked for is not
// planned, so it cannot fail the plan. A name that is none of the scenario's environments
// throws std::invalid_argument naming the known ones and the nearest.
Plan plan(const Scenario& scenario, const std::vector<std::string>& environment_names);
// "no environment "prod"; the environments are: test, staging, production; did you mean
// "production"?"
std::string unknown_environment_message(std::string_view name,
                                        const std::vector<std::string>& known);
// One environment; an environment that is not one of the scenario's is validated too
// (its issues are named "environment...").
EnvironmentPlan plan_environment(const Scenario& scenario, const Environment& environment);

// Pods of the planned components, sized by the policy's packing measure.
std::vector<Pod> pods_of(const std::vector<ComponentPlan>& components, PackingMeasure measure);

// The plan as JSON following data/schema/plan.schema.json (units in key names).
std::string plan_to_json_string(const Plan& plan, int indent = 2);
// The plan JSON read back, for reports and comparisons of plans written earlier. What the
// JSON does not carry (a catalog entry's price source and date, the PGTune input and the
// PGTune settings it leaves out) stays at its default. Throws ValidationError naming every
// missing or mistyped member.
Plan plan_from_json_string(std::string_view text);

}  // namespace tierplan
