#include "tierplan/sweep.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "planner/planner_detail.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Columns before the replicas, and after them. node_count and node_cost_usd_month (at
// on-demand prices, as NodePlan::cost_usd_month) count both pools where the environment has
// a spot pool (policy.cost.stateless_on_spot); node_type_index is the on-demand pool's type.
constexpr const char* kHeadColumns[] = {
    "feasible", "node_count",    "node_type_index",    "cost_usd_month", "node_cost_usd_month",
    "pods",     "request_cpu_m", "request_memory_mib", "limit_cpu_m",    "limit_memory_mib",
};
constexpr const char* kTailColumns[] = {
    "postgres_storage_gib",    "postgres_max_connections", "postgres_vcpu",
    "postgres_memory_gib",     "redis_memory_gib",         "qdrant_nodes",
    "qdrant_ram_per_node_gib", "qdrant_ram_total_gib",     "object_storage_gib",
};
constexpr std::size_t kHeads = std::size(kHeadColumns);
constexpr std::size_t kTails = std::size(kTailColumns);

std::size_t output_count(const Scenario& scenario) {
  return kHeads + scenario.stack.deployed_components().size() + kTails;
}

// Progress reports are at least this far apart (about ten a second).
constexpr auto kProgressInterval = std::chrono::milliseconds(100);

}  // namespace

double environment_cost_usd_month(const EnvironmentPlan& plan) { return plan.cost.total_usd_month; }

std::size_t StudyTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return i;
  }
  throw std::out_of_range("no column " + std::string(name) + " in the study table");
}

std::vector<std::string> study_output_columns(const Scenario& scenario) {
  std::vector<std::string> columns(std::begin(kHeadColumns), std::end(kHeadColumns));
  for (const Component* c : scenario.stack.deployed_components()) {
    columns.push_back("replicas_" + c->name);
  }
  columns.insert(columns.end(), std::begin(kTailColumns), std::end(kTailColumns));
  return columns;
}

void write_outputs(const EnvironmentPlan& plan, const Scenario& scenario, double* out) {
  double node_type_index = kNaN;
  for (std::size_t i = 0; i < scenario.catalog.node_types.size(); ++i) {
    if (scenario.catalog.node_types[i].name == plan.nodes.node_type.name) {
      node_type_index = static_cast<double>(i);
      break;
    }
  }
  const double head[] = {
      1.0,
      static_cast<double>(plan.nodes.count + plan.spot_nodes.count),
      node_type_index,
      environment_cost_usd_month(plan),
      plan.nodes.cost_usd_month + plan.spot_nodes.cost_usd_month,
      static_cast<double>(plan.totals.pods),
      plan.totals.request_cpu_m,
      plan.totals.request_memory_mib,
      plan.totals.limit_cpu_m,
      plan.totals.limit_memory_mib,
  };
  static_assert(std::size(head) == kHeads);
  out = std::copy(std::begin(head), std::end(head), out);
  // One column per component of the stack, in its order: 0 for one this environment does
  // not run (MinIO where object storage is the cloud's). plan.components keeps that order.
  std::size_t planned = 0;
  for (const Component& c : scenario.stack.components) {
    if (c.since_chart_version > scenario.stack.chart_version) continue;  // not deployed
    const bool runs = planned < plan.components.size() && plan.components[planned].name == c.name;
    *out++ = runs ? static_cast<double>(plan.components[planned++].replicas) : 0.0;
  }
  const auto& d = plan.data;
  const double tail[] = {
      d.postgres.storage_gib,
      static_cast<double>(d.postgres.max_connections),
      static_cast<double>(d.postgres.shape.vcpu),
      d.postgres.shape.memory_gib,
      d.redis.instance_memory_gib,
      static_cast<double>(d.qdrant.nodes),
      d.qdrant.ram_per_node_gib,
      d.qdrant.ram_total_gib,
      d.object_storage.total_gib,
  };
  static_assert(std::size(tail) == kTails);
  std::copy(std::begin(tail), std::end(tail), out);
}

std::size_t environment_index(const Scenario& scenario, std::string_view name) {
  std::string names;
  for (std::size_t i = 0; i < scenario.environments.size(); ++i) {
    if (scenario.environments[i].name == name) return i;
    names += (i == 0 ? "" : ", ") + scenario.environments[i].name;
  }
  throw ValidationError({{"environment", "names no environment of the scenario (" + names +
                                             "), got \"" + std::string(name) + "\""}});
}

void check_points(const Scenario& scenario, const std::vector<FieldRef>& fields,
                  const StudyMatrix& inputs) {
  if (static_cast<std::size_t>(inputs.cols()) != fields.size()) {
    throw std::invalid_argument("check_points: " + std::to_string(inputs.cols()) +
                                " input columns for " + std::to_string(fields.size()) + " fields");
  }
  std::vector<FieldIssue> issues;
  // One message per distinct problem: a bad axis value repeats on every grid row.
  std::set<std::pair<std::string, std::string>> seen;
  const auto add = [&](FieldIssue issue) {
    if (seen.emplace(issue.path, issue.message).second) issues.push_back(std::move(issue));
  };
  bool cross = false;
  for (const auto& f : fields) cross = cross || in_cross_field_rule(f);
  Scenario scratch;
  if (cross) scratch = scenario;
  for (Eigen::Index i = 0; i < inputs.rows(); ++i) {
    bool row_ok = true;
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const double v = inputs(i, static_cast<Eigen::Index>(k));
      if (auto why = fields[k].check(v)) {
        add({fields[k].path(), std::move(*why)});
        row_ok = false;
      } else if (cross) {
        fields[k].set(scratch, v);
      }
    }
    if (cross && row_ok) {
      for (auto& issue : cross_field_issues(scratch)) add(std::move(issue));
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

namespace {

// The table before any point is planned: its columns (the inputs, then the outputs), the
// names its indices refer to, and the inputs already in their columns.
StudyTable empty_study_table(const Scenario& scenario, const std::vector<FieldRef>& fields,
                             const StudyMatrix& inputs, const StudyOptions& options) {
  const std::size_t points = static_cast<std::size_t>(inputs.rows());
  const std::size_t inputs_n = fields.size();
  StudyTable table;
  table.environment = options.environment;
  for (const auto& f : fields) table.columns.push_back(f.path());
  table.input_columns = inputs_n;
  for (auto& c : study_output_columns(scenario)) table.columns.push_back(std::move(c));
  for (const auto& t : scenario.catalog.node_types) table.node_types.push_back(t.name);
  for (const Component* c : scenario.stack.deployed_components()) {
    table.components.push_back(c->name);
  }
  table.values.resize(static_cast<Eigen::Index>(points),
                      static_cast<Eigen::Index>(inputs_n + output_count(scenario)));
  table.errors.assign(points, std::string());
  if (inputs_n > 0) table.values.leftCols(static_cast<Eigen::Index>(inputs_n)) = inputs;
  return table;
}

// The threads asked for (0: one per core), never more than there are points.
unsigned thread_count(const StudyOptions& options, std::size_t points) {
  const unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                               : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(points, 1)));
}

// Whether any field may write under root. The catalog and the environments' policies are
// written only by resolved fields under them; a field made with its own setter may write
// anything.
bool fields_write_under(const std::vector<FieldRef>& fields, std::string_view root) {
  return std::any_of(fields.begin(), fields.end(), [&](const FieldRef& f) {
    return !f.writes_only_its_path() || f.path().starts_with(root);
  });
}

// One evaluate_points call, shared by its threads: each takes chunks of points from next
// until none is left or one thread has failed, and writes their rows of the table (rows
// are disjoint, so no lock). Only the calling thread reports progress.
class PointEvaluation {
 public:
  PointEvaluation(const Scenario& scenario, std::size_t env, const std::vector<FieldRef>& fields,
                  const StudyMatrix& inputs, const StudyOptions& options, unsigned threads,
                  StudyTable& table)
      : scenario_(scenario),
        env_(env),
        fields_(fields),
        inputs_(inputs),
        options_(options),
        table_(table),
        points_(static_cast<std::size_t>(inputs.rows())),
        outputs_n_(output_count(scenario)),
        // Chunks small enough to balance the threads, large enough to keep the shared
        // counter off the critical path (a point takes about 20 us).
        chunk_(std::clamp<std::size_t>(points_ / (threads * 16u), 1, 64)),
        sets_catalog_(fields_write_under(fields, "catalog")),
        sets_environments_(fields_write_under(fields, "environments")),
        last_report_(std::chrono::steady_clock::now()) {}

  // A thread's work; a failure (the progress callback's, or a bug) stops the others and
  // is kept for failure().
  void run(bool calling_thread) {
    try {
      Scenario copy = scenario_;
      const Environment& environment = copy.environments[env_];
      detail::NodeSizingReuse reuse;  // this thread's last node plan
      if (!sets_catalog_) reuse.unchanged_catalog = &copy.catalog;
      if (!sets_environments_) reuse.unchanged_policy = &environment.policy;
      while (!stop_.load(std::memory_order_relaxed)) {
        const std::size_t begin = next_.fetch_add(chunk_);
        if (begin >= points_) break;
        const std::size_t end = std::min(points_, begin + chunk_);
        for (std::size_t i = begin; i < end; ++i) evaluate_point(i, copy, environment, reuse);
        done_.fetch_add(end - begin);
        if (calling_thread) report(false);
      }
    } catch (...) {
      stop_ = true;
      const std::lock_guard lock(failure_mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
  }

  // At most one report per kProgressInterval unless forced (the last one).
  void report(bool force) {
    if (!options_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_report_ < kProgressInterval) return;
    last_report_ = now;
    options_.progress(done_.load(), points_);
  }

  std::exception_ptr failure() const { return failure_; }

 private:
  // Plans point i into its row; a point that cannot be planned is infeasible, with NaN
  // outputs and the reason in errors, rather than a failure of the whole study.
  void evaluate_point(std::size_t i, Scenario& copy, const Environment& environment,
                      detail::NodeSizingReuse& reuse) {
    const auto row = static_cast<Eigen::Index>(i);
    for (std::size_t k = 0; k < fields_.size(); ++k) {
      fields_[k].set(copy, inputs_(row, static_cast<Eigen::Index>(k)));
    }
    double* out = table_.values.row(row).data() + fields_.size();
    try {
      write_outputs(
          detail::plan_environment(copy, environment, detail::PlanDetail::numbers, &reuse), copy,
          out);
    } catch (const PlanningError& e) {
      std::fill(out, out + outputs_n_, kNaN);
      out[0] = 0.0;  // feasible
      table_.errors[i] = e.what();
    }
  }

  const Scenario& scenario_;
  const std::size_t env_;
  const std::vector<FieldRef>& fields_;
  const StudyMatrix& inputs_;
  const StudyOptions& options_;
  StudyTable& table_;
  const std::size_t points_;
  const std::size_t outputs_n_;
  const std::size_t chunk_;
  const bool sets_catalog_;
  const bool sets_environments_;
  std::atomic<std::size_t> next_{0};
  std::atomic<std::size_t> done_{0};
  std::atomic<bool> stop_{false};
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
  std::chrono::steady_clock::time_point last_report_;
};

}  // namespace

StudyTable evaluate_points(const Scenario& scenario, const std::vector<FieldRef>& fields,
                           const StudyMatrix& inputs, const StudyOptions& options) {
  validate(scenario);
  const std::size_t env = environment_index(scenario, options.environment);
  if (static_cast<std::size_t>(inputs.cols()) != fields.size()) {
    throw std::invalid_argument("evaluate_points: " + std::to_string(inputs.cols()) +
                                " input columns for " + std::to_string(fields.size()) + " fields");
  }
  if (options.threads < 0) {
    throw std::invalid_argument("threads must be >= 0 (0: one per core), got " +
                                std::to_string(options.threads));
  }
  StudyTable table = empty_study_table(scenario, fields, inputs, options);
  const unsigned threads = thread_count(options, static_cast<std::size_t>(inputs.rows()));
  PointEvaluation evaluation(scenario, env, fields, inputs, options, threads, table);
  {
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) {
      pool.emplace_back([&evaluation] { evaluation.run(false); });
    }
    evaluation.run(true);
    // The pool joins here; a failure of the progress callback has stopped the others.
  }
  if (evaluation.failure()) std::rethrow_exception(evaluation.failure());
  evaluation.report(true);
  return table;
}

StudyTable sweep(const Scenario& scenario, const std::vector<SweepAxis>& axes,
                 const StudyOptions& options) {
  validate(scenario);
  environment_index(scenario, options.environment);
  std::vector<FieldIssue> issues;
  if (axes.empty()) issues.push_back({"axes", "must list at least one axis, got []"});
  std::vector<std::string> paths;
  for (std::size_t a = 0; a < axes.size(); ++a) {
    paths.push_back(axes[a].path);
    if (axes[a].values.empty()) {
      issues.push_back({axes[a].path, "the axis must list at least one value, got []"});
    }
    for (std::size_t b = 0; b < a; ++b) {
      if (axes[b].path == axes[a].path) {
        issues.push_back({axes[a].path, "is swept by two axes"});
      }
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  const std::vector<FieldRef> fields = resolve_fields(scenario, paths);
  for (std::size_t a = 0; a < fields.size(); ++a) {
    for (std::size_t b = 0; b < a; ++b) {
      if (fields[a].path() == fields[b].path()) {
        issues.push_back({axes[a].path, "is the same field as " + axes[b].path});
      }
    }
    // Each axis's bad values, in the axis's order (check_points then sees the grid).
    std::set<double> reported;
    for (const double v : axes[a].values) {
      if (auto why = fields[a].check(v); why && reported.insert(v).second) {
        issues.push_back({fields[a].path(), std::move(*why)});
      }
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  std::size_t points = 1;
  for (const auto& axis : axes) points *= axis.values.size();
  StudyMatrix inputs(static_cast<Eigen::Index>(points), static_cast<Eigen::Index>(axes.size()));
  // Row-major grid: the last axis varies fastest.
  for (std::size_t i = 0; i < points; ++i) {
    std::size_t rest = i;
    for (std::size_t a = axes.size(); a-- > 0;) {
      const std::size_t n = axes[a].values.size();
      inputs(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(a)) = axes[a].values[rest % n];
      rest /= n;
    }
  }
  check_points(scenario, fields, inputs);
  return evaluate_points(scenario, fields, inputs, options);
}

}  // namespace tierplan
