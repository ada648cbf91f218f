// A small driver for profilers: plans the built-in scenario N times in a plain loop.
//
//   valgrind --tool=callgrind build-bench/benchmarks/plan_loop 50
//   perf record -g build-bench/benchmarks/plan_loop 2000
//   build-bench/benchmarks/plan_loop 200 --split   # CPU time per environment
//
// --split times plan_environment for each environment and the full plan in the same
// process (process CPU time, min of 7 rounds of N calls) and prints each as a share of
// the full plan.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <string_view>

#include "tierplan/plan.hpp"
#include "tierplan/scenario.hpp"

namespace {

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Keeps the result alive as far as the optimiser can tell.
template <class T>
void keep(const T& value) {
  asm volatile("" : : "r"(&value) : "memory");
}

template <class Call>
double min_cpu_seconds_per_call(int calls, Call&& call) {
  constexpr int kRounds = 7;
  double best = 1e300;
  for (int round = 0; round < kRounds; ++round) {
    const double start = cpu_seconds();
    for (int i = 0; i < calls; ++i) call();
    best = std::min(best, (cpu_seconds() - start) / calls);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const int calls = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
  const bool split = argc > 2 && std::string_view(argv[2]) == "--split";
  try {
    const tierplan::Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
    if (!split) {
      std::size_t environments = 0;
      for (int i = 0; i < calls; ++i) {
        const tierplan::Plan plan = tierplan::plan(scenario);
        keep(plan);
        environments += plan.environments.size();
      }
      std::printf("planned %d times (%zu environments)\n", calls, environments);
      return 0;
    }
    const double full = min_cpu_seconds_per_call(calls, [&] { keep(tierplan::plan(scenario)); });
    std::printf("%-12s %10.1f us CPU  1.000 of the full plan\n", "full plan", full * 1e6);
    for (const auto& environment : scenario.environments) {
      const double one = min_cpu_seconds_per_call(
          calls, [&] { keep(tierplan::plan_environment(scenario, environment)); });
      const tierplan::EnvironmentPlan plan = tierplan::plan_environment(scenario, environment);
      int pods = 0;
      for (const auto& component : plan.components) pods += component.replicas;
      std::printf("%-12s %10.1f us CPU  %.3f of the full plan  (%d pods, %d x %s)\n",
                  environment.name.c_str(), one * 1e6, one / full, pods, plan.nodes.count,
                  plan.nodes.node_type.name.c_str());
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "plan_loop: %s\n", error.what());
    return 1;
  }
  return 0;
}
