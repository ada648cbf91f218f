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
struct DatastorePolicy;

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
  double total_usd_month = 0.0;
  std::string total_reason;
  bool operator==(const CostPlan&) const = default;

  const CostItem* find(const std::string& item) const;
};

CostPlan plan_cost(const NodePlan& nodes, const DataPlan& data, const LogPlan& logs,
                   const BackupPlan& backups, const DatastorePolicy& datastores,
                   const Catalog& catalog);

}  // namespace tierplan
