"""``__repr__`` of the plan and price types: the key numbers of each, as the reports print
them, set onto the compiled classes by ``tierplan._presentation``. Formatting only: every
number is a field of the object."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tierplan._core import (
    BackupPlan,
    ComponentLoad,
    ComponentLogVolume,
    ConnectionUse,
    CostItem,
    CostPlan,
    DataPlan,
    InClusterPod,
    LogPlan,
    NodeAllocatable,
    NodePlan,
    NodeUsage,
    ObjectStorageBackupPlan,
    ObjectStoragePlan,
    PeakDemand,
    PostgresBackupPlan,
    PostgresPlan,
    Prices,
    QdrantPlan,
    RedisPlan,
    ResourceTotals,
    TableSize,
    TierRecommendation,
    VectorStoreBackupPlan,
)
from tierplan.reports.comparison import cores, gib, gib_of_mib, usd


def _node_plan(n: NodePlan) -> str:
    t = n.node_type
    return (
        f"{n.count} x {t.name} ({t.vcpu} vCPU / {t.memory_gib:g} GiB), packed by"
        f" {n.packed_by.name}, survives a node loss: {'yes' if n.survives_node_loss else 'no'},"
        f" {usd(n.cost_usd_month)}/month"
    )


def _allocatable(a: NodeAllocatable) -> str:
    return (
        f"{cores(a.pod_cpu_m)} cores / {gib_of_mib(a.pod_memory_mib)} GiB for pods of"
        f" {cores(a.capacity_cpu_m)} / {gib_of_mib(a.capacity_memory_mib)}, {a.pod_slots} pod slots"
    )


def _node_usage(u: NodeUsage) -> str:
    return (
        f"node {u.index + 1}: {len(u.pods)} pods, requests {cores(u.request_cpu_m)} cores /"
        f" {gib_of_mib(u.request_memory_mib)} GiB, free {cores(u.free_cpu_m)} /"
        f" {gib_of_mib(u.free_memory_mib)}"
    )


def _totals(t: ResourceTotals) -> str:
    return (
        f"{t.pods} pods, requests {cores(t.request_cpu_m)} cores /"
        f" {gib_of_mib(t.request_memory_mib)} GiB, limits {cores(t.limit_cpu_m)} /"
        f" {gib_of_mib(t.limit_memory_mib)}"
    )


def _cost_plan(c: CostPlan) -> str:
    return (
        f"{c.cloud} {c.region} {c.pricing}: {usd(c.total_usd_month)}/month,"
        f" {usd(c.total_usd_year)}/year, {len(c.items)} items, prices as of {c.prices_as_of}"
    )


def _cost_item(i: CostItem) -> str:
    return (
        f"{i.item}: {i.quantity:g} {i.unit} x {usd(i.unit_cost_usd_month)}"
        f" = {usd(i.cost_usd_month)}/month"
    )


def _postgres(p: PostgresPlan) -> str:
    return (
        f"{p.shape.name or 'instance'} {p.shape.vcpu} vCPU / {p.shape.memory_gib:g} GiB,"
        f" {gib(p.storage_gib)}, max_connections {p.max_connections},"
        f" PgBouncer {'yes' if p.pgbouncer else 'no'}, {p.topology}"
    )


def _redis(r: RedisPlan) -> str:
    return (
        f"{r.instance_memory_gib:g} GiB (maxmemory {r.maxmemory_mib:,.0f} MiB),"
        f" maxclients {r.maxclients}, {r.topology}"
    )


def _qdrant(q: QdrantPlan) -> str:
    return (
        f"{q.nodes} x {q.shape.vcpu} vCPU / {q.shape.memory_gib:g} GiB, {q.points:,.0f} points,"
        f" RAM {gib(q.ram_per_node_gib)} per node, replication factor {q.replication_factor}"
    )


def _data(d: DataPlan) -> str:
    return (
        f"PostgreSQL {d.postgres.shape.vcpu} vCPU / {gib(d.postgres.storage_gib)}, Redis"
        f" {d.redis.instance_memory_gib:g} GiB, Qdrant {d.qdrant.nodes} nodes, object storage"
        f" {gib(d.object_storage.total_gib)}, {len(d.warnings)} warnings"
    )


def _logs(log: LogPlan) -> str:
    return (
        f"{log.level.name.upper()}, {log.gib_per_day:,.2f} GiB/day, kept"
        f" {log.retention_days:g} days ({gib(log.stored_gib)})"
    )


def _backups(b: BackupPlan) -> str:
    return (
        f"PostgreSQL RPO {b.postgres.rpo_minutes:,.1f} min (target {b.rpo_target_minutes:g}),"
        f" RTO {b.postgres.rto_minutes:,.1f} min (target {b.rto_target_minutes:g}),"
        f" {gib(b.storage_gib)} of backups"
    )


def _tier(t: TierRecommendation) -> str:
    return t.name + (f" (exceeds every preset: {t.exceeded_resource})" if t.custom else "")


def _demand(d: PeakDemand) -> str:
    return (
        f"api {d.api_rate_per_s:,.2f}/s, Celery {d.worker_task_rate_per_s:,.2f}/s, plugins"
        f" {d.plugin_call_rate_per_s:,.2f}/s, sandbox {d.sandbox_execution_rate_per_s:,.2f}/s"
    )


def _prices(p: Prices) -> str:
    return (
        f"{p.cloud} {p.region}: control plane {p.control_plane_usd_per_hour.usd:g} USD/h,"
        f" block storage {p.block_storage_usd_per_gib_month.usd:g} USD/GiB-month, object"
        f" storage {p.object_storage_usd_per_gib_month.usd:g} USD/GiB-month"
    )


def _storage(o: ObjectStoragePlan) -> str:
    return f"{gib(o.total_gib)} (uploads {gib(o.uploads_gib)}, versions {gib(o.versions_gib)})"


def _load(c: ComponentLoad) -> str:
    return (
        f"{c.arrival_rate_per_s:,.2f} req/s, {c.offered_load_erlangs:,.2f} Erlangs,"
        f" {c.concurrent_requests:,.1f} in flight"
    )


def _table(t: TableSize) -> str:
    return f"{t.name}: {t.rows:,.0f} rows, {t.total_bytes / 1024**3:,.2f} GiB"


def _connections(c: ConnectionUse) -> str:
    return f"{c.component}: {c.replicas} x {c.per_replica} = {c.total}"


def _in_cluster(p: InClusterPod) -> str:
    return (
        f"{p.name}: {p.replicas} x {cores(p.request_cpu_m)} cores /"
        f" {gib_of_mib(p.request_memory_mib)} GiB, volume {gib(p.volume_gib)}"
    )


def _log_volume(v: ComponentLogVolume) -> str:
    return f"{v.component}: {v.level.name.upper()}, {v.gib_per_day:,.3f} GiB/day"


def _postgres_backups(b: PostgresBackupPlan) -> str:
    return (
        f"{b.full_backups_kept} fulls kept, {gib(b.repository_gib)}, RPO {b.rpo_minutes:,.1f}"
        f" min, RTO {b.rto_minutes:,.1f} min, PITR {'yes' if b.point_in_time_recovery else 'no'}"
    )


def _object_backups(b: ObjectStorageBackupPlan) -> str:
    kept = f"versioning, {gib(b.noncurrent_version_gib)} of old versions"
    return kept if b.versioning else "no versioning"


def _vector_backups(b: VectorStoreBackupPlan) -> str:
    return (
        f"{b.method.name} (recommended {b.recommended.name}), recovery"
        f" {b.recovery_minutes:,.1f} min"
    )


DESCRIBE: tuple[tuple[type, Callable[[Any], str]], ...] = (
    (ComponentLoad, _load),
    (TableSize, _table),
    (ConnectionUse, _connections),
    (InClusterPod, _in_cluster),
    (ComponentLogVolume, _log_volume),
    (PostgresBackupPlan, _postgres_backups),
    (ObjectStorageBackupPlan, _object_backups),
    (VectorStoreBackupPlan, _vector_backups),
    (NodePlan, _node_plan),
    (NodeAllocatable, _allocatable),
    (NodeUsage, _node_usage),
    (ResourceTotals, _totals),
    (CostPlan, _cost_plan),
    (CostItem, _cost_item),
    (PostgresPlan, _postgres),
    (RedisPlan, _redis),
    (QdrantPlan, _qdrant),
    (ObjectStoragePlan, _storage),
    (DataPlan, _data),
    (LogPlan, _logs),
    (BackupPlan, _backups),
    (TierRecommendation, _tier),
    (PeakDemand, _demand),
    (Prices, _prices),
)


def repr_of(cls: type, describe: Callable[[Any], str]) -> Callable[[Any], str]:
    """A ``__repr__`` that writes ``<tierplan.Class description>``."""

    def __repr__(self: Any) -> str:
        return f"<tierplan.{cls.__name__} {describe(self)}>"

    __repr__.__doc__ = f"The key numbers of the {cls.__name__}."
    return __repr__
