#pragma once
// Uncertain assumptions: workload fields drawn from distributions, N seeded samples
// planned (sweep.hpp), the percentiles of every output, and the plan that covers a chosen
// percentile of the load. Sensitivity: each field moved alone by -X% and +X% (a tornado).
//
// Reproducibility: sample i draws from its own stream, seeded from (seed, i) by
// SplitMix64, and every distribution is sampled by its inverse CDF written here (the
// std:: distributions are implementation-defined), so the samples are the same on every
// platform and for any number of threads.
//
// Field ranges: a distribution is truncated to its field's valid range (the distribution
// conditioned on the range, sampled by inverse CDF over [F(min), F(max)]), never clamped.
// When more than 1% of its probability lies outside the range, that is a
// ValidationError: the distribution does not describe the field. Integer fields take no
// distribution.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tierplan/plan.hpp"
#include "tierplan/sweep.hpp"

namespace tierplan {

struct Distribution {
  enum class Kind { normal, lognormal, uniform, triangular };
  Kind kind = Kind::normal;
  // normal: mean, sd; lognormal: median, sigma (of the log); uniform: low, high;
  // triangular: low, mode, high.
  double a = 0.0;
  double b = 0.0;
  double c = 0.0;
  bool operator==(const Distribution&) const = default;

  static Distribution normal(double mean, double sd);
  static Distribution lognormal(double median, double sigma);
  static Distribution uniform(double low, double high);
  static Distribution triangular(double low, double mode, double high);

  double cdf(double x) const;
  // The inverse of cdf, for p in (0, 1).
  double quantile(double p) const;
  double mean() const;
  double standard_deviation() const;
  // Why the parameters are invalid ("sd must be > 0, got -1"), or nothing.
  std::optional<std::string> check() const;
};

std::string to_string(Distribution::Kind kind);
std::string describe(const Distribution& distribution);  // "normal(mean 3000, sd 500)"

struct UncertainField {
  std::string path;  // a real-valued field (fields.hpp)
  Distribution distribution;
  // Whether a larger value means more load (true for daily_active_users, documents,
  // per_user_per_day, ...): the covering plan takes the high percentile of such fields
  // and the low one of the others.
  bool larger_is_more_load = true;
  // The distribution of an estimate (calibration_uncertainty(), calibration.hpp) whose values
  // beyond the field's range are impossible by the field's nature, such as a fitted baseline
  // below 0: sampled conditioned on the range however much of it lies outside (the posterior
  // of the estimate under a flat prior on the range), instead of refused when more than 1%
  // does.
  bool conditioned_on_range = false;
};

// The k-th uniform number in (0, 1) of sample i's stream for seed.
double sample_uniform(std::uint64_t seed, std::uint64_t sample, std::uint64_t k);

struct UncertaintyOptions {
  std::size_t samples = 1000;
  std::uint64_t seed = 0;
  std::vector<double> percentiles = {5.0, 50.0, 95.0};  // in [0, 100]
  double covering_percentile = 95.0;                    // in (0, 100)
  StudyOptions study;
};

struct UncertaintyResult {
  StudyTable samples;  // one row per sample: the drawn fields, then the outputs
  std::vector<double> percentile_levels;
  // Row per level, column per samples.columns: the percentile over the feasible samples
  // (linear interpolation between order statistics, as numpy's default).
  StudyMatrix percentiles;
  std::size_t feasible_samples = 0;
  // Per field: the share of its distribution inside the field's range.
  std::vector<double> probability_in_range;
  // The plan with each field at its covering percentile (the high one where larger is
  // more load), and why; covering_error instead when that point cannot be planned.
  std::vector<double> covering_values;
  std::optional<EnvironmentPlan> covering_plan;
  std::string covering_reason;
  std::string covering_error;
};

UncertaintyResult uncertainty(const Scenario& scenario, const std::vector<UncertainField>& fields,
                              const UncertaintyOptions& options = {});

struct SensitivityOptions {
  double change_fraction = 0.1;  // each field moved to value * (1 - x) and value * (1 + x)
  std::string rank_by = "cost_usd_month";
  StudyOptions study;
};

// A tornado: each field moved alone (the others at their base values). Integer fields
// move to floor(value * (1 - x)) and ceil(value * (1 + x)); a field at 0 does not move.
// Rows are ranked by the swing |high - low| of rank_by, largest first; a field whose move
// makes a plan infeasible ranks first (its swing is NaN). Ties keep the given order.
struct SensitivityResult {
  std::vector<std::string> fields;  // ranked, by their canonical paths
  // The same fields as the caller named them ("workload.requests[chat_message]..." where
  // fields has "workload.requests[0]..."), ranked alike: what plots and tables show.
  std::vector<std::string> given_fields;
  double change_fraction = 0.0;     // each field moved to value * (1 -/+ change_fraction)
  std::vector<double> base_values;  // of each field, ranked
  std::vector<double> low_values;
  std::vector<double> high_values;
  std::vector<std::string> columns;  // the outputs (study_output_columns)
  StudyMatrix base;                  // 1 x outputs
  StudyMatrix low;                   // fields x outputs
  StudyMatrix high;
  StudyMatrix swing;                    // |high - low|
  std::vector<std::string> low_errors;  // PlanningError messages, or ""
  std::vector<std::string> high_errors;
  std::string rank_by;
};

SensitivityResult sensitivity(const Scenario& scenario, const std::vector<std::string>& paths,
                              const SensitivityOptions& options = {});

}  // namespace tierplan
