// Google Benchmark cases for calibration (issue 14): every fit of 100,000 samples over all
// components of the built-in stack (target: under 50 ms), and the USL fit alone on the
// 100,000-point data set that benchmarks/bench_calibration.py hands to scipy's
// least_squares in the same run. Baseline: BM_FitUsl100k.
//
//   build-bench/benchmarks/bench_calibration --benchmark_repetitions=5 --benchmark_format=json
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bench_context.hpp"
#include "tierplan/calibration.hpp"
#include "tierplan/scenario.hpp"

namespace {

constexpr std::size_t kSamples = 100'000;

// Noise in [-0.5, 0.5) from sample i and a salt by the SplitMix64 finaliser (Steele, Lea
// and Flood 2014): integer arithmetic modulo 2^64, so that bench_calibration.py computes the
// same numbers with numpy's uint64.
double noise(std::uint64_t i, std::uint64_t salt) {
  std::uint64_t z = i + salt * 0x9E3779B97F4A7C15u;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53 - 0.5;
}

double usl(double n, double alpha, double beta, double gamma) {
  return gamma * n / (1.0 + alpha * (n - 1.0) + beta * n * (n - 1.0));
}

// The data sets of bench_calibration.py's usl_data(): N = 1 + (7 i mod 64) (64 levels, as a
// load test steps them), or jittered by up to a quarter either side (every N distinct, as
// in-flight averages are), and X 4% noisy around alpha 0.03, beta 0.0002, gamma 20.
struct UslData {
  std::vector<double> load;
  std::vector<double> throughput;
};

UslData usl_data(std::size_t n, bool continuous) {
  UslData d;
  for (std::size_t i = 0; i < n; ++i) {
    const double jitter = continuous ? 0.5 * noise(i, 6) : 0.0;
    const double level = 1.0 + static_cast<double>((7 * i) % 64) + jitter;
    d.load.push_back(level);
    d.throughput.push_back(usl(level, 0.03, 0.0002, 20.0) * (1.0 + 0.04 * noise(i, 0)));
  }
  return d;
}

// Two pods per component of the built-in stack, samples shared evenly (100,000 in all),
// 15 s apart: requests in flight at levels 1 to 32, throughput on a USL, latency by Little's
// law, CPU and memory linear in throughput with noise and 1% spikes.
std::vector<tierplan::MeasurementSeries> all_components() {
  const tierplan::Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
  const auto& components = scenario.stack.components;
  const std::size_t series_count = 2 * components.size();
  std::vector<tierplan::MeasurementSeries> series;
  std::uint64_t k = 0;
  for (std::size_t s = 0; s < series_count; ++s) {
    tierplan::MeasurementSeries m;
    m.component = components[s / 2].name;
    m.source = m.component + "-pod-" + std::to_string(s % 2);
    const std::size_t n = kSamples / series_count + (s < kSamples % series_count ? 1 : 0);
    for (std::size_t i = 0; i < n; ++i, ++k) {
      const double in_flight = 1.0 + static_cast<double>((11 * k) % 32);
      const double rate = usl(in_flight, 0.05, 0.001, 8.0) * (1.0 + 0.05 * noise(k, 1));
      m.timestamp_s.push_back(1.7e9 + 15.0 * static_cast<double>(i));
      m.in_flight.push_back(in_flight);
      m.rate_per_s.push_back(rate);
      m.latency_s.push_back(in_flight / rate);
      const double spike = k % 100 == 7 ? 3.0 : 0.0;
      m.cpu_cores.push_back(0.2 + 0.01 * rate + 0.02 * noise(k, 2) + spike);
      m.memory_mib.push_back(512.0 + 2.0 * rate + 8.0 * noise(k, 3));
    }
    series.push_back(std::move(m));
  }
  return series;
}

void BM_FitUsl100k(benchmark::State& state) {
  const UslData d = usl_data(kSamples, false);
  for (auto _ : state) {
    auto fit = tierplan::fit_usl(d.load, d.throughput, "bench");
    benchmark::DoNotOptimize(&fit);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kSamples));
}
BENCHMARK(BM_FitUsl100k)->Unit(benchmark::kMillisecond);

void BM_FitUsl100kContinuous(benchmark::State& state) {
  const UslData d = usl_data(kSamples, true);
  for (auto _ : state) {
    auto fit = tierplan::fit_usl(d.load, d.throughput, "bench");
    benchmark::DoNotOptimize(&fit);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kSamples));
}
BENCHMARK(BM_FitUsl100kContinuous)->Unit(benchmark::kMillisecond);

void BM_FitComponents100k(benchmark::State& state) {
  const auto series = all_components();
  for (auto _ : state) {
    auto fits = tierplan::fit_components(series);
    benchmark::DoNotOptimize(fits.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kSamples));
  state.counters["components"] = static_cast<double>(series.size() / 2);
}
BENCHMARK(BM_FitComponents100k)->Unit(benchmark::kMillisecond);

// One robust resource fit of 100,000 samples (the largest single part of the above).
void BM_FitRobustLinear100k(benchmark::State& state) {
  std::vector<double> x;
  std::vector<double> y;
  for (std::size_t i = 0; i < kSamples; ++i) {
    x.push_back(100.0 * (noise(i, 4) + 0.5));
    y.push_back(0.2 + 0.01 * x.back() + 0.02 * noise(i, 5) + (i % 100 == 7 ? 3.0 : 0.0));
  }
  for (auto _ : state) {
    auto fit = tierplan::fit_robust_linear(x, y, "bench");
    benchmark::DoNotOptimize(&fit);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kSamples));
}
BENCHMARK(BM_FitRobustLinear100k)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  tierplan::bench::add_build_context("BM_FitUsl100k");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
