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
double percentile(std::span<double> values, double q);
// The median of values; reorders them.
double median(std::span<double> values);
// Throws ValidationError for a confidence level outside (0, 1) or no iterations.
void check_options(const FitOptions& options);

// The confidence interval's t multiplier: the (1 + level) / 2 quantile of Student's t.
double t_multiplier(double confidence_level, double degrees_of_freedom);

}  // namespace tierplan::calibration_detail
