// Validation of measurement series: what the readers produce, checked once in C++ before
// any fit, every problem named by the series' source and column.
#include <cmath>
#include <string>
#include <vector>

#include "calibration/statistics.hpp"
#include "tierplan/calibration.hpp"

namespace tierplan {

namespace {

using calibration_detail::number;

struct Column {
  const char* name;
  const std::vector<double>* values;
};

std::vector<Column> measured_columns(const MeasurementSeries& s) {
  return {{"rate_per_s", &s.rate_per_s}, {"users", &s.users},
          {"in_flight", &s.in_flight},   {"cpu_cores", &s.cpu_cores},
          {"memory_mib", &s.memory_mib}, {"latency_s", &s.latency_s}};
}

// The first bad value of a column, and how many more there are: a column of 10,000 NaN is
// one issue, not 10,000.
void check_values(const std::string& prefix, const Column& column, bool may_be_negative,
                  std::vector<FieldIssue>& issues) {
  std::size_t bad = 0;
  std::size_t first = 0;
  for (std::size_t i = 0; i < column.values->size(); ++i) {
    const double v = (*column.values)[i];
    if (std::isfinite(v) && (may_be_negative || v >= 0.0)) continue;
    if (bad++ == 0) first = i;
  }
  if (bad == 0) return;
  const double v = (*column.values)[first];
  std::string message = std::isfinite(v) ? "must be >= 0, got " + number(v)
                                         : "must be a finite number, got " + number(v);
  if (bad > 1) message += " (and " + std::to_string(bad - 1) + " more in this column)";
  issues.push_back({prefix + column.name + "[" + std::to_string(first) + "]", message});
}

void check_timestamps(const std::string& prefix, const std::vector<double>& t,
                      std::vector<FieldIssue>& issues) {
  check_values(prefix, {"timestamp_s", &t}, true, issues);
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (std::isfinite(t[i]) && std::isfinite(t[i - 1]) && !(t[i] > t[i - 1])) {
      issues.push_back({prefix + "timestamp_s[" + std::to_string(i) + "]",
                        "timestamps must increase: got " + number(t[i]) + " after " +
                            number(t[i - 1]) + " (timestamp_s[" + std::to_string(i - 1) +
                            "]); sort the samples or split the series"});
      return;
    }
  }
}

void check_series(const MeasurementSeries& s, std::size_t index, std::vector<FieldIssue>& issues) {
  const std::string name = s.source.empty() ? "series[" + std::to_string(index) + "]" : s.source;
  const std::string prefix = name + ".";
  if (s.component.empty()) issues.push_back({prefix + "component", "must name a component"});
  if (s.timestamp_s.empty()) {
    issues.push_back({prefix + "timestamp_s", "the series is empty: it has no samples"});
    return;
  }
  check_timestamps(prefix, s.timestamp_s, issues);
  bool any_measured = false;
  for (const Column& column : measured_columns(s)) {
    if (column.values->empty()) continue;
    any_measured = true;
    if (column.values->size() != s.timestamp_s.size()) {
      issues.push_back(
          {prefix + column.name, "has " + std::to_string(column.values->size()) + " values for " +
                                     std::to_string(s.timestamp_s.size()) + " timestamps"});
      continue;
    }
    check_values(prefix, column, false, issues);
  }
  if (!any_measured) {
    issues.push_back({name, "measures nothing: every column besides timestamp_s is empty"});
  }
}

}  // namespace

std::vector<FieldIssue> measurement_issues(const std::vector<MeasurementSeries>& series) {
  std::vector<FieldIssue> issues;
  if (series.empty()) issues.push_back({"measurements", "no series: nothing to fit"});
  for (std::size_t i = 0; i < series.size(); ++i) check_series(series[i], i, issues);
  return issues;
}

void validate_measurements(const std::vector<MeasurementSeries>& series) {
  std::vector<FieldIssue> issues = measurement_issues(series);
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

}  // namespace tierplan
