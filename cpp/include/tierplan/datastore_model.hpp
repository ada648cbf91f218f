#pragma once
// How a stack uses its datastores: the PostgreSQL row model, the Redis broker and
// cache model, and the vector store's payload. Constants are data (per stack), fitted
// from measurements against real servers (tests/integration/measurements).
#include <map>
#include <string>
#include <vector>

namespace tierplan {

enum class RetentionClass {
  messages,       // kept workload.retention.message_retention_days
  workflow_logs,  // kept workflow_log_retention_days when cleanup is enabled, else forever
  horizon,        // never deleted: grows for the whole planning horizon
  knowledge,      // follows the knowledge base (documents, chunks), not time
};

// A piece of a piecewise-linear size: bytes = fixed_bytes + factor * x for x up to
// up_to_bytes (the first piece also serves below its range, the last above).
struct SizeSegment {
  double up_to_bytes = 0.0;
  double fixed_bytes = 0.0;
  double factor = 1.0;
  bool operator==(const SizeSegment&) const = default;
};

// One growing PostgreSQL table. Rows come from events; bytes per row follow
// fixed_bytes_per_row + payload_factor * payload bytes (fitted: tuple header, fixed
// columns, indexes and page fill in the first; inline or TOAST-compressed storage of
// the payload in the second).
struct TableModel {
  std::string name;
  std::map<std::string, double> rows_per_request;  // request class -> rows per request
  double rows_per_document = 0.0;
  double rows_per_chunk = 0.0;
  double rows_per_upload = 0.0;
  double rows_per_user = 0.0;  // per daily active user, once (accounts, end users)
  RetentionClass retention = RetentionClass::horizon;
  // Payload bytes per row: a constant part plus parts that follow the workload.
  double payload_bytes = 0.0;
  double payload_bytes_per_chunk_char = 0.0;
  double payload_bytes_per_embedding_dimension = 0.0;
  double fixed_bytes_per_row = 0.0;
  double payload_factor = 1.0;
  // Measured pieces that replace the single line when present: storage is inline below
  // about 2 kB, then TOASTed and compressed better as values grow.
  std::vector<SizeSegment> segments;
  // Bytes a table holds whatever its rows (a GIN index's recycled pages).
  double fixed_bytes_per_table = 0.0;
  std::string source;
  bool operator==(const TableModel&) const = default;
};

struct DatabaseModel {
  std::vector<TableModel> tables;
  // Queries per api request and per worker task, and the CPU one query costs.
  double queries_per_request = 10.0;
  double queries_per_worker_task = 5.0;
  double cpu_ms_per_query = 1.0;
  // Days of recent rows that queries touch: the working set to keep in shared_buffers.
  double hot_days = 7.0;
  // Memory of one server process per connection (PostgreSQL wiki: a few MiB each).
  double memory_mib_per_connection = 5.0;
  // WAL bytes per byte of table and index written: full-page images after each
  // checkpoint, index entries, updates of hot rows (assumption; full-page images dominate
  // WAL after checkpoints: Cybertec, "Checkpoint distance and amount of WAL").
  double wal_bytes_per_written_byte = 3.0;
  std::string source;
  bool operator==(const DatabaseModel&) const = default;
};

// Redis as Celery broker (db 1) and cache (db 0).
struct BrokerModel {
  double task_body_bytes = 1024.0;            // Celery message body (args, kwargs) before base64
  double message_overhead_bytes = 0.0;        // kombu envelope and list entry, fitted
  double message_body_factor = 1.0;           // base64 (4/3) and encoding, fitted
  std::vector<SizeSegment> message_segments;  // measured pieces by body size
  double cache_keys_per_user = 10.0;
  double cache_key_bytes = 48.0;
  double cache_value_bytes = 512.0;
  double key_overhead_bytes = 0.0;  // dict entry, object headers and TTL, fitted
  double key_value_factor = 1.0;
  std::string source;
  bool operator==(const BrokerModel&) const = default;
};

struct VectorStoreModel {
  // Qdrant payload per point: Dify stores the chunk text and its metadata.
  double payload_bytes_per_point = 200.0;
  double payload_bytes_per_chunk_char = 1.0;
  std::string source;
  bool operator==(const VectorStoreModel&) const = default;
};

struct DatastoreModel {
  DatabaseModel database;
  BrokerModel broker;
  VectorStoreModel vector_store;
  bool operator==(const DatastoreModel&) const = default;
};

std::string to_string(RetentionClass retention);

double segmented_bytes(const std::vector<SizeSegment>& segments, double fixed, double factor,
                       double x);
// Bytes one row of the table takes at that payload (tuple, indexes, TOAST).
double bytes_per_row(const TableModel& table, double payload_bytes);
// Bytes of the whole table with rows rows of that mean payload.
double table_bytes(const TableModel& table, double rows, double payload_bytes);
// Redis bytes per queued Celery message of that body size.
double message_bytes(const BrokerModel& broker, double body_bytes);
// Redis bytes per cache key with a TTL.
double cache_key_bytes(const BrokerModel& broker, double key_bytes, double value_bytes);

}  // namespace tierplan
