#include "tierplan/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <stdexcept>

#include "io/field_reader.hpp"
#include "io/format.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {

namespace {

using detail::concat;
using detail::Readable;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Most of a distribution must lie inside its field's range; the rest is cut off.
constexpr double kMinProbabilityInRange = 0.99;
// An estimate conditioned on its field's range (UncertainField::conditioned_on_range) whose
// value lies in the range has at least half its (symmetric) distribution there; less means
// the estimate itself is outside.
constexpr double kMinProbabilityConditioned = 0.5;

// SplitMix64's output function (Steele, Lea and Flood, "Fast splittable pseudorandom
// number generators", OOPSLA 2014; constants of Vigna's public-domain splitmix64.c).
constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

// Inverse of the standard normal CDF: Acklam's rational approximation (relative error
// below 1.2e-9; P. J. Acklam, "An algorithm for computing the inverse normal cumulative
// distribution function", 2003), then one Halley step on erfc for full double precision.
double standard_normal_quantile(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double p_low = 0.02425;
  double x = 0.0;
  if (p < p_low) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p <= 1.0 - p_low) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  const double e = standard_normal_cdf(x) - p;
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(x * x / 2.0);
  return x - u / (1.0 + x * u / 2.0);
}

// Percentile q (0-100) of sorted values: linear between order statistics.
double percentile_of_sorted(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return kNaN;
  const double position = q / 100.0 * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double t = position - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * t;
}

std::string number(double value) { return detail::readable(value); }
// A level as people write it: 95, 97.5.
std::string level_text(double percent) { return detail::describe_value(detail::json(percent)); }

// The field's range as cumulative probabilities of the distribution.
struct Truncation {
  double low = 0.0;   // F(min)
  double mass = 1.0;  // F(max) - F(min)
};

Truncation truncation(const Distribution& d, const FieldBounds& bounds) {
  const double low = std::isfinite(bounds.min) ? d.cdf(bounds.min) : 0.0;
  const double high = std::isfinite(bounds.max) ? d.cdf(bounds.max) : 1.0;
  return {low, high - low};
}

}  // namespace

Distribution Distribution::normal(double mean, double sd) { return {Kind::normal, mean, sd, 0.0}; }
Distribution Distribution::lognormal(double median, double sigma) {
  return {Kind::lognormal, median, sigma, 0.0};
}
Distribution Distribution::uniform(double low, double high) {
  return {Kind::uniform, low, high, 0.0};
}
Distribution Distribution::triangular(double low, double mode, double high) {
  return {Kind::triangular, low, mode, high};
}

std::optional<std::string> Distribution::check() const {
  const auto finite = [](double v) { return std::isfinite(v); };
  if (!finite(a) || !finite(b) || !finite(c)) return "parameters must be finite numbers";
  switch (kind) {
    case Kind::normal:
      if (!(b > 0)) return "sd must be > 0, got " + number(b);
      break;
    case Kind::lognormal:
      if (!(a > 0)) return "median must be > 0, got " + number(a);
      if (!(b > 0)) return "sigma must be > 0, got " + number(b);
      break;
    case Kind::uniform:
      if (!(a < b)) return "low must be < high, got " + number(a) + " and " + number(b);
      break;
    case Kind::triangular:
      if (!(a < c)) return "low must be < high, got " + number(a) + " and " + number(c);
      if (!(a <= b && b <= c)) {
        return "mode must be within [low, high], got " + number(b);
      }
      break;
  }
  return std::nullopt;
}

double Distribution::cdf(double x) const {
  switch (kind) {
    case Kind::normal:
      return standard_normal_cdf((x - a) / b);
    case Kind::lognormal:
      return x <= 0 ? 0.0 : standard_normal_cdf((std::log(x) - std::log(a)) / b);
    case Kind::uniform:
      return std::clamp((x - a) / (b - a), 0.0, 1.0);
    case Kind::triangular:
      if (x <= a) return 0.0;
      if (x >= c) return 1.0;
      if (x <= b) return (x - a) * (x - a) / ((c - a) * (b - a));
      return 1.0 - (c - x) * (c - x) / ((c - a) * (c - b));
  }
  return kNaN;
}

double Distribution::quantile(double p) const {
  switch (kind) {
    case Kind::normal:
      return a + b * standard_normal_quantile(p);
    case Kind::lognormal:
      return a * std::exp(b * standard_normal_quantile(p));
    case Kind::uniform:
      return a + p * (b - a);
    case Kind::triangular: {
      const double split = (b - a) / (c - a);
      if (p < split) return a + std::sqrt(p * (c - a) * (b - a));
      return c - std::sqrt((1.0 - p) * (c - a) * (c - b));
    }
  }
  return kNaN;
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::normal:
      return a;
    case Kind::lognormal:
      return a * std::exp(b * b / 2.0);
    case Kind::uniform:
      return (a + b) / 2.0;
    case Kind::triangular:
      return (a + b + c) / 3.0;
  }
  return kNaN;
}

double Distribution::standard_deviation() const {
  switch (kind) {
    case Kind::normal:
      return b;
    case Kind::lognormal:
      return a * std::exp(b * b / 2.0) * std::sqrt(std::expm1(b * b));
    case Kind::uniform:
      return (b - a) / std::sqrt(12.0);
    case Kind::triangular:
      return std::sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18.0);
  }
  return kNaN;
}

std::string to_string(Distribution::Kind kind) {
  switch (kind) {
    case Distribution::Kind::normal:
      return "normal";
    case Distribution::Kind::lognormal:
      return "lognormal";
    case Distribution::Kind::uniform:
      return "uniform";
    case Distribution::Kind::triangular:
      return "triangular";
  }
  return "";
}

std::string describe(const Distribution& d) {
  switch (d.kind) {
    case Distribution::Kind::normal:
      return "normal(mean " + number(d.a) + ", sd " + number(d.b) + ")";
    case Distribution::Kind::lognormal:
      return "lognormal(median " + number(d.a) + ", sigma " + number(d.b) + ")";
    case Distribution::Kind::uniform:
      return "uniform(" + number(d.a) + " to " + number(d.b) + ")";
    case Distribution::Kind::triangular:
      return "triangular(" + number(d.a) + ", mode " + number(d.b) + ", " + number(d.c) + ")";
  }
  return "";
}

double sample_uniform(std::uint64_t seed, std::uint64_t sample, std::uint64_t k) {
  // A counter-based SplitMix64 stream per sample: its state starts at a key mixed from
  // (seed, sample) and draw k is the output function at key + (k + 1) * golden gamma.
  const std::uint64_t key = mix64(seed ^ mix64(sample + kGolden));
  const std::uint64_t bits = mix64(key + (k + 1) * kGolden);
  // 53 random bits, centred in their interval: strictly inside (0, 1).
  return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
}

namespace {

// The options and the fields' distributions, all checked before any field is resolved.
void check_uncertainty_options(const std::vector<UncertainField>& fields,
                               const UncertaintyOptions& options) {
  std::vector<FieldIssue> issues;
  if (options.samples == 0) issues.push_back({"samples", "must be >= 1, got 0"});
  for (double p : options.percentiles) {
    if (!(p >= 0 && p <= 100)) {
      issues.push_back({"percentiles", "must be within [0, 100], got " + number(p)});
    }
  }
  if (!(options.covering_percentile > 0 && options.covering_percentile < 100)) {
    issues.push_back({"covering_percentile",
                      "must be within (0, 100), got " + number(options.covering_percentile)});
  }
  if (fields.empty()) issues.push_back({"fields", "must list at least one field, got []"});
  for (const auto& f : fields) {
    if (auto why = f.distribution.check()) {
      issues.push_back({f.path, describe(f.distribution) + ": " + *why});
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

// Each field's distribution cut to the field's range. A field given twice, an integer
// field (it takes whole values: sweep them instead) and a distribution with more than 1%
// of its probability outside the range (cut off, the rest would no longer be the
// distribution asked for) are errors.
std::vector<Truncation> truncations_to_field_ranges(const std::vector<UncertainField>& fields,
                                                    const std::vector<FieldRef>& refs) {
  std::vector<FieldIssue> issues;
  std::vector<Truncation> cuts;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    for (std::size_t j = 0; j < k; ++j) {
      if (refs[j].path() == refs[k].path()) issues.push_back({fields[k].path, "is given twice"});
    }
    const FieldBounds& bounds = refs[k].bounds();
    if (bounds.integer) {
      issues.push_back(
          {refs[k].path(),
           "is an integer field: it takes no distribution (sweep its values instead)"});
      cuts.push_back({});
      continue;
    }
    cuts.push_back(truncation(fields[k].distribution, bounds));
    const double least =
        fields[k].conditioned_on_range ? kMinProbabilityConditioned : kMinProbabilityInRange;
    if (!(cuts.back().mass >= least)) {
      issues.push_back({refs[k].path(), describe(fields[k].distribution) + " has " +
                                            number(cuts.back().mass * 100.0) +
                                            "% of its probability in the "
                                            "field's range [" +
                                            number(bounds.min) + ", " + number(bounds.max) +
                                            "]; at least " + number(least * 100.0) +
                                            "% must be (the rest is cut off)"});
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return cuts;
}

// The samples, one row each: every field drawn by inverse transform from its truncated
// distribution. The uniforms come from a stream per (seed, sample), so sample i is the
// same whatever the number of samples asked for.
StudyMatrix draw_samples(const std::vector<UncertainField>& fields,
                         const std::vector<FieldRef>& refs, const std::vector<Truncation>& cuts,
                         const UncertaintyOptions& options) {
  const std::size_t n = options.samples;
  StudyMatrix inputs(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(refs.size()));
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t draw = 0;
    for (std::size_t k = 0; k < refs.size(); ++k) {
      const Distribution& d = fields[k].distribution;
      double x = kNaN;
      // At the very edge of the range the inverse CDF may round onto an excluded bound
      // (e.g. exactly 0 where > 0 is required): that draw is redrawn from the stream.
      for (int attempt = 0; attempt < 64; ++attempt) {
        const double u = sample_uniform(options.seed, i, draw++);
        x = d.quantile(cuts[k].low + u * cuts[k].mass);
        if (!refs[k].check(x)) break;
        x = kNaN;
      }
      if (std::isnan(x)) {
        throw ValidationError(
            {{refs[k].path(), describe(d) + ": no draw within the field's range"}});
      }
      inputs(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = x;
    }
  }
  return inputs;
}

// The percentiles of every column over the feasible samples only: an infeasible sample
// has no plan, and its NaN outputs would otherwise sort anywhere.
void summarise_feasible_samples(const UncertaintyOptions& options, UncertaintyResult& result) {
  const StudyTable& table = result.samples;
  const auto feasible_column = static_cast<Eigen::Index>(table.input_columns);
  std::vector<Eigen::Index> feasible_rows;
  for (Eigen::Index i = 0; i < table.values.rows(); ++i) {
    if (table.values(i, feasible_column) == 1.0) feasible_rows.push_back(i);
  }
  result.feasible_samples = feasible_rows.size();
  result.percentile_levels = options.percentiles;
  result.percentiles.resize(static_cast<Eigen::Index>(options.percentiles.size()),
                            table.values.cols());
  std::vector<double> column;
  for (Eigen::Index c = 0; c < table.values.cols(); ++c) {
    column.clear();
    for (Eigen::Index i : feasible_rows) column.push_back(table.values(i, c));
    std::sort(column.begin(), column.end());
    for (std::size_t l = 0; l < options.percentiles.size(); ++l) {
      result.percentiles(static_cast<Eigen::Index>(l), c) =
          percentile_of_sorted(column, options.percentiles[l]);
    }
  }
}

// How many samples lie at or below the covering point on every field's load side.
std::size_t samples_covered(const std::vector<UncertainField>& fields, const StudyMatrix& inputs,
                            const std::vector<double>& covering_values) {
  std::size_t dominated = 0;
  for (Eigen::Index i = 0; i < inputs.rows(); ++i) {
    bool below = true;
    for (std::size_t k = 0; k < fields.size() && below; ++k) {
      const double v = inputs(i, static_cast<Eigen::Index>(k));
      below = fields[k].larger_is_more_load ? v <= covering_values[k] : v >= covering_values[k];
    }
    if (below) ++dominated;
  }
  return dominated;
}

// The covering point: each field at its own percentile of its (truncated) distribution,
// on the side of more load, planned as one scenario, with how many samples it covers.
void plan_covering_point(const Scenario& scenario, const std::vector<UncertainField>& fields,
                         const std::vector<FieldRef>& refs, const std::vector<Truncation>& cuts,
                         const StudyMatrix& inputs, const UncertaintyOptions& options,
                         UncertaintyResult& result) {
  const double p = options.covering_percentile / 100.0;
  Scenario covering = scenario;
  std::string settings;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    const double level = fields[k].larger_is_more_load ? p : 1.0 - p;
    const double x = fields[k].distribution.quantile(cuts[k].low + level * cuts[k].mass);
    result.covering_values.push_back(x);
    result.probability_in_range.push_back(cuts[k].mass);
    refs[k].set(covering, x);
    settings += (k == 0 ? "" : "; ") + refs[k].path() + " = " + number(x) + " (p" +
                level_text(level * 100.0) + " of " + describe(fields[k].distribution) + ")";
  }
  const std::size_t n = options.samples;
  const std::size_t dominated = samples_covered(fields, inputs, result.covering_values);
  result.covering_reason = concat(
      "each uncertain field at its own ", level_text(options.covering_percentile),
      "th percentile on the side of more load: ", settings, "; ", dominated, " of ", n,
      " samples (", Readable{100.0 * static_cast<double>(dominated) / static_cast<double>(n)},
      "%) carry no more load on any of these fields");
  const Environment& env =
      covering.environments[environment_index(covering, options.study.environment)];
  try {
    result.covering_plan = plan_environment(covering, env);
  } catch (const PlanningError& e) {
    result.covering_error = e.what();
  }
}

}  // namespace

UncertaintyResult uncertainty(const Scenario& scenario, const std::vector<UncertainField>& fields,
                              const UncertaintyOptions& options) {
  validate(scenario);
  environment_index(scenario, options.study.environment);
  check_uncertainty_options(fields, options);
  std::vector<std::string> paths;
  for (const auto& f : fields) paths.push_back(f.path);
  const std::vector<FieldRef> refs = resolve_fields(scenario, paths);
  const std::vector<Truncation> cuts = truncations_to_field_ranges(fields, refs);

  const StudyMatrix inputs = draw_samples(fields, refs, cuts, options);
  check_points(scenario, refs, inputs);
  UncertaintyResult result;
  result.samples = evaluate_points(scenario, refs, inputs, options.study);
  summarise_feasible_samples(options, result);
  plan_covering_point(scenario, fields, refs, cuts, inputs, options, result);
  return result;
}

namespace {

// The one-at-a-time values of each field: its base value and that value moved down and up
// by the change fraction (rounded outwards for integer fields); a moved value outside the
// field's range is an error, reported with how it was made.
struct OneAtATimeValues {
  std::vector<double> base, low, high;
};

OneAtATimeValues one_at_a_time_values(const Scenario& scenario, const std::vector<FieldRef>& refs,
                                      double change_fraction) {
  const std::size_t m = refs.size();
  const double x = change_fraction;
  std::vector<FieldIssue> issues;
  OneAtATimeValues values{std::vector<double>(m), std::vector<double>(m), std::vector<double>(m)};
  auto& [base, low, high] = values;
  for (std::size_t k = 0; k < m; ++k) {
    base[k] = refs[k].get(scenario);
    const double a = base[k] - std::abs(base[k]) * x;
    const double b = base[k] + std::abs(base[k]) * x;
    low[k] = refs[k].bounds().integer ? std::floor(a) : a;
    high[k] = refs[k].bounds().integer ? std::ceil(b) : b;
    for (const double v : {low[k], high[k]}) {
      if (auto why = refs[k].check(v)) {
        issues.push_back({refs[k].path(), *why + " (" + number(base[k]) + " moved by " +
                                              (v < base[k] ? "-" : "+") + level_text(x * 100.0) +
                                              "%)"});
      }
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return values;
}

// Row 0 is the base point; rows 1 + 2k and 2 + 2k move field k down and up, the other
// fields at their base values.
StudyMatrix one_at_a_time_inputs(const OneAtATimeValues& values) {
  const std::size_t m = values.base.size();
  StudyMatrix inputs(static_cast<Eigen::Index>(1 + 2 * m), static_cast<Eigen::Index>(m));
  for (Eigen::Index r = 0; r < inputs.rows(); ++r) {
    for (std::size_t k = 0; k < m; ++k) inputs(r, static_cast<Eigen::Index>(k)) = values.base[k];
  }
  for (std::size_t k = 0; k < m; ++k) {
    inputs(static_cast<Eigen::Index>(1 + 2 * k), static_cast<Eigen::Index>(k)) = values.low[k];
    inputs(static_cast<Eigen::Index>(2 + 2 * k), static_cast<Eigen::Index>(k)) = values.high[k];
  }
  return inputs;
}

// The fields by the swing of the ranked output, largest first; a field whose swing is NaN
// (a side could not be planned) comes first.
std::vector<std::size_t> fields_by_swing(const StudyTable& table, std::size_t fields,
                                         Eigen::Index rank_column) {
  const auto first = static_cast<Eigen::Index>(table.input_columns);
  std::vector<std::size_t> order(fields);
  std::iota(order.begin(), order.end(), 0);
  const auto swing_of = [&](std::size_t k) {
    return std::abs(table.values(static_cast<Eigen::Index>(2 + 2 * k), first + rank_column) -
                    table.values(static_cast<Eigen::Index>(1 + 2 * k), first + rank_column));
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const double si = swing_of(i);
    const double sj = swing_of(j);
    if (std::isnan(si) != std::isnan(sj)) return std::isnan(si);
    return si > sj;
  });
  return order;
}

}  // namespace

SensitivityResult sensitivity(const Scenario& scenario, const std::vector<std::string>& paths,
                              const SensitivityOptions& options) {
  validate(scenario);
  environment_index(scenario, options.study.environment);
  std::vector<FieldIssue> issues;
  if (!(options.change_fraction > 0 && options.change_fraction < 1)) {
    issues.push_back(
        {"change_fraction", "must be within (0, 1), got " + number(options.change_fraction)});
  }
  const std::vector<std::string> outputs = study_output_columns(scenario);
  const auto rank_it = std::find(outputs.begin(), outputs.end(), options.rank_by);
  if (rank_it == outputs.end()) {
    issues.push_back({"rank_by", "names no output column, got \"" + options.rank_by + "\""});
  }
  if (paths.empty()) issues.push_back({"fields", "must list at least one field, got []"});
  if (!issues.empty()) throw ValidationError(std::move(issues));
  const std::vector<FieldRef> refs = resolve_fields(scenario, paths);
  const std::size_t m = refs.size();
  const OneAtATimeValues values = one_at_a_time_values(scenario, refs, options.change_fraction);

  const StudyMatrix inputs = one_at_a_time_inputs(values);
  check_points(scenario, refs, inputs);
  const StudyTable table = evaluate_points(scenario, refs, inputs, options.study);
  const auto outs = static_cast<Eigen::Index>(outputs.size());
  const auto first = static_cast<Eigen::Index>(table.input_columns);
  const std::vector<std::size_t> order =
      fields_by_swing(table, m, static_cast<Eigen::Index>(rank_it - outputs.begin()));

  SensitivityResult result;
  result.columns = outputs;
  result.rank_by = options.rank_by;
  result.change_fraction = options.change_fraction;
  result.base = table.values.block(0, first, 1, outs);
  result.low.resize(static_cast<Eigen::Index>(m), outs);
  result.high.resize(static_cast<Eigen::Index>(m), outs);
  for (std::size_t r = 0; r < m; ++r) {
    const std::size_t k = order[r];
    const auto row = static_cast<Eigen::Index>(r);
    result.fields.push_back(refs[k].path());
    result.given_fields.push_back(paths[k]);
    result.base_values.push_back(values.base[k]);
    result.low_values.push_back(values.low[k]);
    result.high_values.push_back(values.high[k]);
    result.low.row(row) = table.values.block(static_cast<Eigen::Index>(1 + 2 * k), first, 1, outs);
    result.high.row(row) = table.values.block(static_cast<Eigen::Index>(2 + 2 * k), first, 1, outs);
    result.low_errors.push_back(table.errors[1 + 2 * k]);
    result.high_errors.push_back(table.errors[2 + 2 * k]);
  }
  result.swing = (result.high - result.low).cwiseAbs();
  return result;
}

}  // namespace tierplan
