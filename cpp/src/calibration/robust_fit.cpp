// Robust simple linear regression by iteratively reweighted least squares: Huber's
// M-estimator from the least-squares start, then Tukey's bisquare from Huber's estimate with
// Huber's final scale held fixed (a redescending M-estimator needs a robust start and scale;
// Huber 1981, Robust Statistics; Maronna, Martin and Yohai 2006, 4.4).
#include <Eigen/Dense>
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
// Iteration stops when no residual moves by more than this many scales: for the bisquare, a
// thousandth of the estimates' standard errors even at 100,000 points (which are about
// scale / sqrt(n)). Huber's estimate is only the bisquare's start and scale, which need not
// be as precise; each of its steps computes a median.
constexpr double kTolerance = 1e-8;
constexpr double kHuberTolerance = 1e-4;

// The data centred on their means once, so that the weighted sums below stay well
// conditioned when accumulated in one pass.
struct Centred {
  Eigen::ArrayXd x;
  Eigen::ArrayXd y;
  double x_mean = 0.0;
  double y_mean = 0.0;
};

Centred centre(std::span<const double> x, std::span<const double> y) {
  const auto n = static_cast<Eigen::Index>(x.size());
  Centred c;
  c.x = Eigen::Map<const Eigen::ArrayXd>(x.data(), n);
  c.y = Eigen::Map<const Eigen::ArrayXd>(y.data(), n);
  c.x_mean = c.x.mean();
  c.y_mean = c.y.mean();
  c.x -= c.x_mean;
  c.y -= c.y_mean;
  return c;
}

// The weighted least-squares line in centred coordinates.
struct WeightedLine {
  double intercept = 0.0;
  double slope = 0.0;
  double weight_sum = 0.0;
  double x_mean = 0.0;  // weighted
  double sxx = 0.0;     // sum w (x - x_mean)^2
};

enum class Psi { least_squares, huber, bisquare };

// Whole-array expressions, which Eigen vectorises: each pass over the samples is a few
// instructions per pair of them.
struct IrlsState {
  Eigen::ArrayXd w;
  Eigen::ArrayXd r;
  Eigen::ArrayXd wx;         // w x
  Eigen::ArrayXd next;       // the next residuals
  std::vector<double> work;  // |r|, for the MAD
  WeightedLine line;
  double scale = 0.0;
  int iterations = 0;
};

// psi(u) / u of the residuals at the scale (Huber: min(1, k / |u|); bisquare:
// (1 - (u / c)^2)^2 inside c, 0 outside).
void update_weights(Psi psi, IrlsState& s) {
  if (psi == Psi::least_squares) {
    s.w.setOnes(s.r.size());
  } else if (psi == Psi::huber) {
    const double ks = kHuberK * s.scale;
    s.w = ks / s.r.abs().max(ks);
  } else {
    const double inverse = 1.0 / (kBisquareC * s.scale);
    s.w = (1.0 - (s.r * inverse).square()).max(0.0).square();
  }
}

// The weights of the current residuals and the weighted line they give.
WeightedLine reweight(Psi psi, const Centred& c, IrlsState& s) {
  update_weights(psi, s);
  s.wx = s.w * c.x;
  WeightedLine line;
  line.weight_sum = s.w.sum();
  line.x_mean = s.wx.sum() / line.weight_sum;
  const double y_mean = (s.w * c.y).sum() / line.weight_sum;
  line.sxx = (s.wx * c.x).sum() - line.weight_sum * line.x_mean * line.x_mean;
  const double sxy = (s.wx * c.y).sum() - line.weight_sum * line.x_mean * y_mean;
  line.slope = line.sxx > 0.0 ? sxy / line.sxx : 0.0;
  line.intercept = y_mean - line.slope * line.x_mean;
  return line;
}

// The residuals of the new line, and the largest move of any.
double update_residuals(const Centred& c, const WeightedLine& line, IrlsState& s) {
  s.next = c.y - (line.intercept + line.slope * c.x);
  const double largest_change = (s.next - s.r).abs().maxCoeff();
  s.r.swap(s.next);
  return largest_change;
}

// 1.4826 median |r|: the MAD scale of regression residuals centred on 0, consistent for the
// normal standard deviation (1 / Phi^-1(3/4) = 1.4826; Hampel 1974; MASS::rlm's "MAD"
// scale), computed in a buffer kept across iterations.
double mad_scale(const Eigen::ArrayXd& r, std::vector<double>& work) {
  work.resize(static_cast<std::size_t>(r.size()));
  Eigen::Map<Eigen::ArrayXd>(work.data(), r.size()) = r.abs();
  return 1.4826 * calibration_detail::median(work);
}

// Iterates until no residual moves by more than the tolerance in scales; Huber re-estimates the
// scale each step, the bisquare keeps the one it is given.
void iterate(Psi psi, const Centred& c, double scale_floor, int max_iterations, IrlsState& s) {
  for (int i = 0; i < max_iterations; ++i) {
    if (psi == Psi::huber) s.scale = std::max(mad_scale(s.r, s.work), scale_floor);
    s.line = reweight(psi, c, s);
    ++s.iterations;
    const double tolerance = psi == Psi::huber ? kHuberTolerance : kTolerance;
    if (update_residuals(c, s.line, s) <= tolerance * s.scale) return;
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
double weighted_r_squared(const Centred& c, const IrlsState& s) {
  const double y_mean = (s.w * c.y).sum() / s.line.weight_sum;
  const double residual = (s.w * s.r.square()).sum();
  const double total = (s.w * (c.y - y_mean).square()).sum();
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
  const Eigen::ArrayXd u = s.r / s.scale;
  const Eigen::ArrayXd t2 = (u / kBisquareC).square();
  // The bisquare's psi(u) = u (1 - t^2)^2 = w u, and psi'(u) = (1 - t^2)(1 - 5 t^2) inside c.
  const Eigen::ArrayXd derivative = (t2 < 1.0).select((1.0 - t2) * (1.0 - 5.0 * t2), 0.0);
  const double psi_squared = (s.w * u).square().sum();
  const double mean = derivative.mean();
  const double var = (derivative - mean).square().sum() / (n - 1.0);
  const double kappa = 1.0 + 2.0 * var / (n * mean * mean);
  return (kappa / mean) * (kappa / mean) * s.scale * s.scale * psi_squared / df;
}

Estimate estimate(double value, double variance, double t) {
  const double se = std::sqrt(std::max(variance, 0.0));
  return {value, se, value - t * se, value + t * se};
}

}  // namespace

double LinearFit::at(double x) const { return intercept.value + slope.value * x; }

LinearFit fit_robust_linear(std::span<const double> x, std::span<const double> y,
                            const std::string& what, const FitOptions& options) {
  calibration_detail::check_options(options);
  check_input(x, y, what);
  const std::size_t n = x.size();
  const Centred c = centre(x, y);
  // The least-squares start: every weight 1 and the residuals of the centred data.
  IrlsState s;
  s.r = c.y;
  s.line = reweight(Psi::least_squares, c, s);
  update_residuals(c, s.line, s);
  // More than half the points exactly on a line make the MAD 0; the floor keeps the weights
  // finite (those points then carry the fit).
  double y_size = 0.0;
  for (double v : y) y_size = std::max(y_size, std::abs(v));
  const double scale_floor = 1e-12 * y_size;
  iterate(Psi::huber, c, scale_floor, options.max_iterations, s);
  iterate(Psi::bisquare, c, scale_floor, options.max_iterations, s);
  update_weights(Psi::bisquare, s);

  LinearFit fit;
  fit.points = n;
  fit.iterations = s.iterations;
  fit.residual_scale = s.scale;
  fit.x_min = *std::min_element(x.begin(), x.end());
  fit.x_max = *std::max_element(x.begin(), x.end());
  fit.outliers = static_cast<std::size_t>((s.w == 0.0).count());
  const WeightedLine& line = s.line;
  if (n - fit.outliers < 3 || !(line.sxx > 0.0)) {
    fail(what,
         "fewer than 3 points at two or more load levels remain once outliers are "
         "given weight 0: the data have no linear trend the fit can find");
  }
  fit.r_squared = weighted_r_squared(c, s);
  const double df = static_cast<double>(n) - 2.0;
  const double variance = m_estimator_variance(s, df);
  const double t = calibration_detail::t_multiplier(options.confidence_level, df);
  // Back from centred coordinates: the intercept is the line at x = 0, x - mean = -mean.
  const double x_mean = c.x_mean + line.x_mean;  // the weighted mean of x
  fit.slope = estimate(line.slope, variance / line.sxx, t);
  fit.intercept = estimate(c.y_mean + line.intercept - line.slope * c.x_mean,
                           variance * (1.0 / line.weight_sum + x_mean * x_mean / line.sxx), t);
  return fit;
}

}  // namespace tierplan
