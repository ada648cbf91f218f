#pragma once
// The build every benchmark figure was measured with, recorded in Google Benchmark's JSON
// context (benchmarks/CMakeLists.txt defines the macros from the CMake configuration).
#include <benchmark/benchmark.h>

#ifndef TIERPLAN_BENCH_COMPILER
#define TIERPLAN_BENCH_COMPILER "unknown"
#endif
#ifndef TIERPLAN_BENCH_BUILD_TYPE
#define TIERPLAN_BENCH_BUILD_TYPE "unknown"
#endif
#ifndef TIERPLAN_BENCH_CXX_FLAGS
#define TIERPLAN_BENCH_CXX_FLAGS ""
#endif

namespace tierplan::bench {

// baseline: the case every figure of the program is a ratio against.
inline void add_build_context(const char* baseline) {
  benchmark::AddCustomContext("tierplan_compiler", TIERPLAN_BENCH_COMPILER);
  benchmark::AddCustomContext("tierplan_build_type", TIERPLAN_BENCH_BUILD_TYPE);
  benchmark::AddCustomContext("tierplan_cxx_flags", TIERPLAN_BENCH_CXX_FLAGS);
  benchmark::AddCustomContext("tierplan_baseline", baseline);
}

}  // namespace tierplan::bench
