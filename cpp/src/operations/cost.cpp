#include "tierplan/cost.hpp"

#include "io/format.hpp"
#include "planner/planner_detail.hpp"
#include "tierplan/plan.hpp"

namespace tierplan {

namespace {

using detail::TextBuilder;

constexpr double kDaysPerMonth = 365.25 / 12.0;

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

CostItem& add_item(CostPlan& plan, const char* item, double quantity, const char* unit,
                   double unit_cost_usd_month) {
  CostItem& c = plan.items.emplace_back();
  c.item = item;
  c.quantity = quantity;
  c.unit = unit;
  c.unit_cost_usd_month = unit_cost_usd_month;
  c.cost_usd_month = quantity * unit_cost_usd_month;
  return c;
}

void instance_item(CostPlan& plan, const char* item, int instances, const MachineShape& shape,
                   const char* why, bool explain) {
  CostItem& c =
      add_item(plan, item, instances, "instances", shape.price_usd_per_hour * kHoursPerMonth);
  if (!explain) return;
  TextBuilder reason;
  reason.add(shape.name, " (", why, ") at its hourly price x 730 h/month");
  add_source(reason, shape.source, shape.as_of);
  c.reason = reason.str();
}

void storage_item(CostPlan& plan, const char* item, double gib, const UnitPrice& price,
                  const char* what, bool explain) {
  CostItem& c = add_item(plan, item, gib, "GiB", price.usd);
  if (!explain) return;
  TextBuilder reason;
  reason.add(what, " at the catalog's price per GiB-month");
  add_source(reason, price.source, price.as_of);
  c.reason = reason.str();
}

}  // namespace

const CostItem* CostPlan::find(const std::string& item) const {
  for (const auto& c : items) {
    if (c.item == item) return &c;
  }
  return nullptr;
}

CostPlan plan_cost(const NodePlan& nodes, const DataPlan& data, const LogPlan& logs,
                   const BackupPlan& backups, const DatastorePolicy& datastores,
                   const Catalog& catalog) {
  return detail::plan_cost(nodes, data, logs, backups, datastores, catalog,
                           detail::PlanDetail::full);
}

CostPlan detail::plan_cost(const NodePlan& nodes, const DataPlan& data, const LogPlan& logs,
                           const BackupPlan& backups, const DatastorePolicy& datastores,
                           const Catalog& catalog, PlanDetail level) {
  const bool explain = level == PlanDetail::full;
  CostPlan plan;
  plan.items.reserve(10);
  const Prices& prices = catalog.prices;
  {
    CostItem& c = add_item(plan, "worker_nodes", nodes.count, "nodes",
                           nodes.node_type.price_usd_per_hour * kHoursPerMonth);
    c.cost_usd_month = nodes.cost_usd_month;
    if (explain) c.reason = nodes.cost_reason;
  }
  const int postgres_instances = datastores.postgres_standby ? 2 : 1;
  instance_item(plan, "postgres_instances", postgres_instances, data.postgres.shape,
                datastores.postgres_standby ? "primary and standby" : "single instance", explain);
  storage_item(plan, "postgres_storage", data.postgres.storage_gib * postgres_instances,
               prices.database_storage_usd_per_gib_month,
               datastores.postgres_standby ? "PostgreSQL volumes of the primary and the standby"
                                           : "PostgreSQL volume",
               explain);
  const int redis_instances = datastores.redis_replica_with_sentinels ? 2 : 1;
  instance_item(plan, "redis_instances", redis_instances, data.redis.shape,
                datastores.redis_replica_with_sentinels ? "primary and replica" : "single instance",
                explain);
  instance_item(plan, "qdrant_nodes", data.qdrant.nodes, data.qdrant.shape, "vector store nodes",
                explain);
  storage_item(plan, "qdrant_storage", data.qdrant.disk_total_gib,
               prices.block_storage_usd_per_gib_month, "Qdrant volumes over every replica",
               explain);
  storage_item(plan, "object_storage", data.object_storage.total_gib,
               prices.object_storage_usd_per_gib_month, "objects, noncurrent versions and headroom",
               explain);
  storage_item(plan, "backup_storage", backups.storage_gib, prices.backup_storage_usd_per_gib_month,
               "PostgreSQL backups and WAL, and vector store snapshots", explain);
  storage_item(plan, "log_storage", logs.stored_gib, prices.log_storage_usd_per_gib_month,
               "logs kept for their retention", explain);
  {
    const UnitPrice& price = prices.log_ingestion_usd_per_gib;
    CostItem& c =
        add_item(plan, "log_ingestion", logs.gib_per_day * kDaysPerMonth, "GiB/month", price.usd);
    if (explain) {
      TextBuilder reason;
      reason.add(
          "logs written per month (GiB/day x 365.25 / 12 days) at the catalog's price per GiB");
      add_source(reason, price.source, price.as_of);
      c.reason = reason.str();
    }
  }
  for (const auto& c : plan.items) plan.total_usd_month += c.cost_usd_month;
  if (!explain) return plan;
  plan.total_reason =
      "sum of the items at the catalog's list prices (on-demand, no discounts, no network "
      "transfer or requests)";
  return plan;
}

}  // namespace tierplan
