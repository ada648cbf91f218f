// Google Benchmark cases for sizing studies: sweeps of 100,000 scenarios of the
// production environment (daily active users x chat messages per user, 1000 x 100 grids)
// on 1 and 2 threads, against one plan_environment of production (the per-point work)
// measured in the same run. Target (issue): 100,000 points in under 2 s on 2 cores.
//
//   build-bench/benchmarks/bench_study --benchmark_repetitions=3 --benchmark_format=json
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "bench_context.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/sweep.hpp"

namespace {

const tierplan::Scenario& builtin() {
  static const tierplan::Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
  return scenario;
}

// 1000 x 100 points of daily active users x chat messages per user per day.
//   spec: 10 to 10,000 users (the official production spec states 3,000), 5 to 24.8
//         messages (the scenario assumes 20): every point feasible;
//   wide: 100 to 100,000 users, 1 to 30.7 messages: the large plans (hundreds of pods on
//         over a hundred nodes) cost far more per point, and about half the points are
//         beyond the catalog (PlanningError rows).
std::vector<tierplan::SweepAxis> grid_100k(bool wide) {
  tierplan::SweepAxis users{"workload.daily_active_users", {}};
  for (int i = 0; i < 1000; ++i) users.values.push_back(wide ? 100.0 + 100.0 * i : 10.0 + 10.0 * i);
  tierplan::SweepAxis chat{"workload.requests[chat_message].per_user_per_day", {}};
  for (int i = 0; i < 100; ++i) chat.values.push_back(wide ? 1.0 + 0.3 * i : 5.0 + 0.2 * i);
  return {users, chat};
}

void BM_PlanEnvironmentProduction(benchmark::State& state) {
  const tierplan::Scenario& s = builtin();
  const auto& production = s.environments[tierplan::environment_index(s, "production")];
  for (auto _ : state) {
    auto plan = tierplan::plan_environment(s, production);
    benchmark::DoNotOptimize(&plan);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PlanEnvironmentProduction);

void BM_Sweep100k(benchmark::State& state) {
  const auto axes = grid_100k(state.range(1) == 1);
  tierplan::StudyOptions options;
  options.threads = static_cast<int>(state.range(0));
  std::size_t points = 0;
  for (auto _ : state) {
    auto table = tierplan::sweep(builtin(), axes, options);
    points += static_cast<std::size_t>(table.values.rows());
    benchmark::DoNotOptimize(table.values.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(points));
  state.counters["threads"] = static_cast<double>(options.threads);
}
// Arguments: threads, grid (0 spec, 1 wide).
BENCHMARK(BM_Sweep100k)
    ->Args({1, 0})
    ->Args({2, 0})
    ->Args({2, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  tierplan::bench::add_build_context("BM_PlanEnvironmentProduction");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
