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
  bool operator==(const MachineShape&) const = default;
};

struct Catalog {
  std::vector<NodeType> node_types;
  std::vector<MachineShape> database_shapes;      // PostgreSQL
  std::vector<MachineShape> vector_store_shapes;  // Qdrant VMs
  std::vector<double> cache_memory_gib;           // Redis instance memory tiers
  std::string datastore_source;
  bool operator==(const Catalog&) const = default;

  const NodeType* find(const std::string& name) const;
};

}  // namespace tierplan
