#include "tierplan/pgtune.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <utility>

#include "units.hpp"

// Unless a comment says otherwise, every constant below is a rule of PGTune,
// le0pard/pgtune@421728c2 src/features/configuration/configurationSlice.js.

namespace tierplan {

namespace {

using units::kKibPerGib;
using units::kKibPerMib;
using units::kMibPerGib;

// Default max_connections when the user gives none (selectMaxConnections).
int default_max_connections(PgWorkload workload) {
  switch (workload) {
    case PgWorkload::web:
      return 200;
    case PgWorkload::oltp:
      return 300;
    case PgWorkload::dw:
      return 40;
    case PgWorkload::desktop:
      return 20;
    case PgWorkload::mixed:
      return 100;
  }
  throw std::invalid_argument("unknown PgWorkload");
}

// A desktop shares its memory with other programs: PGTune takes 1/16 of RAM for
// shared_buffers and counts 1/4 as OS cache there; every server workload takes 1/4 and 3/4.
double shared_buffers_fraction(PgWorkload workload) {
  return workload == PgWorkload::desktop ? 1.0 / 16.0 : 1.0 / 4.0;
}
double effective_cache_fraction(PgWorkload workload) {
  return workload == PgWorkload::desktop ? 1.0 / 4.0 : 3.0 / 4.0;
}

// Data warehouses build large indexes, so PGTune gives maintenance 1/8 of RAM, others 1/16;
// capped at 8 GB on Linux (selectMaintenanceWorkMem).
double maintenance_fraction(PgWorkload workload) {
  return workload == PgWorkload::dw ? 1.0 / 8.0 : 1.0 / 16.0;
}
constexpr double kMaintenanceWorkMemCapKib = 8.0 * kKibPerGib;

// wal_buffers follows PostgreSQL's own auto-tuning (added in 9.1): 3% of shared_buffers,
// at most 16 MB, raised to 16 MB above 14 MB, at least 32 kB (selectWalBuffers; PostgreSQL
// docs, "wal_buffers": the default -1 takes 1/32 of shared_buffers, at most one 16 MB WAL
// segment).
constexpr double kWalBuffersCapKib = 16.0 * kKibPerMib;
constexpr double kWalBuffersRoundUpAboveKib = 14.0 * kKibPerMib;
constexpr double kWalBuffersFloorKib = 32.0;

// min_wal_size / max_wal_size in MB by workload (selectCheckpointSegments).
std::pair<double, double> wal_size_mib(PgWorkload workload) {
  switch (workload) {
    case PgWorkload::web:
    case PgWorkload::mixed:
      return {1024.0, 4096.0};
    case PgWorkload::oltp:
      return {2048.0, 8192.0};
    case PgWorkload::dw:
      return {4096.0, 16384.0};
    case PgWorkload::desktop:
      return {100.0, 2048.0};
  }
  throw std::invalid_argument("unknown PgWorkload");
}

// Based on PostgreSQL commit bbcc4eb2, which made 0.9 the default in PostgreSQL 14.
constexpr double kCheckpointCompletionTarget = 0.9;

int default_statistics_target(PgWorkload workload) {
  return workload == PgWorkload::dw ? 500 : 100;
}

// PostgreSQL's default random_page_cost 4.0 models spinning disks; PGTune lowers it to 1.1 for
// every other device (selectRandomPageCost).
double random_page_cost(DiskType disk) { return disk == DiskType::hdd ? 4.0 : 1.1; }

// Concurrent I/O requests the device serves well (selectEffectiveIoConcurrency, Linux).
int effective_io_concurrency(DiskType disk) {
  switch (disk) {
    case DiskType::hdd:
      return 2;
    case DiskType::ssd:
      return 200;
    case DiskType::san:
      return 300;
    case DiskType::nvme:
      return 1000;
  }
  throw std::invalid_argument("unknown DiskType");
}

// Parallel settings are written from 4 vCPUs; workers per gather and parallel maintenance
// workers are ceil(vcpu / 2) capped at 4 (data warehouses: per gather uncapped).
constexpr int kParallelMinVcpu = 4;
constexpr int kParallelWorkersCap = 4;
// max_parallel_workers exists from PostgreSQL 10, max_parallel_maintenance_workers from 11
// (PostgreSQL release notes 10 and 11).
constexpr int kMaxParallelWorkersSince = 10;
constexpr int kMaxParallelMaintenanceWorkersSince = 11;
// PostgreSQL's default max_worker_processes (docs, "max_worker_processes"), which PGTune's
// work_mem divides by when it writes no parallel settings (DEFAULT_DB_SETTINGS).
constexpr int kDefaultMaxWorkerProcesses = 8;

// work_mem = (RAM - shared_buffers) / ((max_connections + max_worker_processes) * 3): each
// connection may run about three sorts or hashes at once (selectWorkMem). Data warehouses and
// mixed loads run larger queries and get half, a desktop a sixth; never below 4 MB.
double work_mem_divisor(PgWorkload workload) {
  switch (workload) {
    case PgWorkload::web:
    case PgWorkload::oltp:
      return 1.0;
    case PgWorkload::dw:
    case PgWorkload::mixed:
      return 2.0;
    case PgWorkload::desktop:
      return 6.0;
  }
  throw std::invalid_argument("unknown PgWorkload");
}
constexpr double kWorkMemSortsPerConnection = 3.0;
constexpr double kWorkMemFloorKib = 4.0 * kKibPerMib;

// huge_pages = try once shared_buffers reaches 2 GB (selectHugePages, Linux).
constexpr double kHugePagesFromSharedBuffersKib = 2.0 * kKibPerGib;

// JIT is on by default from PostgreSQL 12 and slows short queries; PGTune turns it off for
// web, OLTP and mixed loads (selectJit).
constexpr int kJitSince = 12;
bool turns_jit_off(PgWorkload workload) {
  return workload == PgWorkload::web || workload == PgWorkload::oltp ||
         workload == PgWorkload::mixed;
}

// wal_compression takes lz4 from PostgreSQL 15 and a boolean (pglz) before (selectWalCompression).
constexpr int kWalCompressionLz4Since = 15;

// autovacuum_max_workers (PostgreSQL default 3) raised to 4 from 16 vCPUs, 5 from 32.
int autovacuum_max_workers(int vcpu) {
  if (vcpu >= 32) return 5;
  if (vcpu >= 16) return 4;
  return 0;
}

// autovacuum_work_mem is capped at 2 GB per worker once maintenance_work_mem reaches it, so a
// few workers cannot each take the 8 GB maintenance allowance (selectAutovacuumWorkMem).
constexpr double kAutovacuumWorkMemCapKib = 2.0 * kKibPerGib;

// Asynchronous I/O arrived in PostgreSQL 18: io_method = io_uring on Linux, and io_workers
// = vcpu / 4 within 3..32 (PostgreSQL's default and maximum), written only above 3
// (selectIoMethod, selectIoWorkers).
constexpr int kAsyncIoSince = 18;
constexpr int kIoWorkersDefault = 3;
constexpr int kIoWorkersMax = 32;

// Warnings PGTune prints, each as the two comment lines the tool shows
// (selectWarningInfoMessages): outside 256 MB..100 GB of RAM its rules are not tuned.
constexpr double kLowMemoryBelowMib = 256.0;
constexpr double kHighMemoryAboveMib = 100.0 * kMibPerGib;
struct WarningText {
  std::string_view first_line;
  std::string_view second_line;
};
constexpr WarningText kLowMemoryWarning{"this tool not being optimal", "for low memory systems"};
constexpr WarningText kHighMemoryWarning{"this tool not being optimal",
                                         "for very high memory systems"};
constexpr WarningText kLz4Warning{"wal_compression = lz4 requires PostgreSQL",
                                  "to be compiled with --with-lz4"};
constexpr WarningText kIoUringWarning{"io_method = io_uring requires PostgreSQL",
                                      "to be compiled with --with-liburing"};
constexpr std::array<WarningText, 4> kWarnings{kLowMemoryWarning, kHighMemoryWarning, kLz4Warning,
                                               kIoUringWarning};

std::string sentence(const WarningText& warning) {
  std::string text(warning.first_line);
  text += ' ';
  text += warning.second_line;
  return text;
}

void require_valid(const PgTuneInput& input) {
  if (input.postgres_version < kPgTuneOldestPostgresVersion ||
      input.postgres_version > kPgTuneNewestPostgresVersion) {
    throw std::invalid_argument(
        "postgres_version must be " + std::to_string(kPgTuneOldestPostgresVersion) + ".." +
        std::to_string(kPgTuneNewestPostgresVersion) + " (the versions PGTune offers), got " +
        std::to_string(input.postgres_version));
  }
  if (!std::isfinite(input.memory_mib) || !(input.memory_mib > 0.0) ||
      std::floor(input.memory_mib) != input.memory_mib) {
    throw std::invalid_argument("memory_mib must be a positive whole number of MiB, got " +
                                std::to_string(input.memory_mib));
  }
  if (input.vcpu < 1) {
    throw std::invalid_argument("vcpu must be >= 1, got " + std::to_string(input.vcpu));
  }
  if (input.max_connections < 0) {
    throw std::invalid_argument("max_connections must be >= 0 (0: the workload's default), got " +
                                std::to_string(input.max_connections));
  }
  // to_string throws for a value outside the enumerators (e.g. a bad cast from Python).
  (void)to_string(input.workload);
  (void)to_string(input.disk);
}

int ceil_half(int value) { return (value + 1) / 2; }

// Shortest text that reads back as the same double, never in exponent form: what JavaScript
// prints for the numbers PGTune shows (0.9, 1.1, 4, 5041).
std::string plain_number(double value) {
  std::array<char, 400> buffer{};
  const auto [end, error] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  if (error != std::errc{}) throw std::invalid_argument("number too large to print");
  return std::string(buffer.data(), end);
}

std::string memory_as_pgtune_input(double memory_mib) {
  // The tool echoes the amount typed with its unit; GB when the MiB figure is whole GB.
  if (std::fmod(memory_mib, kMibPerGib) == 0.0)
    return plain_number(memory_mib / kMibPerGib) + " GB";
  return plain_number(memory_mib) + " MB";
}

void append_warning_lines(std::string& out, const std::string& warning) {
  for (const WarningText& known : kWarnings) {
    if (sentence(known) == warning) {
      out.append("# ").append(known.first_line).append("\n");
      out.append("# ").append(known.second_line).append("\n");
      return;
    }
  }
  out.append("# ").append(warning).append("\n");
}

void append_setting(std::string& out, std::string_view name, const std::string& value) {
  out.append(name).append(" = ").append(value).append("\n");
}

}  // namespace

std::string to_string(PgOs os) {
  switch (os) {
    case PgOs::os_linux:
      return "linux";
    case PgOs::os_windows:
      return "windows";
    case PgOs::os_mac:
      break;
  }
  return "mac";
}

std::string to_string(PgWorkload workload) {
  switch (workload) {
    case PgWorkload::web:
      return "web";
    case PgWorkload::oltp:
      return "oltp";
    case PgWorkload::dw:
      return "dw";
    case PgWorkload::desktop:
      return "desktop";
    case PgWorkload::mixed:
      return "mixed";
  }
  throw std::invalid_argument("unknown PgWorkload " + std::to_string(static_cast<int>(workload)));
}

std::string to_string(DiskType disk) {
  switch (disk) {
    case DiskType::ssd:
      return "ssd";
    case DiskType::hdd:
      return "hdd";
    case DiskType::san:
      return "san";
    case DiskType::nvme:
      return "nvme";
  }
  throw std::invalid_argument("unknown DiskType " + std::to_string(static_cast<int>(disk)));
}

namespace {

// Windows 64-bit refuses 2 GB or more of work_mem, maintenance_work_mem and
// autovacuum_work_mem up to PostgreSQL 17: PGTune keeps them at 2 GB less 1 MB there.
constexpr int kWindowsMemoryLimitUntilVersion = 17;
constexpr double kWindowsLimitKib = 2.0 * kKibPerMib * kKibPerMib - kKibPerMib;
bool windows_memory_limit(const PgTuneInput& input) {
  return input.os == PgOs::os_windows && input.postgres_version <= kWindowsMemoryLimitUntilVersion;
}

// The workload's share of memory, at most 8 GB, or under Windows' limit; the autovacuum cap
// follows from this value, so a Windows server up to PostgreSQL 17 never reaches it.
double maintenance_work_mem_kib(double memory_kib, const PgTuneInput& input) {
  const double value = std::floor(memory_kib * maintenance_fraction(input.workload));
  if (windows_memory_limit(input)) {
    return value >= kWindowsLimitKib + kKibPerMib ? kWindowsLimitKib : value;
  }
  return std::min(value, kMaintenanceWorkMemCapKib);
}

}  // namespace

PgTuneSettings pgtune(const PgTuneInput& input) {
  require_valid(input);
  const PgWorkload workload = input.workload;
  const int version = input.postgres_version;
  const double memory_kib = input.memory_mib * kKibPerMib;

  PgTuneSettings s;
  s.max_connections =
      input.max_connections > 0 ? input.max_connections : default_max_connections(workload);

  s.shared_buffers_kib = std::floor(memory_kib * shared_buffers_fraction(workload));
  s.effective_cache_size_kib = std::floor(memory_kib * effective_cache_fraction(workload));
  s.maintenance_work_mem_kib = maintenance_work_mem_kib(memory_kib, input);
  s.checkpoint_completion_target = kCheckpointCompletionTarget;

  double wal_buffers = std::min(std::floor(3.0 * s.shared_buffers_kib / 100.0), kWalBuffersCapKib);
  if (wal_buffers > kWalBuffersRoundUpAboveKib) wal_buffers = kWalBuffersCapKib;
  s.wal_buffers_kib = std::max(wal_buffers, kWalBuffersFloorKib);

  s.default_statistics_target = default_statistics_target(workload);
  s.random_page_cost = random_page_cost(input.disk);
  if (input.os == PgOs::os_linux) s.effective_io_concurrency = effective_io_concurrency(input.disk);

  s.parallel_settings = input.vcpu >= kParallelMinVcpu;
  if (s.parallel_settings) {
    s.max_worker_processes = input.vcpu;
    s.max_parallel_workers_per_gather = workload == PgWorkload::dw
                                            ? ceil_half(input.vcpu)
                                            : std::min(ceil_half(input.vcpu), kParallelWorkersCap);
    if (version >= kMaxParallelWorkersSince) s.max_parallel_workers = input.vcpu;
    if (version >= kMaxParallelMaintenanceWorkersSince) {
      s.max_parallel_maintenance_workers = std::min(ceil_half(input.vcpu), kParallelWorkersCap);
    }
  }

  const int workers_for_work_mem =
      s.parallel_settings ? s.max_worker_processes : kDefaultMaxWorkerProcesses;
  const double work_mem_share =
      (memory_kib - s.shared_buffers_kib) /
      (static_cast<double>(s.max_connections + workers_for_work_mem) * kWorkMemSortsPerConnection);
  s.work_mem_kib =
      std::max(std::floor(work_mem_share / work_mem_divisor(workload)), kWorkMemFloorKib);
  if (windows_memory_limit(input)) s.work_mem_kib = std::min(s.work_mem_kib, kWindowsLimitKib);

  s.huge_pages = input.os != PgOs::os_mac && s.shared_buffers_kib >= kHugePagesFromSharedBuffersKib
                     ? "try"
                     : "off";
  if (version >= kJitSince && turns_jit_off(workload)) s.jit = "off";
  s.wal_compression = version >= kWalCompressionLz4Since ? "lz4" : "on";
  s.autovacuum_max_workers = autovacuum_max_workers(input.vcpu);
  if (s.maintenance_work_mem_kib >= kAutovacuumWorkMemCapKib) {
    s.autovacuum_work_mem_kib = kAutovacuumWorkMemCapKib;
  }
  if (version >= kAsyncIoSince) {
    s.io_method = input.os == PgOs::os_linux ? "io_uring" : "worker";
    const int io_workers = std::clamp(input.vcpu / 4, kIoWorkersDefault, kIoWorkersMax);
    if (io_workers > kIoWorkersDefault) s.io_workers = io_workers;
  }

  const auto [min_wal_mib, max_wal_mib] = wal_size_mib(workload);
  s.min_wal_size_kib = min_wal_mib * kKibPerMib;
  s.max_wal_size_kib = max_wal_mib * kKibPerMib;

  // wal_level = minimal needs max_wal_senders = 0 (PostgreSQL docs, "wal_level").
  if (workload == PgWorkload::desktop) {
    s.wal_level = "minimal";
    s.max_wal_senders = 0;
  }

  if (input.memory_mib < kLowMemoryBelowMib) {
    s.warnings.push_back(sentence(kLowMemoryWarning));
  } else if (input.memory_mib > kHighMemoryAboveMib) {
    s.warnings.push_back(sentence(kHighMemoryWarning));
  }
  if (s.wal_compression == "lz4") s.warnings.push_back(sentence(kLz4Warning));
  if (s.io_method == "io_uring") s.warnings.push_back(sentence(kIoUringWarning));
  return s;
}

std::string pgtune_size(double kib) {
  // PGTune's formatValue: the largest unit that loses no resolution.
  if (std::fmod(kib, kKibPerGib) == 0.0) return plain_number(kib / kKibPerGib) + "GB";
  if (std::fmod(kib, kKibPerMib) == 0.0) return plain_number(kib / kKibPerMib) + "MB";
  return plain_number(kib) + "kB";
}

std::string postgresql_conf(const PgTuneInput& input, const PgTuneSettings& s) {
  std::string out =
      "# PGTune rules (https://pgtune.leopard.in.ua, le0pard/pgtune@421728c2), computed by "
      "tierplan\n\n";

  if (!s.warnings.empty()) {
    out += "# WARNING\n";
    for (const std::string& warning : s.warnings) append_warning_lines(out, warning);
    out += "\n";
  }

  out += "# DB Version: " + std::to_string(input.postgres_version) + "\n";
  out += "# OS Type: " + to_string(input.os) + "\n";
  out += "# DB Type: " + to_string(input.workload) + "\n";
  out += "# Total Memory (RAM): " + memory_as_pgtune_input(input.memory_mib) + "\n";
  out += "# CPUs num: " + std::to_string(input.vcpu) + "\n";
  if (input.max_connections > 0) {
    out += "# Connections num: " + std::to_string(input.max_connections) + "\n";
  }
  out += "# Data Storage: " + to_string(input.disk) + "\n";
  out += "\n";

  // The tool's order; it leaves out settings it did not set.
  append_setting(out, "max_connections", std::to_string(s.max_connections));
  append_setting(out, "shared_buffers", pgtune_size(s.shared_buffers_kib));
  append_setting(out, "effective_cache_size", pgtune_size(s.effective_cache_size_kib));
  append_setting(out, "maintenance_work_mem", pgtune_size(s.maintenance_work_mem_kib));
  append_setting(out, "checkpoint_completion_target", plain_number(s.checkpoint_completion_target));
  append_setting(out, "wal_buffers", pgtune_size(s.wal_buffers_kib));
  append_setting(out, "default_statistics_target", std::to_string(s.default_statistics_target));
  append_setting(out, "random_page_cost", plain_number(s.random_page_cost));
  if (s.effective_io_concurrency != 0) {
    append_setting(out, "effective_io_concurrency", std::to_string(s.effective_io_concurrency));
  }
  append_setting(out, "work_mem", pgtune_size(s.work_mem_kib));
  append_setting(out, "huge_pages", s.huge_pages);
  if (!s.jit.empty()) append_setting(out, "jit", s.jit);
  if (!s.wal_compression.empty()) append_setting(out, "wal_compression", s.wal_compression);
  if (s.autovacuum_max_workers != 0) {
    append_setting(out, "autovacuum_max_workers", std::to_string(s.autovacuum_max_workers));
  }
  if (s.autovacuum_work_mem_kib != 0.0) {
    append_setting(out, "autovacuum_work_mem", pgtune_size(s.autovacuum_work_mem_kib));
  }
  if (!s.io_method.empty()) append_setting(out, "io_method", s.io_method);
  if (s.io_workers != 0) append_setting(out, "io_workers", std::to_string(s.io_workers));
  append_setting(out, "min_wal_size", pgtune_size(s.min_wal_size_kib));
  append_setting(out, "max_wal_size", pgtune_size(s.max_wal_size_kib));
  if (s.parallel_settings) {
    append_setting(out, "max_worker_processes", std::to_string(s.max_worker_processes));
    append_setting(out, "max_parallel_workers_per_gather",
                   std::to_string(s.max_parallel_workers_per_gather));
    if (s.max_parallel_workers != 0) {
      append_setting(out, "max_parallel_workers", std::to_string(s.max_parallel_workers));
    }
    if (s.max_parallel_maintenance_workers != 0) {
      append_setting(out, "max_parallel_maintenance_workers",
                     std::to_string(s.max_parallel_maintenance_workers));
    }
  }
  if (!s.wal_level.empty()) {
    append_setting(out, "wal_level", s.wal_level);
    append_setting(out, "max_wal_senders", std::to_string(s.max_wal_senders));
  }
  return out;
}

}  // namespace tierplan
