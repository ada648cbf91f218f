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
// When most loads are distinct (in-flight averages), grouping gains nothing and the points
// are the levels, each of count 1.
struct Levels {
  Eigen::ArrayXd load;
  Eigen::ArrayXd count;
  Eigen::ArrayXd mean;
  double within = 0.0;  // sum of squares about each level's mean
  std::size_t distinct = 0;
};

std::size_t distinct_count(std::span<const double> values) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  return static_cast<std::size_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
}

Levels ungrouped(std::span<const double> load, std::span<const double> x) {
  const auto n = static_cast<Eigen::Index>(load.size());
  Levels g;
  g.load = Eigen::Map<const Eigen::ArrayXd>(load.data(), n);
  g.mean = Eigen::Map<const Eigen::ArrayXd>(x.data(), n);
  g.count.setOnes(n);
  g.distinct = distinct_count(load);
  return g;
}

// Levels in increasing load, each mean and spread accumulated in input order by Welford's
// update (Welford 1962), so that the result does not depend on the hash table's order.
Levels group_by_load(std::span<const double> load, std::span<const double> x) {
  struct Accumulator {
    double count = 0.0;
    double mean = 0.0;
    double m2 = 0.0;
  };
  const std::size_t most_levels = std::max<std::size_t>(64, load.size() / 8);
  std::unordered_map<double, Accumulator> by_level;
  for (std::size_t i = 0; i < load.size(); ++i) {
    Accumulator& a = by_level[load[i]];
    a.count += 1.0;
    const double delta = x[i] - a.mean;
    a.mean += delta / a.count;
    a.m2 += delta * (x[i] - a.mean);
    if (by_level.size() > most_levels) return ungrouped(load, x);
  }
  std::vector<double> levels;
  levels.reserve(by_level.size());
  for (const auto& entry : by_level) levels.push_back(entry.first);
  std::sort(levels.begin(), levels.end());
  Levels g;
  const auto size = static_cast<Eigen::Index>(levels.size());
  g.load.resize(size);
  g.count.resize(size);
  g.mean.resize(size);
  for (Eigen::Index l = 0; l < size; ++l) {
    const Accumulator& a = by_level.at(levels[static_cast<std::size_t>(l)]);
    g.load[l] = levels[static_cast<std::size_t>(l)];
    g.count[l] = a.count;
    g.mean[l] = a.mean;
    g.within += a.m2;
  }
  g.distinct = levels.size();
  return g;
}

// J'J, J'r and the residual sum of squares at p, J the Jacobian of the model, as whole-array
// expressions over the levels (which Eigen vectorises).
struct NormalEquations {
  Matrix3 jtj = Matrix3::Zero();
  Vector3 jtr = Vector3::Zero();
  double rss = 0.0;
};

double model(const Vector3& p, double n) {
  return p[2] * n / (1.0 + p[0] * (n - 1.0) + p[1] * n * (n - 1.0));
}

// The per-level temporaries of one step, allocated once per fit: at 100,000 levels, fresh
// arrays every step spent a fifth of the time in page faults.
struct Workspace {
  Eigen::ArrayXd d;
  Eigen::ArrayXd f;
  Eigen::ArrayXd r;
  std::array<Eigen::ArrayXd, 3> j;  // d f / d alpha, d beta, d gamma (usl's gradient.usl)
  Eigen::ArrayXd weighted;
};

void evaluate(const Vector3& p, const Levels& g, Workspace& w) {
  w.d = 1.0 + p[0] * (g.load - 1.0) + p[1] * g.load * (g.load - 1.0);
  w.f = p[2] * g.load / w.d;
  w.r = g.mean - w.f;
}

double residual_sum_of_squares(const Vector3& p, const Levels& g, Workspace& w) {
  evaluate(p, g, w);
  return g.within + (g.count * w.r.square()).sum();
}

NormalEquations normal_equations(const Vector3& p, const Levels& g, Workspace& w) {
  evaluate(p, g, w);
  w.j[0] = -w.f * (g.load - 1.0) / w.d;
  w.j[1] = w.j[0] * g.load;
  w.j[2] = g.load / w.d;
  NormalEquations e;
  for (int a = 0; a < 3; ++a) {
    w.weighted = g.count * w.j[static_cast<std::size_t>(a)];
    for (int b = 0; b <= a; ++b) {
      e.jtj(a, b) = e.jtj(b, a) = (w.weighted * w.j[static_cast<std::size_t>(b)]).sum();
    }
    e.jtr[a] = (w.weighted * w.r).sum();
  }
  e.rss = g.within + (g.count * w.r.square()).sum();
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
  Workspace w;
  Solution s{p, normal_equations(p, g, w), 0};
  double lambda = 1e-3;
  while (s.iterations < max_iterations) {
    ++s.iterations;
    const Vector3 step = damped_step(s.at_p, s.p, lambda);
    const Vector3 next = (s.p + step).cwiseMax(kLower).cwiseMin(kUpper);
    const double rss = residual_sum_of_squares(next, g, w);
    if (rss < s.at_p.rss) {
      const double gain = (s.at_p.rss - rss) / s.at_p.rss;
      s.p = next;
      s.at_p = normal_equations(next, g, w);
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

namespace {

// X(N) at the corners of the intervals' box: X is monotonic in each of alpha, beta and gamma
// for N >= 1, so its least and most over the box are at corners.
std::array<double, 8> corner_throughputs(const UslFit& fit, double load) {
  const double alpha[] = {std::max(fit.alpha.ci_low, kLower[0]),
                          std::min(fit.alpha.ci_high, kUpper[0])};
  const double beta[] = {std::max(fit.beta.ci_low, kLower[1]),
                         std::min(fit.beta.ci_high, kUpper[1])};
  const double gamma[] = {std::max(fit.gamma.ci_low, kLower[2]), fit.gamma.ci_high};
  std::array<double, 8> out{};
  for (std::size_t k = 0; k < out.size(); ++k) {
    out[k] = model(Vector3(alpha[k & 1U], beta[(k >> 1U) & 1U], gamma[(k >> 2U) & 1U]), load);
  }
  return out;
}

}  // namespace

double UslFit::throughput_low(double load) const {
  const auto corners = corner_throughputs(*this, load);
  return *std::min_element(corners.begin(), corners.end());
}

double UslFit::throughput_high(double load) const {
  const auto corners = corner_throughputs(*this, load);
  return *std::max_element(corners.begin(), corners.end());
}

UslFit fit_usl(std::span<const double> load, std::span<const double> throughput,
               const std::string& what, const FitOptions& options) {
  calibration_detail::check_options(options);
  check_input(load, throughput, what);
  UslFit fit;
  fit.points = load.size();
  const Levels levels = group_by_load(load, throughput);
  fit.load_levels = levels.distinct;
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
