#include "tierplan/workload.hpp"

#include "io/serialization.hpp"
#include "model/field_rules.hpp"
#include "model/object_shapes.hpp"

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

RequestClass read_request_class(ObjectReader& r) {
  RequestClass c;
  r.identifier("name", c.name);
  read_fields(r, c, kRequestFields);
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
  read_fields(r, kb, kKnowledgeBaseFields);
}

}  // namespace

Workload read_workload(ObjectReader& r) {
  Workload w;
  read_fields(r, w, kWorkloadFields);
  w.requests = read_object_list<RequestClass>(r, "requests", read_request_class);
  check_unique_names(w.requests, join_path(r.path(), "requests"), r.issues());
  {
    ObjectReader kb(r, "knowledge_base");
    read_knowledge_base(kb, w.knowledge_base);
    kb.finish();
  }
  {
    ObjectReader retention(r, "retention");
    read_fields(retention, w.retention, kRetentionFields);
    retention.boolean("workflow_log_cleanup_enabled", w.retention.workflow_log_cleanup_enabled);
    retention.finish();
  }
  {
    ObjectReader uploads(r, "uploads");
    read_fields(uploads, w.uploads, kUploadsFields);
    uploads.finish();
  }
  {
    ObjectReader growth(r, "growth");
    read_fields(growth, w.growth, kGrowthFields);
    growth.finish();
  }
  {
    std::vector<FieldIssue> rules;
    add_workload_cross_field_issues(w, r.path(), rules);
    r.issues().add(std::move(rules));
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
