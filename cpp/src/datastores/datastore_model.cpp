#include "tierplan/datastore_model.hpp"

#include <cmath>

#include "io/serialization.hpp"

namespace tierplan {

namespace {
constexpr std::array<std::pair<std::string_view, RetentionClass>, 4> kRetention = {
    {{"messages", RetentionClass::messages},
     {"workflow_logs", RetentionClass::workflow_logs},
     {"horizon", RetentionClass::horizon},
     {"knowledge", RetentionClass::knowledge}}};
}  // namespace

std::string to_string(RetentionClass retention) {
  return std::string(detail::choice_name(retention, kRetention));
}

double segmented_bytes(const std::vector<SizeSegment>& segments, double fixed, double factor,
                       double x) {
  if (segments.empty()) return fixed + factor * x;
  for (const auto& segment : segments) {
    if (x <= segment.up_to_bytes) return segment.fixed_bytes + segment.factor * x;
  }
  return segments.back().fixed_bytes + segments.back().factor * x;
}

double bytes_per_row(const TableModel& table, double payload_bytes) {
  return segmented_bytes(table.segments, table.fixed_bytes_per_row, table.payload_factor,
                         payload_bytes);
}

double table_bytes(const TableModel& table, double rows, double payload_bytes) {
  return table.fixed_bytes_per_table + rows * bytes_per_row(table, payload_bytes);
}

double message_bytes(const BrokerModel& broker, double body_bytes) {
  return segmented_bytes(broker.message_segments, broker.message_overhead_bytes,
                         broker.message_body_factor, body_bytes);
}

double cache_key_bytes(const BrokerModel& broker, double key_bytes, double value_bytes) {
  return broker.key_overhead_bytes + key_bytes + broker.key_value_factor * value_bytes;
}

}  // namespace tierplan

namespace tierplan::detail {

namespace {

constexpr double kMaxRowsPerEvent = 1e6;
constexpr double kMaxBytes = 1e9;

SizeSegment read_segment(ObjectReader& r) {
  SizeSegment s;
  r.number("up_to_bytes", s.up_to_bytes, between(0, kMaxBytes), Need::required);
  r.number("fixed_bytes", s.fixed_bytes, between(0, kMaxBytes), Need::required);
  r.number("factor", s.factor, between(0, 100), Need::required);
  return s;
}

json write_segments(const std::vector<SizeSegment>& segments) {
  json out = json::array();
  for (const auto& s : segments) {
    out.push_back(
        {{"up_to_bytes", s.up_to_bytes}, {"fixed_bytes", s.fixed_bytes}, {"factor", s.factor}});
  }
  return out;
}

std::vector<SizeSegment> read_segments(ObjectReader& r, std::string_view key) {
  auto segments = read_object_array<SizeSegment>(r.array(key), join_path(r.path(), key), r.issues(),
                                                 read_segment);
  for (std::size_t i = 1; i < segments.size(); ++i) {
    if (segments[i].up_to_bytes <= segments[i - 1].up_to_bytes) {
      r.issues().add(index_path(join_path(r.path(), key), i) + ".up_to_bytes",
                     "must be above the previous segment's (" +
                         describe_value(segments[i - 1].up_to_bytes) + "), got " +
                         describe_value(segments[i].up_to_bytes));
    }
  }
  return segments;
}

TableModel read_table(ObjectReader& r) {
  TableModel t;
  r.identifier("name", t.name, Need::required);
  if (const json* per_request = r.object("rows_per_request")) {
    for (const auto& [request, rows] : per_request->items()) {
      const std::string path = join_path(join_path(r.path(), "rows_per_request"), request);
      if (!rows.is_number() || !std::isfinite(rows.get<double>()) || rows.get<double>() < 0 ||
          rows.get<double>() > kMaxRowsPerEvent) {
        r.issues().add(path, "must be a number from 0 to 1000000, got " + describe_value(rows));
      } else {
        t.rows_per_request[request] = rows.get<double>();
      }
    }
  }
  r.number("rows_per_document", t.rows_per_document, between(0, kMaxRowsPerEvent));
  r.number("rows_per_chunk", t.rows_per_chunk, between(0, kMaxRowsPerEvent));
  r.number("rows_per_upload", t.rows_per_upload, between(0, kMaxRowsPerEvent));
  r.number("rows_per_user", t.rows_per_user, between(0, kMaxRowsPerEvent));
  r.choice("retention", t.retention, kRetention, Need::required);
  r.number("payload_bytes", t.payload_bytes, between(0, kMaxBytes));
  r.number("payload_bytes_per_chunk_char", t.payload_bytes_per_chunk_char, between(0, 1000));
  r.number("payload_bytes_per_embedding_dimension", t.payload_bytes_per_embedding_dimension,
           between(0, 1000));
  r.number("fixed_bytes_per_row", t.fixed_bytes_per_row, between(0, kMaxBytes), Need::required);
  r.number("payload_factor", t.payload_factor, between(0, 100), Need::required);
  t.segments = read_segments(r, "segments");
  r.number("fixed_bytes_per_table", t.fixed_bytes_per_table, between(0, 1e12));
  r.text("source", t.source);
  return t;
}

json write_table(const TableModel& t) {
  return {{"name", t.name},
          {"rows_per_request", t.rows_per_request},
          {"rows_per_document", t.rows_per_document},
          {"rows_per_chunk", t.rows_per_chunk},
          {"rows_per_upload", t.rows_per_upload},
          {"rows_per_user", t.rows_per_user},
          {"retention", choice_name(t.retention, kRetention)},
          {"payload_bytes", t.payload_bytes},
          {"payload_bytes_per_chunk_char", t.payload_bytes_per_chunk_char},
          {"payload_bytes_per_embedding_dimension", t.payload_bytes_per_embedding_dimension},
          {"fixed_bytes_per_row", t.fixed_bytes_per_row},
          {"payload_factor", t.payload_factor},
          {"segments", write_segments(t.segments)},
          {"fixed_bytes_per_table", t.fixed_bytes_per_table},
          {"source", t.source}};
}

}  // namespace

DatastoreModel read_datastore_model(ObjectReader& r) {
  DatastoreModel m;
  {
    ObjectReader db(r.object("database"), join_path(r.path(), "database"), r.issues());
    auto& d = m.database;
    const std::string tables_path = join_path(db.path(), "tables");
    d.tables =
        read_object_array<TableModel>(db.array("tables"), tables_path, r.issues(), read_table);
    check_unique_names(d.tables, tables_path, r.issues());
    db.number("queries_per_request", d.queries_per_request, between(0, 1e4));
    db.number("queries_per_worker_task", d.queries_per_worker_task, between(0, 1e4));
    db.number("cpu_ms_per_query", d.cpu_ms_per_query, between(0, 1e5));
    db.number("hot_days", d.hot_days, between(0, 3650));
    db.number("wal_bytes_per_written_byte", d.wal_bytes_per_written_byte, between(0, 100));
    db.number("memory_mib_per_connection", d.memory_mib_per_connection, between(0, 1e4));
    db.text("source", d.source);
    db.finish();
  }
  {
    ObjectReader b(r.object("broker"), join_path(r.path(), "broker"), r.issues());
    auto& k = m.broker;
    b.number("task_body_bytes", k.task_body_bytes, between(0, 1e9));
    b.number("message_overhead_bytes", k.message_overhead_bytes, between(0, 1e9));
    b.number("message_body_factor", k.message_body_factor, between(0, 100));
    k.message_segments = read_segments(b, "message_segments");
    b.number("cache_keys_per_user", k.cache_keys_per_user, between(0, 1e6));
    b.number("cache_key_bytes", k.cache_key_bytes, between(0, 1e6));
    b.number("cache_value_bytes", k.cache_value_bytes, between(0, 1e9));
    b.number("key_overhead_bytes", k.key_overhead_bytes, between(0, 1e6));
    b.number("key_value_factor", k.key_value_factor, between(0, 100));
    b.text("source", k.source);
    b.finish();
  }
  {
    ObjectReader v(r.object("vector_store"), join_path(r.path(), "vector_store"), r.issues());
    v.number("payload_bytes_per_point", m.vector_store.payload_bytes_per_point, between(0, 1e9));
    v.number("payload_bytes_per_chunk_char", m.vector_store.payload_bytes_per_chunk_char,
             between(0, 1000));
    v.text("source", m.vector_store.source);
    v.finish();
  }
  return m;
}

json write_datastore_model(const DatastoreModel& m) {
  json tables = json::array();
  for (const auto& t : m.database.tables) tables.push_back(write_table(t));
  const auto& d = m.database;
  const auto& k = m.broker;
  const auto& v = m.vector_store;
  return {{"database",
           {{"tables", tables},
            {"queries_per_request", d.queries_per_request},
            {"queries_per_worker_task", d.queries_per_worker_task},
            {"cpu_ms_per_query", d.cpu_ms_per_query},
            {"hot_days", d.hot_days},
            {"wal_bytes_per_written_byte", d.wal_bytes_per_written_byte},
            {"memory_mib_per_connection", d.memory_mib_per_connection},
            {"source", d.source}}},
          {"broker",
           {{"task_body_bytes", k.task_body_bytes},
            {"message_overhead_bytes", k.message_overhead_bytes},
            {"message_body_factor", k.message_body_factor},
            {"message_segments", write_segments(k.message_segments)},
            {"cache_keys_per_user", k.cache_keys_per_user},
            {"cache_key_bytes", k.cache_key_bytes},
            {"cache_value_bytes", k.cache_value_bytes},
            {"key_overhead_bytes", k.key_overhead_bytes},
            {"key_value_factor", k.key_value_factor},
            {"source", k.source}}},
          {"vector_store",
           {{"payload_bytes_per_point", v.payload_bytes_per_point},
            {"payload_bytes_per_chunk_char", v.payload_bytes_per_chunk_char},
            {"source", v.source}}}};
}

}  // namespace tierplan::detail
