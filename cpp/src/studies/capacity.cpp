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

CapacityResult max_supported_load(const Scenario& scenario, const FixedCluster& cluster,
                                  const CapacityOptions& options) {
  validate(scenario);
  const std::size_t env = environment_index(scenario, options.environment);
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
  const FieldRef field = resolve_field(scenario, options.path);
  if (in_cross_field_rule(field)) {
    throw ValidationError({{field.path(),
                            "is bound to another field by a cross-field rule; search the other "
                            "field or sweep both"}});
  }
  const FieldBounds& bounds = field.bounds();

  Scenario work = scenario;
  work.environments[env].policy.node_type = cluster.node_type;
  const Environment& environment = work.environments[env];
  CapacityResult result;
  result.path = field.path();
  std::optional<EnvironmentPlan> last_plan;
  const auto evaluate = [&](double v) {
    ++result.plans_evaluated;
    field.set(work, v);
    last_plan.reset();
    try {
      last_plan = plan_environment(work, environment);
    } catch (const PlanningError& e) {
      return std::vector<Shortfall>{{"planning", kNaN, kNaN, e.what()}};
    }
    return shortfalls(*last_plan, cluster);
  };
  const auto snap = [&](double v) { return bounds.integer ? std::floor(v) : v; };

  double lo = kNaN;  // fits
  double hi = kNaN;  // does not fit
  std::optional<EnvironmentPlan> lo_plan;
  std::vector<Shortfall> hi_shortfalls;
  const auto try_value = [&](double v) {
    auto s = evaluate(v);
    if (s.empty()) {
      lo = v;
      lo_plan = std::move(last_plan);
      return true;
    }
    hi = v;
    hi_shortfalls = std::move(s);
    return false;
  };

  double start = field.get(scenario);
  if (!(start > 0)) start = std::min(1.0, bounds.max);
  if (field.check(start)) start = field.get(scenario);
  if (try_value(start)) {
    for (int step = 0; step < kMaxSteps && std::isnan(hi); ++step) {
      double next = snap(lo * 2.0);
      if (next <= lo) next = lo + 1.0;
      if (next >= bounds.max) {
        if (lo >= bounds.max || try_value(bounds.max)) break;
      } else {
        try_value(next);
      }
    }
  } else {
    for (int step = 0; step < kMaxSteps && std::isnan(lo); ++step) {
      const double next = snap(hi / 2.0);
      if (next <= bounds.min || next >= hi || step == kMaxSteps - 1) {
        if (!bounds.min_exclusive && bounds.min < hi) try_value(bounds.min);
        break;
      }
      try_value(next);
    }
  }
  if (!std::isnan(lo) && !std::isnan(hi)) {
    while (hi - lo > options.relative_tolerance * std::abs(hi) &&
           (!bounds.integer || hi - lo > 1)) {
      const double mid = snap(lo + (hi - lo) / 2.0);
      if (mid <= lo || mid >= hi) break;
      try_value(mid);
    }
  }

  result.max_value = lo;
  result.first_failing_value = hi;
  result.plan = std::move(lo_plan);
  const std::string cluster_text = concat(cluster.node_count, " x ", cluster.node_type);
  if (std::isnan(hi)) {
    result.limited_by_field_range = true;
    result.reason = concat(result.path, " fits ", cluster_text, " up to its largest valid value ",
                           Readable{lo}, ": nothing runs out within the field's range");
    return result;
  }
  result.binding = hi_shortfalls;
  for (const auto& s : hi_shortfalls) {
    result.binding_resource += (result.binding_resource.empty() ? "" : " and ") + s.resource;
  }
  std::string details;
  for (const auto& s : hi_shortfalls) {
    details += (details.empty() ? "" : "; ") + s.resource + " " + s.detail;
  }
  if (std::isnan(lo)) {
    result.reason = concat(result.path, ": even ", Readable{hi}, " does not fit ", cluster_text,
                           " (", details, ")");
    return result;
  }
  result.reason =
      concat(result.path, " up to ", Readable{lo}, " fits ", cluster_text, "; at ", Readable{hi},
             " it runs out of ", result.binding_resource, " first (", details,
             "); searched to a relative tolerance of ", Readable{options.relative_tolerance},
             " in ", result.plans_evaluated, " plans");
  return result;
}

}  // namespace tierplan
