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
constexpr std::array<std::pair<std::string_view, DiskType>, 4> kDisk = {{{"ssd", DiskType::ssd},
                                                                         {"hdd", DiskType::hdd},
                                                                         {"san", DiskType::san},
                                                                         {"nvme", DiskType::nvme}}};
constexpr std::array<std::pair<std::string_view, VectorDatatype>, 3> kDatatype = {
    {{"float32", VectorDatatype::float32},
     {"float16", VectorDatatype::float16},
     {"uint8", VectorDatatype::uint8}}};
constexpr std::array<std::pair<std::string_view, Quantization>, 3> kQuantization = {
    {{"none", Quantization::none},
     {"scalar", Quantization::scalar},
     {"binary", Quantization::binary}}};
}  // namespace

std::string to_string(VectorDatatype v) { return std::string(detail::choice_name(v, kDatatype)); }
std::string to_string(Quantization v) { return std::string(detail::choice_name(v, kQuantization)); }
std::string to_string(SpreadPolicy v) { return std::string(detail::choice_name(v, kSpread)); }
std::string to_string(PackingMeasure v) { return std::string(detail::choice_name(v, kPacking)); }
std::string to_string(ReservedModel v) { return std::string(detail::choice_name(v, kReserved)); }

}  // namespace tierplan

namespace tierplan::detail {

namespace {

void read_datastore_policy(ObjectReader& r, DatastorePolicy& d) {
  r.boolean("postgres_standby", d.postgres_standby);
  r.boolean("postgres_synchronous", d.postgres_synchronous);
  r.choice("postgres_disk", d.postgres_disk, kDisk);
  r.integer("pgbouncer_above_connections", d.pgbouncer_above_connections, between(1, 1e6));
  r.number("storage_headroom_fraction", d.storage_headroom_fraction, between(0, 10));
  r.boolean("redis_replica_with_sentinels", d.redis_replica_with_sentinels);
  r.boolean("redis_cluster_mode", d.redis_cluster_mode);
  r.boolean("redis_maxmemory_configured", d.redis_maxmemory_configured);
  r.number("broker_backlog_minutes", d.broker_backlog_minutes, between(0, 10080));
  r.integer("qdrant_min_nodes", d.qdrant_min_nodes, between(1, 1000));
  r.integer("qdrant_replication_factor", d.qdrant_replication_factor, between(1, 100));
  r.integer("qdrant_shards_per_node", d.qdrant_shards_per_node, between(1, 1000));
  r.boolean("qdrant_vectors_on_disk", d.qdrant_vectors_on_disk);
  r.choice("qdrant_datatype", d.qdrant_datatype, kDatatype);
  r.choice("qdrant_quantization", d.qdrant_quantization, kQuantization);
  r.number("object_versions_fraction", d.object_versions_fraction, between(0, 100));
  if (d.qdrant_replication_factor > d.qdrant_min_nodes) {
    r.issues().add(join_path(r.path(), "qdrant_replication_factor"),
                   "must be <= qdrant_min_nodes (" + std::to_string(d.qdrant_min_nodes) +
                       "), got " + std::to_string(d.qdrant_replication_factor));
  }
}

json write_datastore_policy(const DatastorePolicy& d) {
  return {{"postgres_standby", d.postgres_standby},
          {"postgres_synchronous", d.postgres_synchronous},
          {"postgres_disk", choice_name(d.postgres_disk, kDisk)},
          {"pgbouncer_above_connections", d.pgbouncer_above_connections},
          {"storage_headroom_fraction", d.storage_headroom_fraction},
          {"redis_replica_with_sentinels", d.redis_replica_with_sentinels},
          {"redis_cluster_mode", d.redis_cluster_mode},
          {"redis_maxmemory_configured", d.redis_maxmemory_configured},
          {"broker_backlog_minutes", d.broker_backlog_minutes},
          {"qdrant_min_nodes", d.qdrant_min_nodes},
          {"qdrant_replication_factor", d.qdrant_replication_factor},
          {"qdrant_shards_per_node", d.qdrant_shards_per_node},
          {"qdrant_vectors_on_disk", d.qdrant_vectors_on_disk},
          {"qdrant_datatype", choice_name(d.qdrant_datatype, kDatatype)},
          {"qdrant_quantization", choice_name(d.qdrant_quantization, kQuantization)},
          {"object_versions_fraction", d.object_versions_fraction}};
}

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
  r.number("max_capacity_share_per_node", p.max_capacity_share_per_node, above(0, 1));
  r.number("max_pod_fraction_of_node", p.max_pod_fraction_of_node, above(0, 1));
  r.choice("reserved_model", p.reserved_model, kReserved);
  r.number("daemonset_cpu_m", p.daemonset_cpu_m, between(0, 1e6));
  r.number("daemonset_memory_mib", p.daemonset_memory_mib, between(0, 4.0 * 1024 * 1024));
  r.integer("daemonset_pods", p.daemonset_pods, between(0, 1000));
  r.text("node_type", p.node_type);
  {
    ObjectReader datastores(r.object("datastores"), join_path(r.path(), "datastores"), r.issues());
    read_datastore_policy(datastores, p.datastores);
    datastores.finish();
  }
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
          {"max_capacity_share_per_node", p.max_capacity_share_per_node},
          {"max_pod_fraction_of_node", p.max_pod_fraction_of_node},
          {"reserved_model", choice_name(p.reserved_model, kReserved)},
          {"daemonset_cpu_m", p.daemonset_cpu_m},
          {"daemonset_memory_mib", p.daemonset_memory_mib},
          {"daemonset_pods", p.daemonset_pods},
          {"node_type", p.node_type},
          {"datastores", write_datastore_policy(p.datastores)}};
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
