#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "format.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/plan.hpp"

namespace tierplan {

namespace {

using detail::fixed;
using detail::readable;

constexpr double kMonthsPerYear = 12.0;

std::string cores(double cpu_m) { return readable(cpu_m / 1000.0) + " cores"; }
std::string gib(double memory_mib) { return readable(memory_mib / 1024.0) + " GiB"; }
std::string usd(double amount) { return "$" + fixed(amount, amount < 10.0 ? 3 : 0); }
std::string measure_name(PackingMeasure measure) {
  return measure == PackingMeasure::limits ? "limits" : "requests";
}

struct Candidate {
  const NodeType* type = nullptr;
  NodeAllocatable allocatable;
  std::string excluded_because;  // empty when feasible
  int steady_state_count = 0;
  int count = 0;
  bool survives = false;
  Packing packing;
  double cost_usd_month = 0.0;
  std::string count_reason;
};

// The resource that sets the steady-state node count.
std::string binding_resource(const std::vector<Pod>& pods, const NodeAllocatable& node,
                             const EnvironmentPolicy& policy, int count) {
  double cpu = 0.0;
  double memory = 0.0;
  for (const auto& pod : pods) {
    cpu += pod.cpu_m;
    memory += pod.memory_mib;
  }
  const double usable_cpu = count * node.pod_cpu_m * policy.node_fill_ceiling;
  const double usable_memory = count * node.pod_memory_mib * policy.node_fill_ceiling;
  const double pod_share = static_cast<double>(pods.size()) / (count * node.pod_slots);
  const double cpu_share = cpu / usable_cpu;
  const double memory_share = memory / usable_memory;
  if (pod_share >= cpu_share && pod_share >= memory_share) {
    return "pod slots bind: " + std::to_string(pods.size()) + " of " +
           std::to_string(count * node.pod_slots);
  }
  if (cpu_share >= memory_share) {
    return "CPU binds: " + cores(cpu) + " of " + cores(usable_cpu) + " usable";
  }
  return "memory binds: " + gib(memory) + " of " + gib(usable_memory) + " usable";
}

Candidate evaluate(const NodeType& type, const std::vector<Pod>& pods,
                   const EnvironmentPolicy& policy) {
  Candidate c;
  c.type = &type;
  c.allocatable = node_allocatable(type, policy);
  const auto& a = c.allocatable;
  const double usable_cpu = a.pod_cpu_m * policy.node_fill_ceiling;
  const double usable_memory = a.pod_memory_mib * policy.node_fill_ceiling;
  const double largest_cpu = std::min(usable_cpu, a.pod_cpu_m * policy.max_pod_fraction_of_node);
  const double largest_memory =
      std::min(usable_memory, a.pod_memory_mib * policy.max_pod_fraction_of_node);
  if (a.pod_slots < 1) {
    c.excluded_because = "no pod slots left after DaemonSets";
    return c;
  }
  double total_cpu = 0.0;
  double total_memory = 0.0;
  int most_replicas = 0;
  std::map<std::string, int> replicas;
  for (const auto& pod : pods) {
    if (c.excluded_because.empty() && pod.cpu_m > largest_cpu) {
      c.excluded_because = pod.component + " pod needs " + readable(pod.cpu_m) +
                           " m CPU, more than the " + readable(largest_cpu) +
                           " m one pod may take on this node";
    }
    if (c.excluded_because.empty() && pod.memory_mib > largest_memory) {
      c.excluded_because = pod.component + " pod needs " + readable(pod.memory_mib) +
                           " MiB, more than the " + readable(largest_memory) +
                           " MiB one pod may take on this node";
    }
    total_cpu += pod.cpu_m;
    total_memory += pod.memory_mib;
    most_replicas = std::max(most_replicas, ++replicas[pod.component]);
  }
  if (!c.excluded_because.empty()) return c;

  const int pod_count = static_cast<int>(pods.size());
  const int resource_lower =
      std::max({1, static_cast<int>(std::ceil(total_cpu / usable_cpu - 1e-9)),
                static_cast<int>(std::ceil(total_memory / usable_memory - 1e-9)),
                (pod_count + a.pod_slots - 1) / a.pod_slots});
  int lower = resource_lower;
  int spread_floor = 0;
  if (policy.spread == SpreadPolicy::nodes) {
    spread_floor = std::min(policy.min_replicas, most_replicas);
    lower = std::max(lower, spread_floor);
  }
  const int share_floor =
      static_cast<int>(std::ceil(1.0 / policy.max_capacity_share_per_node - 1e-9));
  lower = std::max(lower, share_floor);
  // Each node can hold at least one pod, so pod_count + 2 nodes always suffice, with
  // one left empty for a node loss.
  for (int n = lower; n <= lower + pod_count + 2; ++n) {
    Packing packing = pack_pods(pods, a, n, policy);
    if (!packing.fits) continue;
    if (c.steady_state_count == 0) c.steady_state_count = n;
    const bool survives = survives_any_node_loss(pods, packing, a, policy);
    if (policy.survive_node_loss && !survives) continue;
    c.count = n;
    c.survives = survives;
    c.packing = std::move(packing);
    break;
  }
  if (c.count == 0) {
    c.excluded_because = "no packing found";
    return c;
  }
  c.cost_usd_month = c.count * type.price_usd_per_hour * kHoursPerMonth;
  std::string steady = std::to_string(c.steady_state_count) +
                       (c.steady_state_count == 1 ? " node holds" : " nodes hold") +
                       " every pod by " + measure_name(policy.pack_by) + " (" +
                       binding_resource(pods, a, policy, c.steady_state_count);
  if (share_floor > std::max(resource_lower, spread_floor) && c.steady_state_count == share_floor) {
    steady += "; at least " + std::to_string(share_floor) + " nodes so that one holds at most " +
              readable(policy.max_capacity_share_per_node * 100.0) + "% of the capacity";
  } else if (spread_floor > resource_lower && c.steady_state_count == spread_floor) {
    steady += "; spreading " + std::to_string(spread_floor) + " replicas over distinct nodes";
  } else if (c.steady_state_count > std::max(resource_lower, spread_floor)) {
    steady += "; the totals would fit " + std::to_string(resource_lower) +
              " but the pods do not pack into fewer nodes";
  }
  steady += ")";
  c.count_reason = std::to_string(c.count) + (c.count == 1 ? " node: " : " nodes: ") + steady;
  if (c.count > c.steady_state_count) {
    c.count_reason += "; " + std::to_string(c.count - c.steady_state_count) +
                      " more so that the loss of any one node leaves room for its pods";
  } else if (policy.survive_node_loss) {
    c.count_reason += "; they also survive the loss of any one node";
  }
  return c;
}

bool cheaper(const Candidate& a, const Candidate& b) {
  if (a.cost_usd_month != b.cost_usd_month) return a.cost_usd_month < b.cost_usd_month;
  if (a.count != b.count) return a.count < b.count;
  return a.type->name < b.type->name;
}

NodePlan size_nodes(const std::vector<Pod>& pods, const Catalog& catalog,
                    const EnvironmentPolicy& policy, const std::string& environment_name) {
  std::vector<Candidate> feasible;
  std::vector<Candidate> excluded;
  for (const auto& type : catalog.node_types) {
    if (!policy.node_type.empty() && type.name != policy.node_type) continue;
    Candidate c = evaluate(type, pods, policy);
    (c.excluded_because.empty() ? feasible : excluded).push_back(std::move(c));
  }
  if (feasible.empty()) {
    std::string why;
    for (const auto& c : excluded) {
      why += "; " + c.type->name + ": " + c.excluded_because;
    }
    throw PlanningError(environment_name + ": no node type can hold the pods" + why);
  }
  std::sort(feasible.begin(), feasible.end(), cheaper);
  Candidate& best = feasible.front();

  NodePlan plan;
  plan.node_type = *best.type;
  plan.allocatable = best.allocatable;
  plan.packed_by = policy.pack_by;
  plan.count = best.count;
  plan.steady_state_count = best.steady_state_count;
  plan.survives_node_loss = best.survives;
  plan.count_reason = best.count_reason;
  plan.nodes = std::move(best.packing.nodes);
  plan.cost_usd_month = best.cost_usd_month;
  plan.cost_reason = std::to_string(best.count) + " x " + usd(best.type->price_usd_per_hour) +
                     "/h x " + readable(kHoursPerMonth) + " h/month (" + best.type->source + ", " +
                     best.type->as_of + ")";
  if (!policy.node_type.empty()) {
    plan.type_reason = best.type->name + ": fixed by the environment policy";
  } else {
    plan.type_reason = best.type->name + " (" + std::to_string(best.type->vcpu) + " vCPU / " +
                       readable(best.type->memory_gib) + " GiB): cheapest of " +
                       std::to_string(feasible.size()) + " feasible types at " +
                       usd(best.cost_usd_month) + "/month";
    if (feasible.size() > 1) {
      const auto& next = feasible[1];
      plan.type_reason += "; next " + next.type->name + " x " + std::to_string(next.count) +
                          " at " + usd(next.cost_usd_month) + "/month";
    }
    if (!excluded.empty()) {
      plan.type_reason += "; " + std::to_string(excluded.size()) + " excluded (" +
                          excluded.front().type->name + ": " + excluded.front().excluded_because +
                          ")";
    }
  }
  return plan;
}

TierRecommendation recommend_tier(const std::vector<Pod>& pods,
                                  const std::vector<TierPreset>& tiers,
                                  const EnvironmentPolicy& policy, const NodePlan& nodes) {
  TierRecommendation recommendation;
  std::vector<const TierPreset*> by_size;
  for (const auto& tier : tiers) by_size.push_back(&tier);
  std::sort(by_size.begin(), by_size.end(), [](const TierPreset* a, const TierPreset* b) {
    const double a_cpu = a->node_vcpu * a->node_count;
    const double b_cpu = b->node_vcpu * b->node_count;
    if (a_cpu != b_cpu) return a_cpu < b_cpu;
    const double a_memory = a->node_memory_gib * a->node_count;
    const double b_memory = b->node_memory_gib * b->node_count;
    if (a_memory != b_memory) return a_memory < b_memory;
    return a->name < b->name;
  });
  double total_cpu = 0.0;
  double total_memory = 0.0;
  for (const auto& pod : pods) {
    total_cpu += pod.cpu_m;
    total_memory += pod.memory_mib;
  }
  const std::string measure = measure_name(policy.pack_by);
  for (const TierPreset* tier : by_size) {
    NodeType node;
    node.name = tier->name;
    node.vcpu = tier->node_vcpu;
    node.memory_gib = tier->node_memory_gib;
    const NodeAllocatable allocatable = node_allocatable(node, policy);
    const Packing packing = pack_pods(pods, allocatable, tier->node_count, policy);
    if (!packing.fits) continue;
    recommendation.tier = tier->name;
    recommendation.survives_node_loss = survives_any_node_loss(pods, packing, allocatable, policy);
    recommendation.reason = "smallest preset whose " + std::to_string(tier->node_count) + " x " +
                            std::to_string(tier->node_vcpu) + " vCPU / " +
                            readable(tier->node_memory_gib) + " GiB nodes hold every pod by " +
                            measure + " (" + cores(total_cpu) + ", " + gib(total_memory) + ")";
    if (policy.survive_node_loss && !recommendation.survives_node_loss) {
      recommendation.reason += "; it does not survive the loss of a node under this policy, " +
                               std::string("the plan's ") + std::to_string(nodes.count) + " x " +
                               nodes.node_type.name + " does";
    }
    return recommendation;
  }
  recommendation.tier = "custom";
  recommendation.custom = true;
  if (by_size.empty()) {
    recommendation.exceeded_resource = "none";
    recommendation.reason = "no tier presets in the scenario; use the planned nodes";
    return recommendation;
  }
  const TierPreset& largest = *by_size.back();
  NodeType node;
  node.vcpu = largest.node_vcpu;
  node.memory_gib = largest.node_memory_gib;
  const NodeAllocatable allocatable = node_allocatable(node, policy);
  const double preset_cpu = largest.node_count * allocatable.pod_cpu_m * policy.node_fill_ceiling;
  const double preset_memory =
      largest.node_count * allocatable.pod_memory_mib * policy.node_fill_ceiling;
  std::string exceeded;
  if (total_cpu / preset_cpu >= total_memory / preset_memory && total_cpu > preset_cpu) {
    recommendation.exceeded_resource = "cpu";
    exceeded = "CPU " + cores(total_cpu) + " > " + cores(preset_cpu);
  } else if (total_memory > preset_memory) {
    recommendation.exceeded_resource = "memory";
    exceeded = "memory " + gib(total_memory) + " > " + gib(preset_memory);
  } else {
    // The totals fit, but the pods do not: name the fuller resource.
    const bool cpu_fuller = total_cpu / preset_cpu >= total_memory / preset_memory;
    recommendation.exceeded_resource = cpu_fuller ? "cpu" : "memory";
    exceeded = (cpu_fuller ? "CPU: " + cores(total_cpu) + " of " + cores(preset_cpu)
                           : "memory: " + gib(total_memory) + " of " + gib(preset_memory)) +
               " usable, but the pods do not pack onto its nodes";
  }
  recommendation.reason = "exceeds every preset; the largest, " + largest.name +
                          ", falls short on " + exceeded + " (by " + measure +
                          "); custom plan: " + std::to_string(nodes.count) + " x " +
                          nodes.node_type.name;
  return recommendation;
}

ResourceTotals totals_of(const std::vector<ComponentPlan>& components, const NodePlan& nodes) {
  ResourceTotals t;
  for (const auto& c : components) {
    t.request_cpu_m += c.replicas * c.request_cpu_m;
    t.request_memory_mib += c.replicas * c.request_memory_mib;
    t.limit_cpu_m += c.replicas * c.limit_cpu_m;
    t.limit_memory_mib += c.replicas * c.limit_memory_mib;
    t.pods += c.replicas;
  }
  // Spare is measured against requests in every environment (what the pods are sized
  // to use), so that environments packed by different measures compare fairly.
  t.spare_cpu_m = nodes.count * nodes.allocatable.pod_cpu_m - t.request_cpu_m;
  t.spare_memory_mib = nodes.count * nodes.allocatable.pod_memory_mib - t.request_memory_mib;
  return t;
}

}  // namespace

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

EnvironmentPlan plan_environment(const Scenario& scenario, const Environment& environment) {
  EnvironmentPlan plan;
  plan.name = environment.name;
  const Workload workload = scenario.workload_of(environment);
  const auto& policy = environment.policy;
  plan.daily_active_users = workload.daily_active_users;
  plan.growth_factor = std::pow(1.0 + workload.growth.annual_growth_fraction,
                                workload.growth.planning_horizon_months / kMonthsPerYear);
  plan.demand = peak_demand(workload);
  for (const Component* component : scenario.stack.deployed_components()) {
    const ComponentLoad load = component_load(*component, plan.demand, workload);
    plan.components.push_back(size_component(*component, load, policy,
                                             scenario.stack.limit_to_request_ratio,
                                             plan.growth_factor, environment.name));
    if (!component->scales_horizontally && component->kind != ComponentKind::singleton &&
        policy.min_replicas > 1) {
      plan.warnings.push_back(component->name + " runs as a single replica, below the " +
                              environment.name + " floor of " +
                              std::to_string(policy.min_replicas) +
                              ": it has no high availability; use a managed service instead");
    }
  }
  const std::vector<Pod> pods = pods_of(plan.components, policy.pack_by);
  plan.nodes = size_nodes(pods, scenario.catalog, policy, environment.name);
  plan.totals = totals_of(plan.components, plan.nodes);
  plan.tier = recommend_tier(pods, scenario.tiers, policy, plan.nodes);
  plan.data = plan_data(workload, plan.demand, plan.components, scenario.stack, policy,
                        scenario.catalog, environment.name);
  plan.warnings.insert(plan.warnings.end(), plan.data.warnings.begin(), plan.data.warnings.end());
  if (policy.survive_node_loss && !plan.tier.custom && !plan.tier.survives_node_loss) {
    plan.warnings.push_back("tier " + plan.tier.tier +
                            " holds the pods but does not survive the loss of a node; plan for " +
                            std::to_string(plan.nodes.count) + " nodes");
  }
  return plan;
}

Plan plan(const Scenario& scenario) {
  Plan result;
  result.scenario = scenario.name;
  for (const auto& environment : scenario.environments) {
    result.environments.push_back(plan_environment(scenario, environment));
  }
  return result;
}

}  // namespace tierplan
