// Compute, then explain: component and node sizing compute their numbers first and record
// what bound them; the explain functions write the reasons from the computed plan and that
// record alone. These tests check that the two steps make the plan the public functions
// return, that computing never writes a reason, and that the reasons state the policy's
// own numbers.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "compute/component_sizing.hpp"
#include "compute/node_sizing.hpp"
#include "compute/packing.hpp"
#include "tierplan/demand.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/replicas.hpp"
#include "tierplan/scenario.hpp"

namespace {

using tierplan::Component;
using tierplan::ComponentPlan;
using tierplan::EnvironmentPolicy;
using tierplan::Scenario;

Scenario builtin() { return tierplan::builtin_scenario("dify-enterprise"); }

const Component& component_named(const Scenario& scenario, std::string_view name) {
  for (const auto& component : scenario.stack.components) {
    if (component.name == name) return component;
  }
  throw std::logic_error("no component " + std::string(name));
}

const EnvironmentPolicy& policy_of(const Scenario& scenario, std::string_view environment) {
  return scenario.find_environment(environment)->policy;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The component sized in two steps, the record kept for a look.
struct TwoSteps {
  ComponentPlan numbers;
  tierplan::detail::ComponentSizing sizing;
  ComponentPlan explained;
};

TwoSteps size_in_two_steps(const Scenario& scenario, const Component& component,
                           const EnvironmentPolicy& policy, double growth_factor) {
  const auto demand = tierplan::peak_demand(scenario.workload);
  TwoSteps steps;
  steps.sizing = tierplan::detail::size_component_into(
      steps.numbers, component, tierplan::component_load(component, demand, scenario.workload),
      policy, scenario.stack.limit_to_request_ratio, growth_factor, "production");
  steps.explained = steps.numbers;
  tierplan::detail::explain_component(steps.explained, steps.sizing, component, policy,
                                      scenario.stack.limit_to_request_ratio, growth_factor,
                                      "production");
  return steps;
}

TEST(ComputeThenExplain, ComponentNumbersCarryNoTextAndTheExplainedPlanIsThePublicOne) {
  const Scenario scenario = builtin();
  const EnvironmentPolicy& policy = policy_of(scenario, "production");
  const auto demand = tierplan::peak_demand(scenario.workload);
  for (const auto& component : scenario.stack.components) {
    const TwoSteps steps = size_in_two_steps(scenario, component, policy, 1.5);
    EXPECT_TRUE(steps.numbers.replicas_reason().empty()) << component.name;
    EXPECT_TRUE(steps.numbers.hpa_reason().empty()) << component.name;
    const ComponentPlan whole = tierplan::size_component(
        component, tierplan::component_load(component, demand, scenario.workload), policy,
        scenario.stack.limit_to_request_ratio, 1.5, "production");
    EXPECT_EQ(steps.explained, whole) << component.name;
    EXPECT_FALSE(whole.replicas_reason().empty()) << component.name;
    EXPECT_FALSE(whole.processes_reason().empty()) << component.name;
    // Explaining changes no number: only the reasons differ.
    ComponentPlan without_reasons = whole;
    without_reasons.reasons = {};
    EXPECT_EQ(without_reasons, steps.numbers) << component.name;
  }
}

TEST(ComputeThenExplain, ComponentReasonsStateThePolicyNumbers) {
  Scenario scenario = builtin();
  EnvironmentPolicy policy = policy_of(scenario, "production");
  // Values no default has, so that a text typed into the code would not match them.
  policy.max_server_utilization = 0.55;
  policy.min_replicas = 4;
  const Component& api = component_named(scenario, "api");
  const TwoSteps steps = size_in_two_steps(scenario, api, policy, 1.5);
  const auto hpa = steps.explained.hpa_reason();
  EXPECT_DOUBLE_EQ(steps.explained.hpa_target_cpu_utilization_percent, 55.0);
  EXPECT_TRUE(contains(hpa, "target CPU 55.0% (the utilisation ceiling)")) << hpa;
  const auto replicas = steps.explained.replicas_reason();
  EXPECT_TRUE(contains(replicas, "floor min_replicas 4")) << replicas;
  EXPECT_TRUE(steps.sizing.design_rate_per_s > 0.0);
  const auto resources = steps.explained.resources_reason();
  EXPECT_TRUE(contains(resources, " req/s and ")) << resources;
}

TEST(ComputeThenExplain, AGrownLoadBeyondMaxReplicasIsRecordedAndExplained) {
  Scenario scenario = builtin();
  EnvironmentPolicy policy = policy_of(scenario, "production");
  const Component& api = component_named(scenario, "api");
  const TwoSteps today = size_in_two_steps(scenario, api, policy, 1.0);
  ASSERT_TRUE(today.numbers.autoscaled);
  EXPECT_EQ(today.sizing.grown_limit, tierplan::detail::ReplicaLimit::none);
  // Room for today's load but not for a thousandfold growth.
  policy.max_replicas = today.numbers.replicas;
  const TwoSteps grown = size_in_two_steps(scenario, api, policy, 1000.0);
  EXPECT_NE(grown.sizing.grown_limit, tierplan::detail::ReplicaLimit::none);
  EXPECT_EQ(grown.numbers.hpa_max_replicas, policy.max_replicas);
  const auto hpa = grown.explained.hpa_reason();
  EXPECT_TRUE(contains(hpa, "; capped at max_replicas " + std::to_string(policy.max_replicas) +
                                ": the grown load ("))
      << hpa;
}

TEST(ComputeThenExplain, ALoadBeyondMaxReplicasFailsWithItsReasonWhenOnlyComputing) {
  Scenario scenario = builtin();
  EnvironmentPolicy policy = policy_of(scenario, "production");
  policy.max_replicas = 1;
  scenario.workload.daily_active_users *= 100.0;
  const Component& api = component_named(scenario, "api");
  try {
    size_in_two_steps(scenario, api, policy, 1.0);
    ADD_FAILURE() << "planned beyond max_replicas 1";
  } catch (const tierplan::PlanningError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("production: api: ", 0), 0u) << message;
    EXPECT_TRUE(contains(message, "within max_replicas 1 (") ||
                contains(message, "need more than max_replicas 1 ("))
        << message;
  }
}

// Node sizing of the built-in scenario's production pods, searched as asked.
struct NodeSizingRun {
  tierplan::NodePlan plan;
  tierplan::detail::NodeChoice choice;
  tierplan::detail::PodTotals totals;
};

// The table keeps views of the component names: full must outlive it.
NodeSizingRun size_production_nodes(const Scenario& scenario, const tierplan::Plan& full,
                                    tierplan::detail::PodTable& table, bool runner_up,
                                    bool usage_rows) {
  const auto& environment = *full.find_environment("production");
  const EnvironmentPolicy& policy = policy_of(scenario, "production");
  table.clear();
  for (const auto& c : environment.components) {
    tierplan::detail::IndexedPod pod;
    pod.component = table.component_index(c.name);
    pod.request_cpu_m = c.request_cpu_m;
    pod.request_memory_mib = c.request_memory_mib;
    pod.limit_cpu_m = c.limit_cpu_m;
    pod.limit_memory_mib = c.limit_memory_mib;
    const bool by_limits = policy.pack_by == tierplan::PackingMeasure::limits;
    pod.cpu_m = by_limits ? c.limit_cpu_m : c.request_cpu_m;
    pod.memory_mib = by_limits ? c.limit_memory_mib : c.request_memory_mib;
    table.add_replicas(pod, c.replicas);
  }
  table.finish();
  NodeSizingRun run;
  run.totals = tierplan::detail::totals_of(table, policy);
  tierplan::detail::Packer packer;
  tierplan::detail::PackMemo memo;
  packer.reset(table, policy);
  tierplan::detail::NodeSearch search;
  search.runner_up = runner_up;
  search.usage_rows = usage_rows;
  run.plan = tierplan::detail::size_nodes(table, run.totals, scenario.catalog, policy, "production",
                                          packer, memo, search, run.choice);
  return run;
}

TEST(ComputeThenExplain, NodeSizingExplainedIsThePlannersNodePlan) {
  const Scenario scenario = builtin();
  const tierplan::Plan full = tierplan::plan(scenario);
  tierplan::detail::PodTable table;
  NodeSizingRun run = size_production_nodes(scenario, full, table, true, true);
  EXPECT_TRUE(run.plan.count_reason.empty());
  EXPECT_TRUE(run.plan.type_reason.empty());
  EXPECT_TRUE(run.plan.cost_reason.empty());
  ASSERT_NE(run.choice.runner_up, nullptr);
  EXPECT_GT(run.choice.feasible_types, 1u);
  tierplan::detail::explain_nodes(run.plan, run.choice, table, run.totals,
                                  policy_of(scenario, "production"));
  // The horizon is the planner's step after node sizing (size_nodes_at_horizon).
  const tierplan::NodePlan& planned = full.find_environment("production")->nodes;
  EXPECT_GE(planned.count_at_horizon, planned.count);
  run.plan.count_at_horizon = planned.count_at_horizon;
  run.plan.runs_out_month = planned.runs_out_month;
  run.plan.horizon_reason = planned.horizon_reason;
  EXPECT_EQ(run.plan, planned);
  EXPECT_TRUE(contains(run.plan.type_reason, "; next " + run.choice.runner_up->name + " x "))
      << run.plan.type_reason;
}

TEST(ComputeThenExplain, NodeNumbersAreTheSameWithoutTheRunnerUpAndRows) {
  const Scenario scenario = builtin();
  const tierplan::Plan plan = tierplan::plan(scenario);
  tierplan::detail::PodTable table;
  const NodeSizingRun full = size_production_nodes(scenario, plan, table, true, true);
  const NodeSizingRun numbers = size_production_nodes(scenario, plan, table, false, false);
  EXPECT_EQ(numbers.choice.runner_up, nullptr);
  EXPECT_TRUE(numbers.plan.nodes.empty());
  EXPECT_FALSE(full.plan.nodes.empty());
  tierplan::NodePlan without_rows = full.plan;
  without_rows.nodes.clear();
  EXPECT_EQ(without_rows, numbers.plan);
  EXPECT_EQ(numbers.choice.resource_lower, full.choice.resource_lower);
  EXPECT_EQ(numbers.choice.share_floor, full.choice.share_floor);
}

TEST(ComputeThenExplain, TheCountReasonStatesTheCapacityShareOfThePolicy) {
  Scenario scenario = builtin();
  auto& policy = scenario.environments[0].policy;
  // One node may hold at most a seventh of the capacity: at least seven nodes, whatever the
  // pods need.
  policy.max_capacity_share_per_node = 1.0 / 7.0;
  const tierplan::Plan plan = tierplan::plan(scenario);
  const auto& nodes = plan.environments[0].nodes;
  EXPECT_EQ(nodes.steady_state_count, 7) << nodes.count_reason;
  EXPECT_TRUE(contains(nodes.count_reason, "at least 7 nodes so that one holds at most 14.3%"))
      << nodes.count_reason;
}

}  // namespace
