#include "tierplan/backups.hpp"

#include <algorithm>

#include "io/format.hpp"
#include "planner/planner_detail.hpp"
#include "tierplan/datastores.hpp"
#include "units.hpp"

namespace tierplan {

namespace {

using detail::concat;
using detail::Readable;
using units::kMibPerGib;
using units::kMinutesPerDay;
using units::kMinutesPerHour;
using units::kSecondsPerMinute;

// pgBackRest: retention-full = n keeps n full backups, and n + 1 exist while the newest
// completes before the oldest expires (DESIGN.md: retention-full=2 keeps three).
constexpr int kFullBackupsBeyondRetention = 1;

PostgresBackupPlan plan_postgres_backups(const PostgresPlan& pg, const DatabaseModel& database,
                                         const BackupPolicy& policy) {
  const auto& b = policy.postgres;
  PostgresBackupPlan p;
  p.point_in_time_recovery = b.wal_archiving;
  p.full_backup_gib = pg.data_gib / b.compression_ratio;
  p.full_backups_kept = b.retention_full + kFullBackupsBeyondRetention;
  p.written_gib_per_day = pg.written_gib_per_day;
  p.retention_days = p.full_backups_kept * b.full_backup_interval_days;
  if (b.wal_archiving) {
    p.wal_gib_per_day =
        pg.written_gib_per_day * database.wal_bytes_per_written_byte / b.compression_ratio;
  }
  // WAL is kept for every unexpired full backup (pgBackRest).
  const double wal_kept_gib = p.wal_gib_per_day * p.retention_days;
  p.repository_gib = p.full_backups_kept * p.full_backup_gib + wal_kept_gib;
  // RPO: a disaster (lost primary and standby, a bad migration) is recovered from the
  // repository, which holds WAL up to the last archived segment.
  p.rpo_minutes = b.wal_archiving ? b.archive_timeout_s / kSecondsPerMinute
                                  : b.full_backup_interval_days * kMinutesPerDay;
  // RTO (worst case): restore the whole data set, then replay a whole interval of WAL.
  p.restore_minutes = pg.data_gib * kMibPerGib / b.restore_mib_per_s / kSecondsPerMinute;
  const double replay_gib = b.wal_archiving
                                ? pg.written_gib_per_day * database.wal_bytes_per_written_byte *
                                      b.full_backup_interval_days
                                : 0.0;
  p.replay_minutes = replay_gib * kMibPerGib / b.wal_replay_mib_per_s / kSecondsPerMinute;
  p.rto_minutes = p.restore_minutes + p.replay_minutes;
  return p;
}

void explain_postgres_backups(PostgresBackupPlan& p, const DatabaseModel& database,
                              const PostgresBackupPolicy& b, bool standby, bool synchronous) {
  p.full_backup_reason =
      concat("tables and indexes at the horizon / compression ", Readable{b.compression_ratio});
  p.wal_reason = b.wal_archiving
                     ? concat("bytes written to tables and indexes per day (row model) x ",
                              Readable{database.wal_bytes_per_written_byte},
                              " WAL bytes per byte written (full-page writes, indexes) / "
                              "compression ",
                              Readable{b.compression_ratio})
                     : std::string("no WAL archiving: only full backups are kept");
  p.repository_reason =
      concat(p.full_backups_kept, " full backups (retention_full ", b.retention_full, " + ",
             kFullBackupsBeyondRetention, ") + WAL/day x the days they span (", p.full_backups_kept,
             " x every ", Readable{b.full_backup_interval_days}, " days)");
  const char* standby_note =
      !standby      ? "; no standby: a node loss also restores from the repository"
      : synchronous ? "; the synchronous standby loses nothing on a node loss, but not on a "
                      "disaster or a bad write that it replicates"
                    : "; the asynchronous standby loses its replication lag on a node loss";
  p.rpo_reason =
      b.wal_archiving
          ? concat("WAL archiving with archive_timeout ", Readable{b.archive_timeout_s},
                   " s: at most one unarchived segment is lost", standby_note)
          : concat("no WAL archiving: a restore returns to the last full backup, taken every ",
                   Readable{b.full_backup_interval_days}, " days", standby_note);
  p.rto_reason = concat(
      "restore the data at ", Readable{b.restore_mib_per_s}, " MiB/s (",
      Readable{p.restore_minutes}, " min) + replay ",
      b.wal_archiving ? "a whole full-backup interval of WAL at " : "no WAL (not archived) at ",
      Readable{b.wal_replay_mib_per_s}, " MiB/s (", Readable{p.replay_minutes}, " min)");
}

VectorStoreBackupPlan plan_vector_store_backups(const QdrantPlan& q, const BackupPolicy& policy) {
  const auto& v = policy.vector_store;
  VectorStoreBackupPlan p;
  p.method = v.method;
  p.rebuild_minutes = q.points / v.embedding_chunks_per_s / kSecondsPerMinute;
  // A snapshot holds one copy of the collection (the disk figure covers every replica).
  p.snapshot_gib = q.disk_total_gib / std::max(1, q.replication_factor);
  p.snapshot_restore_minutes =
      p.snapshot_gib * kMibPerGib / v.snapshot_restore_mib_per_s / kSecondsPerMinute;
  p.recommended = p.rebuild_minutes > policy.rto_target_minutes ? VectorRecovery::snapshot
                                                                : VectorRecovery::rebuild;
  if (v.method == VectorRecovery::snapshot) {
    p.snapshot_storage_gib = p.snapshot_gib * v.snapshots_kept;
    p.recovery_minutes = p.snapshot_restore_minutes;
    // Chunks indexed after the snapshot are embedded again from the documents.
    p.rpo_minutes = v.snapshot_interval_hours * kMinutesPerHour;
  } else {
    p.recovery_minutes = p.rebuild_minutes;
    p.rpo_minutes = 0.0;  // the source documents are in object storage and PostgreSQL
  }
  return p;
}

void explain_vector_store_backups(VectorStoreBackupPlan& p, const BackupPolicy& policy) {
  const auto& v = policy.vector_store;
  p.reason = concat("rebuild: the points / ", Readable{v.embedding_chunks_per_s},
                    " chunks/s embedded = ", Readable{p.rebuild_minutes},
                    " min; snapshot: one copy restored at ", Readable{v.snapshot_restore_mib_per_s},
                    " MiB/s = ", Readable{p.snapshot_restore_minutes}, " min; ",
                    p.recommended == VectorRecovery::snapshot
                        ? "snapshots recommended: the rebuild exceeds"
                        : "a rebuild fits",
                    " the RTO target of ", Readable{policy.rto_target_minutes}, " min");
}

}  // namespace

BackupPlan plan_backups(const DataPlan& data, const DatabaseModel& database,
                        const BackupPolicy& policy, bool postgres_standby, bool synchronous) {
  BackupPlan plan = detail::plan_backups(data, database, policy);
  detail::explain_backups(plan, database, policy, postgres_standby, synchronous);
  return plan;
}

BackupPlan detail::plan_backups(const DataPlan& data, const DatabaseModel& database,
                                const BackupPolicy& policy) {
  BackupPlan plan;
  plan.rto_target_minutes = policy.rto_target_minutes;
  plan.rpo_target_minutes = policy.rpo_target_minutes;
  plan.helm_values_in_version_control = policy.helm_values_in_version_control;
  plan.postgres = plan_postgres_backups(data.postgres, database, policy);
  plan.object_storage.versioning = policy.object_storage.versioning;
  plan.object_storage.noncurrent_version_gib = data.object_storage.versions_gib;
  plan.vector_store = plan_vector_store_backups(data.qdrant, policy);
  plan.storage_gib = plan.postgres.repository_gib + plan.vector_store.snapshot_storage_gib;
  return plan;
}

void detail::explain_backups(BackupPlan& plan, const DatabaseModel& database,
                             const BackupPolicy& policy, bool postgres_standby, bool synchronous) {
  explain_postgres_backups(plan.postgres, database, policy.postgres, postgres_standby, synchronous);
  const auto& o = policy.object_storage;
  plan.object_storage.reason =
      o.versioning
          ? concat("versioning on: ", Readable{o.daily_overwrite_fraction * 100.0},
                   "% of the uploads and documents overwritten or deleted per day, noncurrent "
                   "versions expired after ",
                   Readable{o.noncurrent_version_expiration_days}, " days")
          : std::string("versioning off: an overwritten or deleted object cannot be recovered");
  explain_vector_store_backups(plan.vector_store, policy);
  plan.storage_reason = "PostgreSQL repository + vector store snapshots kept";
}

}  // namespace tierplan
