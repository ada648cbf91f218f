// A scenario calibrated from measurements: the fitted resource models replace the assumed
// ones, with their source; every problem is reported with where it came from.
#include <gtest/gtest.h>

#include <vector>

#include "calibration/calibration_test_support.hpp"
#include "support/validation_test_support.hpp"
#include "tierplan/calibration.hpp"
#include "tierplan/plan.hpp"

namespace {

using tierplan::MeasurementSeries;
using tierplan_test::issues_of;

// One replica at 5 to 50 requests/s: CPU = baseline + per_rate x rate cores, memory likewise.
MeasurementSeries replica(const std::string& component, double cpu_baseline, double cpu_per_rate,
                          std::uint64_t seed) {
  tierplan_test::Noise noise(seed);
  MeasurementSeries s;
  s.component = component;
  s.source = component + "-pod-" + std::to_string(seed);
  for (int i = 0; i < 200; ++i) {
    const double rate = 5.0 + 45.0 * noise.uniform();
    s.timestamp_s.push_back(1.7e9 + 15.0 * i);
    s.rate_per_s.push_back(rate);
    s.cpu_cores.push_back(cpu_baseline + cpu_per_rate * rate + 0.002 * noise.normal());
    s.memory_mib.push_back(700.0 + 1.5 * rate + 2.0 * noise.normal());
  }
  return s;
}

std::size_t index_of(const tierplan::Scenario& s, const std::string& name) {
  for (std::size_t i = 0; i < s.stack.components.size(); ++i) {
    if (s.stack.components[i].name == name) return i;
  }
  ADD_FAILURE() << "no component " << name;
  return 0;
}

TEST(Calibrate, replaces_the_measured_components_resources_and_names_the_fit_as_their_source) {
  const tierplan::Scenario base = tierplan::builtin_scenario("dify-enterprise");
  const auto calibration =
      tierplan::calibrate(base, {replica("api", 0.3, 0.02, 1), replica("api", 0.3, 0.02, 2)});
  EXPECT_EQ(calibration.calibrated, std::vector<std::string>{"api"});
  const std::size_t api = index_of(base, "api");
  const tierplan::ResourceModel& model = calibration.scenario.stack.components[api].resources;
  EXPECT_NEAR(model.baseline_cpu_m, 300.0, 3.0);
  EXPECT_NEAR(model.cpu_m_per_rate_per_s, 20.0, 0.2);
  EXPECT_NEAR(model.baseline_memory_mib, 700.0, 2.0);
  EXPECT_NEAR(model.memory_mib_per_rate_per_s, 1.5, 0.05);
  EXPECT_EQ(model.memory_mib_per_concurrent,
            base.stack.components[api].resources.memory_mib_per_concurrent)
      << "what the fits do not cover is kept";
  const std::string& source =
      calibration.scenario.sources.at("stack.components[" + std::to_string(api) + "].resources");
  EXPECT_NE(source.find("calibrated from measurements"), std::string::npos);
  EXPECT_NE(source.find("api-pod-1, api-pod-2"), std::string::npos);
  EXPECT_NE(source.find("R^2"), std::string::npos);
  // Everything else is the scenario as it was, and it plans.
  tierplan::Scenario rest = calibration.scenario;
  rest.stack.components[api] = base.stack.components[api];
  rest.sources = base.sources;
  EXPECT_EQ(rest, base);
  EXPECT_NO_THROW(tierplan::plan(calibration.scenario));
}

TEST(Calibrate, a_series_of_a_component_the_stack_lacks_is_an_error_naming_it) {
  const auto issues = issues_of([] {
    tierplan::calibrate(tierplan::builtin_scenario("dify-enterprise"),
                        {replica("postgres", 0.3, 0.02, 1)});
  });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "postgres-pod-1.component");
  EXPECT_NE(issues[0].message.find("'postgres' is not a component of the stack"),
            std::string::npos);
}

TEST(Calibrate, a_fitted_baseline_the_scenario_cannot_hold_is_an_error_saying_so) {
  // CPU that is zero at no load and below: a negative intercept.
  const auto issues = issues_of([] {
    tierplan::calibrate(tierplan::builtin_scenario("dify-enterprise"),
                        {replica("worker", -0.1, 0.02, 3)});
  });
  ASSERT_FALSE(issues.empty());
  EXPECT_NE(issues[0].path.find("resources.baseline_cpu_m"), std::string::npos) << issues[0].path;
  EXPECT_NE(issues[0].message.find("calibrated from the measurements"), std::string::npos);
}

}  // namespace
