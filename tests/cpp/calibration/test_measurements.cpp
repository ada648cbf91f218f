// Measurement series: validation naming the series and value, Little's law, percentile
// rightsizing, and the fits of every component at once.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "calibration/calibration_test_support.hpp"
#include "support/validation_test_support.hpp"
#include "tierplan/calibration.hpp"

namespace {

using tierplan::MeasurementSeries;
using tierplan_test::issues_of;

MeasurementSeries pod(const std::string& component, const std::string& source, std::size_t n,
                      std::uint64_t seed) {
  tierplan_test::Noise noise(seed);
  MeasurementSeries s;
  s.component = component;
  s.source = source;
  for (std::size_t i = 0; i < n; ++i) {
    const double rate = 5.0 + 45.0 * noise.uniform();
    s.timestamp_s.push_back(1.7e9 + 15.0 * static_cast<double>(i));
    s.rate_per_s.push_back(rate);
    s.cpu_cores.push_back(0.2 + 0.01 * rate + 0.005 * noise.normal());
    s.memory_mib.push_back(600.0 + 2.0 * rate + 3.0 * noise.normal());
    s.latency_s.push_back(0.08 + 0.01 * noise.uniform());
  }
  return s;
}

TEST(Measurements, every_problem_names_the_series_column_index_and_value) {
  MeasurementSeries s = pod("api", "cpu.json {pod=\"dify-api-1\"}", 5, 1);
  s.cpu_cores[2] = NAN;
  s.cpu_cores[4] = NAN;
  s.rate_per_s[1] = -3.0;
  s.timestamp_s[3] = s.timestamp_s[2];
  s.memory_mib.pop_back();
  const auto issues = issues_of([&] { tierplan::validate_measurements({s}); });
  ASSERT_EQ(issues.size(), 4u);
  EXPECT_EQ(issues[0].path, "cpu.json {pod=\"dify-api-1\"}.timestamp_s[3]");
  EXPECT_NE(issues[0].message.find("timestamps must increase"), std::string::npos);
  EXPECT_EQ(issues[1].path, "cpu.json {pod=\"dify-api-1\"}.rate_per_s[1]");
  EXPECT_EQ(issues[1].message, "must be >= 0, got -3");
  EXPECT_EQ(issues[2].path, "cpu.json {pod=\"dify-api-1\"}.cpu_cores[2]");
  EXPECT_EQ(issues[2].message, "must be a finite number, got nan (and 1 more in this column)");
  EXPECT_EQ(issues[3].path, "cpu.json {pod=\"dify-api-1\"}.memory_mib");
  EXPECT_EQ(issues[3].message, "has 4 values for 5 timestamps");
}

TEST(Measurements, empty_series_and_no_series_are_errors) {
  MeasurementSeries empty;
  empty.component = "api";
  empty.source = "empty.csv";
  const auto issues = issues_of([&] { tierplan::validate_measurements({empty}); });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "empty.csv.timestamp_s");
  EXPECT_EQ(issues[0].message, "the series is empty: it has no samples");
  EXPECT_EQ(issues_of([] { tierplan::validate_measurements({}); })[0].path, "measurements");
}

TEST(LittlesLaw, service_time_is_total_concurrency_over_total_throughput) {
  const std::vector<double> rate = {10, 20, 0, 40};
  const std::vector<double> latency = {0.1, 0.1, 5.0, 0.2};
  const auto fit = tierplan::fit_littles_law(rate, {}, latency, "api");
  // N = 1, 2, 8 over X = 10, 20, 40 (the idle sample left out): 11 / 70 s.
  EXPECT_DOUBLE_EQ(fit.service_time_s.value, 11.0 / 70.0);
  EXPECT_EQ(fit.points, 3u);
  EXPECT_FALSE(fit.in_flight_measured);
  EXPECT_DOUBLE_EQ(fit.concurrency_max, 8.0);
  EXPECT_DOUBLE_EQ(fit.concurrency_mean, 11.0 / 3.0);
  EXPECT_GT(fit.service_time_s.standard_error, 0.0);
  EXPECT_EQ(fit.rate_min_per_s, 10.0);
}

TEST(LittlesLaw, the_in_flight_gauge_is_used_when_measured) {
  const std::vector<double> rate = {10, 20, 30};
  const std::vector<double> in_flight = {1, 2, 3};
  const auto fit = tierplan::fit_littles_law(rate, in_flight, {}, "api");
  EXPECT_TRUE(fit.in_flight_measured);
  EXPECT_DOUBLE_EQ(fit.service_time_s.value, 0.1);
  EXPECT_NEAR(fit.service_time_s.standard_error, 0.0, 1e-15);
  EXPECT_THROW(tierplan::fit_littles_law(rate, {}, {}, "api"), tierplan::ValidationError);
}

TEST(Rightsizing, cpu_at_the_95th_percentile_and_memory_at_the_maximum_plus_15_percent) {
  std::vector<double> cpu;
  for (int i = 0; i <= 100; ++i) cpu.push_back(i / 100.0);  // 0.00 .. 1.00 cores
  const std::vector<double> memory = {100, 400, 200};
  const auto r = tierplan::percentile_rightsizing(cpu, memory, "api");
  EXPECT_NEAR(r.cpu_request_m, 950.0, 1e-9);
  EXPECT_NEAR(r.memory_request_mib, 460.0, 1e-9);
}

TEST(FitComponents, fits_each_component_from_its_pooled_pods_in_order_of_appearance) {
  const std::vector<MeasurementSeries> series = {
      pod("worker", "w1", 300, 1), pod("api", "a1", 300, 2), pod("api", "a2", 300, 3)};
  const auto fits = tierplan::fit_components(series);
  ASSERT_EQ(fits.size(), 2u);
  EXPECT_EQ(fits[0].component, "worker");
  EXPECT_EQ(fits[1].component, "api");
  EXPECT_EQ(fits[1].samples, 600u);
  EXPECT_EQ(fits[1].sources, (std::vector<std::string>{"a1", "a2"}));
  ASSERT_TRUE(fits[1].cpu_cores && fits[1].memory_mib && fits[1].littles_law);
  EXPECT_NEAR(fits[1].cpu_cores->slope.value, 0.01, 0.001);
  EXPECT_NEAR(fits[1].memory_mib->intercept.value, 600.0, 3.0);
  EXPECT_FALSE(fits[1].usl.has_value()) << "neither users nor in_flight measured";
  ASSERT_TRUE(fits[1].rightsizing);
  const tierplan::ResourceModel model = tierplan::calibrated_resources({}, fits[1]);
  EXPECT_NEAR(model.baseline_cpu_m, 200.0, 5.0);
  EXPECT_NEAR(model.cpu_m_per_rate_per_s, 10.0, 1.0);
  EXPECT_NEAR(model.memory_mib_per_rate_per_s, 2.0, 0.2);
}

TEST(FitComponents, every_component_problem_is_reported_at_once) {
  MeasurementSeries flat = pod("web", "web.csv", 20, 4);
  std::fill(flat.rate_per_s.begin(), flat.rate_per_s.end(), 12.0);
  MeasurementSeries locust = pod("api", "locust.csv", 20, 5);
  locust.users.assign(20, 10.0);
  locust.users[0] = 5.0;
  const auto issues = issues_of([&] { tierplan::fit_components({flat, locust}); });
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].path, "web.cpu_cores by rate_per_s");
  EXPECT_EQ(issues[1].path, "web.memory_mib by rate_per_s");
  EXPECT_EQ(issues[2].path, "api.usl (rate_per_s by load)");
  EXPECT_NE(issues[2].message.find("got 2"), std::string::npos);
}

}  // namespace
