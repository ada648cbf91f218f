#include "compute/node_sizing.hpp"

#include <algorithm>
#include <cmath>

#include "io/format.hpp"
#include "model/choices.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/plan.hpp"
#include "units.hpp"

namespace tierplan::detail {

namespace {

// Pieces of the reasons, for concat() and TextBuilder.
Readable cores_of(double cpu_m) { return Readable{cpu_m / units::kMillicoresPerCore}; }  // " cores"
Readable gib_of(double memory_mib) { return Readable{memory_mib / units::kMibPerGib}; }  // " GiB"
// "$" then the amount.
Fixed usd_of(double amount) { return Fixed{amount, amount < 10.0 ? 3 : 0}; }
const char* measure_name(PackingMeasure measure) {
  return measure == PackingMeasure::limits ? "limits" : "requests";
}

}  // namespace

PodTotals totals_of(const PodTable& table, const EnvironmentPolicy& policy) {
  PodTotals t;
  const bool loss_by_limits = policy.node_loss_pack_by == PackingMeasure::limits;
  for (const auto& pod : table.pods) {
    t.cpu_m += pod.cpu_m;
    t.memory_mib += pod.memory_mib;
    const double loss_cpu = loss_by_limits ? pod.limit_cpu_m : pod.request_cpu_m;
    const double loss_memory = loss_by_limits ? pod.limit_memory_mib : pod.request_memory_mib;
    for (const double value : {pod.cpu_m, pod.memory_mib, loss_cpu, loss_memory}) {
      t.well_formed = t.well_formed && std::isfinite(value) && value >= 0.0;
    }
    t.largest_cpu_m = std::max(t.largest_cpu_m, pod.cpu_m);
    t.largest_memory_mib = std::max(t.largest_memory_mib, pod.memory_mib);
    t.largest_loss_cpu_m = std::max(t.largest_loss_cpu_m, loss_cpu);
    t.largest_loss_memory_mib = std::max(t.largest_loss_memory_mib, loss_memory);
  }
  t.pod_count = static_cast<int>(table.pods.size());
  for (const int replicas : table.replicas) t.most_replicas = std::max(t.most_replicas, replicas);
  return t;
}

namespace {

// A node type checked without packing: excluded, or the fewest nodes the totals and
// floors allow.
struct TypeCheck {
  const NodeType* type = nullptr;
  NodeAllocatable allocatable;
  Exclusion excluded = Exclusion::none;
  std::size_t pod = 0;  // the pod too large, and what one pod may take
  double largest = 0.0;
  int resource_lower = 0;
  int spread_floor = 0;
  int share_floor = 0;
  int lower = 0;
};

ExcludedType excluded_of(const TypeCheck& c) { return {c.type, c.excluded, c.pod, c.largest}; }

// The reason text, made only for the types a plan or an error names.
void add_excluded_because(TextBuilder& text, const ExcludedType& e, const PodTable& table) {
  switch (e.because) {
    case Exclusion::none:
      break;
    case Exclusion::no_pod_slots:
      text.add("no pod slots left after DaemonSets");
      break;
    case Exclusion::no_packing:
      text.add("no packing found");
      break;
    case Exclusion::pod_cpu:
    case Exclusion::pod_memory: {
      const auto& pod = table.pods[e.pod];
      const bool cpu = e.because == Exclusion::pod_cpu;
      text.add(table.component_names[static_cast<std::size_t>(pod.component)], " pod needs ",
               Readable{cpu ? pod.cpu_m : pod.memory_mib},
               cpu ? " m CPU, more than the " : " MiB, more than the ", Readable{e.largest},
               cpu ? " m one pod may take on this node" : " MiB one pod may take on this node");
      break;
    }
  }
}

// Fills c, a fresh TypeCheck where it is kept (not copied there: a TypeCheck just written
// is slow to copy whole).
void check_type(TypeCheck& c, const NodeType& type, const PodTable& table, const PodTotals& totals,
                const EnvironmentPolicy& policy) {
  c.type = &type;
  c.allocatable = node_allocatable(type, policy);
  const auto& a = c.allocatable;
  const double usable_cpu = a.pod_cpu_m * policy.node_fill_ceiling;
  const double usable_memory = a.pod_memory_mib * policy.node_fill_ceiling;
  const double largest_cpu = std::min(usable_cpu, a.pod_cpu_m * policy.max_pod_fraction_of_node);
  const double largest_memory =
      std::min(usable_memory, a.pod_memory_mib * policy.max_pod_fraction_of_node);
  if (a.pod_slots < 1) {
    c.excluded = Exclusion::no_pod_slots;
    return;
  }
  // The first pod too large for the node names the reason.
  if (!(totals.largest_cpu_m <= largest_cpu && totals.largest_memory_mib <= largest_memory)) {
    for (std::size_t i = 0; i < table.pods.size(); ++i) {
      const auto& pod = table.pods[i];
      if (pod.cpu_m > largest_cpu) {
        c.excluded = Exclusion::pod_cpu;
        c.pod = i;
        c.largest = largest_cpu;
        return;
      }
      if (pod.memory_mib > largest_memory) {
        c.excluded = Exclusion::pod_memory;
        c.pod = i;
        c.largest = largest_memory;
        return;
      }
    }
  }
  const int pod_count = totals.pod_count;
  c.resource_lower =
      std::max({1, static_cast<int>(std::ceil(totals.cpu_m / usable_cpu - 1e-9)),
                static_cast<int>(std::ceil(totals.memory_mib / usable_memory - 1e-9)),
                (pod_count + a.pod_slots - 1) / a.pod_slots});
  c.lower = c.resource_lower;
  if (policy.spread == SpreadPolicy::nodes) {
    c.spread_floor = std::min(policy.min_replicas, totals.most_replicas);
    c.lower = std::max(c.lower, c.spread_floor);
  }
  c.share_floor = static_cast<int>(std::ceil(1.0 / policy.max_capacity_share_per_node - 1e-9));
  c.lower = std::max(c.lower, c.share_floor);
}

// A feasible type's node count: the fewest that hold every pod (steady state), and the
// fewest that also survive a node loss when the policy asks.
struct Sizing {
  const TypeCheck* check = nullptr;
  int steady_state_count = 0;
  int count = 0;  // 0: no packing found
  double cost_usd_month = 0.0;
  bool packed = false;     // the packer holds this type's packing at count
  bool dominated = false;  // left unsized: it cannot be among the two cheapest
};

// The packer on a node type, set only when it must pack.
class TypePacker {
 public:
  TypePacker(Packer& packer, PackMemo& memo, const NodeAllocatable& node)
      : packer_(packer), memo_(memo), node_(node) {}
  // Whether the pods fit count nodes; packs only when the outcome is not known.
  bool fits(int count) {
    if (const PackMemo::Outcome* known = memo_.find(node_, count)) return known->fits;
    return memo_.add(node_, count, pack(count)).fits;
  }
  // Whether the packing at count (which fits) survives the loss of a node.
  bool survives(int count) {
    PackMemo::Outcome* known = memo_.find(node_, count);
    if (known != nullptr && known->survives >= 0) return known->survives == 1;
    if (packed_count_ != count) pack(count);
    const bool survives = packer_.survives_node_loss();
    if (known != nullptr) known->survives = survives ? 1 : 0;
    return survives;
  }
  // Whether the packer holds the packing at count.
  bool packed(int count) const { return packed_count_ == count; }

 private:
  bool pack(int count) {
    if (!node_set_) packer_.set_node(node_);
    node_set_ = true;
    const bool fits = packer_.pack(count);
    packed_count_ = fits ? count : -1;
    return fits;
  }

  Packer& packer_;
  PackMemo& memo_;
  const NodeAllocatable& node_;
  bool node_set_ = false;
  int packed_count_ = -1;
};

bool cheaper(const Sizing& a, const Sizing& b);

// Sizes a type. With a limit (the second cheapest type so far, or the cheapest when only
// numbers are planned), stops as soon as the type is sure to cost more than the limit (by
// cost, then count, then name): its count will be at least the one it tries, so it cannot
// be among the types the plan needs.
Sizing size_type(const TypeCheck& check, Packer& packer, PackMemo& memo, const PodTotals& totals,
                 const EnvironmentPolicy& policy, const Sizing* limit = nullptr) {
  Sizing s;
  s.check = &check;
  TypePacker type(packer, memo, check.allocatable);
  // Each node can hold at least one pod, so pod_count + 2 nodes always suffice, with
  // one left empty for a node loss.
  for (int n = check.lower; n <= check.lower + totals.pod_count + 2; ++n) {
    if (limit != nullptr) {
      Sizing at_n = s;
      at_n.count = n;
      at_n.cost_usd_month = n * check.type->price_usd_per_hour * kHoursPerMonth;
      if (cheaper(*limit, at_n)) {
        s.dominated = true;
        return s;
      }
    }
    if (!type.fits(n)) continue;
    if (s.steady_state_count == 0) s.steady_state_count = n;
    if (policy.survive_node_loss && !type.survives(n)) continue;
    s.count = n;
    break;
  }
  if (s.count > 0) {
    s.cost_usd_month = s.count * check.type->price_usd_per_hour * kHoursPerMonth;
    s.packed = type.packed(s.count);
  }
  return s;
}

bool cheaper(const Sizing& a, const Sizing& b) {
  if (a.cost_usd_month != b.cost_usd_month) return a.cost_usd_month < b.cost_usd_month;
  if (a.count != b.count) return a.count < b.count;
  return a.check->type->name < b.check->type->name;
}

// A type's lower bound on its count, at that count's cost.
struct Bound {
  const TypeCheck* check;
  double cost;
};

// The outcome of a search: the cheapest type, the next cheapest (when sought) and the
// number of feasible types.
struct Found {
  const Sizing* best = nullptr;
  const Sizing* next = nullptr;
  bool kept = false;  // the packer kept the best type's packing
  std::size_t feasible_count = 0;
};

// Kept per thread, for their buffers. Pointers into checks and sized hold: neither grows
// once they are taken.
struct SearchBuffers {
  std::vector<TypeCheck> checks;
  std::vector<Sizing> sized;
  std::vector<const TypeCheck*> candidates;
  std::vector<Bound> bounds;
};

// Checks every type the policy allows; whether the shortcuts of size_nodes hold (every size
// well formed, every price finite and not negative, no two types of one name).
bool check_types(std::vector<TypeCheck>& checks, const PodTable& table, const PodTotals& totals,
                 const Catalog& catalog, const EnvironmentPolicy& policy) {
  checks.reserve(catalog.node_types.size());
  // Only the environment's cloud: a plan never mixes clouds.
  const std::string_view cloud = cloud_name(policy.cloud);
  for (const auto& type : catalog.node_types) {
    if (type.cloud != cloud) continue;
    if (!policy.node_type.empty() && type.name != policy.node_type) continue;
    check_type(checks.emplace_back(), type, table, totals, policy);
  }
  bool shortcuts = totals.well_formed;
  for (std::size_t i = 0; i < checks.size() && shortcuts; ++i) {
    const double price = checks[i].type->price_usd_per_hour;
    shortcuts = std::isfinite(price) && price >= 0.0;
    for (std::size_t j = 0; j < i && shortcuts; ++j) {
      shortcuts = checks[j].type->name != checks[i].type->name;
    }
  }
  return shortcuts;
}

// The types not excluded, into candidates. With the shortcuts under N+1, a type where some
// pod does not fit an empty node by the node-loss measure is excluded: that pod cannot be
// rescheduled when its node is lost, at any count.
void select_candidates(SearchBuffers& b, bool shortcuts, const PodTotals& totals,
                       const EnvironmentPolicy& policy) {
  b.candidates.reserve(b.checks.size());
  for (auto& c : b.checks) {
    if (c.excluded != Exclusion::none) continue;
    if (shortcuts && policy.survive_node_loss && totals.pod_count > 0) {
      const double usable_cpu = c.allocatable.pod_cpu_m * policy.node_fill_ceiling;
      const double usable_memory = c.allocatable.pod_memory_mib * policy.node_fill_ceiling;
      if (0.0 + totals.largest_loss_cpu_m > usable_cpu + 1e-9 ||
          0.0 + totals.largest_loss_memory_mib > usable_memory + 1e-9) {
        c.excluded = Exclusion::no_packing;
        continue;
      }
    }
    b.candidates.push_back(&c);
  }
}

// The bound of a type in the hint, if the hint names one of the bounds.
const Bound* hinted_bound(const std::vector<Bound>& bounds, const Catalog& catalog,
                          const std::size_t* best_type_hint) {
  if (best_type_hint == nullptr || *best_type_hint >= catalog.node_types.size()) return nullptr;
  const NodeType* type = &catalog.node_types[*best_type_hint];
  const Bound* hinted = nullptr;
  for (const Bound& bound : bounds) {
    if (bound.check->type == type) hinted = &bound;
  }
  return hinted;
}

// With the shortcuts: sizes the candidates in order of their bound, until the bound exceeds
// the second cheapest sized (the cheapest when no runner-up is sought).
Found size_by_bounds(SearchBuffers& b, Packer& packer, PackMemo& memo, const PodTotals& totals,
                     const EnvironmentPolicy& policy, const Catalog& catalog,
                     const NodeSearch& search) {
  Found found;
  found.feasible_count = b.candidates.size();
  b.bounds.reserve(b.candidates.size());
  for (const TypeCheck* c : b.candidates) {
    b.bounds.push_back({c, c->lower * c->type->price_usd_per_hour * kHoursPerMonth});
  }
  std::sort(b.bounds.begin(), b.bounds.end(), [](const Bound& x, const Bound& y) {
    if (x.cost != y.cost) return x.cost < y.cost;
    if (x.check->lower != y.check->lower) return x.check->lower < y.check->lower;
    return x.check->type->name < y.check->type->name;
  });
  // Whether a bound exceeds a sized type in the same order (a type's count and cost are
  // never below its bound's).
  auto beyond = [](const Bound& bound, const Sizing& s) {
    if (bound.cost != s.cost_usd_month) return bound.cost > s.cost_usd_month;
    if (bound.check->lower != s.count) return bound.check->lower > s.count;
    return bound.check->type->name > s.check->type->name;
  };
  const Bound* hinted =
      search.runner_up ? nullptr : hinted_bound(b.bounds, catalog, search.best_type_hint);
  // Sizes the type of a bound unless it exceeds the limit; false when it does, and then,
  // bounds being sorted, no later type can beat the limit either.
  const auto size_unless_beyond = [&](const Bound& bound) {
    const Sizing* limit = search.runner_up ? found.next : found.best;
    if (limit != nullptr && beyond(bound, *limit)) return false;
    b.sized.push_back(size_type(*bound.check, packer, memo, totals, policy, limit));
    const Sizing* s = &b.sized.back();
    if (s->dominated) return true;
    if (found.best == nullptr || cheaper(*s, *found.best)) {
      found.next = found.best;
      found.best = s;
      // Its packing, at its count, for the plan (packed again if not at hand).
      if (s->packed) packer.keep();
      found.kept = s->packed;
    } else if (found.next == nullptr || cheaper(*s, *found.next)) {
      found.next = s;
    }
    return true;
  };
  // The hinted type first (nothing sized yet: no limit), then the others in order of bound.
  if (hinted != nullptr) size_unless_beyond(*hinted);
  for (const Bound& bound : b.bounds) {
    if (&bound == hinted) continue;
    if (!size_unless_beyond(bound)) break;
  }
  return found;
}

// Without the shortcuts: sizes every candidate; a type with no packing is excluded.
Found size_every_type(SearchBuffers& b, Packer& packer, PackMemo& memo, const PodTotals& totals,
                      const EnvironmentPolicy& policy) {
  for (const TypeCheck* c : b.candidates) {
    b.sized.push_back(size_type(*c, packer, memo, totals, policy));
    if (b.sized.back().count == 0) {
      b.checks[static_cast<std::size_t>(c - b.checks.data())].excluded = Exclusion::no_packing;
      b.sized.pop_back();
    }
  }
  Found found;
  found.feasible_count = b.sized.size();
  std::sort(b.sized.begin(), b.sized.end(), cheaper);
  if (!b.sized.empty()) found.best = &b.sized[0];
  if (b.sized.size() > 1) found.next = &b.sized[1];
  return found;
}

[[noreturn]] void throw_no_node_type(const std::vector<TypeCheck>& checks, const PodTable& table,
                                     const std::string& environment_name) {
  TextBuilder why;
  why.add(environment_name, ": no node type can hold the pods");
  for (const auto& c : checks) {
    if (c.excluded == Exclusion::none) continue;
    why.add("; ", c.type->name, ": ");
    add_excluded_because(why, excluded_of(c), table);
  }
  throw PlanningError(why.str());
}

// What bound the chosen type and count.
void record_choice(NodeChoice& choice, const std::vector<TypeCheck>& checks, const Found& found,
                   const NodeSearch& search) {
  const TypeCheck& check = *found.best->check;
  choice.resource_lower = check.resource_lower;
  choice.spread_floor = check.spread_floor;
  choice.share_floor = check.share_floor;
  choice.feasible_types = found.feasible_count;
  choice.excluded_types = 0;
  choice.first_excluded = {};
  for (const auto& c : checks) {
    if (c.excluded == Exclusion::none) continue;
    if (choice.excluded_types++ == 0) choice.first_excluded = excluded_of(c);
  }
  choice.runner_up = nullptr;
  if (search.runner_up && found.next != nullptr) {
    choice.runner_up = found.next->check->type;
    choice.runner_up_count = found.next->count;
    choice.runner_up_cost_usd_month = found.next->cost_usd_month;
  }
}

}  // namespace

// The cheapest feasible node type: by cost, then node count, then name.
//
// Every type is checked without packing (exclusions and the lower bound on its count).
// When the shortcuts below hold, a type that passes the check always has a packing (at
// the latest with pod_count + 1 nodes, one pod per node and one node left empty, provided
// under N+1 that each pod also fits an empty node by the node-loss measure), and no
// type can cost less than lower bound x price. Types are then sized in order of that
// bound, and only until the bound exceeds the second cheapest found (when the runner-up is
// sought: the type reason names it), or else the cheapest. Otherwise every type is sized.
//
// best_type_hint: in a study the next point's cheapest type is mostly the same, and once
// it is sized the other types are pruned by its cost at their bound. Which type is sized
// first never changes the cheapest: a type is left out only when its bound already exceeds
// a type that was sized.
NodePlan size_nodes(const PodTable& table, const PodTotals& totals, const Catalog& catalog,
                    const EnvironmentPolicy& policy, const std::string& environment_name,
                    Packer& packer, PackMemo& memo, const NodeSearch& search, NodeChoice& choice) {
  thread_local SearchBuffers b;
  b.checks.clear();
  b.sized.clear();
  b.candidates.clear();
  b.bounds.clear();
  const bool shortcuts = check_types(b.checks, table, totals, catalog, policy);
  b.sized.reserve(b.checks.size());
  select_candidates(b, shortcuts, totals, policy);
  const Found found = shortcuts ? size_by_bounds(b, packer, memo, totals, policy, catalog, search)
                                : size_every_type(b, packer, memo, totals, policy);
  if (found.feasible_count == 0) throw_no_node_type(b.checks, table, environment_name);
  record_choice(choice, b.checks, found, search);
  // Types are compared at the listed prices: one factor for every type of the cloud.
  choice.region = policy.region;
  choice.price_factor = catalog.price_factor(cloud_name(policy.cloud), policy.region);
  choice.runner_up_cost_usd_month *= choice.price_factor;

  const Sizing& best = *found.best;
  const NodeType& type = *best.check->type;
  NodePlan plan;
  plan.node_type = type;
  plan.allocatable = best.check->allocatable;
  plan.packed_by = policy.pack_by;
  plan.count = best.count;
  plan.steady_state_count = best.steady_state_count;
  // The packing at the chosen count: kept aside when it was found, or packed again.
  if (found.kept) {
    packer.restore();
  } else {
    packer.set_node(best.check->allocatable);
    packer.pack(best.count);
  }
  plan.survives_node_loss = policy.survive_node_loss || packer.survives_node_loss();
  plan.cost_usd_month = best.cost_usd_month * choice.price_factor;
  if (search.usage_rows) plan.nodes = packer.node_usages();
  if (search.best_type_hint != nullptr) {
    *search.best_type_hint = static_cast<std::size_t>(&type - catalog.node_types.data());
  }
  return plan;
}

namespace {

// The resource that sets the steady-state node count, appended to out.
void append_binding_resource(TextBuilder& out, const PodTotals& totals, const NodeAllocatable& node,
                             const EnvironmentPolicy& policy, int count) {
  const double cpu = totals.cpu_m;
  const double memory = totals.memory_mib;
  const auto pods = static_cast<std::size_t>(totals.pod_count);
  const double usable_cpu = count * node.pod_cpu_m * policy.node_fill_ceiling;
  const double usable_memory = count * node.pod_memory_mib * policy.node_fill_ceiling;
  const double pod_share = static_cast<double>(pods) / (count * node.pod_slots);
  const double cpu_share = cpu / usable_cpu;
  const double memory_share = memory / usable_memory;
  if (pod_share >= cpu_share && pod_share >= memory_share) {
    out.add("pod slots bind: ", pods, " of ", count * node.pod_slots);
  } else if (cpu_share >= memory_share) {
    out.add("CPU binds: ", cores_of(cpu), " cores of ", cores_of(usable_cpu), " cores usable");
  } else {
    out.add("memory binds: ", gib_of(memory), " GiB of ", gib_of(usable_memory), " GiB usable");
  }
}

std::string count_reason(const NodePlan& plan, const NodeChoice& c, const PodTotals& totals,
                         const EnvironmentPolicy& policy) {
  const int steady_count = plan.steady_state_count;
  TextBuilder reason;
  reason.add(plan.count, plan.count == 1 ? " node: " : " nodes: ", steady_count,
             steady_count == 1 ? " node holds" : " nodes hold", " every pod by ",
             measure_name(policy.pack_by), " (");
  append_binding_resource(reason, totals, plan.allocatable, policy, steady_count);
  if (c.share_floor > std::max(c.resource_lower, c.spread_floor) && steady_count == c.share_floor) {
    reason.add("; at least ", c.share_floor, " nodes so that one holds at most ",
               Readable{policy.max_capacity_share_per_node * units::kPercentPerFraction},
               "% of the capacity");
  } else if (c.spread_floor > c.resource_lower && steady_count == c.spread_floor) {
    reason.add("; spreading ", c.spread_floor, " replicas over distinct nodes");
  } else if (steady_count > std::max(c.resource_lower, c.spread_floor)) {
    reason.add("; the totals would fit ", c.resource_lower,
               " but the pods do not pack into fewer nodes");
  }
  reason.add(")");
  if (plan.count > steady_count) {
    reason.add("; ", plan.count - steady_count,
               " more so that the loss of any one node leaves room for its pods");
  } else if (policy.survive_node_loss) {
    reason.add("; they also survive the loss of any one node");
  }
  return reason.str();
}

std::string type_reason(const NodePlan& plan, const NodeChoice& choice, const PodTable& table,
                        const EnvironmentPolicy& policy) {
  const NodeType& type = plan.node_type;
  if (!policy.node_type.empty()) return concat(type.name, ": fixed by the environment policy");
  TextBuilder reason;
  reason.add(type.name, " (", type.vcpu, " vCPU / ", Readable{type.memory_gib},
             " GiB): cheapest of ", choice.feasible_types, " feasible types at $",
             usd_of(plan.cost_usd_month), "/month");
  if (choice.feasible_types > 1 && choice.runner_up != nullptr) {
    reason.add("; next ", choice.runner_up->name, " x ", choice.runner_up_count, " at $",
               usd_of(choice.runner_up_cost_usd_month), "/month");
  }
  if (choice.excluded_types > 0) {
    reason.add("; ", choice.excluded_types, " excluded (", choice.first_excluded.type->name, ": ");
    add_excluded_because(reason, choice.first_excluded, table);
    reason.add(")");
  }
  return reason.str();
}

}  // namespace

void explain_nodes(NodePlan& plan, const NodeChoice& choice, const PodTable& table,
                   const PodTotals& totals, const EnvironmentPolicy& policy) {
  const NodeType& type = plan.node_type;
  plan.count_reason = count_reason(plan, choice, totals, policy);
  TextBuilder cost;
  cost.add(plan.count, " x $", usd_of(type.price_usd_per_hour), "/h x ", Readable{kHoursPerMonth},
           " h/month (", type.source, ", ", type.as_of, ")");
  if (choice.price_factor != 1.0) {
    cost.add(" x ", Readable{choice.price_factor}, " for ", choice.region);
  }
  plan.cost_reason = cost.str();
  plan.type_reason = type_reason(plan, choice, table, policy);
}

namespace {

// Whether count nodes clearly cannot hold the pods, so that packing them would fail: more
// pods than slots, or more CPU or memory than the nodes' usable room (with a margin far
// above the rounding of the sums; each node's packed sum stays within its room).
bool clearly_too_small(const PodTotals& totals, const NodeAllocatable& node,
                       const EnvironmentPolicy& policy, int count) {
  if (!totals.well_formed || count < 0 || totals.pod_count == 0) return false;
  if (static_cast<long long>(totals.pod_count) >
      static_cast<long long>(count) * static_cast<long long>(node.pod_slots)) {
    return true;
  }
  constexpr double kMargin = 1.0 + 1e-6;
  const double room_cpu = node.pod_cpu_m * policy.node_fill_ceiling + 1e-9;
  const double room_memory = node.pod_memory_mib * policy.node_fill_ceiling + 1e-9;
  return totals.cpu_m > count * room_cpu * kMargin ||
         totals.memory_mib > count * room_memory * kMargin;
}

// The presets in order of size: total vCPU, then total memory, then name.
const std::vector<const TierPreset*>& by_size(const std::vector<TierPreset>& tiers) {
  thread_local std::vector<const TierPreset*> sorted;  // kept per thread, for its buffer
  sorted.clear();
  sorted.reserve(tiers.size());
  for (const auto& tier : tiers) sorted.push_back(&tier);
  std::sort(sorted.begin(), sorted.end(), [](const TierPreset* a, const TierPreset* b) {
    const double a_cpu = a->node_vcpu * a->node_count;
    const double b_cpu = b->node_vcpu * b->node_count;
    if (a_cpu != b_cpu) return a_cpu < b_cpu;
    const double a_memory = a->node_memory_gib * a->node_count;
    const double b_memory = b->node_memory_gib * b->node_count;
    if (a_memory != b_memory) return a_memory < b_memory;
    return a->name < b->name;
  });
  return sorted;
}

NodeAllocatable preset_allocatable(const TierPreset& tier, const EnvironmentPolicy& policy) {
  NodeType node;
  node.vcpu = tier.node_vcpu;
  node.memory_gib = tier.node_memory_gib;
  return node_allocatable(node, policy);
}

// A custom plan: which resource of the largest preset the pods exceed.
void exceed_largest(TierRecommendation& recommendation, TierChoice& choice, const PodTotals& totals,
                    const EnvironmentPolicy& policy) {
  const TierPreset& largest = *choice.preset;
  const NodeAllocatable allocatable = preset_allocatable(largest, policy);
  choice.preset_cpu_m = largest.node_count * allocatable.pod_cpu_m * policy.node_fill_ceiling;
  choice.preset_memory_mib =
      largest.node_count * allocatable.pod_memory_mib * policy.node_fill_ceiling;
  const double cpu_share = totals.cpu_m / choice.preset_cpu_m;
  const double memory_share = totals.memory_mib / choice.preset_memory_mib;
  if (cpu_share >= memory_share && totals.cpu_m > choice.preset_cpu_m) {
    recommendation.exceeded_resource = "cpu";
  } else if (totals.memory_mib > choice.preset_memory_mib) {
    recommendation.exceeded_resource = "memory";
  } else {
    // The totals fit, but the pods do not: the fuller resource.
    choice.totals_fit = true;
    recommendation.exceeded_resource = cpu_share >= memory_share ? "cpu" : "memory";
  }
}

}  // namespace

TierRecommendation recommend_tier(const PodTotals& totals, const std::vector<TierPreset>& tiers,
                                  const EnvironmentPolicy& policy, Packer& packer, PackMemo& memo,
                                  TierChoice& choice) {
  TierRecommendation recommendation;
  choice = {};
  const std::vector<const TierPreset*>& sorted = by_size(tiers);
  for (const TierPreset* tier : sorted) {
    const NodeAllocatable allocatable = preset_allocatable(*tier, policy);
    if (clearly_too_small(totals, allocatable, policy, tier->node_count)) continue;
    TypePacker preset(packer, memo, allocatable);
    if (!preset.fits(tier->node_count)) continue;
    recommendation.tier = tier->name;
    recommendation.survives_node_loss = preset.survives(tier->node_count);
    choice.preset = tier;
    return recommendation;
  }
  recommendation.tier = "custom";
  recommendation.custom = true;
  if (sorted.empty()) {
    recommendation.exceeded_resource = "none";
    return recommendation;
  }
  choice.preset = sorted.back();
  exceed_largest(recommendation, choice, totals, policy);
  return recommendation;
}

void explain_tier(TierRecommendation& recommendation, const TierChoice& choice,
                  const PodTotals& totals, const EnvironmentPolicy& policy, const NodePlan& nodes,
                  const NodePlan& spot_nodes) {
  const std::string planned =
      spot_nodes.count == 0
          ? concat(nodes.count, " x ", nodes.node_type.name)
          : concat(nodes.count, " x ", nodes.node_type.name, " on demand + ", spot_nodes.count,
                   " x ", spot_nodes.node_type.name, " on spot");
  const char* measure = measure_name(policy.pack_by);
  if (choice.preset == nullptr) {
    recommendation.reason = "no tier presets in the scenario; use the planned nodes";
    return;
  }
  const TierPreset& tier = *choice.preset;
  TextBuilder reason;
  if (!recommendation.custom) {
    reason.add("smallest preset whose ", tier.node_count, " x ", tier.node_vcpu, " vCPU / ",
               Readable{tier.node_memory_gib}, " GiB nodes hold every pod by ", measure, " (",
               cores_of(totals.cpu_m), " cores, ", gib_of(totals.memory_mib), " GiB)");
    if (policy.survive_node_loss && !recommendation.survives_node_loss) {
      reason.add("; it does not survive the loss of a node under this policy, the plan's ", planned,
                 spot_nodes.count == 0 ? " does" : " do");
    }
    recommendation.reason = reason.str();
    return;
  }
  const bool cpu = recommendation.exceeded_resource == "cpu";
  reason.add("exceeds every preset; the largest, ", tier.name, ", falls short on ");
  if (cpu) {
    reason.add("CPU", choice.totals_fit ? ": " : " ", cores_of(totals.cpu_m),
               choice.totals_fit ? " cores of " : " cores > ", cores_of(choice.preset_cpu_m),
               " cores");
  } else {
    reason.add("memory", choice.totals_fit ? ": " : " ", gib_of(totals.memory_mib),
               choice.totals_fit ? " GiB of " : " GiB > ", gib_of(choice.preset_memory_mib),
               " GiB");
  }
  if (choice.totals_fit) reason.add(" usable, but the pods do not pack onto its nodes");
  reason.add(" (by ", measure, "); custom plan: ", planned);
  recommendation.reason = reason.str();
}

namespace {

template <class Sized>
void add_totals(ResourceTotals& t, const Sized& c) {
  t.request_cpu_m += c.replicas * c.request_cpu_m;
  t.request_memory_mib += c.replicas * c.request_memory_mib;
  t.limit_cpu_m += c.replicas * c.limit_cpu_m;
  t.limit_memory_mib += c.replicas * c.limit_memory_mib;
  t.pods += c.replicas;
}

}  // namespace

ResourceTotals totals_of(const std::vector<ComponentPlan>& components,
                         const std::vector<InClusterPod>& datastores, const NodePlan& nodes,
                         const NodePlan& spot_nodes) {
  ResourceTotals t;
  for (const auto& c : components) add_totals(t, c);
  for (const auto& d : datastores) add_totals(t, d);
  // Spare is measured against requests in every environment (what the pods are sized
  // to use), so that environments packed by different measures compare fairly.
  const auto room = [&](double NodeAllocatable::*member) {
    return nodes.count * nodes.allocatable.*member +
           spot_nodes.count * spot_nodes.allocatable.*member;
  };
  t.spare_cpu_m = room(&NodeAllocatable::pod_cpu_m) - t.request_cpu_m;
  t.spare_memory_mib = room(&NodeAllocatable::pod_memory_mib) - t.request_memory_mib;
  return t;
}

}  // namespace tierplan::detail
