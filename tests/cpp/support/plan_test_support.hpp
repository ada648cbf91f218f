#pragma once
// Shared helpers of the planner tests (tests/cpp/planner, compute, io): the built-in
// scenario, lookups in a plan, the official reference file, and random scenarios for the
// property tests. Inline, in a named namespace, so that each test file takes what it uses.
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

namespace tierplan_test {

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

inline constexpr double kMibPerGib = 1024.0;

// ---------------------------------------------------------------------------------------
// Helpers

inline Scenario builtin() { return tierplan::builtin_scenario("dify-enterprise"); }

inline const EnvironmentPlan& environment_of(const Plan& plan, const std::string& name) {
  const EnvironmentPlan* environment = plan.find_environment(name);
  if (environment == nullptr) throw std::logic_error("no environment " + name + " in the plan");
  return *environment;
}

inline const ComponentPlan& component_of(const EnvironmentPlan& environment,
                                         const std::string& name) {
  const ComponentPlan* component = environment.find_component(name);
  if (component == nullptr) {
    throw std::logic_error("no component " + name + " in " + environment.name);
  }
  return *component;
}

inline Environment& policy_environment(Scenario& scenario, const std::string& name) {
  for (auto& environment : scenario.environments) {
    if (environment.name == name) return environment;
  }
  throw std::logic_error("no environment " + name + " in the scenario");
}

// The scenario with every load it describes multiplied by factor: the scenario's
// workload and every environment's own workload.
// Fixes every environment's node type, and moves the environments to that type's cloud (a
// plan never mixes clouds).
inline void pin_node_type(Scenario& scenario, const std::string& name) {
  const tierplan::NodeType* type = scenario.catalog.find(name);
  if (type == nullptr) throw std::invalid_argument("no node type " + name);
  const tierplan::Cloud cloud = type->cloud == "gcp"     ? tierplan::Cloud::gcp
                                : type->cloud == "azure" ? tierplan::Cloud::azure
                                                         : tierplan::Cloud::aws;
  for (auto& environment : scenario.environments) {
    environment.policy.node_type = name;
    environment.policy.cloud = cloud;
    environment.policy.region.clear();
  }
}

// The environment runs its datastores as source does (managed, in the cluster or on VMs).
inline void use_datastore_modes_of(Environment& environment, const Environment& source) {
  auto& to = environment.policy.datastores;
  const auto& from = source.policy.datastores;
  to.postgres_mode = from.postgres_mode;
  to.redis_mode = from.redis_mode;
  to.vector_store_mode = from.vector_store_mode;
  to.object_storage_mode = from.object_storage_mode;
}

inline Scenario scaled_load(Scenario scenario, double factor) {
  scenario.workload = scenario.workload.scaled(factor);
  for (auto& environment : scenario.environments) {
    if (environment.workload) environment.workload = environment.workload->scaled(factor);
  }
  return scenario;
}

inline bool within_relative(double actual, double expected, double tolerance) {
  return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

// The official reference (tests/data/reference/dify-enterprise.json, with its source in
// tests/data/README.md). A missing or unreadable file fails the calling test.
inline std::optional<Json> read_reference() {
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

inline double uniform(std::mt19937& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}
inline double log_uniform(std::mt19937& rng, double lo, double hi) {
  return std::exp(uniform(rng, std::log(lo), std::log(hi)));
}
inline int uniform_int(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
inline bool coin(std::mt19937& rng, double p = 0.5) { return uniform(rng, 0.0, 1.0) < p; }

inline void randomize_requests(std::mt19937& rng, Workload& workload) {
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
inline Scenario random_workload_scenario(std::mt19937& rng) {
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

inline std::optional<Plan> try_plan(const Scenario& scenario) {
  try {
    return tierplan::plan(scenario);
  } catch (const PlanningError&) {
    return std::nullopt;
  }
}

}  // namespace tierplan_test
