// Every fit one component's samples allow, with every problem of every component collected
// into one ValidationError.
#include <algorithm>
#include <map>
#include <vector>

#include "calibration/statistics.hpp"
#include "tierplan/calibration.hpp"

namespace tierplan {

namespace {

// One component's series pooled column by column. A pair of columns is pooled from the
// series that measure both, so that the two stay aligned sample by sample.
struct Pooled {
  std::vector<double> x;
  std::vector<double> y;
};

using ColumnOf = const std::vector<double>& (*)(const MeasurementSeries&);

Pooled pool(const std::vector<const MeasurementSeries*>& series, ColumnOf x, ColumnOf y) {
  Pooled p;
  for (const MeasurementSeries* s : series) {
    if (x(*s).empty() || y(*s).empty()) continue;
    p.x.insert(p.x.end(), x(*s).begin(), x(*s).end());
    p.y.insert(p.y.end(), y(*s).begin(), y(*s).end());
  }
  return p;
}

const std::vector<double>& rate(const MeasurementSeries& s) { return s.rate_per_s; }
const std::vector<double>& cpu(const MeasurementSeries& s) { return s.cpu_cores; }
const std::vector<double>& memory(const MeasurementSeries& s) { return s.memory_mib; }
const std::vector<double>& in_flight(const MeasurementSeries& s) { return s.in_flight; }
const std::vector<double>& latency(const MeasurementSeries& s) { return s.latency_s; }
const std::vector<double>& users(const MeasurementSeries& s) { return s.users; }

template <class Fit>
void attempt(std::optional<typename std::invoke_result_t<Fit>>& into, Fit fit,
             std::vector<FieldIssue>& issues) {
  try {
    into = fit();
  } catch (const ValidationError& error) {
    issues.insert(issues.end(), error.issues().begin(), error.issues().end());
  }
}

void fit_usl_part(const std::string& component, const std::vector<const MeasurementSeries*>& mine,
                  const FitOptions& options, ComponentCalibration& c,
                  std::vector<FieldIssue>& issues) {
  // The USL's N: the load generator's users when a load test measured them, otherwise the
  // replicas' requests in flight; never the two pooled (a test's throughput is the whole
  // component's, a replica's its own).
  Pooled usl = pool(mine, users, rate);
  if (usl.x.empty()) usl = pool(mine, in_flight, rate);
  if (usl.x.empty()) return;
  // A replica with nothing in flight is not a point of the throughput curve.
  std::vector<double> load;
  std::vector<double> throughput;
  for (std::size_t i = 0; i < usl.x.size(); ++i) {
    if (usl.x[i] <= 0.0) continue;
    load.push_back(usl.x[i]);
    throughput.push_back(usl.y[i]);
  }
  attempt(
      c.usl,
      [&] { return fit_usl(load, throughput, component + ".usl (rate_per_s by load)", options); },
      issues);
}

ComponentCalibration fit_component(const std::string& component,
                                   const std::vector<const MeasurementSeries*>& mine,
                                   const FitOptions& options, std::vector<FieldIssue>& issues) {
  ComponentCalibration c;
  c.component = component;
  for (const MeasurementSeries* s : mine) {
    c.sources.push_back(s->source);
    // Validated: every series has samples, in increasing time.
    c.first_timestamp_s = c.samples == 0 ? s->timestamp_s.front()
                                         : std::min(c.first_timestamp_s, s->timestamp_s.front());
    c.last_timestamp_s = c.samples == 0 ? s->timestamp_s.back()
                                        : std::max(c.last_timestamp_s, s->timestamp_s.back());
    c.samples += s->timestamp_s.size();
  }
  const Pooled cpu_fit = pool(mine, rate, cpu);
  if (!cpu_fit.x.empty()) {
    attempt(
        c.cpu_cores,
        [&] {
          return fit_robust_linear(cpu_fit.x, cpu_fit.y, component + ".cpu_cores by rate_per_s",
                                   options);
        },
        issues);
  }
  const Pooled memory_fit = pool(mine, rate, memory);
  if (!memory_fit.x.empty()) {
    attempt(
        c.memory_mib,
        [&] {
          return fit_robust_linear(memory_fit.x, memory_fit.y,
                                   component + ".memory_mib by rate_per_s", options);
        },
        issues);
  }
  const Pooled by_gauge = pool(mine, rate, in_flight);
  const Pooled by_latency = pool(mine, rate, latency);
  const Pooled& little = by_gauge.x.empty() ? by_latency : by_gauge;
  if (!little.x.empty()) {
    const bool gauge = !by_gauge.x.empty();
    attempt(
        c.littles_law,
        [&] {
          return fit_littles_law(little.x, gauge ? little.y : std::vector<double>{},
                                 gauge ? std::vector<double>{} : little.y,
                                 component + ".littles_law", options);
        },
        issues);
  }
  fit_usl_part(component, mine, options, c, issues);
  const Pooled usage = pool(mine, cpu, memory);
  if (!usage.x.empty()) {
    attempt(
        c.rightsizing,
        [&] { return percentile_rightsizing(usage.x, usage.y, component + ".rightsizing"); },
        issues);
  }
  return c;
}

}  // namespace

std::vector<ComponentCalibration> fit_components(const std::vector<MeasurementSeries>& series,
                                                 const FitOptions& options) {
  calibration_detail::check_options(options);
  validate_measurements(series);
  std::vector<std::string> order;
  std::map<std::string, std::vector<const MeasurementSeries*>> by_component;
  for (const MeasurementSeries& s : series) {
    auto& mine = by_component[s.component];
    if (mine.empty()) order.push_back(s.component);
    mine.push_back(&s);
  }
  std::vector<FieldIssue> issues;
  std::vector<ComponentCalibration> result;
  for (const std::string& component : order) {
    result.push_back(fit_component(component, by_component[component], options, issues));
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return result;
}

// The fits are of cores and MiB per replica against requests per second on that replica;
// the planner's resource model is in millicores and MiB per request per second.
bool baseline_is_noise_around_zero(const Estimate& intercept) {
  return intercept.value <= 0.0 &&
         intercept.value + kBaselineNoiseStandardErrors * intercept.standard_error >= 0.0;
}

ResourceModel calibrated_resources(const ResourceModel& model, const ComponentCalibration& fit) {
  ResourceModel calibrated = model;
  if (fit.cpu_cores) {
    // A load-proportional CPU fits an intercept of zero give or take its noise; a baseline
    // must be above zero, so one within the noise of zero is the smallest CPU request
    // Kubernetes takes (1 millicore). One further below stays, and validation refuses it.
    const Estimate& intercept = fit.cpu_cores->intercept;
    calibrated.baseline_cpu_m =
        baseline_is_noise_around_zero(intercept) ? kSmallestCpuRequestM : 1000.0 * intercept.value;
    calibrated.cpu_m_per_rate_per_s = 1000.0 * fit.cpu_cores->slope.value;
  }
  if (fit.memory_mib) {
    calibrated.baseline_memory_mib = fit.memory_mib->intercept.value;
    calibrated.memory_mib_per_rate_per_s = fit.memory_mib->slope.value;
  }
  return calibrated;
}

}  // namespace tierplan
