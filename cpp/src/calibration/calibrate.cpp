// A scenario calibrated from measurements: the fits of every component, and the resource
// models they give in place of the assumed ones, each with a source naming the measurements
// and the fits' quality.
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
  if (c.cpu_cores && c.memory_mib) text += "; ";
  if (c.memory_mib) text += describe("memory_mib", *c.memory_mib);
  text += "; from ";
  for (std::size_t i = 0; i < c.sources.size(); ++i) text += (i ? ", " : "") + c.sources[i];
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

}  // namespace tierplan
