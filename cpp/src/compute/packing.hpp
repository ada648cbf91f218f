#pragma once
// The packing kernel behind pack_pods and survives_any_node_loss (tierplan/nodes.hpp), for
// the planner's node sizing: internal, not part of the installed API.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tierplan/nodes.hpp"

namespace tierplan::detail {

// The packing kernel behind pack_pods and survives_any_node_loss, for the planner, which
// packs the same pods onto every node type at several counts: components by index
// rather than by name, the placement order sorted once per node type, and no strings
// until a packing is turned into NodeUsage rows.
struct IndexedPod {
  int component = 0;  // index into PodTable::component_names
  int replica_index = 0;
  double cpu_m = 0.0;  // by the packing measure
  double memory_mib = 0.0;
  double request_cpu_m = 0.0;
  double request_memory_mib = 0.0;
  double limit_cpu_m = 0.0;
  double limit_memory_mib = 0.0;
};

struct PodTable {
  std::vector<IndexedPod> pods;
  std::vector<std::string_view> component_names;  // each name once; the table views them
  std::vector<int> name_rank;                     // per component: its name's sorted position
  std::vector<int> replicas;                      // per component: its pods in the table
  // Set by finish(): per pod, its name rank and replica index as one number in name order.
  std::vector<std::uint64_t> name_key;
  // Set by finish(): whether the pods of each component are all of one size (as the
  // planner's are), and each component's pods by replica index (from
  // component_offsets[c] to component_offsets[c + 1]).
  bool uniform_components = false;
  std::vector<int> component_pods;
  std::vector<int> component_offsets;
  std::vector<int> scratch;             // for finish()
  std::vector<std::uint64_t> prefixes;  // per component: its name's first bytes, to compare
  // Whether every pod came from add_replicas(), in runs of strictly increasing component
  // index (as the planner adds them): each component's pods are then one run, in replica
  // order and of one size, and finish() need not sort or compare them.
  bool in_component_runs = true;
  int last_run_component = -1;

  // The index of a component by name, added when new.
  int component_index(std::string_view name);
  // Appends a pod and counts it for its component.
  void add(const IndexedPod& pod);
  // Appends count pods like pod, with replica indices 0 to count - 1.
  void add_replicas(const IndexedPod& pod, int count);
  // Empties the table, keeping its buffers for the next environment.
  void clear();
  // Ranks the component names; call once every pod is added.
  void finish();
  void reserve(std::size_t pod_count, std::size_t component_count);
};

// A table of pods as given, with the names viewing the pods' own strings.
PodTable pod_table(const std::vector<Pod>& pods);

// Reusable: reset() keeps the buffers, so a packer kept per thread packs without
// allocating once it has seen pods of the size.
class Packer {
 public:
  Packer() = default;
  Packer(const PodTable& table, const EnvironmentPolicy& policy);
  void reset(const PodTable& table, const EnvironmentPolicy& policy);

  // The node type to pack onto: its usable room and the placement order.
  void set_node(const NodeAllocatable& node);
  // First-fit decreasing onto count nodes, as pack_pods; false when a pod does not fit.
  bool pack(int count);
  // Loads a packing given as the pods (table indices) of each node, in placement order.
  void load(const std::vector<std::vector<std::size_t>>& pods_per_node);
  // Whether the pods of every single node of the last packing can be rescheduled onto
  // the others' free room, as survives_any_node_loss.
  bool survives_node_loss();
  // The last packing as NodeUsage rows, with the pods' names.
  std::vector<NodeUsage> node_usages() const;
  // Sets the last packing (with its node) aside, and brings it back, for the planner to
  // report one node type's packing after packing others.
  void keep();
  void restore();

 private:
  struct Limits {
    double cpu_m = 0.0;
    double memory_mib = 0.0;
    int slots = 0;
  };
  void sort_by_share(std::vector<int>& pods, const std::vector<double>& share, bool ordered) const;
  // The steps of survives_node_loss, defined inline in packing.cpp, their only caller:
  // the node-loss test runs for every node count the planner tries.
  inline void ready_loss_shares();
  inline void stand_nodes_by_loss_measure(std::size_t nodes);
  inline bool reschedule_lost_node(std::size_t lost, std::size_t nodes);
  inline void undo_rescheduling();
  // Placement order: largest share of the node first (first-fit decreasing), then by
  // component name and replica index, so that equal inputs give equal plans.
  bool before(int a, int b, const std::vector<double>& share) const {
    const double sa = share[static_cast<std::size_t>(a)];
    const double sb = share[static_cast<std::size_t>(b)];
    if (sa != sb) return sa > sb;
    return name_before(a, b);
  }
  bool name_before(int a, int b) const {
    return table_->name_key[static_cast<std::size_t>(a)] <
           table_->name_key[static_cast<std::size_t>(b)];
  }

  const PodTable* table_ = nullptr;
  const EnvironmentPolicy* policy_ = nullptr;
  std::size_t components_ = 0;
  Limits limits_;
  // Per pod, its share of the node by the packing measure (for uniform components, set
  // on each component's first pod only), and by the node-loss measure (made when first
  // needed; ordered: no NaN among them).
  std::vector<double> share_;
  std::vector<double> loss_share_;
  bool loss_shares_ready_ = false;
  bool loss_shares_ordered_ = true;
  struct ComponentShare {
    double share;
    int first;  // the component's first pod
  };
  std::vector<ComponentShare> component_order_;  // scratch for set_node
  std::vector<int> order_;                       // placement order
  // The last packing: per node its packed room, pods and replicas of each component,
  // and its pods in placement order (members_ from offsets_[n] to offsets_[n + 1]).
  int count_ = 0;
  std::vector<double> cpu_m_;
  std::vector<double> memory_mib_;
  std::vector<int> pod_count_;
  std::vector<int> replicas_on_;  // count_ x components_
  std::vector<int> node_of_;      // per pod
  std::vector<int> members_;
  std::vector<int> offsets_;
  std::vector<int> caps_;
  // For survives_node_loss: the pods by the node-loss measure, and each node as it
  // stands by that measure.
  std::vector<double> loss_cpu_m_;
  std::vector<double> loss_memory_mib_;
  std::vector<double> base_cpu_m_;
  std::vector<double> base_memory_mib_;
  std::vector<int> base_pods_;
  std::vector<int> base_replicas_;
  std::vector<int> scratch_;  // for pack()
  std::vector<int> displaced_;
  // What placing the displaced pods changed on the survivors, to undo it.
  struct Change {
    std::size_t node;
    std::size_t component;
    double cpu_m;
    double memory_mib;
    int pods;
    int replicas;
  };
  std::vector<Change> changes_;
  // The packing keep() set aside.
  struct Kept {
    Limits limits;
    int count = -1;
    std::vector<double> cpu_m;
    std::vector<double> memory_mib;
    std::vector<int> members;
    std::vector<int> offsets;
  };
  Kept kept_;
};

}  // namespace tierplan::detail
