#pragma once
// Cost per month of one environment, line by line, from the catalog's prices.
#include <string>
#include <vector>

namespace tierplan {

struct Catalog;
struct NodePlan;
struct DataPlan;
struct LogPlan;
struct BackupPlan;
struct EnvironmentPolicy;

struct CostItem {
  std::string item;
  double quantity = 0.0;
  std::string unit;  // what quantity counts: "nodes", "GiB", "GiB/month", ...
  double unit_cost_usd_month = 0.0;
  double cost_usd_month = 0.0;  // quantity x unit_cost_usd_month
  std::string reason;           // where the quantity and the price come from
  bool operator==(const CostItem&) const = default;
};

struct CostPlan {
  std::vector<CostItem> items;
  // Where the prices come from: the environment's cloud and region, and the factor the
  // region's prices differ from the listed ones by (every item's unit cost includes it).
  std::string cloud;
  std::string region;
  double region_price_factor = 1.0;
  std::string pricing;  // on_demand, commitment_1yr or commitment_3yr
  // The share taken off the committed lines (worker nodes, vector store VMs), 0 on demand.
  double commitment_discount_fraction = 0.0;
  double total_usd_month = 0.0;
  double total_usd_year = 0.0;  // twelve months of the monthly total
  // When the prices of the bill were read: the oldest and the newest date of its priced
  // lines' sources ("2026-11-01" when one date, "2024-08-30 to 2026-12-04" when several).
  std::string prices_as_of;
  std::string total_reason;
  bool operator==(const CostPlan&) const = default;

  const CostItem* find(const std::string& item) const;
};

// The bill of an environment on policy.cloud in policy.region, at the catalog's prices of
// that cloud, paid as policy.cost says. user_requests_per_day (today's) sizes the data
// transfer estimate with policy.cost.outbound_kib_per_request. Throws PlanningError when the
// catalog lists no prices of the cloud.
CostPlan plan_cost(const NodePlan& nodes, const DataPlan& data, const LogPlan& logs,
                   const BackupPlan& backups, const EnvironmentPolicy& policy,
                   const Catalog& catalog, double user_requests_per_day = 0.0);
// The same with a spot pool of the stateless services (EnvironmentPlan::spot_nodes), priced
// at the catalog's spot discount of the cloud; none when its count is 0.
CostPlan plan_cost(const NodePlan& nodes, const NodePlan& spot_nodes, const DataPlan& data,
                   const LogPlan& logs, const BackupPlan& backups, const EnvironmentPolicy& policy,
                   const Catalog& catalog, double user_requests_per_day);

}  // namespace tierplan
