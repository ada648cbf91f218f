#include "tierplan/logs.hpp"

#include "format.hpp"
#include "tierplan/demand.hpp"
#include "tierplan/replicas.hpp"
#include "tierplan/stack.hpp"

namespace tierplan {

namespace {

using detail::Readable;
using detail::TextBuilder;

constexpr double kBytesPerGib = 1024.0 * 1024.0 * 1024.0;
constexpr double kHoursPerDay = 24.0;

}  // namespace

double LinesByLevel::at_level(LogLevel level) const {
  // Cumulative: a level writes its own lines and those of every more severe level.
  switch (level) {
    case LogLevel::debug:
      return debug + info + warning + error;
    case LogLevel::info:
      return info + warning + error;
    case LogLevel::warning:
      return warning + error;
    case LogLevel::error:
      return error;
  }
  return 0.0;
}

LogPlan plan_logs(const Workload& workload, const std::vector<const Component*>& deployed,
                  const std::vector<ComponentPlan>& components, double growth_factor,
                  const LogPolicy& policy) {
  LogPlan plan;
  plan.level = policy.level;
  plan.access_log = policy.access_log;
  plan.audit_log = policy.audit_log;
  plan.retention_days = policy.retention_days;
  plan.components.reserve(components.size());
  double app_bytes = 0.0;
  double access_bytes = 0.0;
  double audit_bytes = 0.0;
  for (std::size_t i = 0; i < components.size() && i < deployed.size(); ++i) {
    const Component& spec = *deployed[i];
    const ComponentLogging& model = spec.logging;
    ComponentLogVolume& v = plan.components.emplace_back();
    v.component = components[i].name;
    const auto level = policy.component_levels.find(spec.name);
    v.level_overridden = level != policy.component_levels.end();
    v.level = v.level_overridden ? level->second : policy.level;
    v.units_per_day = daily_units(spec.load_driver, workload) * growth_factor;
    v.app_lines_per_day =
        v.units_per_day * model.lines_per_unit.at_level(v.level) +
        components[i].replicas * kHoursPerDay * model.lines_per_replica_per_hour.at_level(v.level);
    v.access_lines_per_day =
        policy.access_log ? v.units_per_day * model.access_lines_per_unit : 0.0;
    v.audit_lines_per_day = policy.audit_log ? v.units_per_day * model.audit_lines_per_unit : 0.0;
    const double app = v.app_lines_per_day * model.bytes_per_line;
    const double access = v.access_lines_per_day * model.access_bytes_per_line;
    const double audit = v.audit_lines_per_day * model.audit_bytes_per_line;
    v.gib_per_day = (app + access + audit) / kBytesPerGib;
    app_bytes += app;
    access_bytes += access;
    audit_bytes += audit;
  }
  plan.app_gib_per_day = app_bytes / kBytesPerGib;
  plan.access_gib_per_day = access_bytes / kBytesPerGib;
  plan.audit_gib_per_day = audit_bytes / kBytesPerGib;
  plan.gib_per_day = plan.app_gib_per_day + plan.access_gib_per_day + plan.audit_gib_per_day;
  plan.stored_gib = plan.gib_per_day * plan.retention_days;

  TextBuilder volume;
  volume.add(Readable{plan.app_gib_per_day}, " GiB/day of application logs at ",
             to_string(policy.level));
  if (!policy.component_levels.empty()) {
    volume.add(" (");
    const char* separator = "";
    for (const auto& [name, level] : policy.component_levels) {
      volume.add(separator, name, " ", to_string(level));
      separator = ", ";
    }
    volume.add(")");
  }
  volume.add(
      " = each component's daily units of load (daily counts x growth ", Readable{growth_factor},
      ") x its lines per unit at that level and above + replicas x lines per hour x 24, x bytes "
      "per line; access logs ",
      policy.access_log ? "on: " : "off: ", Readable{plan.access_gib_per_day},
      " GiB/day; audit logs ",
      policy.audit_log ? "on: " : "off: ", Readable{plan.audit_gib_per_day}, " GiB/day");
  plan.volume_reason = volume.str();
  plan.stored_reason =
      detail::concat(Readable{plan.gib_per_day}, " GiB/day x ", Readable{plan.retention_days},
                     " days of retention (policy.logs.retention_days)");
  return plan;
}

}  // namespace tierplan
