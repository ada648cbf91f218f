#include "tierplan/cost.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "io/format.hpp"
#include "io/serialization.hpp"
#include "model/choices.hpp"
#include "planner/planner_detail.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/plan.hpp"
#include "units.hpp"

namespace tierplan {

namespace {

using detail::Fixed;
using detail::Readable;
using detail::TextBuilder;
using units::kDaysPerMonth;

// The items of a cost plan, in their order.
constexpr const char* kControlPlane = "control_plane";
constexpr const char* kWorkerNodes = "worker_nodes";
constexpr const char* kSpotNodes = "spot_nodes";  // only when the environment has a spot pool
constexpr const char* kNodeRootVolumes = "node_root_volumes";
constexpr const char* kLoadBalancers = "load_balancers";
constexpr const char* kNatGateways = "nat_gateways";
constexpr const char* kDataTransfer = "data_transfer";
constexpr const char* kPostgresInstances = "postgres_instances";
constexpr const char* kPostgresStorage = "postgres_storage";
constexpr const char* kRedisInstances = "redis_instances";
constexpr const char* kQdrantNodes = "qdrant_nodes";
constexpr const char* kQdrantStorage = "qdrant_storage";
constexpr const char* kObjectStorage = "object_storage";
constexpr const char* kBackupStorage = "backup_storage";
constexpr const char* kLogStorage = "log_storage";
constexpr const char* kLogIngestion = "log_ingestion";

// Reasons name where the quantity and the price come from; the numbers themselves are
// the item's fields (quantity, unit_cost_usd_month), not repeated in the text.
// The price's source and date, or that the catalog has none.
void add_source(TextBuilder& text, const std::string& source, const std::string& as_of) {
  if (source.empty()) {
    text.add(" (no source in the catalog)");
  } else {
    text.add(" (", source, as_of.empty() ? "" : ", ", as_of, ")");
  }
}

void add_item(CostPlan& plan, const char* item, double quantity, const char* unit,
              double unit_cost_usd_month) {
  CostItem& c = plan.items.emplace_back();
  c.item = item;
  c.quantity = quantity;
  c.unit = unit;
  c.unit_cost_usd_month = unit_cost_usd_month;
  c.cost_usd_month = quantity * unit_cost_usd_month;
}

void add_instances(CostPlan& plan, const char* item, int instances, const MachineShape& shape,
                   double factor) {
  add_item(plan, item, instances, "instances", shape.price_usd_per_hour * kHoursPerMonth * factor);
}

// The storage price of a datastore's data by how it runs: the managed service's, or block
// volumes for PostgreSQL on VMs or in the cluster and for MinIO.
const UnitPrice& price_of(const Prices& prices, const char* item, const DatastorePolicy& ds) {
  if (std::string_view(item) == kPostgresStorage) {
    return ds.postgres_mode == DatastoreMode::managed ? prices.database_storage_usd_per_gib_month
                                                      : prices.block_storage_usd_per_gib_month;
  }
  return ds.object_storage_mode == DatastoreMode::in_cluster
             ? prices.block_storage_usd_per_gib_month
             : prices.object_storage_usd_per_gib_month;
}

// The prices of the environment's cloud; validation makes sure the catalog lists them.
const Prices& prices_of(const Catalog& catalog, const EnvironmentPolicy& policy) {
  const std::string_view cloud = detail::cloud_name(policy.cloud);
  const Prices* prices = catalog.prices_for(cloud);
  if (prices == nullptr) {
    throw PlanningError("the catalog lists no prices of " + std::string(cloud));
  }
  return *prices;
}

// The item of that name, which plan_cost added.
CostItem& item_of(CostPlan& plan, const char* item) {
  for (auto& c : plan.items) {
    if (c.item == item) return c;
  }
  throw std::logic_error(std::string("cost plan without its item ") + item);
}

// Fragments of the reasons made of constants only: made once, shared by every plan.
const std::string& hours_per_month_text() {
  static const std::string text =
      detail::concat(") at its hourly price x ", Readable{kHoursPerMonth}, " h/month");
  return text;
}
const std::string& log_ingestion_text() {
  static const std::string text =
      detail::concat("logs written per month (GiB/day x ", Fixed{units::kDaysPerYear, 2}, " / ",
                     Fixed{units::kMonthsPerYear, 0}, " days) at the catalog's price per GiB");
  return text;
}

// " x 1.115 for eu-west-1 (source, date)" when the region's prices differ from the listed.
void add_region(TextBuilder& text, const CostPlan& plan, const Catalog& catalog) {
  if (plan.region_price_factor == 1.0) return;
  text.add(", x ", Readable{plan.region_price_factor}, " for ", plan.region);
  if (const Region* region = catalog.find_region(plan.cloud, plan.region)) {
    add_source(text, region->source, region->as_of);
  }
}

// base, and the commitment's discount when the policy commits.
void explain_committed(CostPlan& plan, const char* item, const std::string& base,
                       const Prices& prices, PricingModel pricing) {
  if (pricing == PricingModel::on_demand) {
    item_of(plan, item).reason = base;
    return;
  }
  const SourcedValue& discount = pricing == PricingModel::commitment_1yr
                                     ? prices.commitment_1yr_discount_percent
                                     : prices.commitment_3yr_discount_percent;
  TextBuilder reason;
  reason.add(base, "; ", pricing == PricingModel::commitment_1yr ? "1" : "3",
             "-year commitment: ", Readable{discount.value}, "% off");
  add_source(reason, discount.source, discount.as_of);
  item_of(plan, item).reason = reason.str();
}

// Root volumes of the nodes, the load balancers, the NAT gateways and the data sent out.
void explain_network(CostPlan& plan, const Prices& prices, const CostPolicy& cost,
                     const Catalog& catalog) {
  {
    TextBuilder reason;
    reason.add("each node's ", Readable{prices.node_root_volume_gib.value}, " GiB boot volume");
    add_source(reason, prices.node_root_volume_gib.source, prices.node_root_volume_gib.as_of);
    reason.add(" at the block storage price per GiB-month");
    add_source(reason, prices.block_storage_usd_per_gib_month.source,
               prices.block_storage_usd_per_gib_month.as_of);
    add_region(reason, plan, catalog);
    item_of(plan, kNodeRootVolumes).reason = reason.str();
  }
  const std::pair<const char*, const UnitPrice*> hourly[] = {
      {kLoadBalancers, &prices.load_balancer_usd_per_hour},
      {kNatGateways, &prices.nat_gateway_usd_per_hour}};
  for (const auto& [item, price] : hourly) {
    TextBuilder reason;
    reason.add(item == kLoadBalancers
                   ? "the ingress's load balancers (policy.cost.load_balancers"
                   : "NAT gateways of the private nodes (policy.cost.nat_gateways: one per zone "
                     "keeps outbound traffic through a zone's loss",
               hours_per_month_text());
    add_source(reason, price->source, price->as_of);
    add_region(reason, plan, catalog);
    item_of(plan, item).reason = reason.str();
  }
  TextBuilder reason;
  if (cost.outbound_kib_per_request <= 0.0) {
    reason.add(
        "not estimated: set policy.cost.outbound_kib_per_request to price the data the "
        "stack sends out (prompts to the LLM provider) through NAT to the internet");
  } else {
    reason.add("today's requests per month x ", Readable{cost.outbound_kib_per_request},
               " KiB sent out, at NAT data processing");
    add_source(reason, prices.nat_data_processing_usd_per_gib.source,
               prices.nat_data_processing_usd_per_gib.as_of);
    reason.add(" + internet egress");
    add_source(reason, prices.internet_egress_usd_per_gib.source,
               prices.internet_egress_usd_per_gib.as_of);
    add_region(reason, plan, catalog);
  }
  item_of(plan, kDataTransfer).reason = reason.str();
}

// The oldest and newest date of the prices the bill uses: the node type's, the datastore
// shapes' priced as instances, and the cloud's prices.
std::string prices_as_of(const detail::NodePools& pools, const DataPlan& data, const Prices& prices,
                         const DatastorePolicy& ds) {
  std::string oldest;
  std::string newest;
  const auto add = [&](const std::string& date) {
    if (date.empty()) return;
    if (oldest.empty() || date < oldest) oldest = date;
    if (newest.empty() || date > newest) newest = date;
  };
  add(pools.on_demand.node_type.as_of);
  if (pools.spot.count > 0) add(pools.spot.node_type.as_of);
  const std::pair<DatastoreMode, const MachineShape*> shapes[] = {
      {ds.postgres_mode, &data.postgres.shape},
      {ds.redis_mode, &data.redis.shape},
      {ds.vector_store_mode, &data.qdrant.shape}};
  for (const auto& [mode, shape] : shapes) {
    if (mode != DatastoreMode::in_cluster) add(shape->as_of);
  }
  for (const auto& key : detail::kPriceKeys) add((prices.*key.member).as_of);
  add(prices.node_root_volume_gib.as_of);
  if (pools.spot.count > 0) add(prices.spot_discount_percent.as_of);
  return oldest == newest ? oldest : oldest + " to " + newest;
}

void explain_instances(CostPlan& plan, const char* item, const MachineShape& shape, const char* why,
                       const Catalog& catalog, DatastoreMode mode) {
  if (mode == DatastoreMode::in_cluster) {
    item_of(plan, item).reason = detail::concat(
        "runs in the cluster (", why, "): its pods are on the worker nodes, priced by their line");
    return;
  }
  TextBuilder reason;
  reason.add(shape.name, " (", why, hours_per_month_text());
  add_source(reason, shape.source, shape.as_of);
  add_region(reason, plan, catalog);
  item_of(plan, item).reason = reason.str();
}

void explain_storage(CostPlan& plan, const char* item, const UnitPrice& price, const char* what,
                     const Catalog& catalog) {
  TextBuilder reason;
  reason.add(what, " at the catalog's price per GiB-month");
  add_source(reason, price.source, price.as_of);
  add_region(reason, plan, catalog);
  item_of(plan, item).reason = reason.str();
}

// The backup storage billed: a managed PostgreSQL's backups beyond the share of its
// provisioned storage the service includes (catalog.prices[cloud].postgres_backup_free_storage),
// and the vector store's snapshots.
double billed_backup_gib(const BackupPlan& backups, const DataPlan& data, const Prices& prices,
                         const DatastorePolicy& datastores) {
  if (datastores.postgres_mode != DatastoreMode::managed) return backups.storage_gib;
  const double free_gib =
      data.postgres.storage_gib * prices.postgres_backup_free_storage_percent.value / 100.0;
  return std::max(0.0, backups.postgres.repository_gib - free_gib) +
         backups.vector_store.snapshot_storage_gib;
}

}  // namespace

double detail::commitment_discount(const Prices& prices, PricingModel pricing) {
  switch (pricing) {
    case PricingModel::commitment_1yr:
      return prices.commitment_1yr_discount_percent.value / 100.0;
    case PricingModel::commitment_3yr:
      return prices.commitment_3yr_discount_percent.value / 100.0;
    case PricingModel::on_demand:
      break;
  }
  return 0.0;
}

double detail::spot_price_share(const Prices& prices) {
  return 1.0 - prices.spot_discount_percent.value / 100.0;
}

double detail::node_lines_usd_month(const NodePools& pools, const EnvironmentPolicy& policy,
                                    const Catalog& catalog) {
  const Prices& prices = prices_of(catalog, policy);
  const double root_volume_usd_month = prices.node_root_volume_gib.value *
                                       prices.block_storage_usd_per_gib_month.usd *
                                       catalog.price_factor(prices.cloud, policy.region);
  return pools.on_demand.cost_usd_month * (1.0 - commitment_discount(prices, policy.cost.pricing)) +
         pools.spot.cost_usd_month * spot_price_share(prices) +
         (pools.on_demand.count + pools.spot.count) * root_volume_usd_month;
}

const CostItem* CostPlan::find(const std::string& item) const {
  for (const auto& c : items) {
    if (c.item == item) return &c;
  }
  return nullptr;
}

CostPlan plan_cost(const NodePlan& nodes, const DataPlan& data, const LogPlan& logs,
                   const BackupPlan& backups, const EnvironmentPolicy& policy,
                   const Catalog& catalog, double user_requests_per_day) {
  return plan_cost(nodes, NodePlan{}, data, logs, backups, policy, catalog, user_requests_per_day);
}

CostPlan plan_cost(const NodePlan& nodes, const NodePlan& spot_nodes, const DataPlan& data,
                   const LogPlan& logs, const BackupPlan& backups, const EnvironmentPolicy& policy,
                   const Catalog& catalog, double user_requests_per_day) {
  const detail::NodePools pools{nodes, spot_nodes};
  CostPlan plan =
      detail::plan_cost(pools, data, logs, backups, policy, catalog, user_requests_per_day);
  detail::explain_cost(plan, pools, data, policy, catalog);
  return plan;
}

CostPlan detail::plan_cost(const NodePools& pools, const DataPlan& data, const LogPlan& logs,
                           const BackupPlan& backups, const EnvironmentPolicy& policy,
                           const Catalog& catalog, double user_requests_per_day) {
  const NodePlan& nodes = pools.on_demand;
  const NodePlan& spot = pools.spot;
  CostPlan plan;
  plan.items.reserve(15);
  const Prices& prices = prices_of(catalog, policy);
  plan.cloud = prices.cloud;
  plan.region = policy.region.empty() ? prices.region : policy.region;
  const double factor = catalog.price_factor(plan.cloud, policy.region);
  plan.region_price_factor = factor;
  plan.pricing = to_string(policy.cost.pricing);
  plan.commitment_discount_fraction = detail::commitment_discount(prices, policy.cost.pricing);
  const double committed = 1.0 - plan.commitment_discount_fraction;
  add_item(plan, kControlPlane, 1, "clusters",
           prices.control_plane_usd_per_hour.usd * kHoursPerMonth * factor);
  // The node plan's cost is at the region's on-demand prices already (size_nodes).
  add_item(plan, kWorkerNodes, nodes.count, "nodes",
           nodes.node_type.price_usd_per_hour * kHoursPerMonth * factor * committed);
  plan.items.back().cost_usd_month = nodes.cost_usd_month * committed;
  // Spot capacity is bought at the market's price, which no commitment covers.
  if (spot.count > 0) {
    const double spot_share = detail::spot_price_share(prices);
    add_item(plan, kSpotNodes, spot.count, "nodes",
             spot.node_type.price_usd_per_hour * kHoursPerMonth * factor * spot_share);
    plan.items.back().cost_usd_month = spot.cost_usd_month * spot_share;
  }
  add_item(plan, kNodeRootVolumes, (nodes.count + spot.count) * prices.node_root_volume_gib.value,
           "GiB", prices.block_storage_usd_per_gib_month.usd * factor);
  add_item(plan, kLoadBalancers, policy.cost.load_balancers, "load balancers",
           prices.load_balancer_usd_per_hour.usd * kHoursPerMonth * factor);
  add_item(plan, kNatGateways, policy.cost.nat_gateways, "gateways",
           prices.nat_gateway_usd_per_hour.usd * kHoursPerMonth * factor);
  add_item(plan, kDataTransfer,
           user_requests_per_day * kDaysPerMonth * policy.cost.outbound_kib_per_request /
               units::kKibPerGib,
           "GiB/month",
           (prices.nat_data_processing_usd_per_gib.usd + prices.internet_egress_usd_per_gib.usd) *
               factor);
  // A datastore in the cluster costs no instance (its pods are on the worker nodes, priced
  // there: the shape's price is 0) and keeps its data on the nodes' block volumes.
  const DatastorePolicy& datastores = policy.datastores;
  const int postgres_instances = datastores.postgres_standby ? 2 : 1;
  add_instances(plan, kPostgresInstances, postgres_instances, data.postgres.shape, factor);
  add_item(plan, kPostgresStorage, data.postgres.storage_gib * postgres_instances, "GiB",
           price_of(prices, kPostgresStorage, datastores).usd * factor);
  const int redis_instances = datastores.redis_replica_with_sentinels ? 2 : 1;
  add_instances(plan, kRedisInstances, redis_instances, data.redis.shape, factor);
  // A replicated offering priced as one (Azure's Standard cache): each of its two nodes at half.
  if (redis_instances == 2 && datastores.redis_mode == DatastoreMode::managed &&
      data.redis.shape.replicated_price_usd_per_hour > 0.0) {
    CostItem& redis = plan.items.back();
    redis.unit_cost_usd_month =
        data.redis.shape.replicated_price_usd_per_hour / 2.0 * kHoursPerMonth * factor;
    redis.cost_usd_month = redis.quantity * redis.unit_cost_usd_month;
  }
  // The vector store's VMs are compute like the nodes: the commitment covers them too.
  add_instances(plan, kQdrantNodes, data.qdrant.nodes, data.qdrant.shape, factor * committed);
  const std::pair<const char*, std::pair<double, double>> storage[] = {
      {kQdrantStorage, {data.qdrant.disk_total_gib, prices.block_storage_usd_per_gib_month.usd}},
      {kObjectStorage,
       {data.object_storage.total_gib, price_of(prices, kObjectStorage, datastores).usd}},
      {kBackupStorage,
       {billed_backup_gib(backups, data, prices, datastores),
        prices.backup_storage_usd_per_gib_month.usd}},
      {kLogStorage, {logs.stored_gib, prices.log_storage_usd_per_gib_month.usd}}};
  for (const auto& [item, amount] : storage) {
    add_item(plan, item, amount.first, "GiB", amount.second * factor);
  }
  add_item(plan, kLogIngestion, logs.gib_per_day * kDaysPerMonth, "GiB/month",
           prices.log_ingestion_usd_per_gib.usd * factor);
  for (const auto& c : plan.items) plan.total_usd_month += c.cost_usd_month;
  plan.total_usd_year = plan.total_usd_month * units::kMonthsPerYear;
  plan.prices_as_of = prices_as_of(pools, data, prices, datastores);
  return plan;
}

void detail::explain_cost(CostPlan& plan, const NodePools& pools, const DataPlan& data,
                          const EnvironmentPolicy& policy, const Catalog& catalog) {
  const NodePlan& nodes = pools.on_demand;
  const Prices& prices = prices_of(catalog, policy);
  const DatastorePolicy& datastores = policy.datastores;
  {
    const UnitPrice& fee = prices.control_plane_usd_per_hour;
    TextBuilder reason;
    reason.add("one managed Kubernetes control plane (one cluster", hours_per_month_text());
    add_source(reason, fee.source, fee.as_of);
    add_region(reason, plan, catalog);
    item_of(plan, kControlPlane).reason = reason.str();
  }
  explain_committed(plan, kWorkerNodes, nodes.cost_reason, prices, policy.cost.pricing);
  if (pools.spot.count > 0) {
    const SourcedValue& discount = prices.spot_discount_percent;
    TextBuilder reason;
    reason.add(pools.spot.cost_reason, "; spot capacity: ", Readable{discount.value},
               "% off on-demand");
    add_source(reason, discount.source, discount.as_of);
    reason.add(", no commitment");
    item_of(plan, kSpotNodes).reason = reason.str();
  }
  explain_network(plan, prices, policy.cost, catalog);
  explain_instances(plan, kPostgresInstances, data.postgres.shape,
                    datastores.postgres_standby ? "primary and standby" : "single instance",
                    catalog, datastores.postgres_mode);
  explain_storage(plan, kPostgresStorage, price_of(prices, kPostgresStorage, datastores),
                  datastores.postgres_standby ? "PostgreSQL volumes of the primary and the standby"
                                              : "PostgreSQL volume",
                  catalog);
  explain_instances(
      plan, kRedisInstances, data.redis.shape,
      datastores.redis_replica_with_sentinels ? "primary and replica" : "single instance", catalog,
      datastores.redis_mode);
  const double replicated = data.redis.shape.replicated_price_usd_per_hour;
  if (datastores.redis_replica_with_sentinels && replicated > 0.0 &&
      datastores.redis_mode == DatastoreMode::managed) {
    item_of(plan, kRedisInstances).reason +=
        detail::concat("; the service sells the primary and its replica as one offering at $",
                       Fixed{replicated, 3}, "/h, half of it per node");
  }
  explain_instances(plan, kQdrantNodes, data.qdrant.shape, "vector store nodes", catalog,
                    datastores.vector_store_mode);
  if (datastores.vector_store_mode == DatastoreMode::self_managed) {
    explain_committed(plan, kQdrantNodes, item_of(plan, kQdrantNodes).reason, prices,
                      policy.cost.pricing);
  }
  explain_storage(plan, kQdrantStorage, prices.block_storage_usd_per_gib_month,
                  "Qdrant volumes over every replica", catalog);
  explain_storage(plan, kObjectStorage, price_of(prices, kObjectStorage, datastores),
                  datastores.object_storage_mode == DatastoreMode::in_cluster
                      ? "MinIO volumes: objects, noncurrent versions and headroom"
                      : "objects, noncurrent versions and headroom",
                  catalog);
  explain_storage(plan, kBackupStorage, prices.backup_storage_usd_per_gib_month,
                  "PostgreSQL backups and WAL, and vector store snapshots", catalog);
  if (datastores.postgres_mode == DatastoreMode::managed) {
    const SourcedValue& free = prices.postgres_backup_free_storage_percent;
    item_of(plan, kBackupStorage).reason +=
        detail::concat("; the managed PostgreSQL's backups beyond ", detail::Readable{free.value},
                       "% of its ", detail::Readable{data.postgres.storage_gib},
                       " GiB of provisioned storage only (", free.source, ", ", free.as_of, ")");
  }
  explain_storage(plan, kLogStorage, prices.log_storage_usd_per_gib_month,
                  "logs kept for their retention", catalog);
  const UnitPrice& ingestion = prices.log_ingestion_usd_per_gib;
  TextBuilder reason;
  reason.add(log_ingestion_text());
  add_source(reason, ingestion.source, ingestion.as_of);
  add_region(reason, plan, catalog);
  item_of(plan, kLogIngestion).reason = reason.str();
  plan.total_reason = detail::concat(
      "sum of the items at the catalog's list prices of ", plan.cloud, " in ", plan.region, " (",
      policy.cost.pricing == PricingModel::on_demand
          ? "on-demand"
          : "worker nodes and vector store VMs committed, the rest on-demand",
      pools.spot.count > 0 ? "; the spot pool at the spot discount" : "",
      "; managed datastores on-demand: their reserved prices are not in the catalog)");
}

}  // namespace tierplan
