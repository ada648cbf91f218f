#pragma once
// The planner's internal entry points: every model at a chosen detail level, and the
// node-plan reuse of studies.
#include "compute/packing.hpp"
#include "tierplan/plan.hpp"

namespace tierplan::detail {

// How much of a plan the planner writes: the studies read only numbers. The planner
// computes the same numbers either way and, for a full plan only, runs the explain steps
// after them (explain_component, explain_nodes, recommend_tier and explain_tier, the
// warnings).
enum class PlanDetail {
  full,  // the plan as plan_environment returns it
  // Every number of the environment plan as the full planner computes it (the same code),
  // but none of what only explains them: every reason, the node plan's per-node usage
  // rows, the tier recommendation and the warnings are left empty. Errors keep their
  // full text. For sweeps, whose outputs are numbers of the plan only.
  numbers,
};

// Components and nodes are computed, then explained: compute/component_sizing.hpp,
// compute/node_sizing.hpp. The data plane, logs, backups and cost likewise: plan_* computes
// every number (the public function of the same name is plan_* then explain_*); explain_*
// writes the reasons (and the data plan's warnings) from the computed plan and the inputs
// it was computed from. A numbers-only plan skips every explain step.
DataPlan plan_data(const Workload& workload, const PeakDemand& demand,
                   const std::vector<ComponentPlan>& components, const Stack& stack,
                   const EnvironmentPolicy& policy, const Catalog& catalog,
                   const std::string& environment_name);
void explain_data(DataPlan& plan, const Workload& workload, const PeakDemand& demand,
                  const std::vector<ComponentPlan>& components, const Stack& stack,
                  const EnvironmentPolicy& policy);
// A machine for a datastore the policy runs in the cluster: a pod with the cores and memory
// the model asks for (at least kInClusterMinCpuM, memory in quarter GiB), priced at 0 (its
// cost is the worker nodes').
MachineShape in_cluster_shape(std::string_view cloud, double cores, double memory_gib);
// The pods of the datastores the policy runs in the cluster, from the sized data plan.
std::vector<InClusterPod> in_cluster_pods(const DataPlan& plan, const DatastorePolicy& policy);
void explain_in_cluster_pods(std::vector<InClusterPod>& pods, const DatastorePolicy& policy);
// The datastore shapes of a mode: the managed list, or VMs (the vector store's list) you run.
const std::vector<MachineShape>& shapes_for(DatastoreMode mode,
                                            const std::vector<MachineShape>& managed,
                                            const Catalog& catalog);

LogPlan plan_logs(const Workload& workload, const std::vector<const Component*>& deployed,
                  const std::vector<ComponentPlan>& components, double growth_factor,
                  const LogPolicy& policy);
void explain_logs(LogPlan& plan, double growth_factor, const LogPolicy& policy);
BackupPlan plan_backups(const DataPlan& data, const DatabaseModel& database,
                        const BackupPolicy& policy);
void explain_backups(BackupPlan& plan, const DatabaseModel& database, const BackupPolicy& policy,
                     bool postgres_standby, bool postgres_synchronous);
// The share a commitment takes off compute, from the catalog's discount of the cloud.
double commitment_discount(const Prices& prices, PricingModel pricing);
// An environment's node pools: the on-demand one, and the spot one (count 0 when none).
struct NodePools {
  const NodePlan& on_demand;
  const NodePlan& spot;
};
// The share of the on-demand price spot capacity costs, at the catalog's spot discount.
double spot_price_share(const Prices& prices);
// What the bill's node lines cost a month: the on-demand pool under the policy's commitment,
// the spot pool at the spot discount, and every node's boot volume (plan_cost's worker_nodes,
// spot_nodes and node_root_volumes items), to compare node pools before the bill is made.
double node_lines_usd_month(const NodePools& pools, const EnvironmentPolicy& policy,
                            const Catalog& catalog);
CostPlan plan_cost(const NodePools& pools, const DataPlan& data, const LogPlan& logs,
                   const BackupPlan& backups, const EnvironmentPolicy& policy,
                   const Catalog& catalog, double user_requests_per_day = 0.0);
void explain_cost(CostPlan& plan, const NodePools& pools, const DataPlan& data,
                  const EnvironmentPolicy& policy, const Catalog& catalog);

// The node plan of the last environment planned numbers-only with it, and everything that
// node plan is computed from: the pods (every size, in order), the component names and
// replica counts, the node types and the policy. A study keeps one per thread so that
// neighbouring points whose pods did not change skip the packing; only a full match (not
// a hash) reuses it. A point whose pods no node type holds keeps its error instead.
struct NodeSizingReuse {
  // Set by a caller that never changes these objects between its calls (a study whose
  // fields are all outside the catalog, or outside the environments): they are then the
  // same when they are the same object, and are not compared or copied.
  const Catalog* unchanged_catalog = nullptr;
  const EnvironmentPolicy* unchanged_policy = nullptr;
  bool valid = false;
  std::vector<IndexedPod> pods;
  std::vector<std::string> component_names;
  std::vector<int> replicas;
  std::vector<NodeType> node_types;
  EnvironmentPolicy policy;
  std::string environment_name;  // named in the error
  NodePlan nodes;
  std::string error;  // the PlanningError of size_nodes, when no node type held the pods
  // The catalog index of the last cheapest node type: sized first at the next point.
  std::size_t best_type_hint = 0;
};

// plan_environment with the detail asked for. With reuse (numbers only), the node plan of
// the previous call is reused when its inputs are the same.
EnvironmentPlan plan_environment(const Scenario& scenario, const Environment& environment,
                                 PlanDetail level, NodeSizingReuse* reuse = nullptr);

}  // namespace tierplan::detail
