// A model, not a table: more load never lowers replicas, nodes or cost; production never
// has less than test for the same workload; every number has a reason; plans are
// deterministic.
#include <gtest/gtest.h>

#include "support/plan_test_support.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace): test helpers

struct MonotonicityReport {
  int compared = 0;
  int base_infeasible = 0;
  int only_grown_infeasible = 0;
  int violations = 0;
};

// Compares the plan of a scenario with the plan of the same scenario under more load.
// Violations are reported with the seed that reproduces them (the first few in full).
void check_more_load_never_lowers(const Plan& base, const Plan& grown, std::uint32_t seed,
                                  double factor, bool node_type_fixed, MonotonicityReport& report) {
  auto violation = [&](const std::string& what) {
    if (++report.violations <= 10) {
      ADD_FAILURE() << "seed " << seed << ", load x" << factor << ": " << what;
    }
  };
  for (const auto& before : base.environments) {
    const EnvironmentPlan& after = environment_of(grown, before.name);
    for (const auto& component : before.components) {
      const ComponentPlan& more = component_of(after, component.name);
      if (more.replicas < component.replicas) {
        violation(before.name + "/" + component.name + " replicas " +
                  std::to_string(component.replicas) + " -> " + std::to_string(more.replicas));
      }
    }
    if (after.nodes.cost_usd_month < before.nodes.cost_usd_month - 1e-9) {
      violation(before.name + " cost " + std::to_string(before.nodes.cost_usd_month) + " (" +
                std::to_string(before.nodes.count) + " x " + before.nodes.node_type.name + ") -> " +
                std::to_string(after.nodes.cost_usd_month) + " (" +
                std::to_string(after.nodes.count) + " x " + after.nodes.node_type.name + ")");
    }
    const bool same_type = after.nodes.node_type.name == before.nodes.node_type.name;
    if (node_type_fixed && !same_type) {
      violation(before.name + " node type changed although fixed: " + before.nodes.node_type.name +
                " -> " + after.nodes.node_type.name);
    }
    if (same_type && after.nodes.count < before.nodes.count) {
      violation(before.name + " nodes " + std::to_string(before.nodes.count) + " -> " +
                std::to_string(after.nodes.count) + " x " + after.nodes.node_type.name + " (" +
                before.nodes.count_reason + " | " + after.nodes.count_reason + ")");
    }
  }
}

constexpr int kPropertyScenarios = 300;

MonotonicityReport run_monotonicity_property(std::uint32_t first_seed, bool fix_node_type) {
  MonotonicityReport report;
  for (int i = 0; i < kPropertyScenarios; ++i) {
    const std::uint32_t seed = first_seed + static_cast<std::uint32_t>(i);
    std::mt19937 rng(seed);
    Scenario scenario = random_workload_scenario(rng);
    if (fix_node_type) {
      // The node types of the clouds the built-in catalog prices datastores for.
      std::vector<std::string> types;
      for (const auto& t : scenario.catalog.node_types) {
        if (t.cloud != "azure") types.push_back(t.name);
      }
      pin_node_type(
          scenario,
          types[static_cast<std::size_t>(uniform_int(rng, 0, static_cast<int>(types.size()) - 1))]);
    }
    const double factor = uniform(rng, 1.05, 3.0);
    const auto base = try_plan(scenario);
    const auto grown = try_plan(scaled_load(scenario, factor));
    if (!base) {
      ++report.base_infeasible;
      if (grown) {
        ++report.violations;
        ADD_FAILURE() << "seed " << seed << ": infeasible at x1 but feasible at x" << factor;
      }
      continue;
    }
    if (!grown) {
      ++report.only_grown_infeasible;
      continue;
    }
    ++report.compared;
    check_more_load_never_lowers(*base, *grown, seed, factor, fix_node_type, report);
  }
  return report;
}

TEST(Monotonicity, more_load_never_lowers_replicas_cost_or_same_type_node_count) {
  const MonotonicityReport report = run_monotonicity_property(1000, false);
  RecordProperty("compared", report.compared);
  EXPECT_EQ(report.violations, 0);
  // The property must actually compare plans, not skip infeasible scenarios.
  EXPECT_GE(report.compared, kPropertyScenarios / 2)
      << report.base_infeasible << " infeasible at x1, " << report.only_grown_infeasible
      << " only under more load";
}

TEST(Monotonicity, more_load_never_lowers_node_count_when_the_node_type_is_fixed) {
  const MonotonicityReport report = run_monotonicity_property(5000, true);
  RecordProperty("compared", report.compared);
  EXPECT_EQ(report.violations, 0);
  EXPECT_GE(report.compared, kPropertyScenarios / 4)
      << report.base_infeasible << " infeasible at x1, " << report.only_grown_infeasible
      << " only under more load";
}

// ---------------------------------------------------------------------------------------
// Production never has less than test for the same workload

// The built-in scenario with test serving the same workload as production.
// Test serves production's workload, with production's datastores (the built-in test runs
// its datastores in the cluster, production outside it): the comparison is of the risk
// models of the application tier, which the datastores' modes would otherwise mix in.
Scenario test_serves_production_workload(double factor) {
  Scenario scenario = scaled_load(builtin(), factor);
  const Environment& production = policy_environment(scenario, "production");
  Environment& test = policy_environment(scenario, "test");
  test.workload.reset();
  test.workload_share = production.workload_share.value_or(1.0);
  use_datastore_modes_of(test, production);
  return scenario;
}

const std::vector<double> kSameWorkloadFactors = {0.003, 0.03, 0.1, 0.3, 0.6, 1.0, 1.5};

TEST(EnvironmentComparison, test_and_production_serve_the_same_workload_in_this_setup) {
  const Scenario scenario = test_serves_production_workload(1.0);
  EXPECT_EQ(scenario.workload_of(*scenario.find_environment("test")),
            scenario.workload_of(*scenario.find_environment("production")));
}

TEST(EnvironmentComparison, production_never_has_fewer_replicas_than_test) {
  for (const double factor : kSameWorkloadFactors) {
    SCOPED_TRACE("load x" + std::to_string(factor));
    const Plan plan = tierplan::plan(test_serves_production_workload(factor));
    const EnvironmentPlan& test = environment_of(plan, "test");
    const EnvironmentPlan& production = environment_of(plan, "production");
    for (const auto& component : test.components) {
      EXPECT_GE(component_of(production, component.name).replicas, component.replicas)
          << component.name;
    }
    EXPECT_GE(production.totals.pods, test.totals.pods);
  }
}

// Node counts compare for the same instance type: production may rightly choose fewer,
// larger nodes than test. Capacity and cost compare whatever the types.
void expect_production_nodes_cover_test(const EnvironmentPlan& test,
                                        const EnvironmentPlan& production) {
  const std::string nodes = "test " + std::to_string(test.nodes.count) + " x " +
                            test.nodes.node_type.name + ", production " +
                            std::to_string(production.nodes.count) + " x " +
                            production.nodes.node_type.name;
  if (production.nodes.node_type.name == test.nodes.node_type.name) {
    EXPECT_GE(production.nodes.count, test.nodes.count) << nodes;
  }
  EXPECT_GE(production.nodes.count * production.nodes.allocatable.capacity_cpu_m,
            test.nodes.count * test.nodes.allocatable.capacity_cpu_m)
      << nodes;
  EXPECT_GE(production.nodes.count * production.nodes.allocatable.capacity_memory_mib,
            test.nodes.count * test.nodes.allocatable.capacity_memory_mib)
      << nodes;
  EXPECT_GE(production.nodes.count * production.nodes.allocatable.pod_cpu_m,
            test.nodes.count * test.nodes.allocatable.pod_cpu_m)
      << nodes;
  EXPECT_GE(production.nodes.count * production.nodes.allocatable.pod_memory_mib,
            test.nodes.count * test.nodes.allocatable.pod_memory_mib)
      << nodes;
  EXPECT_GE(production.nodes.cost_usd_month, test.nodes.cost_usd_month) << nodes;
}

TEST(EnvironmentComparison, production_never_has_fewer_nodes_or_less_node_capacity_than_test) {
  for (const double factor : kSameWorkloadFactors) {
    SCOPED_TRACE("load x" + std::to_string(factor));
    const Plan plan = tierplan::plan(test_serves_production_workload(factor));
    expect_production_nodes_cover_test(environment_of(plan, "test"),
                                       environment_of(plan, "production"));
  }
}

TEST(EnvironmentComparison, production_never_has_fewer_nodes_than_test_on_the_same_node_type) {
  for (const std::string node_type : {"n2-standard-8", "m5.2xlarge", "m5.4xlarge"}) {
    for (const double factor : kSameWorkloadFactors) {
      SCOPED_TRACE(node_type + ", load x" + std::to_string(factor));
      Scenario scenario = test_serves_production_workload(factor);
      pin_node_type(scenario, node_type);
      const Plan plan = tierplan::plan(scenario);
      const EnvironmentPlan& test = environment_of(plan, "test");
      const EnvironmentPlan& production = environment_of(plan, "production");
      ASSERT_EQ(test.nodes.node_type.name, node_type);
      ASSERT_EQ(production.nodes.node_type.name, node_type);
      expect_production_nodes_cover_test(test, production);
      EXPECT_GE(production.totals.spare_cpu_m, test.totals.spare_cpu_m);
      EXPECT_GE(production.totals.spare_memory_mib, test.totals.spare_memory_mib);
    }
  }
}

TEST(EnvironmentComparison, production_never_has_less_spare_capacity_than_test) {
  for (const double factor : kSameWorkloadFactors) {
    SCOPED_TRACE("load x" + std::to_string(factor));
    const Plan plan = tierplan::plan(test_serves_production_workload(factor));
    const EnvironmentPlan& test = environment_of(plan, "test");
    const EnvironmentPlan& production = environment_of(plan, "production");
    EXPECT_GE(production.totals.spare_cpu_m, test.totals.spare_cpu_m);
    EXPECT_GE(production.totals.spare_memory_mib, test.totals.spare_memory_mib);
    // Spare is the room for pods on the nodes less the requests, in both environments,
    // whatever each packs by.
    for (const EnvironmentPlan* environment : {&test, &production}) {
      const auto& nodes = environment->nodes;
      EXPECT_NEAR(environment->totals.spare_cpu_m,
                  nodes.count * nodes.allocatable.pod_cpu_m - environment->totals.request_cpu_m,
                  1e-6)
          << environment->name;
      EXPECT_NEAR(
          environment->totals.spare_memory_mib,
          nodes.count * nodes.allocatable.pod_memory_mib - environment->totals.request_memory_mib,
          1e-6)
          << environment->name;
    }
  }
}

TEST(EnvironmentComparison, production_survives_a_node_loss_for_the_same_workload) {
  for (const double factor : kSameWorkloadFactors) {
    SCOPED_TRACE("load x" + std::to_string(factor));
    const Plan plan = tierplan::plan(test_serves_production_workload(factor));
    const EnvironmentPlan& test = environment_of(plan, "test");
    const EnvironmentPlan& production = environment_of(plan, "production");
    EXPECT_TRUE(production.nodes.survives_node_loss) << production.nodes.count_reason;
    EXPECT_GE(production.nodes.survives_node_loss, test.nodes.survives_node_loss);
    EXPECT_GE(production.nodes.count, 2);
  }
}

constexpr std::uint32_t kSharedWorkloadScenarios = 100;

TEST(EnvironmentComparison, production_never_has_less_than_test_for_random_shared_workloads) {
  int compared = 0;
  for (std::uint32_t seed = 30000; seed < 30000 + kSharedWorkloadScenarios; ++seed) {
    std::mt19937 rng(seed);
    Scenario scenario = random_workload_scenario(rng);
    Environment& test_environment = policy_environment(scenario, "test");
    test_environment.workload.reset();
    test_environment.workload_share =
        policy_environment(scenario, "production").workload_share.value_or(1.0);
    use_datastore_modes_of(test_environment, policy_environment(scenario, "production"));
    const auto plan = try_plan(scenario);
    if (!plan) continue;
    ++compared;
    SCOPED_TRACE("seed " + std::to_string(seed));
    const EnvironmentPlan& test = environment_of(*plan, "test");
    const EnvironmentPlan& production = environment_of(*plan, "production");
    for (const auto& component : test.components) {
      EXPECT_GE(component_of(production, component.name).replicas, component.replicas)
          << component.name;
    }
    const std::string nodes = "test " + test.nodes.count_reason + " [" + test.nodes.type_reason +
                              "]; production " + production.nodes.count_reason + " [" +
                              production.nodes.type_reason + "]";
    expect_production_nodes_cover_test(test, production);
    // Spare: the room the nodes leave for pods above the pods' requests.
    EXPECT_GE(production.totals.spare_cpu_m, test.totals.spare_cpu_m) << nodes;
    EXPECT_GE(production.totals.spare_memory_mib, test.totals.spare_memory_mib) << nodes;
    EXPECT_TRUE(production.nodes.survives_node_loss) << nodes;
  }
  EXPECT_GE(compared, 30);
}

// ---------------------------------------------------------------------------------------
// Every number carries a reason; same input, same bytes

void expect_every_reason(const Plan& plan) {
  for (const auto& environment : plan.environments) {
    SCOPED_TRACE(environment.name);
    for (const auto& component : environment.components) {
      SCOPED_TRACE(component.name);
      EXPECT_FALSE(component.replicas_reason().empty());
      EXPECT_FALSE(component.resources_reason().empty());
      EXPECT_FALSE(component.processes_reason().empty());
      EXPECT_GE(component.processes_per_replica, 1);
      EXPECT_FALSE(component.hpa_reason().empty());
      EXPECT_FALSE(component.load.derivation().empty());
    }
    EXPECT_FALSE(environment.nodes.count_reason.empty());
    EXPECT_FALSE(environment.nodes.type_reason.empty());
    EXPECT_FALSE(environment.nodes.cost_reason.empty());
    EXPECT_FALSE(environment.tier.reason.empty());
    EXPECT_FALSE(environment.tier.tier.empty());
  }
}

TEST(Reasons, each_load_driver_explains_its_rate_in_its_own_words) {
  std::set<std::string_view> texts;
  for (const LoadDriver driver :
       {LoadDriver::none, LoadDriver::api_requests, LoadDriver::web_requests,
        LoadDriver::worker_tasks, LoadDriver::plugin_calls, LoadDriver::sandbox_executions,
        LoadDriver::document_ingestion, LoadDriver::outbound_requests}) {
    ComponentLoad load;
    load.driver = driver;
    EXPECT_FALSE(load.derivation().empty());
    EXPECT_EQ(load.derivation().find("unknown"), std::string_view::npos);
    texts.insert(load.derivation());
  }
  EXPECT_EQ(texts.size(), 8u);
  const Scenario scenario = builtin();
  const Plan plan = tierplan::plan(scenario);
  for (const auto& component : plan.environments.back().components) {
    const auto model =
        std::find_if(scenario.stack.components.begin(), scenario.stack.components.end(),
                     [&](const Component& c) { return c.name == component.name; });
    ASSERT_NE(model, scenario.stack.components.end()) << component.name;
    EXPECT_EQ(component.load.driver, model->load_driver) << component.name;
  }
}

TEST(Reasons, every_number_carries_a_reason) {
  for (const double factor : {0.01, 0.1, 1.0, 2.0}) {
    SCOPED_TRACE("load x" + std::to_string(factor));
    expect_every_reason(tierplan::plan(scaled_load(builtin(), factor)));
  }
  Scenario fixed = builtin();
  pin_node_type(fixed, "n2-standard-16");
  expect_every_reason(tierplan::plan(fixed));
  Scenario no_tiers = builtin();
  no_tiers.tiers.clear();
  expect_every_reason(tierplan::plan(no_tiers));
}

TEST(Reasons, every_number_carries_a_reason_in_random_scenarios) {
  for (std::uint32_t seed = 40000; seed < 40030; ++seed) {
    std::mt19937 rng(seed);
    if (const auto plan = try_plan(random_workload_scenario(rng))) {
      SCOPED_TRACE("seed " + std::to_string(seed));
      expect_every_reason(*plan);
    }
  }
}

TEST(Determinism, planning_twice_gives_identical_json_bytes) {
  const std::string first = tierplan::plan_to_json_string(tierplan::plan(builtin()));
  const std::string second = tierplan::plan_to_json_string(tierplan::plan(builtin()));
  EXPECT_EQ(first, second);
  // And through a save/load of the scenario.
  const Scenario reloaded =
      tierplan::scenario_from_json_string(tierplan::scenario_to_json_string(builtin()));
  EXPECT_EQ(first, tierplan::plan_to_json_string(tierplan::plan(reloaded)));
  for (std::uint32_t seed = 41000; seed < 41020; ++seed) {
    std::mt19937 rng(seed);
    const Scenario scenario = random_workload_scenario(rng);
    const auto a = try_plan(scenario);
    const auto b = try_plan(scenario);
    ASSERT_EQ(a.has_value(), b.has_value()) << "seed " << seed;
    if (a) {
      EXPECT_EQ(tierplan::plan_to_json_string(*a), tierplan::plan_to_json_string(*b))
          << "seed " << seed;
    }
  }
}

}  // namespace
