// A scenario calibrated from measurements: the fits of every component, and the resource
// models they give in place of the assumed ones, each with a source naming the measurements
// and the fits' quality.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "calibration/statistics.hpp"
#include "tierplan/calibration.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {

namespace {

using calibration_detail::number;

std::string component_names(const Stack& stack) {
  std::string names;
  for (const Component& c : stack.components) names += (names.empty() ? "" : ", ") + c.name;
  return names;
}

std::vector<FieldIssue> unknown_components(const Stack& stack,
                                           const std::vector<MeasurementSeries>& series) {
  std::vector<FieldIssue> issues;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const MeasurementSeries& s = series[i];
    bool known = false;
    for (const Component& c : stack.components) known = known || c.name == s.component;
    if (known || s.component.empty()) continue;
    const std::string where = s.source.empty() ? "series[" + std::to_string(i) + "]" : s.source;
    issues.push_back({where + ".component",
                      "'" + s.component + "' is not a component of the stack (its components: " +
                          component_names(stack) + ")"});
  }
  return issues;
}

std::string describe(const char* what, const LinearFit& fit) {
  return std::string(what) + " = " + number(fit.intercept.value) + " (se " +
         number(fit.intercept.standard_error) + ") + " + number(fit.slope.value) + " (se " +
         number(fit.slope.standard_error) + ") x rate_per_s, R^2 " + number(fit.r_squared) + ", " +
         std::to_string(fit.points) + " samples (" + std::to_string(fit.outliers) +
         " outliers) at " + number(fit.x_min) + " to " + number(fit.x_max) + " requests/s";
}

std::string source_of(const ComponentCalibration& c) {
  std::string text = "calibrated from measurements (robust fit per replica): ";
  if (c.cpu_cores) text += describe("cpu_cores", *c.cpu_cores);
  if (c.cpu_cores && baseline_is_noise_around_zero(c.cpu_cores->intercept)) {
    text += " (the baseline is zero within 2 standard errors: 1 m, the smallest CPU request)";
  }
  if (c.cpu_cores && c.memory_mib) text += "; ";
  if (c.memory_mib) text += describe("memory_mib", *c.memory_mib);
  text += "; from ";
  for (std::size_t i = 0; i < c.sources.size(); ++i) text += (i ? ", " : "") + c.sources[i];
  // Whole Unix seconds: six significant figures (number()) would round the time away.
  const auto whole = [](double t) { return std::to_string(static_cast<long long>(std::floor(t))); };
  text += "; window " + whole(c.first_timestamp_s) + " to " + whole(c.last_timestamp_s) +
          " (Unix s, " + number(c.last_timestamp_s - c.first_timestamp_s) + " s)";
  return text;
}

}  // namespace

Calibration calibrate(const Scenario& scenario, const std::vector<MeasurementSeries>& series,
                      const FitOptions& options) {
  validate(scenario);
  std::vector<FieldIssue> issues = unknown_components(scenario.stack, series);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  Calibration result;
  result.components = fit_components(series, options);
  result.scenario = scenario;
  auto& components = result.scenario.stack.components;
  for (const ComponentCalibration& fit : result.components) {
    if (!fit.cpu_cores && !fit.memory_mib) continue;
    for (std::size_t i = 0; i < components.size(); ++i) {
      if (components[i].name != fit.component) continue;
      components[i].resources = calibrated_resources(components[i].resources, fit);
      components[i].measured_load =
          MeasuredLoad{std::max(fit.cpu_cores ? fit.cpu_cores->x_max : 0.0,
                                fit.memory_mib ? fit.memory_mib->x_max : 0.0),
                       options.warn_beyond_multiple};
      result.scenario.sources["stack.components[" + std::to_string(i) + "].resources"] =
          source_of(fit);
      result.calibrated.push_back(fit.component);
    }
  }
  issues = scenario_issues(result.scenario);
  if (!issues.empty()) {
    for (FieldIssue& issue : issues)
      issue.message += " (in the scenario calibrated from the measurements)";
    throw ValidationError(std::move(issues));
  }
  return result;
}

namespace {

void add_uncertain(std::vector<UncertainField>& fields, const std::string& path,
                   const Estimate& estimate, double unit) {
  if (!(estimate.standard_error > 0.0)) return;
  fields.push_back(UncertainField{
      path, Distribution::normal(unit * estimate.value, unit * estimate.standard_error), true,
      true});
}

}  // namespace

std::vector<UncertainField> calibration_uncertainty(const Calibration& calibration) {
  // The fits are in cores and MiB per replica (calibrated_resources).
  constexpr double kMillicoresPerCore = 1000.0;
  std::vector<UncertainField> fields;
  const auto& components = calibration.scenario.stack.components;
  for (const ComponentCalibration& fit : calibration.components) {
    for (std::size_t i = 0; i < components.size(); ++i) {
      if (components[i].name != fit.component) continue;
      const std::string at = "stack.components[" + std::to_string(i) + "].resources.";
      if (fit.cpu_cores) {
        add_uncertain(fields, at + "baseline_cpu_m", fit.cpu_cores->intercept, kMillicoresPerCore);
        add_uncertain(fields, at + "cpu_m_per_rate_per_s", fit.cpu_cores->slope,
                      kMillicoresPerCore);
      }
      if (fit.memory_mib) {
        add_uncertain(fields, at + "baseline_memory_mib", fit.memory_mib->intercept, 1.0);
        add_uncertain(fields, at + "memory_mib_per_rate_per_s", fit.memory_mib->slope, 1.0);
      }
    }
  }
  return fields;
}

}  // namespace tierplan
