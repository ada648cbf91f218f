// Numbers that hold at the edges (issue 15): the Redis broker's margin at the horizon and no
// burstable class where the policy forbids it, PgBouncer's server pool by the cores, Qdrant's
// resident memory within its share of a machine, and planning only the environments asked for.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "io/format.hpp"
#include "support/plan_test_support.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace)

Scenario at_users(double users) {
  Scenario scenario = builtin();
  scenario.workload.daily_active_users = users;
  return scenario;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// At 10,000 daily users production was put on a 0.5 GiB cache.t4g.micro with 307 MiB used
// under a 384 MiB maxmemory: a burstable class, and no word of the margin.
TEST(RedisEdges, production_takes_no_burstable_class_unless_its_policy_allows_it) {
  Scenario scenario = at_users(10000);
  const Plan forbidden = tierplan::plan(scenario);
  const auto& redis = environment_of(forbidden, "production").data.redis;
  EXPECT_FALSE(redis.shape.burstable) << redis.shape.name;
  EXPECT_TRUE(contains(redis.memory_reason, "burstable classes left out"));

  for (auto& environment : scenario.environments) {
    environment.policy.datastores.burstable_instances_allowed = true;
  }
  const Plan allowing = tierplan::plan(scenario);
  const auto& allowed = environment_of(allowing, "production").data.redis;
  EXPECT_TRUE(allowed.shape.burstable) << allowed.shape.name;
  EXPECT_LT(allowed.instance_memory_gib, redis.instance_memory_gib);
  EXPECT_TRUE(contains(allowed.memory_reason, "burstable: the policy allows it"));
}

TEST(RedisEdges, the_broker_margin_is_a_worker_outage_at_the_horizon_peak) {
  Scenario scenario = at_users(10000);
  const Plan plan = tierplan::plan(scenario);
  const auto& today = environment_of(plan, "production");
  const auto& redis = today.data.redis;
  // The backlog is sized for the task rate grown to the horizon, not today's.
  EXPECT_NEAR(redis.horizon_task_rate_per_s,
              today.demand.worker_task_rate_per_s * today.growth_factor, 1e-9);
  // maxmemory holds at least the policy's outage beside the cache, and the reason says how long.
  const double policy_minutes =
      builtin().environments.back().policy.datastores.broker_backlog_minutes;
  EXPECT_GE(redis.outage_minutes_held, policy_minutes * (1.0 - 1e-9));
  EXPECT_TRUE(contains(redis.memory_reason, "min of worker outage at the horizon's peak"));
  EXPECT_TRUE(contains(redis.memory_reason, "% used with a full backlog at the horizon"));

  // Growth raises the backlog the broker must hold: from 50% a year to 200%, the horizon's
  // rate doubles (3 / 1.5), and so does the backlog.
  scenario.workload.growth.annual_growth_fraction = 2.0;
  const Plan grown_plan = tierplan::plan(scenario);
  const auto& grown = environment_of(grown_plan, "production").data.redis;
  EXPECT_NEAR(grown.broker_backlog_messages / redis.broker_backlog_messages, 2.0, 1e-9);
}

// At 10,000 users PgBouncer's default_pool_size was 692 with max_connections 720 on 8 vCPUs.
TEST(PgBouncerEdges, the_server_pool_follows_the_cores_and_requests_queue_in_pgbouncer) {
  for (const double users : {10000.0, 50000.0}) {
    const Plan plan = tierplan::plan(at_users(users));
    const auto& pg = environment_of(plan, "production").data.postgres;
    ASSERT_TRUE(pg.pgbouncer) << users;
    EXPECT_EQ(pg.pgbouncer_default_pool_size, pg.shape.vcpu * 2 + 1) << users;
    EXPECT_LT(pg.max_connections, pg.shape.vcpu * 8) << users;
    EXPECT_GT(pg.requests_in_flight, pg.pgbouncer_default_pool_size) << users;
    EXPECT_TRUE(contains(pg.pgbouncer_reason, "PostgreSQL wiki")) << pg.pgbouncer_reason;
    EXPECT_TRUE(contains(pg.pgbouncer_reason, "per database/user pair")) << pg.pgbouncer_reason;
  }
}

// Production picked 32 GiB nodes for 31.6 GiB resident per node (98.8%).
TEST(QdrantEdges, resident_memory_stays_within_qdrants_share_of_the_machine) {
  for (const double users : {3000.0, 10000.0, 30000.0}) {
    const Plan plan = tierplan::plan(at_users(users));
    const auto& q = environment_of(plan, "production").data.qdrant;
    EXPECT_LE(q.ram_per_node_gib, 0.8 * q.shape.memory_gib * (1.0 + 1e-12))
        << users << " " << q.shape.name;
    EXPECT_TRUE(contains(q.reason, "resident at most 80%")) << q.reason;
    // The docs rule is shown per node, for the same copies.
    const std::string per_node =
        tierplan::detail::readable(q.docs_rule_memory_gib * q.replication_factor / q.nodes);
    EXPECT_TRUE(contains(q.reason, per_node + " GiB per node for the same copies")) << q.reason;
  }
}

// Raising annual growth from 0 to 2.0 left the node count unchanged while storage nearly
// doubled: nodes were sized for today, the autoscaler's maxima for month 12.
TEST(HorizonEdges, node_capacity_at_the_horizon_and_the_month_it_runs_out) {
  Scenario scenario = builtin();
  scenario.workload.growth.annual_growth_fraction = 0.0;
  const Plan flat = tierplan::plan(scenario);
  const auto& still = environment_of(flat, "production");
  EXPECT_EQ(still.nodes.count_at_horizon, still.nodes.count);
  EXPECT_EQ(still.nodes.runs_out_month, 0);
  EXPECT_TRUE(contains(still.nodes.horizon_reason, "hold today's replicas to month 12"));

  scenario.workload.growth.annual_growth_fraction = 2.0;
  const Plan grown = tierplan::plan(scenario);
  const auto& growing = environment_of(grown, "production");
  EXPECT_GT(growing.nodes.count_at_horizon, growing.nodes.count);
  EXPECT_GE(growing.nodes.runs_out_month, 1);
  EXPECT_LE(growing.nodes.runs_out_month, 12);
  const std::string month = std::to_string(growing.nodes.runs_out_month);
  bool warned = false;
  for (const auto& warning : growing.warnings) {
    warned = warned || (contains(warning, "run out in month " + month + " of 12") &&
                        contains(warning, "cluster autoscaler") &&
                        contains(warning, std::to_string(growing.nodes.count_at_horizon)));
  }
  EXPECT_TRUE(warned);
  // The capacity at the horizon holds every autoscaled component at its maximum: packing
  // those replicas on one node fewer than the plan's steady count at the horizon fails.
  int pods_at_max = 0;
  int pods_today = 0;
  for (const auto& c : growing.components) {
    pods_at_max += c.autoscaled ? c.hpa_max_replicas : c.replicas;
    pods_today += c.replicas;
  }
  EXPECT_GT(pods_at_max, pods_today);

  // A horizon of part of a month is evaluated at the plan's own growth factor.
  scenario.workload.growth.planning_horizon_months = 12.5;
  const Plan partial = tierplan::plan(scenario);
  const auto& partial_month = environment_of(partial, "production");
  EXPECT_LE(partial_month.nodes.runs_out_month, 13);
  EXPECT_TRUE(contains(partial_month.nodes.horizon_reason, "at month 12.5"))
      << partial_month.nodes.horizon_reason;
  scenario.workload.growth.planning_horizon_months = 12.0;

  // Under N+1, the count at the horizon also survives the loss of a node.
  Scenario lossless = scenario;
  for (auto& environment : lossless.environments) environment.policy.survive_node_loss = true;
  const Plan survived = tierplan::plan(lossless);
  const auto& surviving = environment_of(survived, "production");
  EXPECT_GT(surviving.nodes.count_at_horizon, 0);

  scenario.workload.growth.annual_growth_fraction = 0.5;
  const Plan half = tierplan::plan(scenario);
  EXPECT_LT(environment_of(half, "production").nodes.count_at_horizon,
            growing.nodes.count_at_horizon);
}

// --env production at 1,000,000 users failed with "cannot plan: staging: ...".
TEST(PlanChosen, only_the_environments_asked_for_are_planned) {
  const Scenario scenario = builtin();
  const Plan only = tierplan::plan(scenario, {"production"});
  ASSERT_EQ(only.environments.size(), 1U);
  EXPECT_EQ(only.environments[0].name, "production");
  EXPECT_EQ(only.environments[0], environment_of(tierplan::plan(scenario), "production"));

  // An environment that cannot be planned fails only when it is asked for.
  Scenario broken = builtin();
  for (auto& environment : broken.environments) {
    // A latency target below the service time of a request: no replica count meets it.
    if (environment.name == "staging") environment.policy.latency_target_ms = 1.0;
  }
  EXPECT_THROW(tierplan::plan(broken), PlanningError);
  EXPECT_NO_THROW(tierplan::plan(broken, {"production"}));
}

TEST(PlanChosen, an_unknown_name_lists_the_environments_and_the_nearest) {
  try {
    tierplan::plan(builtin(), {"prod"});
    FAIL() << "no error for an unknown environment";
  } catch (const std::invalid_argument& error) {
    const std::string message = error.what();
    EXPECT_TRUE(contains(message, "no environment \"prod\"")) << message;
    EXPECT_TRUE(contains(message, "test, staging, production")) << message;
    EXPECT_TRUE(contains(message, "did you mean \"production\"?")) << message;
  }
  const std::vector<std::string> known = {"test", "staging", "production"};
  EXPECT_TRUE(contains(tierplan::unknown_environment_message("stagin", known), "\"staging\"?"));
  EXPECT_FALSE(contains(tierplan::unknown_environment_message("zzzzzzzz", known), "did you mean"));
}

}  // namespace
