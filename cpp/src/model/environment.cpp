#include "tierplan/environment.hpp"

#include "io/serialization.hpp"
#include "model/field_rules.hpp"
#include "model/object_shapes.hpp"

namespace tierplan {

namespace {
using detail::kClouds;
using detail::kDatastoreModes;
using detail::kDatatype;
using detail::kLogLevels;
using detail::kPacking;
using detail::kPricingModels;
using detail::kQuantization;
using detail::kRecovery;
using detail::kReserved;
using detail::kSpread;
}  // namespace

std::string to_string(LogLevel v) { return std::string(detail::choice_name(v, kLogLevels)); }
std::string to_string(VectorRecovery v) { return std::string(detail::choice_name(v, kRecovery)); }
std::string to_string(VectorDatatype v) { return std::string(detail::choice_name(v, kDatatype)); }
std::string to_string(Quantization v) { return std::string(detail::choice_name(v, kQuantization)); }
std::string to_string(DatastoreMode v) {
  return std::string(detail::choice_name(v, kDatastoreModes));
}
std::string to_string(PricingModel v) {
  return std::string(detail::choice_name(v, kPricingModels));
}
std::string to_string(Cloud v) { return std::string(detail::choice_name(v, kClouds)); }
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
  r.choice("postgres_workload", d.postgres_workload, kPgWorkloads);
  read_fields(r, d, kDatastoreFields);
  r.boolean("redis_replica_with_sentinels", d.redis_replica_with_sentinels);
  r.boolean("redis_cluster_mode", d.redis_cluster_mode);
  r.boolean("redis_maxmemory_configured", d.redis_maxmemory_configured);
  r.boolean("qdrant_vectors_on_disk", d.qdrant_vectors_on_disk);
  r.choice("qdrant_datatype", d.qdrant_datatype, kDatatype);
  r.choice("qdrant_quantization", d.qdrant_quantization, kQuantization);
  r.choice("postgres_mode", d.postgres_mode, kDatastoreModes);
  r.choice("redis_mode", d.redis_mode, kDatastoreModes);
  r.choice("vector_store_mode", d.vector_store_mode, kDatastoreModes);
  r.choice("object_storage_mode", d.object_storage_mode, kDatastoreModes);
  r.boolean("burstable_instances_allowed", d.burstable_instances_allowed);
}

json write_datastore_policy(const DatastorePolicy& d) {
  return {{"postgres_standby", d.postgres_standby},
          {"postgres_synchronous", d.postgres_synchronous},
          {"postgres_disk", choice_name(d.postgres_disk, kDisk)},
          {"postgres_workload", choice_name(d.postgres_workload, kPgWorkloads)},
          {"postgres_version", d.postgres_version},
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
          {"postgres_mode", choice_name(d.postgres_mode, kDatastoreModes)},
          {"redis_mode", choice_name(d.redis_mode, kDatastoreModes)},
          {"vector_store_mode", choice_name(d.vector_store_mode, kDatastoreModes)},
          {"object_storage_mode", choice_name(d.object_storage_mode, kDatastoreModes)},
          {"burstable_instances_allowed", d.burstable_instances_allowed}};
}

void read_log_policy(ObjectReader& r, LogPolicy& l) {
  r.choice("level", l.level, kLogLevels);
  if (const json* levels = r.object("component_levels")) {
    const std::string path = join_path(r.path(), "component_levels");
    for (const auto& [name, value] : levels->items()) {
      LogLevel level = l.level;
      bool known = false;
      for (const auto& [option_name, option] : kLogLevels) {
        if (value.is_string() && value.get_ref<const std::string&>() == option_name) {
          level = option;
          known = true;
        }
      }
      if (!known) {
        r.issues().add(join_path(path, name),
                       "must be one of \"debug\", \"info\", \"warning\", \"error\", got " +
                           describe_value(value));
      } else {
        l.component_levels[name] = level;
      }
    }
  }
  r.boolean("access_log", l.access_log);
  r.boolean("audit_log", l.audit_log);
  read_fields(r, l, kLogPolicyFields);
}

json write_log_policy(const LogPolicy& l) {
  json levels = json::object();
  for (const auto& [name, level] : l.component_levels) {
    levels[name] = choice_name(level, kLogLevels);
  }
  return {{"level", choice_name(l.level, kLogLevels)},
          {"component_levels", levels},
          {"access_log", l.access_log},
          {"audit_log", l.audit_log},
          {"retention_days", l.retention_days}};
}

void read_backup_policy(ObjectReader& r, BackupPolicy& b) {
  {
    ObjectReader pg(r, "postgres");
    auto& p = b.postgres;
    read_fields(pg, p, kPostgresBackupFields);
    pg.boolean("wal_archiving", p.wal_archiving);
    pg.finish();
  }
  {
    ObjectReader os(r, "object_storage");
    auto& o = b.object_storage;
    os.boolean("versioning", o.versioning);
    read_fields(os, o, kObjectStorageBackupFields);
    os.finish();
  }
  {
    ObjectReader vs(r, "vector_store");
    auto& v = b.vector_store;
    vs.choice("method", v.method, kRecovery);
    read_fields(vs, v, kVectorStoreBackupFields);
    vs.finish();
  }
  read_fields(r, b, kBackupPolicyFields);
  r.boolean("helm_values_in_version_control", b.helm_values_in_version_control);
}

json write_backup_policy(const BackupPolicy& b) {
  const auto& p = b.postgres;
  const auto& o = b.object_storage;
  const auto& v = b.vector_store;
  return {{"postgres",
           {{"full_backup_interval_days", p.full_backup_interval_days},
            {"wal_archiving", p.wal_archiving},
            {"archive_timeout_s", p.archive_timeout_s},
            {"retention_full", p.retention_full},
            {"compression_ratio", p.compression_ratio},
            {"restore_mib_per_s", p.restore_mib_per_s},
            {"wal_replay_mib_per_s", p.wal_replay_mib_per_s}}},
          {"object_storage",
           {{"versioning", o.versioning},
            {"noncurrent_version_expiration_days", o.noncurrent_version_expiration_days},
            {"daily_overwrite_fraction", o.daily_overwrite_fraction}}},
          {"vector_store",
           {{"method", choice_name(v.method, kRecovery)},
            {"snapshot_interval_hours", v.snapshot_interval_hours},
            {"snapshots_kept", v.snapshots_kept},
            {"snapshot_restore_mib_per_s", v.snapshot_restore_mib_per_s},
            {"embedding_chunks_per_s", v.embedding_chunks_per_s}}},
          {"rto_target_minutes", b.rto_target_minutes},
          {"rpo_target_minutes", b.rpo_target_minutes},
          {"helm_values_in_version_control", b.helm_values_in_version_control}};
}

void read_policy(ObjectReader& r, EnvironmentPolicy& p) {
  read_fields(r, p, kPolicyFields);
  r.choice("spread", p.spread, kSpread);
  r.boolean("survive_node_loss", p.survive_node_loss);
  r.choice("node_loss_pack_by", p.node_loss_pack_by, kPacking);
  r.choice("pack_by", p.pack_by, kPacking);
  r.choice("reserved_model", p.reserved_model, kReserved);
  r.choice("cloud", p.cloud, kClouds);
  r.text("region", p.region);
  r.text("node_type", p.node_type);
  {
    ObjectReader datastores(r, "datastores");
    read_datastore_policy(datastores, p.datastores);
    datastores.finish();
  }
  {
    ObjectReader logs(r, "logs");
    read_log_policy(logs, p.logs);
    logs.finish();
  }
  {
    ObjectReader backups(r, "backups");
    read_backup_policy(backups, p.backups);
    backups.finish();
  }
  {
    ObjectReader cost(r, "cost");
    cost.choice("pricing", p.cost.pricing, kPricingModels);
    read_fields(cost, p.cost, kCostPolicyFields);
    cost.boolean("stateless_on_spot", p.cost.stateless_on_spot);
    cost.finish();
  }
  {
    std::vector<FieldIssue> rules;
    add_policy_cross_field_issues(p, r.path(), rules);
    r.issues().add(std::move(rules));
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
          {"cloud", choice_name(p.cloud, kClouds)},
          {"region", p.region},
          {"node_type", p.node_type},
          {"datastores", write_datastore_policy(p.datastores)},
          {"logs", write_log_policy(p.logs)},
          {"backups", write_backup_policy(p.backups)},
          {"cost",
           {{"pricing", choice_name(p.cost.pricing, kPricingModels)},
            {"load_balancers", p.cost.load_balancers},
            {"nat_gateways", p.cost.nat_gateways},
            {"outbound_kib_per_request", p.cost.outbound_kib_per_request},
            {"stateless_on_spot", p.cost.stateless_on_spot}}}};
}

}  // namespace

Environment read_environment(ObjectReader& r) {
  Environment e;
  r.identifier("name", e.name);
  {
    ObjectReader w(r, "workload");
    if (w.ok()) e.workload = read_workload(w);
    w.finish();
  }
  double share = 1.0;
  r.number("workload_share", share, kWorkloadShareBounds);
  if (r.has("workload_share")) e.workload_share = share;
  const auto& one_of = shapes::kEnvironment.exactly_one_of;  // workload, workload_share
  if (r.has(one_of[0]) == r.has(one_of[1])) {
    r.issues().add(join_path(r.path(), one_of[0]),
                   "give exactly one of \"" + std::string(one_of[0]) + "\" and \"" +
                       std::string(one_of[1]) + "\", got " +
                       std::string(r.has(one_of[0]) ? "both" : "neither"));
  }
  ObjectReader policy(r, "policy");
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
