#pragma once
// Calibration from measurements (issue 14): the samples users have (Prometheus range
// queries, Locust's CSV history, a tidy CSV; read in Python by tierplan.calibration) and
// the fits made from them:
// - per component, the resource model the planner uses (a baseline plus a cost per request
//   per second, CPU and memory) by robust regression: Huber, then Tukey's bisquare, by
//   iteratively reweighted least squares with the MAD scale;
// - service time and concurrency per replica from latency and throughput (Little's law);
// - the Universal Scalability Law X(N) = gamma N / (1 + alpha (N - 1) + beta N (N - 1))
//   by bounded Levenberg-Marquardt least squares, as the R package usl fits it;
// - what percentile-based rightsizing tools recommend from the same series (CPU at the
//   95th percentile, memory at the maximum plus 15%), for comparison.
// Invalid samples are a ValidationError naming the series (its source) and what is wrong.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tierplan/errors.hpp"
#include "tierplan/scenario.hpp"
#include "tierplan/stack.hpp"
#include "tierplan/uncertainty.hpp"

namespace tierplan {

// The samples of one series: one replica (pod) of a component, or, from a load test, the
// component as the load generator saw it. Each measured column has one value per
// timestamp; a column that was not measured is empty.
struct MeasurementSeries {
  std::string component;  // the stack component the samples are of ("api")
  // Where the samples come from, named in every error: a file and the series' labels,
  // e.g. "cpu.json: {namespace=\"dify\", pod=\"dify-api-7d9f-x2x4z\"}".
  std::string source;
  std::vector<double> timestamp_s;  // Unix seconds, strictly increasing
  std::vector<double> rate_per_s;   // requests completed per second
  std::vector<double> users;        // concurrent users of a load generator (closed system)
  std::vector<double> in_flight;    // requests in progress on the replica
  std::vector<double> cpu_cores;    // CPU used, in cores (rate of CPU seconds)
  std::vector<double> memory_mib;   // memory working set, MiB
  std::vector<double> latency_s;    // mean response time
  bool operator==(const MeasurementSeries&) const = default;
};

// Every problem of the series, each with the series' source and column as its path
// ("api.csv: series x.cpu_cores[3]") and the value: empty series, columns whose length
// differs from the timestamps', NaN and infinities, negative values, timestamps out of
// order, an empty component name.
std::vector<FieldIssue> measurement_issues(const std::vector<MeasurementSeries>& series);
// Throws ValidationError listing every problem.
void validate_measurements(const std::vector<MeasurementSeries>& series);

// An estimated parameter with its standard error and confidence interval.
struct Estimate {
  double value = 0.0;
  double standard_error = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
  bool operator==(const Estimate&) const = default;
};

// y = intercept + slope * x, fitted robustly.
struct LinearFit {
  Estimate intercept;
  Estimate slope;
  // Of the final weighted fit: 1 - sum w r^2 / sum w (y - weighted mean)^2.
  double r_squared = 0.0;
  double residual_scale = 0.0;  // the MAD scale of the residuals the weights are made from
  std::size_t points = 0;
  std::size_t outliers = 0;  // points the bisquare gave weight 0 (|r| > 4.685 scale)
  double x_min = 0.0;        // the range of x the fit covers
  double x_max = 0.0;
  int iterations = 0;
  bool operator==(const LinearFit&) const = default;

  double at(double x) const;  // intercept + slope x at the estimates
};

struct FitOptions {
  double confidence_level = 0.95;  // of every confidence interval, in (0, 1)
  int max_iterations = 200;
  // A plan from the calibrated scenario warns where it sizes a replica for more than this
  // multiple of the highest rate measured (Component::measured_load), >= 1. The default 2 is
  // this library's choice, not a published figure: a straight line fitted over one range of
  // load says little about twice that range.
  double warn_beyond_multiple = 2.0;
};

// Robust linear regression of y on x: Huber's M-estimator (k = 1.345) from the least-squares
// start, then Tukey's bisquare (c = 4.685) from the Huber estimate, by iteratively
// reweighted least squares with the scale 1.4826 MAD of the residuals. Standard errors are
// those of the final weighted fit, v (X'WX)^-1, with Huber's variance factor v for an
// M-estimator (as MASS::summary.rlm); intervals use Student's t with n - 2 degrees of
// freedom.
// `what` names x, y and the series in errors: fewer than 3 points, a constant x or y,
// non-finite values.
LinearFit fit_robust_linear(std::span<const double> x, std::span<const double> y,
                            const std::string& what, const FitOptions& options = {});

// Service time and concurrency of one replica by Little's law N = X R, over the samples
// where the replica served requests (rate_per_s > 0).
struct LittleLawFit {
  // sum N / sum X: the mean time a request spends in the replica, queueing included; the
  // service time when the replica is not saturated. Its standard error is the ratio
  // estimator's (delta method).
  Estimate service_time_s;
  double concurrency_mean = 0.0;  // mean of N over the samples
  double concurrency_p95 = 0.0;   // its 95th percentile
  double concurrency_max = 0.0;
  bool in_flight_measured = false;  // N from the in_flight gauge; otherwise N = X R
  std::size_t points = 0;
  double rate_min_per_s = 0.0;
  double rate_max_per_s = 0.0;
  bool operator==(const LittleLawFit&) const = default;
};

// From rate_per_s and in_flight or latency_s (in_flight when both are measured).
LittleLawFit fit_littles_law(std::span<const double> rate_per_s, std::span<const double> in_flight,
                             std::span<const double> latency_s, const std::string& what,
                             const FitOptions& options = {});

// X(N) = gamma N / (1 + alpha (N - 1) + beta N (N - 1)): alpha contention, beta coherency,
// gamma the throughput at N = 1 (the R package usl's coefficients; its sigma, kappa and
// lambda in the normalised form).
struct UslFit {
  Estimate alpha;
  Estimate beta;
  Estimate gamma;
  double residual_standard_error = 0.0;  // sqrt(sum r^2 / (n - 3))
  double r_squared = 0.0;
  std::size_t points = 0;
  std::size_t load_levels = 0;  // distinct values of N
  double load_min = 0.0;
  double load_max = 0.0;
  // N* = sqrt((1 - alpha) / beta), where throughput peaks, and X(N*); none when beta = 0.
  std::optional<double> peak_load;
  std::optional<double> peak_throughput;
  // gamma / alpha, the throughput Amdahl's law bounds the system by; none when alpha = 0.
  std::optional<double> amdahl_limit;
  int iterations = 0;
  bool operator==(const UslFit&) const = default;

  double throughput(double load) const;  // X(N) at the estimates
  // The least and the most X(N) over the box of the three confidence intervals (each cut to
  // usl's bounds), for plotting a band around the curve: wider than the joint confidence
  // region, whose correlations the box ignores.
  double throughput_low(double load) const;
  double throughput_high(double load) const;
};

// Least squares of the USL by Levenberg-Marquardt within the R package usl's bounds
// (0 <= alpha <= 1, 0 <= beta <= 1, gamma >= 0) from its start (gamma = max X/N,
// alpha = 0.01, beta = 0.0001). Standard errors from the Jacobian at the solution,
// sigma^2 (J'J)^-1 (as usl and nls); intervals use Student's t with n - 3 degrees of
// freedom. Needs at least 3 distinct load levels and 4 points, load > 0.
UslFit fit_usl(std::span<const double> load, std::span<const double> throughput,
               const std::string& what, const FitOptions& options = {});

// What percentile-based rightsizing recommends from the same series: the CPU request at the
// 95th percentile of usage and the memory request at the maximum plus 15% (Robusta KRR's
// "simple" strategy defaults; the issue's comparison point).
struct Rightsizing {
  double cpu_request_m = 0.0;
  double memory_request_mib = 0.0;
  std::size_t points = 0;
  bool operator==(const Rightsizing&) const = default;
};

Rightsizing percentile_rightsizing(std::span<const double> cpu_cores,
                                   std::span<const double> memory_mib, const std::string& what);

// Every fit one component's samples allow, its series pooled: CPU and memory against
// rate_per_s (when measured), Little's law (rate_per_s with in_flight or latency_s), the USL
// of rate_per_s against users (or, when no series of the component has users, in_flight),
// never the two pooled, and the rightsizing (CPU and memory).
struct ComponentCalibration {
  std::string component;
  std::vector<std::string> sources;
  std::size_t samples = 0;
  // The time window the samples span: the first and the last timestamp of any series.
  double first_timestamp_s = 0.0;
  double last_timestamp_s = 0.0;
  std::optional<LinearFit> cpu_cores;   // cpu_cores = baseline + per request/s * rate_per_s
  std::optional<LinearFit> memory_mib;  // memory_mib likewise
  std::optional<LittleLawFit> littles_law;
  std::optional<UslFit> usl;
  std::optional<Rightsizing> rightsizing;
  bool operator==(const ComponentCalibration&) const = default;
};

// The series validated first, then grouped by component in the order components first
// appear; every problem of every fit in one ValidationError.
std::vector<ComponentCalibration> fit_components(const std::vector<MeasurementSeries>& series,
                                                 const FitOptions& options = {});

// The component's resource model with the fitted baselines and costs per request per second
// in the planner's units (millicores, MiB); the parts the fits do not cover are kept. A CPU
// baseline fitted at or below zero but within kBaselineNoiseStandardErrors standard errors of
// it (CPU proportional to the load, measured with noise) becomes kSmallestCpuRequestM.
ResourceModel calibrated_resources(const ResourceModel& model, const ComponentCalibration& fit);
// Standard errors within which a non-positive fitted baseline is taken as zero: two, a 95%
// normal interval.
inline constexpr double kBaselineNoiseStandardErrors = 2.0;
// Kubernetes' CPU resolution: it does not allow CPU resources specified with a precision finer
// than 1m (Kubernetes documentation, Resource Management for Pods and Containers, CPU resource
// units), so 1 m is the smallest baseline.
inline constexpr double kSmallestCpuRequestM = 1.0;
// Whether a fitted baseline is zero within its noise (see calibrated_resources).
bool baseline_is_noise_around_zero(const Estimate& intercept);

// A scenario calibrated from measurements, and the fits it was calibrated with.
struct Calibration {
  // The input scenario with the resource model of every component that has CPU or memory
  // fits replaced (calibrated_resources), and a source for each naming the measurements and
  // the fits' quality (sources["stack.components[i].resources"]); each such component's
  // measured_load holds the highest rate the fits covered and options.warn_beyond_multiple.
  Scenario scenario;
  std::vector<ComponentCalibration> components;  // in order of first appearance
  std::vector<std::string> calibrated;           // the components whose resources changed
  bool operator==(const Calibration&) const = default;
};

// Validates the scenario and the measurements, fits every component (fit_components), and
// replaces the fitted resource models. Every series must name a component of the stack.
// Throws ValidationError with every problem: the scenario's, the series', the fits', and those
// of the calibrated scenario (a fitted baseline below 0, say), each saying where it came from.
Calibration calibrate(const Scenario& scenario, const std::vector<MeasurementSeries>& series,
                      const FitOptions& options = {});

// How well the measurements pinned the calibrated resource models, as uncertain fields of
// calibration.scenario for uncertainty() (uncertainty.hpp): for every fitted baseline and
// cost per request per second of a calibrated component, normal(estimate, standard error) in
// the planner's units (millicores, MiB), conditioned on the field's range (a baseline cannot
// be below 0), larger meaning more load. A parameter with a standard error of 0 is exact and
// left out. The fits' t intervals are wider than the normal's by t/z (under 4% from 30
// points on), and intercept and slope are drawn independently: their covariance, negative
// for rates above 0, is not carried, which widens the drawn CPU at rates above the middle of
// the measured range.
std::vector<UncertainField> calibration_uncertainty(const Calibration& calibration);

// Student's t quantile: the t with P(T <= t) = p for df degrees of freedom.
double student_t_quantile(double p, double df);

}  // namespace tierplan
