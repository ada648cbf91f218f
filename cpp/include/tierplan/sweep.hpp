#pragma once
// Sizing studies over many scenarios: one environment planned at many points, each point
// a scenario with some numeric fields (fields.hpp) set to given values. The points are
// planned on a pool of threads, each with its own copy of the scenario; every result is
// written at its point's row, so results do not depend on the number of threads.
//
// A StudyTable is tidy: one row per point, one column per input field and per output,
// with the unit in every output's name. Infeasible points (PlanningError) are rows with
// feasible = 0, NaN in every output column and the error's message in errors.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "tierplan/fields.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/scenario.hpp"

namespace tierplan {

using StudyMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Total monthly cost of an environment: worker nodes plus the datastore instances the
// catalog prices (the PostgreSQL shape, twice with a standby, and the Qdrant VMs).
double environment_cost_usd_month(const EnvironmentPlan& plan);

// Called with (points done, points in total) from the thread that started the study, at
// most about ten times a second and once at the end.
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

struct StudyOptions {
  std::string environment = "production";
  // Threads planning points; 0: std::thread::hardware_concurrency().
  int threads = 0;
  ProgressCallback progress;
};

struct StudyTable {
  std::string environment;
  // The input field paths, then the outputs (study_output_columns).
  std::vector<std::string> columns;
  std::size_t input_columns = 0;
  StudyMatrix values;                   // row per point, column per entry of columns
  std::vector<std::string> errors;      // per point: the PlanningError message, or ""
  std::vector<std::string> node_types;  // the catalog's node types, by node_type_index
  std::vector<std::string> components;  // the components, in the replicas_* column order
  std::size_t column(std::string_view name) const;  // throws std::out_of_range
};

// The outputs of one environment plan, in column order:
//   feasible (1 or 0), node_count, node_type_index (into the catalog's node types),
//   cost_usd_month (environment_cost_usd_month), node_cost_usd_month, pods,
//   request_cpu_m, request_memory_mib, limit_cpu_m, limit_memory_mib,
//   replicas_<component> for each deployed component,
//   postgres_storage_gib, postgres_max_connections, postgres_vcpu, postgres_memory_gib,
//   redis_memory_gib, qdrant_nodes, qdrant_ram_per_node_gib, qdrant_ram_total_gib,
//   object_storage_gib.
std::vector<std::string> study_output_columns(const Scenario& scenario);
// Writes those outputs of plan into out (one row, study_output_columns().size() values).
void write_outputs(const EnvironmentPlan& plan, const Scenario& scenario, double* out);

// Plans the environment at every row of inputs (row i sets fields[k] to inputs(i, k)).
// The values must already be valid for their fields (check_points). Points that cannot
// be planned become infeasible rows; any other exception stops the study and is rethrown.
StudyTable evaluate_points(const Scenario& scenario, const std::vector<FieldRef>& fields,
                           const StudyMatrix& inputs, const StudyOptions& options);

// Every value of inputs checked against its field's range and the cross-field rules;
// throws one ValidationError naming each bad path and value.
void check_points(const Scenario& scenario, const std::vector<FieldRef>& fields,
                  const StudyMatrix& inputs);

// The index of an environment by name; ValidationError listing the names when unknown.
std::size_t environment_index(const Scenario& scenario, std::string_view name);

struct SweepAxis {
  std::string path;  // a numeric field, as in fields.hpp
  std::vector<double> values;
};

// The environment planned over the grid of the axes' values (one or more axes; the
// first axis varies slowest, as itertools.product). Row i of the table is grid point i.
StudyTable sweep(const Scenario& scenario, const std::vector<SweepAxis>& axes,
                 const StudyOptions& options = {});

}  // namespace tierplan
