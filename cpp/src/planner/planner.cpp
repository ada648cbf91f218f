#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>

#include "compute/component_sizing.hpp"
#include "compute/node_sizing.hpp"
#include "io/field_reader.hpp"
#include "io/format.hpp"
#include "model/choices.hpp"
#include "planner/planner_detail.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/validation.hpp"
#include "units.hpp"

namespace tierplan {

using detail::concat;
using detail::Fixed;
using detail::Readable;

const ComponentPlan* EnvironmentPlan::find_component(std::string_view component_name) const {
  for (const auto& c : components) {
    if (c.name == component_name) return &c;
  }
  return nullptr;
}

const EnvironmentPlan* Plan::find_environment(std::string_view environment_name) const {
  for (const auto& e : environments) {
    if (e.name == environment_name) return &e;
  }
  return nullptr;
}

std::vector<Pod> pods_of(const std::vector<ComponentPlan>& components, PackingMeasure measure) {
  std::vector<Pod> pods;
  for (const auto& c : components) {
    for (int r = 0; r < c.replicas; ++r) {
      Pod pod;
      pod.component = c.name;
      pod.replica_index = r;
      pod.request_cpu_m = c.request_cpu_m;
      pod.request_memory_mib = c.request_memory_mib;
      pod.limit_cpu_m = c.limit_cpu_m;
      pod.limit_memory_mib = c.limit_memory_mib;
      const bool by_limits = measure == PackingMeasure::limits;
      pod.cpu_m = by_limits ? c.limit_cpu_m : c.request_cpu_m;
      pod.memory_mib = by_limits ? c.limit_memory_mib : c.request_memory_mib;
      pods.push_back(std::move(pod));
    }
  }
  return pods;
}

namespace {

// Logs and backups against the policy's targets, each with its fix.
void add_operations_warnings(EnvironmentPlan& plan, const EnvironmentPolicy& policy,
                             const Catalog& catalog) {
  const BackupPlan& b = plan.backups;
  const auto& pg = b.postgres;
  const auto& pg_policy = policy.backups.postgres;
  const Prices* prices = catalog.prices_for(detail::cloud_name(policy.cloud));
  if (policy.datastores.postgres_mode == DatastoreMode::managed && prices != nullptr &&
      pg.retention_days > prices->postgres_backup_retention_max_days.value) {
    const SourcedValue& limit = prices->postgres_backup_retention_max_days;
    plan.warnings.push_back(concat(
        "PostgreSQL: the policy keeps backups for ", Readable{pg.retention_days},
        " days, but the managed service's automated backups and point-in-time recovery reach "
        "back at most ",
        Readable{limit.value}, " days (", limit.source, ", ", limit.as_of,
        "): keep older backups as manual snapshots or exports"));
  }
  if (pg.rpo_minutes > b.rpo_target_minutes) {
    plan.warnings.push_back(
        concat("PostgreSQL RPO ", Readable{pg.rpo_minutes}, " min exceeds the target of ",
               Readable{b.rpo_target_minutes}, " min: ",
               pg_policy.wal_archiving ? "lower archive_timeout"
                                       : "turn on WAL archiving (point-in-time recovery) with "
                                         "archive_timeout at or below the target"));
  }
  if (pg.rto_minutes > b.rto_target_minutes) {
    plan.warnings.push_back(concat("PostgreSQL RTO ", Readable{pg.rto_minutes},
                                   " min (worst case) exceeds the target of ",
                                   Readable{b.rto_target_minutes},
                                   " min: take full backups more often (less WAL to replay), "
                                   "restore from faster storage, or fail over to a standby"));
  }
  const auto& v = b.vector_store;
  if (v.method == VectorRecovery::rebuild && v.recommended == VectorRecovery::snapshot) {
    plan.warnings.push_back(
        concat("Qdrant: the policy rebuilds the collection, but a rebuild takes ",
               Readable{v.rebuild_minutes}, " min, more than the RTO target of ",
               Readable{b.rto_target_minutes},
               " min: take snapshots (policy.backups.vector_store.method "
               "\"snapshot\")"));
  }
  if (!b.helm_values_in_version_control) {
    plan.warnings.push_back(
        "the Helm values file is not under version control: the configuration cannot be "
        "restored or reviewed; keep it (and the planner's overlay) in a repository");
  }
  // An environment that must survive a node loss runs production's risk model.
  if (policy.survive_node_loss) {
    if (policy.logs.level == LogLevel::debug) {
      plan.warnings.push_back(
          concat("DEBUG logs in an environment that must survive a node loss: ",
                 Readable{plan.logs.app_gib_per_day},
                 " GiB/day of application logs, request payloads in the logs; use INFO"));
    }
    if (!policy.backups.object_storage.versioning) {
      plan.warnings.push_back(
          "object versioning is off: an overwritten or deleted upload cannot be recovered; "
          "turn versioning on with a lifecycle rule that expires noncurrent versions");
    }
  }
}

// Whether two doubles are the same bits: a node plan's cost keeps the sign of a zero price.
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof(double)) == 0; }

bool same_pod(const detail::IndexedPod& a, const detail::IndexedPod& b) {
  return a.component == b.component && a.replica_index == b.replica_index &&
         same_bits(a.cpu_m, b.cpu_m) && same_bits(a.memory_mib, b.memory_mib) &&
         same_bits(a.request_cpu_m, b.request_cpu_m) &&
         same_bits(a.request_memory_mib, b.request_memory_mib) &&
         same_bits(a.limit_cpu_m, b.limit_cpu_m) &&
         same_bits(a.limit_memory_mib, b.limit_memory_mib);
}

// The same node types, prices bit for bit.
bool same_node_types(const std::vector<NodeType>& a, const std::vector<NodeType>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!(a[i] == b[i]) || !same_bits(a[i].price_usd_per_hour, b[i].price_usd_per_hour)) {
      return false;
    }
  }
  return true;
}

// Whether size_nodes would see exactly what it saw when reuse was kept: every pod, the
// component names and replica counts, the node types (prices bit for bit) and the policy.
bool same_node_inputs(const detail::NodeSizingReuse& reuse, const detail::PodTable& table,
                      const Catalog& catalog, const EnvironmentPolicy& policy) {
  const bool catalog_kept = reuse.unchanged_catalog == &catalog;
  const bool policy_kept = reuse.unchanged_policy == &policy;
  if (reuse.pods.size() != table.pods.size() || reuse.replicas != table.replicas ||
      reuse.component_names.size() != table.component_names.size() ||
      (!catalog_kept && reuse.node_types.size() != catalog.node_types.size()) ||
      (!policy_kept && !(reuse.policy == policy))) {
    return false;
  }
  for (std::size_t i = 0; i < table.pods.size(); ++i) {
    if (!same_pod(reuse.pods[i], table.pods[i])) return false;
  }
  for (std::size_t i = 0; i < table.component_names.size(); ++i) {
    if (reuse.component_names[i] != table.component_names[i]) return false;
  }
  return catalog_kept || same_node_types(reuse.node_types, catalog.node_types);
}

// Keeps what size_nodes saw. The names, node types and policy rarely change from one
// point of a study to the next: they are copied (with their strings) only when they did.
void keep_node_inputs(detail::NodeSizingReuse& reuse, const detail::PodTable& table,
                      const Catalog& catalog, const EnvironmentPolicy& policy,
                      const NodePlan& nodes) {
  reuse.pods.assign(table.pods.begin(), table.pods.end());
  if (!std::equal(reuse.component_names.begin(), reuse.component_names.end(),
                  table.component_names.begin(), table.component_names.end())) {
    reuse.component_names.assign(table.component_names.begin(), table.component_names.end());
  }
  reuse.replicas = table.replicas;
  if (reuse.unchanged_catalog != &catalog &&
      !same_node_types(reuse.node_types, catalog.node_types)) {
    reuse.node_types = catalog.node_types;
  }
  if (reuse.unchanged_policy != &policy && !(reuse.policy == policy)) reuse.policy = policy;
  reuse.nodes = nodes;
  reuse.valid = true;
}

// A component calibrated from measurements, sized for more than the stated multiple of the
// highest rate measured: its fitted resource model is extrapolated that far.
void add_extrapolation_warning(EnvironmentPlan& plan, const Component& component,
                               const detail::ComponentSizing& sizing) {
  if (!component.measured_load) return;
  const MeasuredLoad& measured = *component.measured_load;
  const double multiple = sizing.design_rate_per_s / measured.max_rate_per_s;
  if (!(multiple > measured.warn_beyond_multiple)) return;
  plan.warnings.push_back(concat(component.name, " is sized for ",
                                 Readable{sizing.design_rate_per_s}, " requests/s per replica, ",
                                 Readable{multiple},
                                 " times the highest rate its resources "
                                 "were measured at (",
                                 Readable{measured.max_rate_per_s},
                                 " requests/s per replica), beyond "
                                 "the stated ",
                                 Readable{measured.warn_beyond_multiple},
                                 "x: the fitted resource model is "
                                 "extrapolated; measure at a higher load"));
}

// Whether a component may run on spot capacity, whose nodes the cloud reclaims at short
// notice: a service scaled out behind its Service, whose requests a reclaimed replica's
// peers take. Not a worker: Celery acknowledges a task when a worker takes it, before it
// runs (task_acks_late is off by default, Celery's configuration reference), so a reclaimed
// worker loses the tasks it runs; not a singleton, a daemon or a datastore in the cluster.
bool tolerates_interruption(const Component& component) {
  return component.kind == ComponentKind::service && component.scales_horizontally &&
         component.in_cluster_for == DatastoreKind::none;
}

// The components of the environment, computed and, in a full plan, explained (with the
// warning of a single replica below the environment's floor).
void size_components(EnvironmentPlan& plan, const Workload& workload, const Scenario& scenario,
                     const Environment& environment, const std::vector<const Component*>& deployed,
                     bool explain) {
  const auto& policy = environment.policy;
  const double ratio = scenario.stack.limit_to_request_ratio;
  plan.components.reserve(deployed.size());
  for (const Component* component : deployed) {
    // Sized in place: the load is moved into the plan, and the plan is not moved into the
    // vector after.
    ComponentPlan& sized = plan.components.emplace_back();
    const detail::ComponentSizing sizing = detail::size_component_into(
        sized, *component, component_load(*component, plan.demand, workload), policy, ratio,
        plan.growth_factor, environment.name);
    sized.on_spot = policy.cost.stateless_on_spot && tolerates_interruption(*component);
    if (!explain) continue;
    detail::explain_component(sized, sizing, *component, policy, ratio, plan.growth_factor,
                              environment.name);
    add_extrapolation_warning(plan, *component, sizing);
    if (!component->scales_horizontally && component->kind != ComponentKind::singleton &&
        policy.min_replicas > 1) {
      plan.warnings.push_back(concat(component->name, " runs as a single replica, below the ",
                                     environment.name, " floor of ", policy.min_replicas,
                                     ": it has no high availability; use a managed service "
                                     "instead"));
    }
  }
}

bool runs_in_cluster(DatastoreKind kind, const DatastorePolicy& ds) {
  switch (kind) {
    case DatastoreKind::none:
      return true;
    case DatastoreKind::postgres:
      return ds.postgres_mode == DatastoreMode::in_cluster;
    case DatastoreKind::redis:
      return ds.redis_mode == DatastoreMode::in_cluster;
    case DatastoreKind::vector_store:
      return ds.vector_store_mode == DatastoreMode::in_cluster;
    case DatastoreKind::object_storage:
      return ds.object_storage_mode == DatastoreMode::in_cluster;
  }
  return true;
}

// The deployed components this environment runs: the in-cluster form of a datastore (MinIO)
// only where the policy runs that datastore in the cluster. Returns deployed itself when it
// keeps every component, else kept, filled.
const std::vector<const Component*>& environment_components(
    const std::vector<const Component*>& deployed, const DatastorePolicy& ds,
    std::vector<const Component*>& kept) {
  const auto runs = [&](const Component* c) { return runs_in_cluster(c->in_cluster_for, ds); };
  if (std::all_of(deployed.begin(), deployed.end(), runs)) return deployed;
  std::copy_if(deployed.begin(), deployed.end(), std::back_inserter(kept), runs);
  return kept;
}

// One pod of a component or an in-cluster datastore into the table, replicas times.
template <class Sized>
void add_pods(detail::PodTable& table, const Sized& c, bool by_limits) {
  detail::IndexedPod pod;
  pod.component = table.component_index(c.name);
  pod.request_cpu_m = c.request_cpu_m;
  pod.request_memory_mib = c.request_memory_mib;
  pod.limit_cpu_m = c.limit_cpu_m;
  pod.limit_memory_mib = c.limit_memory_mib;
  pod.cpu_m = by_limits ? c.limit_cpu_m : c.request_cpu_m;
  pod.memory_mib = by_limits ? c.limit_memory_mib : c.request_memory_mib;
  table.add_replicas(pod, c.replicas);
}

// The pods a node pool holds: every pod (one pool), or those of the on-demand or the spot
// pool (policy.cost.stateless_on_spot: the components marked on_spot on the spot pool).
enum class Pool : std::uint8_t { every, on_demand, spot };

bool in_pool(const ComponentPlan& c, Pool pool) {
  return pool == Pool::every || c.on_spot == (pool == Pool::spot);
}

// The pods of the components and of the datastores run in the cluster that the pool holds
// (the datastores are on demand), packed by policy.pack_by, by component index, into table.
void fill_pod_table(detail::PodTable& table, const std::vector<ComponentPlan>& components,
                    const std::vector<InClusterPod>& datastores, const EnvironmentPolicy& policy,
                    Pool pool = Pool::every) {
  table.clear();
  const bool with_datastores = pool != Pool::spot;
  std::size_t pod_count = 0;
  for (const auto& c : components) {
    if (in_pool(c, pool)) pod_count += static_cast<std::size_t>(std::max(0, c.replicas));
  }
  if (with_datastores) {
    for (const auto& d : datastores) pod_count += static_cast<std::size_t>(std::max(0, d.replicas));
  }
  table.reserve(pod_count, components.size() + datastores.size());
  const bool by_limits = policy.pack_by == PackingMeasure::limits;
  for (const auto& c : components) {
    if (in_pool(c, pool)) add_pods(table, c, by_limits);
  }
  if (with_datastores) {
    for (const auto& d : datastores) add_pods(table, d, by_limits);
  }
  table.finish();
}

// The packing state of node sizing, kept per thread so that its buffers are reused from
// one environment and plan to the next.
struct NodeSizingState {
  detail::PodTable table;
  detail::Packer packer;
  detail::PackMemo memo;
};

// A study point's node plan (numbers only): the last one when every input of size_nodes
// is the same as the last time (a PlanningError then too), else sized and kept in reuse.
NodePlan reuse_or_size_nodes(NodeSizingState& state, const detail::PodTotals& totals,
                             const Scenario& scenario, const Environment& environment,
                             detail::NodeSizingReuse& reuse) {
  const auto& policy = environment.policy;
  if (reuse.valid && reuse.environment_name == environment.name &&
      same_node_inputs(reuse, state.table, scenario.catalog, policy)) {
    if (!reuse.error.empty()) throw PlanningError(reuse.error);
    return reuse.nodes;
  }
  reuse.valid = false;
  state.packer.reset(state.table, policy);
  state.memo.clear();
  detail::NodeSearch search;
  search.best_type_hint = &reuse.best_type_hint;
  detail::NodeChoice choice;
  NodePlan nodes;
  try {
    nodes = detail::size_nodes(state.table, totals, scenario.catalog, policy, environment.name,
                               state.packer, state.memo, search, choice);
  } catch (const PlanningError& e) {
    // No node type holds these pods: the next point with the same inputs fails alike.
    keep_node_inputs(reuse, state.table, scenario.catalog, policy, NodePlan{});
    reuse.environment_name = environment.name;
    reuse.error = e.what();
    throw;
  }
  keep_node_inputs(reuse, state.table, scenario.catalog, policy, nodes);
  reuse.environment_name = environment.name;
  reuse.error.clear();
  return nodes;
}

// The names of the components in the pool and, in the on-demand pool, of the datastores run
// in the cluster: "api, web (5 pods)".
std::string pool_members(const EnvironmentPlan& plan, Pool pool) {
  std::string names;
  int pods = 0;
  const auto add = [&](const std::string& name, int replicas) {
    if (replicas <= 0) return;
    names += names.empty() ? name : ", " + name;
    pods += replicas;
  };
  for (const auto& c : plan.components) {
    if (in_pool(c, pool)) add(c.name, c.replicas);
  }
  if (pool != Pool::spot) {
    for (const auto& d : plan.data.in_cluster_pods) add(d.name, d.replicas);
  }
  return concat(names, " (", pods, pods == 1 ? " pod)" : " pods)");
}

// Whether the environment splits its pods over an on-demand and a spot pool: the policy asks,
// and both pools have pods. With no pod to keep on demand the policy is not followed (a
// cluster wholly on spot has no node the cloud cannot take back at once): every pod stays on
// demand, and why is written to why_one_pool.
bool split_pools(EnvironmentPlan& plan, const EnvironmentPolicy& policy,
                 std::string& why_one_pool) {
  if (!policy.cost.stateless_on_spot) return false;
  bool spot = false;
  bool on_demand = false;
  for (const auto& d : plan.data.in_cluster_pods) on_demand = on_demand || d.replicas > 0;
  for (const auto& c : plan.components) {
    if (c.replicas > 0) (c.on_spot ? spot : on_demand) = true;
  }
  if (spot && on_demand) return true;
  for (auto& c : plan.components) c.on_spot = false;
  why_one_pool =
      spot ? "one on-demand pool for every pod: policy.cost.stateless_on_spot asks for a spot "
             "pool, but every pod is a stateless service, and a cluster wholly on spot can lose "
             "every node at once"
           : "one on-demand pool for every pod: policy.cost.stateless_on_spot asks for a spot "
             "pool, but no component is a stateless service scaled out";
  return false;
}

// The cheapest node type and count for the pods in state.table (a full plan also finds the
// next cheapest type and lists every node's pods); what bound them is written to choice.
NodePlan size_table(NodeSizingState& state, const detail::PodTotals& totals,
                    const Scenario& scenario, const EnvironmentPolicy& policy,
                    const std::string& name, bool explain, detail::NodeChoice& choice) {
  state.packer.reset(state.table, policy);
  state.memo.clear();
  detail::NodeSearch search;
  search.runner_up = explain;
  search.usage_rows = explain;
  return detail::size_nodes(state.table, totals, scenario.catalog, policy, name, state.packer,
                            state.memo, search, choice);
}

// One pool's pods sized onto the cheapest node type of its own and, in a full plan, explained.
// The on-demand pool leaves the policy's share floor (max_capacity_share_per_node) to the spot
// pool, which holds most of the capacity and is sized with it; split_when_cheaper checks that
// no node of either pool then holds more than that share of the cluster.
NodePlan size_pool(const EnvironmentPlan& plan, Pool pool, NodeSizingState& state,
                   const Scenario& scenario, const Environment& environment, bool explain) {
  EnvironmentPolicy policy = environment.policy;
  if (pool == Pool::on_demand) policy.max_capacity_share_per_node = 1.0;
  fill_pod_table(state.table, plan.components, plan.data.in_cluster_pods, policy, pool);
  const detail::PodTotals totals = detail::totals_of(state.table, policy);
  detail::NodeChoice choice;
  NodePlan nodes =
      size_table(state, totals, scenario, policy,
                 environment.name + (pool == Pool::spot ? "'s spot pool" : "'s on-demand pool"),
                 explain, choice);
  if (explain) detail::explain_nodes(nodes, choice, state.table, totals, policy);
  return nodes;
}

// The largest share of the cluster's pod room (CPU or memory) one node of the two pools holds.
double largest_node_share(const NodePlan& a, const NodePlan& b) {
  double share = 0.0;
  for (double NodeAllocatable::*room :
       {&NodeAllocatable::pod_cpu_m, &NodeAllocatable::pod_memory_mib}) {
    const double total = a.count * a.allocatable.*room + b.count * b.allocatable.*room;
    if (total <= 0.0) continue;
    share = std::max({share, a.allocatable.*room / total, b.allocatable.*room / total});
  }
  return share;
}

// The stateless services on a spot pool beside an on-demand pool for the rest, where that
// costs less than one on-demand pool for every pod (each pool keeps its own spare and spread,
// so a small environment may pay more for two pools) and leaves no node more than the policy's
// share of the cluster. plan.nodes is the one pool, sized; it is kept, with why as its pool
// reason, when the split does not hold.
void split_when_cheaper(EnvironmentPlan& plan, NodeSizingState& state, const Scenario& scenario,
                        const Environment& environment, bool explain) {
  const auto& policy = environment.policy;
  NodePlan on_demand = size_pool(plan, Pool::on_demand, state, scenario, environment, explain);
  NodePlan spot = size_pool(plan, Pool::spot, state, scenario, environment, explain);
  const NodePlan none;
  const double one_pool_usd =
      detail::node_lines_usd_month({plan.nodes, none}, policy, scenario.catalog);
  const double two_pools_usd =
      detail::node_lines_usd_month({on_demand, spot}, policy, scenario.catalog);
  const Prices* prices = scenario.catalog.prices_for(detail::cloud_name(policy.cloud));
  const double share = largest_node_share(on_demand, spot);
  const bool share_held = share <= policy.max_capacity_share_per_node;
  // The comparison, written before the pools are moved into the plan.
  const std::string comparison = [&] {
    if (!explain) return std::string();
    const char* paid = policy.cost.pricing == PricingModel::on_demand ? "on demand" : "committed";
    return concat(on_demand.count, " x ", on_demand.node_type.name, " ", paid, " and ", spot.count,
                  " x ", spot.node_type.name, " on spot at ",
                  Readable{prices != nullptr ? prices->spot_discount_percent.value : 0.0},
                  "% off cost $", Readable{two_pools_usd},
                  "/month with their boot volumes, against $", Readable{one_pool_usd}, " for ",
                  plan.nodes.count, " x ", plan.nodes.node_type.name, " ", paid);
  }();
  const char* spares = policy.survive_node_loss ? " (each pool keeps its own N+1 spare and spread)"
                                                : " (each pool is packed on its own)";
  if (two_pools_usd >= one_pool_usd || !share_held) {
    for (auto& c : plan.components) c.on_spot = false;
    if (!explain) return;
    plan.nodes.pool_reason =
        share_held
            ? concat(
                  "one on-demand pool for every pod: policy.cost.stateless_on_spot asks for a "
                  "spot pool, but ",
                  comparison, spares)
            : concat(
                  "one on-demand pool for every pod: policy.cost.stateless_on_spot asks for a "
                  "spot pool, but with ",
                  on_demand.count, " x ", on_demand.node_type.name, " on demand and ", spot.count,
                  " x ", spot.node_type.name, " on spot one node would hold ",
                  Fixed{share * 100.0, 1},
                  "% of the cluster, above policy.max_capacity_share_per_node (",
                  Fixed{policy.max_capacity_share_per_node * 100.0, 1}, "%)");
    return;
  }
  plan.nodes = std::move(on_demand);
  plan.spot_nodes = std::move(spot);
  if (!explain) return;
  plan.spot_nodes.pool_reason = concat(
      "the stateless services ", pool_members(plan, Pool::spot),
      " on spot capacity (policy.cost.stateless_on_spot): the cloud may reclaim a spot node at "
      "short notice, and each Service sends its requests to the replicas left while the "
      "reclaimed ones start again",
      policy.survive_node_loss
          ? "; the pool keeps N+1, so a reclaimed node's pods fit on the others"
          : "",
      "; ", comparison);
  plan.nodes.pool_reason = concat(
      "the pods that must not be interrupted, on demand: ", pool_members(plan, Pool::on_demand),
      "; a reclaimed worker loses the Celery tasks it runs, a singleton or daemon has no peer to "
      "take over, and a datastore keeps state",
      policy.max_capacity_share_per_node < 1.0
          ? concat("; the spot pool is sized with the share floor "
                   "(policy.max_capacity_share_per_node), and no node of either pool holds more "
                   "than ",
                   Fixed{share * 100.0, 1}, "% of the cluster")
          : std::string());
  for (const auto& c : plan.components) {
    if (!c.on_spot || c.replicas > 1) continue;
    plan.warnings.push_back(concat(c.name, " runs ", c.replicas,
                                   " replica on the spot pool: a reclaimed node takes it down "
                                   "until it starts again elsewhere; raise policy.min_replicas "
                                   "to 2 or keep policy.cost.stateless_on_spot off"));
  }
}

// The node plan and, in a full plan, its reasons, per-node rows and the tier (explained once
// the pools are known).
void size_environment_nodes(EnvironmentPlan& plan, const Scenario& scenario,
                            const Environment& environment, bool explain,
                            detail::NodeSizingReuse* reuse) {
  thread_local NodeSizingState state;
  const auto& policy = environment.policy;
  fill_pod_table(state.table, plan.components, plan.data.in_cluster_pods, policy);
  std::string why_one_pool;
  const bool split = split_pools(plan, policy, why_one_pool);
  const detail::PodTotals totals = detail::totals_of(state.table, policy);
  if (!explain && reuse != nullptr) {
    plan.nodes = reuse_or_size_nodes(state, totals, scenario, environment, *reuse);
    if (split) split_when_cheaper(plan, state, scenario, environment, explain);
    return;
  }
  detail::NodeChoice choice;
  plan.nodes = size_table(state, totals, scenario, policy, environment.name, explain, choice);
  detail::TierChoice tier;
  if (explain) {
    detail::explain_nodes(plan.nodes, choice, state.table, totals, policy);
    plan.nodes.pool_reason = why_one_pool;
    plan.tier =
        detail::recommend_tier(totals, scenario.tiers, policy, state.packer, state.memo, tier);
  }
  if (split) split_when_cheaper(plan, state, scenario, environment, explain);
  if (explain) detail::explain_tier(plan.tier, tier, totals, policy, plan.nodes, plan.spot_nodes);
}

// Most nodes of one type searched for at the horizon: beyond, the plan says so.
constexpr int kMostNodesAtHorizon = 10000;

// The autoscaled replicas of a pool at a growth of the load, packed onto nodes of the pool's
// planned type. A count holds them when they fit and, under the policy's N+1, survive a
// node's loss, as node sizing asks of the planned count.
class HorizonPacking {
 public:
  HorizonPacking(const EnvironmentPlan& plan, const std::vector<const Component*>& components,
                 const Environment& environment, const NodePlan& nodes, Pool pool)
      : plan_(plan),
        components_(components),
        environment_(environment),
        nodes_(nodes),
        pool_(pool) {
    // The numbers packing reads, without the texts: copied once, grown in place.
    grown_.reserve(plan.components.size());
    for (const ComponentPlan& c : plan.components) {
      ComponentPlan& copy = grown_.emplace_back();
      copy.name = c.name;
      copy.load = c.load;
      copy.autoscaled = c.autoscaled;
      copy.on_spot = c.on_spot;
      copy.replicas = c.replicas;
      copy.request_cpu_m = c.request_cpu_m;
      copy.request_memory_mib = c.request_memory_mib;
      copy.limit_cpu_m = c.limit_cpu_m;
      copy.limit_memory_mib = c.limit_memory_mib;
    }
  }
  // The packer points into table_: a copy would point into the original's.
  HorizonPacking(const HorizonPacking&) = delete;
  HorizonPacking& operator=(const HorizonPacking&) = delete;
  HorizonPacking(HorizonPacking&&) = delete;
  HorizonPacking& operator=(HorizonPacking&&) = delete;
  ~HorizonPacking() = default;

  void grow_to(double growth_factor) {
    for (std::size_t i = 0; i < grown_.size() && i < components_.size(); ++i) {
      grown_[i].replicas = plan_.components[i].replicas;
      grown_[i].replicas = detail::replicas_at_growth(
          grown_[i], *components_[i], environment_.policy, growth_factor, environment_.name);
    }
    fill_pod_table(table_, grown_, plan_.data.in_cluster_pods, environment_.policy, pool_);
    packer_.reset(table_, environment_.policy);
    packer_.set_node(nodes_.allocatable);
  }

  bool holds(int count) {
    return packer_.pack(count) &&
           (!environment_.policy.survive_node_loss || packer_.survives_node_loss());
  }

  // The fewest nodes that hold the grown pods, from at_least up (0: more than
  // kMostNodesAtHorizon): doubling, halving back, then down while one fewer still holds
  // (spreading replicas over more nodes can make a larger count fail).
  int fewest_nodes(int at_least) {
    int low = std::max(1, at_least);
    if (holds(low)) return low;
    int high = low;
    while (!holds(high)) {
      if (high >= kMostNodesAtHorizon) return 0;
      low = high;
      high = std::min(kMostNodesAtHorizon, high * 2);
    }
    while (high - low > 1) {
      const int middle = low + (high - low) / 2;
      (holds(middle) ? high : low) = middle;
    }
    while (high > at_least + 1 && holds(high - 1)) --high;
    return high;
  }

 private:
  const EnvironmentPlan& plan_;
  const std::vector<const Component*>& components_;
  const Environment& environment_;
  const NodePlan& nodes_;
  Pool pool_;
  std::vector<ComponentPlan> grown_;
  detail::PodTable table_;
  detail::Packer packer_;
};

// The pools an environment's pods are on, with the node plan of each.
std::vector<std::pair<Pool, NodePlan*>> pools_of(EnvironmentPlan& plan) {
  if (plan.spot_nodes.count == 0) return {{Pool::every, &plan.nodes}};
  return {{Pool::on_demand, &plan.nodes}, {Pool::spot, &plan.spot_nodes}};
}

// Node capacity of a pool at the horizon: the nodes of its planned type the autoscaling
// maxima need then (the load grown by the plan's growth factor), and the first whole month
// in which the planned count no longer holds the autoscaled replicas (nodes needed grow with
// the month, so the month is found by halving).
void size_pool_at_horizon(EnvironmentPlan& plan, NodePlan& nodes, Pool pool,
                          const Workload& workload, const std::vector<const Component*>& components,
                          const Environment& environment) {
  nodes.count_at_horizon = nodes.count;
  nodes.runs_out_month = 0;
  const bool grows =
      std::any_of(plan.components.begin(), plan.components.end(), [&](const ComponentPlan& c) {
        return in_pool(c, pool) && c.autoscaled && c.hpa_max_replicas > c.replicas;
      });
  const double horizon_months = workload.growth.planning_horizon_months;
  if (!grows || nodes.count == 0 || horizon_months <= 0.0) return;
  HorizonPacking packing(plan, components, environment, nodes, pool);
  packing.grow_to(plan.growth_factor);
  if (packing.holds(nodes.count)) return;
  nodes.count_at_horizon = packing.fewest_nodes(nodes.count + 1);
  // Month m's load: (1 + growth)^(m/12), the horizon's at the last (partial) month.
  const auto factor_at = [&](int month) {
    return std::pow(1.0 + workload.growth.annual_growth_fraction,
                    std::min(static_cast<double>(month), horizon_months) / units::kMonthsPerYear);
  };
  int held = 0;  // the last month the planned nodes hold (month 0: today's replicas)
  int fails = static_cast<int>(std::ceil(horizon_months));
  while (fails - held > 1) {
    const int month = held + (fails - held) / 2;
    packing.grow_to(factor_at(month));
    (packing.holds(nodes.count) ? held : fails) = month;
  }
  nodes.runs_out_month = fails;
}

void size_nodes_at_horizon(EnvironmentPlan& plan, const Workload& workload,
                           const std::vector<const Component*>& components,
                           const Environment& environment) {
  for (const auto& [pool, nodes] : pools_of(plan)) {
    size_pool_at_horizon(plan, *nodes, pool, workload, components, environment);
  }
}

// What the horizon's load asks of the nodes, in the node plan and, when the planned count
// runs out before the horizon, as a warning with what to do by when.
void explain_pool_at_horizon(EnvironmentPlan& plan, NodePlan& nodes, Pool pool,
                             const Workload& workload) {
  // Whole months print whole ("month 12"), part of a month with its tenth ("month 12.5").
  const double months = workload.growth.planning_horizon_months;
  const Fixed horizon{months, months == std::floor(months) ? 0 : 1};
  const std::string& type = nodes.node_type.name;
  if (nodes.runs_out_month == 0) {
    const bool autoscaled =
        std::any_of(plan.components.begin(), plan.components.end(),
                    [&](const ComponentPlan& c) { return in_pool(c, pool) && c.autoscaled; });
    nodes.horizon_reason =
        !autoscaled || plan.growth_factor <= 1.0
            ? concat("the ", nodes.count, " nodes hold today's replicas to month ", horizon,
                     ": no autoscaled component grows over the horizon (load x",
                     Readable{plan.growth_factor}, ")")
            : concat("the ", nodes.count,
                     " nodes hold every component at its autoscaling maximum at month ", horizon,
                     " (the load grown ", Readable{plan.growth_factor}, "x)");
    return;
  }
  const std::string at_horizon =
      nodes.count_at_horizon == 0
          ? concat("more than ", kMostNodesAtHorizon, " nodes of ", type)
          : concat(nodes.count_at_horizon, " nodes of ", type, ", $",
                   Readable{nodes.cost_usd_month / nodes.count * nodes.count_at_horizon},
                   "/month on demand");
  const std::string until =
      nodes.runs_out_month == 1
          ? std::string(
                " nodes are sized for today's load: the autoscaled replicas outgrow "
                "them from month 1")
          : concat(" nodes hold the autoscaled replicas until month ", nodes.runs_out_month - 1);
  nodes.horizon_reason =
      concat("the ", nodes.count, until, "; at month ", horizon, " (the load grown ",
             Readable{plan.growth_factor}, "x) the autoscaling maxima need ", at_horizon,
             plan.data.in_cluster_pods.empty() || pool == Pool::spot
                 ? ""
                 : ", beside the in-cluster datastores",
             nodes.count > nodes.steady_state_count ? " (with the N+1 spare)" : "");
  plan.warnings.push_back(concat(
      pool == Pool::spot        ? "spot nodes: the "
      : pool == Pool::on_demand ? "on-demand nodes: the "
                                : "nodes: the ",
      nodes.count, " planned nodes run out in month ", nodes.runs_out_month, " of ", horizon,
      " as the load grows: let the cluster autoscaler grow the pool to ", at_horizon,
      " as its maximum size, or add nodes of ", type, " before month ", nodes.runs_out_month));
}

void explain_nodes_at_horizon(EnvironmentPlan& plan, const Workload& workload) {
  for (const auto& [pool, nodes] : pools_of(plan)) {
    explain_pool_at_horizon(plan, *nodes, pool, workload);
  }
}

// Plans the environment into plan, a default-constructed EnvironmentPlan (the element of
// the plan's environments, so that it is not moved after): every number, then, when the
// level is full, what explains them (reasons, per-node rows, the tier and the warnings).
void plan_environment_into(EnvironmentPlan& plan, const Scenario& scenario,
                           const Environment& environment,
                           const std::vector<const Component*>& all_deployed,
                           detail::PlanDetail level, detail::NodeSizingReuse* reuse) {
  const bool full = level == detail::PlanDetail::full;
  plan.name = environment.name;
  // The environment's own workload as it is, or the share of the scenario's.
  std::optional<Workload> shared;
  const Workload& workload = environment.workload
                                 ? *environment.workload
                                 : shared.emplace(scenario.workload_of(environment));
  const auto& policy = environment.policy;
  plan.daily_active_users = workload.daily_active_users;
  plan.growth_factor = std::pow(1.0 + workload.growth.annual_growth_fraction,
                                workload.growth.planning_horizon_months / units::kMonthsPerYear);
  plan.demand = peak_demand(workload);
  std::vector<const Component*> kept;
  const std::vector<const Component*>& components =
      environment_components(all_deployed, policy.datastores, kept);
  size_components(plan, workload, scenario, environment, components, full);
  // The data plane first: the datastores the policy runs in the cluster are pods to pack.
  plan.data = detail::plan_data(workload, plan.demand, plan.components, scenario.stack, policy,
                                scenario.catalog, environment.name);
  size_environment_nodes(plan, scenario, environment, full, reuse);
  // Like the tier, what the horizon asks is for a full plan: a study point reads neither.
  if (full) size_nodes_at_horizon(plan, workload, components, environment);
  plan.totals =
      detail::totals_of(plan.components, plan.data.in_cluster_pods, plan.nodes, plan.spot_nodes);
  if (full) {
    detail::explain_data(plan.data, workload, plan.demand, plan.components, scenario.stack, policy);
    plan.warnings.insert(plan.warnings.end(), plan.data.warnings.begin(), plan.data.warnings.end());
  }
  const auto& ds = policy.datastores;
  plan.logs =
      detail::plan_logs(workload, components, plan.components, plan.growth_factor, policy.logs);
  plan.backups =
      detail::plan_backups(plan.data, scenario.stack.datastores.database, policy.backups);
  double user_requests_per_day = 0.0;
  for (const auto& request : workload.requests) {
    user_requests_per_day += request.per_user_per_day * workload.daily_active_users;
  }
  const detail::NodePools pools{plan.nodes, plan.spot_nodes};
  plan.cost = detail::plan_cost(pools, plan.data, plan.logs, plan.backups, policy, scenario.catalog,
                                user_requests_per_day);
  if (!full) return;
  detail::explain_logs(plan.logs, plan.growth_factor, policy.logs);
  detail::explain_backups(plan.backups, scenario.stack.datastores.database, policy.backups,
                          ds.postgres_standby, ds.postgres_synchronous);
  detail::explain_cost(plan.cost, pools, plan.data, policy, scenario.catalog);
  explain_nodes_at_horizon(plan, workload);
  add_operations_warnings(plan, policy, scenario.catalog);
  if (policy.survive_node_loss && !plan.tier.custom && !plan.tier.survives_node_loss) {
    plan.warnings.push_back(concat("tier ", plan.tier.tier,
                                   " holds the pods but does not survive the loss of a node; "
                                   "plan for ",
                                   plan.nodes.count + plan.spot_nodes.count, " nodes",
                                   plan.spot_nodes.count > 0 ? " over both pools" : ""));
  }
}

}  // namespace

EnvironmentPlan plan_environment(const Scenario& scenario, const Environment& environment) {
  // Every way in is validated: the scenario, and an environment given beside it.
  std::vector<FieldIssue> issues = scenario_issues(scenario);
  const auto& all = scenario.environments;
  const bool in_scenario =
      !all.empty() && &environment >= all.data() && &environment < all.data() + all.size();
  if (!in_scenario) {
    std::vector<FieldIssue> own = environment_issues(environment, scenario, "environment");
    issues.insert(issues.end(), own.begin(), own.end());
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  const detail::ReadableScope numbers;
  EnvironmentPlan plan;
  plan_environment_into(plan, scenario, environment, scenario.stack.deployed_components(),
                        detail::PlanDetail::full, nullptr);
  return plan;
}

EnvironmentPlan detail::plan_environment(const Scenario& scenario, const Environment& environment,
                                         PlanDetail level, NodeSizingReuse* reuse) {
  const detail::ReadableScope numbers;
  EnvironmentPlan plan;
  plan_environment_into(plan, scenario, environment, scenario.stack.deployed_components(), level,
                        reuse);
  return plan;
}

namespace {

// The named environments of the scenario in its order, or all of them when none is named.
Plan plan_chosen(const Scenario& scenario, const std::vector<std::string>* chosen) {
  validate(scenario);  // every way in: JSON, code, Python attributes (tierplan/validation.hpp)
  if (chosen != nullptr) {
    if (chosen->empty()) {
      throw std::invalid_argument("no environment named: give at least one, or plan them all");
    }
    std::vector<std::string> known;
    for (const auto& environment : scenario.environments) known.push_back(environment.name);
    for (const auto& name : *chosen) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        throw std::invalid_argument(unknown_environment_message(name, known));
      }
    }
  }
  const detail::ReadableScope numbers;
  Plan result;
  result.scenario = scenario.name;
  result.environments.reserve(chosen != nullptr ? chosen->size() : scenario.environments.size());
  const std::vector<const Component*> deployed = scenario.stack.deployed_components();
  for (const auto& environment : scenario.environments) {
    if (chosen != nullptr &&
        std::find(chosen->begin(), chosen->end(), environment.name) == chosen->end()) {
      continue;
    }
    plan_environment_into(result.environments.emplace_back(), scenario, environment, deployed,
                          detail::PlanDetail::full, nullptr);
  }
  return result;
}

}  // namespace

Plan plan(const Scenario& scenario) { return plan_chosen(scenario, nullptr); }

Plan plan(const Scenario& scenario, const std::vector<std::string>& environment_names) {
  return plan_chosen(scenario, &environment_names);
}

// The nearest name: one that starts with or contains the given name (prod -> production),
// else the fewest edits, within half the name's length.
std::string unknown_environment_message(std::string_view name,
                                        const std::vector<std::string>& known) {
  std::string nearest;
  std::size_t best = std::max<std::size_t>(2, name.size() / 2) + 1;
  for (const auto& candidate : known) {
    if (!name.empty() && candidate.find(name) != std::string::npos) {
      nearest = candidate;
      break;
    }
    const std::size_t distance = detail::edit_distance(name, candidate);
    if (distance < best) {
      best = distance;
      nearest = candidate;
    }
  }
  std::string message = concat("no environment \"", name, "\"; the environments are: ");
  for (std::size_t i = 0; i < known.size(); ++i) message += (i > 0 ? ", " : "") + known[i];
  if (!nearest.empty()) message += concat("; did you mean \"", nearest, "\"?");
  return message;
}

}  // namespace tierplan
