// Service time and concurrency per replica by Little's law, and the percentile
// rightsizing the fits are compared with.
#include <algorithm>
#include <cmath>
#include <vector>

#include "calibration/statistics.hpp"
#include "tierplan/calibration.hpp"

namespace tierplan {

namespace {

using calibration_detail::fail;
using calibration_detail::number;

void require_finite_non_negative(std::span<const double> values, const std::string& what,
                                 const char* column) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i]) || values[i] < 0.0) {
      fail(what, std::string(column) + "[" + std::to_string(i) +
                     "] must be a finite number >= 0, got " + number(values[i]));
    }
  }
}

}  // namespace

// N = X R (Little 1961). Over a window the mean time in the system is sum N / sum X: the
// ratio estimator, whose variance by the delta method is
// sum (N_i - R X_i)^2 / (n (n - 1) mean(X)^2) (Cochran 1977, Sampling Techniques, 6.3).
LittleLawFit fit_littles_law(std::span<const double> rate_per_s, std::span<const double> in_flight,
                             std::span<const double> latency_s, const std::string& what,
                             const FitOptions& options) {
  calibration_detail::check_options(options);
  const bool use_in_flight = !in_flight.empty();
  const std::span<const double> other = use_in_flight ? in_flight : latency_s;
  const char* other_name = use_in_flight ? "in_flight" : "latency_s";
  if (other.empty()) fail(what, "Little's law needs in_flight or latency_s; neither is measured");
  if (other.size() != rate_per_s.size()) {
    fail(what, std::string(other_name) + " has " + std::to_string(other.size()) +
                   " values, rate_per_s " + std::to_string(rate_per_s.size()));
  }
  require_finite_non_negative(rate_per_s, what, "rate_per_s");
  require_finite_non_negative(other, what, other_name);
  std::vector<double> rate;
  std::vector<double> concurrency;
  for (std::size_t i = 0; i < rate_per_s.size(); ++i) {
    if (!(rate_per_s[i] > 0.0)) continue;
    rate.push_back(rate_per_s[i]);
    concurrency.push_back(use_in_flight ? other[i] : rate_per_s[i] * other[i]);
  }
  if (rate.size() < 2) {
    fail(what, "Little's law needs at least 2 samples with rate_per_s > 0, got " +
                   std::to_string(rate.size()));
  }
  const auto n = static_cast<double>(rate.size());
  double rate_sum = 0.0;
  double concurrency_sum = 0.0;
  for (std::size_t i = 0; i < rate.size(); ++i) {
    rate_sum += rate[i];
    concurrency_sum += concurrency[i];
  }
  const double time = concurrency_sum / rate_sum;
  double spread = 0.0;
  for (std::size_t i = 0; i < rate.size(); ++i) {
    spread += (concurrency[i] - time * rate[i]) * (concurrency[i] - time * rate[i]);
  }
  const double mean_rate = rate_sum / n;
  const double se = std::sqrt(spread / (n * (n - 1.0))) / mean_rate;
  const double t = calibration_detail::t_multiplier(options.confidence_level, n - 1.0);
  LittleLawFit fit;
  fit.service_time_s = {time, se, time - t * se, time + t * se};
  fit.in_flight_measured = use_in_flight;
  fit.points = rate.size();
  fit.concurrency_mean = concurrency_sum / n;
  fit.concurrency_max = *std::max_element(concurrency.begin(), concurrency.end());
  fit.concurrency_p95 = calibration_detail::percentile(concurrency, 95.0);
  const auto [low, high] = std::minmax_element(rate.begin(), rate.end());
  fit.rate_min_per_s = *low;
  fit.rate_max_per_s = *high;
  return fit;
}

// Robusta KRR's "simple" strategy (robusta-dev/krr, robusta_krr/strategies/simple.py,
// SimpleStrategySettings: cpu_percentile 95, memory_buffer_percentage 15; older releases used
// 99 and 5): the CPU request at the 95th percentile of usage, memory at the maximum plus 15%.
Rightsizing percentile_rightsizing(std::span<const double> cpu_cores,
                                   std::span<const double> memory_mib, const std::string& what) {
  constexpr double kCpuPercentile = 95.0;
  constexpr double kMemoryBuffer = 1.15;
  if (cpu_cores.empty() || memory_mib.empty()) {
    fail(what, "rightsizing needs CPU and memory samples; " +
                   std::string(cpu_cores.empty() ? "cpu_cores" : "memory_mib") + " is empty");
  }
  require_finite_non_negative(cpu_cores, what, "cpu_cores");
  require_finite_non_negative(memory_mib, what, "memory_mib");
  std::vector<double> cpu(cpu_cores.begin(), cpu_cores.end());
  Rightsizing r;
  r.cpu_request_m = 1000.0 * calibration_detail::percentile(cpu, kCpuPercentile);
  r.memory_request_mib = kMemoryBuffer * *std::max_element(memory_mib.begin(), memory_mib.end());
  r.points = std::max(cpu_cores.size(), memory_mib.size());
  return r;
}

}  // namespace tierplan
