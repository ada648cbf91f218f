#include "compute/packing.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <utility>

namespace tierplan::detail {

namespace {

// A name's first 8 bytes as a big-endian number, zero-padded: names whose numbers differ
// compare as their numbers do.
std::uint64_t name_prefix(std::string_view name) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const auto byte =
        i < name.size() ? static_cast<unsigned char>(name[i]) : static_cast<unsigned char>(0);
    prefix = (prefix << 8) | byte;
  }
  return prefix;
}

}  // namespace

int PodTable::component_index(std::string_view name) {
  const std::uint64_t prefix = name_prefix(name);
  for (std::size_t c = 0; c < component_names.size(); ++c) {
    if (prefixes[c] == prefix && component_names[c].size() == name.size() &&
        (name.size() <= 8 || component_names[c] == name)) {
      return static_cast<int>(c);
    }
  }
  component_names.push_back(name);
  prefixes.push_back(prefix);
  replicas.push_back(0);
  return static_cast<int>(component_names.size() - 1);
}

void PodTable::add(const IndexedPod& pod) {
  in_component_runs = false;
  pods.push_back(pod);
  ++replicas[static_cast<std::size_t>(pod.component)];
}

void PodTable::add_replicas(const IndexedPod& pod, int count) {
  // Each copy takes its index where it is, rather than through pod, which the caller
  // has just written.
  for (int r = 0; r < count; ++r) {
    pods.push_back(pod);
    pods.back().replica_index = r;
  }
  if (count > 0) {
    replicas[static_cast<std::size_t>(pod.component)] += count;
    if (pod.component <= last_run_component) in_component_runs = false;
    last_run_component = pod.component;
  }
}

void PodTable::clear() {
  pods.clear();
  component_names.clear();
  prefixes.clear();
  name_rank.clear();
  replicas.clear();
  name_key.clear();
  uniform_components = false;
  component_pods.clear();
  component_offsets.clear();
  in_component_runs = true;
  last_run_component = -1;
}

namespace {

// The names in order, by insertion (a dozen components), then each one's position, and
// each pod's name key (name_rank, then replica index) that placement ties break on.
// Names compare by their first 8 bytes as a number first (big-endian, zero-padded: the
// order of the names where those differ), in full where they are equal.
void rank_component_names(PodTable& table) {
  const auto& prefixes = table.prefixes;
  const auto& component_names = table.component_names;
  const auto& pods = table.pods;
  std::vector<int>& by_name = table.scratch;
  by_name.clear();
  auto name_less = [&](std::size_t a, std::size_t b) {
    if (prefixes[a] != prefixes[b]) return prefixes[a] < prefixes[b];
    return component_names[a] < component_names[b];
  };
  for (std::size_t c = 0; c < component_names.size(); ++c) {
    std::size_t j = by_name.size();
    by_name.push_back(static_cast<int>(c));
    for (; j > 0 && name_less(c, static_cast<std::size_t>(by_name[j - 1])); --j) {
      by_name[j] = by_name[j - 1];
    }
    by_name[j] = static_cast<int>(c);
  }
  table.name_rank.assign(component_names.size(), 0);
  for (std::size_t r = 0; r < by_name.size(); ++r) {
    table.name_rank[static_cast<std::size_t>(by_name[r])] = static_cast<int>(r);
  }
  table.name_key.resize(pods.size());
  for (std::size_t i = 0; i < pods.size(); ++i) {
    const auto rank =
        static_cast<std::uint32_t>(table.name_rank[static_cast<std::size_t>(pods[i].component)]);
    // The replica index with its sign bit flipped compares as unsigned as it did signed.
    const std::uint32_t replica = static_cast<std::uint32_t>(pods[i].replica_index) ^ 0x80000000u;
    table.name_key[i] = (std::uint64_t{rank} << 32) | replica;
  }
}

// Each component's pods when they were added as one run per component, in component
// order (as the planner adds them): the runs are the answer, with no sort.
void group_component_runs(PodTable& table) {
  const std::size_t components = table.component_names.size();
  auto& offsets = table.component_offsets;
  offsets.resize(components + 1);
  offsets[0] = 0;
  for (std::size_t c = 0; c < components; ++c) {
    offsets[c + 1] = offsets[c] + table.replicas[c];
  }
  table.component_pods.resize(table.pods.size());
  std::iota(table.component_pods.begin(), table.component_pods.end(), 0);
  // The copies of a pod compare equal to the first (itself included, as below) unless a
  // size is NaN.
  table.uniform_components = true;
  for (std::size_t c = 0; c < components && table.uniform_components; ++c) {
    if (table.replicas[c] == 0) continue;
    const IndexedPod& pod = table.pods[static_cast<std::size_t>(offsets[c])];
    table.uniform_components = !std::isnan(pod.cpu_m) && !std::isnan(pod.memory_mib) &&
                               !std::isnan(pod.request_cpu_m) &&
                               !std::isnan(pod.request_memory_mib) &&
                               !std::isnan(pod.limit_cpu_m) && !std::isnan(pod.limit_memory_mib);
  }
}

// Each component's pods for pods added in any order: bucketed by component, then by
// replica index and position (a stable sort), and whether each component's pods are all
// of one size.
void group_components_by_sorting(PodTable& table) {
  const std::size_t components = table.component_names.size();
  const auto& pods = table.pods;
  auto& offsets = table.component_offsets;
  auto& component_pods = table.component_pods;
  offsets.assign(components + 1, 0);
  for (const auto& pod : pods) ++offsets[static_cast<std::size_t>(pod.component) + 1];
  for (std::size_t c = 0; c < components; ++c) offsets[c + 1] += offsets[c];
  component_pods.assign(pods.size(), 0);
  std::vector<int>& next = table.scratch;
  next.assign(offsets.begin(), offsets.end() - 1);
  for (std::size_t i = 0; i < pods.size(); ++i) {
    component_pods[static_cast<std::size_t>(next[static_cast<std::size_t>(pods[i].component)]++)] =
        static_cast<int>(i);
  }
  table.uniform_components = true;
  for (std::size_t c = 0; c < components; ++c) {
    const auto begin = component_pods.begin() + offsets[c];
    const auto end = component_pods.begin() + offsets[c + 1];
    const auto by_replica = [&](int a, int b) {
      return pods[static_cast<std::size_t>(a)].replica_index <
             pods[static_cast<std::size_t>(b)].replica_index;
    };
    if (!std::is_sorted(begin, end, by_replica)) std::stable_sort(begin, end, by_replica);
    for (auto it = begin; it != end && table.uniform_components; ++it) {
      const IndexedPod& first = pods[static_cast<std::size_t>(*begin)];
      const IndexedPod& pod = pods[static_cast<std::size_t>(*it)];
      table.uniform_components = pod.cpu_m == first.cpu_m && pod.memory_mib == first.memory_mib &&
                                 pod.request_cpu_m == first.request_cpu_m &&
                                 pod.request_memory_mib == first.request_memory_mib &&
                                 pod.limit_cpu_m == first.limit_cpu_m &&
                                 pod.limit_memory_mib == first.limit_memory_mib;
    }
  }
}

}  // namespace

void PodTable::finish() {
  rank_component_names(*this);
  // Each component's pods, by replica index then position (a stable sort).
  if (in_component_runs) {
    group_component_runs(*this);
  } else {
    group_components_by_sorting(*this);
  }
}

void PodTable::reserve(std::size_t pod_count, std::size_t component_count) {
  pods.reserve(pod_count);
  component_names.reserve(component_count);
  prefixes.reserve(component_count);
  name_rank.reserve(component_count);
  replicas.reserve(component_count);
}

PodTable pod_table(const std::vector<Pod>& pods) {
  PodTable table;
  table.reserve(pods.size(), pods.size());
  for (const auto& pod : pods) {
    IndexedPod indexed;
    indexed.component = table.component_index(pod.component);
    indexed.replica_index = pod.replica_index;
    indexed.cpu_m = pod.cpu_m;
    indexed.memory_mib = pod.memory_mib;
    indexed.request_cpu_m = pod.request_cpu_m;
    indexed.request_memory_mib = pod.request_memory_mib;
    indexed.limit_cpu_m = pod.limit_cpu_m;
    indexed.limit_memory_mib = pod.limit_memory_mib;
    table.add(indexed);
  }
  table.finish();
  return table;
}

namespace {

constexpr double kTolerance = 1e-9;

int spread_cap_for(const EnvironmentPolicy& policy, int replicas, int nodes) {
  if (policy.spread != SpreadPolicy::nodes || nodes <= 0) return 0;
  return (replicas + nodes - 1) / nodes;
}

}  // namespace

Packer::Packer(const PodTable& table, const EnvironmentPolicy& policy) { reset(table, policy); }

void Packer::reset(const PodTable& table, const EnvironmentPolicy& policy) {
  table_ = &table;
  policy_ = &policy;
  components_ = table.component_names.size();
  count_ = -1;
  const std::size_t pods = table.pods.size();
  share_.resize(pods);
  loss_share_.resize(pods);
  order_.resize(pods);
  node_of_.resize(pods);
  members_.resize(pods);
  loss_cpu_m_.resize(pods);
  loss_memory_mib_.resize(pods);
  caps_.resize(components_);
  const bool loss_by_limits = policy.node_loss_pack_by == PackingMeasure::limits;
  for (std::size_t i = 0; i < pods; ++i) {
    const IndexedPod& pod = table.pods[i];
    loss_cpu_m_[i] = loss_by_limits ? pod.limit_cpu_m : pod.request_cpu_m;
    loss_memory_mib_[i] = loss_by_limits ? pod.limit_memory_mib : pod.request_memory_mib;
  }
}

// Placement order: largest share of the node first (first-fit decreasing), then by
// name so that equal inputs give equal plans.
// A stable sort by before(). Without NaN, before() is a strict weak order and every
// stable sort gives the same order: insertion sort, which needs no buffer, for the few
// pods of a node. With NaN the result depends on the algorithm: std::stable_sort, as it
// always was.
void Packer::sort_by_share(std::vector<int>& pods, const std::vector<double>& share,
                           bool ordered) const {
  if (!ordered) {
    std::stable_sort(pods.begin(), pods.end(), [&](int a, int b) { return before(a, b, share); });
    return;
  }
  for (std::size_t i = 1; i < pods.size(); ++i) {
    const int pod = pods[i];
    std::size_t j = i;
    for (; j > 0 && before(pod, pods[j - 1], share); --j) pods[j] = pods[j - 1];
    pods[j] = pod;
  }
}

void Packer::set_node(const NodeAllocatable& node) {
  limits_ = {node.pod_cpu_m * policy_->node_fill_ceiling,
             node.pod_memory_mib * policy_->node_fill_ceiling, node.pod_slots};
  count_ = -1;
  loss_shares_ready_ = false;
  const std::size_t pods = table_->pods.size();
  if (table_->uniform_components) {
    // Every pod of a component has one size, so the pods sort as their components do
    // (by share, then name), each component's pods by replica index: the order a stable
    // sort of the pods gives when no share is NaN.
    const auto& offsets = table_->component_offsets;
    auto& components = component_order_;
    components.clear();
    bool ordered = true;
    for (std::size_t c = 0; c < components_ && ordered; ++c) {
      if (offsets[c] == offsets[c + 1]) continue;
      const int first = table_->component_pods[static_cast<std::size_t>(offsets[c])];
      const IndexedPod& pod = table_->pods[static_cast<std::size_t>(first)];
      const double share = std::max(pod.cpu_m / limits_.cpu_m, pod.memory_mib / limits_.memory_mib);
      ordered = !std::isnan(share);
      // Insertion by share, then name.
      std::size_t j = components.size();
      components.push_back({share, first});
      for (; j > 0; --j) {
        const ComponentShare& other = components[j - 1];
        if (share != other.share ? !(share > other.share) : !name_before(first, other.first)) {
          break;
        }
        components[j] = other;
      }
      components[j] = {share, first};
    }
    if (ordered) {
      std::size_t next = 0;
      for (const ComponentShare& component : components) {
        const auto c = static_cast<std::size_t>(
            table_->pods[static_cast<std::size_t>(component.first)].component);
        for (int m = offsets[c]; m < offsets[c + 1]; ++m) {
          order_[next++] = table_->component_pods[static_cast<std::size_t>(m)];
        }
      }
      return;
    }
  }
  bool ordered = true;
  for (std::size_t i = 0; i < pods; ++i) {
    const IndexedPod& pod = table_->pods[i];
    share_[i] = std::max(pod.cpu_m / limits_.cpu_m, pod.memory_mib / limits_.memory_mib);
    ordered = ordered && !std::isnan(share_[i]);
    order_[i] = static_cast<int>(i);
  }
  sort_by_share(order_, share_, ordered);
}

bool Packer::pack(int count) {
  const auto nodes = static_cast<std::size_t>(count);
  const std::size_t components = components_;
  count_ = -1;
  cpu_m_.assign(nodes, 0.0);
  memory_mib_.assign(nodes, 0.0);
  pod_count_.assign(nodes, 0);
  replicas_on_.assign(nodes * components, 0);
  for (std::size_t c = 0; c < components; ++c) {
    caps_[c] = spread_cap_for(*policy_, table_->replicas[c], count);
  }
  // The buffers and limits in locals: the compiler cannot tell that the stores below leave
  // the vectors' own pointers alone, and would load them again for every node it tries.
  double* const cpu_m = cpu_m_.data();
  double* const memory_mib = memory_mib_.data();
  int* const pods_on = pod_count_.data();
  int* const replicas_on = replicas_on_.data();
  int* const node_of = node_of_.data();
  const int* const caps = caps_.data();
  const IndexedPod* const pods = table_->pods.data();
  const int slots = limits_.slots;
  const double cpu_limit = limits_.cpu_m + kTolerance;
  const double memory_limit = limits_.memory_mib + kTolerance;
  const IndexedPod* previous = nullptr;
  std::size_t start = 0;
  for (const int index : order_) {
    const IndexedPod& pod = pods[static_cast<std::size_t>(index)];
    const auto component = static_cast<std::size_t>(pod.component);
    const int cap = caps[component];
    // A pod the same as the one before cannot go on the nodes that one skipped: they
    // have not changed since.
    if (previous == nullptr || previous->component != pod.component ||
        previous->cpu_m != pod.cpu_m || previous->memory_mib != pod.memory_mib) {
      start = 0;
    }
    std::size_t n = start;
    for (; n < nodes; ++n) {
      if (pods_on[n] + 1 > slots) continue;
      if (cpu_m[n] + pod.cpu_m > cpu_limit) continue;
      if (memory_mib[n] + pod.memory_mib > memory_limit) continue;
      if (cap > 0 && replicas_on[n * components + component] >= cap) continue;
      break;
    }
    if (n == nodes) return false;  // no packing to report or test
    cpu_m[n] += pod.cpu_m;
    memory_mib[n] += pod.memory_mib;
    pods_on[n] += 1;
    replicas_on[n * components + component] += 1;
    node_of[static_cast<std::size_t>(index)] = static_cast<int>(n);
    previous = &pod;
    start = n;
  }
  count_ = count;
  // Each node's pods in placement order.
  offsets_.assign(nodes + 1, 0);
  for (std::size_t n = 0; n < nodes; ++n) offsets_[n + 1] = offsets_[n] + pod_count_[n];
  std::vector<int>& next = scratch_;  // next free slot per node
  next.assign(offsets_.begin(), offsets_.end() - 1);
  for (const int index : order_) {
    const auto n = static_cast<std::size_t>(node_of_[static_cast<std::size_t>(index)]);
    members_[static_cast<std::size_t>(next[n]++)] = index;
  }
  return true;
}

void Packer::load(const std::vector<std::vector<std::size_t>>& pods_per_node) {
  const std::size_t nodes = pods_per_node.size();
  count_ = static_cast<int>(nodes);
  offsets_.assign(nodes + 1, 0);
  members_.clear();
  for (std::size_t n = 0; n < nodes; ++n) {
    for (const std::size_t index : pods_per_node[n]) members_.push_back(static_cast<int>(index));
    offsets_[n + 1] = static_cast<int>(members_.size());
  }
}

bool Packer::survives_node_loss() {
  if (count_ < 0) return false;
  const int count = count_;
  if (count < 2) return table_->pods.empty();
  ready_loss_shares();
  const auto nodes = static_cast<std::size_t>(count);
  stand_nodes_by_loss_measure(nodes);
  for (std::size_t c = 0; c < components_; ++c) {
    caps_[c] = spread_cap_for(*policy_, table_->replicas[c], count - 1);
  }
  // For each lost node: the others as they are, then the lost node's pods rescheduled
  // first-fit decreasing into their free room, still spread over the count - 1 nodes
  // left. The survivors are the base states less the lost node; what placing changes on
  // them is logged and undone for the next lost node.
  for (std::size_t lost = 0; lost < nodes; ++lost) {
    if (!reschedule_lost_node(lost, nodes)) return false;
    undo_rescheduling();
  }
  return true;
}

// The pods' shares by the node-loss measure follow the node's limits: made once per node
// type, on the first node-loss test, as most packings tried are never tested.
inline void Packer::ready_loss_shares() {
  if (loss_shares_ready_) return;
  loss_shares_ordered_ = true;
  for (std::size_t i = 0; i < table_->pods.size(); ++i) {
    loss_share_[i] =
        std::max(loss_cpu_m_[i] / limits_.cpu_m, loss_memory_mib_[i] / limits_.memory_mib);
    loss_shares_ordered_ = loss_shares_ordered_ && !std::isnan(loss_share_[i]);
  }
  loss_shares_ready_ = true;
}

// Each node as it stands by the node-loss measure, its pods added in placement order.
inline void Packer::stand_nodes_by_loss_measure(std::size_t nodes) {
  const std::size_t c_count = components_;
  base_cpu_m_.assign(nodes, 0.0);
  base_memory_mib_.assign(nodes, 0.0);
  base_pods_.assign(nodes, 0);
  base_replicas_.assign(nodes * c_count, 0);
  // The buffers in locals, as in pack().
  double* const base_cpu = base_cpu_m_.data();
  double* const base_memory = base_memory_mib_.data();
  int* const base_pods = base_pods_.data();
  int* const base_replicas = base_replicas_.data();
  const double* const loss_cpu = loss_cpu_m_.data();
  const double* const loss_memory = loss_memory_mib_.data();
  const IndexedPod* const pods = table_->pods.data();
  const int* const members = members_.data();
  const int* const offsets = offsets_.data();
  for (std::size_t n = 0; n < nodes; ++n) {
    for (int m = offsets[n]; m < offsets[n + 1]; ++m) {
      const auto index = static_cast<std::size_t>(members[static_cast<std::size_t>(m)]);
      base_cpu[n] += loss_cpu[index];
      base_memory[n] += loss_memory[index];
      base_pods[n] += 1;
      base_replicas[n * c_count + static_cast<std::size_t>(pods[index].component)] += 1;
    }
  }
}

// The pods of node lost placed first-fit decreasing onto the other nodes, each change
// logged in changes_; false when one does not fit.
inline bool Packer::reschedule_lost_node(std::size_t lost, std::size_t nodes) {
  const std::size_t c_count = components_;
  // The buffers and limits are taken into locals (as in pack()): the log of changes grows
  // in the loop, and the compiler would otherwise load every vector's pointer again.
  double* const base_cpu = base_cpu_m_.data();
  double* const base_memory = base_memory_mib_.data();
  int* const base_pods = base_pods_.data();
  int* const base_replicas = base_replicas_.data();
  const double* const loss_cpu = loss_cpu_m_.data();
  const double* const loss_memory = loss_memory_mib_.data();
  const IndexedPod* const pods = table_->pods.data();
  const int* const offsets = offsets_.data();
  const int* const caps = caps_.data();
  const int slots = limits_.slots;
  const double cpu_limit = limits_.cpu_m + kTolerance;
  const double memory_limit = limits_.memory_mib + kTolerance;
  displaced_.assign(members_.begin() + offsets[lost], members_.begin() + offsets[lost + 1]);
  sort_by_share(displaced_, loss_share_, loss_shares_ordered_);
  changes_.clear();
  std::size_t previous = 0;
  std::size_t start = 0;
  bool first = true;
  for (const int index : displaced_) {
    const auto i = static_cast<std::size_t>(index);
    const auto component = static_cast<std::size_t>(pods[i].component);
    const int cap = caps[component];
    const double cpu = loss_cpu[i];
    const double memory = loss_memory[i];
    // As in pack(): the same pod again starts where the one before went.
    if (first || pods[previous].component != pods[i].component || loss_cpu[previous] != cpu ||
        loss_memory[previous] != memory) {
      start = 0;
    }
    std::size_t n = start;
    for (; n < nodes; ++n) {
      if (n == lost) continue;
      if (base_pods[n] + 1 > slots) continue;
      if (base_cpu[n] + cpu > cpu_limit) continue;
      if (base_memory[n] + memory > memory_limit) continue;
      if (cap > 0 && base_replicas[n * c_count + component] >= cap) continue;
      break;
    }
    if (n == nodes) return false;
    changes_.push_back({n, component, base_cpu[n], base_memory[n], base_pods[n],
                        base_replicas[n * c_count + component]});
    base_cpu[n] += cpu;
    base_memory[n] += memory;
    base_pods[n] += 1;
    base_replicas[n * c_count + component] += 1;
    previous = i;
    start = n;
    first = false;
  }
  return true;
}

// Undone newest first, so each value returns to what it was before any change.
inline void Packer::undo_rescheduling() {
  const std::size_t c_count = components_;
  for (auto it = changes_.rbegin(); it != changes_.rend(); ++it) {
    base_cpu_m_[it->node] = it->cpu_m;
    base_memory_mib_[it->node] = it->memory_mib;
    base_pods_[it->node] = it->pods;
    base_replicas_[it->node * c_count + it->component] = it->replicas;
  }
}

void Packer::keep() {
  kept_.limits = limits_;
  kept_.count = count_;
  kept_.cpu_m = cpu_m_;
  kept_.memory_mib = memory_mib_;
  kept_.members = members_;
  kept_.offsets = offsets_;
}

void Packer::restore() {
  limits_ = kept_.limits;
  count_ = kept_.count;
  cpu_m_ = kept_.cpu_m;
  memory_mib_ = kept_.memory_mib;
  members_ = kept_.members;
  offsets_ = kept_.offsets;
  loss_shares_ready_ = false;  // they follow the node's limits
}

std::vector<NodeUsage> Packer::node_usages() const {
  std::vector<NodeUsage> usages;
  if (count_ < 0) return usages;
  const auto nodes = static_cast<std::size_t>(count_);
  usages.reserve(nodes);
  for (std::size_t n = 0; n < nodes; ++n) {
    NodeUsage& usage = usages.emplace_back();
    usage.index = static_cast<int>(n);
    usage.pods.reserve(static_cast<std::size_t>(offsets_[n + 1] - offsets_[n]));
    for (int m = offsets_[n]; m < offsets_[n + 1]; ++m) {
      const IndexedPod& pod =
          table_->pods[static_cast<std::size_t>(members_[static_cast<std::size_t>(m)])];
      const std::string_view component =
          table_->component_names[static_cast<std::size_t>(pod.component)];
      // "component-replica", written where it is kept.
      char digits[16];
      const auto end = std::to_chars(digits, digits + sizeof digits, pod.replica_index).ptr;
      const auto digit_count = static_cast<std::size_t>(end - digits);
      std::string& name = usage.pods.emplace_back(component.size() + 1 + digit_count, '-');
      std::memcpy(name.data(), component.data(), component.size());
      for (std::size_t i = 0; i < digit_count; ++i) name[component.size() + 1 + i] = digits[i];
      usage.request_cpu_m += pod.request_cpu_m;
      usage.request_memory_mib += pod.request_memory_mib;
      usage.limit_cpu_m += pod.limit_cpu_m;
      usage.limit_memory_mib += pod.limit_memory_mib;
    }
    usage.packed_cpu_m = cpu_m_[n];
    usage.packed_memory_mib = memory_mib_[n];
    usage.free_cpu_m = limits_.cpu_m - cpu_m_[n];
    usage.free_memory_mib = limits_.memory_mib - memory_mib_[n];
  }
  return usages;
}

}  // namespace tierplan::detail
