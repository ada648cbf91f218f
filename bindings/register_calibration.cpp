// Calibration (calibration.hpp): measurement series in, fits out. Sample columns are float64
// numpy arrays in both directions (copied into and out of the series); the fits release the
// GIL.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <sstream>

#include "bindings.hpp"
#include "tierplan/calibration.hpp"

namespace py = pybind11;

namespace tierplan::bindings {

namespace {

using Column = py::array_t<double, py::array::c_style | py::array::forcecast>;
using OptionalColumn = std::optional<Column>;

std::vector<double> to_vector(const Column& column, const char* name) {
  if (column.ndim() != 1) {
    throw ValidationError(
        {{name, "must be one-dimensional, got " + std::to_string(column.ndim()) + " dimensions"}});
  }
  return {column.data(), column.data() + column.size()};
}

std::vector<double> to_vector(const OptionalColumn& column, const char* name) {
  return column ? to_vector(*column, name) : std::vector<double>{};
}

Column to_array(const std::vector<double>& values) {
  return Column(static_cast<py::ssize_t>(values.size()), values.data());
}

// A numpy view of a column, read as a copy and written from any float sequence.
template <std::vector<double> MeasurementSeries::*member>
void column_property(py::class_<MeasurementSeries>& cls, const char* name, const char* doc) {
  cls.def_property(
      name, [](const MeasurementSeries& s) { return to_array(s.*member); },
      [name](MeasurementSeries& s, const Column& values) { s.*member = to_vector(values, name); },
      doc);
}

// A fit's function of one number, applied to each value of a column.
template <class Fit, double (Fit::*function)(double) const>
Column each_of(const Fit& fit, const Column& values) {
  std::vector<double> out = to_vector(values, "values");
  for (double& x : out) x = (fit.*function)(x);
  return to_array(out);
}

FitOptions fit_options(double confidence_level, int max_iterations,
                       double warn_beyond_multiple = FitOptions{}.warn_beyond_multiple) {
  FitOptions options;
  options.confidence_level = confidence_level;
  options.max_iterations = max_iterations;
  options.warn_beyond_multiple = warn_beyond_multiple;
  return options;
}

std::string describe(const Estimate& e) {
  std::ostringstream out;
  out << e.value << " (se " << e.standard_error << ", CI " << e.ci_low << " to " << e.ci_high
      << ")";
  return out.str();
}

MeasurementSeries make_series(const std::string& component, const std::string& source,
                              const Column& timestamp_s, const OptionalColumn& rate_per_s,
                              const OptionalColumn& users, const OptionalColumn& in_flight,
                              const OptionalColumn& cpu_cores, const OptionalColumn& memory_mib,
                              const OptionalColumn& latency_s) {
  MeasurementSeries s;
  s.component = component;
  s.source = source;
  s.timestamp_s = to_vector(timestamp_s, "timestamp_s");
  s.rate_per_s = to_vector(rate_per_s, "rate_per_s");
  s.users = to_vector(users, "users");
  s.in_flight = to_vector(in_flight, "in_flight");
  s.cpu_cores = to_vector(cpu_cores, "cpu_cores");
  s.memory_mib = to_vector(memory_mib, "memory_mib");
  s.latency_s = to_vector(latency_s, "latency_s");
  return s;
}

void register_series(py::module_& m) {
  auto series = value_class<MeasurementSeries>(
      m, "MeasurementSeries",
      "The samples of one series: one replica (pod) of a component, or a load test of it. "
      "Each measured column has one value per timestamp; an unmeasured column is empty.");
  series
      .def(py::init(&make_series), py::arg("component"), py::arg("source"), py::arg("timestamp_s"),
           py::kw_only(), py::arg("rate_per_s") = py::none(), py::arg("users") = py::none(),
           py::arg("in_flight") = py::none(), py::arg("cpu_cores") = py::none(),
           py::arg("memory_mib") = py::none(), py::arg("latency_s") = py::none())
      .def_readwrite("component", &MeasurementSeries::component)
      .def_readwrite("source", &MeasurementSeries::source,
                     "Where the samples come from (file and labels), named in every error.")
      .def("__len__", [](const MeasurementSeries& s) { return s.timestamp_s.size(); })
      .def("__repr__", [](const MeasurementSeries& s) {
        return "<tierplan.MeasurementSeries " + s.component + " from " + s.source + ": " +
               std::to_string(s.timestamp_s.size()) + " samples>";
      });
  column_property<&MeasurementSeries::timestamp_s>(series, "timestamp_s",
                                                   "Unix seconds, strictly increasing.");
  column_property<&MeasurementSeries::rate_per_s>(series, "rate_per_s",
                                                  "Requests completed per second.");
  column_property<&MeasurementSeries::users>(series, "users",
                                             "Concurrent users of a load generator.");
  column_property<&MeasurementSeries::in_flight>(series, "in_flight",
                                                 "Requests in progress on the replica.");
  column_property<&MeasurementSeries::cpu_cores>(series, "cpu_cores", "CPU used, in cores.");
  column_property<&MeasurementSeries::memory_mib>(series, "memory_mib", "Memory working set, MiB.");
  column_property<&MeasurementSeries::latency_s>(series, "latency_s", "Mean response time, s.");
  m.def("validate_measurements", &validate_measurements, py::arg("series"),
        "Raises ValidationError listing every problem of the series (empty, NaN, negative, "
        "timestamps out of order, columns of the wrong length), each named by its source.");
}

void register_results(py::module_& m) {
  value_class<Estimate>(m, "Estimate", "An estimate with its standard error and interval.")
      .def_readonly("value", &Estimate::value)
      .def_readonly("standard_error", &Estimate::standard_error)
      .def_readonly("ci_low", &Estimate::ci_low)
      .def_readonly("ci_high", &Estimate::ci_high)
      .def("__repr__", [](const Estimate& e) { return "<tierplan.Estimate " + describe(e) + ">"; });
  value_class<LinearFit>(m, "LinearFit", "y = intercept + slope * x, fitted robustly.")
      .def_readonly("intercept", &LinearFit::intercept)
      .def_readonly("slope", &LinearFit::slope)
      .def_readonly("r_squared", &LinearFit::r_squared)
      .def_readonly("residual_scale", &LinearFit::residual_scale)
      .def_readonly("points", &LinearFit::points)
      .def_readonly("outliers", &LinearFit::outliers)
      .def_readonly("x_min", &LinearFit::x_min)
      .def_readonly("x_max", &LinearFit::x_max)
      .def_readonly("iterations", &LinearFit::iterations)
      .def("at", &LinearFit::at, py::arg("x"), "intercept + slope x at the estimates.")
      .def("at", each_of<LinearFit, &LinearFit::at>, py::arg("x"),
           "intercept + slope x at the estimates, for each x.")
      .def("__repr__", [](const LinearFit& f) {
        return "<tierplan.LinearFit intercept " + describe(f.intercept) + ", slope " +
               describe(f.slope) + ", " + std::to_string(f.points) + " points>";
      });
  value_class<LittleLawFit>(m, "LittleLawFit", "Service time and concurrency by Little's law.")
      .def_readonly("service_time_s", &LittleLawFit::service_time_s)
      .def_readonly("concurrency_mean", &LittleLawFit::concurrency_mean)
      .def_readonly("concurrency_p95", &LittleLawFit::concurrency_p95)
      .def_readonly("concurrency_max", &LittleLawFit::concurrency_max)
      .def_readonly("in_flight_measured", &LittleLawFit::in_flight_measured)
      .def_readonly("points", &LittleLawFit::points)
      .def_readonly("rate_min_per_s", &LittleLawFit::rate_min_per_s)
      .def_readonly("rate_max_per_s", &LittleLawFit::rate_max_per_s);
  value_class<UslFit>(m, "UslFit", "X(N) = gamma N / (1 + alpha (N - 1) + beta N (N - 1)), fitted.")
      .def_readonly("alpha", &UslFit::alpha)
      .def_readonly("beta", &UslFit::beta)
      .def_readonly("gamma", &UslFit::gamma)
      .def_readonly("residual_standard_error", &UslFit::residual_standard_error)
      .def_readonly("r_squared", &UslFit::r_squared)
      .def_readonly("points", &UslFit::points)
      .def_readonly("load_levels", &UslFit::load_levels)
      .def_readonly("load_min", &UslFit::load_min)
      .def_readonly("load_max", &UslFit::load_max)
      .def_readonly("peak_load", &UslFit::peak_load)
      .def_readonly("peak_throughput", &UslFit::peak_throughput)
      .def_readonly("amdahl_limit", &UslFit::amdahl_limit)
      .def_readonly("iterations", &UslFit::iterations)
      .def("throughput", &UslFit::throughput, py::arg("load"), "X(N) at the estimates.")
      .def("throughput_low", &UslFit::throughput_low, py::arg("load"),
           "The least X(N) over the box of the confidence intervals.")
      .def("throughput_low", each_of<UslFit, &UslFit::throughput_low>, py::arg("load"),
           "The least X(N) over the box of the confidence intervals, for each N.")
      .def("throughput_high", &UslFit::throughput_high, py::arg("load"),
           "The most X(N) over the box of the confidence intervals.")
      .def("throughput_high", each_of<UslFit, &UslFit::throughput_high>, py::arg("load"),
           "The most X(N) over the box of the confidence intervals, for each N.")
      .def("__repr__", [](const UslFit& f) {
        return "<tierplan.UslFit alpha " + describe(f.alpha) + ", beta " + describe(f.beta) +
               ", gamma " + describe(f.gamma) + ">";
      });
  value_class<Rightsizing>(m, "Rightsizing",
                           "Percentile rightsizing: CPU at p95, memory at max + 15%.")
      .def_readonly("cpu_request_m", &Rightsizing::cpu_request_m)
      .def_readonly("memory_request_mib", &Rightsizing::memory_request_mib)
      .def_readonly("points", &Rightsizing::points);
  value_class<ComponentCalibration>(m, "ComponentCalibration",
                                    "Every fit one component's samples allow.")
      .def_readonly("component", &ComponentCalibration::component)
      .def_readonly("sources", &ComponentCalibration::sources)
      .def_readonly("samples", &ComponentCalibration::samples)
      .def_readonly("first_timestamp_s", &ComponentCalibration::first_timestamp_s,
                    "The first timestamp of any of the component's series (Unix s).")
      .def_readonly("last_timestamp_s", &ComponentCalibration::last_timestamp_s,
                    "The last timestamp of any of the component's series (Unix s).")
      .def_readonly("cpu_cores", &ComponentCalibration::cpu_cores)
      .def_readonly("memory_mib", &ComponentCalibration::memory_mib)
      .def_readonly("littles_law", &ComponentCalibration::littles_law)
      .def_readonly("usl", &ComponentCalibration::usl)
      .def_readonly("rightsizing", &ComponentCalibration::rightsizing)
      .def("__repr__", [](const ComponentCalibration& c) {
        return "<tierplan.ComponentCalibration " + c.component + ": " + std::to_string(c.samples) +
               " samples>";
      });
}

void register_calibrate(py::module_& m) {
  value_class<Calibration>(m, "Calibration",
                           "A scenario calibrated from measurements, and the fits it was "
                           "calibrated with.")
      .def_readonly("scenario", &Calibration::scenario,
                    "The input scenario with the fitted resource models and their sources.")
      .def_readonly("components", &Calibration::components)
      .def_readonly("calibrated", &Calibration::calibrated,
                    "The components whose resource models changed.")
      .def("__repr__", [](const Calibration& c) {
        return "<tierplan.Calibration of " + c.scenario.name + ": " +
               std::to_string(c.components.size()) + " components fitted, " +
               std::to_string(c.calibrated.size()) + " calibrated>";
      });
  m.def(
      "calibrate",
      [](const Scenario& scenario, const std::vector<MeasurementSeries>& series,
         double confidence_level, int max_iterations, double warn_beyond_multiple) {
        return calibrate(scenario, series,
                         fit_options(confidence_level, max_iterations, warn_beyond_multiple));
      },
      py::arg("scenario"), py::arg("measurements"), py::kw_only(),
      py::arg("confidence_level") = 0.95, py::arg("max_iterations") = 200,
      py::arg("warn_beyond_multiple") = FitOptions{}.warn_beyond_multiple,
      py::call_guard<py::gil_scoped_release>(),
      "Fit every component's measurements and return a Calibration whose scenario has the "
      "fitted resource models (and the load they were measured at: a plan beyond "
      "warn_beyond_multiple times it warns); every problem in one ValidationError.");
}

void register_fits(py::module_& m) {
  m.def(
      "fit_components",
      [](const std::vector<MeasurementSeries>& series, double confidence_level,
         int max_iterations) {
        return fit_components(series, fit_options(confidence_level, max_iterations));
      },
      py::arg("series"), py::kw_only(), py::arg("confidence_level") = 0.95,
      py::arg("max_iterations") = 200, py::call_guard<py::gil_scoped_release>(),
      "Every fit each component's series allow (resource model, Little's law, USL, "
      "rightsizing); every problem in one ValidationError.");
  m.def(
      "fit_robust_linear",
      [](const Column& x, const Column& y, const std::string& what, double confidence_level) {
        return fit_robust_linear(to_vector(x, "x"), to_vector(y, "y"), what,
                                 fit_options(confidence_level, 200));
      },
      py::arg("x"), py::arg("y"), py::arg("what") = "data", py::kw_only(),
      py::arg("confidence_level") = 0.95,
      "Robust line y = intercept + slope x (Huber, then Tukey's bisquare; MAD scale).");
  m.def(
      "fit_usl",
      [](const Column& load, const Column& throughput, const std::string& what,
         double confidence_level, int max_iterations) {
        return fit_usl(to_vector(load, "load"), to_vector(throughput, "throughput"), what,
                       fit_options(confidence_level, max_iterations));
      },
      py::arg("load"), py::arg("throughput"), py::arg("what") = "data", py::kw_only(),
      py::arg("confidence_level") = 0.95, py::arg("max_iterations") = 200,
      "The Universal Scalability Law by bounded Levenberg-Marquardt least squares.");
  m.def(
      "fit_littles_law",
      [](const Column& rate_per_s, const OptionalColumn& in_flight, const OptionalColumn& latency_s,
         const std::string& what, double confidence_level) {
        return fit_littles_law(to_vector(rate_per_s, "rate_per_s"),
                               to_vector(in_flight, "in_flight"), to_vector(latency_s, "latency_s"),
                               what, fit_options(confidence_level, 200));
      },
      py::arg("rate_per_s"), py::kw_only(), py::arg("in_flight") = py::none(),
      py::arg("latency_s") = py::none(), py::arg("what") = "data",
      py::arg("confidence_level") = 0.95,
      "Service time and concurrency per replica by Little's law N = X R.");
  m.def(
      "percentile_rightsizing",
      [](const Column& cpu_cores, const Column& memory_mib, const std::string& what) {
        return percentile_rightsizing(to_vector(cpu_cores, "cpu_cores"),
                                      to_vector(memory_mib, "memory_mib"), what);
      },
      py::arg("cpu_cores"), py::arg("memory_mib"), py::arg("what") = "data",
      "CPU request at the 95th percentile, memory at the maximum plus 15%.");
  m.def("calibration_uncertainty", &calibration_uncertainty, py::arg("calibration"),
        "The fitted resource parameters as UncertainFields of calibration.scenario (normal, "
        "estimate and standard error, conditioned on each field's range), for uncertainty().");
  m.def("calibrated_resources", &calibrated_resources, py::arg("model"), py::arg("fit"),
        "The resource model with the fitted baselines and costs per request per second.");
  m.def("student_t_quantile", &student_t_quantile, py::arg("p"), py::arg("df"),
        "The t with P(T <= t) = p for Student's t with df degrees of freedom.");
}

}  // namespace

void register_calibration(py::module_& m) {
  register_series(m);
  register_results(m);
  register_fits(m);
  register_calibrate(m);
}

}  // namespace tierplan::bindings
