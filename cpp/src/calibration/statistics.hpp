#pragma once
// Internal helpers of the calibration fits: order statistics, the MAD scale, Student's t,
// and how errors name series and values.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "tierplan/calibration.hpp"
#include "tierplan/errors.hpp"

namespace tierplan::calibration_detail {

// A value as errors print it: six significant digits ("0.000123", "1.5e+06", "nan").
std::string number(double value);

// Throws ValidationError with the single issue (what, message).
[[noreturn]] void fail(const std::string& what, const std::string& message);

// Percentile q (0-100) by linear interpolation between order statistics (numpy's default);
// reorders values.
double percentile(std::vector<double>& values, double q);
// The median of values; reorders them.
double median(std::vector<double>& values);
// 1.4826 * median |r|: the MAD scale of regression residuals centred on 0, consistent for
// the normal standard deviation (1 / Phi^-1(3/4) = 1.4826; Hampel 1974, as MASS::rlm's
// "MAD" scale).
double mad_scale(std::span<const double> residuals);

// Throws ValidationError for a confidence level outside (0, 1) or no iterations.
void check_options(const FitOptions& options);

// The number of distinct values.
std::size_t distinct_count(std::span<const double> values);

// The confidence interval's t multiplier: the (1 + level) / 2 quantile of Student's t.
double t_multiplier(double confidence_level, double degrees_of_freedom);

}  // namespace tierplan::calibration_detail
