// The compute-plane planner against the issue's requirements: the built-in scenario
// reproduces the official Dify Enterprise references from the model; more load never
// lowers replicas, nodes or cost; production never has less than test for the same
// workload; Erlang B/C agree with an independent closed form; infeasible input is a
// PlanningError that says where and why, and no input crashes the planner; every
// number has a reason; plans are deterministic; node allocatable follows DESIGN.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tierplan/demand.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/json.hpp"
#include "tierplan/nodes.hpp"

#include "compute/packing.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/queueing.hpp"
#include "tierplan/replicas.hpp"
#include "tierplan/scenario.hpp"

namespace {

using Json = nlohmann::ordered_json;
using tierplan::Component;
using tierplan::ComponentLoad;
using tierplan::ComponentPlan;
using tierplan::Environment;
using tierplan::EnvironmentPlan;
using tierplan::LoadDriver;
using tierplan::Plan;
using tierplan::PlanningError;
using tierplan::Scenario;
using tierplan::Workload;

constexpr double kMibPerGib = 1024.0;

// ---------------------------------------------------------------------------------------
// Helpers

Scenario builtin() { return tierplan::builtin_scenario("dify-enterprise"); }

const EnvironmentPlan& environment_of(const Plan& plan, const std::string& name) {
  const EnvironmentPlan* environment = plan.find_environment(name);
  if (environment == nullptr) throw std::logic_error("no environment " + name + " in the plan");
  return *environment;
}

const ComponentPlan& component_of(const EnvironmentPlan& environment, const std::string& name) {
  const ComponentPlan* component = environment.find_component(name);
  if (component == nullptr) {
    throw std::logic_error("no component " + name + " in " + environment.name);
  }
  return *component;
}

Environment& policy_environment(Scenario& scenario, const std::string& name) {
  for (auto& environment : scenario.environments) {
    if (environment.name == name) return environment;
  }
  throw std::logic_error("no environment " + name + " in the scenario");
}

// The scenario with every load it describes multiplied by factor: the scenario's
// workload and every environment's own workload.
Scenario scaled_load(Scenario scenario, double factor) {
  scenario.workload = scenario.workload.scaled(factor);
  for (auto& environment : scenario.environments) {
    if (environment.workload) environment.workload = environment.workload->scaled(factor);
  }
  return scenario;
}

bool within_relative(double actual, double expected, double tolerance) {
  return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

// The official reference (tests/data/reference/dify-enterprise.json, with its source in
// tests/data/README.md). A missing or unreadable file fails the calling test.
std::optional<Json> read_reference() {
  const std::filesystem::path path(TIERPLAN_REFERENCE_FILE);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read the reference file " << path.string();
    return std::nullopt;
  }
  try {
    return Json::parse(in);
  } catch (const std::exception& error) {
    ADD_FAILURE() << path.string() << " is not JSON: " << error.what();
    return std::nullopt;
  }
}

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

// ---------------------------------------------------------------------------------------
// A model, not a table: more load never lowers replicas, nodes or cost

double uniform(std::mt19937& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}
double log_uniform(std::mt19937& rng, double lo, double hi) {
  return std::exp(uniform(rng, std::log(lo), std::log(hi)));
}
int uniform_int(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
bool coin(std::mt19937& rng, double p = 0.5) { return uniform(rng, 0.0, 1.0) < p; }

void randomize_requests(std::mt19937& rng, Workload& workload) {
  for (auto& request : workload.requests) {
    request.per_user_per_day = coin(rng, 0.1) ? 0.0 : log_uniform(rng, 0.1, 100.0);
    request.api_service_ms = uniform(rng, 5.0, 600.0);
    request.stream_hold_s = coin(rng, 0.2) ? 0.0 : uniform(rng, 0.0, 60.0);
    request.worker_tasks_per_request = uniform(rng, 0.0, 3.0);
    request.plugin_calls_per_request = uniform(rng, 0.0, 4.0);
    request.sandbox_executions_per_request = uniform(rng, 0.0, 1.5);
  }
  workload.worker_task_service_s = log_uniform(rng, 0.05, 3.0);
  workload.plugin_call_service_s = log_uniform(rng, 0.05, 2.0);
  workload.sandbox_execution_service_s = log_uniform(rng, 0.05, 1.0);
}

// The built-in stack, policies and catalog under a random workload of realistic size.
Scenario random_workload_scenario(std::mt19937& rng) {
  Scenario scenario = builtin();
  Workload& workload = scenario.workload;
  workload.daily_active_users = log_uniform(rng, 1.0, 5000.0);
  workload.peak_hour_fraction = uniform(rng, 0.05, 0.4);
  workload.peak_burst_factor = uniform(rng, 1.0, 3.0);
  randomize_requests(rng, workload);
  workload.knowledge_base.documents = log_uniform(rng, 1.0, 1e6);
  workload.knowledge_base.documents_ingested_per_day =
      coin(rng, 0.2) ? 0.0 : log_uniform(rng, 1.0, 3000.0);
  workload.growth.annual_growth_fraction = uniform(rng, 0.0, 1.0);
  for (auto& environment : scenario.environments) {
    if (environment.workload) {
      Workload& own = *environment.workload;
      own.daily_active_users = log_uniform(rng, 1.0, 100.0);
      own.peak_hour_fraction = uniform(rng, 0.05, 0.4);
      randomize_requests(rng, own);
      own.knowledge_base.documents_ingested_per_day = uniform(rng, 0.0, 100.0);
    } else {
      environment.workload_share =
          coin(rng, 0.5) ? environment.workload_share : uniform(rng, 0.05, 1.0);
    }
  }
  return scenario;
}

std::optional<Plan> try_plan(const Scenario& scenario) {
  try {
    return tierplan::plan(scenario);
  } catch (const PlanningError&) {
    return std::nullopt;
  }
}

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
      const auto& types = scenario.catalog.node_types;
      const std::string fixed =
          types[static_cast<std::size_t>(uniform_int(rng, 0, static_cast<int>(types.size()) - 1))]
              .name;
      for (auto& environment : scenario.environments) environment.policy.node_type = fixed;
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
Scenario test_serves_production_workload(double factor) {
  Scenario scenario = scaled_load(builtin(), factor);
  Environment& test = policy_environment(scenario, "test");
  test.workload.reset();
  test.workload_share = policy_environment(scenario, "production").workload_share.value_or(1.0);
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
  for (const std::string node_type : {"n2-standard-8", "Standard_D16s_v5", "m5.4xlarge"}) {
    for (const double factor : kSameWorkloadFactors) {
      SCOPED_TRACE(node_type + ", load x" + std::to_string(factor));
      Scenario scenario = test_serves_production_workload(factor);
      for (auto& environment : scenario.environments) environment.policy.node_type = node_type;
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
// Erlang B and C

// Independent Erlang B/C: the textbook closed form, with the terms A^k/k! computed in
// log space (lgamma) and summed after scaling by the largest, in long double.
struct ClosedForm {
  long double b;
  long double c;
};

ClosedForm erlang_closed_form(double a, int servers) {
  const long double la = std::log(static_cast<long double>(a));
  std::vector<long double> log_terms;
  for (int k = 0; k <= servers; ++k) {
    log_terms.push_back(k * la - std::lgamma(static_cast<long double>(k) + 1.0L));
  }
  const long double top = *std::max_element(log_terms.begin(), log_terms.end());
  long double below = 0.0L;  // sum over k < c
  for (int k = 0; k < servers; ++k) below += std::exp(log_terms[k] - top);
  const long double last = std::exp(log_terms[servers] - top);
  const long double n = servers;
  const long double waiting = last * n / (n - a);
  return {last / (below + last), waiting / (below + waiting)};
}

TEST(Queueing, erlang_b_textbook_values) {
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(1.0, 1), 0.5);
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(2.0, 2), 0.4);           // (4/2) / (1 + 2 + 2)
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(1.0, 2), 0.2);           // (1/2) / (1 + 1 + 1/2)
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(3.0, 0), 1.0);           // no servers: everything is lost
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(0.0, 3), 0.0);           // no load: nothing is lost
  EXPECT_NEAR(tierplan::erlang_b(10.0, 10), 0.2145823, 1e-7);  // classic table value
}

TEST(Queueing, erlang_c_textbook_values) {
  EXPECT_NEAR(tierplan::erlang_c(2.0, 3), 4.0 / 9.0, 1e-15);
  EXPECT_NEAR(tierplan::erlang_c(1.0, 2), 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(tierplan::erlang_c(0.5, 1), 0.5, 1e-15);  // M/M/1: C = rho
  EXPECT_DOUBLE_EQ(tierplan::erlang_c(0.0, 1), 0.0);
  EXPECT_THROW(tierplan::erlang_c(3.0, 3), std::invalid_argument);
  EXPECT_THROW(tierplan::erlang_c(3.5, 3), std::invalid_argument);
  EXPECT_THROW(tierplan::erlang_b(-1.0, 3), std::invalid_argument);
  EXPECT_THROW(tierplan::erlang_b(std::numeric_limits<double>::quiet_NaN(), 3),
               std::invalid_argument);
}

TEST(Queueing, erlang_b_and_c_agree_with_the_closed_form_to_1e_9_relative) {
  int checked = 0;
  for (const double a : {0.1, 0.5, 1.0, 2.5, 7.3, 10.0, 33.3, 64.0, 120.0, 200.0}) {
    const int first = static_cast<int>(std::ceil(a)) + 1;
    for (int servers = first; servers <= first + 40; ++servers) {
      const ClosedForm expected = erlang_closed_form(a, servers);
      const double b = tierplan::erlang_b(a, servers);
      const double c = tierplan::erlang_c(a, servers);
      EXPECT_LE(std::abs(b - static_cast<double>(expected.b)),
                1e-9 * static_cast<double>(expected.b))
          << "B(" << a << ", " << servers << ") = " << b << ", closed form " << expected.b;
      EXPECT_LE(std::abs(c - static_cast<double>(expected.c)),
                1e-9 * static_cast<double>(expected.c))
          << "C(" << a << ", " << servers << ") = " << c << ", closed form " << expected.c;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 410);
}

TEST(Queueing, erlang_b_and_c_stay_finite_up_to_50000_erlangs) {
  for (const double a : {100.0, 1000.0, 9999.5, 25000.0, 50000.0}) {
    const int first = static_cast<int>(std::floor(a)) + 1;
    const int root = static_cast<int>(std::sqrt(a));
    for (const int servers : {first, first + 1, first + root / 2, first + root, first + 3 * root}) {
      SCOPED_TRACE("A " + std::to_string(a) + ", c " + std::to_string(servers));
      const double b = tierplan::erlang_b(a, servers);
      const double c = tierplan::erlang_c(a, servers);
      EXPECT_TRUE(std::isfinite(b));
      EXPECT_TRUE(std::isfinite(c));
      EXPECT_GE(b, 0.0);
      EXPECT_LE(b, 1.0);
      EXPECT_GE(c, b);  // waiting is at least as likely as blocking
      EXPECT_LE(c, 1.0);
      const double wait = tierplan::mean_wait_s(a, servers, 1.0);
      EXPECT_TRUE(std::isfinite(wait));
      EXPECT_GE(wait, 0.0);
    }
    // Far fewer servers than the load (Erlang B only): still a probability.
    const double overloaded = tierplan::erlang_b(a, static_cast<int>(a / 2));
    EXPECT_TRUE(std::isfinite(overloaded));
    EXPECT_GT(overloaded, 0.0);
    EXPECT_LE(overloaded, 1.0);
  }
  // Just above the load, C is close to 1; with a square-root safety margin, well below.
  EXPECT_GT(tierplan::erlang_c(50000.0, 50001), 0.9);
  EXPECT_LT(tierplan::erlang_c(50000.0, 50000 + 3 * 224), 0.01);
}

TEST(Queueing, wait_tail_and_mean_wait_follow_erlang_c) {
  const double c = tierplan::erlang_c(2.0, 3);
  EXPECT_NEAR(tierplan::probability_wait_exceeds(2.0, 3, 0.5, 0.0), c, 1e-15);
  EXPECT_NEAR(tierplan::probability_wait_exceeds(2.0, 3, 0.5, 0.25), c * std::exp(-0.5), 1e-15);
  // Wq = C * service / (c - A) = 4/9 * 0.5 / 1.
  EXPECT_NEAR(tierplan::mean_wait_s(2.0, 3, 0.5), 2.0 / 9.0, 1e-15);
}

TEST(Queueing, min_servers_returns_the_smallest_count_meeting_the_target) {
  int checked = 0;
  for (const double a : {0.01, 0.4, 1.0, 3.3, 12.0, 80.0, 450.0, 3000.0}) {
    for (const double service_s : {0.05, 0.25, 2.0}) {
      for (const double wait_s : {0.0, 0.1, 1.0}) {
        for (const double percentile : {0.5, 0.95, 0.999}) {
          for (const double max_utilization : {0.5, 0.85, 0.99}) {
            SCOPED_TRACE("A " + std::to_string(a) + ", service " + std::to_string(service_s) +
                         " s, wait " + std::to_string(wait_s) + " s, p" +
                         std::to_string(percentile) + ", ceiling " +
                         std::to_string(max_utilization));
            const auto meets = [&](int servers) {
              if (servers <= a) return false;
              if (a / servers > max_utilization) return false;
              return tierplan::probability_wait_exceeds(a, servers, service_s, wait_s) <=
                     1.0 - percentile;
            };
            const auto sizing =
                tierplan::min_servers(a, service_s, wait_s, percentile, max_utilization, 100000);
            ASSERT_TRUE(sizing.has_value());
            EXPECT_TRUE(meets(sizing->servers)) << sizing->servers << " servers";
            if (sizing->servers > 1) {
              EXPECT_FALSE(meets(sizing->servers - 1)) << sizing->servers - 1 << " servers";
            }
            EXPECT_DOUBLE_EQ(sizing->utilization, a / sizing->servers);
            EXPECT_NEAR(sizing->wait_probability, tierplan::erlang_c(a, sizing->servers), 1e-12);
            // One server fewer than the answer is not enough.
            EXPECT_FALSE(tierplan::min_servers(a, service_s, wait_s, percentile, max_utilization,
                                               sizing->servers - 1)
                             .has_value());
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, 8 * 3 * 3 * 3 * 3);
}

// ---------------------------------------------------------------------------------------
// Infeasible scenarios are PlanningErrors that say where and why

// The message of the PlanningError plan_environment throws for environment_name.
std::string planning_error_of(const Scenario& scenario, const std::string& environment_name) {
  try {
    tierplan::plan_environment(scenario, *scenario.find_environment(environment_name));
  } catch (const PlanningError& error) {
    // plan() reports the same error for the whole scenario.
    EXPECT_THROW(tierplan::plan(scenario), PlanningError);
    return error.what();
  }
  ADD_FAILURE() << "no PlanningError for " << environment_name;
  return "";
}

tierplan::Component& stack_component(Scenario& scenario, const std::string& name) {
  for (auto& component : scenario.stack.components) {
    if (component.name == name) return component;
  }
  throw std::logic_error("no component " + name);
}

TEST(Infeasible, a_pod_larger_than_every_instance_type_names_environment_and_component) {
  Scenario scenario = builtin();
  stack_component(scenario, "api").resources.baseline_cpu_m = 100000.0;  // 100 cores
  const std::string message = planning_error_of(scenario, "production");
  EXPECT_NE(message.find("production"), std::string::npos) << message;
  EXPECT_NE(message.find("api"), std::string::npos) << message;
  EXPECT_NE(message.find("no node type can hold"), std::string::npos) << message;
}

TEST(Infeasible, a_latency_target_below_the_service_time_names_environment_and_component) {
  Scenario scenario = builtin();
  // The api's mean service time in the built-in mix is about 170 ms.
  policy_environment(scenario, "production").policy.latency_target_ms = 100.0;
  const std::string message = planning_error_of(scenario, "production");
  EXPECT_NE(message.find("production"), std::string::npos) << message;
  EXPECT_NE(message.find("api"), std::string::npos) << message;
  EXPECT_NE(message.find("latency target"), std::string::npos) << message;
  EXPECT_NE(message.find("service time"), std::string::npos) << message;
}

TEST(Infeasible, max_replicas_too_small_names_environment_component_and_the_limit) {
  Scenario scenario = scaled_load(builtin(), 3.0);
  auto& policy = policy_environment(scenario, "production").policy;
  policy.min_replicas = 1;
  policy.max_replicas = 2;
  const std::string message = planning_error_of(scenario, "production");
  EXPECT_NE(message.find("production: "), std::string::npos) << message;
  EXPECT_NE(message.find("max_replicas 2"), std::string::npos) << message;
  bool names_a_component = false;
  for (const auto& component : scenario.stack.components) {
    names_a_component |= message.find(component.name) != std::string::npos;
  }
  EXPECT_TRUE(names_a_component) << message;
}

TEST(Infeasible, a_fixed_node_type_too_small_for_a_pod_says_which_pod_and_node) {
  Scenario scenario = builtin();
  policy_environment(scenario, "production").policy.node_type = "m5.large";
  const std::string message = planning_error_of(scenario, "production");
  EXPECT_NE(message.find("production"), std::string::npos) << message;
  EXPECT_NE(message.find("m5.large"), std::string::npos) << message;
  EXPECT_NE(message.find(" pod needs "), std::string::npos) << message;
}

TEST(Infeasible, growth_beyond_max_replicas_caps_the_hpa_range_instead_of_failing) {
  // Feasible at today's peak; the planning horizon's growth needs more than max_replicas.
  Scenario scenario = builtin();
  auto& policy = policy_environment(scenario, "production").policy;
  policy.max_replicas = 3;
  scenario.workload.growth.annual_growth_fraction = 1.0;
  std::optional<Plan> plan;
  try {
    plan = tierplan::plan(scenario);
  } catch (const PlanningError& error) {
    FAIL() << "today's load fits max_replicas 3, but planning failed: " << error.what();
  }
  for (const auto& component : environment_of(*plan, "production").components) {
    EXPECT_LE(component.hpa_max_replicas, 3) << component.name;
  }
}

// Random scenarios of valid but extreme values, kept valid by a round trip through the
// validator. Each number is drawn from a moderate range, or (with a probability chosen
// per scenario, from none to one in five) from the whole range the validator accepts, so
// that runs reach both plans and errors. Replica floors stay below a few dozen so that
// a run stays fast. The planner must return a plan or throw PlanningError, nothing else.
struct Fuzz {
  std::mt19937& rng;
  double extreme_probability = 0.0;
  bool extreme() { return coin(rng, extreme_probability); }
  // Log-uniform in [lo, hi], or in [extreme_lo, extreme_hi] when extreme.
  double number(double lo, double hi, double extreme_lo, double extreme_hi) {
    return extreme() ? log_uniform(rng, extreme_lo, extreme_hi) : log_uniform(rng, lo, hi);
  }
  // As number(), or zero with probability zero_probability.
  double maybe_zero(double zero_probability, double lo, double hi, double extreme_lo,
                    double extreme_hi) {
    return coin(rng, zero_probability) ? 0.0 : number(lo, hi, extreme_lo, extreme_hi);
  }
  int integer(int lo, int hi, int extreme_lo, int extreme_hi) {
    return extreme() ? uniform_int(rng, extreme_lo, extreme_hi) : uniform_int(rng, lo, hi);
  }
};

Scenario random_extreme_scenario(std::mt19937& rng) {
  const std::vector<double> extremity = {0.0, 0.01, 0.05, 0.2};
  Fuzz f{rng, extremity[static_cast<std::size_t>(uniform_int(rng, 0, 3))]};
  Scenario scenario = builtin();
  // Catalog: one to four node types, from tiny to huge.
  scenario.catalog.node_types.clear();
  const int types = uniform_int(rng, 1, 4);
  const std::vector<std::string> clouds = {"aws", "gcp", "azure", "other"};
  for (int t = 0; t < types; ++t) {
    tierplan::NodeType type;
    type.name = "type-" + std::to_string(t);
    type.cloud = clouds[static_cast<std::size_t>(uniform_int(rng, 0, 3))];
    type.vcpu = 1 << f.integer(1, 6, 0, 12);
    type.memory_gib = f.number(4.0, 512.0, 0.01, 65536.0);
    type.max_pods = f.integer(16, 250, 1, 10000);
    type.price_usd_per_hour = coin(rng, 0.05) ? 0.0 : f.number(0.05, 5.0, 1e-4, 10000.0);
    type.source = "fuzz";
    type.as_of = "2026-01-01";
    scenario.catalog.node_types.push_back(type);
  }
  // Stack: every component's numbers at random, within the validator's ranges.
  scenario.stack.limit_to_request_ratio = coin(rng, 0.2) ? 1.0 : f.number(1.0, 4.0, 1.0, 100.0);
  for (auto& component : scenario.stack.components) {
    component.concurrency_per_replica = f.integer(1, 16, 1, 100000);
    component.max_connections_per_replica =
        static_cast<int>(f.maybe_zero(0.5, 10.0, 5000.0, 1.0, 1e6));
    component.service_time_ms = f.number(5.0, 1000.0, 1e-3, 3.6e6);
    auto& model = component.resources;
    model.baseline_cpu_m = f.number(10.0, 1000.0, 1e-3, 1.024e6);
    model.baseline_memory_mib = f.number(32.0, 4096.0, 1e-3, 4.0 * 1024 * 1024);
    model.cpu_m_per_rate_per_s = f.maybe_zero(0.3, 1.0, 500.0, 1e-6, 1.024e6);
    model.memory_mib_per_rate_per_s = f.maybe_zero(0.3, 1.0, 500.0, 1e-6, 4.0 * 1024 * 1024);
    model.memory_mib_per_concurrent = f.maybe_zero(0.3, 0.1, 100.0, 1e-6, 4.0 * 1024 * 1024);
    if (component.kind != tierplan::ComponentKind::singleton) {
      component.scales_horizontally = coin(rng, 0.9);
    }
  }
  // Workload: from nobody to a billion users.
  Workload& workload = scenario.workload;
  workload.daily_active_users = f.maybe_zero(0.05, 1.0, 1e5, 1e-3, 1e9);
  workload.peak_hour_fraction = f.number(0.05, 0.5, 1e-9, 1.0);
  workload.peak_burst_factor = f.number(1.0, 3.0, 1.0, 100.0);
  if (coin(rng, 0.05)) workload.requests.clear();
  for (auto& request : workload.requests) {
    request.per_user_per_day = f.maybe_zero(0.1, 0.1, 100.0, 1e-6, 1e6);
    request.api_service_ms = f.maybe_zero(0.05, 10.0, 1000.0, 1e-6, 3.6e6);
    request.stream_hold_s = f.maybe_zero(0.3, 1.0, 60.0, 1e-6, 3600.0);
    request.worker_tasks_per_request = f.maybe_zero(0.3, 0.01, 3.0, 1e-6, 1000.0);
    request.plugin_calls_per_request = f.maybe_zero(0.3, 0.01, 3.0, 1e-6, 1000.0);
    request.sandbox_executions_per_request = f.maybe_zero(0.3, 0.01, 3.0, 1e-6, 1000.0);
  }
  workload.worker_task_service_s = f.number(0.05, 5.0, 1e-6, 3600.0);
  workload.plugin_call_service_s = f.number(0.05, 5.0, 1e-6, 3600.0);
  workload.sandbox_execution_service_s = f.number(0.05, 5.0, 1e-6, 3600.0);
  workload.knowledge_base.documents_ingested_per_day = f.maybe_zero(0.3, 1.0, 1e4, 1e-6, 1e9);
  workload.growth.annual_growth_fraction =
      coin(rng, 0.2) ? uniform(rng, -0.9, 0.0) : f.number(0.01, 2.0, 0.01, 100.0);
  workload.growth.planning_horizon_months = uniform(rng, 0.0, 120.0);
  // Policies: every switch and ceiling at random.
  const std::vector<tierplan::ReservedModel> reserved_models = {
      tierplan::ReservedModel::gke, tierplan::ReservedModel::eks, tierplan::ReservedModel::aks,
      tierplan::ReservedModel::by_cloud};
  for (auto& environment : scenario.environments) {
    if (environment.workload) {
      environment.workload->daily_active_users = f.maybe_zero(0.05, 1.0, 100.0, 1e-3, 1e7);
    } else {
      environment.workload_share = f.maybe_zero(0.05, 0.01, 1.0, 1e-6, 1000.0);
    }
    auto& policy = environment.policy;
    policy.min_replicas = f.integer(1, 5, 1, 40);
    policy.max_replicas = policy.min_replicas + (coin(rng, 0.1) ? 0 : f.integer(0, 200, 0, 600));
    policy.spread = coin(rng) ? tierplan::SpreadPolicy::nodes : tierplan::SpreadPolicy::none;
    policy.survive_node_loss = coin(rng);
    policy.pack_by =
        coin(rng) ? tierplan::PackingMeasure::limits : tierplan::PackingMeasure::requests;
    policy.node_loss_pack_by =
        coin(rng) ? tierplan::PackingMeasure::limits : tierplan::PackingMeasure::requests;
    policy.max_server_utilization = f.number(0.3, 0.95, 1e-6, 1.0);
    policy.latency_target_ms = f.number(2000.0, 20000.0, 1e-3, 3.6e6);
    policy.latency_percentile =
        f.extreme() ? uniform(rng, 1e-6, 0.999999) : uniform(rng, 0.5, 0.99);
    policy.node_fill_ceiling = f.extreme() ? uniform(rng, 1e-6, 1.0) : uniform(rng, 0.5, 1.0);
    policy.max_pod_fraction_of_node =
        f.extreme() ? uniform(rng, 1e-6, 1.0) : uniform(rng, 0.3, 1.0);
    policy.reserved_model = reserved_models[static_cast<std::size_t>(uniform_int(rng, 0, 3))];
    policy.daemonset_cpu_m = f.maybe_zero(0.3, 10.0, 1000.0, 1e-3, 1e6);
    policy.daemonset_memory_mib = f.maybe_zero(0.3, 10.0, 2000.0, 1e-3, 4.0 * 1024 * 1024);
    policy.daemonset_pods = f.integer(0, 10, 0, 1000);
    policy.node_type = coin(rng, 0.3) ? scenario.catalog.node_types.front().name : "";
  }
  return scenario;
}

constexpr int kFuzzScenarios = 300;

TEST(Infeasible, no_valid_input_crashes_the_planner) {
  int planned = 0;
  int infeasible = 0;
  int invalid = 0;
  for (int i = 0; i < kFuzzScenarios; ++i) {
    const std::uint32_t seed = 20000 + static_cast<std::uint32_t>(i);
    std::mt19937 rng(seed);
    Scenario scenario;
    try {
      // Only what the validator accepts counts as input.
      scenario = tierplan::scenario_from_json_string(
          tierplan::scenario_to_json_string(random_extreme_scenario(rng)));
    } catch (const tierplan::ValidationError&) {
      ++invalid;
      continue;
    }
    try {
      const Plan plan = tierplan::plan(scenario);
      ++planned;
      const std::string json = tierplan::plan_to_json_string(plan);
      EXPECT_EQ(json.find("null"), std::string::npos)
          << "seed " << seed << ": a NaN or infinity in the plan";
      for (const auto& environment : plan.environments) {
        EXPECT_GE(environment.nodes.count, 1) << "seed " << seed;
        for (const auto& component : environment.components) {
          EXPECT_GE(component.replicas, 1) << "seed " << seed << " " << component.name;
          EXPECT_GE(component.connection_replicas, 0)
              << "seed " << seed << " " << environment.name << "/" << component.name;
          EXPECT_GE(component.replicas, component.connection_replicas)
              << "seed " << seed << " " << component.name;
        }
      }
    } catch (const PlanningError& error) {
      ++infeasible;
      const std::string message = error.what();
      bool names_environment = false;
      for (const auto& environment : scenario.environments) {
        names_environment |= message.rfind(environment.name + ":", 0) == 0;
      }
      EXPECT_TRUE(names_environment) << "seed " << seed << ": " << message;
    } catch (const std::exception& error) {
      ADD_FAILURE() << "seed " << seed << ": not a PlanningError: " << error.what();
    }
  }
  RecordProperty("planned", planned);
  RecordProperty("infeasible", infeasible);
  RecordProperty("invalid", invalid);
  EXPECT_LE(invalid, kFuzzScenarios / 10) << "the generator should make valid scenarios";
  EXPECT_GE(planned, kFuzzScenarios / 10) << "the fuzz should also reach successful plans";
  EXPECT_GE(infeasible, kFuzzScenarios / 10);
}

TEST(Infeasible, held_connections_beyond_int_range_are_a_planning_error_not_dropped) {
  // An api whose requests take no api time but hold their connection for an hour: 1e9 users x 1e6
  // requests a day is ~9e14 connections in flight, ~1.3e12 replicas of 1,000 connections. That is
  // far above max_replicas (500), so planning must fail; it must not give the floor's 3 replicas.
  Scenario scenario = builtin();
  tierplan::Component api = stack_component(scenario, "api");
  api.resources.cpu_m_per_rate_per_s = 0.0;
  api.resources.memory_mib_per_rate_per_s = 0.0;
  api.resources.memory_mib_per_concurrent = 0.0;
  api.max_connections_per_replica = 1000;
  for (auto& request : scenario.workload.requests) {
    request.api_service_ms = 0.0;
    request.stream_hold_s = 3600.0;
    request.per_user_per_day = 1e6;
  }
  scenario.workload.daily_active_users = 1e9;
  // The compute plane alone (size_component), so that no other error can mask this one.
  tierplan::EnvironmentPolicy policy = scenario.find_environment("production")->policy;
  policy.min_replicas = 3;
  policy.max_replicas = 500;
  policy.max_server_utilization = 0.7;
  const auto size_api = [&] {
    const auto demand = tierplan::peak_demand(scenario.workload);
    return tierplan::size_component(api, tierplan::component_load(api, demand, scenario.workload),
                                    policy, scenario.stack.limit_to_request_ratio, 1.0,
                                    "production");
  };
  try {
    const ComponentPlan planned = size_api();
    ADD_FAILURE() << "planned " << planned.replicas << " replicas (connection bound "
                  << planned.connection_replicas << ") for " << planned.load.concurrent_requests
                  << " connections in flight: " << planned.replicas_reason();
  } catch (const PlanningError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("production: api: ", 0), 0u) << message;
    EXPECT_NE(message.find("max_replicas"), std::string::npos) << message;
  }
  // At a load that fits, the connection bound alone sets the replicas: 3,000 users x 400
  // requests a day at the peak (0.15 x 1.5 / 3600 s), each held 3,600 s, is 270,000 in
  // flight; at 70% of 1,000 connections per replica that is 386 replicas.
  for (auto& request : scenario.workload.requests) request.per_user_per_day = 100.0;
  scenario.workload.daily_active_users = 3000.0;
  const ComponentPlan planned = size_api();
  EXPECT_EQ(planned.connection_replicas, 386) << planned.replicas_reason();
  EXPECT_EQ(planned.replicas, 386);
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
  for (auto& environment : fixed.environments) environment.policy.node_type = "n2-standard-16";
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

// ---------------------------------------------------------------------------------------
// Node allocatable follows DESIGN.md

// A table filled by component runs (as the planner fills it) skips finish()'s sorting:
// it must end as the same table filled pod by pod.
tierplan::detail::PodTable table_of(const std::vector<std::pair<std::string, int>>& runs,
                                    bool by_runs, double nan_cpu_of_last = 0.0) {
  tierplan::detail::PodTable table;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    tierplan::detail::IndexedPod pod;
    pod.component = table.component_index(runs[r].first);
    pod.cpu_m = pod.request_cpu_m = pod.limit_cpu_m = 100.0 * static_cast<double>(r + 1);
    if (r + 1 == runs.size() && nan_cpu_of_last != 0.0) pod.cpu_m = nan_cpu_of_last;
    pod.memory_mib = pod.request_memory_mib = pod.limit_memory_mib = 256.0;
    if (by_runs) {
      table.add_replicas(pod, runs[r].second);
    } else {
      for (int i = 0; i < runs[r].second; ++i) {
        pod.replica_index = i;
        table.add(pod);
      }
    }
  }
  table.finish();
  return table;
}

TEST(PodTable, filled_by_component_runs_it_finishes_as_filled_pod_by_pod) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const double last_cpu : {0.0, nan}) {
    const std::vector<std::pair<std::string, int>> runs = {
        {"worker", 3}, {"api", 2}, {"sandbox", 0}, {"plugin_controller", 1}, {"web", 2}};
    const auto fast = table_of(runs, true, last_cpu);
    const auto general = table_of(runs, false, last_cpu);
    EXPECT_TRUE(fast.in_component_runs);
    EXPECT_FALSE(general.in_component_runs);
    EXPECT_EQ(fast.component_offsets, general.component_offsets);
    EXPECT_EQ(fast.component_pods, general.component_pods);
    EXPECT_EQ(fast.name_key, general.name_key);
    EXPECT_EQ(fast.name_rank, general.name_rank);
    EXPECT_EQ(fast.uniform_components, general.uniform_components);
    EXPECT_EQ(fast.uniform_components, std::isnan(last_cpu) ? false : true);
  }
  // A component that comes back in a second run is not one run: the general path.
  const auto split = table_of({{"api", 2}, {"web", 1}, {"api", 1}}, true);
  EXPECT_FALSE(split.in_component_runs);
  EXPECT_EQ(split.component_offsets, (std::vector<int>{0, 3, 4}));
  EXPECT_EQ(split.component_pods, (std::vector<int>{0, 3, 1, 2}));
}

TEST(NodeAllocatable, gke_reserve_for_8_vcpu_32_gib_matches_the_design_formula) {
  // Memory: 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the
  // next 16 (of 112). CPU: 6% of the first core, 1% of the second, 0.5% of cores 3 and
  // 4, 0.25% of the 4 above.
  const double memory_mib = (0.25 * 4 + 0.20 * 4 + 0.10 * 8 + 0.06 * 16) * 1024.0;
  const double cpu_m = 60 + 10 + 5 + 5 + 4 * 2.5;
  EXPECT_NEAR(tierplan::reserved_memory_mib(32.0, 110, tierplan::ReservedModel::gke), memory_mib,
              1e-9);
  EXPECT_NEAR(tierplan::reserved_cpu_m(8, tierplan::ReservedModel::gke), cpu_m, 1e-9);

  tierplan::NodeType node;
  node.name = "n2-standard-8";
  node.vcpu = 8;
  node.memory_gib = 32.0;
  node.max_pods = 110;
  tierplan::EnvironmentPolicy policy;
  policy.reserved_model = tierplan::ReservedModel::gke;
  policy.daemonset_cpu_m = 400.0;
  policy.daemonset_memory_mib = 640.0;
  policy.daemonset_pods = 6;
  const auto allocatable = tierplan::node_allocatable(node, policy);
  EXPECT_DOUBLE_EQ(allocatable.capacity_cpu_m, 8000.0);
  EXPECT_DOUBLE_EQ(allocatable.capacity_memory_mib, 32768.0);
  EXPECT_NEAR(allocatable.allocatable_cpu_m, 8000.0 - cpu_m, 1e-9);
  EXPECT_NEAR(allocatable.allocatable_memory_mib, 32768.0 - memory_mib - 100.0, 1e-9);
  EXPECT_NEAR(allocatable.pod_cpu_m, 8000.0 - cpu_m - 400.0, 1e-9);
  EXPECT_NEAR(allocatable.pod_memory_mib, 32768.0 - memory_mib - 100.0 - 640.0, 1e-9);
  EXPECT_EQ(allocatable.pod_slots, 104);
}

TEST(NodeAllocatable, gke_reserve_edges) {
  using tierplan::ReservedModel;
  EXPECT_DOUBLE_EQ(tierplan::reserved_memory_mib(0.5, 110, ReservedModel::gke), 255.0);
  EXPECT_NEAR(tierplan::reserved_memory_mib(4.0, 110, ReservedModel::gke), 1024.0, 1e-9);
  // Above 128 GiB: 2% of the rest.
  const double at_256 = (0.25 * 4 + 0.20 * 4 + 0.10 * 8 + 0.06 * 112 + 0.02 * 128) * 1024.0;
  EXPECT_NEAR(tierplan::reserved_memory_mib(256.0, 110, ReservedModel::gke), at_256, 1e-9);
  EXPECT_NEAR(tierplan::reserved_cpu_m(1, ReservedModel::gke), 60.0, 1e-9);
  EXPECT_NEAR(tierplan::reserved_cpu_m(2, ReservedModel::eks), 70.0, 1e-9);
}

TEST(NodeAllocatable, eks_m5_large_with_29_pods_reserves_574_mib) {
  EXPECT_DOUBLE_EQ(tierplan::reserved_memory_mib(8.0, 29, tierplan::ReservedModel::eks), 574.0);
}

TEST(NodeAllocatable, aks_8_cores_reserves_180_m) {
  using tierplan::ReservedModel;
  EXPECT_DOUBLE_EQ(tierplan::reserved_cpu_m(8, ReservedModel::aks), 180.0);
  const std::vector<std::pair<int, double>> table = {{1, 60.0},   {2, 100.0},  {4, 140.0},
                                                     {16, 260.0}, {32, 420.0}, {64, 740.0}};
  for (const auto& [cores, reserve] : table) {
    EXPECT_DOUBLE_EQ(tierplan::reserved_cpu_m(cores, ReservedModel::aks), reserve) << cores;
  }
  // Memory: min(20 MiB * max pods + 50 MiB, 25% of memory).
  EXPECT_DOUBLE_EQ(tierplan::reserved_memory_mib(32.0, 110, ReservedModel::aks), 2250.0);
  EXPECT_DOUBLE_EQ(tierplan::reserved_memory_mib(4.0, 110, ReservedModel::aks), 1024.0);
}

// ---------------------------------------------------------------------------------------
// The plan JSON follows data/schema/plan.schema.json (a small validator for the keywords
// the schema uses; the Python tests check it with the jsonschema package as well).

bool matches_type(const Json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "integer") {
    return value.is_number_integer() ||
           (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>());
  }
  if (type == "number") return value.is_number();
  if (type == "null") return value.is_null();
  return false;
}

void validate(const Json& value, const Json& schema, const Json& root, const std::string& path,
              std::vector<std::string>& problems) {
  if (schema.contains("$ref")) {
    const std::string ref = schema.at("$ref").get<std::string>();
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) {
      problems.push_back(path + ": unsupported $ref " + ref);
      return;
    }
    validate(value, root.at("$defs").at(ref.substr(prefix.size())), root, path, problems);
    return;
  }
  if (schema.contains("type")) {
    const Json& type = schema.at("type");
    bool ok = false;
    if (type.is_array()) {
      for (const auto& t : type) ok |= matches_type(value, t.get<std::string>());
    } else {
      ok = matches_type(value, type.get<std::string>());
    }
    if (!ok) {
      problems.push_back(path + ": expected " + type.dump() + ", got " + value.dump());
      return;
    }
  }
  if (schema.contains("const") && value != schema.at("const")) {
    problems.push_back(path + ": expected " + schema.at("const").dump());
  }
  if (schema.contains("enum")) {
    const Json& options = schema.at("enum");
    if (std::find(options.begin(), options.end(), value) == options.end()) {
      problems.push_back(path + ": " + value.dump() + " not in " + options.dump());
    }
  }
  if (value.is_number()) {
    if (schema.contains("minimum") && value.get<double>() < schema.at("minimum").get<double>()) {
      problems.push_back(path + ": below the minimum");
    }
    if (schema.contains("maximum") && value.get<double>() > schema.at("maximum").get<double>()) {
      problems.push_back(path + ": above the maximum");
    }
  }
  if (value.is_object()) {
    if (schema.contains("required")) {
      for (const auto& key : schema.at("required")) {
        if (!value.contains(key.get<std::string>())) {
          problems.push_back(path + ": missing " + key.get<std::string>());
        }
      }
    }
    const Json properties = schema.value("properties", Json::object());
    for (const auto& [key, item] : value.items()) {
      if (properties.contains(key)) {
        validate(item, properties.at(key), root, path + "." + key, problems);
      } else if (schema.contains("additionalProperties") &&
                 schema.at("additionalProperties") == false) {
        problems.push_back(path + ": unexpected key " + key);
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      validate(value[i], schema.at("items"), root, path + "[" + std::to_string(i) + "]", problems);
    }
  }
}

// Every object in the schema closes its key set and requires every key it lists.
void expect_closed_and_required(const Json& schema, const std::string& path) {
  if (schema.is_object()) {
    if (schema.contains("properties")) {
      EXPECT_EQ(schema.value("additionalProperties", Json(true)), Json(false)) << path;
      ASSERT_TRUE(schema.contains("required")) << path;
      EXPECT_EQ(schema.at("required").size(), schema.at("properties").size()) << path;
      for (const auto& [key, property] : schema.at("properties").items()) {
        EXPECT_TRUE(property.contains("description") || property.contains("$ref"))
            << path << "." << key << " has no description";
      }
    }
    for (const auto& [key, item] : schema.items())
      expect_closed_and_required(item, path + "/" + key);
  } else if (schema.is_array()) {
    for (const auto& item : schema) expect_closed_and_required(item, path);
  }
}

Json plan_schema() { return Json::parse(tierplan::builtin_data_file("schema/plan.schema.json")); }

TEST(PlanSchema, schema_is_draft_2020_12_closed_and_describes_every_key) {
  Json schema;
  ASSERT_NO_THROW(schema = plan_schema());
  EXPECT_EQ(schema.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  expect_closed_and_required(schema, "#");
}

TEST(PlanSchema, plans_follow_the_schema) {
  Json schema;
  ASSERT_NO_THROW(schema = plan_schema());
  std::vector<Scenario> scenarios = {builtin(), scaled_load(builtin(), 0.01),
                                     scaled_load(builtin(), 2.0)};
  Scenario no_tiers = builtin();
  no_tiers.tiers.clear();
  scenarios.push_back(no_tiers);
  for (std::uint32_t seed = 42000; seed < 42010; ++seed) {
    std::mt19937 rng(seed);
    scenarios.push_back(random_workload_scenario(rng));
  }
  int validated = 0;
  for (const auto& scenario : scenarios) {
    const auto plan = try_plan(scenario);
    if (!plan) continue;
    std::vector<std::string> problems;
    validate(Json::parse(tierplan::plan_to_json_string(*plan)), schema, schema, "$", problems);
    for (const auto& problem : problems) ADD_FAILURE() << problem;
    ++validated;
  }
  EXPECT_GE(validated, 4);
}

}  // namespace
