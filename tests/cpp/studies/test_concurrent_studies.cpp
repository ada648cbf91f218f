// Studies started from several threads at once (issue 15: "sweeps from several Python
// threads at once give the same results as one after another"). The Python bindings release
// the GIL for the whole of a study (bindings/register_study.cpp), so Python threads run
// these very calls at the same time; this test runs them from std::threads, and `make test`
// runs it under ASan and UBSan too (build-asan).
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "tierplan/scenario.hpp"
#include "tierplan/sweep.hpp"

namespace {

using tierplan::StudyOptions;
using tierplan::StudyTable;
using tierplan::SweepAxis;

// One study per environment and load range, each with its own pool of threads.
struct Study {
  std::string environment;
  std::vector<SweepAxis> axes;
};

std::vector<Study> studies() {
  std::vector<Study> all;
  const std::vector<std::string> environments = {"test", "staging", "production"};
  for (std::size_t i = 0; i < 6; ++i) {
    std::vector<double> users;
    for (int k = 0; k < 8; ++k) users.push_back(50.0 * static_cast<double>(i + 1) * (k + 1));
    all.push_back({environments[i % environments.size()],
                   {{"workload.daily_active_users", users},
                    {"workload.requests[chat_message].per_user_per_day", {2.0, 20.0}}}});
  }
  // A point no node holds, so the infeasible rows (NaN, with their messages) compare too.
  all.push_back(
      {"production",
       {{"stack.components[api].resources.baseline_memory_mib", {1024.0, 4.0 * 1024 * 1024}}}});
  return all;
}

StudyTable run(const tierplan::Scenario& scenario, const Study& study) {
  StudyOptions options;
  options.environment = study.environment;
  options.threads = 2;
  return tierplan::sweep(scenario, study.axes, options);
}

// Bytes, not values: NaN rows must match too.
bool same_table(const StudyTable& a, const StudyTable& b) {
  return a.columns == b.columns && a.errors == b.errors && a.node_types == b.node_types &&
         a.values.rows() == b.values.rows() && a.values.cols() == b.values.cols() &&
         std::memcmp(a.values.data(), b.values.data(),
                     static_cast<std::size_t>(a.values.size()) * sizeof(double)) == 0;
}

TEST(ConcurrentStudies, sweeps_from_several_threads_at_once_equal_sweeps_one_after_another) {
  const tierplan::Scenario scenario = tierplan::builtin_scenario("dify-enterprise");
  const std::vector<Study> all = studies();
  std::vector<StudyTable> sequential;
  for (const Study& study : all) sequential.push_back(run(scenario, study));

  // Every study twice, all at once, each thread on the one shared scenario.
  constexpr std::size_t kRounds = 2;
  std::vector<StudyTable> concurrent(all.size() * kRounds);
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < concurrent.size(); ++i) {
      threads.emplace_back([&, i] { concurrent[i] = run(scenario, all[i % all.size()]); });
    }
  }
  for (std::size_t i = 0; i < concurrent.size(); ++i) {
    const std::size_t study = i % all.size();
    EXPECT_TRUE(same_table(concurrent[i], sequential[study]))
        << "study " << study << " (" << all[study].environment << "), round " << i / all.size();
  }
  const auto feasible = static_cast<Eigen::Index>(sequential.back().column("feasible"));
  EXPECT_EQ(sequential.back().values(1, feasible), 0.0);  // the infeasible point is there
}

}  // namespace
