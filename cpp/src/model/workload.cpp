#include "tierplan/workload.hpp"

#include "io/serialization.hpp"

namespace tierplan {

Workload Workload::scaled(double factor) const {
  Workload result = *this;
  result.daily_active_users *= factor;
  result.knowledge_base.documents *= factor;
  result.knowledge_base.documents_ingested_per_day *= factor;
  return result;
}

}  // namespace tierplan

namespace tierplan::detail {

namespace {

// Upper bounds reject typos of several orders of magnitude, not plausible inputs.
constexpr double kMaxUsers = 1e9;
constexpr double kMaxPerUserPerDay = 1e6;
constexpr double kMaxServiceMs = 3.6e6;  // one hour
constexpr double kMaxHoldS = 3600.0;
constexpr double kMaxFanOut = 1000.0;
constexpr double kMaxDays = 36500.0;  // a century

RequestClass read_request_class(ObjectReader& r) {
  RequestClass c;
  r.identifier("name", c.name, Need::required);
  r.number("per_user_per_day", c.per_user_per_day, between(0, kMaxPerUserPerDay), Need::required);
  r.number("api_service_ms", c.api_service_ms, between(0, kMaxServiceMs), Need::required);
  r.number("stream_hold_s", c.stream_hold_s, between(0, kMaxHoldS));
  r.number("worker_tasks_per_request", c.worker_tasks_per_request, between(0, kMaxFanOut));
  r.number("plugin_calls_per_request", c.plugin_calls_per_request, between(0, kMaxFanOut));
  r.number("sandbox_executions_per_request", c.sandbox_executions_per_request,
           between(0, kMaxFanOut));
  return c;
}

json write_request_class(const RequestClass& c) {
  return {{"name", c.name},
          {"per_user_per_day", c.per_user_per_day},
          {"api_service_ms", c.api_service_ms},
          {"stream_hold_s", c.stream_hold_s},
          {"worker_tasks_per_request", c.worker_tasks_per_request},
          {"plugin_calls_per_request", c.plugin_calls_per_request},
          {"sandbox_executions_per_request", c.sandbox_executions_per_request}};
}

void read_knowledge_base(ObjectReader& r, KnowledgeBase& kb) {
  r.number("documents", kb.documents, between(0, 1e10));
  r.number("average_document_kib", kb.average_document_kib, between(0, 1e7));
  r.number("chunk_size_chars", kb.chunk_size_chars, above(0, 1e6));
  r.number("chunk_overlap_chars", kb.chunk_overlap_chars, between(0, 1e6));
  r.integer("embedding_dimension", kb.embedding_dimension, between(1, 65536));
  r.number("documents_ingested_per_day", kb.documents_ingested_per_day, between(0, 1e9));
  if (kb.chunk_overlap_chars >= kb.chunk_size_chars) {
    r.issues().add(join_path(r.path(), "chunk_overlap_chars"),
                   "must be < chunk_size_chars (" + describe_value(kb.chunk_size_chars) +
                       "), got " + describe_value(kb.chunk_overlap_chars));
  }
}

}  // namespace

Workload read_workload(ObjectReader& r) {
  Workload w;
  r.number("daily_active_users", w.daily_active_users, between(0, kMaxUsers), Need::required);
  r.number("peak_hour_fraction", w.peak_hour_fraction, above(0, 1));
  r.number("peak_burst_factor", w.peak_burst_factor, between(1, 100));
  const std::string requests_path = join_path(r.path(), "requests");
  w.requests = read_object_array<RequestClass>(r.array("requests", Need::required), requests_path,
                                               r.issues(), read_request_class);
  check_unique_names(w.requests, requests_path, r.issues());
  r.number("worker_task_service_s", w.worker_task_service_s, above(0, kMaxHoldS));
  r.number("plugin_call_service_s", w.plugin_call_service_s, above(0, kMaxHoldS));
  r.number("sandbox_execution_service_s", w.sandbox_execution_service_s, above(0, kMaxHoldS));
  {
    ObjectReader kb(r.object("knowledge_base"), join_path(r.path(), "knowledge_base"), r.issues());
    read_knowledge_base(kb, w.knowledge_base);
    kb.finish();
  }
  {
    ObjectReader retention(r.object("retention"), join_path(r.path(), "retention"), r.issues());
    retention.number("message_retention_days", w.retention.message_retention_days,
                     between(0, kMaxDays));
    retention.number("workflow_log_retention_days", w.retention.workflow_log_retention_days,
                     between(0, kMaxDays));
    retention.boolean("workflow_log_cleanup_enabled", w.retention.workflow_log_cleanup_enabled);
    retention.finish();
  }
  {
    ObjectReader uploads(r.object("uploads"), join_path(r.path(), "uploads"), r.issues());
    uploads.number("files_per_user_per_day", w.uploads.files_per_user_per_day, between(0, 1e4));
    uploads.number("average_file_kib", w.uploads.average_file_kib, between(0, 1e7));
    uploads.finish();
  }
  {
    ObjectReader growth(r.object("growth"), join_path(r.path(), "growth"), r.issues());
    growth.number("annual_growth_fraction", w.growth.annual_growth_fraction, between(-0.9, 100));
    growth.number("planning_horizon_months", w.growth.planning_horizon_months, between(0, 120));
    growth.finish();
  }
  return w;
}

json write_workload(const Workload& w) {
  json requests = json::array();
  for (const auto& c : w.requests) requests.push_back(write_request_class(c));
  const auto& kb = w.knowledge_base;
  return {
      {"daily_active_users", w.daily_active_users},
      {"peak_hour_fraction", w.peak_hour_fraction},
      {"peak_burst_factor", w.peak_burst_factor},
      {"requests", requests},
      {"worker_task_service_s", w.worker_task_service_s},
      {"plugin_call_service_s", w.plugin_call_service_s},
      {"sandbox_execution_service_s", w.sandbox_execution_service_s},
      {"knowledge_base",
       {{"documents", kb.documents},
        {"average_document_kib", kb.average_document_kib},
        {"chunk_size_chars", kb.chunk_size_chars},
        {"chunk_overlap_chars", kb.chunk_overlap_chars},
        {"embedding_dimension", kb.embedding_dimension},
        {"documents_ingested_per_day", kb.documents_ingested_per_day}}},
      {"retention",
       {{"message_retention_days", w.retention.message_retention_days},
        {"workflow_log_retention_days", w.retention.workflow_log_retention_days},
        {"workflow_log_cleanup_enabled", w.retention.workflow_log_cleanup_enabled}}},
      {"uploads",
       {{"files_per_user_per_day", w.uploads.files_per_user_per_day},
        {"average_file_kib", w.uploads.average_file_kib}}},
      {"growth",
       {{"annual_growth_fraction", w.growth.annual_growth_fraction},
        {"planning_horizon_months", w.growth.planning_horizon_months}}},
  };
}

}  // namespace tierplan::detail
