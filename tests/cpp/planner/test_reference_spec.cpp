// The built-in scenario reproduces the official Dify Enterprise references from the model
// (tests/data/reference/dify-enterprise.json), and load scales it up and down.
#include <gtest/gtest.h>

#include "support/plan_test_support.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace): test helpers

// ---------------------------------------------------------------------------------------
// The built-in scenario reproduces the official references

TEST(ReferenceSpec, reference_file_is_present_and_lists_twelve_production_components) {
  const auto reference = read_reference();
  ASSERT_TRUE(reference.has_value());
  ASSERT_TRUE(reference->contains("production"));
  EXPECT_EQ(reference->at("production").at("components").size(), 12u);
}

TEST(ReferenceSpec, production_replicas_and_limits_match_the_official_spec_within_10_percent) {
  const auto reference = read_reference();
  ASSERT_TRUE(reference.has_value());
  const Plan plan = tierplan::plan(builtin());
  const EnvironmentPlan& production = environment_of(plan, "production");
  double planned_cpu_m = 0.0;
  double planned_memory_mib = 0.0;
  double reference_cpu_m = 0.0;
  double reference_memory_mib = 0.0;
  for (const auto& [name, spec] : reference->at("production").at("components").items()) {
    SCOPED_TRACE(name);
    const ComponentPlan* component = production.find_component(name);
    ASSERT_NE(component, nullptr) << "the plan has no component " << name;
    const int replicas = spec.at("replicas").get<int>();
    const double cpu_m = spec.at("cpu_limit").get<double>() * 1000.0;
    const double memory_mib = spec.at("memory_limit_gb").get<double>() * kMibPerGib;
    EXPECT_TRUE(within_relative(component->replicas, replicas, 0.10))
        << "replicas " << component->replicas << ", reference " << replicas;
    EXPECT_TRUE(within_relative(component->limit_cpu_m, cpu_m, 0.10))
        << "limit_cpu_m " << component->limit_cpu_m << ", reference " << cpu_m;
    EXPECT_TRUE(within_relative(component->limit_memory_mib, memory_mib, 0.10))
        << "limit_memory_mib " << component->limit_memory_mib << ", reference " << memory_mib;
    planned_cpu_m += component->replicas * component->limit_cpu_m;
    planned_memory_mib += component->replicas * component->limit_memory_mib;
    reference_cpu_m += replicas * cpu_m;
    reference_memory_mib += replicas * memory_mib;
  }
  // The published totals (43 CPU / 110 GB) are the sum over the same components.
  const auto& totals = reference->at("production").at("total_limits");
  EXPECT_DOUBLE_EQ(reference_cpu_m, totals.at("cpu").get<double>() * 1000.0);
  EXPECT_DOUBLE_EQ(reference_memory_mib, totals.at("memory_gb").get<double>() * kMibPerGib);
  EXPECT_TRUE(within_relative(planned_cpu_m, reference_cpu_m, 0.10))
      << "planned " << planned_cpu_m << " m, reference " << reference_cpu_m << " m";
  EXPECT_TRUE(within_relative(planned_memory_mib, reference_memory_mib, 0.10))
      << "planned " << planned_memory_mib << " MiB, reference " << reference_memory_mib << " MiB";
}

TEST(ReferenceSpec, production_runs_on_six_workers_of_8_vcpu_32_gib_give_or_take_one) {
  const auto reference = read_reference();
  ASSERT_TRUE(reference.has_value());
  const auto& workers = reference->at("production").at("kubernetes_workers");
  const Plan plan = tierplan::plan(builtin());
  const EnvironmentPlan& production = environment_of(plan, "production");
  EXPECT_EQ(production.nodes.node_type.vcpu, workers.at("vcpu").get<int>());
  EXPECT_DOUBLE_EQ(production.nodes.node_type.memory_gib, workers.at("memory_gb").get<double>());
  EXPECT_LE(std::abs(production.nodes.count - workers.at("count").get<int>()), 1)
      << production.nodes.count_reason;
}

TEST(ReferenceSpec, test_runs_on_one_worker_of_4_vcpu_16_gib) {
  const auto reference = read_reference();
  ASSERT_TRUE(reference.has_value());
  const auto& workers = reference->at("test").at("kubernetes_workers");
  const Plan plan = tierplan::plan(builtin());
  const EnvironmentPlan& test = environment_of(plan, "test");
  EXPECT_EQ(test.nodes.count, workers.at("count").get<int>()) << test.nodes.count_reason;
  EXPECT_EQ(test.nodes.node_type.vcpu, workers.at("vcpu").get<int>());
  EXPECT_DOUBLE_EQ(test.nodes.node_type.memory_gib, workers.at("memory_gb").get<double>());
  EXPECT_EQ(test.tier.tier, "dify-enterprise-test") << test.tier.reason;
}

TEST(ReferenceSpec, celery_workers_are_one_in_test_and_one_per_limit_core_in_production) {
  const auto reference = read_reference();
  ASSERT_TRUE(reference.has_value());
  const Plan plan = tierplan::plan(builtin());
  const ComponentPlan* test_worker = environment_of(plan, "test").find_component("worker");
  const ComponentPlan* production_worker =
      environment_of(plan, "production").find_component("worker");
  ASSERT_NE(test_worker, nullptr);
  ASSERT_NE(production_worker, nullptr);
  EXPECT_EQ(test_worker->processes_per_replica,
            reference->at("test").at("celery_worker_amount").get<int>())
      << test_worker->processes_reason();
  // "one per CPU core": the production worker's limit is 2 cores.
  EXPECT_EQ(production_worker->processes_per_replica,
            static_cast<int>(production_worker->limit_cpu_m / 1000.0))
      << production_worker->processes_reason();
  EXPECT_EQ(production_worker->processes_per_replica, 2);
  for (const char* name : {"test", "production"}) {
    const ComponentPlan* api = environment_of(plan, name).find_component("api");
    ASSERT_NE(api, nullptr);
    EXPECT_EQ(api->processes_per_replica, reference->at(name).at("server_worker_amount").get<int>())
        << api->processes_reason();
  }
}

// ---------------------------------------------------------------------------------------
// Load: 10x grows production, 1/10 shrinks it to the policy floors

TEST(LoadScaling, ten_times_the_reference_load_grows_production) {
  const EnvironmentPlan base = environment_of(tierplan::plan(builtin()), "production");
  std::optional<Plan> grown;
  try {
    grown = tierplan::plan(scaled_load(builtin(), 10.0));
  } catch (const PlanningError& error) {
    FAIL() << "10x the reference load cannot be planned: " << error.what();
  }
  const EnvironmentPlan& production = environment_of(*grown, "production");
  for (const std::string name : {"api", "worker"}) {
    EXPECT_GT(component_of(production, name).replicas, component_of(base, name).replicas)
        << name << ": " << component_of(production, name).replicas_reason();
  }
  EXPECT_GT(production.nodes.count, base.nodes.count) << production.nodes.count_reason;
  EXPECT_GT(production.nodes.cost_usd_month, base.nodes.cost_usd_month);
  EXPECT_GT(production.totals.request_cpu_m, base.totals.request_cpu_m);
  EXPECT_GT(production.totals.request_memory_mib, base.totals.request_memory_mib);
}

TEST(LoadScaling, a_tenth_of_the_reference_load_shrinks_production_to_the_policy_floors) {
  const Scenario scenario = scaled_load(builtin(), 0.1);
  const int min_replicas = scenario.find_environment("production")->policy.min_replicas;
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  const EnvironmentPlan base = environment_of(tierplan::plan(builtin()), "production");
  for (const auto* component : scenario.stack.deployed_components()) {
    SCOPED_TRACE(component->name);
    const ComponentPlan& planned = component_of(production, component->name);
    if (component->kind == tierplan::ComponentKind::singleton || !component->scales_horizontally) {
      EXPECT_EQ(planned.replicas, 1) << planned.replicas_reason();
    } else {
      EXPECT_EQ(planned.replicas, min_replicas) << planned.replicas_reason();
    }
  }
  EXPECT_EQ(component_of(production, "worker_beat").replicas, 1);
  EXPECT_LE(production.nodes.count, base.nodes.count);
  EXPECT_LE(production.nodes.cost_usd_month, base.nodes.cost_usd_month);
  EXPECT_LT(production.totals.request_cpu_m, base.totals.request_cpu_m);
}

}  // namespace
