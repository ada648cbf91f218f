#include "tierplan/cost.hpp"

#include <stdexcept>
#include <string>

#include "io/format.hpp"
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

}  // namespace

const CostItem* CostPlan::find(const std::string& item) const {
  for (const auto& c : items) {
    if (c.item == item) return &c;
  }
  return nullptr;
}

CostPlan plan_cost(const NodePlan& nodes, const DataPlan& data, const LogPlan& logs,
                   const BackupPlan& backups, const EnvironmentPolicy& policy,
                   const Catalog& catalog) {
  CostPlan plan = detail::plan_cost(nodes, data, logs, backups, policy, catalog);
  detail::explain_cost(plan, nodes, data, policy, catalog);
  return plan;
}

CostPlan detail::plan_cost(const NodePlan& nodes, const DataPlan& data, const LogPlan& logs,
                           const BackupPlan& backups, const EnvironmentPolicy& policy,
                           const Catalog& catalog) {
  CostPlan plan;
  plan.items.reserve(11);
  const Prices& prices = prices_of(catalog, policy);
  plan.cloud = prices.cloud;
  plan.region = policy.region.empty() ? prices.region : policy.region;
  const double factor = catalog.price_factor(plan.cloud, policy.region);
  plan.region_price_factor = factor;
  add_item(plan, kControlPlane, 1, "clusters",
           prices.control_plane_usd_per_hour.usd * kHoursPerMonth * factor);
  // The node plan's cost is at the region's prices already (size_nodes).
  add_item(plan, kWorkerNodes, nodes.count, "nodes",
           nodes.node_type.price_usd_per_hour * kHoursPerMonth * factor);
  plan.items.back().cost_usd_month = nodes.cost_usd_month;
  // A datastore in the cluster costs no instance (its pods are on the worker nodes, priced
  // there: the shape's price is 0) and keeps its data on the nodes' block volumes.
  const DatastorePolicy& datastores = policy.datastores;
  const int postgres_instances = datastores.postgres_standby ? 2 : 1;
  add_instances(plan, kPostgresInstances, postgres_instances, data.postgres.shape, factor);
  add_item(plan, kPostgresStorage, data.postgres.storage_gib * postgres_instances, "GiB",
           price_of(prices, kPostgresStorage, datastores).usd * factor);
  const int redis_instances = datastores.redis_replica_with_sentinels ? 2 : 1;
  add_instances(plan, kRedisInstances, redis_instances, data.redis.shape, factor);
  add_instances(plan, kQdrantNodes, data.qdrant.nodes, data.qdrant.shape, factor);
  const std::pair<const char*, std::pair<double, double>> storage[] = {
      {kQdrantStorage, {data.qdrant.disk_total_gib, prices.block_storage_usd_per_gib_month.usd}},
      {kObjectStorage,
       {data.object_storage.total_gib, price_of(prices, kObjectStorage, datastores).usd}},
      {kBackupStorage, {backups.storage_gib, prices.backup_storage_usd_per_gib_month.usd}},
      {kLogStorage, {logs.stored_gib, prices.log_storage_usd_per_gib_month.usd}}};
  for (const auto& [item, amount] : storage) {
    add_item(plan, item, amount.first, "GiB", amount.second * factor);
  }
  add_item(plan, kLogIngestion, logs.gib_per_day * kDaysPerMonth, "GiB/month",
           prices.log_ingestion_usd_per_gib.usd * factor);
  for (const auto& c : plan.items) plan.total_usd_month += c.cost_usd_month;
  plan.total_usd_year = plan.total_usd_month * units::kMonthsPerYear;
  return plan;
}

void detail::explain_cost(CostPlan& plan, const NodePlan& nodes, const DataPlan& data,
                          const EnvironmentPolicy& policy, const Catalog& catalog) {
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
  item_of(plan, kWorkerNodes).reason = nodes.cost_reason;
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
  explain_instances(plan, kQdrantNodes, data.qdrant.shape, "vector store nodes", catalog,
                    datastores.vector_store_mode);
  explain_storage(plan, kQdrantStorage, prices.block_storage_usd_per_gib_month,
                  "Qdrant volumes over every replica", catalog);
  explain_storage(plan, kObjectStorage, price_of(prices, kObjectStorage, datastores),
                  datastores.object_storage_mode == DatastoreMode::in_cluster
                      ? "MinIO volumes: objects, noncurrent versions and headroom"
                      : "objects, noncurrent versions and headroom",
                  catalog);
  explain_storage(plan, kBackupStorage, prices.backup_storage_usd_per_gib_month,
                  "PostgreSQL backups and WAL, and vector store snapshots", catalog);
  explain_storage(plan, kLogStorage, prices.log_storage_usd_per_gib_month,
                  "logs kept for their retention", catalog);
  const UnitPrice& ingestion = prices.log_ingestion_usd_per_gib;
  TextBuilder reason;
  reason.add(log_ingestion_text());
  add_source(reason, ingestion.source, ingestion.as_of);
  add_region(reason, plan, catalog);
  item_of(plan, kLogIngestion).reason = reason.str();
  plan.total_reason =
      "sum of the items at the catalog's list prices of " + plan.cloud + " in " + plan.region +
      " (on-demand, no discounts, no load balancers, NAT, node root volumes or network "
      "transfer)";
}

}  // namespace tierplan
