// PGTune's rules (le0pard/pgtune@421728c2, the web tool pgtune.leopard.in.ua) mirrored exactly.
//
// Three kinds of expected values, all facts of PGTune at that commit:
// - PgTuneUpstreamCases: every Linux expectation of PGTune's own test file,
//   src/features/configuration/__tests__/configurationSlice.test.js, one test per describe().
// - PgTuneCombinations: whole configurations for 28 combinations of memory, vCPUs,
//   connections, disk, workload and version. The figures were produced by running PGTune's
//   selectors from configurationSlice.js@421728c2 under Node (outside this repository) and
//   are recorded here as data.
// - PgTuneConfFragment: postgresql.conf text compared line by line with what the web tool's
//   postgresql.conf tab prints (configurationView/index.jsx@421728c2) for the same inputs.
#include <gtest/gtest.h>

#include <cstddef>
#include <iterator>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tierplan/pgtune.hpp"

namespace {

using tierplan::DiskType;
using tierplan::PgTuneInput;
using tierplan::PgTuneSettings;
using tierplan::PgWorkload;

constexpr double kMib = 1024.0;
constexpr double kGib = 1024.0 * 1024.0;

PgTuneInput input(int version, PgWorkload workload, double memory_mib, int vcpu,
                  int max_connections = 0, DiskType disk = DiskType::ssd) {
  return {version, workload, memory_mib, vcpu, max_connections, disk};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// PGTune's own test file, configurationSlice.test.js@421728c2 (Linux cases). Inputs the JS
// test leaves unset do not enter the selector under test; they are given typical values here.

TEST(PgTuneUpstreamCases, default_max_connections_follow_the_workload) {
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::web, 4096, 2)).max_connections, 200);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::oltp, 4096, 2)).max_connections, 300);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::dw, 4096, 2)).max_connections, 40);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::desktop, 4096, 2)).max_connections, 20);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::mixed, 4096, 2)).max_connections, 100);
}

TEST(PgTuneUpstreamCases, default_statistics_target_is_500_only_for_data_warehouses) {
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::web, 4096, 2)).default_statistics_target, 100);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::oltp, 4096, 2)).default_statistics_target, 100);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::dw, 4096, 2)).default_statistics_target, 500);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::desktop, 4096, 2)).default_statistics_target,
            100);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::mixed, 4096, 2)).default_statistics_target, 100);
}

TEST(PgTuneUpstreamCases, random_page_cost_is_4_on_hdd_and_1_1_elsewhere) {
  const auto cost = [](DiskType disk) {
    return tierplan::pgtune(input(16, PgWorkload::web, 4096, 2, 0, disk)).random_page_cost;
  };
  EXPECT_EQ(cost(DiskType::hdd), 4.0);
  EXPECT_EQ(cost(DiskType::ssd), 1.1);
  EXPECT_EQ(cost(DiskType::san), 1.1);
  EXPECT_EQ(cost(DiskType::nvme), 1.1);
}

TEST(PgTuneUpstreamCases, effective_io_concurrency_on_linux_follows_the_disk) {
  const auto concurrency = [](DiskType disk) {
    return tierplan::pgtune(input(16, PgWorkload::web, 4096, 2, 0, disk)).effective_io_concurrency;
  };
  EXPECT_EQ(concurrency(DiskType::hdd), 2);
  EXPECT_EQ(concurrency(DiskType::ssd), 200);
  EXPECT_EQ(concurrency(DiskType::san), 300);
  EXPECT_EQ(concurrency(DiskType::nvme), 1000);
}

TEST(PgTuneUpstreamCases, parallel_settings_need_four_vcpus_and_follow_the_version) {
  const PgTuneSettings one_cpu = tierplan::pgtune(input(14, PgWorkload::web, 4096, 1));
  EXPECT_FALSE(one_cpu.parallel_settings);
  EXPECT_EQ(one_cpu.max_worker_processes, 0);
  EXPECT_EQ(one_cpu.max_parallel_workers_per_gather, 0);
  EXPECT_EQ(one_cpu.max_parallel_workers, 0);
  EXPECT_EQ(one_cpu.max_parallel_maintenance_workers, 0);

  const PgTuneSettings pg13 = tierplan::pgtune(input(13, PgWorkload::web, 4096, 12));
  EXPECT_TRUE(pg13.parallel_settings);
  EXPECT_EQ(pg13.max_worker_processes, 12);
  EXPECT_EQ(pg13.max_parallel_workers_per_gather, 4);
  EXPECT_EQ(pg13.max_parallel_workers, 12);
  EXPECT_EQ(pg13.max_parallel_maintenance_workers, 4);

  const PgTuneSettings pg10 = tierplan::pgtune(input(10, PgWorkload::web, 4096, 12));
  EXPECT_EQ(pg10.max_worker_processes, 12);
  EXPECT_EQ(pg10.max_parallel_workers_per_gather, 4);
  EXPECT_EQ(pg10.max_parallel_workers, 12);
  EXPECT_EQ(pg10.max_parallel_maintenance_workers, 0);  // PostgreSQL 11 added it

  const PgTuneSettings pg10_31 = tierplan::pgtune(input(10, PgWorkload::web, 4096, 31));
  EXPECT_EQ(pg10_31.max_worker_processes, 31);
  EXPECT_EQ(pg10_31.max_parallel_workers_per_gather, 4);
  EXPECT_EQ(pg10_31.max_parallel_workers, 31);

  const PgTuneSettings dw = tierplan::pgtune(input(12, PgWorkload::dw, 4096, 31));
  EXPECT_EQ(dw.max_worker_processes, 31);
  EXPECT_EQ(dw.max_parallel_workers_per_gather, 16);
  EXPECT_EQ(dw.max_parallel_workers, 31);
  EXPECT_EQ(dw.max_parallel_maintenance_workers, 4);
}

TEST(PgTuneUpstreamCases, wal_level_is_minimal_only_for_desktops) {
  const PgTuneSettings desktop = tierplan::pgtune(input(16, PgWorkload::desktop, 4096, 2));
  EXPECT_EQ(desktop.wal_level, "minimal");
  EXPECT_EQ(desktop.max_wal_senders, 0);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::web, 4096, 2)).wal_level, "");
}

TEST(PgTuneUpstreamCases, maintenance_work_mem_is_a_sixteenth_of_memory_capped_at_8gb) {
  EXPECT_EQ(tierplan::pgtune(input(17, PgWorkload::web, 256 * kMib, 2)).maintenance_work_mem_kib,
            8388608);
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::web, 16 * kMib, 2)).maintenance_work_mem_kib,
            1048576);
}

TEST(PgTuneUpstreamCases, huge_pages_are_tried_from_2gb_of_shared_buffers) {
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::web, 4 * kMib, 2)).huge_pages, "off");
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::web, 16 * kMib, 2)).huge_pages, "try");
}

TEST(PgTuneUpstreamCases, work_mem_never_falls_below_4mb) {
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::web, 4 * kMib, 4, 9999)).work_mem_kib, 4096);
}

TEST(PgTuneUpstreamCases, jit_is_off_for_short_queries_from_postgresql_12) {
  EXPECT_EQ(tierplan::pgtune(input(12, PgWorkload::web, 4096, 2)).jit, "off");
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::oltp, 4096, 2)).jit, "off");
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::dw, 4096, 2)).jit, "");
  EXPECT_EQ(tierplan::pgtune(input(11, PgWorkload::web, 4096, 2)).jit, "");
}

TEST(PgTuneUpstreamCases, wal_compression_is_on_before_15_and_lz4_from_15) {
  EXPECT_EQ(tierplan::pgtune(input(10, PgWorkload::web, 4096, 2)).wal_compression, "on");
  EXPECT_EQ(tierplan::pgtune(input(14, PgWorkload::web, 4096, 2)).wal_compression, "on");
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::web, 4096, 2)).wal_compression, "lz4");
  EXPECT_EQ(tierplan::pgtune(input(17, PgWorkload::web, 4096, 2)).wal_compression, "lz4");
}

TEST(PgTuneUpstreamCases, autovacuum_max_workers_grow_only_on_16_and_32_vcpus) {
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::web, 4096, 32)).autovacuum_max_workers, 5);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::web, 4096, 16)).autovacuum_max_workers, 4);
  EXPECT_EQ(tierplan::pgtune(input(16, PgWorkload::web, 4096, 8)).autovacuum_max_workers, 0);
}

TEST(PgTuneUpstreamCases, autovacuum_work_mem_is_capped_at_2gb_only_with_large_maintenance) {
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::web, 4 * kMib, 2)).autovacuum_work_mem_kib, 0);
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::web, 256 * kMib, 2)).autovacuum_work_mem_kib,
            2097152);
}

TEST(PgTuneUpstreamCases, io_workers_are_a_quarter_of_the_vcpus_from_postgresql_18) {
  EXPECT_EQ(tierplan::pgtune(input(17, PgWorkload::web, 4096, 32)).io_workers, 0);
  EXPECT_EQ(tierplan::pgtune(input(18, PgWorkload::web, 4096, 8)).io_workers, 0);
  EXPECT_EQ(tierplan::pgtune(input(18, PgWorkload::web, 4096, 32)).io_workers, 8);
  EXPECT_EQ(tierplan::pgtune(input(18, PgWorkload::web, 4096, 64)).io_workers, 16);
  EXPECT_EQ(tierplan::pgtune(input(18, PgWorkload::web, 4096, 256)).io_workers, 32);
}

TEST(PgTuneUpstreamCases, io_method_is_io_uring_on_linux_from_postgresql_18) {
  EXPECT_EQ(tierplan::pgtune(input(17, PgWorkload::web, 4096, 2)).io_method, "");
  EXPECT_EQ(tierplan::pgtune(input(18, PgWorkload::web, 4096, 2)).io_method, "io_uring");
}

TEST(PgTuneUpstreamCases, warnings_name_memory_outside_the_tuned_range_and_build_options) {
  using Warnings = std::vector<std::string>;
  EXPECT_EQ(tierplan::pgtune(input(14, PgWorkload::web, 4 * kMib, 2)).warnings, Warnings{});
  EXPECT_EQ(tierplan::pgtune(input(14, PgWorkload::web, 128, 2)).warnings,
            Warnings{"this tool not being optimal for low memory systems"});
  EXPECT_EQ(tierplan::pgtune(input(14, PgWorkload::web, 256 * kMib, 2)).warnings,
            Warnings{"this tool not being optimal for very high memory systems"});
  EXPECT_EQ(tierplan::pgtune(input(15, PgWorkload::web, 4 * kMib, 2)).warnings,
            Warnings{"wal_compression = lz4 requires PostgreSQL to be compiled with --with-lz4"});
  EXPECT_EQ(
      tierplan::pgtune(input(18, PgWorkload::web, 4 * kMib, 2)).warnings,
      (Warnings{"wal_compression = lz4 requires PostgreSQL to be compiled with --with-lz4",
                "io_method = io_uring requires PostgreSQL to be compiled with --with-liburing"}));
}

// ---------------------------------------------------------------------------------------------
// Whole configurations: PGTune's selectors (configurationSlice.js@421728c2) run under Node for
// each input. Sizes in kB; 0 or "" where PGTune writes nothing.

struct SizesKib {
  double shared_buffers, effective_cache_size, maintenance_work_mem, wal_buffers, work_mem,
      autovacuum_work_mem, min_wal_size, max_wal_size;
};
struct Numbers {
  int max_connections, default_statistics_target;
  double random_page_cost;
  int effective_io_concurrency, autovacuum_max_workers, io_workers;
};
struct Switches {
  const char *huge_pages, *jit, *wal_compression, *io_method, *wal_level;
};
struct Parallel {
  int max_worker_processes, max_parallel_workers_per_gather, max_parallel_workers,
      max_parallel_maintenance_workers;
};
struct Combination {
  const char* name;
  PgTuneInput input;  // version, workload, memory MiB, vCPUs, connections (0: default), disk
  SizesKib kib;
  Numbers numbers;
  Switches switches;
  Parallel parallel;
  std::size_t warnings;
};

// A row: name; input {version, workload, MiB, vCPUs, connections (0: default), disk};
// kB {shared_buffers, effective_cache_size, maintenance_work_mem, wal_buffers, work_mem,
// autovacuum_work_mem, min_wal_size, max_wal_size}; {max_connections, default_statistics_target,
// random_page_cost, effective_io_concurrency, autovacuum_max_workers, io_workers};
// {huge_pages, jit, wal_compression, io_method, wal_level}; {max_worker_processes,
// max_parallel_workers_per_gather, max_parallel_workers, max_parallel_maintenance_workers};
// number of warnings. Dify Enterprise's PostgreSQL references are the first two rows: test
// 2 vCPU / 4 GiB, production 4 vCPU / 8 GiB (tests/data/reference/dify-enterprise.json).
const Combination kCombinations[] = {
    {"web_4gib_2vcpu_default_connections_ssd",
     {16, PgWorkload::web, 4096, 2, 0, DiskType::ssd},
     {1048576, 3145728, 262144, 16384, 5041, 0, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"off", "off", "lz4", "", ""},
     {0, 0, 0, 0},
     1},
    {"web_8gib_4vcpu_default_connections_ssd",
     {16, PgWorkload::web, 8192, 4, 0, DiskType::ssd},
     {2097152, 6291456, 524288, 16384, 10280, 0, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"try", "off", "lz4", "", ""},
     {4, 2, 4, 2},
     1},
    {"web_4gib_2vcpu_100_connections_ssd",
     {16, PgWorkload::web, 4096, 2, 100, DiskType::ssd},
     {1048576, 3145728, 262144, 16384, 9709, 0, 1048576, 4194304},
     {100, 100, 1.1, 200, 0, 0},
     {"off", "off", "lz4", "", ""},
     {0, 0, 0, 0},
     1},
    {"web_8gib_4vcpu_500_connections_ssd",
     {16, PgWorkload::web, 8192, 4, 500, DiskType::ssd},
     {2097152, 6291456, 524288, 16384, 4161, 0, 1048576, 4194304},
     {500, 100, 1.1, 200, 0, 0},
     {"try", "off", "lz4", "", ""},
     {4, 2, 4, 2},
     1},
    {"web_32gib_8vcpu_default_connections_ssd",
     {16, PgWorkload::web, 32768, 8, 0, DiskType::ssd},
     {8388608, 25165824, 2097152, 16384, 40329, 2097152, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"try", "off", "lz4", "", ""},
     {8, 4, 8, 4},
     1},
    {"web_64gib_16vcpu_default_connections_ssd",
     {16, PgWorkload::web, 65536, 16, 0, DiskType::ssd},
     {16777216, 50331648, 4194304, 16384, 77672, 2097152, 1048576, 4194304},
     {200, 100, 1.1, 200, 4, 0},
     {"try", "off", "lz4", "", ""},
     {16, 4, 16, 4},
     1},
    {"web_128gib_32vcpu_1000_connections_nvme",
     {16, PgWorkload::web, 131072, 32, 1000, DiskType::nvme},
     {33554432, 100663296, 8388608, 16384, 32513, 2097152, 1048576, 4194304},
     {1000, 100, 1.1, 1000, 5, 0},
     {"try", "off", "lz4", "", ""},
     {32, 4, 32, 4},
     2},
    {"web_16gib_4vcpu_default_connections_hdd",
     {16, PgWorkload::web, 16384, 4, 0, DiskType::hdd},
     {4194304, 12582912, 1048576, 16384, 20560, 0, 1048576, 4194304},
     {200, 100, 4, 2, 0, 0},
     {"try", "off", "lz4", "", ""},
     {4, 2, 4, 2},
     1},
    {"web_2gib_1vcpu_50_connections_san",
     {16, PgWorkload::web, 2048, 1, 50, DiskType::san},
     {524288, 1572864, 131072, 16384, 9039, 0, 1048576, 4194304},
     {50, 100, 1.1, 300, 0, 0},
     {"off", "off", "lz4", "", ""},
     {0, 0, 0, 0},
     1},
    {"web_512mib_1vcpu_default_connections_ssd",
     {16, PgWorkload::web, 512, 1, 0, DiskType::ssd},
     {131072, 393216, 32768, 3932, 4096, 0, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"off", "off", "lz4", "", ""},
     {0, 0, 0, 0},
     1},
    {"web_1536mib_3vcpu_default_connections_ssd",
     {16, PgWorkload::web, 1536, 3, 0, DiskType::ssd},
     {393216, 1179648, 98304, 11796, 4096, 0, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"off", "off", "lz4", "", ""},
     {0, 0, 0, 0},
     1},
    {"web_6gib_4vcpu_default_connections_ssd",
     {16, PgWorkload::web, 6144, 4, 0, DiskType::ssd},
     {1572864, 4718592, 393216, 16384, 7710, 0, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"off", "off", "lz4", "", ""},
     {4, 2, 4, 2},
     1},
    {"web_48gib_12vcpu_300_connections_san",
     {16, PgWorkload::web, 49152, 12, 300, DiskType::san},
     {12582912, 37748736, 3145728, 16384, 40329, 2097152, 1048576, 4194304},
     {300, 100, 1.1, 300, 0, 0},
     {"try", "off", "lz4", "", ""},
     {12, 4, 12, 4},
     1},
    {"web_200mib_1vcpu_20_connections_hdd",
     {16, PgWorkload::web, 200, 1, 20, DiskType::hdd},
     {51200, 153600, 12800, 1536, 4096, 0, 1048576, 4194304},
     {20, 100, 4, 2, 0, 0},
     {"off", "off", "lz4", "", ""},
     {0, 0, 0, 0},
     2},
    {"web_8gib_4vcpu_pg10_ssd",
     {10, PgWorkload::web, 8192, 4, 0, DiskType::ssd},
     {2097152, 6291456, 524288, 16384, 10280, 0, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"try", "", "on", "", ""},
     {4, 2, 4, 0},
     0},
    {"web_8gib_4vcpu_pg13_ssd",
     {13, PgWorkload::web, 8192, 4, 0, DiskType::ssd},
     {2097152, 6291456, 524288, 16384, 10280, 0, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"try", "off", "on", "", ""},
     {4, 2, 4, 2},
     0},
    {"web_8gib_4vcpu_pg18_ssd",
     {18, PgWorkload::web, 8192, 4, 0, DiskType::ssd},
     {2097152, 6291456, 524288, 16384, 10280, 0, 1048576, 4194304},
     {200, 100, 1.1, 200, 0, 0},
     {"try", "off", "lz4", "io_uring", ""},
     {4, 2, 4, 2},
     2},
    {"oltp_4gib_2vcpu_default_connections_ssd",
     {16, PgWorkload::oltp, 4096, 2, 0, DiskType::ssd},
     {1048576, 3145728, 262144, 16384, 4096, 0, 2097152, 8388608},
     {300, 100, 1.1, 200, 0, 0},
     {"off", "off", "lz4", "", ""},
     {0, 0, 0, 0},
     1},
    {"oltp_8gib_4vcpu_default_connections_hdd",
     {16, PgWorkload::oltp, 8192, 4, 0, DiskType::hdd},
     {2097152, 6291456, 524288, 16384, 6898, 0, 2097152, 8388608},
     {300, 100, 4, 2, 0, 0},
     {"try", "off", "lz4", "", ""},
     {4, 2, 4, 2},
     1},
    {"oltp_32gib_8vcpu_400_connections_san",
     {16, PgWorkload::oltp, 32768, 8, 400, DiskType::san},
     {8388608, 25165824, 2097152, 16384, 20560, 2097152, 2097152, 8388608},
     {400, 100, 1.1, 300, 0, 0},
     {"try", "off", "lz4", "", ""},
     {8, 4, 8, 4},
     1},
    {"oltp_64gib_16vcpu_default_connections_ssd",
     {16, PgWorkload::oltp, 65536, 16, 0, DiskType::ssd},
     {16777216, 50331648, 4194304, 16384, 53092, 2097152, 2097152, 8388608},
     {300, 100, 1.1, 200, 4, 0},
     {"try", "off", "lz4", "", ""},
     {16, 4, 16, 4},
     1},
    {"oltp_256gib_64vcpu_2000_connections_nvme",
     {17, PgWorkload::oltp, 262144, 64, 2000, DiskType::nvme},
     {67108864, 201326592, 8388608, 16384, 32513, 2097152, 2097152, 8388608},
     {2000, 100, 1.1, 1000, 5, 0},
     {"try", "off", "lz4", "", ""},
     {64, 4, 64, 4},
     2},
    {"oltp_64gib_16vcpu_pg18_nvme",
     {18, PgWorkload::oltp, 65536, 16, 0, DiskType::nvme},
     {16777216, 50331648, 4194304, 16384, 53092, 2097152, 2097152, 8388608},
     {300, 100, 1.1, 1000, 4, 4},
     {"try", "off", "lz4", "io_uring", ""},
     {16, 4, 16, 4},
     2},
    {"dw_64gib_16vcpu_default_connections_ssd",
     {16, PgWorkload::dw, 65536, 16, 0, DiskType::ssd},
     {16777216, 50331648, 8388608, 16384, 149796, 2097152, 4194304, 16777216},
     {40, 500, 1.1, 200, 4, 0},
     {"try", "", "lz4", "", ""},
     {16, 8, 16, 4},
     1},
    {"dw_32gib_31vcpu_pg12_hdd",
     {12, PgWorkload::dw, 32768, 31, 0, DiskType::hdd},
     {8388608, 25165824, 4194304, 16384, 59074, 2097152, 4194304, 16777216},
     {40, 500, 4, 2, 4, 0},
     {"try", "", "on", "", ""},
     {31, 16, 31, 4},
     0},
    {"desktop_8gib_4vcpu_default_connections_ssd",
     {16, PgWorkload::desktop, 8192, 4, 0, DiskType::ssd},
     {524288, 2097152, 524288, 16384, 18204, 0, 102400, 2097152},
     {20, 100, 1.1, 200, 0, 0},
     {"off", "", "lz4", "", "minimal"},
     {4, 2, 4, 2},
     1},
    {"mixed_16gib_8vcpu_default_connections_san",
     {16, PgWorkload::mixed, 16384, 8, 0, DiskType::san},
     {4194304, 12582912, 1048576, 16384, 19418, 0, 1048576, 4194304},
     {100, 100, 1.1, 300, 0, 0},
     {"try", "off", "lz4", "", ""},
     {8, 4, 8, 4},
     1},
    {"mixed_1gib_2vcpu_pg11_hdd",
     {11, PgWorkload::mixed, 1024, 2, 0, DiskType::hdd},
     {262144, 786432, 65536, 7864, 4096, 0, 1048576, 4194304},
     {100, 100, 4, 2, 0, 0},
     {"off", "", "on", "", ""},
     {0, 0, 0, 0},
     0},
};

class PgTuneCombination : public ::testing::TestWithParam<Combination> {};

TEST_P(PgTuneCombination, every_setting_equals_pgtune) {
  const Combination& c = GetParam();
  const PgTuneSettings s = tierplan::pgtune(c.input);
  EXPECT_EQ(s.max_connections, c.numbers.max_connections);
  EXPECT_EQ(s.shared_buffers_kib, c.kib.shared_buffers);
  EXPECT_EQ(s.effective_cache_size_kib, c.kib.effective_cache_size);
  EXPECT_EQ(s.maintenance_work_mem_kib, c.kib.maintenance_work_mem);
  EXPECT_EQ(s.checkpoint_completion_target, 0.9);
  EXPECT_EQ(s.wal_buffers_kib, c.kib.wal_buffers);
  EXPECT_EQ(s.default_statistics_target, c.numbers.default_statistics_target);
  EXPECT_EQ(s.random_page_cost, c.numbers.random_page_cost);
  EXPECT_EQ(s.effective_io_concurrency, c.numbers.effective_io_concurrency);
  EXPECT_EQ(s.work_mem_kib, c.kib.work_mem);
  EXPECT_EQ(s.huge_pages, c.switches.huge_pages);
  EXPECT_EQ(s.jit, c.switches.jit);
  EXPECT_EQ(s.wal_compression, c.switches.wal_compression);
  EXPECT_EQ(s.autovacuum_max_workers, c.numbers.autovacuum_max_workers);
  EXPECT_EQ(s.autovacuum_work_mem_kib, c.kib.autovacuum_work_mem);
  EXPECT_EQ(s.io_method, c.switches.io_method);
  EXPECT_EQ(s.io_workers, c.numbers.io_workers);
  EXPECT_EQ(s.min_wal_size_kib, c.kib.min_wal_size);
  EXPECT_EQ(s.max_wal_size_kib, c.kib.max_wal_size);
  EXPECT_EQ(s.parallel_settings, c.parallel.max_worker_processes != 0);
  EXPECT_EQ(s.max_worker_processes, c.parallel.max_worker_processes);
  EXPECT_EQ(s.max_parallel_workers_per_gather, c.parallel.max_parallel_workers_per_gather);
  EXPECT_EQ(s.max_parallel_workers, c.parallel.max_parallel_workers);
  EXPECT_EQ(s.max_parallel_maintenance_workers, c.parallel.max_parallel_maintenance_workers);
  EXPECT_EQ(s.wal_level, c.switches.wal_level);
  EXPECT_EQ(s.warnings.size(), c.warnings);
}

INSTANTIATE_TEST_SUITE_P(PgTune, PgTuneCombination, ::testing::ValuesIn(kCombinations),
                         [](const ::testing::TestParamInfo<Combination>& row) {
                           return std::string(row.param.name);
                         });

TEST(PgTuneCombinations, cover_at_least_twenty_inputs_across_disks_and_connections) {
  std::size_t explicit_connections = 0;
  std::size_t hdd = 0, ssd = 0, san = 0, nvme = 0;
  for (const Combination& c : kCombinations) {
    if (c.input.max_connections != 0) ++explicit_connections;
    hdd += c.input.disk == DiskType::hdd;
    ssd += c.input.disk == DiskType::ssd;
    san += c.input.disk == DiskType::san;
    nvme += c.input.disk == DiskType::nvme;
  }
  EXPECT_GE(std::size(kCombinations), 20u);
  EXPECT_GE(explicit_connections, 5u);
  EXPECT_GE(std::size(kCombinations) - explicit_connections, 5u);
  EXPECT_GE(hdd, 3u);
  EXPECT_GE(ssd, 3u);
  EXPECT_GE(san, 3u);
  EXPECT_GE(nvme, 2u);
}

// ---------------------------------------------------------------------------------------------
// postgresql.conf text: after tierplan's source line and a blank line, exactly what the web
// tool's postgresql.conf tab shows (configurationView/index.jsx@421728c2 run under Node).

void expect_pgtune_text(const PgTuneInput& in, const std::string& pgtune_text) {
  const std::string conf = tierplan::postgresql_conf(in, tierplan::pgtune(in));
  ASSERT_FALSE(conf.empty());
  EXPECT_EQ(conf.back(), '\n');
  const std::vector<std::string> actual = lines_of(conf);
  const std::vector<std::string> expected = lines_of(pgtune_text);
  ASSERT_GE(actual.size(), 2u);
  EXPECT_NE(actual[0].find("PGTune"), std::string::npos) << actual[0];
  EXPECT_EQ(actual[0].rfind("# ", 0), 0u) << actual[0];
  EXPECT_EQ(actual[1], "");
  ASSERT_EQ(actual.size() - 2, expected.size()) << conf;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(actual[i + 2], expected[i]) << "line " << i + 3;
  }
}

TEST(PgTuneConfFragment, dify_test_postgres_2_vcpu_4_gib_web) {
  expect_pgtune_text(input(16, PgWorkload::web, 4096, 2), R"(# WARNING
# wal_compression = lz4 requires PostgreSQL
# to be compiled with --with-lz4

# DB Version: 16
# OS Type: linux
# DB Type: web
# Total Memory (RAM): 4 GB
# CPUs num: 2
# Data Storage: ssd

max_connections = 200
shared_buffers = 1GB
effective_cache_size = 3GB
maintenance_work_mem = 256MB
checkpoint_completion_target = 0.9
wal_buffers = 16MB
default_statistics_target = 100
random_page_cost = 1.1
effective_io_concurrency = 200
work_mem = 5041kB
huge_pages = off
jit = off
wal_compression = lz4
min_wal_size = 1GB
max_wal_size = 4GB)");
}

TEST(PgTuneConfFragment, dify_production_postgres_4_vcpu_8_gib_web) {
  expect_pgtune_text(input(16, PgWorkload::web, 8192, 4), R"(# WARNING
# wal_compression = lz4 requires PostgreSQL
# to be compiled with --with-lz4

# DB Version: 16
# OS Type: linux
# DB Type: web
# Total Memory (RAM): 8 GB
# CPUs num: 4
# Data Storage: ssd

max_connections = 200
shared_buffers = 2GB
effective_cache_size = 6GB
maintenance_work_mem = 512MB
checkpoint_completion_target = 0.9
wal_buffers = 16MB
default_statistics_target = 100
random_page_cost = 1.1
effective_io_concurrency = 200
work_mem = 10280kB
huge_pages = try
jit = off
wal_compression = lz4
min_wal_size = 1GB
max_wal_size = 4GB
max_worker_processes = 4
max_parallel_workers_per_gather = 2
max_parallel_workers = 4
max_parallel_maintenance_workers = 2)");
}

TEST(PgTuneConfFragment, very_high_memory_web_with_explicit_connections_on_nvme) {
  expect_pgtune_text(input(16, PgWorkload::web, 131072, 32, 1000, DiskType::nvme), R"(# WARNING
# this tool not being optimal
# for very high memory systems
# wal_compression = lz4 requires PostgreSQL
# to be compiled with --with-lz4

# DB Version: 16
# OS Type: linux
# DB Type: web
# Total Memory (RAM): 128 GB
# CPUs num: 32
# Connections num: 1000
# Data Storage: nvme

max_connections = 1000
shared_buffers = 32GB
effective_cache_size = 96GB
maintenance_work_mem = 8GB
checkpoint_completion_target = 0.9
wal_buffers = 16MB
default_statistics_target = 100
random_page_cost = 1.1
effective_io_concurrency = 1000
work_mem = 32513kB
huge_pages = try
jit = off
wal_compression = lz4
autovacuum_max_workers = 5
autovacuum_work_mem = 2GB
min_wal_size = 1GB
max_wal_size = 4GB
max_worker_processes = 32
max_parallel_workers_per_gather = 4
max_parallel_workers = 32
max_parallel_maintenance_workers = 4)");
}

TEST(PgTuneConfFragment, oltp_on_postgresql_18_adds_asynchronous_io) {
  expect_pgtune_text(input(18, PgWorkload::oltp, 65536, 16, 0, DiskType::nvme), R"(# WARNING
# wal_compression = lz4 requires PostgreSQL
# to be compiled with --with-lz4
# io_method = io_uring requires PostgreSQL
# to be compiled with --with-liburing

# DB Version: 18
# OS Type: linux
# DB Type: oltp
# Total Memory (RAM): 64 GB
# CPUs num: 16
# Data Storage: nvme

max_connections = 300
shared_buffers = 16GB
effective_cache_size = 48GB
maintenance_work_mem = 4GB
checkpoint_completion_target = 0.9
wal_buffers = 16MB
default_statistics_target = 100
random_page_cost = 1.1
effective_io_concurrency = 1000
work_mem = 53092kB
huge_pages = try
jit = off
wal_compression = lz4
autovacuum_max_workers = 4
autovacuum_work_mem = 2GB
io_method = io_uring
io_workers = 4
min_wal_size = 2GB
max_wal_size = 8GB
max_worker_processes = 16
max_parallel_workers_per_gather = 4
max_parallel_workers = 16
max_parallel_maintenance_workers = 4)");
}

TEST(PgTuneConfFragment, desktop_ends_with_minimal_wal) {
  expect_pgtune_text(input(16, PgWorkload::desktop, 8192, 4), R"(# WARNING
# wal_compression = lz4 requires PostgreSQL
# to be compiled with --with-lz4

# DB Version: 16
# OS Type: linux
# DB Type: desktop
# Total Memory (RAM): 8 GB
# CPUs num: 4
# Data Storage: ssd

max_connections = 20
shared_buffers = 512MB
effective_cache_size = 2GB
maintenance_work_mem = 512MB
checkpoint_completion_target = 0.9
wal_buffers = 16MB
default_statistics_target = 100
random_page_cost = 1.1
effective_io_concurrency = 200
work_mem = 18204kB
huge_pages = off
wal_compression = lz4
min_wal_size = 100MB
max_wal_size = 2GB
max_worker_processes = 4
max_parallel_workers_per_gather = 2
max_parallel_workers = 4
max_parallel_maintenance_workers = 2
wal_level = minimal
max_wal_senders = 0)");
}

TEST(PgTuneConfFragment, postgresql_11_on_hdd_has_no_warnings) {
  expect_pgtune_text(input(11, PgWorkload::mixed, 1024, 2, 0, DiskType::hdd), R"(# DB Version: 11
# OS Type: linux
# DB Type: mixed
# Total Memory (RAM): 1 GB
# CPUs num: 2
# Data Storage: hdd

max_connections = 100
shared_buffers = 256MB
effective_cache_size = 768MB
maintenance_work_mem = 64MB
checkpoint_completion_target = 0.9
wal_buffers = 7864kB
default_statistics_target = 100
random_page_cost = 4
effective_io_concurrency = 2
work_mem = 4MB
huge_pages = off
wal_compression = on
min_wal_size = 1GB
max_wal_size = 4GB)");
}

TEST(PgTuneConfFragment, low_memory_is_echoed_in_mb) {
  expect_pgtune_text(input(16, PgWorkload::web, 200, 1, 20, DiskType::hdd), R"(# WARNING
# this tool not being optimal
# for low memory systems
# wal_compression = lz4 requires PostgreSQL
# to be compiled with --with-lz4

# DB Version: 16
# OS Type: linux
# DB Type: web
# Total Memory (RAM): 200 MB
# CPUs num: 1
# Connections num: 20
# Data Storage: hdd

max_connections = 20
shared_buffers = 50MB
effective_cache_size = 150MB
maintenance_work_mem = 12800kB
checkpoint_completion_target = 0.9
wal_buffers = 1536kB
default_statistics_target = 100
random_page_cost = 4
effective_io_concurrency = 2
work_mem = 4MB
huge_pages = off
jit = off
wal_compression = lz4
min_wal_size = 1GB
max_wal_size = 4GB)");
}

// ---------------------------------------------------------------------------------------------
// PGTune's formatValue and the rules' shape.

TEST(PgTuneSize, uses_the_largest_unit_that_divides_exactly) {
  EXPECT_EQ(tierplan::pgtune_size(8 * kGib), "8GB");
  EXPECT_EQ(tierplan::pgtune_size(1536 * kMib), "1536MB");
  EXPECT_EQ(tierplan::pgtune_size(256 * kMib), "256MB");
  EXPECT_EQ(tierplan::pgtune_size(5041), "5041kB");
  EXPECT_EQ(tierplan::pgtune_size(7864), "7864kB");
  EXPECT_EQ(tierplan::pgtune_size(1024 * kGib), "1024GB");
}

TEST(PgTuneRules, explicit_connections_shrink_work_mem_and_appear_in_the_header) {
  const PgTuneInput defaults = input(16, PgWorkload::web, 4096, 2);
  const PgTuneInput explicit_500 = input(16, PgWorkload::web, 4096, 2, 500);
  EXPECT_GT(tierplan::pgtune(defaults).work_mem_kib, tierplan::pgtune(explicit_500).work_mem_kib);
  EXPECT_EQ(
      tierplan::postgresql_conf(defaults, tierplan::pgtune(defaults)).find("# Connections num:"),
      std::string::npos);
  EXPECT_NE(tierplan::postgresql_conf(explicit_500, tierplan::pgtune(explicit_500))
                .find("# Connections num: 500\n"),
            std::string::npos);
}

TEST(PgTuneRules, memory_settings_are_quarters_of_memory_for_servers) {
  const PgTuneSettings s = tierplan::pgtune(input(16, PgWorkload::web, 32 * kMib, 8));
  EXPECT_EQ(s.shared_buffers_kib, 8 * kGib);
  EXPECT_EQ(s.effective_cache_size_kib, 24 * kGib);
  EXPECT_EQ(s.maintenance_work_mem_kib, 2 * kGib);
}

TEST(PgTuneRules, names_workloads_and_disks_as_pgtune_does) {
  EXPECT_EQ(tierplan::to_string(PgWorkload::web), "web");
  EXPECT_EQ(tierplan::to_string(PgWorkload::oltp), "oltp");
  EXPECT_EQ(tierplan::to_string(PgWorkload::dw), "dw");
  EXPECT_EQ(tierplan::to_string(PgWorkload::desktop), "desktop");
  EXPECT_EQ(tierplan::to_string(PgWorkload::mixed), "mixed");
  EXPECT_EQ(tierplan::to_string(DiskType::ssd), "ssd");
  EXPECT_EQ(tierplan::to_string(DiskType::hdd), "hdd");
  EXPECT_EQ(tierplan::to_string(DiskType::san), "san");
  EXPECT_EQ(tierplan::to_string(DiskType::nvme), "nvme");
}

TEST(PgTuneRules, rejects_inputs_pgtune_cannot_take) {
  EXPECT_THROW(tierplan::pgtune(input(16, PgWorkload::web, 0, 2)), std::invalid_argument);
  EXPECT_THROW(tierplan::pgtune(input(16, PgWorkload::web, -1024, 2)), std::invalid_argument);
  EXPECT_THROW(tierplan::pgtune(input(16, PgWorkload::web, 1024.5, 2)), std::invalid_argument);
  EXPECT_THROW(
      tierplan::pgtune(input(16, PgWorkload::web, std::numeric_limits<double>::quiet_NaN(), 2)),
      std::invalid_argument);
  EXPECT_THROW(
      tierplan::pgtune(input(16, PgWorkload::web, std::numeric_limits<double>::infinity(), 2)),
      std::invalid_argument);
  EXPECT_THROW(tierplan::pgtune(input(16, PgWorkload::web, 4096, 0)), std::invalid_argument);
  EXPECT_THROW(tierplan::pgtune(input(16, PgWorkload::web, 4096, 2, -1)), std::invalid_argument);
  EXPECT_THROW(tierplan::pgtune(input(9, PgWorkload::web, 4096, 2)), std::invalid_argument);
  EXPECT_THROW(tierplan::pgtune(input(19, PgWorkload::web, 4096, 2)), std::invalid_argument);
  EXPECT_THROW(tierplan::pgtune(input(16, static_cast<PgWorkload>(42), 4096, 2)),
               std::invalid_argument);
  EXPECT_THROW(tierplan::pgtune(input(16, PgWorkload::web, 4096, 2, 0, static_cast<DiskType>(42))),
               std::invalid_argument);
}

}  // namespace

// PGTune's own expectations off Linux (configurationSlice.test.js@421728c2: the windows and
// mac cases of selectEffectiveIoConcurrency, selectMaintenanceWorkMem, selectHugePages,
// selectWorkMem, selectAutovacuumWorkMem and selectIoMethod).
namespace {

using tierplan::PgOs;

PgTuneSettings tuned(PgOs os, int version, double memory_gib, int vcpu = 4, int connections = 0) {
  PgTuneInput input;
  input.os = os;
  input.postgres_version = version;
  input.memory_mib = memory_gib * 1024.0;
  input.vcpu = vcpu;
  input.max_connections = connections;
  return tierplan::pgtune(input);
}

TEST(PgTuneUpstreamOsCases, effective_io_concurrency_is_left_out_off_linux) {
  EXPECT_EQ(tuned(PgOs::os_windows, 16, 4).effective_io_concurrency, 0);
  EXPECT_EQ(tuned(PgOs::os_mac, 16, 4).effective_io_concurrency, 0);
  EXPECT_EQ(tuned(PgOs::os_linux, 16, 4).effective_io_concurrency, 200);
}

TEST(PgTuneUpstreamOsCases, windows_caps_maintenance_work_mem_below_2gb_up_to_17) {
  EXPECT_EQ(tuned(PgOs::os_linux, 17, 256).maintenance_work_mem_kib, 8388608);
  EXPECT_EQ(tuned(PgOs::os_windows, 17, 256).maintenance_work_mem_kib, 2096128);
  EXPECT_EQ(tuned(PgOs::os_windows, 18, 256).maintenance_work_mem_kib, 8388608);
  EXPECT_EQ(tuned(PgOs::os_windows, 15, 16).maintenance_work_mem_kib, 1048576);
}

TEST(PgTuneUpstreamOsCases, macos_has_no_huge_pages) {
  EXPECT_EQ(tuned(PgOs::os_linux, 15, 16).huge_pages, "try");
  EXPECT_EQ(tuned(PgOs::os_mac, 15, 128).huge_pages, "off");
}

TEST(PgTuneUpstreamOsCases, windows_caps_work_mem_below_2gb_up_to_17) {
  EXPECT_EQ(tuned(PgOs::os_windows, 17, 256, 4, 20).work_mem_kib, 2096128);
  EXPECT_EQ(tuned(PgOs::os_windows, 18, 256, 4, 20).work_mem_kib, 2796202);
}

TEST(PgTuneUpstreamOsCases, windows_up_to_17_never_sets_autovacuum_work_mem) {
  EXPECT_EQ(tuned(PgOs::os_windows, 17, 256).autovacuum_work_mem_kib, 0);
  EXPECT_EQ(tuned(PgOs::os_windows, 18, 256).autovacuum_work_mem_kib, 2097152);
}

TEST(PgTuneUpstreamOsCases, asynchronous_io_uses_workers_off_linux) {
  EXPECT_EQ(tuned(PgOs::os_linux, 18, 16).io_method, "io_uring");
  EXPECT_EQ(tuned(PgOs::os_windows, 18, 16).io_method, "worker");
  EXPECT_EQ(tuned(PgOs::os_mac, 18, 16).io_method, "worker");
  EXPECT_EQ(tuned(PgOs::os_mac, 17, 16).io_method, "");
  // The io_uring warning goes with io_uring only.
  for (const auto& warning : tuned(PgOs::os_mac, 18, 16).warnings) {
    EXPECT_EQ(warning.find("io_uring"), std::string::npos) << warning;
  }
  EXPECT_NE(tierplan::postgresql_conf(
                PgTuneInput{18, PgWorkload::web, 16384, 4, 0, DiskType::ssd, PgOs::os_mac},
                tuned(PgOs::os_mac, 18, 16))
                .find("# OS Type: mac\n"),
            std::string::npos);
}

}  // namespace
