#pragma once
// Load assumptions for one environment: who uses the platform, how much, and what
// they store. Every quantity carries its unit in its name.
#include <string>
#include <vector>

namespace tierplan {

// One kind of user-facing request (a chat message, a workflow run, a service API
// call, console traffic). Rates are per daily active user per day.
struct RequestClass {
  std::string name;
  double per_user_per_day = 0.0;
  // Time an api replica is busy with the request itself (parsing, database,
  // retrieval), excluding the wait for the model.
  double api_service_ms = 0.0;
  // Time the api connection stays open while the LLM response streams back.
  double stream_hold_s = 0.0;
  // Background tasks put on the Celery queues per request (consumed by worker).
  double worker_tasks_per_request = 0.0;
  double plugin_calls_per_request = 0.0;
  double sandbox_executions_per_request = 0.0;
  bool operator==(const RequestClass&) const = default;
};

struct KnowledgeBase {
  double documents = 0.0;
  double average_document_kib = 0.0;
  double chunk_size_chars = 1000.0;
  double chunk_overlap_chars = 100.0;
  int embedding_dimension = 1024;
  double documents_ingested_per_day = 0.0;
  bool operator==(const KnowledgeBase&) const = default;
};

struct Retention {
  double message_retention_days = 365.0;
  double workflow_log_retention_days = 30.0;
  // Dify's WORKFLOW_LOG_CLEANUP_ENABLED is off by default: logs then grow without bound.
  bool workflow_log_cleanup_enabled = false;
  bool operator==(const Retention&) const = default;
};

struct Uploads {
  double files_per_user_per_day = 0.0;
  double average_file_kib = 0.0;
  bool operator==(const Uploads&) const = default;
};

struct Growth {
  double annual_growth_fraction = 0.0;
  double planning_horizon_months = 12.0;
  bool operator==(const Growth&) const = default;
};

struct Workload {
  double daily_active_users = 0.0;
  // Share of a day's requests that arrive in the busiest hour.
  double peak_hour_fraction = 0.15;
  // Ratio of the busiest minute's rate to the busiest hour's mean rate.
  double peak_burst_factor = 1.5;
  std::vector<RequestClass> requests;
  double worker_task_service_s = 1.0;
  double plugin_call_service_s = 0.5;
  double sandbox_execution_service_s = 0.5;
  KnowledgeBase knowledge_base;
  Retention retention;
  Uploads uploads;
  Growth growth;
  bool operator==(const Workload&) const = default;

  // A copy with every per-user, per-document and stored quantity scaled by factor.
  Workload scaled(double factor) const;
};

}  // namespace tierplan
