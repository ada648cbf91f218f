#include "tierplan/environment.hpp"

#include "serialization.hpp"

namespace tierplan {

namespace {
constexpr std::array<std::pair<std::string_view, SpreadPolicy>, 2> kSpread = {
    {{"none", SpreadPolicy::none}, {"nodes", SpreadPolicy::nodes}}};
constexpr std::array<std::pair<std::string_view, PackingMeasure>, 2> kPacking = {
    {{"requests", PackingMeasure::requests}, {"limits", PackingMeasure::limits}}};
constexpr std::array<std::pair<std::string_view, ReservedModel>, 4> kReserved = {
    {{"gke", ReservedModel::gke},
     {"eks", ReservedModel::eks},
     {"aks", ReservedModel::aks},
     {"by_cloud", ReservedModel::by_cloud}}};
}  // namespace

std::string to_string(SpreadPolicy v) { return std::string(detail::choice_name(v, kSpread)); }
std::string to_string(PackingMeasure v) { return std::string(detail::choice_name(v, kPacking)); }
std::string to_string(ReservedModel v) { return std::string(detail::choice_name(v, kReserved)); }

}  // namespace tierplan

namespace tierplan::detail {

namespace {

void read_policy(ObjectReader& r, EnvironmentPolicy& p) {
  r.integer("min_replicas", p.min_replicas, between(1, 1000));
  r.choice("spread", p.spread, kSpread);
  r.boolean("survive_node_loss", p.survive_node_loss);
  r.choice("node_loss_pack_by", p.node_loss_pack_by, kPacking);
  r.number("max_server_utilization", p.max_server_utilization, above(0, 1));
  r.number("latency_target_ms", p.latency_target_ms, above(0, 3.6e6));
  r.number("latency_percentile", p.latency_percentile, above(0, 0.999999));
  r.integer("max_replicas", p.max_replicas, between(1, 100000));
  r.choice("pack_by", p.pack_by, kPacking);
  r.number("node_fill_ceiling", p.node_fill_ceiling, above(0, 1));
  r.number("max_pod_fraction_of_node", p.max_pod_fraction_of_node, above(0, 1));
  r.choice("reserved_model", p.reserved_model, kReserved);
  r.number("daemonset_cpu_m", p.daemonset_cpu_m, between(0, 1e6));
  r.number("daemonset_memory_mib", p.daemonset_memory_mib, between(0, 4.0 * 1024 * 1024));
  r.integer("daemonset_pods", p.daemonset_pods, between(0, 1000));
  r.text("node_type", p.node_type);
  if (p.max_replicas < p.min_replicas) {
    r.issues().add(join_path(r.path(), "max_replicas"),
                   "must be >= min_replicas (" + std::to_string(p.min_replicas) + "), got " +
                       std::to_string(p.max_replicas));
  }
}

json write_policy(const EnvironmentPolicy& p) {
  return {{"min_replicas", p.min_replicas},
          {"spread", choice_name(p.spread, kSpread)},
          {"survive_node_loss", p.survive_node_loss},
          {"node_loss_pack_by", choice_name(p.node_loss_pack_by, kPacking)},
          {"max_server_utilization", p.max_server_utilization},
          {"latency_target_ms", p.latency_target_ms},
          {"latency_percentile", p.latency_percentile},
          {"max_replicas", p.max_replicas},
          {"pack_by", choice_name(p.pack_by, kPacking)},
          {"node_fill_ceiling", p.node_fill_ceiling},
          {"max_pod_fraction_of_node", p.max_pod_fraction_of_node},
          {"reserved_model", choice_name(p.reserved_model, kReserved)},
          {"daemonset_cpu_m", p.daemonset_cpu_m},
          {"daemonset_memory_mib", p.daemonset_memory_mib},
          {"daemonset_pods", p.daemonset_pods},
          {"node_type", p.node_type}};
}

}  // namespace

Environment read_environment(ObjectReader& r) {
  Environment e;
  r.identifier("name", e.name, Need::required);
  if (const json* workload = r.object("workload")) {
    ObjectReader w(workload, join_path(r.path(), "workload"), r.issues());
    e.workload = read_workload(w);
    w.finish();
  }
  double share = 1.0;
  r.number("workload_share", share, between(0, 1000));
  if (r.has("workload_share")) e.workload_share = share;
  if (r.has("workload") == r.has("workload_share")) {
    r.issues().add(join_path(r.path(), "workload"),
                   "give exactly one of \"workload\" and \"workload_share\", got " +
                       std::string(r.has("workload") ? "both" : "neither"));
  }
  ObjectReader policy(r.object("policy", Need::required), join_path(r.path(), "policy"),
                      r.issues());
  read_policy(policy, e.policy);
  policy.finish();
  return e;
}

json write_environment(const Environment& e) {
  json out = {{"name", e.name}};
  if (e.workload) out["workload"] = write_workload(*e.workload);
  if (e.workload_share) out["workload_share"] = *e.workload_share;
  out["policy"] = write_policy(e.policy);
  return out;
}

}  // namespace tierplan::detail
