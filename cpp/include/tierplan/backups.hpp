#pragma once
// Backups: an environment's backup policy for PostgreSQL (pgBackRest terms), object
// storage (versioning with a lifecycle rule) and the vector store (snapshots or a
// rebuild from the source documents), and the repository size, RPO and RTO they give.
#include <string>

namespace tierplan {

struct DataPlan;
struct DatabaseModel;

// Defaults are assumptions for a production-like environment unless a source is named;
// the built-in scenario sets every field and cites its reasoning in its "sources".
struct PostgresBackupPolicy {
  double full_backup_interval_days = 7.0;  // weekly fulls
  // Continuous WAL archiving (point-in-time recovery); without it a restore returns to
  // the last full backup.
  bool wal_archiving = true;
  // archive_timeout: a WAL segment is archived at least this often.
  double archive_timeout_s = 60.0;  // PostgreSQL docs: a minute or so is reasonable
  // pgBackRest repo1-retention-full: full backups kept; one more exists while the
  // newest completes before the oldest expires.
  int retention_full = 2;
  // Data size / compressed backup size (assumption: JSON-heavy tables compress about 3x).
  double compression_ratio = 3.0;
  // Writing the data files back: the baseline throughput of an EBS gp3 volume (AWS docs).
  double restore_mib_per_s = 125.0;
  // Recovery replaying archived WAL in one startup process (assumption).
  double wal_replay_mib_per_s = 50.0;
  bool operator==(const PostgresBackupPolicy&) const = default;
};

struct ObjectStorageBackupPolicy {
  bool versioning = false;
  // Lifecycle rule: noncurrent versions expire this many days after they are replaced.
  double noncurrent_version_expiration_days = 30.0;  // assumption: a month to notice a loss
  // Share of the stored objects overwritten or deleted per day (each leaves a noncurrent
  // version behind while versioning is on).
  double daily_overwrite_fraction = 0.01;  // assumption
  bool operator==(const ObjectStorageBackupPolicy&) const = default;
};

enum class VectorRecovery { snapshot, rebuild };

struct VectorStoreBackupPolicy {
  VectorRecovery method = VectorRecovery::rebuild;
  double snapshot_interval_hours = 24.0;  // assumption: daily snapshots kept a week
  int snapshots_kept = 7;
  double snapshot_restore_mib_per_s = 125.0;  // EBS gp3 baseline throughput (AWS docs)
  // Chunks embedded and upserted per second when the collection is rebuilt (assumption:
  // a hosted embedding API's batch throughput).
  double embedding_chunks_per_s = 50.0;
  bool operator==(const VectorStoreBackupPolicy&) const = default;
};

struct BackupPolicy {
  PostgresBackupPolicy postgres;
  ObjectStorageBackupPolicy object_storage;
  VectorStoreBackupPolicy vector_store;
  double rto_target_minutes = 240.0;  // assumption: an internal business platform
  double rpo_target_minutes = 60.0;   // assumption
  // The Helm values file (and the planner's overlay) kept in a repository: the
  // configuration is restored from there, not from a backup.
  bool helm_values_in_version_control = true;
  bool operator==(const BackupPolicy&) const = default;
};

struct PostgresBackupPlan {
  bool point_in_time_recovery = false;
  double full_backup_gib = 0.0;  // compressed
  std::string full_backup_reason;
  int full_backups_kept = 0;
  double written_gib_per_day = 0.0;  // table and index bytes written (row model)
  double wal_gib_per_day = 0.0;      // archived WAL (0 without archiving)
  std::string wal_reason;
  double retention_days = 0.0;  // the window the repository covers
  double repository_gib = 0.0;
  std::string repository_reason;
  double rpo_minutes = 0.0;
  std::string rpo_reason;
  double rto_minutes = 0.0;      // worst case: a whole interval of WAL to replay
  double restore_minutes = 0.0;  // of the RTO: writing the data files back
  double replay_minutes = 0.0;   // of the RTO: replaying a full-backup interval of WAL
  std::string rto_reason;
  bool operator==(const PostgresBackupPlan&) const = default;
};

struct ObjectStorageBackupPlan {
  bool versioning = false;
  double noncurrent_version_gib = 0.0;
  std::string reason;
  bool operator==(const ObjectStorageBackupPlan&) const = default;
};

struct VectorStoreBackupPlan {
  VectorRecovery method = VectorRecovery::rebuild;       // the policy's
  VectorRecovery recommended = VectorRecovery::rebuild;  // snapshots when a rebuild is too slow
  double rebuild_minutes = 0.0;
  double snapshot_gib = 0.0;              // one copy of the collection
  double snapshot_storage_gib = 0.0;      // snapshots kept (0 when rebuilding)
  double recovery_minutes = 0.0;          // by the policy's method
  double snapshot_restore_minutes = 0.0;  // restoring one snapshot, whatever the method
  double rpo_minutes = 0.0;
  std::string reason;
  bool operator==(const VectorStoreBackupPlan&) const = default;
};

struct BackupPlan {
  PostgresBackupPlan postgres;
  ObjectStorageBackupPlan object_storage;
  VectorStoreBackupPlan vector_store;
  double rto_target_minutes = 0.0;
  double rpo_target_minutes = 0.0;
  bool helm_values_in_version_control = false;
  // PostgreSQL repository plus vector store snapshots (object versions stay in the bucket).
  double storage_gib = 0.0;
  std::string storage_reason;
  bool operator==(const BackupPlan&) const = default;
};

std::string to_string(VectorRecovery method);

// Backups of the planned data plane under the policy. postgres_standby and
// synchronous describe the topology (for the reasons of RPO and RTO).
BackupPlan plan_backups(const DataPlan& data, const DatabaseModel& database,
                        const BackupPolicy& policy, bool postgres_standby, bool synchronous);

}  // namespace tierplan
