// The data plane of the built-in scenario lands on the official reference classes, grows
// monotonically, and warns about the failures users report.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "tierplan/errors.hpp"
#include "tierplan/plan.hpp"

namespace {

constexpr double kGbInGib = 1e9 / (1024.0 * 1024.0 * 1024.0);

const tierplan::EnvironmentPlan& env(const tierplan::Plan& plan, const std::string& name) {
  const auto* found = plan.find_environment(name);
  if (found == nullptr) throw std::runtime_error("no environment " + name);
  return *found;
}

tierplan::Environment& environment(tierplan::Scenario& s, const std::string& name) {
  for (auto& e : s.environments) {
    if (e.name == name) return e;
  }
  throw std::runtime_error("no environment " + name);
}

bool has_warning(const tierplan::EnvironmentPlan& e, const std::string& text) {
  return std::any_of(e.warnings.begin(), e.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

TEST(DataPlaneReference, production_lands_on_the_official_production_classes) {
  const auto plan = tierplan::plan(tierplan::builtin_scenario("dify-enterprise"));
  const auto& data = env(plan, "production").data;
  // Official 3.0.x checklist: PostgreSQL 4 CPU / 8 GB with 512 GB SSD, Redis 2 GB,
  // Qdrant 3 VMs of 8 CPU / 64 GB.
  EXPECT_EQ(data.postgres.shape.vcpu, 4);
  EXPECT_DOUBLE_EQ(data.postgres.shape.memory_gib, 8.0);
  EXPECT_LE(data.postgres.storage_gib, 512 * kGbInGib);
  EXPECT_GT(data.postgres.storage_gib, 0.0);
  // Redis 2 GB is the memory the checklist gives; production allows no burstable class, so
  // the instance is the smallest other tier (issue 15: not cache.t4g in production).
  EXPECT_LE(data.redis.used_memory_mib, 2 * kGbInGib * 1024.0);
  EXPECT_FALSE(data.redis.shape.burstable);
  EXPECT_FALSE(data.postgres.shape.burstable);
  EXPECT_EQ(data.qdrant.nodes, 3);
  EXPECT_LE(data.qdrant.ram_per_node_gib, 64.0);
  EXPECT_GE(data.qdrant.replication_factor, 2);
  // Managed on AWS: the service runs the standby and the replica.
  EXPECT_EQ(data.postgres.topology, "Multi-AZ: primary + synchronous standby, automatic failover");
  EXPECT_EQ(data.redis.topology, "primary + replica, automatic failover by the service");
}

TEST(DataPlane, self_managed_datastores_are_the_standby_and_the_sentinels_you_run) {
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  auto& ds = scenario.environments.back().policy.datastores;
  ds.postgres_mode = tierplan::DatastoreMode::self_managed;
  ds.redis_mode = tierplan::DatastoreMode::self_managed;
  const auto plan = tierplan::plan(scenario);
  const auto& data = env(plan, "production").data;
  EXPECT_EQ(data.postgres.topology, "primary + asynchronous hot standby");
  EXPECT_EQ(data.redis.topology, "primary + replica + 3 Sentinels");
  // On VMs: the shapes are the catalog's VMs, not the managed classes.
  EXPECT_EQ(data.postgres.shape.name.rfind("vm-", 0), 0u) << data.postgres.shape.name;
  EXPECT_EQ(data.redis.shape.name.rfind("vm-", 0), 0u) << data.redis.shape.name;
}

// The official test spec runs PostgreSQL, Redis and Qdrant outside the cluster (the
// built-in test environment runs them in it): planned that way, test lands on its classes.
TEST(DataPlaneReference, test_lands_on_the_official_test_classes) {
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  auto& ds = scenario.environments.front().policy.datastores;
  ds.postgres_mode = tierplan::DatastoreMode::managed;
  ds.redis_mode = tierplan::DatastoreMode::managed;
  ds.vector_store_mode = tierplan::DatastoreMode::self_managed;
  const auto plan = tierplan::plan(scenario);
  const auto& data = env(plan, "test").data;
  EXPECT_EQ(data.postgres.shape.vcpu, 2);
  EXPECT_DOUBLE_EQ(data.postgres.shape.memory_gib, 4.0);
  EXPECT_LE(data.redis.instance_memory_gib, 1 * kGbInGib + 1e-9);
  EXPECT_EQ(data.qdrant.nodes, 1);
  EXPECT_LE(data.qdrant.ram_per_node_gib, 8.0);
  EXPECT_EQ(data.postgres.topology, "single instance");
}

TEST(DataPlane, the_postgres_settings_are_pgtunes_for_the_chosen_shape) {
  const auto plan = tierplan::plan(tierplan::builtin_scenario("dify-enterprise"));
  for (const auto& e : plan.environments) {
    const auto& pg = e.data.postgres;
    EXPECT_EQ(pg.tune_input.vcpu, pg.shape.vcpu);
    EXPECT_DOUBLE_EQ(pg.tune_input.memory_mib, pg.shape.memory_gib * 1024.0);
    EXPECT_EQ(pg.tune_input.max_connections, pg.max_connections);
    EXPECT_EQ(pg.settings, tierplan::pgtune(pg.tune_input));
    const std::string conf = tierplan::postgresql_conf(pg.tune_input, pg.settings);
    EXPECT_NE(conf.find("max_connections = " + std::to_string(pg.max_connections)),
              std::string::npos);
  }
}

TEST(DataPlane, max_connections_covers_every_client_or_pgbouncer_pools_them) {
  const auto plan = tierplan::plan(tierplan::builtin_scenario("dify-enterprise"));
  for (const auto& e : plan.environments) {
    const auto& pg = e.data.postgres;
    int clients = 0;
    for (const auto& use : pg.connections) clients += use.total;
    EXPECT_EQ(clients, pg.client_connections);
    if (pg.pgbouncer) {
      EXPECT_EQ(pg.pgbouncer_max_client_conn, pg.client_connections);
      EXPECT_GE(pg.max_connections, pg.pgbouncer_default_pool_size + pg.reserved_connections);
    } else {
      EXPECT_GE(pg.max_connections, pg.client_connections + pg.reserved_connections);
    }
  }
}

struct Sizes {
  double postgres_data_gib, postgres_storage_gib, redis_used_mib, qdrant_ram_gib, qdrant_disk_gib,
      objects_gib;
};

Sizes sizes_of(const tierplan::DataPlan& d) {
  return {d.postgres.data_gib,    d.postgres.storage_gib,  d.redis.used_memory_mib,
          d.qdrant.ram_total_gib, d.qdrant.disk_total_gib, d.object_storage.total_gib};
}

void expect_no_smaller(const Sizes& small, const Sizes& large, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_GE(large.postgres_data_gib, small.postgres_data_gib);
  EXPECT_GE(large.postgres_storage_gib, small.postgres_storage_gib);
  EXPECT_GE(large.redis_used_mib, small.redis_used_mib);
  EXPECT_GE(large.qdrant_ram_gib, small.qdrant_ram_gib);
  EXPECT_GE(large.qdrant_disk_gib, small.qdrant_disk_gib);
  EXPECT_GE(large.objects_gib, small.objects_gib);
}

TEST(DataPlaneGrowth, more_documents_users_or_retention_never_shrink_any_size) {
  std::mt19937 random(20261126);
  std::uniform_real_distribution<double> factor(1.0, 4.0);
  for (int trial = 0; trial < 60; ++trial) {
    auto base = tierplan::builtin_scenario("dify-enterprise");
    auto& production = environment(base, "production");
    const auto before = sizes_of(tierplan::plan_environment(base, production).data);

    for (int knob = 0; knob < 4; ++knob) {
      auto grown = base;
      auto& w = grown.workload;
      const double f = factor(random);
      std::string what;
      switch (knob) {
        case 0:
          w.knowledge_base.documents *= f;
          w.knowledge_base.documents_ingested_per_day *= f;
          what = "documents x" + std::to_string(f);
          break;
        case 1:
          w.daily_active_users *= f;
          what = "users x" + std::to_string(f);
          break;
        case 2:
          w.retention.message_retention_days *= f;
          w.retention.workflow_log_retention_days *= f;
          what = "retention x" + std::to_string(f);
          break;
        default:
          w.knowledge_base.average_document_kib *= f;
          w.uploads.files_per_user_per_day *= f;
          what = "document and upload size x" + std::to_string(f);
          break;
      }
      try {
        const auto after =
            sizes_of(tierplan::plan_environment(grown, environment(grown, "production")).data);
        expect_no_smaller(before, after, what);
      } catch (const tierplan::PlanningError&) {
        // Grown past every shape of the catalog: an error, never a smaller plan.
      }
    }
  }
}

TEST(DataPlaneWarnings, workflow_node_executions_without_cleanup_is_flagged_with_its_size) {
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  scenario.workload.retention.workflow_log_cleanup_enabled = false;
  const auto plan = tierplan::plan(scenario);
  EXPECT_TRUE(
      has_warning(env(plan, "production"), "workflow_node_executions grows without cleanup to"));
  EXPECT_TRUE(has_warning(env(plan, "production"), "WORKFLOW_LOG_CLEANUP_ENABLED=true"));
  scenario.workload.retention.workflow_log_cleanup_enabled = true;
  EXPECT_FALSE(
      has_warning(env(tierplan::plan(scenario), "production"), "workflow_node_executions grows"));
}

TEST(DataPlaneWarnings, connection_budget_above_the_default_names_the_postgres_error) {
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  auto& ds = environment(scenario, "production").policy.datastores;
  ds.postgres_mode = tierplan::DatastoreMode::self_managed;
  ds.pgbouncer_above_connections = 1000000;  // no pooler: every client connection is a server's
  const auto plan = tierplan::plan(scenario);
  EXPECT_TRUE(has_warning(env(plan, "production"), "remaining connection slots are reserved"));
}

bool sets(const tierplan::PostgresPlan& postgres, const std::string& name) {
  return std::any_of(postgres.parameter_group.begin(), postgres.parameter_group.end(),
                     [&](const tierplan::ParameterSetting& s) { return s.name == name; });
}

TEST(DataPlaneWarnings, a_managed_default_below_the_budget_names_the_parameter_group) {
  // At the official load RDS's default (from the class's memory) covers the connections.
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  const auto official = tierplan::plan(scenario);
  const auto& enough = env(official, "production").data.postgres;
  EXPECT_LE(enough.max_connections, enough.service_default_max_connections);
  EXPECT_FALSE(sets(enough, "max_connections"));
  EXPECT_TRUE(sets(enough, "work_mem"));
  EXPECT_FALSE(has_warning(env(official, "production"), "parameter group"));
  // Ten times the users without PgBouncer: the class is sized by its connections at 5 MiB each
  // (the stack's model), more than RDS's default of one per 9531392 bytes gives.
  scenario.workload = scenario.workload.scaled(10.0);
  environment(scenario, "production").policy.datastores.pgbouncer_above_connections = 100000;
  const auto plan = tierplan::plan(scenario);
  const auto& postgres = env(plan, "production").data.postgres;
  ASSERT_GT(postgres.max_connections, postgres.service_default_max_connections);
  EXPECT_TRUE(sets(postgres, "max_connections"));
  EXPECT_TRUE(has_warning(env(plan, "production"), "set it in the parameter group"));
  EXPECT_FALSE(has_warning(env(plan, "production"), "remaining connection slots are reserved"));
}

TEST(DataPlaneWarnings, a_pool_smaller_than_the_requests_in_flight_names_queuepool) {
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  for (auto& c : scenario.stack.components) {
    if (c.name == "api") {
      c.db_pool_size = 30;
      c.db_max_overflow = 10;
    }
  }
  EXPECT_TRUE(has_warning(env(tierplan::plan(scenario), "production"),
                          "api: 63.6 requests in flight per replica exceed SQLAlchemy's pool of "
                          "30 + overflow 10 (\"QueuePool limit ... reached\")"));
}

TEST(DataPlaneWarnings, redis_without_maxmemory_and_cluster_mode_are_flagged) {
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  auto& production = environment(scenario, "production");
  production.policy.datastores.redis_maxmemory_configured = false;
  production.policy.datastores.redis_cluster_mode = true;
  const auto plan = tierplan::plan(scenario);
  EXPECT_TRUE(has_warning(env(plan, "production"), "Redis runs without maxmemory"));
  EXPECT_TRUE(has_warning(env(plan, "production"), "Dify does not support it"));
  EXPECT_FALSE(has_warning(env(plan, "test"), "Redis runs without maxmemory"));
}

TEST(DataPlaneWarnings, a_single_qdrant_node_in_production_is_flagged) {
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  auto& datastores = environment(scenario, "production").policy.datastores;
  datastores.qdrant_min_nodes = 1;
  datastores.qdrant_replication_factor = 1;
  const auto plan = tierplan::plan(scenario);
  EXPECT_TRUE(has_warning(env(plan, "production"), "Qdrant: 1 node(s) with replication factor 1"));
  EXPECT_FALSE(has_warning(env(plan, "test"), "Qdrant:"));
}

TEST(DataPlane, qdrant_follows_the_docs_rule_and_the_finer_model) {
  const auto plan = tierplan::plan(tierplan::builtin_scenario("dify-enterprise"));
  const auto& q = env(plan, "production").data.qdrant;
  // Qdrant docs: 1M vectors of 1024 dimensions need 5.72 GiB (x 4 bytes x 1.5).
  EXPECT_NEAR(1e6 * 1024 * 4 * 1.5 / (1024.0 * 1024 * 1024), 5.72, 0.01);
  EXPECT_NEAR(q.docs_rule_memory_gib, q.points * 1024 * 4 * 1.5 / (1024.0 * 1024 * 1024), 1e-6);
  EXPECT_DOUBLE_EQ(q.vector_bytes, q.points * 1024 * 4);
  EXPECT_DOUBLE_EQ(q.hnsw_bytes, q.points * 16 * 2 * 4 * 1.2);
  EXPECT_DOUBLE_EQ(q.id_tracker_bytes, q.points * 52);
}

TEST(DataPlane, quantized_copies_are_kept_beside_the_originals) {
  auto scenario = tierplan::builtin_scenario("dify-enterprise");
  auto& production = environment(scenario, "production");
  const auto plain = tierplan::plan_environment(scenario, production).data.qdrant;
  production.policy.datastores.qdrant_quantization = tierplan::Quantization::scalar;
  const auto scalar = tierplan::plan_environment(scenario, production).data.qdrant;
  EXPECT_DOUBLE_EQ(scalar.vector_bytes, plain.vector_bytes);
  EXPECT_DOUBLE_EQ(scalar.quantized_bytes, plain.points * 1024);
  EXPECT_GT(scalar.ram_total_gib, plain.ram_total_gib);
  production.policy.datastores.qdrant_vectors_on_disk = true;
  const auto on_disk = tierplan::plan_environment(scenario, production).data.qdrant;
  EXPECT_LT(on_disk.ram_total_gib, plain.ram_total_gib);
  EXPECT_DOUBLE_EQ(on_disk.disk_total_gib, scalar.disk_total_gib);
}

}  // namespace
