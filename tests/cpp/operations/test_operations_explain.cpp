// Logs, backups and cost are computed first (numbers only) and explained after: the
// explain step writes every reason from the computed plan and changes no number.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/format.hpp"
#include "planner/planner_detail.hpp"
#include "tierplan/plan.hpp"

namespace {

using tierplan::BackupPlan;
using tierplan::CostPlan;
using tierplan::EnvironmentPlan;
using tierplan::LogPlan;
using tierplan::Scenario;

// Every text of the plans, to check that the explain step fills them and leaves the
// rest alone. A text field added to these plans belongs here.
std::vector<std::string*> texts_of(LogPlan& plan) {
  return {&plan.volume_reason, &plan.stored_reason};
}
std::vector<std::string*> texts_of(BackupPlan& plan) {
  return {&plan.postgres.full_backup_reason, &plan.postgres.wal_reason,
          &plan.postgres.repository_reason,  &plan.postgres.rpo_reason,
          &plan.postgres.rto_reason,         &plan.object_storage.reason,
          &plan.vector_store.reason,         &plan.storage_reason};
}
std::vector<std::string*> texts_of(CostPlan& plan) {
  std::vector<std::string*> texts = {&plan.total_reason};
  for (auto& item : plan.items) texts.push_back(&item.reason);
  return texts;
}

// Explained, the plan has every text; without them it is the numbers-only plan.
template <class Plan, class Explain>
void expect_explain_writes_only_texts(Plan plan, const Plan& full, Explain explain,
                                      const std::string& context) {
  for (const std::string* text : texts_of(plan)) EXPECT_TRUE(text->empty()) << context;
  const Plan numbers = plan;
  explain(plan);
  for (const std::string* text : texts_of(plan)) EXPECT_FALSE(text->empty()) << context;
  EXPECT_EQ(plan, full) << context;
  for (std::string* text : texts_of(plan)) text->clear();
  EXPECT_EQ(plan, numbers) << context;
}

void check_environment(const Scenario& s, const tierplan::Environment& environment,
                       const std::string& context) {
  const EnvironmentPlan full = tierplan::plan_environment(s, environment);
  const auto& policy = environment.policy;
  const auto& ds = policy.datastores;
  const auto& database = s.stack.datastores.database;
  const LogPlan logs =
      tierplan::detail::plan_logs(s.workload_of(environment), s.stack.deployed_components(),
                                  full.components, full.growth_factor, policy.logs);
  expect_explain_writes_only_texts(
      logs, full.logs,
      [&](LogPlan& p) { tierplan::detail::explain_logs(p, full.growth_factor, policy.logs); },
      context);
  const BackupPlan backups = tierplan::detail::plan_backups(full.data, database, policy.backups);
  expect_explain_writes_only_texts(
      backups, full.backups,
      [&](BackupPlan& p) {
        tierplan::detail::explain_backups(p, database, policy.backups, ds.postgres_standby,
                                          ds.postgres_synchronous);
      },
      context);
  const tierplan::detail::NodePools pools{full.nodes, full.spot_nodes};
  const CostPlan cost =
      tierplan::detail::plan_cost(pools, full.data, full.logs, full.backups, policy, s.catalog);
  expect_explain_writes_only_texts(
      cost, full.cost,
      [&](CostPlan& p) { tierplan::detail::explain_cost(p, pools, full.data, policy, s.catalog); },
      context);
}

TEST(OperationsExplain, TheExplainStepWritesEveryTextAndNoNumber) {
  for (const double scale : {0.1, 1.0, 5.0}) {
    Scenario s = tierplan::builtin_scenario("dify-enterprise");
    s.workload = s.workload.scaled(scale);
    for (const auto& environment : s.environments) {
      check_environment(s, environment, environment.name + " x" + std::to_string(scale));
    }
  }
}

TEST(OperationsExplain, TheRtoIsTheRestoreAndTheReplayTheReasonStates) {
  Scenario s = tierplan::builtin_scenario("dify-enterprise");
  for (const bool archiving : {false, true}) {
    for (auto& e : s.environments) e.policy.backups.postgres.wal_archiving = archiving;
    const auto plan = tierplan::plan_environment(s, s.environments.back());
    const auto& pg = plan.backups.postgres;
    EXPECT_GT(pg.restore_minutes, 0.0);
    EXPECT_EQ(pg.replay_minutes > 0.0, archiving);
    EXPECT_DOUBLE_EQ(pg.rto_minutes, pg.restore_minutes + pg.replay_minutes);
    EXPECT_NE(pg.rto_reason.find(tierplan::detail::readable(pg.restore_minutes) + " min"),
              std::string::npos)
        << pg.rto_reason;
  }
}

TEST(OperationsExplain, TheSnapshotRestoreIsRecordedWhateverTheMethod) {
  Scenario s = tierplan::builtin_scenario("dify-enterprise");
  for (const auto method :
       {tierplan::VectorRecovery::rebuild, tierplan::VectorRecovery::snapshot}) {
    for (auto& e : s.environments) e.policy.backups.vector_store.method = method;
    const auto plan = tierplan::plan_environment(s, s.environments.back());
    const auto& v = plan.backups.vector_store;
    EXPECT_GT(v.snapshot_restore_minutes, 0.0);
    EXPECT_DOUBLE_EQ(v.recovery_minutes, method == tierplan::VectorRecovery::snapshot
                                             ? v.snapshot_restore_minutes
                                             : v.rebuild_minutes);
  }
}

TEST(OperationsExplain, TheCostReasonsStateTheHoursAndDaysTheNumbersUse) {
  const auto plan = tierplan::plan(tierplan::builtin_scenario("dify-enterprise"));
  const auto& cost = plan.environments.back().cost;
  const auto* postgres = cost.find("postgres_instances");
  ASSERT_NE(postgres, nullptr);
  EXPECT_NE(postgres->reason.find("x 730 h/month"), std::string::npos) << postgres->reason;
  EXPECT_DOUBLE_EQ(postgres->unit_cost_usd_month,
                   plan.environments.back().data.postgres.shape.price_usd_per_hour * 730.0);
  const auto* ingestion = cost.find("log_ingestion");
  ASSERT_NE(ingestion, nullptr);
  EXPECT_NE(ingestion->reason.find("GiB/day x 365.25 / 12 days"), std::string::npos)
      << ingestion->reason;
  EXPECT_DOUBLE_EQ(ingestion->quantity, plan.environments.back().logs.gib_per_day * 365.25 / 12.0);
  EXPECT_NE(plan.environments.back().logs.volume_reason.find("lines per hour x 24,"),
            std::string::npos);
}

}  // namespace
