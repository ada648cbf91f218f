// Spot capacity (issue 13): the stateless services on a second node pool at the cloud's spot
// discount, never a datastore, a worker, a singleton or a daemon; both pools survive a node's
// loss under the policy's N+1, and the bill prices the spot pool without the commitment.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "support/plan_test_support.hpp"
#include "tierplan/json.hpp"
#include "tierplan/warnings.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace)
using tierplan::CostItem;
using tierplan::DatastoreMode;
using tierplan::PricingModel;

Scenario with_spot(Scenario scenario) {
  for (auto& environment : scenario.environments) {
    environment.policy.cost.stateless_on_spot = true;
  }
  return scenario;
}

const CostItem* find_item(const EnvironmentPlan& plan, const std::string& name) {
  for (const auto& item : plan.cost.items) {
    if (item.item == name) return &item;
  }
  return nullptr;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The component of a per-node row's pod ("api-3" -> "api").
std::string component_of_pod(const std::string& pod) { return pod.substr(0, pod.rfind('-')); }

TEST(SpotPool, only_stateless_services_go_to_the_spot_pool) {
  const Scenario scenario = with_spot(builtin());
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  ASSERT_GT(production.spot_nodes.count, 0);
  ASSERT_GT(production.nodes.count, 0);
  std::set<std::string> spot_components;
  for (const auto& c : production.components) {
    const tierplan::Component* model = nullptr;
    for (const auto& candidate : scenario.stack.components) {
      if (candidate.name == c.name) model = &candidate;
    }
    ASSERT_NE(model, nullptr) << c.name;
    const bool stateless = model->kind == tierplan::ComponentKind::service &&
                           model->scales_horizontally &&
                           model->in_cluster_for == tierplan::DatastoreKind::none;
    EXPECT_EQ(c.on_spot, stateless) << c.name;
    if (c.on_spot) spot_components.insert(c.name);
  }
  EXPECT_TRUE(spot_components.count("api")) << "api is a stateless service";
  EXPECT_FALSE(spot_components.count("worker")) << "a reclaimed worker loses its tasks";
  // The per-node rows: the spot nodes hold the spot components' pods only, the on-demand
  // nodes every other pod, the in-cluster datastores among them.
  int spot_pods = 0;
  for (const auto& node : production.spot_nodes.nodes) {
    for (const auto& pod : node.pods) {
      EXPECT_TRUE(spot_components.count(component_of_pod(pod))) << pod;
      ++spot_pods;
    }
  }
  int on_demand_pods = 0;
  for (const auto& node : production.nodes.nodes) {
    for (const auto& pod : node.pods) {
      EXPECT_FALSE(spot_components.count(component_of_pod(pod))) << pod;
      ++on_demand_pods;
    }
  }
  EXPECT_EQ(spot_pods + on_demand_pods, production.totals.pods);
  EXPECT_EQ(production.spot_nodes.node_type.cloud, production.nodes.node_type.cloud);
  EXPECT_TRUE(contains(production.spot_nodes.pool_reason, "stateless services api"))
      << production.spot_nodes.pool_reason;
  EXPECT_TRUE(contains(production.nodes.pool_reason, "Celery tasks"))
      << production.nodes.pool_reason;
}

TEST(SpotPool, in_cluster_datastores_stay_on_demand) {
  Scenario scenario = with_spot(builtin());
  // Production with PostgreSQL, Redis and MinIO in the cluster (Qdrant's production pods
  // fit no node of the catalog: it stays on VMs).
  auto& modes = policy_environment(scenario, "production").policy.datastores;
  modes.postgres_mode = DatastoreMode::in_cluster;
  modes.redis_mode = DatastoreMode::in_cluster;
  modes.object_storage_mode = DatastoreMode::in_cluster;
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  ASSERT_FALSE(production.data.in_cluster_pods.empty());
  ASSERT_GT(production.spot_nodes.count, 0);
  std::set<std::string> datastores;
  for (const auto& pod : production.data.in_cluster_pods) datastores.insert(pod.name);
  int found = 0;
  for (const auto& node : production.nodes.nodes) {
    for (const auto& pod : node.pods) found += datastores.count(component_of_pod(pod));
  }
  for (const auto& node : production.spot_nodes.nodes) {
    for (const auto& pod : node.pods) {
      EXPECT_FALSE(datastores.count(component_of_pod(pod))) << pod << " is a datastore";
    }
  }
  int replicas = 0;
  for (const auto& pod : production.data.in_cluster_pods) replicas += pod.replicas;
  EXPECT_EQ(found, replicas);
}

// The pods of one pool of the plan, as the packing places them.
std::vector<tierplan::Pod> pool_pods(const EnvironmentPlan& plan, bool spot,
                                     tierplan::PackingMeasure measure) {
  std::vector<tierplan::ComponentPlan> members;
  for (const auto& c : plan.components) {
    if (c.on_spot == spot) members.push_back(c);
  }
  return tierplan::pods_of(members, measure);
}

TEST(SpotPool, both_pools_survive_a_node_loss_under_n_plus_one) {
  Scenario scenario = with_spot(builtin());
  const auto& policy = policy_environment(scenario, "production").policy;
  ASSERT_TRUE(policy.survive_node_loss);
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  ASSERT_GT(production.spot_nodes.count, 0);
  ASSERT_TRUE(production.data.in_cluster_pods.empty()) << "managed datastores in production";
  // Each pool's pods packed again onto its planned nodes, and every single node lost in turn.
  for (const bool spot : {false, true}) {
    const tierplan::NodePlan& nodes = spot ? production.spot_nodes : production.nodes;
    const auto pods = pool_pods(production, spot, nodes.packed_by);
    const auto packing = tierplan::pack_pods(pods, nodes.allocatable, nodes.count, policy);
    ASSERT_TRUE(packing.fits) << (spot ? "spot" : "on demand");
    EXPECT_TRUE(tierplan::survives_any_node_loss(pods, packing, nodes.allocatable, policy))
        << (spot ? "spot" : "on demand");
  }
  EXPECT_TRUE(contains(production.spot_nodes.pool_reason, "N+1"));
  EXPECT_FALSE(production.spot_nodes.count_reason.empty());
  EXPECT_FALSE(production.spot_nodes.type_reason.empty());
  EXPECT_FALSE(production.spot_nodes.horizon_reason.empty());
}

TEST(SpotPool, the_bill_prices_the_spot_pool_at_the_spot_discount_without_commitment) {
  Scenario scenario = with_spot(builtin());
  // On azure, whose spot discount pays for a second pool under a 1-year commitment too.
  auto& policy = policy_environment(scenario, "production").policy;
  policy.cloud = tierplan::Cloud::azure;
  policy.region = "";
  policy.cost.pricing = PricingModel::commitment_1yr;
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  const CostItem* spot = find_item(production, "spot_nodes");
  ASSERT_NE(spot, nullptr);
  const tierplan::Prices* prices = scenario.catalog.prices_for(production.cost.cloud);
  ASSERT_NE(prices, nullptr);
  const double discount = prices->spot_discount_percent.value / 100.0;
  ASSERT_GT(discount, 0.0);
  EXPECT_EQ(spot->quantity, production.spot_nodes.count);
  EXPECT_NEAR(spot->cost_usd_month, production.spot_nodes.cost_usd_month * (1.0 - discount),
              1e-9 * spot->cost_usd_month);
  EXPECT_TRUE(contains(spot->reason, prices->spot_discount_percent.source)) << spot->reason;
  EXPECT_TRUE(contains(spot->reason, "no commitment")) << spot->reason;
  // The on-demand pool keeps the commitment; the root volumes count both pools.
  const CostItem* workers = find_item(production, "worker_nodes");
  ASSERT_NE(workers, nullptr);
  EXPECT_NEAR(
      workers->cost_usd_month,
      production.nodes.cost_usd_month * (1.0 - production.cost.commitment_discount_fraction),
      1e-9 * workers->cost_usd_month);
  const CostItem* volumes = find_item(production, "node_root_volumes");
  ASSERT_NE(volumes, nullptr);
  EXPECT_DOUBLE_EQ(volumes->quantity, (production.nodes.count + production.spot_nodes.count) *
                                          prices->node_root_volume_gib.value);
}

// Each pool keeps its own N+1 spare and spread: two pools are taken only where they cost less
// than one on-demand pool for the same pods, and the one pool says what the split would cost.
TEST(SpotPool, the_spot_pool_is_taken_only_where_it_lowers_the_compute_bill) {
  const Plan one_pool = tierplan::plan(builtin());
  const Plan two_pools = tierplan::plan(with_spot(builtin()));
  const auto compute = [](const EnvironmentPlan& plan) {
    double sum = 0.0;
    for (const char* item : {"worker_nodes", "spot_nodes"}) {
      if (const CostItem* line = find_item(plan, item)) sum += line->cost_usd_month;
    }
    return sum;
  };
  for (const auto& name : {"test", "staging", "production"}) {
    const EnvironmentPlan& before = environment_of(one_pool, name);
    const EnvironmentPlan& after = environment_of(two_pools, name);
    EXPECT_EQ(after.totals.pods, before.totals.pods) << name;
    EXPECT_EQ(after.totals.request_cpu_m, before.totals.request_cpu_m) << name;
    if (after.spot_nodes.count > 0) {
      EXPECT_LT(compute(after), compute(before)) << name;
      EXPECT_TRUE(contains(after.spot_nodes.pool_reason, "against $")) << name;
    } else {
      EXPECT_EQ(compute(after), compute(before)) << name;
      EXPECT_EQ(after.nodes.count, before.nodes.count) << name;
      EXPECT_TRUE(contains(after.nodes.pool_reason, "one on-demand pool for every pod"))
          << after.nodes.pool_reason;
      for (const auto& c : after.components) EXPECT_FALSE(c.on_spot) << name << " " << c.name;
    }
  }
  // The test environment's one small node is cheaper than two pools; production saves.
  EXPECT_EQ(environment_of(two_pools, "test").spot_nodes.count, 0);
  EXPECT_GT(environment_of(two_pools, "production").spot_nodes.count, 0);
}

TEST(SpotPool, without_the_policy_flag_every_pod_is_on_demand) {
  const Plan plan = tierplan::plan(builtin());
  for (const auto& environment : plan.environments) {
    EXPECT_EQ(environment.spot_nodes.count, 0) << environment.name;
    EXPECT_EQ(find_item(environment, "spot_nodes"), nullptr) << environment.name;
    EXPECT_TRUE(environment.nodes.pool_reason.empty()) << environment.name;
    for (const auto& c : environment.components) EXPECT_FALSE(c.on_spot) << c.name;
  }
}

TEST(SpotPool, a_single_replica_on_spot_is_warned) {
  Scenario scenario = with_spot(builtin());
  policy_environment(scenario, "staging").policy.min_replicas = 1;
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& test = environment_of(plan, "staging");
  bool single = false;
  for (const auto& c : test.components) single = single || (c.on_spot && c.replicas == 1);
  ASSERT_TRUE(single) << "a floor of one replica leaves a service with one";
  bool warned = false;
  for (const auto& warning : test.warnings) {
    warned = warned || contains(warning, "replica on the spot pool");
  }
  EXPECT_TRUE(warned);
  bool outage = false;
  for (const auto& w : tierplan::ranked_warnings(test)) {
    outage = outage || (contains(w.text, "replica on the spot pool") &&
                        w.risk == tierplan::WarningRisk::outage);
  }
  EXPECT_TRUE(outage);
}

TEST(SpotPool, the_tier_names_both_pools_and_no_node_holds_more_than_the_policys_share) {
  Scenario scenario = with_spot(builtin());
  const double share =
      policy_environment(scenario, "production").policy.max_capacity_share_per_node;
  ASSERT_LT(share, 1.0);
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  ASSERT_GT(production.spot_nodes.count, 0);
  const std::string both = std::to_string(production.nodes.count) + " x " +
                           production.nodes.node_type.name + " on demand + " +
                           std::to_string(production.spot_nodes.count) + " x " +
                           production.spot_nodes.node_type.name + " on spot";
  EXPECT_TRUE(contains(production.tier.reason, both)) << production.tier.reason;
  for (double tierplan::NodeAllocatable::*room :
       {&tierplan::NodeAllocatable::pod_cpu_m, &tierplan::NodeAllocatable::pod_memory_mib}) {
    const auto& a = production.nodes;
    const auto& b = production.spot_nodes;
    const double total = a.count * a.allocatable.*room + b.count * b.allocatable.*room;
    EXPECT_LE(a.allocatable.*room / total, share);
    EXPECT_LE(b.allocatable.*room / total, share);
  }
}

TEST(SpotPool, a_cluster_wholly_of_stateless_services_stays_on_demand) {
  Scenario scenario = with_spot(builtin());
  // A stack of the stateless services alone.
  std::erase_if(scenario.stack.components, [](const tierplan::Component& c) {
    return c.kind != tierplan::ComponentKind::service || !c.scales_horizontally ||
           c.in_cluster_for != tierplan::DatastoreKind::none;
  });
  // Production's datastores are managed: no pod would be left on demand.
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  ASSERT_TRUE(production.data.in_cluster_pods.empty());
  EXPECT_EQ(production.spot_nodes.count, 0);
  EXPECT_TRUE(contains(production.nodes.pool_reason, "wholly on spot"))
      << production.nodes.pool_reason;
  for (const auto& c : production.components) EXPECT_FALSE(c.on_spot) << c.name;
}

TEST(SpotPool, a_stack_with_no_stateless_service_keeps_every_pod_on_demand) {
  Scenario scenario = with_spot(builtin());
  for (auto& component : scenario.stack.components) {
    if (component.kind == tierplan::ComponentKind::service) {
      component.kind = tierplan::ComponentKind::worker;
    }
  }
  const Plan plan = tierplan::plan(scenario);
  const EnvironmentPlan& production = environment_of(plan, "production");
  EXPECT_EQ(production.spot_nodes.count, 0);
  EXPECT_TRUE(contains(production.nodes.pool_reason, "no component is a stateless service"))
      << production.nodes.pool_reason;
}

TEST(SpotPool, the_plan_json_keeps_the_spot_pool) {
  const Plan plan = tierplan::plan(with_spot(builtin()));
  const std::string text = tierplan::plan_to_json_string(plan);
  const Json written = Json::parse(text);
  ASSERT_TRUE(written["environments"][2].contains("spot_nodes"));
  const Plan again = tierplan::plan_from_json_string(text);
  const EnvironmentPlan& production = environment_of(again, "production");
  const EnvironmentPlan& original = environment_of(plan, "production");
  EXPECT_EQ(production.spot_nodes.count, original.spot_nodes.count);
  EXPECT_EQ(production.spot_nodes.node_type.name, original.spot_nodes.node_type.name);
  EXPECT_EQ(production.spot_nodes.pool_reason, original.spot_nodes.pool_reason);
  for (std::size_t i = 0; i < production.components.size(); ++i) {
    EXPECT_EQ(production.components[i].on_spot, original.components[i].on_spot);
  }
  // One pool: no spot_nodes member.
  const Json single = Json::parse(tierplan::plan_to_json_string(tierplan::plan(builtin())));
  EXPECT_FALSE(single["environments"][2].contains("spot_nodes"));
}

TEST(SpotPool, the_policy_flag_reads_and_writes_with_the_scenario) {
  const Scenario scenario = with_spot(builtin());
  const Json written = tierplan::scenario_to_json(scenario);
  EXPECT_EQ(written["environments"][0]["policy"]["cost"]["stateless_on_spot"], true);
  const Scenario again = tierplan::scenario_from_json(written);
  EXPECT_TRUE(again.environments[0].policy.cost.stateless_on_spot);
}

}  // namespace
