#pragma once
// The field table: every numeric field of a scenario declared once, with its JSON key, the
// member it lives in, its unit, its valid range and whether JSON must give it. The JSON
// reader (read_fields), validation of a scenario built in code (scenario_issues), the
// field paths of studies (fields.cpp) and the uncertainty bounds all read it, so a bound
// is never written twice.
//
// Upper bounds reject typos of several orders of magnitude, not plausible inputs.
#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "tierplan/catalog.hpp"
#include "tierplan/environment.hpp"
#include "tierplan/logs.hpp"
#include "tierplan/stack.hpp"
#include "tierplan/tiers.hpp"
#include "tierplan/validation.hpp"
#include "tierplan/workload.hpp"

namespace tierplan::detail {

enum class Need { optional, required };

template <class T>
struct NumericField {
  std::string_view key;
  double T::*number = nullptr;  // one of number and integer is set
  int T::*integer = nullptr;
  FieldBounds bounds;
  std::string_view unit;
  Need need = Need::optional;
};

namespace field_table {

constexpr FieldBounds between(double lo, double hi) { return {lo, hi, false, false}; }
constexpr FieldBounds above(double lo, double hi) { return {lo, hi, true, false}; }
constexpr FieldBounds whole(double lo, double hi) { return {lo, hi, false, true}; }

template <class T>
constexpr NumericField<T> real(std::string_view key, double T::*member, FieldBounds bounds,
                               std::string_view unit, Need need = Need::optional) {
  return {key, member, nullptr, bounds, unit, need};
}
template <class T>
constexpr NumericField<T> count(std::string_view key, int T::*member, FieldBounds bounds,
                                std::string_view unit, Need need = Need::optional) {
  return {key, nullptr, member, bounds, unit, need};
}

inline constexpr double kMaxUsers = 1e9;
inline constexpr double kMaxPerUserPerDay = 1e6;
inline constexpr double kMaxServiceMs = 3.6e6;  // one hour
inline constexpr double kMaxHoldS = 3600.0;     // one hour
inline constexpr double kMaxFanOut = 1000.0;
inline constexpr double kMaxRetentionDays = 36500.0;  // a century
// Policies: a retention or an interval longer than ten years is a typo.
inline constexpr double kMaxPolicyDays = 3652.5;
// A replica asking for more than 1024 cores or 4 TiB is a typo, not a plan.
inline constexpr double kMaxCpuM = 1024.0 * 1000.0;
inline constexpr double kMaxMemoryMib = 4.0 * 1024.0 * 1024.0;
// A component writing more than a million lines per unit of load is a typo.
inline constexpr double kMaxLinesPerUnit = 1e6;
inline constexpr double kMaxBytesPerLine = 1024.0 * 1024.0;
inline constexpr double kMaxVcpu = 4096.0;
inline constexpr double kMaxMemoryGib = 65536.0;
// Rates that divide an amount into a time (restore, WAL replay, snapshot restore, re-embedding).
// Any positive rate was accepted, and 5e-324 MiB/s gave an infinite RTO, written as null in
// the plan JSON (which the plan schema refuses) and shown as "inf days" (issue 17). A restore
// slower than 10 KiB/s, or re-embedding slower than one chunk a minute, is a typo; with these
// floors the largest amounts the other bounds allow (about 1e20 MiB or chunks) restore in a
// finite time (1e22 s at most).
inline constexpr double kMinRateMibPerS = 0.01;
inline constexpr double kMinChunksPerS = 1.0 / 60.0;

}  // namespace field_table

using field_table::above;
using field_table::between;
using field_table::count;
using field_table::real;
using field_table::whole;

// workload
inline constexpr NumericField<Workload> kWorkloadFields[] = {
    real("daily_active_users", &Workload::daily_active_users, between(0, field_table::kMaxUsers),
         "users", Need::required),
    real("peak_hour_fraction", &Workload::peak_hour_fraction, above(0, 1), "fraction of a day"),
    real("peak_burst_factor", &Workload::peak_burst_factor, between(1, 100), "ratio"),
    real("worker_task_service_s", &Workload::worker_task_service_s,
         above(0, field_table::kMaxHoldS), "s"),
    real("plugin_call_service_s", &Workload::plugin_call_service_s,
         above(0, field_table::kMaxHoldS), "s"),
    real("sandbox_execution_service_s", &Workload::sandbox_execution_service_s,
         above(0, field_table::kMaxHoldS), "s"),
};
// workload.requests[i]
inline constexpr NumericField<RequestClass> kRequestFields[] = {
    real("per_user_per_day", &RequestClass::per_user_per_day,
         between(0, field_table::kMaxPerUserPerDay), "requests per user per day", Need::required),
    real("api_service_ms", &RequestClass::api_service_ms, between(0, field_table::kMaxServiceMs),
         "ms", Need::required),
    real("stream_hold_s", &RequestClass::stream_hold_s, between(0, field_table::kMaxHoldS), "s"),
    real("worker_tasks_per_request", &RequestClass::worker_tasks_per_request,
         between(0, field_table::kMaxFanOut), "tasks per request"),
    real("plugin_calls_per_request", &RequestClass::plugin_calls_per_request,
         between(0, field_table::kMaxFanOut), "calls per request"),
    real("sandbox_executions_per_request", &RequestClass::sandbox_executions_per_request,
         between(0, field_table::kMaxFanOut), "executions per request"),
};
// workload.knowledge_base
inline constexpr NumericField<KnowledgeBase> kKnowledgeBaseFields[] = {
    real("documents", &KnowledgeBase::documents, between(0, 1e10), "documents"),
    real("average_document_kib", &KnowledgeBase::average_document_kib, between(0, 1e7), "KiB"),
    real("chunk_size_chars", &KnowledgeBase::chunk_size_chars, above(0, 1e6), "characters"),
    real("chunk_overlap_chars", &KnowledgeBase::chunk_overlap_chars, between(0, 1e6), "characters"),
    count("embedding_dimension", &KnowledgeBase::embedding_dimension, whole(1, 65536),
          "dimensions"),
    real("documents_ingested_per_day", &KnowledgeBase::documents_ingested_per_day, between(0, 1e9),
         "documents per day"),
};
// workload.retention
inline constexpr NumericField<Retention> kRetentionFields[] = {
    real("message_retention_days", &Retention::message_retention_days,
         between(0, field_table::kMaxRetentionDays), "days"),
    real("workflow_log_retention_days", &Retention::workflow_log_retention_days,
         between(0, field_table::kMaxRetentionDays), "days"),
};
// workload.uploads
inline constexpr NumericField<Uploads> kUploadsFields[] = {
    real("files_per_user_per_day", &Uploads::files_per_user_per_day, between(0, 1e4),
         "files per user per day"),
    real("average_file_kib", &Uploads::average_file_kib, between(0, 1e7), "KiB"),
};
// workload.growth
inline constexpr NumericField<Growth> kGrowthFields[] = {
    real("annual_growth_fraction", &Growth::annual_growth_fraction, between(-0.9, 100),
         "fraction per year"),
    real("planning_horizon_months", &Growth::planning_horizon_months, between(0, 120), "months"),
};

// environments[i].workload_share
inline constexpr FieldBounds kWorkloadShareBounds = between(0, 1000);

// environments[i].policy
inline constexpr NumericField<EnvironmentPolicy> kPolicyFields[] = {
    count("min_replicas", &EnvironmentPolicy::min_replicas, whole(1, 1000), "replicas"),
    real("max_server_utilization", &EnvironmentPolicy::max_server_utilization, above(0, 1),
         "fraction"),
    real("latency_target_ms", &EnvironmentPolicy::latency_target_ms, above(0, 3.6e6), "ms"),
    real("latency_percentile", &EnvironmentPolicy::latency_percentile, above(0, 0.999999),
         "fraction"),
    count("max_replicas", &EnvironmentPolicy::max_replicas, whole(1, 100000), "replicas"),
    real("node_fill_ceiling", &EnvironmentPolicy::node_fill_ceiling, above(0, 1), "fraction"),
    real("max_capacity_share_per_node", &EnvironmentPolicy::max_capacity_share_per_node,
         above(0, 1), "fraction"),
    real("max_pod_fraction_of_node", &EnvironmentPolicy::max_pod_fraction_of_node, above(0, 1),
         "fraction"),
    real("daemonset_cpu_m", &EnvironmentPolicy::daemonset_cpu_m, between(0, 1e6), "millicores"),
    real("daemonset_memory_mib", &EnvironmentPolicy::daemonset_memory_mib,
         between(0, field_table::kMaxMemoryMib), "MiB"),
    count("daemonset_pods", &EnvironmentPolicy::daemonset_pods, whole(0, 1000), "pods"),
};
// environments[i].policy.datastores
inline constexpr NumericField<DatastorePolicy> kDatastoreFields[] = {
    // The PostgreSQL major versions PGTune offers (tierplan/pgtune.hpp).
    count("postgres_version", &DatastorePolicy::postgres_version,
          whole(kPgTuneOldestPostgresVersion, kPgTuneNewestPostgresVersion), "major version"),
    count("pgbouncer_above_connections", &DatastorePolicy::pgbouncer_above_connections,
          whole(1, 1e6), "connections"),
    real("storage_headroom_fraction", &DatastorePolicy::storage_headroom_fraction, between(0, 10),
         "fraction"),
    real("broker_backlog_minutes", &DatastorePolicy::broker_backlog_minutes, between(0, 10080),
         "minutes"),
    count("qdrant_min_nodes", &DatastorePolicy::qdrant_min_nodes, whole(1, 1000), "nodes"),
    count("qdrant_replication_factor", &DatastorePolicy::qdrant_replication_factor, whole(1, 100),
          "copies"),
    count("qdrant_shards_per_node", &DatastorePolicy::qdrant_shards_per_node, whole(1, 1000),
          "shards"),
};
// environments[i].policy.logs
inline constexpr NumericField<LogPolicy> kLogPolicyFields[] = {
    real("retention_days", &LogPolicy::retention_days, between(0, field_table::kMaxPolicyDays),
         "days"),
};
// environments[i].policy.cost
inline constexpr NumericField<CostPolicy> kCostPolicyFields[] = {
    count("load_balancers", &CostPolicy::load_balancers, whole(0, 1000), "load balancers"),
    count("nat_gateways", &CostPolicy::nat_gateways, whole(0, 1000), "gateways"),
    // A prompt with retrieved context is tens of KiB; 1 GiB per request is beyond any.
    real("outbound_kib_per_request", &CostPolicy::outbound_kib_per_request, between(0, 1048576),
         "KiB"),
};
// environments[i].policy.backups
inline constexpr NumericField<BackupPolicy> kBackupPolicyFields[] = {
    real("rto_target_minutes", &BackupPolicy::rto_target_minutes,
         above(0, field_table::kMaxPolicyDays * 1440), "minutes"),
    real("rpo_target_minutes", &BackupPolicy::rpo_target_minutes,
         between(0, field_table::kMaxPolicyDays * 1440), "minutes"),
};
// environments[i].policy.backups.postgres
inline constexpr NumericField<PostgresBackupPolicy> kPostgresBackupFields[] = {
    real("full_backup_interval_days", &PostgresBackupPolicy::full_backup_interval_days,
         above(0, field_table::kMaxPolicyDays), "days"),
    real("archive_timeout_s", &PostgresBackupPolicy::archive_timeout_s, above(0, 86400), "s"),
    count("retention_full", &PostgresBackupPolicy::retention_full, whole(1, 1000), "backups"),
    real("compression_ratio", &PostgresBackupPolicy::compression_ratio, between(1, 100), "ratio"),
    real("restore_mib_per_s", &PostgresBackupPolicy::restore_mib_per_s,
         between(field_table::kMinRateMibPerS, 1e6), "MiB/s"),
    real("wal_replay_mib_per_s", &PostgresBackupPolicy::wal_replay_mib_per_s,
         between(field_table::kMinRateMibPerS, 1e6), "MiB/s"),
};
// environments[i].policy.backups.object_storage
inline constexpr NumericField<ObjectStorageBackupPolicy> kObjectStorageBackupFields[] = {
    real("noncurrent_version_expiration_days",
         &ObjectStorageBackupPolicy::noncurrent_version_expiration_days,
         between(0, field_table::kMaxPolicyDays), "days"),
    real("daily_overwrite_fraction", &ObjectStorageBackupPolicy::daily_overwrite_fraction,
         between(0, 1), "fraction per day"),
};
// environments[i].policy.backups.vector_store
inline constexpr NumericField<VectorStoreBackupPolicy> kVectorStoreBackupFields[] = {
    real("snapshot_interval_hours", &VectorStoreBackupPolicy::snapshot_interval_hours,
         above(0, field_table::kMaxPolicyDays * 24), "hours"),
    count("snapshots_kept", &VectorStoreBackupPolicy::snapshots_kept, whole(1, 10000), "snapshots"),
    real("snapshot_restore_mib_per_s", &VectorStoreBackupPolicy::snapshot_restore_mib_per_s,
         between(field_table::kMinRateMibPerS, 1e6), "MiB/s"),
    real("embedding_chunks_per_s", &VectorStoreBackupPolicy::embedding_chunks_per_s,
         between(field_table::kMinChunksPerS, 1e9), "chunks/s"),
};

// stack
inline constexpr NumericField<Stack> kStackFields[] = {
    count("chart_version", &Stack::chart_version, whole(0, 100000), "major*100 + minor"),
    real("limit_to_request_ratio", &Stack::limit_to_request_ratio, between(1, 100), "ratio"),
};
// stack.components[i]
inline constexpr NumericField<Component> kComponentFields[] = {
    count("concurrency_per_replica", &Component::concurrency_per_replica, whole(1, 100000),
          "requests in flight"),
    count("max_connections_per_replica", &Component::max_connections_per_replica, whole(0, 1000000),
          "connections"),
    real("service_time_ms", &Component::service_time_ms, above(0, 3.6e6), "ms"),
    count("db_pool_size", &Component::db_pool_size, whole(0, 100000), "connections"),
    count("db_max_overflow", &Component::db_max_overflow, whole(0, 100000), "connections"),
    count("since_chart_version", &Component::since_chart_version, whole(0, 100000),
          "major*100 + minor"),
};
// stack.components[i].resources
inline constexpr NumericField<ResourceModel> kResourceFields[] = {
    real("baseline_cpu_m", &ResourceModel::baseline_cpu_m, above(0, field_table::kMaxCpuM),
         "millicores", Need::required),
    real("baseline_memory_mib", &ResourceModel::baseline_memory_mib,
         above(0, field_table::kMaxMemoryMib), "MiB", Need::required),
    real("cpu_m_per_rate_per_s", &ResourceModel::cpu_m_per_rate_per_s,
         between(0, field_table::kMaxCpuM), "millicores per request/s"),
    real("memory_mib_per_rate_per_s", &ResourceModel::memory_mib_per_rate_per_s,
         between(0, field_table::kMaxMemoryMib), "MiB per request/s"),
    real("memory_mib_per_concurrent", &ResourceModel::memory_mib_per_concurrent,
         between(0, field_table::kMaxMemoryMib), "MiB per request in flight"),
};
// stack.components[i].measured_load. A multiple below 1 would warn inside the measured range.
inline constexpr NumericField<MeasuredLoad> kMeasuredLoadFields[] = {
    real("max_rate_per_s", &MeasuredLoad::max_rate_per_s, above(0, 1e9), "requests/s per replica",
         Need::required),
    real("warn_beyond_multiple", &MeasuredLoad::warn_beyond_multiple, between(1, 1e6), "ratio",
         Need::required),
};
// stack.components[i].logging.lines_per_unit and .lines_per_replica_per_hour
inline constexpr NumericField<LinesByLevel> kLinesFields[] = {
    real("debug", &LinesByLevel::debug, between(0, field_table::kMaxLinesPerUnit), "lines"),
    real("info", &LinesByLevel::info, between(0, field_table::kMaxLinesPerUnit), "lines"),
    real("warning", &LinesByLevel::warning, between(0, field_table::kMaxLinesPerUnit), "lines"),
    real("error", &LinesByLevel::error, between(0, field_table::kMaxLinesPerUnit), "lines"),
};
// stack.components[i].logging
inline constexpr NumericField<ComponentLogging> kLoggingFields[] = {
    real("bytes_per_line", &ComponentLogging::bytes_per_line,
         above(0, field_table::kMaxBytesPerLine), "bytes"),
    real("access_lines_per_unit", &ComponentLogging::access_lines_per_unit,
         between(0, field_table::kMaxLinesPerUnit), "lines"),
    real("access_bytes_per_line", &ComponentLogging::access_bytes_per_line,
         above(0, field_table::kMaxBytesPerLine), "bytes"),
    real("audit_lines_per_unit", &ComponentLogging::audit_lines_per_unit,
         between(0, field_table::kMaxLinesPerUnit), "lines"),
    real("audit_bytes_per_line", &ComponentLogging::audit_bytes_per_line,
         above(0, field_table::kMaxBytesPerLine), "bytes"),
};

// catalog.node_types[i]
inline constexpr NumericField<NodeType> kNodeTypeFields[] = {
    count("vcpu", &NodeType::vcpu, whole(1, field_table::kMaxVcpu), "vCPU", Need::required),
    real("memory_gib", &NodeType::memory_gib, above(0, field_table::kMaxMemoryGib), "GiB",
         Need::required),
    count("max_pods", &NodeType::max_pods, whole(1, 10000), "pods"),
    real("price_usd_per_hour", &NodeType::price_usd_per_hour, between(0, 10000), "USD/hour",
         Need::required),
};
// catalog.database_shapes[i], .vector_store_shapes[i], .cache_shapes[i]
inline constexpr NumericField<MachineShape> kShapeFields[] = {
    count("vcpu", &MachineShape::vcpu, whole(1, field_table::kMaxVcpu), "vCPU", Need::required),
    real("memory_gib", &MachineShape::memory_gib, above(0, field_table::kMaxMemoryGib), "GiB",
         Need::required),
    real("price_usd_per_hour", &MachineShape::price_usd_per_hour, between(0, 10000), "USD/hour"),
    real("replicated_price_usd_per_hour", &MachineShape::replicated_price_usd_per_hour,
         between(0, 10000), "USD/hour"),
};
// catalog.prices[<cloud>].<item>.<amount key>
inline constexpr FieldBounds kPriceBounds = between(0, 1e6);
// catalog.regions[i]: published regional prices differ from the listed region's by tens of
// percent (well inside 0.25 to 4).
inline constexpr NumericField<Region> kRegionFields[] = {
    real("price_factor", &Region::price_factor, between(0.25, 4), "ratio", Need::required),
};

// tiers[i]
inline constexpr NumericField<TierPreset> kTierFields[] = {
    count("node_vcpu", &TierPreset::node_vcpu, whole(1, field_table::kMaxVcpu), "vCPU",
          Need::required),
    real("node_memory_gib", &TierPreset::node_memory_gib, above(0, field_table::kMaxMemoryGib),
         "GiB", Need::required),
    count("node_count", &TierPreset::node_count, whole(1, 100000), "nodes", Need::required),
};

// --- every key of every object, numeric or not ---------------------------------------------
//
// An ObjectShape lists the keys of one JSON object of the scenario in the order the reader
// reads them: the numeric ones taken from the tables above (numbers()), the others declared
// with their kind and need (flag(), text(), identifier(), choice(), object(), list(), map()).
// The shapes live in model/object_shapes.hpp. An ObjectReader given a shape refuses (as a
// programming error) to read a key the shape does not declare or to read it as another kind,
// reports every key of the input that the shape does not declare as unknown, and checks on
// finish() that every declared key was read; the JSON Schema of the scenario is generated from
// the same shapes (io/scenario_schema.cpp). So the reader's keys and the schema's keys are one
// list and cannot drift.

enum class KeyKind { number, boolean, text, nonempty_text, identifier, choice, object, list, map };

struct ObjectShape;

struct KeyField {
  std::string_view key;
  KeyKind kind = KeyKind::number;
  Need need = Need::optional;
  FieldBounds bounds;                         // number (bounds.integer for whole numbers)
  std::string_view unit;                      // number
  std::span<const std::string_view> options;  // choice, and map of choices: the names accepted
  const void* option_table = nullptr;         // choice: the table the reader must be given
  const ObjectShape* shape = nullptr;         // object, list: the shape of it or of each element
  KeyKind value_kind = KeyKind::text;         // map: the kind of every value
  std::string_view item_noun;                 // list: set when it must not be empty ("component")
  std::string_view description;               // rules the schema cannot state on its own
};

struct ObjectShape {
  std::string_view name;  // its name among the schema's "$defs"
  std::span<const KeyField> keys;
  std::string_view description;
  // Keys of which exactly one must be given (environments: workload or workload_share).
  std::span<const std::string_view> exactly_one_of = {};
};

namespace field_table {

using OneKey = std::array<KeyField, 1>;

constexpr KeyField key_field(std::string_view key, KeyKind kind, Need need) {
  KeyField field;
  field.key = key;
  field.kind = kind;
  field.need = need;
  return field;
}

template <class T, std::size_t N>
constexpr std::array<KeyField, N> numbers(const NumericField<T> (&fields)[N]) {
  std::array<KeyField, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = key_field(fields[i].key, KeyKind::number, fields[i].need);
    out[i].bounds = fields[i].bounds;
    out[i].unit = fields[i].unit;
  }
  return out;
}
// One numeric key whose bounds are declared above without a member (workload_share, prices).
constexpr OneKey number(std::string_view key, FieldBounds bounds, std::string_view unit,
                        Need need = Need::optional) {
  OneKey out = {key_field(key, KeyKind::number, need)};
  out[0].bounds = bounds;
  out[0].unit = unit;
  return out;
}
constexpr OneKey flag(std::string_view key) {
  return {key_field(key, KeyKind::boolean, Need::optional)};
}
constexpr OneKey text(std::string_view key, Need need = Need::optional,
                      std::string_view description = {}) {
  OneKey out = {key_field(key, KeyKind::text, need)};
  out[0].description = description;
  return out;
}
constexpr OneKey nonempty_text(std::string_view key, Need need = Need::optional) {
  return {key_field(key, KeyKind::nonempty_text, need)};
}
constexpr OneKey identifier(std::string_view key, Need need = Need::optional) {
  return {key_field(key, KeyKind::identifier, need)};
}

// The names of a choice table, an array of (name, enum value) pairs.
template <const auto& Options>
inline constexpr auto kOptionNames = [] {
  std::array<std::string_view, Options.size()> names{};
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = Options[i].first;
  return names;
}();

template <const auto& Options>
constexpr OneKey choice(std::string_view key, Need need = Need::optional,
                        std::string_view description = {}) {
  OneKey out = {key_field(key, KeyKind::choice, need)};
  out[0].description = description;
  out[0].options = kOptionNames<Options>;
  out[0].option_table = &Options;
  return out;
}
// shape nullptr: an object whose keys another reader declares (none today but
// stack.datastores, read in datastores/datastore_model.cpp).
constexpr OneKey object(std::string_view key, const ObjectShape* shape, Need need = Need::optional,
                        std::string_view description = {}) {
  OneKey out = {key_field(key, KeyKind::object, need)};
  out[0].shape = shape;
  out[0].description = description;
  return out;
}
// item_noun: set for a list that must not be empty ("must list at least one <noun>").
constexpr OneKey list(std::string_view key, const ObjectShape* shape, Need need = Need::optional,
                      std::string_view item_noun = {}) {
  OneKey out = {key_field(key, KeyKind::list, need)};
  out[0].shape = shape;
  out[0].item_noun = item_noun;
  return out;
}
// An object of free keys, each holding a value of one kind (options: for a map of choices).
constexpr OneKey map(std::string_view key, KeyKind value_kind,
                     std::span<const std::string_view> options, std::string_view description) {
  OneKey out = {key_field(key, KeyKind::map, Need::optional)};
  out[0].value_kind = value_kind;
  out[0].options = options;
  out[0].description = description;
  return out;
}

// keys(a, b, ...): the keys of the parts, in order, as one array.
template <std::size_t... N>
constexpr auto keys(const std::array<KeyField, N>&... parts) {
  std::array<KeyField, (N + ...)> out{};
  std::size_t at = 0;
  ((std::copy(parts.begin(), parts.end(), out.begin() + static_cast<std::ptrdiff_t>(at)),
    at += parts.size()),
   ...);
  return out;
}

}  // namespace field_table

// The value of a field in an object, as a double.
template <class T>
double value_of(const T& object, const NumericField<T>& field) {
  return field.number != nullptr ? object.*field.number
                                 : static_cast<double>(object.*field.integer);
}

}  // namespace tierplan::detail
