// Where an environment runs (issue 13): one cloud and region per environment, every priced
// line from that cloud, regional prices, the control plane, and validation that names what
// the catalog is missing for an environment.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "support/plan_test_support.hpp"
#include "tierplan/cost.hpp"
#include "tierplan/deployment.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/validation.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace)
using tierplan::Cloud;
using tierplan::CostItem;
using tierplan::FieldIssue;

const CostItem& item_of(const EnvironmentPlan& plan, const std::string& name) {
  const CostItem* found = plan.cost.find(name);
  if (found == nullptr) throw std::invalid_argument("no cost item " + name);
  return *found;
}

std::string cloud_of(Cloud cloud) {
  return cloud == Cloud::gcp ? "gcp" : cloud == Cloud::azure ? "azure" : "aws";
}

// Every priced line of the plan comes from the environment's cloud.
void expect_one_cloud(const EnvironmentPlan& plan, Cloud cloud, const std::string& context) {
  const std::string name = cloud_of(cloud);
  EXPECT_EQ(plan.nodes.node_type.cloud, name) << context;
  EXPECT_EQ(plan.data.postgres.shape.cloud, name) << context;
  EXPECT_EQ(plan.data.redis.shape.cloud, name) << context;
  EXPECT_EQ(plan.data.qdrant.shape.cloud, name) << context;
  EXPECT_EQ(plan.cost.cloud, name) << context;
  if (plan.spot_nodes.count > 0) {
    EXPECT_EQ(plan.spot_nodes.node_type.cloud, name) << context;
  }
}

bool has_issue(const std::vector<FieldIssue>& issues, const std::string& path,
               const std::string& part) {
  return std::any_of(issues.begin(), issues.end(), [&](const FieldIssue& i) {
    return i.path == path && i.message.find(part) != std::string::npos;
  });
}

TEST(Deployment, the_builtin_scenario_runs_every_environment_on_aws_in_us_east_1) {
  const Plan plan = tierplan::plan(builtin());
  for (const auto& environment : plan.environments) {
    expect_one_cloud(environment, Cloud::aws, environment.name);
    EXPECT_EQ(environment.cost.region, "us-east-1") << environment.name;
    EXPECT_EQ(environment.cost.region_price_factor, 1.0) << environment.name;
    EXPECT_DOUBLE_EQ(environment.cost.total_usd_year, 12.0 * environment.cost.total_usd_month);
  }
}

// Property: over random workloads, clouds, regions and spot pools, no environment plan mixes
// clouds.
TEST(Deployment, every_environment_plan_prices_every_line_on_its_own_cloud) {
  const Scenario base = builtin();
  const std::vector<std::pair<Cloud, std::vector<std::string>>> clouds = {
      {Cloud::aws, {"", "us-east-1", "us-west-2", "eu-west-1"}},
      {Cloud::gcp, {"", "us-central1", "us-east1", "europe-west1"}},
      {Cloud::azure, {"", "eastus", "eastus2", "westeurope"}}};
  int planned = 0;
  int spot_pools = 0;
  for (std::uint32_t seed = 0; seed < 1000; ++seed) {
    std::mt19937 rng(seed);
    Scenario scenario = random_workload_scenario(rng);
    for (auto& environment : scenario.environments) {
      const auto& [cloud, regions] = clouds[static_cast<std::size_t>(uniform_int(rng, 0, 2))];
      environment.policy.cloud = cloud;
      environment.policy.region = regions[static_cast<std::size_t>(uniform_int(rng, 0, 3))];
      environment.policy.cost.stateless_on_spot = coin(rng);
    }
    const auto plan = try_plan(scenario);
    if (!plan) continue;
    ++planned;
    for (std::size_t i = 0; i < plan->environments.size(); ++i) {
      expect_one_cloud(plan->environments[i], scenario.environments[i].policy.cloud,
                       "seed " + std::to_string(seed) + " " + plan->environments[i].name);
      spot_pools += plan->environments[i].spot_nodes.count > 0 ? 1 : 0;
    }
  }
  EXPECT_GE(planned, 900);
  EXPECT_GT(spot_pools, 100) << "the property covers plans with a spot pool";
}

TEST(Deployment, a_gcp_environment_uses_cloud_sql_memorystore_and_n2_machines) {
  Scenario scenario = builtin();
  for (auto& environment : scenario.environments) {
    environment.policy.cloud = Cloud::gcp;
    environment.policy.region.clear();  // the region gcp's prices are listed for
  }
  const EnvironmentPlan production = environment_of(tierplan::plan(scenario), "production");
  expect_one_cloud(production, Cloud::gcp, "production on gcp");
  EXPECT_EQ(production.nodes.node_type.name.rfind("n2-", 0), 0u) << production.nodes.node_type.name;
  EXPECT_EQ(production.data.postgres.shape.name.rfind("db-custom-", 0), 0u);
  EXPECT_EQ(production.data.redis.shape.name.rfind("memorystore-", 0), 0u);
  EXPECT_EQ(production.cost.region, "us-central1");
  // GKE's fee: $0.10 per cluster-hour, 730 hours a month.
  EXPECT_DOUBLE_EQ(item_of(production, "control_plane").cost_usd_month,
                   0.10 * tierplan::kHoursPerMonth);
}

TEST(Deployment, a_region_scales_every_line_by_its_price_factor) {
  const Scenario listed = builtin();
  Scenario moved = listed;
  policy_environment(moved, "production").policy.region = "eu-west-1";
  const auto* region = moved.catalog.find_region("aws", "eu-west-1");
  ASSERT_NE(region, nullptr);
  const double factor = region->price_factor;
  EXPECT_GT(factor, 1.0);
  const EnvironmentPlan before = environment_of(tierplan::plan(listed), "production");
  const EnvironmentPlan after = environment_of(tierplan::plan(moved), "production");
  EXPECT_EQ(after.cost.region, "eu-west-1");
  EXPECT_EQ(after.cost.region_price_factor, factor);
  // The same plan, priced higher line by line.
  EXPECT_EQ(after.nodes.count, before.nodes.count);
  EXPECT_EQ(after.nodes.node_type.name, before.nodes.node_type.name);
  ASSERT_EQ(after.cost.items.size(), before.cost.items.size());
  for (std::size_t i = 0; i < after.cost.items.size(); ++i) {
    const CostItem& a = after.cost.items[i];
    EXPECT_NEAR(a.cost_usd_month, before.cost.items[i].cost_usd_month * factor,
                1e-9 * (1.0 + a.cost_usd_month))
        << a.item;
    if (a.cost_usd_month > 0.0) {
      EXPECT_NE(a.reason.find("eu-west-1"), std::string::npos) << a.item << ": " << a.reason;
    }
  }
  EXPECT_NEAR(after.cost.total_usd_month, before.cost.total_usd_month * factor,
              1e-9 * after.cost.total_usd_month);
}

TEST(Deployment, the_control_plane_is_a_line_of_the_bill_with_its_source) {
  const EnvironmentPlan production = environment_of(tierplan::plan(builtin()), "production");
  const CostItem& fee = item_of(production, "control_plane");
  EXPECT_EQ(fee.quantity, 1.0);
  // EKS: $0.10 per cluster-hour under standard support.
  EXPECT_DOUBLE_EQ(fee.cost_usd_month, 0.10 * tierplan::kHoursPerMonth);
  EXPECT_NE(fee.reason.find("EKS"), std::string::npos) << fee.reason;
}

// The catalog without the shapes of one cloud's datastores.
void drop_datastore_shapes(Scenario& scenario, const std::string& cloud) {
  auto& catalog = scenario.catalog;
  for (auto* shapes :
       {&catalog.database_shapes, &catalog.cache_shapes, &catalog.vector_store_shapes}) {
    std::erase_if(*shapes, [&](const tierplan::MachineShape& s) { return s.cloud == cloud; });
  }
}

TEST(Deployment, a_cloud_without_datastore_shapes_is_refused_naming_what_is_missing) {
  Scenario scenario = builtin();
  drop_datastore_shapes(scenario, "azure");
  policy_environment(scenario, "production").policy.cloud = Cloud::azure;
  const auto issues = tierplan::scenario_issues(scenario);
  const std::string path = "environments[2].policy.cloud";
  const std::string env = "environment \"production\" runs on azure but the catalog lists no ";
  EXPECT_TRUE(has_issue(issues, path,
                        env + "database shape of azure; add one to "
                              "catalog.database_shapes"));
  EXPECT_TRUE(
      has_issue(issues, path, env + "cache shape of azure; add one to catalog.cache_shapes"));
  EXPECT_TRUE(has_issue(issues, path,
                        env + "vector store shape of azure; add one to "
                              "catalog.vector_store_shapes"));
  EXPECT_TRUE(has_issue(issues, path, "got \"azure\""));
  EXPECT_THROW(tierplan::plan(scenario), tierplan::ValidationError);
}

TEST(Deployment, a_catalog_of_one_cloud_refuses_an_environment_on_another) {
  Scenario scenario = builtin();
  auto& types = scenario.catalog.node_types;
  types.erase(std::remove_if(types.begin(), types.end(),
                             [](const tierplan::NodeType& t) { return t.cloud != "gcp"; }),
              types.end());
  const auto issues = tierplan::scenario_issues(scenario);
  EXPECT_TRUE(has_issue(issues, "environments[0].policy.cloud",
                        "environment \"test\" runs on aws but the catalog lists no node type "
                        "of aws; add one to catalog.node_types"));
}

TEST(Deployment, a_fixed_node_type_of_another_cloud_is_refused) {
  Scenario scenario = builtin();
  policy_environment(scenario, "production").policy.node_type = "n2-standard-8";
  const auto issues = tierplan::scenario_issues(scenario);
  EXPECT_TRUE(has_issue(issues, "environments[2].policy.node_type",
                        "names a node type of gcp, not of the environment's cloud aws"));
}

TEST(Deployment, a_region_the_catalog_does_not_list_is_refused_with_the_ones_it_does) {
  Scenario scenario = builtin();
  policy_environment(scenario, "staging").policy.region = "mars-north-1";
  const auto issues = tierplan::scenario_issues(scenario);
  EXPECT_TRUE(has_issue(issues, "environments[1].policy.region", "\"us-east-1\""));
  EXPECT_TRUE(has_issue(issues, "environments[1].policy.region", "got \"mars-north-1\""));
}

TEST(Deployment, catalog_entries_name_a_known_cloud_and_prices_list_each_cloud_once) {
  Scenario scenario = builtin();
  scenario.catalog.database_shapes.front().cloud = "AWS";
  scenario.catalog.prices.push_back(scenario.catalog.prices.front());
  const auto issues = tierplan::scenario_issues(scenario);
  EXPECT_TRUE(has_issue(issues, "catalog.database_shapes[0].cloud",
                        "must be one of aws, gcp, azure, got \"AWS\""));
  EXPECT_TRUE(has_issue(issues, "catalog.prices[3].cloud", "duplicate cloud"));
  // The JSON reader says the same.
  try {
    (void)tierplan::scenario_from_json_string(tierplan::scenario_to_json_string(scenario));
    ADD_FAILURE() << "the reader accepted a shape of cloud AWS";
  } catch (const tierplan::ValidationError& e) {
    EXPECT_TRUE(has_issue(e.issues(), "catalog.database_shapes[0].cloud", "got \"AWS\""));
    EXPECT_TRUE(has_issue(e.issues(), "catalog.prices[3].cloud", "duplicate cloud"));
  }
}

}  // namespace

namespace {

TEST(Deployment, an_environment_planned_on_each_cloud_says_why_a_cloud_cannot_be_used) {
  const Scenario scenario = builtin();
  const auto options = tierplan::plan_on_each_cloud(scenario, "production");
  ASSERT_EQ(options.size(), 3u);
  EXPECT_EQ(options[0].cloud, Cloud::aws);
  EXPECT_EQ(options[1].cloud, Cloud::gcp);
  EXPECT_EQ(options[2].cloud, Cloud::azure);
  ASSERT_TRUE(options[0].plan.has_value()) << options[0].why_not;
  ASSERT_TRUE(options[1].plan.has_value()) << options[1].why_not;
  // The aws option is the plan of the scenario as it is.
  EXPECT_EQ(*options[0].plan, environment_of(tierplan::plan(scenario), "production"));
  expect_one_cloud(*options[1].plan, Cloud::gcp, "production on gcp");
  EXPECT_EQ(options[1].region, "us-central1");
  ASSERT_TRUE(options[2].plan.has_value()) << options[2].why_not;
  expect_one_cloud(*options[2].plan, Cloud::azure, "production on azure");
  EXPECT_EQ(options[2].region, "eastus");
  // A catalog without Azure's datastore shapes: the option says so, with the path.
  Scenario without = scenario;
  drop_datastore_shapes(without, "azure");
  const auto refused = tierplan::plan_on_each_cloud(without, "production");
  EXPECT_FALSE(refused[2].plan.has_value());
  EXPECT_NE(refused[2].why_not.find("environments[2].policy.cloud: environment \"production\" "
                                    "runs on azure but the catalog lists no database shape"),
            std::string::npos)
      << refused[2].why_not;
  EXPECT_THROW((void)tierplan::plan_on_each_cloud(scenario, "prod"), std::invalid_argument);
}

}  // namespace

namespace {

using tierplan::DatastoreMode;

const tierplan::InClusterPod* pod_named(const EnvironmentPlan& plan, const std::string& name) {
  for (const auto& pod : plan.data.in_cluster_pods) {
    if (pod.name == name) return &pod;
  }
  return nullptr;
}

// Node usage rows name each pod "<name>-<replica>"; the node index of each.
std::vector<int> nodes_of(const EnvironmentPlan& plan, const std::string& name) {
  std::vector<int> nodes;
  for (const auto& node : plan.nodes.nodes) {
    for (const auto& pod : node.pods) {
      if (pod.rfind(name + "-", 0) == 0) nodes.push_back(node.index);
    }
  }
  return nodes;
}

TEST(InClusterDatastores, the_builtin_test_environment_runs_its_datastores_as_pods) {
  const Plan plan = tierplan::plan(builtin());
  const EnvironmentPlan& test = environment_of(plan, "test");
  for (const char* name : {"postgresql", "redis", "qdrant"}) {
    const auto* pod = pod_named(test, name);
    ASSERT_NE(pod, nullptr) << name;
    EXPECT_GE(pod->replicas, 1) << name;
    EXPECT_GT(pod->request_memory_mib, 0.0) << name;
    EXPECT_EQ(pod->limit_memory_mib, pod->request_memory_mib) << name;  // Guaranteed QoS
    EXPECT_FALSE(pod->reason.empty()) << name;
    EXPECT_EQ(nodes_of(test, name).size(), static_cast<std::size_t>(pod->replicas)) << name;
  }
  // Their cost is the nodes': no instance is billed for them.
  for (const char* item : {"postgres_instances", "redis_instances", "qdrant_nodes"}) {
    EXPECT_EQ(item_of(test, item).cost_usd_month, 0.0) << item;
  }
  // Production runs them outside the cluster, MinIO inside (as the official spec lists it).
  const EnvironmentPlan& production = environment_of(plan, "production");
  EXPECT_TRUE(production.data.in_cluster_pods.empty());
  EXPECT_GT(item_of(production, "postgres_instances").cost_usd_month, 0.0);
  EXPECT_NO_THROW((void)component_of(production, "minio"));
}

TEST(InClusterDatastores, their_requests_count_in_the_totals_and_the_nodes) {
  Scenario outside = builtin();
  Scenario inside = builtin();
  auto& ds = policy_environment(inside, "production").policy.datastores;
  ds.postgres_mode = DatastoreMode::in_cluster;
  ds.redis_mode = DatastoreMode::in_cluster;
  const EnvironmentPlan before = environment_of(tierplan::plan(outside), "production");
  const EnvironmentPlan after = environment_of(tierplan::plan(inside), "production");
  double added_cpu_m = 0.0;
  int added_pods = 0;
  for (const auto& pod : after.data.in_cluster_pods) {
    added_cpu_m += pod.replicas * pod.request_cpu_m;
    added_pods += pod.replicas;
  }
  EXPECT_EQ(added_pods, 4);  // PostgreSQL primary and standby, Redis primary and replica
  EXPECT_DOUBLE_EQ(after.totals.request_cpu_m, before.totals.request_cpu_m + added_cpu_m);
  EXPECT_EQ(after.totals.pods, before.totals.pods + added_pods);
  EXPECT_GE(after.nodes.count * after.nodes.allocatable.pod_cpu_m,
            before.nodes.count * before.nodes.allocatable.pod_cpu_m);
  // Their data is on block volumes, not the managed service's storage.
  EXPECT_EQ(item_of(after, "postgres_instances").cost_usd_month, 0.0);
  EXPECT_LT(item_of(after, "postgres_storage").unit_cost_usd_month,
            item_of(before, "postgres_storage").unit_cost_usd_month);
}

TEST(InClusterDatastores, a_replicated_datastore_spreads_and_survives_a_node_loss) {
  Scenario scenario = builtin();
  Environment& production = policy_environment(scenario, "production");
  production.policy.datastores.postgres_mode = DatastoreMode::in_cluster;
  production.policy.datastores.redis_mode = DatastoreMode::in_cluster;
  ASSERT_TRUE(production.policy.datastores.postgres_standby);
  ASSERT_TRUE(production.policy.datastores.redis_replica_with_sentinels);
  ASSERT_EQ(production.policy.spread, tierplan::SpreadPolicy::nodes);
  const EnvironmentPlan plan = tierplan::plan_environment(scenario, production);
  for (const char* name : {"postgresql", "redis"}) {
    std::vector<int> nodes = nodes_of(plan, name);
    ASSERT_GE(nodes.size(), 2u) << name;
    std::sort(nodes.begin(), nodes.end());
    EXPECT_EQ(std::adjacent_find(nodes.begin(), nodes.end()), nodes.end())
        << name << ": two pods of a replicated datastore share a node";
  }
  EXPECT_TRUE(plan.nodes.survives_node_loss);
}

TEST(InClusterDatastores, modes_the_catalog_cannot_price_are_refused_with_the_path) {
  Scenario scenario = builtin();
  auto& ds = policy_environment(scenario, "staging").policy.datastores;
  ds.vector_store_mode = DatastoreMode::managed;
  ds.object_storage_mode = DatastoreMode::self_managed;
  const auto issues = tierplan::scenario_issues(scenario);
  EXPECT_TRUE(has_issue(issues, "environments[1].policy.datastores.vector_store_mode",
                        "must be in_cluster or self_managed"));
  EXPECT_TRUE(has_issue(issues, "environments[1].policy.datastores.object_storage_mode",
                        "must be managed (the cloud's object store) or in_cluster (MinIO)"));
}

TEST(InClusterDatastores, minio_runs_only_where_object_storage_is_in_the_cluster) {
  Scenario scenario = builtin();
  policy_environment(scenario, "production").policy.datastores.object_storage_mode =
      DatastoreMode::managed;
  const EnvironmentPlan production = environment_of(tierplan::plan(scenario), "production");
  for (const auto& c : production.components) EXPECT_NE(c.name, "minio");
  EXPECT_NE(item_of(production, "object_storage").reason.find("S3"), std::string::npos);
}

}  // namespace

namespace {

TEST(Deployment, each_datastore_mode_is_planned_or_says_why_not) {
  const auto options = tierplan::plan_with_each_datastore_mode(builtin(), "staging");
  ASSERT_EQ(options.size(), 3u);
  for (const auto& option : options) {
    ASSERT_TRUE(option.plan.has_value()) << option.why_not;
    const auto& ds = option.mode;
    const auto& data = option.plan->data;
    // In the cluster every datastore is a pod; otherwise none is.
    EXPECT_EQ(data.in_cluster_pods.empty(), ds != tierplan::DatastoreMode::in_cluster);
    EXPECT_EQ(data.postgres.parameter_group.empty(), ds != tierplan::DatastoreMode::managed);
  }
  EXPECT_THROW(tierplan::plan_with_each_datastore_mode(builtin(), "prod"),
               tierplan::ValidationError);
}

}  // namespace
