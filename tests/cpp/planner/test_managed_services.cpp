// Managed datastores on their service's own terms (issue 13): the max_connections the
// service sets from the instance's memory, a parameter group instead of a postgresql.conf, the
// service's reserved Redis memory, its storage, memory and backup-window limits (with their
// source), and the rest of the bill: boot volumes, load balancers, NAT, data transfer and
// commitments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "support/plan_test_support.hpp"
#include "tierplan/cost.hpp"
#include "tierplan/errors.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace)
using tierplan::Cloud;
using tierplan::CostItem;
using tierplan::DatastoreMode;
using tierplan::PricingModel;

const CostItem& item_of(const EnvironmentPlan& plan, const std::string& name) {
  const CostItem* found = plan.cost.find(name);
  if (found == nullptr) throw std::invalid_argument("no cost item " + name);
  return *found;
}

bool has_warning(const EnvironmentPlan& plan, const std::string& part) {
  return std::any_of(plan.warnings.begin(), plan.warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

void move_to(Scenario& scenario, Cloud cloud) {
  for (auto& environment : scenario.environments) {
    environment.policy.cloud = cloud;
    environment.policy.region.clear();
  }
}

EnvironmentPlan production_of(const Scenario& scenario) {
  return tierplan::plan_environment(
      scenario, policy_environment(const_cast<Scenario&>(scenario), "production"));
}

// The planning error's message, or "" when the environment plans.
std::string planning_error(const Scenario& scenario) {
  try {
    production_of(scenario);
  } catch (const PlanningError& e) {
    return e.what();
  }
  return "";
}

TEST(ManagedServices, rds_sets_max_connections_from_the_class_memory) {
  const EnvironmentPlan production = production_of(builtin());
  const auto& postgres = production.data.postgres;
  // Amazon RDS: LEAST({DBInstanceClassMemory/9531392}, 5000).
  const double memory_bytes = postgres.shape.memory_gib * 1024.0 * 1024.0 * 1024.0;
  EXPECT_EQ(postgres.service_default_max_connections,
            static_cast<int>(std::min(std::floor(memory_bytes / 9531392.0), 5000.0)));
  EXPECT_NE(postgres.parameter_group_reason.find("stays at the service's default"),
            std::string::npos)
      << postgres.parameter_group_reason;
}

TEST(ManagedServices, cloud_sql_sets_max_connections_by_its_memory_table) {
  Scenario scenario = builtin();
  move_to(scenario, Cloud::gcp);
  const auto& postgres = production_of(scenario).data.postgres;
  // Cloud SQL for PostgreSQL's quotas page: 7.5 to 15 GiB -> 400, 15 to 30 -> 500, ...
  const double gib = postgres.shape.memory_gib;
  const int expected = gib >= 120   ? 1000
                       : gib >= 60  ? 800
                       : gib >= 30  ? 600
                       : gib >= 15  ? 500
                       : gib >= 7.5 ? 400
                       : gib >= 6   ? 200
                                    : 100;
  EXPECT_EQ(postgres.service_default_max_connections, expected) << postgres.shape.name;
}

TEST(ManagedServices, a_managed_instance_gets_a_parameter_group_and_a_self_managed_one_none) {
  Scenario scenario = builtin();
  const auto managed = production_of(scenario).data.postgres;
  ASSERT_FALSE(managed.parameter_group.empty());
  for (const auto& setting : managed.parameter_group) {
    EXPECT_NE(setting.name, "shared_buffers");  // the service's default follows the class
    EXPECT_FALSE(setting.value.empty()) << setting.name;
    EXPECT_FALSE(setting.reason.empty()) << setting.name;
  }
  policy_environment(scenario, "production").policy.datastores.postgres_mode =
      DatastoreMode::self_managed;
  const auto self_managed = production_of(scenario).data.postgres;
  EXPECT_TRUE(self_managed.parameter_group.empty());
  EXPECT_EQ(self_managed.service_default_max_connections, 0);
}

TEST(ManagedServices, postgres_beyond_the_service_storage_limit_names_the_limit_and_its_source) {
  Scenario scenario = builtin();
  scenario.workload.knowledge_base.documents = 1e9;
  const std::string error = planning_error(scenario);
  EXPECT_NE(error.find("beyond the managed service's maximum of 65536 GiB"), std::string::npos)
      << error;
  EXPECT_NE(error.find("Amazon RDS User Guide"), std::string::npos) << error;
  // Run on VMs, the limit is one block volume's.
  policy_environment(scenario, "production").policy.datastores.postgres_mode =
      DatastoreMode::self_managed;
  const std::string self_managed = planning_error(scenario);
  EXPECT_NE(self_managed.find("the largest block volume of 16384 GiB"), std::string::npos)
      << self_managed;
}

TEST(ManagedServices, redis_beyond_the_service_memory_limit_names_the_limit) {
  Scenario scenario = builtin();
  scenario.catalog.prices.at(0).redis_max_memory_gib.value = 0.1;
  const std::string error = planning_error(scenario);
  EXPECT_NE(error.find("beyond the managed service's largest instance of 0.10 GiB"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("ElastiCache"), std::string::npos) << error;
}

TEST(ManagedServices, managed_redis_keeps_its_services_reserve_from_maxmemory) {
  Scenario scenario = builtin();
  move_to(scenario, Cloud::gcp);
  const auto& redis = production_of(scenario).data.redis;
  // Memorystore: keep system memory below 80%.
  EXPECT_DOUBLE_EQ(redis.reserved_memory_fraction, 0.20);
  EXPECT_DOUBLE_EQ(redis.maxmemory_mib, std::floor(redis.instance_memory_gib * 1024.0 * 0.8));
  const auto& aws = production_of(builtin()).data.redis;
  EXPECT_DOUBLE_EQ(aws.reserved_memory_fraction, 0.25);  // ElastiCache reserved-memory-percent
}

// Azure sells a Redis primary and its replica as one Standard cache, at more than two Basic
// (single-node) caches: a replica is billed at the Standard price, a single instance at Basic.
TEST(ManagedServices, azure_redis_bills_the_standard_cache_for_a_replica_and_basic_for_one) {
  Scenario scenario = builtin();
  move_to(scenario, Cloud::azure);
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  const EnvironmentPlan& staging = environment_of(plan, "staging");
  ASSERT_TRUE(
      policy_environment(scenario, "production").policy.datastores.redis_replica_with_sentinels);
  ASSERT_FALSE(
      policy_environment(scenario, "staging").policy.datastores.redis_replica_with_sentinels);
  const auto& shape = production.data.redis.shape;
  ASSERT_GT(shape.replicated_price_usd_per_hour, 2.0 * shape.price_usd_per_hour);
  const CostItem& replicated = item_of(production, "redis_instances");
  EXPECT_EQ(replicated.quantity, 2.0);
  EXPECT_NEAR(replicated.cost_usd_month,
              shape.replicated_price_usd_per_hour * tierplan::kHoursPerMonth, 1e-9);
  EXPECT_NE(replicated.reason.find("sells the primary and its replica as one"), std::string::npos)
      << replicated.reason;
  const CostItem& single = item_of(staging, "redis_instances");
  EXPECT_EQ(single.quantity, 1.0);
  EXPECT_NEAR(single.cost_usd_month,
              staging.data.redis.shape.price_usd_per_hour * tierplan::kHoursPerMonth, 1e-9);
  // AWS prices a replica as one more node: no replicated price in its catalog entries.
  const Plan aws_plan = tierplan::plan(builtin());
  const EnvironmentPlan& on_aws = environment_of(aws_plan, "production");
  EXPECT_EQ(on_aws.data.redis.shape.replicated_price_usd_per_hour, 0.0);
  EXPECT_NEAR(item_of(on_aws, "redis_instances").cost_usd_month,
              2.0 * on_aws.data.redis.shape.price_usd_per_hour * tierplan::kHoursPerMonth, 1e-9);
}

TEST(ManagedServices, a_backup_window_beyond_the_service_pitr_is_warned_with_the_limit) {
  Scenario scenario = builtin();
  // Two weekly fulls: 14 days. RDS keeps up to 35, Cloud SQL Enterprise 7.
  EXPECT_FALSE(has_warning(production_of(scenario), "point-in-time recovery reach back"));
  move_to(scenario, Cloud::gcp);
  const EnvironmentPlan on_gcp = production_of(scenario);
  EXPECT_GT(on_gcp.backups.postgres.retention_days, 7.0);
  EXPECT_TRUE(has_warning(on_gcp, "reach back at most 7.00 days (Cloud SQL"))
      << on_gcp.backups.postgres.retention_days;
}

TEST(ManagedServices, qdrant_takes_more_nodes_when_its_disk_exceeds_one_volume) {
  Scenario scenario = builtin();
  const EnvironmentPlan before = production_of(scenario);
  const double volume_gib = before.data.qdrant.disk_total_gib / 7.5;
  scenario.catalog.prices.at(0).block_volume_max_gib.value = volume_gib;
  const EnvironmentPlan after = production_of(scenario);
  EXPECT_GE(after.data.qdrant.nodes, 8);
  EXPECT_LE(after.data.qdrant.disk_per_node_gib, volume_gib);
}

TEST(WholeBill, boot_volumes_load_balancers_and_nat_are_lines_of_the_bill) {
  Scenario scenario = builtin();
  auto& policy = policy_environment(scenario, "production").policy;
  policy.cost.nat_gateways = 3;
  const EnvironmentPlan production = production_of(scenario);
  const auto& prices = scenario.catalog.prices.at(0);
  const CostItem& volumes = item_of(production, "node_root_volumes");
  EXPECT_DOUBLE_EQ(volumes.quantity, production.nodes.count * 20.0);  // EKS's default disk
  EXPECT_DOUBLE_EQ(volumes.unit_cost_usd_month, prices.block_storage_usd_per_gib_month.usd);
  EXPECT_DOUBLE_EQ(item_of(production, "load_balancers").cost_usd_month,
                   prices.load_balancer_usd_per_hour.usd * tierplan::kHoursPerMonth);
  EXPECT_DOUBLE_EQ(item_of(production, "nat_gateways").cost_usd_month,
                   3 * prices.nat_gateway_usd_per_hour.usd * tierplan::kHoursPerMonth);
  EXPECT_NE(item_of(production, "data_transfer").reason.find("not estimated"), std::string::npos);
  EXPECT_EQ(item_of(production, "data_transfer").cost_usd_month, 0.0);
}

TEST(WholeBill, data_transfer_follows_the_requests_and_the_bytes_sent_per_request) {
  Scenario scenario = builtin();
  policy_environment(scenario, "production").policy.cost.outbound_kib_per_request = 16.0;
  const EnvironmentPlan production = production_of(scenario);
  double requests_per_day = 0.0;
  const Workload workload = scenario.workload_of(policy_environment(scenario, "production"));
  for (const auto& r : workload.requests) {
    requests_per_day += r.per_user_per_day * workload.daily_active_users;
  }
  const auto& prices = scenario.catalog.prices.at(0);
  const CostItem& transfer = item_of(production, "data_transfer");
  EXPECT_DOUBLE_EQ(transfer.quantity, requests_per_day * 365.25 / 12.0 * 16.0 / 1024.0 / 1024.0);
  EXPECT_DOUBLE_EQ(transfer.unit_cost_usd_month, prices.nat_data_processing_usd_per_gib.usd +
                                                     prices.internet_egress_usd_per_gib.usd);
  EXPECT_GT(transfer.cost_usd_month, 0.0);
}

TEST(WholeBill, a_commitment_discounts_nodes_and_vector_store_vms_but_not_managed_datastores) {
  Scenario scenario = builtin();
  const EnvironmentPlan on_demand = production_of(scenario);
  policy_environment(scenario, "production").policy.cost.pricing = PricingModel::commitment_3yr;
  const EnvironmentPlan committed = production_of(scenario);
  const double discount = scenario.catalog.prices.at(0).commitment_3yr_discount_percent.value;
  EXPECT_DOUBLE_EQ(committed.cost.commitment_discount_fraction, discount / 100.0);
  EXPECT_EQ(committed.cost.pricing, "commitment_3yr");
  for (const char* item : {"worker_nodes", "qdrant_nodes"}) {
    EXPECT_DOUBLE_EQ(item_of(committed, item).cost_usd_month,
                     item_of(on_demand, item).cost_usd_month * (1.0 - discount / 100.0))
        << item;
    EXPECT_NE(item_of(committed, item).reason.find("3-year commitment"), std::string::npos);
  }
  for (const char* item : {"postgres_instances", "redis_instances", "postgres_storage"}) {
    EXPECT_DOUBLE_EQ(item_of(committed, item).cost_usd_month,
                     item_of(on_demand, item).cost_usd_month)
        << item;
  }
  EXPECT_LT(committed.cost.total_usd_month, on_demand.cost.total_usd_month);
}

}  // namespace

namespace {

// RDS and Azure include backup storage up to the instance's provisioned storage; Cloud SQL
// bills every GB (catalog.prices[cloud].postgres_backup_free_storage, each with its source).
TEST(WholeBill, managed_postgres_backups_are_billed_beyond_the_services_free_share) {
  for (const Cloud cloud : {Cloud::aws, Cloud::gcp}) {
    Scenario scenario = builtin();
    move_to(scenario, cloud);
    const Plan managed_plan = tierplan::plan(scenario);
    const EnvironmentPlan& managed = environment_of(managed_plan, "production");
    const double free_share = scenario.catalog.prices_for(cloud == Cloud::aws ? "aws" : "gcp")
                                  ->postgres_backup_free_storage_percent.value /
                              100.0;
    const double billed = std::max(0.0, managed.backups.postgres.repository_gib -
                                            managed.data.postgres.storage_gib * free_share) +
                          managed.backups.vector_store.snapshot_storage_gib;
    EXPECT_NEAR(item_of(managed, "backup_storage").quantity, billed, 1e-9);
    EXPECT_NE(item_of(managed, "backup_storage").reason.find("% of its"), std::string::npos);
    // The same backups run yourself are billed whole.
    for (auto& environment : scenario.environments) {
      environment.policy.datastores.postgres_mode = DatastoreMode::self_managed;
    }
    const Plan own_plan = tierplan::plan(scenario);
    const EnvironmentPlan& own = environment_of(own_plan, "production");
    EXPECT_NEAR(item_of(own, "backup_storage").quantity, own.backups.storage_gib, 1e-9);
    if (cloud == Cloud::aws) {
      EXPECT_LT(item_of(managed, "backup_storage").quantity, own.backups.storage_gib);
    } else {
      EXPECT_DOUBLE_EQ(free_share, 0.0);
    }
  }
}

}  // namespace
