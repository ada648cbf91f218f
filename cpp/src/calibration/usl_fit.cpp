// The Universal Scalability Law X(N) = gamma N / (1 + alpha (N - 1) + beta N (N - 1))
// (Gunther 2007, Guerrilla Capacity Planning, ch. 4-5), fitted by least squares as the R
// package usl fits it (smoeding/usl, R/usl.R: nlxb or nls "port" within
// 0 <= alpha, beta <= 1 and gamma >= 0, from gamma = max(X/N), alpha = 0.01, beta = 0.0001;
// standard errors sqrt(diag((J'J)^-1) * RSS / (n - 3)) from its gradient.usl).
#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <vector>

#include "calibration/statistics.hpp"
#include "tierplan/calibration.hpp"

namespace tierplan {

namespace {

using calibration_detail::fail;
using calibration_detail::number;
using Vector3 = Eigen::Vector3d;
using Matrix3 = Eigen::Matrix3d;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// usl's bounds on (alpha, beta, gamma).
const Vector3 kLower(0.0, 0.0, 0.0);
const Vector3 kUpper(1.0, 1.0, kInfinity);

// The points grouped by load level: the least-squares problem of the points is that of the
// level means weighted by their counts, plus the spread within levels, which no parameter
// changes (sum_i (x_i - f(N))^2 = count (mean - f(N))^2 + sum_i (x_i - mean)^2). Load tests
// repeat a few levels many times: 100,000 samples at 64 levels make each step 64 terms.
struct Levels {
  std::vector<double> load;
  std::vector<double> count;
  std::vector<double> mean;
  double within = 0.0;  // sum of squares about each level's mean
};

// Levels in increasing load, each mean and spread accumulated in input order by Welford's
// update (Welford 1962), so that the result does not depend on the hash table's order.
Levels group_by_load(std::span<const double> load, std::span<const double> x) {
  struct Accumulator {
    double count = 0.0;
    double mean = 0.0;
    double m2 = 0.0;
  };
  std::unordered_map<double, Accumulator> by_level;
  for (std::size_t i = 0; i < load.size(); ++i) {
    Accumulator& a = by_level[load[i]];
    a.count += 1.0;
    const double delta = x[i] - a.mean;
    a.mean += delta / a.count;
    a.m2 += delta * (x[i] - a.mean);
  }
  std::vector<double> levels;
  levels.reserve(by_level.size());
  for (const auto& entry : by_level) levels.push_back(entry.first);
  std::sort(levels.begin(), levels.end());
  Levels g;
  for (double level : levels) {
    const Accumulator& a = by_level.at(level);
    g.load.push_back(level);
    g.count.push_back(a.count);
    g.mean.push_back(a.mean);
    g.within += a.m2;
  }
  return g;
}

// J'J, J'r and the residual sum of squares at p, J the Jacobian of the model: one pass over
// the levels, J never stored.
struct NormalEquations {
  Matrix3 jtj = Matrix3::Zero();
  Vector3 jtr = Vector3::Zero();
  double rss = 0.0;
};

double model(const Vector3& p, double n) {
  return p[2] * n / (1.0 + p[0] * (n - 1.0) + p[1] * n * (n - 1.0));
}

double residual_sum_of_squares(const Vector3& p, const Levels& g) {
  double rss = g.within;
  for (std::size_t l = 0; l < g.load.size(); ++l) {
    const double r = g.mean[l] - model(p, g.load[l]);
    rss += g.count[l] * r * r;
  }
  return rss;
}

NormalEquations normal_equations(const Vector3& p, const Levels& g) {
  NormalEquations e;
  e.rss = g.within;
  for (std::size_t l = 0; l < g.load.size(); ++l) {
    const double n = g.load[l];
    const double d = 1.0 + p[0] * (n - 1.0) + p[1] * n * (n - 1.0);
    const double f = p[2] * n / d;
    // d f / d alpha, d beta, d gamma (usl's gradient.usl).
    const Vector3 j(-f * (n - 1.0) / d, -f * n * (n - 1.0) / d, n / d);
    const double r = g.mean[l] - f;
    e.jtj += g.count[l] * j * j.transpose();
    e.jtr += g.count[l] * r * j;
    e.rss += g.count[l] * r * r;
  }
  return e;
}

// A parameter at a bound whose descent direction points out of the box stays there: its row
// and column are taken out of the step (a projected Levenberg-Marquardt step on the free
// parameters).
bool held_at_bound(const Vector3& p, const Vector3& jtr, int k) {
  return (p[k] <= kLower[k] && jtr[k] < 0.0) || (p[k] >= kUpper[k] && jtr[k] > 0.0);
}

Vector3 damped_step(const NormalEquations& e, const Vector3& p, double lambda) {
  Matrix3 a = e.jtj;
  Vector3 g = e.jtr;
  for (int k = 0; k < 3; ++k) {
    a(k, k) += lambda * std::max(e.jtj(k, k), 1e-300);
    if (held_at_bound(p, e.jtr, k)) {
      a.row(k).setZero();
      a.col(k).setZero();
      a(k, k) = 1.0;
      g[k] = 0.0;
    }
  }
  return a.ldlt().solve(g);
}

struct Solution {
  Vector3 p;
  NormalEquations at_p;
  int iterations = 0;
};

// Levenberg-Marquardt with Marquardt's diagonal scaling; the step is clipped to the bounds.
// It stops when a step no longer lowers the residual sum of squares by a relative 1e-15, or
// the damping grows past 1e16 (no downhill step left).
Solution levenberg_marquardt(const Levels& g, double gamma_start, const std::string& what,
                             int max_iterations) {
  const Vector3 p(0.01, 0.0001, gamma_start);
  Solution s{p, normal_equations(p, g), 0};
  double lambda = 1e-3;
  while (s.iterations < max_iterations) {
    ++s.iterations;
    const Vector3 step = damped_step(s.at_p, s.p, lambda);
    const Vector3 next = (s.p + step).cwiseMax(kLower).cwiseMin(kUpper);
    const double rss = residual_sum_of_squares(next, g);
    if (rss < s.at_p.rss) {
      const double gain = (s.at_p.rss - rss) / s.at_p.rss;
      s.p = next;
      s.at_p = normal_equations(next, g);
      lambda = std::max(lambda / 10.0, 1e-12);
      if (gain < 1e-15) return s;
    } else {
      lambda *= 10.0;
      if (lambda > 1e16) return s;
    }
  }
  fail(what, "the USL fit did not converge in " + std::to_string(max_iterations) +
                 " iterations (alpha " + number(s.p[0]) + ", beta " + number(s.p[1]) + ", gamma " +
                 number(s.p[2]) + ")");
}

void check_input(std::span<const double> load, std::span<const double> x, const std::string& what) {
  if (load.size() != x.size()) {
    fail(what, "load has " + std::to_string(load.size()) + " values, throughput " +
                   std::to_string(x.size()));
  }
  for (std::size_t i = 0; i < load.size(); ++i) {
    if (!std::isfinite(load[i]) || !(load[i] > 0.0)) {
      fail(what,
           "load[" + std::to_string(i) + "] must be a finite number > 0, got " + number(load[i]));
    }
    if (!std::isfinite(x[i]) || x[i] < 0.0) {
      fail(what, "throughput[" + std::to_string(i) + "] must be a finite number >= 0, got " +
                     number(x[i]));
    }
  }
  if (load.size() < 4) {
    fail(what,
         "the USL's three coefficients and their standard errors need at least 4 "
         "points, got " +
             std::to_string(load.size()));
  }
}

}  // namespace

double UslFit::throughput(double load) const {
  return model(Vector3(alpha.value, beta.value, gamma.value), load);
}

UslFit fit_usl(std::span<const double> load, std::span<const double> throughput,
               const std::string& what, const FitOptions& options) {
  calibration_detail::check_options(options);
  check_input(load, throughput, what);
  UslFit fit;
  fit.points = load.size();
  const Levels levels = group_by_load(load, throughput);
  fit.load_levels = levels.load.size();
  if (fit.load_levels < 3) {
    fail(what, "the USL needs at least 3 distinct load levels, got " +
                   std::to_string(fit.load_levels) + ": measure at more concurrency levels");
  }
  const auto [low, high] = std::minmax_element(load.begin(), load.end());
  fit.load_min = *low;
  fit.load_max = *high;
  double gamma_start = 0.0;  // usl's start: max(X / N)
  for (std::size_t i = 0; i < load.size(); ++i) {
    gamma_start = std::max(gamma_start, throughput[i] / load[i]);
  }
  const Solution s = levenberg_marquardt(levels, gamma_start, what, options.max_iterations);
  fit.iterations = s.iterations;
  const double df = static_cast<double>(fit.points) - 3.0;
  const double sigma2 = s.at_p.rss / df;
  fit.residual_standard_error = std::sqrt(sigma2);
  const Eigen::LDLT<Matrix3> jtj(s.at_p.jtj);
  const Vector3 variance = jtj.solve(Matrix3::Identity()).diagonal() * sigma2;
  const double t = calibration_detail::t_multiplier(options.confidence_level, df);
  std::array<Estimate*, 3> estimates{&fit.alpha, &fit.beta, &fit.gamma};
  for (int k = 0; k < 3; ++k) {
    const double se = std::sqrt(std::max(variance[k], 0.0));
    *estimates[k] = {s.p[k], se, s.p[k] - t * se, s.p[k] + t * se};
  }
  double mean = 0.0;
  for (double v : throughput) mean += v / static_cast<double>(fit.points);
  double total = 0.0;
  for (double v : throughput) total += (v - mean) * (v - mean);
  fit.r_squared = total > 0.0 ? 1.0 - s.at_p.rss / total : 1.0;
  if (s.p[1] > 0.0) {
    fit.peak_load = std::sqrt((1.0 - s.p[0]) / s.p[1]);
    fit.peak_throughput = fit.throughput(*fit.peak_load);
  }
  if (s.p[0] > 0.0) fit.amdahl_limit = s.p[2] / s.p[0];
  return fit;
}

}  // namespace tierplan
