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

struct Catalog {
  std::vector<NodeType> node_types;
  bool operator==(const Catalog&) const = default;

  const NodeType* find(const std::string& name) const;
};

}  // namespace tierplan
