#include "tierplan/capacity.hpp"

#include <cmath>
#include <limits>

#include "io/format.hpp"
#include "tierplan/fields.hpp"
#include "tierplan/sweep.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {

namespace {

using detail::concat;
using detail::Readable;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Doublings and halvings before giving up: 2^80 spans every field's valid range.
constexpr int kMaxSteps = 80;

std::string readable(double v) { return detail::readable(v); }

}  // namespace

std::vector<Shortfall> shortfalls(const EnvironmentPlan& plan, const FixedCluster& cluster) {
  std::vector<Shortfall> out;
  const auto need = [&](const char* resource, double needed, double available,
                        const std::string& unit) {
    if (needed > available) {
      out.push_back({resource, needed, available,
                     concat("needs ", Readable{needed}, unit, ", has ", Readable{available})});
    }
  };
  // Counts print as whole numbers.
  const auto need_count = [&](const char* resource, int needed, int available,
                              const std::string& unit) {
    if (needed > available) {
      out.push_back({resource, static_cast<double>(needed), static_cast<double>(available),
                     concat("needs ", needed, unit, ", has ", available)});
    }
  };
  need_count("worker nodes", plan.nodes.count, cluster.node_count,
             " nodes of " + cluster.node_type);
  const auto& d = plan.data;
  if (cluster.postgres_vcpu)
    need("postgres vcpu", d.postgres.cpu_needed_cores, *cluster.postgres_vcpu, " vCPU");
  if (cluster.postgres_memory_gib) {
    need("postgres memory", d.postgres.memory_needed_gib, *cluster.postgres_memory_gib, " GiB");
  }
  if (cluster.postgres_storage_gib) {
    need("postgres storage", d.postgres.storage_gib, *cluster.postgres_storage_gib, " GiB");
  }
  if (cluster.postgres_max_connections) {
    need_count("postgres connections", d.postgres.max_connections,
               *cluster.postgres_max_connections, " connections");
  }
  if (cluster.redis_memory_gib) {
    need("redis memory", d.redis.instance_memory_gib, *cluster.redis_memory_gib, " GiB");
  }
  if (cluster.qdrant_nodes)
    need_count("qdrant nodes", d.qdrant.nodes, *cluster.qdrant_nodes, " nodes");
  if (cluster.qdrant_ram_gib_per_node) {
    // The RAM of every replica, spread over the nodes the cluster has.
    const double nodes =
        cluster.qdrant_nodes ? std::max(*cluster.qdrant_nodes, 1) : std::max(d.qdrant.nodes, 1);
    need("qdrant ram", d.qdrant.ram_total_gib, nodes * *cluster.qdrant_ram_gib_per_node,
         " GiB in total");
  }
  if (cluster.object_storage_gib) {
    need("object storage", d.object_storage.total_gib, *cluster.object_storage_gib, " GiB");
  }
  return out;
}

namespace {

// The cluster and the search options, all checked before any plan: every problem at once.
void check_cluster_and_options(const Scenario& scenario, const FixedCluster& cluster,
                               const CapacityOptions& options) {
  std::vector<FieldIssue> issues;
  if (scenario.catalog.find(cluster.node_type) == nullptr) {
    std::string names;
    for (const auto& t : scenario.catalog.node_types) names += (names.empty() ? "" : ", ") + t.name;
    issues.push_back({"cluster.node_type", "names no node type of the catalog (" + names +
                                               "), got \"" + cluster.node_type + "\""});
  }
  if (cluster.node_count < 1) {
    issues.push_back(
        {"cluster.node_count", "must be >= 1, got " + std::to_string(cluster.node_count)});
  }
  if (!(options.relative_tolerance > 0 && options.relative_tolerance < 1)) {
    issues.push_back({"relative_tolerance",
                      "must be within (0, 1), got " + readable(options.relative_tolerance)});
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

// The field to raise. A field bound to another by a cross-field rule cannot be moved
// alone: some of its values would make the scenario invalid whatever the cluster.
FieldRef searchable_field(const Scenario& scenario, const std::string& path) {
  FieldRef field = resolve_field(scenario, path);
  if (in_cross_field_rule(field)) {
    throw ValidationError({{field.path(),
                            "is bound to another field by a cross-field rule; search the other "
                            "field or sweep both"}});
  }
  return field;
}

// The search for the largest value of one field whose plan fits the cluster: lo is the
// largest value known to fit, hi the smallest known not to (NaN while unknown). The plan
// at lo and the shortfalls at hi are kept for the result.
class CapacitySearch {
 public:
  CapacitySearch(const Scenario& scenario, std::size_t env, const FieldRef& field,
                 const FixedCluster& cluster)
      : work_(scenario), env_(env), field_(field), bounds_(field.bounds()), cluster_(cluster) {
    work_.environments[env_].policy.node_type = cluster.node_type;
    // A fixed cluster is one pool of its node type: no spot pool beside it.
    work_.environments[env_].policy.cost.stateless_on_spot = false;
  }

  // Doubles up from a value that fits, or halves down from one that does not, until the
  // answer is bracketed or the field's range ends.
  void bracket(double start) {
    if (try_value(start)) {
      for (int step = 0; step < kMaxSteps && std::isnan(hi); ++step) {
        double next = snap(lo * 2.0);
        if (next <= lo) next = lo + 1.0;
        if (next >= bounds_.max) {
          if (lo >= bounds_.max || try_value(bounds_.max)) break;
        } else {
          try_value(next);
        }
      }
    } else {
      for (int step = 0; step < kMaxSteps && std::isnan(lo); ++step) {
        const double next = snap(hi / 2.0);
        if (next <= bounds_.min || next >= hi || step == kMaxSteps - 1) {
          if (!bounds_.min_exclusive && bounds_.min < hi) try_value(bounds_.min);
          break;
        }
        try_value(next);
      }
    }
  }

  // Bisects a bracketed answer down to the tolerance (or to adjacent integers).
  void bisect(double relative_tolerance) {
    if (std::isnan(lo) || std::isnan(hi)) return;
    while (hi - lo > relative_tolerance * std::abs(hi) && (!bounds_.integer || hi - lo > 1)) {
      const double mid = snap(lo + (hi - lo) / 2.0);
      if (mid <= lo || mid >= hi) break;
      try_value(mid);
    }
  }

  double lo = kNaN;  // fits
  double hi = kNaN;  // does not fit
  std::optional<EnvironmentPlan> lo_plan;
  std::vector<Shortfall> hi_shortfalls;
  int plans_evaluated = 0;

 private:
  // Plans the scenario with the field at v; true when it fits the cluster.
  bool try_value(double v) {
    ++plans_evaluated;
    field_.set(work_, v);
    std::optional<EnvironmentPlan> plan;
    std::vector<Shortfall> missing;
    try {
      plan = plan_environment(work_, work_.environments[env_]);
    } catch (const PlanningError& e) {
      missing = {{"planning", kNaN, kNaN, e.what()}};
    }
    if (plan) missing = shortfalls(*plan, cluster_);
    if (missing.empty()) {
      lo = v;
      lo_plan = std::move(plan);
      return true;
    }
    hi = v;
    hi_shortfalls = std::move(missing);
    return false;
  }
  // Integer fields are tried at whole values only.
  double snap(double v) const { return bounds_.integer ? std::floor(v) : v; }

  Scenario work_;
  std::size_t env_;
  const FieldRef& field_;
  const FieldBounds& bounds_;
  const FixedCluster& cluster_;
};

// Where the search starts: the scenario's own value when it is positive and valid, else
// 1 (or the field's largest value when that is below 1).
double starting_value(const Scenario& scenario, const FieldRef& field) {
  double start = field.get(scenario);
  if (!(start > 0)) start = std::min(1.0, field.bounds().max);
  if (field.check(start)) start = field.get(scenario);
  return start;
}

// The answer and why, from the search's bracket: limited by the field's range, not
// fitting even at the smallest value, or the resource that runs out first.
void explain_search(const CapacitySearch& search, const FixedCluster& cluster,
                    const CapacityOptions& options, CapacityResult& result) {
  const double lo = search.lo;
  const double hi = search.hi;
  const std::string cluster_text = concat(cluster.node_count, " x ", cluster.node_type);
  if (std::isnan(hi)) {
    result.limited_by_field_range = true;
    result.reason = concat(result.path, " fits ", cluster_text, " up to its largest valid value ",
                           Readable{lo}, ": nothing runs out within the field's range");
    return;
  }
  result.binding = search.hi_shortfalls;
  for (const auto& s : search.hi_shortfalls) {
    result.binding_resource += (result.binding_resource.empty() ? "" : " and ") + s.resource;
  }
  std::string details;
  for (const auto& s : search.hi_shortfalls) {
    details += (details.empty() ? "" : "; ") + s.resource + " " + s.detail;
  }
  if (std::isnan(lo)) {
    result.reason = concat(result.path, ": even ", Readable{hi}, " does not fit ", cluster_text,
                           " (", details, ")");
    return;
  }
  result.reason =
      concat(result.path, " up to ", Readable{lo}, " fits ", cluster_text, "; at ", Readable{hi},
             " it runs out of ", result.binding_resource, " first (", details,
             "); searched to a relative tolerance of ", Readable{options.relative_tolerance},
             " in ", result.plans_evaluated, " plans");
}

}  // namespace

CapacityResult max_supported_load(const Scenario& scenario, const FixedCluster& cluster,
                                  const CapacityOptions& options) {
  validate(scenario);
  const std::size_t env = environment_index(scenario, options.environment);
  check_cluster_and_options(scenario, cluster, options);
  const FieldRef field = searchable_field(scenario, options.path);

  CapacitySearch search(scenario, env, field, cluster);
  search.bracket(starting_value(scenario, field));
  search.bisect(options.relative_tolerance);

  CapacityResult result;
  result.path = field.path();
  result.plans_evaluated = search.plans_evaluated;
  result.max_value = search.lo;
  result.first_failing_value = search.hi;
  result.plan = std::move(search.lo_plan);
  explain_search(search, cluster, options, result);
  return result;
}

}  // namespace tierplan
