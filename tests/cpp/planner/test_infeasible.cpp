// Infeasible input is a PlanningError that says where and why, and no valid input crashes
// the planner.
#include <gtest/gtest.h>

#include "support/plan_test_support.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace): test helpers

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
  // Catalog: one to four node types, from tiny to huge, of one of the clouds the built-in
  // catalog prices datastores for; every environment runs there.
  scenario.catalog.node_types.clear();
  const int types = uniform_int(rng, 1, 4);
  const bool on_gcp = coin(rng);
  for (auto& environment : scenario.environments) {
    environment.policy.cloud = on_gcp ? tierplan::Cloud::gcp : tierplan::Cloud::aws;
    environment.policy.region.clear();
  }
  for (int t = 0; t < types; ++t) {
    tierplan::NodeType type;
    type.name = "type-" + std::to_string(t);
    type.cloud = on_gcp ? "gcp" : "aws";
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

}  // namespace
