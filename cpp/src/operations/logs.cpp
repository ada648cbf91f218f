#include "tierplan/logs.hpp"

#include <array>

#include "io/format.hpp"
#include "planner/planner_detail.hpp"
#include "tierplan/demand.hpp"
#include "tierplan/replicas.hpp"
#include "tierplan/stack.hpp"
#include "units.hpp"

namespace tierplan {

namespace {

using detail::Fixed;
using detail::Readable;
using detail::TextBuilder;
using units::kBytesPerGib;
using units::kHoursPerDay;

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::debug:
      return "debug";
    case LogLevel::info:
      return "info";
    case LogLevel::warning:
      return "warning";
    case LogLevel::error:
      return "error";
  }
  return "";
}

// The volume reason's middle, made of constants only: made once, shared by every plan.
const std::string& per_unit_text() {
  static const std::string text = detail::concat(
      ") x its lines per unit at that level and above + replicas x lines per hour x ",
      Fixed{kHoursPerDay, 0}, ", x bytes per line; access logs ");
  return text;
}

// Units per day of every load driver, found once per environment.
struct DriverUnits {
  static constexpr std::array<LoadDriver, 8> kDrivers = {LoadDriver::none,
                                                         LoadDriver::api_requests,
                                                         LoadDriver::web_requests,
                                                         LoadDriver::worker_tasks,
                                                         LoadDriver::plugin_calls,
                                                         LoadDriver::sandbox_executions,
                                                         LoadDriver::document_ingestion,
                                                         LoadDriver::outbound_requests};

  explicit DriverUnits(const Workload& workload) {
    for (std::size_t i = 0; i < kDrivers.size(); ++i) {
      per_day[i] = daily_units(kDrivers[i], workload);
    }
  }
  double of(LoadDriver driver) const {
    // kDrivers lists the drivers in their enum order: the value is the index.
    const auto i = static_cast<std::size_t>(driver);
    return i < kDrivers.size() && kDrivers[i] == driver ? per_day[i] : 0.0;
  }

  std::array<double, 8> per_day{};
};

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
  LogPlan plan = detail::plan_logs(workload, deployed, components, growth_factor, policy);
  detail::explain_logs(plan, growth_factor, policy);
  return plan;
}

LogPlan detail::plan_logs(const Workload& workload, const std::vector<const Component*>& deployed,
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
  const DriverUnits units(workload);
  for (std::size_t i = 0; i < components.size() && i < deployed.size(); ++i) {
    const Component& spec = *deployed[i];
    const ComponentLogging& model = spec.logging;
    ComponentLogVolume& v = plan.components.emplace_back();
    v.component = components[i].name;
    v.level = policy.level;
    if (!policy.component_levels.empty()) {
      const auto level = policy.component_levels.find(spec.name);
      v.level_overridden = level != policy.component_levels.end();
      if (v.level_overridden) v.level = level->second;
    }
    v.units_per_day = units.of(spec.load_driver) * growth_factor;
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
  return plan;
}

void detail::explain_logs(LogPlan& plan, double growth_factor, const LogPolicy& policy) {
  TextBuilder volume;
  volume.add("application logs at ", level_name(policy.level));
  if (!policy.component_levels.empty()) {
    volume.add(" (");
    const char* separator = "";
    for (const auto& [name, level] : policy.component_levels) {
      volume.add(separator, name, " ", level_name(level));
      separator = ", ";
    }
    volume.add(")");
  }
  volume.add(" = each component's daily units of load (daily counts x growth ",
             Readable{growth_factor}, per_unit_text(), policy.access_log ? "on" : "off",
             ", audit logs ", policy.audit_log ? "on" : "off");
  plan.volume_reason = volume.str();
  plan.stored_reason = "GiB/day x the days logs are kept (policy.logs.retention_days)";
}

}  // namespace tierplan
