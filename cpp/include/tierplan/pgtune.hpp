#pragma once
// PostgreSQL settings by PGTune's published rules (le0pard/pgtune, the web tool
// https://pgtune.leopard.in.ua), followed at commit 421728c2f26fae14285f9805d31198b98925d697:
// the rules are src/features/configuration/configurationSlice.js, the text the tool prints is
// src/common/components/configurationView/index.jsx (postgresql.conf tab), the accepted inputs
// src/features/configuration/constants.js. Facts carried over; the code is tierplan's own.
//
// PGTune's "OS Type" (linux, windows, mac) changes five settings: see PgOs.
// Every size is in kB (1 kB = 1024 bytes, PostgreSQL's unit for memory settings), as PGTune
// computes it before formatting.
#include <string>
#include <vector>

namespace tierplan {

// PGTune "DB Type": web application, online transaction processing, data warehouse,
// desktop application, mixed type of application.
enum class PgWorkload { web, oltp, dw, desktop, mixed };

// PGTune "OS Type". Off Linux, effective_io_concurrency is left out and PostgreSQL 18's
// asynchronous I/O uses worker processes, not io_uring; macOS has no huge pages; Windows
// 64-bit keeps work_mem, maintenance_work_mem and autovacuum_work_mem below 2 GB up to
// PostgreSQL 17 (selectHugePages, selectMaintenanceWorkMem, selectWorkMem,
// selectAutovacuumWorkMem, selectEffectiveIoConcurrency, selectIoMethod).
// Enumerators named os_*: GNU C++ predefines the macro linux.
enum class PgOs { os_linux, os_windows, os_mac };

// PGTune "Data Storage": the device types it offers at the followed commit.
enum class DiskType { ssd, hdd, san, nvme };

// PostgreSQL major versions PGTune offers at the followed commit (constants.js DB_VERSIONS).
inline constexpr int kPgTuneOldestPostgresVersion = 10;
inline constexpr int kPgTuneNewestPostgresVersion = 18;

struct PgTuneInput {
  int postgres_version = 16;  // kPgTuneOldestPostgresVersion..kPgTuneNewestPostgresVersion
  PgWorkload workload = PgWorkload::web;
  double memory_mib = 0.0;  // memory PostgreSQL may use; a whole number of MiB, as PGTune takes it
  int vcpu = 0;             // >= 1
  int max_connections = 0;  // 0: PGTune's default for the workload
  DiskType disk = DiskType::ssd;
  PgOs os = PgOs::os_linux;
  bool operator==(const PgTuneInput&) const = default;
};

// A setting PGTune leaves out of its output is 0 (numbers) or "" (strings) here.
struct PgTuneSettings {
  int max_connections = 0;
  double shared_buffers_kib = 0.0;
  double effective_cache_size_kib = 0.0;
  double maintenance_work_mem_kib = 0.0;
  double checkpoint_completion_target = 0.0;
  double wal_buffers_kib = 0.0;
  int default_statistics_target = 0;
  double random_page_cost = 0.0;
  int effective_io_concurrency = 0;  // PGTune omits it only off Linux, so always set here
  double work_mem_kib = 0.0;
  std::string huge_pages;                // "try" or "off"
  std::string jit;                       // "off" or ""
  std::string wal_compression;           // "lz4" (PostgreSQL >= 15) or "on"
  int autovacuum_max_workers = 0;        // 4 or 5 on 16+ vCPUs, else 0 (PostgreSQL's default 3)
  double autovacuum_work_mem_kib = 0.0;  // set only when maintenance_work_mem >= 2 GB
  std::string io_method;  // PostgreSQL >= 18: "io_uring" on Linux, "worker" elsewhere; else ""
  int io_workers = 0;     // PostgreSQL >= 18 with 16+ vCPUs, else 0
  double min_wal_size_kib = 0.0;
  double max_wal_size_kib = 0.0;
  // PGTune writes the max_*worker* settings only with 4 or more vCPUs; without them
  // work_mem assumes PostgreSQL's default max_worker_processes of 8.
  bool parallel_settings = false;
  int max_worker_processes = 0;
  int max_parallel_workers_per_gather = 0;
  int max_parallel_workers = 0;
  int max_parallel_maintenance_workers = 0;  // PostgreSQL >= 11 only
  std::string wal_level;                     // "minimal" for desktop, else ""
  int max_wal_senders = 0;  // written (as 0) only with wal_level = minimal, which requires it
  // PGTune's warnings, one sentence each (the tool breaks each over two comment lines).
  std::vector<std::string> warnings;
  bool operator==(const PgTuneSettings&) const = default;
};

// Throws std::invalid_argument for inputs PGTune cannot take: memory not a positive whole
// number of MiB, vcpu < 1, max_connections < 0, a version PGTune does not offer.
PgTuneSettings pgtune(const PgTuneInput& input);

// A kB value the way PGTune prints it: in GB or MB when that unit divides it exactly,
// else in kB ("2GB", "256MB", "5041kB").
std::string pgtune_size(double kib);

// A postgresql.conf fragment: a line naming PGTune and tierplan, a blank line, then the text
// PGTune's web tool shows for these inputs (warnings, the inputs as comments, one
// "name = value" line per setting in the tool's order and units), ending in a newline.
std::string postgresql_conf(const PgTuneInput& input, const PgTuneSettings& settings);

std::string to_string(PgWorkload workload);
std::string to_string(DiskType disk);
std::string to_string(PgOs os);

}  // namespace tierplan
