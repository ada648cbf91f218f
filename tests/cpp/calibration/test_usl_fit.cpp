// The USL fit against the R package usl on the datasets it ships (tests/data/reference/
// usl-r-package.json names the files each figure comes from), on synthetic data with known
// coefficients, and on input it must refuse.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "calibration/calibration_test_support.hpp"
#include "support/validation_test_support.hpp"
#include "tierplan/calibration.hpp"

namespace {

using tierplan::fit_usl;
using tierplan::student_t_quantile;
using tierplan::UslFit;
using tierplan_test::issues_of;
using tierplan_test::significant;

nlohmann::json reference() {
  std::ifstream in(TIERPLAN_USL_REFERENCE_FILE);
  return nlohmann::json::parse(in);
}

UslFit fit_dataset(const nlohmann::json& dataset) {
  const auto load = dataset.at("load").get<std::vector<double>>();
  const auto throughput = dataset.at("throughput").get<std::vector<double>>();
  return fit_usl(load, throughput, "reference");
}

// Equal when both round to the same four significant figures, the precision the issue asks
// for and the package prints (summary's 4 digits).
void expect_four_figures(double ours, double published, const char* what) {
  EXPECT_EQ(significant(ours, 4), significant(published, 4))
      << what << ": ours " << ours << ", published " << published;
}

TEST(UslFit, agrees_with_the_r_package_on_specsdm91_to_four_significant_figures) {
  const nlohmann::json data = reference().at("specsdm91");
  const nlohmann::json& r = data.at("published");
  const UslFit fit = fit_dataset(data);
  expect_four_figures(fit.alpha.value, r.at("alpha"), "alpha");
  expect_four_figures(fit.beta.value, r.at("beta"), "beta");
  expect_four_figures(fit.gamma.value, r.at("gamma"), "gamma");
  expect_four_figures(fit.alpha.standard_error, r.at("alpha_standard_error"), "alpha se");
  expect_four_figures(fit.beta.standard_error, r.at("beta_standard_error"), "beta se");
  expect_four_figures(fit.gamma.standard_error, r.at("gamma_standard_error"), "gamma se");
  expect_four_figures(fit.residual_standard_error, r.at("residual_standard_error"), "sigma");
  ASSERT_TRUE(fit.peak_load && fit.peak_throughput && fit.amdahl_limit);
  expect_four_figures(*fit.peak_load, r.at("peak_load"), "peak load");
  expect_four_figures(*fit.peak_throughput, r.at("peak_throughput"), "peak throughput");
  expect_four_figures(*fit.amdahl_limit, r.at("amdahl_limit"), "Amdahl limit");
  expect_four_figures(1.0 / fit.alpha.value, r.at("optimal_load"), "optimal load 1/alpha");
  EXPECT_EQ(fit.points, 7u);
  EXPECT_EQ(fit.load_levels, 7u);
}

TEST(UslFit, agrees_with_the_r_package_on_the_ray_tracer_with_beta_at_its_bound) {
  const nlohmann::json data = reference().at("raytracer");
  const nlohmann::json& r = data.at("published");
  const UslFit fit = fit_dataset(data);
  EXPECT_EQ(fit.beta.value, 0.0);
  EXPECT_FALSE(fit.peak_load.has_value()) << "no peak without coherency delay";
  // usl publishes the intervals to 5-6 figures; their midpoints are the estimates.
  const auto alpha_ci = r.at("alpha_ci").get<std::vector<double>>();
  const auto beta_ci = r.at("beta_ci").get<std::vector<double>>();
  const auto gamma_ci = r.at("gamma_ci").get<std::vector<double>>();
  expect_four_figures(fit.alpha.value, (alpha_ci[0] + alpha_ci[1]) / 2.0, "alpha");
  expect_four_figures(fit.gamma.value, r.at("gamma"), "gamma");
  EXPECT_EQ(significant(fit.alpha.value, 3), r.at("alpha").get<double>());
  // usl's interval is estimate +/- se * qt(level, n - 1) (R/confint.R): with our standard
  // errors and that multiplier, the half-widths are theirs.
  const double usl_t = student_t_quantile(r.at("confint_level"), 11.0 - 1.0);
  expect_four_figures(fit.alpha.standard_error * usl_t, (alpha_ci[1] - alpha_ci[0]) / 2.0,
                      "alpha half-width");
  expect_four_figures(fit.gamma.standard_error * usl_t, (gamma_ci[1] - gamma_ci[0]) / 2.0,
                      "gamma half-width");
  // Published to three figures only.
  EXPECT_EQ(significant(fit.beta.standard_error * usl_t, 3), beta_ci[1]);
  ASSERT_TRUE(fit.amdahl_limit);
  EXPECT_NEAR(*fit.amdahl_limit, fit.gamma.value / fit.alpha.value, 1e-9);
}

TEST(UslFit, intervals_are_two_sided_student_t_with_n_minus_3_degrees_of_freedom) {
  const UslFit fit = fit_dataset(reference().at("specsdm91"));
  const double t = student_t_quantile(0.975, 4.0);
  EXPECT_NEAR(fit.alpha.ci_low, fit.alpha.value - t * fit.alpha.standard_error, 1e-15);
  EXPECT_NEAR(fit.gamma.ci_high, fit.gamma.value + t * fit.gamma.standard_error, 1e-9);
}

TEST(UslFit, recovers_known_coefficients_from_noisy_repeated_levels) {
  const double alpha = 0.05;
  const double beta = 0.0002;
  const double gamma = 40.0;
  tierplan_test::Noise noise(14);
  std::vector<double> load;
  std::vector<double> throughput;
  for (int level : {1, 2, 4, 8, 16, 32, 48, 64, 96, 128}) {
    for (int k = 0; k < 200; ++k) {
      const double n = level;
      const double x = gamma * n / (1.0 + alpha * (n - 1.0) + beta * n * (n - 1.0));
      load.push_back(n);
      throughput.push_back(x * (1.0 + 0.02 * noise.normal()));
    }
  }
  const UslFit fit = fit_usl(load, throughput, "synthetic");
  EXPECT_NEAR(fit.alpha.value, alpha, 3 * fit.alpha.standard_error);
  EXPECT_NEAR(fit.beta.value, beta, 3 * fit.beta.standard_error);
  EXPECT_NEAR(fit.gamma.value, gamma, 3 * fit.gamma.standard_error);
  EXPECT_LT(fit.alpha.ci_low, alpha);
  EXPECT_GT(fit.alpha.ci_high, alpha);
  EXPECT_NEAR(*fit.peak_load, std::sqrt((1 - alpha) / beta), 0.05 * 67.0);
  EXPECT_GT(fit.r_squared, 0.95);
  EXPECT_EQ(fit.load_levels, 10u);
  EXPECT_EQ(fit.load_min, 1.0);
  EXPECT_EQ(fit.load_max, 128.0);
}

TEST(UslFit, the_band_of_the_intervals_holds_the_curve_and_widens_with_fewer_points) {
  const auto fit_of = [](int repeats) {
    tierplan_test::Noise noise(15);
    std::vector<double> load;
    std::vector<double> throughput;
    for (int level : {1, 2, 4, 8, 16, 32}) {
      for (int k = 0; k < repeats; ++k) {
        const double n = level;
        load.push_back(n);
        throughput.push_back(40.0 * n / (1.0 + 0.05 * (n - 1.0) + 0.0002 * n * (n - 1.0)) *
                             (1.0 + 0.05 * noise.normal()));
      }
    }
    return fit_usl(load, throughput, "synthetic");
  };
  const UslFit many = fit_of(100);
  const UslFit few = fit_of(2);
  for (double n : {1.0, 3.0, 16.0, 64.0}) {
    EXPECT_LE(many.throughput_low(n), many.throughput(n)) << n;
    EXPECT_GE(many.throughput_high(n), many.throughput(n)) << n;
    EXPECT_GT(few.throughput_high(n) - few.throughput_low(n),
              many.throughput_high(n) - many.throughput_low(n))
        << n;
  }
  // At N = 1 only gamma matters: the band is gamma's interval.
  EXPECT_DOUBLE_EQ(many.throughput_low(1.0), many.gamma.ci_low);
  EXPECT_DOUBLE_EQ(many.throughput_high(1.0), many.gamma.ci_high);
}

TEST(UslFit, fewer_than_three_load_levels_is_an_error_naming_the_series) {
  const std::vector<double> load = {4, 4, 8, 8, 8};
  const std::vector<double> x = {10, 11, 15, 16, 15};
  const auto issues = issues_of([&] { fit_usl(load, x, "locust.csv"); });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "locust.csv");
  EXPECT_NE(issues[0].message.find("at least 3 distinct load levels, got 2"), std::string::npos)
      << issues[0].message;
}

TEST(UslFit, refuses_too_few_points_nan_and_non_positive_load) {
  EXPECT_NE(issues_of([] {
              fit_usl(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 3}, "s");
            })[0]
                .message.find("at least 4 points"),
            std::string::npos);
  const auto nan = issues_of([] {
    fit_usl(std::vector<double>{1, 2, 3, 4}, std::vector<double>{1, NAN, 3, 4}, "s");
  });
  EXPECT_EQ(nan[0].message, "throughput[1] must be a finite number >= 0, got nan");
  const auto zero = issues_of([] {
    fit_usl(std::vector<double>{0, 2, 3, 4}, std::vector<double>{1, 2, 3, 4}, "s");
  });
  EXPECT_EQ(zero[0].message, "load[0] must be a finite number > 0, got 0");
}

TEST(StudentT, quantiles_match_published_tables) {
  // R: qt(0.975, 4), qt(0.95, 10), qt(0.975, 1), qt(0.995, 30), qnorm-like large df.
  EXPECT_NEAR(student_t_quantile(0.975, 4.0), 2.776445105, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.95, 10.0), 1.812461123, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 1.0), 12.70620474, 1e-7);
  EXPECT_NEAR(student_t_quantile(0.995, 30.0), 2.749995654, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.025, 4.0), -2.776445105, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 1e6), 1.959966, 1e-5);
}

}  // namespace
