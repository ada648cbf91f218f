// Sizing studies (fields.hpp, sweep.hpp, uncertainty.hpp, capacity.hpp). Matrices go to
// numpy without a copy: each is a read-only view of the result object's Eigen matrix,
// which the view keeps alive. Studies release the GIL; a progress callback is called on
// the calling thread with the GIL held.
#include <pybind11/eigen.h>
#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "json_convert.hpp"
#include "tierplan/capacity.hpp"
#include "tierplan/fields.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/sweep.hpp"
#include "tierplan/uncertainty.hpp"

namespace py = pybind11;

namespace tierplan::bindings {

namespace {

using Progress = std::optional<std::function<void(std::size_t, std::size_t)>>;

StudyOptions study_options(const std::string& environment, int threads, const Progress& progress) {
  StudyOptions o;
  o.environment = environment;
  o.threads = threads;
  if (progress) o.progress = *progress;
  return o;
}

// A read-only numpy view of a matrix member, owned by the Python object that holds it.
template <class T>
auto matrix_view(StudyMatrix T::*member) {
  return py::cpp_function([member](const T& self) -> const StudyMatrix& { return self.*member; },
                          py::return_value_policy::reference_internal);
}

constexpr const char* kStudyArgsDoc =
    "environment: the environment planned (default 'production'); threads: 0 for one per "
    "core; progress: optional callable(done, total), called on the calling thread about ten "
    "times a second and once at the end (e.g. to drive tqdm). The GIL is released while "
    "planning.";

}  // namespace

void register_study(py::module_& m) {
  py::class_<FieldBounds>(m, "FieldBounds", "Valid values of a numeric field.")
      .def_readonly("min", &FieldBounds::min)
      .def_readonly("max", &FieldBounds::max)
      .def_readonly("min_exclusive", &FieldBounds::min_exclusive)
      .def_readonly("integer", &FieldBounds::integer)
      .def("__repr__", [](const FieldBounds& b) {
        return std::string("<tierplan.FieldBounds ") + (b.min_exclusive ? "(" : "[") +
               std::to_string(b.min) + ", " + std::to_string(b.max) + "]" +
               (b.integer ? " integer" : "") + ">";
      });

  m.def("numeric_field_paths", &numeric_field_paths, py::arg("scenario"),
        "Every numeric field path of the scenario (e.g. 'workload.daily_active_users').");
  m.def(
      "get_value", [](const Scenario& s, const Utf8Text& path) { return get_value(s, path.value); },
      py::arg("scenario"), py::arg("path"),
      "The value of a numeric field by path; request classes, environments, node types and "
      "components may be named in brackets (workload.requests[chat_message]...).");
  m.def(
      "with_value",
      [](const Scenario& s, const Utf8Text& path, double value) {
        return with_value(s, path.value, value);
      },
      py::arg("scenario"), py::arg("path"), py::arg("value"),
      "A copy of the scenario with one field set; ValidationError when out of range.");
  m.def("with_values", &with_values, py::arg("scenario"), py::arg("paths"), py::arg("values"),
        "A copy with several fields set; every problem in one ValidationError.");
  m.def(
      "field_bounds",
      [](const Scenario& s, const Utf8Text& path) { return resolve_field(s, path.value).bounds(); },
      py::arg("scenario"), py::arg("path"), "The valid range of a numeric field.");
  m.def(
      "canonical_field_path",
      [](const Scenario& s, const Utf8Text& path) { return resolve_field(s, path.value).path(); },
      py::arg("scenario"), py::arg("path"),
      "The path with every index as a number, as validation errors spell it.");
  auto scenario = py::reinterpret_borrow<py::class_<Scenario>>(m.attr("Scenario"));
  scenario
      .def(
          "get_value",
          [](const Scenario& s, const Utf8Text& path) { return get_value(s, path.value); },
          py::arg("path"), "The value of a numeric field by path (see tierplan.get_value).")
      .def(
          "with_value",
          [](const Scenario& s, const Utf8Text& path, double value) {
            return with_value(s, path.value, value);
          },
          py::arg("path"), py::arg("value"),
          "A copy with the field at path set to value (see tierplan.with_value).");

  m.def("environment_cost_usd_month", &environment_cost_usd_month, py::arg("plan"),
        "Total monthly cost of an environment plan: worker nodes and priced datastores.");
  m.def(
      "study_output_columns", [](const Scenario& s) { return study_output_columns(s); },
      py::arg("scenario"),
      "Output column names of study tables for this scenario (units in the names).");

  // to_frame is attached in Python (tierplan._presentation).
  py::class_<StudyTable>(m, "StudyTable",
                         "One row per point: the input fields, then the outputs. Infeasible "
                         "points have feasible = 0, NaN outputs and their PlanningError "
                         "message in errors.")
      .def_readonly("environment", &StudyTable::environment)
      .def_readonly("columns", &StudyTable::columns)
      .def_readonly("input_columns", &StudyTable::input_columns)
      .def_property_readonly("values", matrix_view(&StudyTable::values),
                             "float64 array (points x columns), a read-only view without copy.")
      .def_readonly("errors", &StudyTable::errors)
      .def_readonly("node_types", &StudyTable::node_types,
                    "Node type names, indexed by the node_type_index column.")
      .def_readonly("components", &StudyTable::components)
      .def("column", &StudyTable::column, py::arg("name"), "Index of a column by name.")
      .def("__len__", [](const StudyTable& t) { return static_cast<std::size_t>(t.values.rows()); })
      .def("__repr__", [](const StudyTable& t) {
        return "<tierplan.StudyTable " + t.environment + ": " + std::to_string(t.values.rows()) +
               " points x " + std::to_string(t.values.cols()) + " columns>";
      });

  m.def(
      "sweep",
      [](const Scenario& s, const std::vector<std::pair<Utf8Text, std::vector<double>>>& axes,
         const std::string& environment, int threads, const Progress& progress) {
        std::vector<SweepAxis> a;
        for (const auto& [path, values] : axes) a.push_back({path.value, values});
        return sweep(s, a, study_options(environment, threads, progress));
      },
      py::arg("scenario"), py::arg("axes"), py::kw_only(), py::arg("environment") = "production",
      py::arg("threads") = 0, py::arg("progress") = py::none(),
      py::call_guard<py::gil_scoped_release>(),
      (std::string("Plan the environment over the grid of the axes, a list of (field path, "
                   "values); the first axis varies slowest. ") +
       kStudyArgsDoc)
          .c_str());

  m.def(
      "evaluate_points",
      [](const Scenario& s, const std::vector<std::string>& paths, const StudyMatrix& points,
         const std::string& environment, int threads, const Progress& progress) {
        const std::vector<FieldRef> fields = resolve_fields(s, paths);
        check_points(s, fields, points);
        return evaluate_points(s, fields, points, study_options(environment, threads, progress));
      },
      py::arg("scenario"), py::arg("paths"), py::arg("points"), py::kw_only(),
      py::arg("environment") = "production", py::arg("threads") = 0,
      py::arg("progress") = py::none(), py::call_guard<py::gil_scoped_release>(),
      (std::string("Plan the environment at given points: row i of points (points x paths) "
                   "sets each field of paths to its value (any design, not only a grid). ") +
       kStudyArgsDoc)
          .c_str());

  py::class_<Distribution>(m, "Distribution",
                           "A distribution of an uncertain field, sampled by its inverse CDF.")
      .def_static("normal", &Distribution::normal, py::arg("mean"), py::arg("sd"))
      .def_static("lognormal", &Distribution::lognormal, py::arg("median"), py::arg("sigma"),
                  "Lognormal with that median; sigma is the standard deviation of the log.")
      .def_static("uniform", &Distribution::uniform, py::arg("low"), py::arg("high"))
      .def_static("triangular", &Distribution::triangular, py::arg("low"), py::arg("mode"),
                  py::arg("high"))
      .def_property_readonly("kind", [](const Distribution& d) { return to_string(d.kind); })
      .def_readonly("a", &Distribution::a)
      .def_readonly("b", &Distribution::b)
      .def_readonly("c", &Distribution::c)
      .def("cdf", &Distribution::cdf, py::arg("x"))
      .def("quantile", &Distribution::quantile, py::arg("p"))
      .def("mean", &Distribution::mean)
      .def("standard_deviation", &Distribution::standard_deviation)
      .def(
          "__eq__", [](const Distribution& a, const Distribution& b) { return a == b; },
          py::is_operator())
      .def("__repr__",
           [](const Distribution& d) { return "<tierplan.Distribution " + describe(d) + ">"; });

  py::class_<UncertainField>(m, "UncertainField", "A field path and its distribution.")
      .def(py::init([](std::string path, Distribution d, bool larger_is_more_load,
                       bool conditioned_on_range) {
             return UncertainField{std::move(path), d, larger_is_more_load, conditioned_on_range};
           }),
           py::arg("path"), py::arg("distribution"), py::arg("larger_is_more_load") = true,
           py::arg("conditioned_on_range") = false)
      .def_readonly("path", &UncertainField::path)
      .def_readonly("distribution", &UncertainField::distribution)
      .def_readonly("larger_is_more_load", &UncertainField::larger_is_more_load)
      .def_readonly("conditioned_on_range", &UncertainField::conditioned_on_range,
                    "An estimate's distribution, sampled conditioned on the field's range "
                    "(calibration_uncertainty).");

  py::class_<UncertaintyResult>(m, "UncertaintyResult",
                                "Seeded samples, percentiles of every column, and the plan that "
                                "covers the chosen percentile of the load.")
      .def_readonly("samples", &UncertaintyResult::samples)
      .def_readonly("percentile_levels", &UncertaintyResult::percentile_levels)
      .def_property_readonly("percentiles", matrix_view(&UncertaintyResult::percentiles),
                             "float64 array (levels x samples.columns) over feasible samples.")
      .def_readonly("feasible_samples", &UncertaintyResult::feasible_samples)
      .def_readonly("probability_in_range", &UncertaintyResult::probability_in_range)
      .def_readonly("covering_values", &UncertaintyResult::covering_values)
      .def_readonly("covering_plan", &UncertaintyResult::covering_plan)
      .def_readonly("covering_reason", &UncertaintyResult::covering_reason)
      .def_readonly("covering_error", &UncertaintyResult::covering_error);

  m.def(
      "uncertainty",
      [](const Scenario& s, const std::vector<UncertainField>& fields, std::size_t samples,
         std::uint64_t seed, const std::vector<double>& percentiles, double covering_percentile,
         const std::string& environment, int threads, const Progress& progress) {
        UncertaintyOptions o;
        o.samples = samples;
        o.seed = seed;
        o.percentiles = percentiles;
        o.covering_percentile = covering_percentile;
        o.study = study_options(environment, threads, progress);
        return uncertainty(s, fields, o);
      },
      py::arg("scenario"), py::arg("fields"), py::kw_only(), py::arg("samples") = 1000,
      py::arg("seed") = 0, py::arg("percentiles") = std::vector<double>{5.0, 50.0, 95.0},
      py::arg("covering_percentile") = 95.0, py::arg("environment") = "production",
      py::arg("threads") = 0, py::arg("progress") = py::none(),
      py::call_guard<py::gil_scoped_release>(),
      (std::string("Sample the fields' distributions (truncated to each field's range), plan "
                   "every sample, and summarise. ") +
       kStudyArgsDoc)
          .c_str());

  py::class_<SensitivityResult>(m, "SensitivityResult",
                                "A tornado: each field moved alone, ranked by the swing of "
                                "rank_by. Matrices are fields x columns.")
      .def_readonly("fields", &SensitivityResult::fields)
      .def_readonly("given_fields", &SensitivityResult::given_fields)
      .def_readonly("change_fraction", &SensitivityResult::change_fraction)
      .def_readonly("base_values", &SensitivityResult::base_values)
      .def_readonly("low_values", &SensitivityResult::low_values)
      .def_readonly("high_values", &SensitivityResult::high_values)
      .def_readonly("columns", &SensitivityResult::columns)
      .def_property_readonly("base", matrix_view(&SensitivityResult::base))
      .def_property_readonly("low", matrix_view(&SensitivityResult::low))
      .def_property_readonly("high", matrix_view(&SensitivityResult::high))
      .def_property_readonly("swing", matrix_view(&SensitivityResult::swing))
      .def_readonly("low_errors", &SensitivityResult::low_errors)
      .def_readonly("high_errors", &SensitivityResult::high_errors)
      .def_readonly("rank_by", &SensitivityResult::rank_by);

  m.def(
      "sensitivity",
      [](const Scenario& s, const std::vector<std::string>& paths, double change_fraction,
         const std::string& rank_by, const std::string& environment, int threads,
         const Progress& progress) {
        SensitivityOptions o;
        o.change_fraction = change_fraction;
        o.rank_by = rank_by;
        o.study = study_options(environment, threads, progress);
        return sensitivity(s, paths, o);
      },
      py::arg("scenario"), py::arg("paths"), py::kw_only(), py::arg("change_fraction") = 0.1,
      py::arg("rank_by") = "cost_usd_month", py::arg("environment") = "production",
      py::arg("threads") = 0, py::arg("progress") = py::none(),
      py::call_guard<py::gil_scoped_release>(),
      (std::string("Move each field alone by -/+ change_fraction of its value. ") + kStudyArgsDoc)
          .c_str());

  py::class_<FixedCluster>(m, "FixedCluster",
                           "A cluster as built; datastore sizes left None are not checked.")
      .def(py::init([](std::string node_type, int node_count, std::optional<double> postgres_vcpu,
                       std::optional<double> postgres_memory_gib,
                       std::optional<double> postgres_storage_gib,
                       std::optional<int> postgres_max_connections,
                       std::optional<double> redis_memory_gib, std::optional<int> qdrant_nodes,
                       std::optional<double> qdrant_ram_gib_per_node,
                       std::optional<double> object_storage_gib) {
             return FixedCluster{std::move(node_type),    node_count,
                                 postgres_vcpu,           postgres_memory_gib,
                                 postgres_storage_gib,    postgres_max_connections,
                                 redis_memory_gib,        qdrant_nodes,
                                 qdrant_ram_gib_per_node, object_storage_gib};
           }),
           py::arg("node_type"), py::arg("node_count"), py::kw_only(),
           py::arg("postgres_vcpu") = py::none(), py::arg("postgres_memory_gib") = py::none(),
           py::arg("postgres_storage_gib") = py::none(),
           py::arg("postgres_max_connections") = py::none(),
           py::arg("redis_memory_gib") = py::none(), py::arg("qdrant_nodes") = py::none(),
           py::arg("qdrant_ram_gib_per_node") = py::none(),
           py::arg("object_storage_gib") = py::none())
      .def_readonly("node_type", &FixedCluster::node_type)
      .def_readonly("node_count", &FixedCluster::node_count)
      .def_readonly("postgres_vcpu", &FixedCluster::postgres_vcpu)
      .def_readonly("postgres_memory_gib", &FixedCluster::postgres_memory_gib)
      .def_readonly("postgres_storage_gib", &FixedCluster::postgres_storage_gib)
      .def_readonly("postgres_max_connections", &FixedCluster::postgres_max_connections)
      .def_readonly("redis_memory_gib", &FixedCluster::redis_memory_gib)
      .def_readonly("qdrant_nodes", &FixedCluster::qdrant_nodes)
      .def_readonly("qdrant_ram_gib_per_node", &FixedCluster::qdrant_ram_gib_per_node)
      .def_readonly("object_storage_gib", &FixedCluster::object_storage_gib);

  py::class_<Shortfall>(m, "Shortfall", "A need of the plan that the cluster does not meet.")
      .def_readonly("resource", &Shortfall::resource)
      .def_readonly("needed", &Shortfall::needed)
      .def_readonly("available", &Shortfall::available)
      .def_readonly("detail", &Shortfall::detail)
      .def("__repr__", [](const Shortfall& s) {
        return "<tierplan.Shortfall " + s.resource + ": " + s.detail + ">";
      });

  py::class_<CapacityResult>(m, "CapacityResult",
                             "The largest value of a load field that a fixed cluster supports.")
      .def_readonly("path", &CapacityResult::path)
      .def_readonly("max_value", &CapacityResult::max_value)
      .def_readonly("first_failing_value", &CapacityResult::first_failing_value)
      .def_readonly("limited_by_field_range", &CapacityResult::limited_by_field_range)
      .def_readonly("binding", &CapacityResult::binding)
      .def_readonly("binding_resource", &CapacityResult::binding_resource)
      .def_readonly("reason", &CapacityResult::reason)
      .def_readonly("plan", &CapacityResult::plan)
      .def_readonly("plans_evaluated", &CapacityResult::plans_evaluated);

  m.def("shortfalls", &shortfalls, py::arg("plan"), py::arg("cluster"),
        "The needs of an environment plan that the cluster does not meet.");
  m.def(
      "max_supported_load",
      [](const Scenario& s, const FixedCluster& cluster, const std::string& path,
         const std::string& environment, double relative_tolerance) {
        CapacityOptions o;
        o.path = path;
        o.environment = environment;
        o.relative_tolerance = relative_tolerance;
        return max_supported_load(s, cluster, o);
      },
      py::arg("scenario"), py::arg("cluster"), py::kw_only(),
      py::arg("path") = "workload.daily_active_users", py::arg("environment") = "production",
      py::arg("relative_tolerance") = 1e-3, py::call_guard<py::gil_scoped_release>(),
      "Largest value of the field (default daily active users) whose plan, with the node type "
      "fixed to the cluster's, fits the cluster; and what runs out first just above it.");
}

}  // namespace tierplan::bindings
