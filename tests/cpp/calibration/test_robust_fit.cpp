// The robust resource fit: known lines recovered through noise and gross outliers, standard
// errors that cover the truth, and the inputs it refuses.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "calibration/calibration_test_support.hpp"
#include "support/validation_test_support.hpp"
#include "tierplan/calibration.hpp"

namespace {

using tierplan::fit_robust_linear;
using tierplan::LinearFit;
using tierplan_test::issues_of;

struct Line {
  std::vector<double> x;
  std::vector<double> y;
};

// y = 0.25 + 0.004 x cores with 0.01-core noise over 0..400 requests/s; every tenth point
// replaced by a spike of 3 to 5 cores when with_outliers.
Line cpu_line(std::size_t n, bool with_outliers) {
  tierplan_test::Noise noise(7);
  Line line;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = 400.0 * noise.uniform();
    double y = 0.25 + 0.004 * x + 0.01 * noise.normal();
    if (with_outliers && i % 10 == 3) y = 3.0 + 2.0 * noise.uniform();
    line.x.push_back(x);
    line.y.push_back(y);
  }
  return line;
}

TEST(RobustLinearFit, recovers_the_line_through_noise_within_its_intervals) {
  const Line line = cpu_line(2000, false);
  const LinearFit fit = fit_robust_linear(line.x, line.y, "api.cpu_cores");
  EXPECT_LT(fit.intercept.ci_low, 0.25);
  EXPECT_GT(fit.intercept.ci_high, 0.25);
  EXPECT_LT(fit.slope.ci_low, 0.004);
  EXPECT_GT(fit.slope.ci_high, 0.004);
  EXPECT_GT(fit.r_squared, 0.99);
  EXPECT_NEAR(fit.residual_scale, 0.01, 0.001);
  EXPECT_EQ(fit.points, 2000u);
  EXPECT_LT(fit.outliers, 5u) << "normal noise gives almost no point weight 0 (|r| > 4.685 s)";
}

TEST(RobustLinearFit, ten_percent_gross_outliers_do_not_move_the_estimates) {
  const Line clean = cpu_line(2000, false);
  const Line dirty = cpu_line(2000, true);
  const LinearFit fit = fit_robust_linear(dirty.x, dirty.y, "api.cpu_cores");
  EXPECT_NEAR(fit.intercept.value, 0.25, 3 * fit.intercept.standard_error);
  EXPECT_NEAR(fit.slope.value, 0.004, 3 * fit.slope.standard_error);
  EXPECT_EQ(fit.outliers, 200u);
  // Ordinary least squares on the same points is far off: the test means something.
  double mean_y = 0;
  for (double v : dirty.y) mean_y += v / 2000.0;
  double mean_y_clean = 0;
  for (double v : clean.y) mean_y_clean += v / 2000.0;
  EXPECT_GT(mean_y - mean_y_clean, 0.2);
}

TEST(RobustLinearFit, an_exact_line_is_fitted_exactly_with_zero_standard_errors) {
  const std::vector<double> x = {0, 10, 20, 30, 40};
  const std::vector<double> y = {1, 2, 3, 4, 5};
  const LinearFit fit = fit_robust_linear(x, y, "exact");
  EXPECT_NEAR(fit.intercept.value, 1.0, 1e-12);
  EXPECT_NEAR(fit.slope.value, 0.1, 1e-12);
  EXPECT_NEAR(fit.slope.standard_error, 0.0, 1e-12);
  EXPECT_NEAR(fit.r_squared, 1.0, 1e-12);
}

TEST(RobustLinearFit, the_95_percent_intervals_cover_the_true_slope_about_95_percent_of_the_time) {
  // 400 data sets of 100 points with normal noise: the count of intervals that cover the
  // true slope is binomial(400, 0.95) when the standard errors are right, 380 +/- 4.4;
  // [365, 393] is beyond three standard deviations on either side.
  tierplan_test::Noise noise(2026);
  int covered = 0;
  for (int set = 0; set < 400; ++set) {
    std::vector<double> x;
    std::vector<double> y;
    for (int i = 0; i < 100; ++i) {
      x.push_back(100.0 * noise.uniform());
      y.push_back(1.0 + 0.5 * x.back() + 2.0 * noise.normal());
    }
    const LinearFit fit = fit_robust_linear(x, y, "coverage");
    covered += (fit.slope.ci_low <= 0.5 && 0.5 <= fit.slope.ci_high) ? 1 : 0;
  }
  EXPECT_GE(covered, 365);
  EXPECT_LE(covered, 393);
}

TEST(RobustLinearFit, a_constant_load_or_metric_is_an_error_naming_the_series) {
  const std::vector<double> flat = {5, 5, 5, 5};
  const std::vector<double> varying = {1, 2, 3, 4};
  const auto load = issues_of([&] { fit_robust_linear(flat, varying, "api.cpu_cores by rate"); });
  ASSERT_EQ(load.size(), 1u);
  EXPECT_EQ(load[0].path, "api.cpu_cores by rate");
  EXPECT_NE(load[0].message.find("the load is constant (5 at all 4 points)"), std::string::npos);
  const auto metric = issues_of([&] { fit_robust_linear(varying, flat, "api.memory_mib"); });
  EXPECT_NE(metric[0].message.find("constant"), std::string::npos);
}

TEST(RobustLinearFit, too_few_points_and_nan_are_errors) {
  EXPECT_NE(issues_of([] {
              fit_robust_linear(std::vector<double>{1, 2}, std::vector<double>{1, 2}, "s");
            })[0]
                .message.find("at least 3 points"),
            std::string::npos);
  EXPECT_NE(issues_of([] {
              fit_robust_linear(std::vector<double>{1, 2, NAN}, std::vector<double>{1, 2, 3}, "s");
            })[0]
                .message.find("point 2 is not finite"),
            std::string::npos);
  const auto level = issues_of([] {
    tierplan::FitOptions options;
    options.confidence_level = 1.5;
    fit_robust_linear(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 4}, "s", options);
  });
  EXPECT_EQ(level[0].path, "options.confidence_level");
}

}  // namespace
