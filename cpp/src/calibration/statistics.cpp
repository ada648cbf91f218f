#include "calibration/statistics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "tierplan/calibration.hpp"

namespace tierplan::calibration_detail {

std::string number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6);
  return std::string(buffer, result.ptr);
}

void fail(const std::string& what, const std::string& message) {
  throw ValidationError({{what, message}});
}

double percentile(std::span<double> values, double q) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double position = q / 100.0 * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(below);
  std::nth_element(values.begin(), nth, values.end());
  const double low = *nth;
  if (below + 1 >= values.size()) return low;
  const double high = *std::min_element(nth + 1, values.end());
  return low + (high - low) * (position - static_cast<double>(below));
}

double median(std::span<double> values) { return percentile(values, 50.0); }

void check_options(const FitOptions& options) {
  std::vector<FieldIssue> issues;
  if (!(options.confidence_level > 0.0 && options.confidence_level < 1.0)) {
    issues.push_back({"options.confidence_level",
                      "must be within (0, 1), got " + number(options.confidence_level)});
  }
  if (!(options.warn_beyond_multiple >= 1.0 && options.warn_beyond_multiple <= 1e6)) {
    issues.push_back({"options.warn_beyond_multiple",
                      "must be within [1, 1e6], got " + number(options.warn_beyond_multiple)});
  }
  if (options.max_iterations < 1) {
    issues.push_back(
        {"options.max_iterations", "must be >= 1, got " + std::to_string(options.max_iterations)});
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

namespace {

// The continued fraction of the regularised incomplete beta function I_x(a, b), evaluated by
// the modified Lentz method (DLMF 8.17.22; Press et al., Numerical Recipes, 3rd ed., 6.4).
// Converges quickly for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-16;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 10'000; ++m) {
    const double m2 = 2.0 * m;
    for (const double coefficient : {m * (b - m) * x / ((a + m2 - 1.0) * (a + m2)),
                                     -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0))}) {
      d = 1.0 + coefficient * d;
      if (std::abs(d) < kTiny) d = kTiny;
      c = 1.0 + coefficient / c;
      if (std::abs(c) < kTiny) c = kTiny;
      d = 1.0 / d;
      h *= d * c;
    }
    if (std::abs(d * c - 1.0) < kEpsilon) break;
  }
  return h;
}

double regularized_incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  const double front = std::exp(log_front);
  // I_x(a, b) = 1 - I_{1-x}(b, a) (DLMF 8.17.4) where the fraction converges slowly.
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

}  // namespace

double t_multiplier(double confidence_level, double degrees_of_freedom) {
  return student_t_quantile((1.0 + confidence_level) / 2.0, degrees_of_freedom);
}

}  // namespace tierplan::calibration_detail

namespace tierplan {

// P(|T| > t) = I_{df / (df + t^2)}(df / 2, 1 / 2) (Abramowitz and Stegun 26.7.1 with
// 26.5.27), solved for t by bisection on x = df / (df + t^2), which that probability
// increases with.
double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0) || !(df > 0.0) || !std::isfinite(df)) {
    throw std::invalid_argument("student_t_quantile needs 0 < p < 1 and a finite df > 0");
  }
  if (p == 0.5) return 0.0;
  const double two_tailed = 2.0 * std::min(p, 1.0 - p);  // P(|T| > |t|)
  double low = 0.0;
  double high = 1.0;
  for (int i = 0; i < 2000 && high - low > std::numeric_limits<double>::min(); ++i) {
    const double mid = 0.5 * (low + high);
    if (mid == low || mid == high) break;
    const double tail = calibration_detail::regularized_incomplete_beta(df / 2.0, 0.5, mid);
    (tail < two_tailed ? low : high) = mid;
  }
  const double x = 0.5 * (low + high);
  const double t = std::sqrt(df * (1.0 - x) / x);
  return p > 0.5 ? t : -t;
}

}  // namespace tierplan
