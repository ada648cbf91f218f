#pragma once
// Logs: the level policy of an environment, each component's log volume model, and
// the volume, retention and storage they give.
#include <map>
#include <string>
#include <vector>

namespace tierplan {

struct Workload;
struct Component;
struct ComponentPlan;

// Levels are cumulative: a component at INFO writes its info, warning and error lines.
enum class LogLevel { debug, info, warning, error };

// Lines at each level (not cumulative: the lines of that level alone).
struct LinesByLevel {
  double debug = 0.0;
  double info = 0.0;
  double warning = 0.0;
  double error = 0.0;
  bool operator==(const LinesByLevel&) const = default;

  // Lines written at that level and above.
  double at_level(LogLevel level) const;
};

// How much one component logs (stack data). Defaults are assumptions (line sizes of
// timestamped text lines); a component without a logging block writes no lines.
struct ComponentLogging {
  // Per unit of the component's load driver (a request, a task, a call, a document).
  LinesByLevel lines_per_unit;
  // Written whatever the load: health checks, heartbeats, schedules.
  LinesByLevel lines_per_replica_per_hour;
  double bytes_per_line = 200.0;
  // Access log lines per unit of load when the policy turns access logs on.
  double access_lines_per_unit = 0.0;
  double access_bytes_per_line = 300.0;
  // Audit events per unit of load when the policy turns audit logs on.
  double audit_lines_per_unit = 0.0;
  double audit_bytes_per_line = 500.0;
  bool operator==(const ComponentLogging&) const = default;
};

// An environment's log policy.
struct LogPolicy {
  LogLevel level = LogLevel::info;
  // Levels of single components, by component name (they replace level).
  std::map<std::string, LogLevel> component_levels;
  bool access_log = false;
  bool audit_log = false;
  double retention_days = 7.0;  // assumption: a week to investigate an incident
  bool operator==(const LogPolicy&) const = default;
};

struct ComponentLogVolume {
  std::string component;
  LogLevel level = LogLevel::info;
  bool level_overridden = false;  // set by policy.logs.component_levels
  double units_per_day = 0.0;     // load driver's daily count at the horizon
  double app_lines_per_day = 0.0;
  double access_lines_per_day = 0.0;
  double audit_lines_per_day = 0.0;
  double gib_per_day = 0.0;
  bool operator==(const ComponentLogVolume&) const = default;
};

struct LogPlan {
  LogLevel level = LogLevel::info;
  bool access_log = false;
  bool audit_log = false;
  std::vector<ComponentLogVolume> components;
  double app_gib_per_day = 0.0;
  double access_gib_per_day = 0.0;
  double audit_gib_per_day = 0.0;
  double gib_per_day = 0.0;
  std::string volume_reason;
  double retention_days = 0.0;
  double stored_gib = 0.0;  // what the log store holds: a retention window of days
  std::string stored_reason;
  bool operator==(const LogPlan&) const = default;
};

std::string to_string(LogLevel level);

// Log volume of the planned components (components[i] planned from deployed[i]) under
// the policy, at the load of the horizon: today's daily counts times growth_factor.
LogPlan plan_logs(const Workload& workload, const std::vector<const Component*>& deployed,
                  const std::vector<ComponentPlan>& components, double growth_factor,
                  const LogPolicy& policy);

}  // namespace tierplan
