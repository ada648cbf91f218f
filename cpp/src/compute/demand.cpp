#include "tierplan/demand.hpp"

#include <cmath>

#include "units.hpp"

namespace tierplan {

using units::kMillisecondsPerSecond;
using units::kSecondsPerHour;

double peak_rate_per_s(const Workload& workload, double per_user_per_day) {
  return workload.daily_active_users * per_user_per_day * workload.peak_hour_fraction /
         kSecondsPerHour * workload.peak_burst_factor;
}

PeakDemand peak_demand(const Workload& workload) {
  PeakDemand d;
  double service_weighted = 0.0;
  double hold_weighted = 0.0;
  for (const auto& request : workload.requests) {
    const double rate = peak_rate_per_s(workload, request.per_user_per_day);
    d.api_rate_per_s += rate;
    service_weighted += rate * request.api_service_ms / kMillisecondsPerSecond;
    hold_weighted += rate * request.stream_hold_s;
    d.worker_task_rate_per_s += rate * request.worker_tasks_per_request;
    d.plugin_call_rate_per_s += rate * request.plugin_calls_per_request;
    d.sandbox_execution_rate_per_s += rate * request.sandbox_executions_per_request;
  }
  if (d.api_rate_per_s > 0.0) {
    d.api_service_s = service_weighted / d.api_rate_per_s;
    d.api_stream_hold_s = hold_weighted / d.api_rate_per_s;
  }
  // Ingestion is a daily volume; it peaks like user traffic (people upload in office
  // hours). One indexing task per document on the worker queues (Celery queue "dataset").
  // The rate goes through the documents per user; for a user count near zero (1e-308) that
  // ratio overflows a double, and the day's documents then peak without the round trip
  // (the same rate up to rounding; the usual path is kept so that plans stay bit for bit).
  const double users = workload.daily_active_users;
  const double documents = workload.knowledge_base.documents_ingested_per_day;
  const double documents_per_user = users > 0.0 ? documents / users : 0.0;
  d.document_ingestion_rate_per_s =
      std::isfinite(documents_per_user)
          ? peak_rate_per_s(workload, documents_per_user)
          : documents * workload.peak_hour_fraction / kSecondsPerHour * workload.peak_burst_factor;
  d.worker_task_rate_per_s += d.document_ingestion_rate_per_s;
  // Plugin (tool) calls and code executions are what leaves the cluster through the
  // SSRF proxy (HTTP request nodes, tools, sandbox network access).
  d.outbound_request_rate_per_s = d.plugin_call_rate_per_s + d.sandbox_execution_rate_per_s;
  return d;
}

double daily_units(LoadDriver driver, const Workload& workload) {
  double requests = 0.0;
  double worker_tasks = 0.0;
  double plugin_calls = 0.0;
  double sandbox_executions = 0.0;
  for (const auto& request : workload.requests) {
    const double per_day = workload.daily_active_users * request.per_user_per_day;
    requests += per_day;
    worker_tasks += per_day * request.worker_tasks_per_request;
    plugin_calls += per_day * request.plugin_calls_per_request;
    sandbox_executions += per_day * request.sandbox_executions_per_request;
  }
  const double documents = workload.knowledge_base.documents_ingested_per_day;
  // The same drivers as component_load(), counted per day.
  switch (driver) {
    case LoadDriver::none:
      return 0.0;
    case LoadDriver::api_requests:
    case LoadDriver::web_requests:
      return requests;
    case LoadDriver::worker_tasks:
      return worker_tasks + documents;
    case LoadDriver::plugin_calls:
      return plugin_calls;
    case LoadDriver::sandbox_executions:
      return sandbox_executions;
    case LoadDriver::document_ingestion:
      return documents;
    case LoadDriver::outbound_requests:
      return plugin_calls + sandbox_executions;
  }
  return 0.0;
}

std::string_view ComponentLoad::derivation() const {
  switch (driver) {
    case LoadDriver::none:
      return "no load driver";
    case LoadDriver::api_requests:
      return "every request class";
    case LoadDriver::web_requests:
      return "one front-end request per api request";
    case LoadDriver::worker_tasks:
      return "Celery tasks fanned out by requests and document ingestion";
    case LoadDriver::plugin_calls:
      return "plugin and tool calls";
    case LoadDriver::sandbox_executions:
      return "code node executions";
    case LoadDriver::document_ingestion:
      return "documents parsed";
    case LoadDriver::outbound_requests:
      return "outbound HTTP of plugins and sandbox";
  }
  return "unknown load driver";
}

ComponentLoad component_load(const Component& component, const PeakDemand& demand,
                             const Workload& workload) {
  ComponentLoad load;
  load.driver = component.load_driver;
  const double own_service_s = component.service_time_ms / kMillisecondsPerSecond;
  switch (component.load_driver) {
    case LoadDriver::none:
      return load;
    case LoadDriver::api_requests:
      load.arrival_rate_per_s = demand.api_rate_per_s;
      load.service_s = demand.api_service_s;
      // Only components that hold connections (the api, a proxy in front of it) keep
      // them open while the LLM streams; the others answer and let go.
      load.hold_s = component.max_connections_per_replica > 0 ? demand.api_stream_hold_s : 0.0;
      break;
    case LoadDriver::web_requests:
      load.arrival_rate_per_s = demand.api_rate_per_s;
      load.service_s = own_service_s;
      break;
    case LoadDriver::worker_tasks:
      load.arrival_rate_per_s = demand.worker_task_rate_per_s;
      load.service_s = workload.worker_task_service_s;
      break;
    case LoadDriver::plugin_calls:
      load.arrival_rate_per_s = demand.plugin_call_rate_per_s;
      load.service_s = workload.plugin_call_service_s;
      break;
    case LoadDriver::sandbox_executions:
      load.arrival_rate_per_s = demand.sandbox_execution_rate_per_s;
      load.service_s = workload.sandbox_execution_service_s;
      break;
    case LoadDriver::document_ingestion:
      load.arrival_rate_per_s = demand.document_ingestion_rate_per_s;
      load.service_s = own_service_s;
      break;
    case LoadDriver::outbound_requests:
      load.arrival_rate_per_s = demand.outbound_request_rate_per_s;
      load.service_s = own_service_s;
      break;
  }
  load.offered_load_erlangs = load.arrival_rate_per_s * load.service_s;
  load.concurrent_requests = load.arrival_rate_per_s * (load.service_s + load.hold_s);
  return load;
}

}  // namespace tierplan
