// Robust simple linear regression by iteratively reweighted least squares: Huber's
// M-estimator from the least-squares start, then Tukey's bisquare from Huber's estimate with
// Huber's final scale held fixed (a redescending M-estimator needs a robust start and scale;
// Huber 1981, Robust Statistics; Maronna, Martin and Yohai 2006, 4.4).
#include <algorithm>
#include <cmath>
#include <vector>

#include "calibration/statistics.hpp"
#include "tierplan/calibration.hpp"

namespace tierplan {

namespace {

using calibration_detail::fail;
using calibration_detail::number;

// Tuning constants for 95% efficiency at the normal distribution (Huber 1981; Beaton and
// Tukey 1974), as MASS::rlm's psi.huber and psi.bisquare use them.
constexpr double kHuberK = 1.345;
constexpr double kBisquareC = 4.685;
constexpr double kTolerance = 1e-10;

struct WeightedLine {
  double intercept = 0.0;
  double slope = 0.0;
  double weight_sum = 0.0;
  double x_mean = 0.0;
  double sxx = 0.0;  // sum w (x - x_mean)^2
};

// Weighted least squares about the weighted means, which keeps the sums well conditioned.
WeightedLine weighted_line(std::span<const double> x, std::span<const double> y,
                           const std::vector<double>& w) {
  WeightedLine line;
  double sx = 0.0;
  double sy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    line.weight_sum += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  line.x_mean = sx / line.weight_sum;
  const double y_mean = sy / line.weight_sum;
  double sxy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - line.x_mean;
    line.sxx += w[i] * dx * dx;
    sxy += w[i] * dx * (y[i] - y_mean);
  }
  line.slope = line.sxx > 0.0 ? sxy / line.sxx : 0.0;
  line.intercept = y_mean - line.slope * line.x_mean;
  return line;
}

double residuals(std::span<const double> x, std::span<const double> y, const WeightedLine& line,
                 std::vector<double>& r) {
  double largest_change = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double next = y[i] - (line.intercept + line.slope * x[i]);
    largest_change = std::max(largest_change, std::abs(next - r[i]));
    r[i] = next;
  }
  return largest_change;
}

enum class Psi { huber, bisquare };

void update_weights(Psi psi, const std::vector<double>& r, double scale, std::vector<double>& w) {
  for (std::size_t i = 0; i < r.size(); ++i) {
    const double u = std::abs(r[i]) / scale;
    if (psi == Psi::huber) {
      w[i] = u <= kHuberK ? 1.0 : kHuberK / u;
    } else {
      const double t = u / kBisquareC;
      w[i] = t < 1.0 ? (1.0 - t * t) * (1.0 - t * t) : 0.0;
    }
  }
}

struct IrlsState {
  std::vector<double> w;
  std::vector<double> r;
  WeightedLine line;
  double scale = 0.0;
  int iterations = 0;
};

// Iterates until no residual moves by more than kTolerance scales; Huber re-estimates the
// scale each step, the bisquare keeps the one it is given.
void iterate(Psi psi, std::span<const double> x, std::span<const double> y, double scale_floor,
             int max_iterations, IrlsState& s) {
  for (int i = 0; i < max_iterations; ++i) {
    if (psi == Psi::huber) s.scale = std::max(calibration_detail::mad_scale(s.r), scale_floor);
    update_weights(psi, s.r, s.scale, s.w);
    s.line = weighted_line(x, y, s.w);
    ++s.iterations;
    if (residuals(x, y, s.line, s.r) <= kTolerance * s.scale) return;
  }
}

void check_input(std::span<const double> x, std::span<const double> y, const std::string& what) {
  if (x.size() != y.size()) {
    fail(what, "x has " + std::to_string(x.size()) + " values, y " + std::to_string(y.size()));
  }
  if (x.size() < 3) {
    fail(what, "needs at least 3 points to fit a line with standard errors, got " +
                   std::to_string(x.size()));
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {
      fail(what, "point " + std::to_string(i) + " is not finite (" + number(x[i]) + ", " +
                     number(y[i]) + ")");
    }
  }
  const auto [x_min, x_max] = std::minmax_element(x.begin(), x.end());
  if (*x_min == *x_max) {
    fail(what, "the load is constant (" + number(*x_min) + " at all " + std::to_string(x.size()) +
                   " points): a cost per unit of load needs at "
                   "least two load levels");
  }
  const auto [y_min, y_max] = std::minmax_element(y.begin(), y.end());
  if (*y_min == *y_max) {
    fail(what, "the measured value is constant (" + number(*y_min) + " at all " +
                   std::to_string(y.size()) + " points): the metric may not be collected");
  }
}

// 1 - sum w r^2 / sum w (y - weighted mean of y)^2, of the final weighted fit.
double weighted_r_squared(std::span<const double> y, const IrlsState& s) {
  double y_mean = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) y_mean += s.w[i] * y[i];
  y_mean /= s.line.weight_sum;
  double residual = 0.0;
  double total = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    residual += s.w[i] * s.r[i] * s.r[i];
    total += s.w[i] * (y[i] - y_mean) * (y[i] - y_mean);
  }
  return total > 0.0 ? 1.0 - residual / total : 1.0;
}

// The variance factor of the final weighted fit, Huber's small-sample corrected form for an
// M-estimator (Huber 1981, 7.6; MASS::summary.rlm): covariance = v (X'WX)^-1 with
// v = (kappa / mean psi')^2 s^2 sum psi(u)^2 / (n - p), u = r / s,
// kappa = 1 + p var(psi') / (n mean(psi')^2). The plain weighted least-squares factor
// sum w r^2 / (n - p) understates the bisquare's variance: its intervals covered the true
// slope 88% of the time at 95% (tests/cpp/calibration/test_robust_fit.cpp).
double m_estimator_variance(const IrlsState& s, double df) {
  const auto n = static_cast<double>(s.r.size());
  double psi_squared = 0.0;
  double derivative_sum = 0.0;
  double derivative_squares = 0.0;
  for (std::size_t i = 0; i < s.r.size(); ++i) {
    const double u = s.r[i] / s.scale;
    const double psi = s.w[i] * u;  // the bisquare's psi(u) = u (1 - (u/c)^2)^2
    const double t2 = (u / kBisquareC) * (u / kBisquareC);
    const double derivative = t2 < 1.0 ? (1.0 - t2) * (1.0 - 5.0 * t2) : 0.0;
    psi_squared += psi * psi;
    derivative_sum += derivative;
    derivative_squares += derivative * derivative;
  }
  const double mean = derivative_sum / n;
  const double var = (derivative_squares - n * mean * mean) / (n - 1.0);
  const double kappa = 1.0 + 2.0 * var / (n * mean * mean);
  return (kappa / mean) * (kappa / mean) * s.scale * s.scale * psi_squared / df;
}

Estimate estimate(double value, double variance, double t) {
  const double se = std::sqrt(std::max(variance, 0.0));
  return {value, se, value - t * se, value + t * se};
}

}  // namespace

LinearFit fit_robust_linear(std::span<const double> x, std::span<const double> y,
                            const std::string& what, const FitOptions& options) {
  calibration_detail::check_options(options);
  check_input(x, y, what);
  const std::size_t n = x.size();
  IrlsState s{std::vector<double>(n, 1.0), std::vector<double>(n, 0.0), {}, 0.0, 0};
  s.line = weighted_line(x, y, s.w);
  residuals(x, y, s.line, s.r);
  // More than half the points exactly on a line make the MAD 0; the floor keeps the weights
  // finite (those points then carry the fit).
  double y_size = 0.0;
  for (double v : y) y_size = std::max(y_size, std::abs(v));
  const double scale_floor = 1e-12 * y_size;
  iterate(Psi::huber, x, y, scale_floor, options.max_iterations, s);
  iterate(Psi::bisquare, x, y, scale_floor, options.max_iterations, s);
  update_weights(Psi::bisquare, s.r, s.scale, s.w);

  LinearFit fit;
  fit.points = n;
  fit.iterations = s.iterations;
  fit.residual_scale = s.scale;
  fit.x_min = *std::min_element(x.begin(), x.end());
  fit.x_max = *std::max_element(x.begin(), x.end());
  fit.outliers = static_cast<std::size_t>(std::count(s.w.begin(), s.w.end(), 0.0));
  const WeightedLine& line = s.line;
  if (n - fit.outliers < 3 || !(line.sxx > 0.0)) {
    fail(what,
         "fewer than 3 points at two or more load levels remain once outliers are "
         "given weight 0: the data have no linear trend the fit can find");
  }
  fit.r_squared = weighted_r_squared(y, s);
  const double df = static_cast<double>(n) - 2.0;
  const double variance = m_estimator_variance(s, df);
  const double t = calibration_detail::t_multiplier(options.confidence_level, df);
  fit.slope = estimate(line.slope, variance / line.sxx, t);
  fit.intercept = estimate(
      line.intercept, variance * (1.0 / line.weight_sum + line.x_mean * line.x_mean / line.sxx), t);
  return fit;
}

}  // namespace tierplan
