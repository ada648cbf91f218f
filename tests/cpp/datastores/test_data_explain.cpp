// The data plane is computed first (numbers only) and explained after: the explain step
// writes every reason and warning from the computed plan, and changes no number.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "planner/planner_detail.hpp"
#include "tierplan/plan.hpp"

namespace {

using tierplan::DataPlan;
using tierplan::EnvironmentPlan;
using tierplan::Scenario;

// Every text of a data plan, to check that the explain step fills them and leaves the
// rest alone. A text field added to the data plan belongs here.
std::vector<std::string*> texts_of(DataPlan& plan) {
  std::vector<std::string*> texts = {&plan.postgres.storage_reason,
                                     &plan.postgres.max_connections_reason,
                                     &plan.postgres.pgbouncer_reason,
                                     &plan.postgres.shape_reason,
                                     &plan.postgres.topology_reason,
                                     &plan.redis.memory_reason,
                                     &plan.redis.maxclients_reason,
                                     &plan.redis.topology_reason,
                                     &plan.qdrant.reason,
                                     &plan.object_storage.reason};
  for (auto& table : plan.postgres.tables) texts.push_back(&table.reason);
  for (auto& pod : plan.in_cluster_pods) texts.push_back(&pod.reason);
  // A managed PostgreSQL's parameter group, and its settings.
  if (!plan.postgres.parameter_group.empty()) {
    texts.push_back(&plan.postgres.parameter_group_reason);
    for (auto& setting : plan.postgres.parameter_group) texts.push_back(&setting.reason);
  }
  return texts;
}

struct Planned {
  Scenario scenario;
  const tierplan::Environment* environment = nullptr;
  tierplan::Workload workload;
  EnvironmentPlan full;
};

Planned planned(const std::string& environment_name, double scale = 1.0) {
  Planned p;
  p.scenario = tierplan::builtin_scenario("dify-enterprise");
  p.scenario.workload = p.scenario.workload.scaled(scale);
  p.environment = p.scenario.find_environment(environment_name);
  if (p.environment == nullptr) throw std::runtime_error("no environment " + environment_name);
  p.workload = p.scenario.workload_of(*p.environment);
  p.full = tierplan::plan_environment(p.scenario, *p.environment);
  return p;
}

DataPlan numbers_only(const Planned& p) {
  return tierplan::detail::plan_data(p.workload, p.full.demand, p.full.components, p.scenario.stack,
                                     p.environment->policy, p.scenario.catalog,
                                     p.environment->name);
}

TEST(DataExplain, TheNumbersOnlyPlanHasNoTextAndTheExplainStepWritesEveryOne) {
  for (const char* name : {"test", "staging", "production"}) {
    const Planned p = planned(name, 5.0);
    DataPlan plan = numbers_only(p);
    for (const std::string* text : texts_of(plan)) EXPECT_TRUE(text->empty()) << name;
    EXPECT_TRUE(plan.warnings.empty()) << name;
    const DataPlan numbers = plan;
    tierplan::detail::explain_data(plan, p.workload, p.full.demand, p.full.components,
                                   p.scenario.stack, p.environment->policy);
    for (const std::string* text : texts_of(plan)) EXPECT_FALSE(text->empty()) << name;
    EXPECT_EQ(plan, p.full.data) << name;
    // Without its texts the explained plan is the numbers-only plan: no number moved.
    for (std::string* text : texts_of(plan)) text->clear();
    plan.warnings.clear();
    EXPECT_EQ(plan, numbers) << name;
  }
}

TEST(DataExplain, TimedTablesRecordTheRowsPerDayAndTheDaysThatMakeTheirRows) {
  Planned p = planned("production");
  // Without growth a timed table holds its rows per day times the days it keeps them,
  // plus its rows per user.
  p.workload.growth.annual_growth_fraction = 0.0;
  const DataPlan plan = numbers_only(p);
  const auto& tables = p.scenario.stack.datastores.database.tables;
  ASSERT_EQ(plan.postgres.tables.size(), tables.size());
  int timed = 0;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto& size = plan.postgres.tables[i];
    if (tables[i].retention == tierplan::RetentionClass::knowledge) {
      EXPECT_EQ(size.rows_per_day, 0.0) << size.name;
      EXPECT_EQ(size.days_kept, 0.0) << size.name;
      continue;
    }
    ++timed;
    EXPECT_GT(size.days_kept, 0.0) << size.name;
    EXPECT_NEAR(size.rows,
                size.rows_per_day * size.days_kept +
                    p.workload.daily_active_users * tables[i].rows_per_user,
                1e-6 * std::max(1.0, size.rows))
        << size.name;
  }
  EXPECT_GT(timed, 0);
}

TEST(DataExplain, WhatBoundTheDatabaseServerIsRecordedInThePlan) {
  for (const double scale : {0.1, 1.0, 5.0}) {
    const Planned p = planned("production", scale);
    const auto& pg = p.full.data.postgres;
    double in_flight = 0.0;
    for (const auto& use : pg.connections) {
      for (const auto& c : p.full.components) {
        if (c.name == use.component) in_flight += c.load.concurrent_requests;
      }
    }
    EXPECT_DOUBLE_EQ(pg.requests_in_flight, in_flight) << scale;
    // The working set fits effective_cache_size, three quarters of the memory asked for.
    EXPECT_LE(pg.working_set_gib, pg.memory_needed_gib * 0.75 * (1.0 + 1e-12)) << scale;
    if (pg.pgbouncer) {
      // PgBouncer's server pool is the PostgreSQL wiki's cores * 2 + 1, whatever is in
      // flight: the rest waits in PgBouncer's queue, and the reason says so (issue 15).
      EXPECT_EQ(pg.pgbouncer_default_pool_size, pg.shape.vcpu * 2 + 1) << scale;
      EXPECT_EQ(pg.pgbouncer_reason.find("wait in PgBouncer's queue") != std::string::npos,
                pg.requests_in_flight > pg.pgbouncer_default_pool_size)
          << pg.pgbouncer_reason;
    }
    const auto& redis = p.full.data.redis;
    EXPECT_GT(redis.client_connections, 0) << scale;
    EXPECT_EQ(redis.maxclients, std::max(redis.client_connections, 1000)) << scale;
    EXPECT_NE(redis.maxclients_reason.find(std::to_string(redis.client_connections)),
              std::string::npos)
        << redis.maxclients_reason;
    EXPECT_DOUBLE_EQ(p.full.data.qdrant.points,
                     p.full.data.qdrant.documents * p.full.data.qdrant.chunks_per_document);
  }
}

TEST(DataExplain, TheReservedConnectionsReasonFollowsTheStandby) {
  Scenario s = tierplan::builtin_scenario("dify-enterprise");
  for (const bool standby : {false, true}) {
    for (auto& e : s.environments) e.policy.datastores.postgres_standby = standby;
    const auto plan = tierplan::plan_environment(s, s.environments.back());
    const auto& pg = plan.data.postgres;
    // superuser_reserved_connections 3 + admin 10 (+ max_wal_senders 10 with a standby).
    EXPECT_EQ(pg.reserved_connections, standby ? 23 : 13);
    EXPECT_NE(pg.max_connections_reason.find(std::to_string(pg.reserved_connections) +
                                             " reserved (superuser 3, admin 10"),
              std::string::npos)
        << pg.max_connections_reason;
    EXPECT_EQ(pg.max_connections_reason.find("replication 10") != std::string::npos, standby)
        << pg.max_connections_reason;
    EXPECT_EQ(pg.max_connections % 10, 0);
  }
}

}  // namespace
