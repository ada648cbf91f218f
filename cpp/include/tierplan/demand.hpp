#pragma once
// From a workload to the load each component carries at the peak.
//
// Peak rate of anything done X times per user per day:
//   rate_per_s = daily_active_users * X * peak_hour_fraction / 3600 * peak_burst_factor
// (the busiest hour's share of the day, then the busiest minute within that hour).
// Concurrency follows Little's law, N = rate * time in system: an api replica holds
// a request for its service time plus the whole LLM stream.
#include <string>
#include <string_view>

#include "tierplan/stack.hpp"
#include "tierplan/workload.hpp"

namespace tierplan {

// Peak rates and mean times of each load driver.
struct PeakDemand {
  double api_rate_per_s = 0.0;
  double api_service_s = 0.0;      // rate-weighted mean over request classes
  double api_stream_hold_s = 0.0;  // rate-weighted mean stream hold
  double worker_task_rate_per_s = 0.0;
  double plugin_call_rate_per_s = 0.0;
  double sandbox_execution_rate_per_s = 0.0;
  double document_ingestion_rate_per_s = 0.0;
  double outbound_request_rate_per_s = 0.0;
  bool operator==(const PeakDemand&) const = default;
};

// The load one component carries at the peak.
struct ComponentLoad {
  double arrival_rate_per_s = 0.0;
  double service_s = 0.0;
  double hold_s = 0.0;                   // connection held after service (LLM stream)
  double offered_load_erlangs = 0.0;     // arrival rate * service time
  double concurrent_requests = 0.0;      // Little's law: rate * (service + hold)
  LoadDriver driver = LoadDriver::none;  // where the rate comes from
  // How the rate was obtained, for the reasons: a fixed text per load driver, so a plan
  // does not keep a copy per component and environment.
  std::string_view derivation() const;
  bool operator==(const ComponentLoad&) const = default;
};

// Converts "per user per day" into a peak rate per second.
double peak_rate_per_s(const Workload& workload, double per_user_per_day);
PeakDemand peak_demand(const Workload& workload);
// Units of a load driver per day at today's load (requests, tasks, calls, documents):
// the daily counts the peak rates come from, without the peak.
double daily_units(LoadDriver driver, const Workload& workload);
ComponentLoad component_load(const Component& component, const PeakDemand& demand,
                             const Workload& workload);

}  // namespace tierplan
