// Google Benchmark cases for tierplan: one full plan of the built-in scenario, the
// production environment alone, and the queueing kernels. BM_ScenarioFromJson (parse
// and validate the built-in JSON text) is the baseline every figure is compared with;
// benchmarks/bench_plan.py reads this program's JSON output and prints the ratios.
//
//   build-bench/benchmarks/bench_plan --benchmark_repetitions=5
//       --benchmark_format=json
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "bench_context.hpp"
#include "planner/planner_detail.hpp"  // the numbers-only plan of studies (internal)
#include "tierplan/plan.hpp"
#include "tierplan/queueing.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/validation.hpp"

namespace {

constexpr std::string_view kScenarioName = "dify-enterprise";
constexpr std::string_view kScenarioFile = "scenarios/dify-enterprise.json";
constexpr std::string_view kProduction = "production";

// Loaded once, outside every timed loop.
const tierplan::Scenario& builtin() {
  static const tierplan::Scenario scenario = tierplan::builtin_scenario(kScenarioName);
  return scenario;
}

// Baseline: parse and validate the built-in scenario's JSON text.
void BM_ScenarioFromJson(benchmark::State& state) {
  const std::string_view text = tierplan::builtin_data_file(kScenarioFile);
  for (auto _ : state) {
    tierplan::Scenario scenario = tierplan::scenario_from_json_string(text, kScenarioFile);
    benchmark::DoNotOptimize(scenario);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ScenarioFromJson);

// One full plan: every environment of the built-in scenario.
void BM_PlanBuiltinScenario(benchmark::State& state) {
  const tierplan::Scenario& scenario = builtin();
  for (auto _ : state) {
    tierplan::Plan plan = tierplan::plan(scenario);
    benchmark::DoNotOptimize(plan);
    benchmark::ClobberMemory();
  }
  state.counters["environments"] = static_cast<double>(scenario.environments.size());
}
BENCHMARK(BM_PlanBuiltinScenario);

// The production environment alone (N+1 nodes, spread, the strictest policy).
void BM_PlanProductionOnly(benchmark::State& state) {
  const tierplan::Scenario& scenario = builtin();
  const tierplan::Environment* production = scenario.find_environment(kProduction);
  if (production == nullptr) {
    state.SkipWithError("the built-in scenario has no production environment");
    return;
  }
  for (auto _ : state) {
    tierplan::EnvironmentPlan plan = tierplan::plan_environment(scenario, *production);
    benchmark::DoNotOptimize(plan);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_PlanProductionOnly);

// The built-in scenario with every environment asking for a spot pool (policy.cost.
// stateless_on_spot): against BM_PlanBuiltinScenario it measures sizing two more pools per
// environment and comparing their bill with the one pool's.
void BM_PlanWithSpotPools(benchmark::State& state) {
  tierplan::Scenario scenario = builtin();
  for (auto& environment : scenario.environments) {
    environment.policy.cost.stateless_on_spot = true;
  }
  for (auto _ : state) {
    tierplan::Plan plan = tierplan::plan(scenario);
    benchmark::DoNotOptimize(plan);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_PlanWithSpotPools);

// Every environment planned as a sweep point plans it: the same numbers, none of the
// reasons, usage rows, tier text or warnings (PlanDetail::numbers). Against
// BM_PlanBuiltinScenario it measures what writing the explanations costs.
void BM_PlanNumbersOnly(benchmark::State& state) {
  const tierplan::Scenario& scenario = builtin();
  for (auto _ : state) {
    for (const tierplan::Environment& environment : scenario.environments) {
      tierplan::EnvironmentPlan plan = tierplan::detail::plan_environment(
          scenario, environment, tierplan::detail::PlanDetail::numbers);
      benchmark::DoNotOptimize(plan);
      benchmark::ClobberMemory();
    }
  }
}
BENCHMARK(BM_PlanNumbersOnly);

// The validation every plan and study starts with (tierplan/validation.hpp): its share of
// BM_PlanBuiltinScenario is what validating on every way in costs.
void BM_ValidateBuiltinScenario(benchmark::State& state) {
  const tierplan::Scenario& scenario = builtin();
  for (auto _ : state) {
    std::vector<tierplan::FieldIssue> issues = tierplan::scenario_issues(scenario);
    benchmark::DoNotOptimize(issues);
  }
}
BENCHMARK(BM_ValidateBuiltinScenario);

// Inputs are hidden from the optimiser through their address: with libbenchmark 1.7.1
// and GCC 12, DoNotOptimize(double&) (the "+m,r" asm constraint) corrupts the value
// (min_servers then saw a load of 0 and answered 1 server in ~40 ns).

// Square-root staffing: servers just above the offered load, A + ceil(sqrt(A)).
int servers_just_above(double offered_load_erlangs) {
  return static_cast<int>(offered_load_erlangs + std::ceil(std::sqrt(offered_load_erlangs)));
}

void BM_ErlangC(benchmark::State& state) {
  const double offered_load = static_cast<double>(state.range(0));
  const int servers = servers_just_above(offered_load);
  for (auto _ : state) {
    double load = offered_load;
    int c = servers;
    benchmark::DoNotOptimize(&load);
    benchmark::DoNotOptimize(&c);
    benchmark::DoNotOptimize(tierplan::erlang_c(load, c));
  }
  state.counters["servers"] = servers;
}
BENCHMARK(BM_ErlangC)->Arg(10)->Arg(1000)->Arg(50000);

// The replica search with the built-in production policy's figures: 200 ms service,
// 1.5 s latency target (1.3 s wait budget), 95th percentile, 70 % utilisation ceiling.
void BM_MinServers(benchmark::State& state) {
  const double offered_load = static_cast<double>(state.range(0));
  constexpr double kServiceS = 0.2;
  constexpr double kWaitTargetS = 1.3;
  constexpr double kPercentile = 0.95;
  constexpr double kMaxUtilization = 0.7;
  constexpr int kMaxServers = 1 << 30;
  int servers = 0;
  for (auto _ : state) {
    double load = offered_load;
    benchmark::DoNotOptimize(&load);
    auto sizing = tierplan::min_servers(load, kServiceS, kWaitTargetS, kPercentile, kMaxUtilization,
                                        kMaxServers);
    benchmark::DoNotOptimize(sizing);
    if (sizing) servers = sizing->servers;
  }
  state.counters["servers"] = servers;
}
BENCHMARK(BM_MinServers)->Arg(10)->Arg(1000)->Arg(50000);

}  // namespace

int main(int argc, char** argv) {
  tierplan::bench::add_build_context("BM_ScenarioFromJson");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  try {
    // Load the scenario before any timing starts (and fail early if it is invalid).
    static_cast<void>(builtin());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bench_plan: cannot load the built-in scenario: %s\n", error.what());
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
