#pragma once
// Tier presets: published cluster specifications (such as the official Dify
// Enterprise test and production specs) that a plan is compared against.
#include <string>
#include <vector>

namespace tierplan {

struct TierPreset {
  std::string name;
  std::string description;
  int node_vcpu = 0;
  double node_memory_gib = 0.0;
  int node_count = 0;
  std::string source;
  bool operator==(const TierPreset&) const = default;
};

struct TierRecommendation {
  std::string tier;  // preset name, or "custom"
  bool custom = false;
  bool survives_node_loss = false;  // the preset itself, under the environment's policy
  std::string exceeded_resource;    // for custom: what exceeds every preset
  std::string reason;
  bool operator==(const TierRecommendation&) const = default;
};

}  // namespace tierplan
