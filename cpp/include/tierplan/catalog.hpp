#pragma once
// Node instance types with their prices, each with its source and date.
#include <string>
#include <vector>

namespace tierplan {

struct NodeType {
  std::string name;
  std::string cloud;  // aws, gcp or azure
  int vcpu = 0;
  double memory_gib = 0.0;
  int max_pods = 110;
  double price_usd_per_hour = 0.0;
  std::string source;
  std::string as_of;  // ISO date the price was read
  bool operator==(const NodeType&) const = default;
};

// A machine shape for a datastore (a managed instance class or a VM).
struct MachineShape {
  std::string name;
  int vcpu = 0;
  double memory_gib = 0.0;
  double price_usd_per_hour = 0.0;
  std::string source;  // where the price comes from
  std::string as_of;   // ISO date the price was read
  bool operator==(const MachineShape&) const = default;
};

// One price with its source and the date it was read.
struct UnitPrice {
  double usd = 0.0;
  std::string source;
  std::string as_of;
  bool operator==(const UnitPrice&) const = default;
};

// Storage and log prices; a scenario overrides any of them by its catalog.
struct Prices {
  UnitPrice database_storage_usd_per_gib_month;  // managed PostgreSQL volumes
  UnitPrice block_storage_usd_per_gib_month;     // volumes of the vector store VMs
  UnitPrice object_storage_usd_per_gib_month;    // uploads, documents, versions
  UnitPrice backup_storage_usd_per_gib_month;    // backup repository and snapshots
  UnitPrice log_storage_usd_per_gib_month;       // logs kept for their retention
  UnitPrice log_ingestion_usd_per_gib;           // logs written
  bool operator==(const Prices&) const = default;
};

struct Catalog {
  std::vector<NodeType> node_types;
  std::vector<MachineShape> database_shapes;      // PostgreSQL
  std::vector<MachineShape> vector_store_shapes;  // Qdrant VMs
  // Redis instance memory tiers: memory_gib is the tier the plan sizes to.
  std::vector<MachineShape> cache_shapes;
  std::string datastore_source;
  Prices prices;
  bool operator==(const Catalog&) const = default;

  const NodeType* find(const std::string& name) const;
};

}  // namespace tierplan
