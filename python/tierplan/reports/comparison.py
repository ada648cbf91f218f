"""The side-by-side comparison of environments: sections of rows, one cell per environment.

Every value and reason comes from the plan the C++ core computed; this module only picks
fields and formats them. A section is built by a small function of the environments'
plans, so a new part of the plan (logs, backups, cost) is a new function in ``SECTIONS``.
The renderers (text, Markdown, HTML, JSON) all draw from the same ``Comparison``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from tierplan._core import (
    ComponentPlan,
    EnvironmentPlan,
    Plan,
    Scenario,
    __version__,
    plan_on_each_cloud,
    plan_with_each_datastore_mode,
)

MIB_PER_GIB = 1024.0
MILLICORES_PER_CORE = 1000.0
# Written into the comparison JSON so that a consumer can tell which shape it reads.
COMPARISON_FORMAT = "tierplan-comparison"
# 2: "summary" and "key_warnings" first; "runs on" and "prices as of" moved from the Load
# section to the summary's Assumptions.
COMPARISON_FORMAT_VERSION = 2
# Warnings a summary shows, the most serious first.
KEY_WARNINGS = 3


@dataclass(frozen=True)
class Cell:
    """One environment's value of a row and the reason the planner gave for it."""

    value: str
    reason: str = ""


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]  # one per environment, in the comparison's order

    @property
    def same_reason(self) -> bool:
        return len({cell.reason for cell in self.cells}) == 1


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[Row, ...]

    @property
    def key(self) -> str:
        return slug(self.title)


@dataclass(frozen=True)
class Comparison:
    scenario: str
    environments: tuple[str, ...]
    sections: tuple[Section, ...]
    # Each environment's warnings, in the comparison's order.
    warnings: tuple[tuple[str, ...], ...]
    tierplan_version: str = __version__
    # Options asked for but not compared, each with why (a cloud the catalog cannot price).
    not_compared: tuple[str, ...] = ()
    # What a reader sees first: cost, cluster, datastores, tier, and the assumptions, one
    # short row each (SUMMARY_SECTIONS); then each environment's most serious warnings
    # (EnvironmentPlan.key_warnings: the C++ core ranks them).
    summary: tuple[Section, ...] = ()
    key_warnings: tuple[tuple[str, ...], ...] = ()
    # The plans compared, one per column: what the HTML report's pictures are drawn from.
    plans: tuple[EnvironmentPlan, ...] = field(default=(), compare=False, repr=False)

    @property
    def title(self) -> str:
        return f"tierplan: {self.scenario}"


def slug(text: str) -> str:
    """A stable identifier for a section or row title (HTML ids, JSON keys)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Formatting of the plan's units. Numbers are shown as computed, only rounded for reading.


def cores(cpu_m: float) -> str:
    return f"{cpu_m / MILLICORES_PER_CORE:.2f}"


def gib_of_mib(memory_mib: float) -> str:
    return f"{memory_mib / MIB_PER_GIB:.1f}"


def gib(value_gib: float) -> str:
    return f"{value_gib:,.1f} GiB" if value_gib < 100 else f"{value_gib:,.0f} GiB"


def usd(value: float) -> str:
    # Cents only where they are a visible share of the amount.
    return f"${value:,.2f}" if value < 100 else f"${value:,.0f}"


def on_off(flag: bool) -> str:
    return "on" if flag else "off"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


# Rows. A row function maps one environment's plan to its cell.

CellOf = Callable[[EnvironmentPlan], Cell]
SectionBuilder = Callable[[Sequence[EnvironmentPlan]], Section]


def _row(label: str, envs: Sequence[EnvironmentPlan], cell_of: CellOf) -> Row:
    return Row(label, tuple(cell_of(e) for e in envs))


def _component_names(envs: Sequence[EnvironmentPlan]) -> list[str]:
    names: list[str] = []
    for env in envs:
        names += [c.name for c in env.components if c.name not in names]
    return names


def _component(env: EnvironmentPlan, name: str) -> ComponentPlan | None:
    return next((c for c in env.components if c.name == name), None)


ABSENT = Cell("-", "")


def _component_rows(
    envs: Sequence[EnvironmentPlan], cell_of: Callable[[ComponentPlan], Cell]
) -> tuple[Row, ...]:
    rows = []
    for name in _component_names(envs):
        cells = []
        for env in envs:
            component = _component(env, name)
            cells.append(ABSENT if component is None else cell_of(component))
        rows.append(Row(name, tuple(cells)))
    return tuple(rows)


# Sections, in the order of the official resources checklist (Kubernetes workers, then the
# data stores), then what the checklist lists per component, then high availability.


PRICING_NAMES = {
    "on_demand": "on-demand",
    "commitment_1yr": "1-year commitment",
    "commitment_3yr": "3-year commitment",
}


def _deployment(e: EnvironmentPlan) -> Cell:
    """Where the environment runs and how it is paid, first: what every price rests on."""
    pricing = PRICING_NAMES.get(e.cost.pricing, e.cost.pricing)
    return Cell(
        f"{e.cost.cloud} {e.cost.region}, {pricing}",
        "the environment's cloud and region (policy.cloud, policy.region) and how the bill is "
        "paid (policy.cost.pricing)",
    )


# The summary: the first screen of every report. Each row is one line a manager reads
# without the detail below it; every figure is one the plan holds.


def _cluster(e: EnvironmentPlan) -> Cell:
    node = e.nodes.node_type
    value = f"{e.nodes.count} x {node.name} ({node.vcpu} vCPU / {node.memory_gib:g} GiB each)"
    spot = e.spot_nodes
    if spot.count == 0:
        return Cell(value, e.nodes.count_reason)
    spot_type = spot.node_type
    return Cell(
        f"{value} on demand + {spot.count} x {spot_type.name} ({spot_type.vcpu} vCPU /"
        f" {spot_type.memory_gib:g} GiB each) on spot",
        f"{e.nodes.count_reason}; spot pool: {spot.pool_reason}",
    )


def _shape(name: str, vcpu: int, memory_gib: float) -> str:
    size = f"{vcpu} vCPU / {memory_gib:g} GiB"
    return f"{name} ({size})" if name else size


def _postgres_line(e: EnvironmentPlan) -> Cell:
    pg = e.data.postgres
    return Cell(
        f"{_shape(pg.shape.name, pg.shape.vcpu, pg.shape.memory_gib)}, {gib(pg.storage_gib)},"
        f" {pg.topology}" + (", PgBouncer" if pg.pgbouncer else ""),
        pg.shape_reason,
    )


def _redis_line(e: EnvironmentPlan) -> Cell:
    redis = e.data.redis
    return Cell(
        f"{redis.instance_memory_gib:g} GiB"
        + (f" ({redis.shape.name})" if redis.shape.name else "")
        + f", {redis.topology}",
        redis.memory_reason,
    )


def _qdrant_line(e: EnvironmentPlan) -> Cell:
    q = e.data.qdrant
    return Cell(
        f"{q.nodes} x {_shape(q.shape.name, q.shape.vcpu, q.shape.memory_gib)},"
        f" {q.points:,.0f} vectors, replication factor {q.replication_factor}",
        q.reason,
    )


def _object_storage_line(e: EnvironmentPlan) -> Cell:
    versioning = e.backups.object_storage.versioning
    return Cell(
        f"{gib(e.data.object_storage.total_gib)}, "
        + ("versioning on" if versioning else "no versioning"),
        e.data.object_storage.reason,
    )


def plan_summary_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "Summary",
        (
            _row(
                "cost per month",
                envs,
                lambda e: Cell(usd(e.cost.total_usd_month), e.cost.total_reason),
            ),
            _row(
                "cost per year",
                envs,
                lambda e: Cell(usd(e.cost.total_usd_year), "twelve months of the monthly total"),
            ),
            _row("cluster", envs, _cluster),
            _row("PostgreSQL", envs, _postgres_line),
            _row("Redis", envs, _redis_line),
            _row("Qdrant", envs, _qdrant_line),
            _row("object storage", envs, _object_storage_line),
            _row("tier", envs, lambda e: Cell(e.tier.name, e.tier.reason)),
            _row("warnings", envs, lambda e: Cell(str(len(e.warnings)), "")),
        ),
    )


def assumptions_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "Assumptions",
        (
            _row(
                "daily active users",
                envs,
                lambda e: Cell(
                    f"{e.daily_active_users:,.0f}, growth x{e.growth_factor:.2f}",
                    f"today's users; the load grows x{e.growth_factor:.2f} by the end of the"
                    " planning horizon (workload.growth), and the plan is sized for that load",
                ),
            ),
            _row("runs on", envs, _deployment),
            _row(
                "prices as of",
                envs,
                lambda e: Cell(
                    e.cost.prices_as_of,
                    "the oldest and newest date of the catalog's prices this bill uses",
                ),
            ),
        ),
    )


SUMMARY_SECTIONS: tuple[SectionBuilder, ...] = (plan_summary_section, assumptions_section)


def load_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "Load",
        (
            _row(
                "peak api rate (req/s)",
                envs,
                lambda e: Cell(
                    f"{e.peak_demand.api_rate_per_s:.2f}",
                    f"{e.peak_demand.worker_task_rate_per_s:.2f} Celery tasks/s, "
                    f"{e.peak_demand.plugin_call_rate_per_s:.2f} plugin calls/s, "
                    f"{e.peak_demand.sandbox_execution_rate_per_s:.2f} sandbox runs/s"
                    " at the same peak",
                ),
            ),
        ),
    )


def _allocatable(e: EnvironmentPlan) -> Cell:
    a = e.nodes.allocatable
    return Cell(
        f"{cores(a.pod_cpu_m)} cores / {gib_of_mib(a.pod_memory_mib)} GiB",
        f"capacity {cores(a.capacity_cpu_m)} cores / {gib_of_mib(a.capacity_memory_mib)} GiB"
        f" less kubelet reserve {cores(a.reserved_cpu_m)} / {gib_of_mib(a.reserved_memory_mib)},"
        f" eviction {gib_of_mib(a.eviction_memory_mib)} GiB"
        f" and DaemonSets {cores(a.daemonset_cpu_m)} / {gib_of_mib(a.daemonset_memory_mib)};"
        f" {a.pod_slots} pod slots",
    )


def kubernetes_section(envs: Sequence[EnvironmentPlan]) -> Section:
    def totals(requests: bool) -> CellOf:
        def cell(e: EnvironmentPlan) -> Cell:
            t = e.totals
            cpu, mem = (
                (t.request_cpu_m, t.request_memory_mib)
                if requests
                else (t.limit_cpu_m, t.limit_memory_mib)
            )
            return Cell(f"{cores(cpu)} / {gib_of_mib(mem)}", f"sum over {t.pods} pods")

        return cell

    return Section(
        "Kubernetes workers",
        (
            _row(
                "worker nodes",
                envs,
                lambda e: Cell(f"{e.nodes.count} x {e.nodes.node_type.name}", e.nodes.count_reason),
            ),
            _row(
                "node size",
                envs,
                lambda e: Cell(
                    f"{e.nodes.node_type.vcpu} vCPU / {e.nodes.node_type.memory_gib:g} GiB",
                    e.nodes.type_reason,
                ),
            ),
            _row("allocatable per node for pods", envs, _allocatable),
            *_spot_rows(envs),
            _row(
                "pods packed by",
                envs,
                lambda e: Cell(e.nodes.packed_by.name, ""),
            ),
            _row("pods", envs, lambda e: Cell(str(e.totals.pods), "")),
            _row("requests (cores / GiB)", envs, totals(requests=True)),
            _row("limits (cores / GiB)", envs, totals(requests=False)),
            _row(
                "spare above requests (cores / GiB)",
                envs,
                lambda e: Cell(
                    f"{cores(e.totals.spare_cpu_m)} / {gib_of_mib(e.totals.spare_memory_mib)}",
                    "room the nodes leave above the pods' requests: bursts, limits, a node loss",
                ),
            ),
            _row("node cost (USD/month)", envs, _node_cost),
            _row("tier", envs, lambda e: Cell(e.tier.name, e.tier.reason)),
        ),
    )


def _node_cost(e: EnvironmentPlan) -> Cell:
    """The nodes at on-demand prices, both pools where there is a spot pool (the bill's lines
    apply the commitment and the spot discount)."""
    if e.spot_nodes.count == 0:
        return Cell(usd(e.nodes.cost_usd_month), e.nodes.cost_reason)
    return Cell(
        usd(e.nodes.cost_usd_month + e.spot_nodes.cost_usd_month),
        f"at on-demand prices, both pools: {e.nodes.cost_reason}; {e.spot_nodes.cost_reason}"
        " (the bill's spot nodes line takes the spot discount off)",
    )


def _spot_rows(envs: Sequence[EnvironmentPlan]) -> tuple[Row, ...]:
    """The node pools, where an environment asked for a spot pool
    (policy.cost.stateless_on_spot)."""
    if not any(e.spot_nodes.count > 0 or e.nodes.pool_reason for e in envs):
        return ()

    def on_demand(e: EnvironmentPlan) -> Cell:
        return Cell(
            f"{e.nodes.count} x {e.nodes.node_type.name}",
            e.nodes.pool_reason or "every pod: the environment has no spot pool",
        )

    def spot(e: EnvironmentPlan) -> Cell:
        if e.spot_nodes.count == 0:
            return Cell("none", e.nodes.pool_reason or "the environment has no spot pool")
        s = e.spot_nodes
        return Cell(f"{s.count} x {s.node_type.name}", f"{s.pool_reason}; {s.count_reason}")

    return (
        _row("on-demand pool", envs, on_demand),
        _row("spot pool", envs, spot),
    )


def _pgbouncer(e: EnvironmentPlan) -> Cell:
    pg = e.data.postgres
    if not pg.pgbouncer:
        return Cell("no", pg.pgbouncer_reason)
    return Cell(
        f"default_pool_size {pg.pgbouncer_default_pool_size},"
        f" max_client_conn {pg.pgbouncer_max_client_conn:,}",
        pg.pgbouncer_reason,
    )


def postgresql_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "PostgreSQL",
        (
            _row(
                "instance",
                envs,
                lambda e: Cell(
                    f"{e.data.postgres.shape.vcpu} vCPU / {e.data.postgres.shape.memory_gib:g} GiB",
                    e.data.postgres.shape_reason,
                ),
            ),
            _row(
                "storage",
                envs,
                lambda e: Cell(gib(e.data.postgres.storage_gib), e.data.postgres.storage_reason),
            ),
            _row(
                "max_connections",
                envs,
                lambda e: Cell(
                    f"{e.data.postgres.max_connections:,}", e.data.postgres.max_connections_reason
                ),
            ),
            _row("PgBouncer", envs, _pgbouncer),
        ),
    )


def redis_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "Redis",
        (
            _row(
                "instance memory",
                envs,
                lambda e: Cell(
                    f"{e.data.redis.instance_memory_gib:g} GiB"
                    f" (maxmemory {e.data.redis.maxmemory_mib:,.0f} MiB)",
                    e.data.redis.memory_reason,
                ),
            ),
            _row(
                "maxclients",
                envs,
                lambda e: Cell(f"{e.data.redis.maxclients:,}", e.data.redis.maxclients_reason),
            ),
        ),
    )


def qdrant_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "Qdrant",
        (
            _row(
                "nodes",
                envs,
                lambda e: Cell(
                    f"{e.data.qdrant.nodes} x {e.data.qdrant.shape.vcpu} vCPU /"
                    f" {e.data.qdrant.shape.memory_gib:g} GiB",
                    e.data.qdrant.reason,
                ),
            ),
            _row(
                "points",
                envs,
                lambda e: Cell(
                    f"{e.data.qdrant.points:,.0f}",
                    f"{e.data.qdrant.chunks_per_document:,.0f} chunks per document",
                ),
            ),
            _row(
                "RAM per node",
                envs,
                lambda e: Cell(
                    gib(e.data.qdrant.ram_per_node_gib),
                    f"{gib(e.data.qdrant.ram_total_gib)} over every replica and node;"
                    f" Qdrant docs rule {gib(e.data.qdrant.docs_rule_memory_gib)}",
                ),
            ),
            _row(
                "disk per node",
                envs,
                lambda e: Cell(
                    gib(e.data.qdrant.disk_per_node_gib),
                    f"{gib(e.data.qdrant.disk_total_gib)} over every replica and node",
                ),
            ),
        ),
    )


def object_storage_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "Object storage",
        (
            _row(
                "capacity",
                envs,
                lambda e: Cell(gib(e.data.object_storage.total_gib), e.data.object_storage.reason),
            ),
            _row(
                "of which versions and backups",
                envs,
                lambda e: Cell(gib(e.data.object_storage.versions_gib), ""),
            ),
        ),
    )


def _replicas_cell(c: ComponentPlan) -> Cell:
    if not c.autoscaling.enabled:
        return Cell(str(c.replicas), c.replicas_reason)
    return Cell(
        f"{c.replicas} (HPA {c.autoscaling.min_replicas}-{c.autoscaling.max_replicas})",
        f"{c.replicas_reason}; HPA: {c.autoscaling.reason}",
    )


def replicas_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section("Replicas", _component_rows(envs, _replicas_cell))


def _resources_cell(c: ComponentPlan) -> Cell:
    return Cell(
        f"{cores(c.request_cpu_m)} / {cores(c.limit_cpu_m)} CPU,"
        f" {gib_of_mib(c.request_memory_mib)} / {gib_of_mib(c.limit_memory_mib)} GiB",
        c.resources_reason,
    )


def resources_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section("Requests / limits per replica", _component_rows(envs, _resources_cell))


def _replica_floor(e: EnvironmentPlan) -> Cell:
    # The floor most components share, and the components that differ from it (the
    # singletons and what does not scale horizontally).
    floors = Counter(c.floor_replicas for c in e.components)
    common = min(floors, key=lambda floor: (-floors[floor], floor))
    others = [f"{c.name} {c.floor_replicas}" for c in e.components if c.floor_replicas != common]
    text = str(common) + (f" ({', '.join(others)})" if others else "")
    return Cell(text, "the policy's min_replicas for every horizontally scaled component")


def high_availability_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "High availability",
        (
            _row("replica floor", envs, _replica_floor),
            _row(
                "survives the loss of a node (N+1)",
                envs,
                lambda e: Cell(
                    yes_no(
                        e.nodes.survives_node_loss
                        and (e.spot_nodes.count == 0 or e.spot_nodes.survives_node_loss)
                    ),
                    e.nodes.count_reason
                    if e.spot_nodes.count == 0
                    else f"on demand: {e.nodes.count_reason}; spot: {e.spot_nodes.count_reason}",
                ),
            ),
            _row(
                "PostgreSQL",
                envs,
                lambda e: Cell(e.data.postgres.topology, e.data.postgres.topology_reason),
            ),
            _row(
                "Redis",
                envs,
                lambda e: Cell(e.data.redis.topology, e.data.redis.topology_reason),
            ),
            _row(
                "Qdrant",
                envs,
                lambda e: Cell(
                    f"{count(e.data.qdrant.nodes, 'node')}, replication factor"
                    f" {e.data.qdrant.replication_factor}, {count(e.data.qdrant.shards, 'shard')}",
                    e.data.qdrant.reason,
                ),
            ),
        ),
    )


def _log_level(e: EnvironmentPlan) -> Cell:
    overridden = [f"{c.component} {c.level.name}" for c in e.logs.components if c.level_overridden]
    text = e.logs.level.name.upper() + (f" ({', '.join(overridden)})" if overridden else "")
    return Cell(
        text, "policy.logs.level, with policy.logs.component_levels for the components named"
    )


def logs_section(envs: Sequence[EnvironmentPlan]) -> Section:
    return Section(
        "Logs",
        (
            _row("level", envs, _log_level),
            _row(
                "access / audit logs",
                envs,
                lambda e: Cell(
                    f"{on_off(e.logs.access_log)} / {on_off(e.logs.audit_log)}",
                    "policy.logs.access_log and policy.logs.audit_log",
                ),
            ),
            _row(
                "volume",
                envs,
                lambda e: Cell(f"{e.logs.gib_per_day:,.2f} GiB/day", e.logs.volume_reason),
            ),
            _row(
                "kept",
                envs,
                lambda e: Cell(
                    f"{e.logs.retention_days:g} days, {gib(e.logs.stored_gib)}",
                    e.logs.stored_reason,
                ),
            ),
        ),
    )


def _minutes(minutes: float) -> str:
    if minutes >= 2 * 60 * 24:
        return f"{minutes / (60 * 24):,.1f} days"
    if minutes >= 120:
        return f"{minutes / 60:,.1f} h"
    return f"{minutes:,.1f} min"


def backups_section(envs: Sequence[EnvironmentPlan]) -> Section:
    def postgres(e: EnvironmentPlan) -> Cell:
        pg = e.backups.postgres
        method = (
            "full backups + WAL archiving (PITR)" if pg.point_in_time_recovery else "full backups"
        )
        return Cell(
            f"{method}, {count(pg.full_backups_kept, 'full')} kept, {gib(pg.repository_gib)}",
            pg.repository_reason,
        )

    def vector_store(e: EnvironmentPlan) -> Cell:
        v = e.backups.vector_store
        text = f"{v.method.name}, recovery {_minutes(v.recovery_minutes)}"
        if v.recommended != v.method:
            text += f" ({v.recommended.name} recommended)"
        return Cell(text, v.reason)

    return Section(
        "Backups",
        (
            _row("PostgreSQL", envs, postgres),
            _row(
                "PostgreSQL RPO",
                envs,
                lambda e: Cell(
                    f"{_minutes(e.backups.postgres.rpo_minutes)}"
                    f" (target {_minutes(e.backups.rpo_target_minutes)})",
                    e.backups.postgres.rpo_reason,
                ),
            ),
            _row(
                "PostgreSQL RTO",
                envs,
                lambda e: Cell(
                    f"{_minutes(e.backups.postgres.rto_minutes)}"
                    f" (target {_minutes(e.backups.rto_target_minutes)})",
                    e.backups.postgres.rto_reason,
                ),
            ),
            _row(
                "object storage",
                envs,
                lambda e: Cell(
                    f"versioning, {gib(e.backups.object_storage.noncurrent_version_gib)} of old"
                    " versions"
                    if e.backups.object_storage.versioning
                    else "no versioning",
                    e.backups.object_storage.reason,
                ),
            ),
            _row("vector store", envs, vector_store),
            _row(
                "Helm values in version control",
                envs,
                lambda e: Cell(
                    yes_no(e.backups.helm_values_in_version_control),
                    "policy.backups.helm_values_in_version_control",
                ),
            ),
            _row(
                "backup storage",
                envs,
                lambda e: Cell(gib(e.backups.storage_gib), e.backups.storage_reason),
            ),
        ),
    )


def cost_section(envs: Sequence[EnvironmentPlan]) -> Section:
    items: list[str] = []
    for env in envs:
        items += [i.item for i in env.cost.items if i.item not in items]
    # The spot pool's line beside the on-demand nodes', whichever environment has it first.
    if "spot_nodes" in items and "worker_nodes" in items:
        items.remove("spot_nodes")
        items.insert(items.index("worker_nodes") + 1, "spot_nodes")

    def item_cell(name: str) -> CellOf:
        def cell(e: EnvironmentPlan) -> Cell:
            found = [i for i in e.cost.items if i.item == name]
            if not found:
                return Cell("-")
            return Cell(usd(found[0].cost_usd_month), found[0].reason)

        return cell

    def where(e: EnvironmentPlan) -> Cell:
        factor = e.cost.region_price_factor
        why = (
            "the catalog's prices of this cloud are listed for this region"
            if factor == 1.0
            else f"every price is the listed region's x {factor:g} (catalog.regions)"
        )
        return Cell(f"{e.cost.cloud} {e.cost.region}", why)

    rows = [_row("cloud and region", envs, where)]
    rows += [_row(name.replace("_", " "), envs, item_cell(name)) for name in items]
    rows.append(
        _row("total", envs, lambda e: Cell(usd(e.cost.total_usd_month), e.cost.total_reason))
    )
    rows.append(
        _row(
            "total per year",
            envs,
            lambda e: Cell(usd(e.cost.total_usd_year), "twelve months of the monthly total"),
        )
    )
    return Section("Cost per month (USD)", tuple(rows))


# The comparison's sections in order: the official checklist's resources first, then the
# risk model (replicas, high availability, logs, backups), then what it costs.
SECTIONS: tuple[SectionBuilder, ...] = (
    load_section,
    kubernetes_section,
    postgresql_section,
    redis_section,
    qdrant_section,
    object_storage_section,
    replicas_section,
    resources_section,
    high_availability_section,
    logs_section,
    backups_section,
    cost_section,
)


# One environment in detail: its comparison column plus what does not fit side by side.


def nodes_detail_section(envs: Sequence[EnvironmentPlan]) -> Section:
    (env,) = envs
    rows = []
    for label, pool in (("node", env.nodes), ("spot node", env.spot_nodes)):
        for node in pool.nodes:
            pods = Counter(node.pods)
            listing = ", ".join(
                f"{name} x{n}" if n > 1 else name for name, n in sorted(pods.items())
            )
            requests = (
                f"{cores(node.request_cpu_m)} cores / {gib_of_mib(node.request_memory_mib)} GiB"
            )
            free = f"{cores(node.free_cpu_m)} / {gib_of_mib(node.free_memory_mib)}"
            value = f"{count(len(node.pods), 'pod')}, requests {requests}, free {free}"
            rows.append(Row(f"{label} {node.index + 1}", (Cell(value, listing),)))
    return Section("Nodes", tuple(rows))


def connections_detail_section(envs: Sequence[EnvironmentPlan]) -> Section:
    (env,) = envs
    pg = env.data.postgres
    rows = [
        Row(
            use.component,
            (Cell(f"{use.replicas} x {use.per_replica} = {use.total}", ""),),
        )
        for use in pg.connections
    ]
    rows.append(
        Row(
            "client connections",
            (Cell(f"{pg.client_connections:,}", pg.max_connections_reason),),
        )
    )
    return Section("PostgreSQL connections (replicas at the HPA maximum x pool)", tuple(rows))


def tables_detail_section(envs: Sequence[EnvironmentPlan]) -> Section:
    (env,) = envs
    rows = tuple(
        Row(
            table.name,
            (
                Cell(
                    f"{table.rows:,.0f} rows, {table.total_bytes / 1024**3:,.2f} GiB",
                    table.reason,
                ),
            ),
        )
        for table in env.data.postgres.tables
    )
    return Section("PostgreSQL tables at the horizon", rows)


DETAIL_SECTIONS: tuple[SectionBuilder, ...] = (
    nodes_detail_section,
    connections_detail_section,
    tables_detail_section,
)


def compare(plan: Plan, environments: Sequence[str] | None = None) -> Comparison:
    """The chosen environments (default: all of the plan's) side by side."""
    envs = (
        [plan.environment(name) for name in environments]
        if environments
        else list(plan.environments)
    )
    return compare_environments(plan.scenario, envs)


def _distinct_labels(envs: Sequence[EnvironmentPlan]) -> tuple[str, ...]:
    """The environments' names, or where two share a name (production at two load levels),
    the name with the daily active users, then with the column's number."""
    names = [e.name for e in envs]
    if len(set(names)) == len(names):
        return tuple(names)
    labels = [f"{e.name}, {e.daily_active_users:,.0f} users" for e in envs]
    if len(set(labels)) == len(labels):
        return tuple(labels)
    return tuple(f"{label} ({i + 1})" for i, label in enumerate(labels))


def compare_environments(
    scenario: str, envs: Sequence[EnvironmentPlan], labels: Sequence[str] | None = None
) -> Comparison:
    """Environment plans side by side (from one plan or from several, e.g. a what-if).

    labels: the column headings, one per plan (default: the environments' names; where two
    share a name, with their daily active users).
    """
    if labels is not None and len(labels) != len(envs):
        raise ValueError(f"{len(labels)} labels for {len(envs)} environment plans")
    if labels is not None and len(set(labels)) != len(labels):
        raise ValueError(f"labels must differ, got {list(labels)}")
    return Comparison(
        scenario=scenario,
        environments=tuple(labels) if labels is not None else _distinct_labels(envs),
        sections=tuple(build(envs) for build in SECTIONS),
        warnings=tuple(tuple(e.warnings) for e in envs),
        summary=tuple(build(envs) for build in SUMMARY_SECTIONS),
        key_warnings=tuple(tuple(e.key_warnings(KEY_WARNINGS)) for e in envs),
        plans=tuple(envs),
    )


def compare_plans(
    plans: Mapping[str, Plan | EnvironmentPlan], environment: str | None = "production"
) -> Comparison:
    """Any plans side by side, each column headed by the name it is given:
    ``compare_plans({"3k users": plan_a, "10k users": plan_b})``.

    environment: the environment of each Plan that is compared (an EnvironmentPlan is
    compared as it is); None compares every environment of every plan, headed
    "name: environment".
    """
    if not plans:
        raise ValueError("plans: give at least one plan, by name")
    labels: list[str] = []
    envs: list[EnvironmentPlan] = []
    scenarios: list[str] = []
    for name, plan in plans.items():
        if isinstance(plan, EnvironmentPlan):
            labels.append(name)
            envs.append(plan)
            continue
        scenarios += [plan.scenario] if plan.scenario not in scenarios else []
        if environment is None:
            labels += [f"{name}: {e.name}" for e in plan.environments]
            envs += list(plan.environments)
            continue
        known = [e.name for e in plan.environments]
        if environment not in known:
            raise KeyError(
                f"{name}: no environment {environment!r} in the plan; known: {', '.join(known)}"
            )
        labels.append(name)
        envs.append(plan.environment(environment))
    title = ", ".join(scenarios) if scenarios else ", ".join(plans)
    if environment is not None and scenarios:
        title += f" ({environment})"
    return compare_environments(title, envs, labels)


def _options_side_by_side(
    scenario: str, options: Sequence[tuple[str, str, EnvironmentPlan | None, str]]
) -> Comparison:
    """Options of one environment (label, name, plan or None, why not) as one comparison:
    the planned ones side by side, the others in ``not_compared`` with their reason."""
    comparison = compare_environments(
        scenario,
        [plan for _, _, plan, _ in options if plan is not None],
        labels=[label for label, _, plan, _ in options if plan is not None],
    )
    missing = tuple(f"{name}: {why}" for _, name, plan, why in options if plan is None)
    return replace(comparison, not_compared=missing)


def compare_clouds(scenario: Scenario, environment: str = "production") -> Comparison:
    """One environment of the scenario on aws, gcp and azure, side by side.

    Each cloud is planned in the region its catalog prices are listed for; a cloud the
    catalog cannot price (or that cannot hold the load) is listed in ``not_compared`` with
    the reason, rather than left out silently.
    """
    options = plan_on_each_cloud(scenario, environment)
    return _options_side_by_side(
        scenario.name,
        [
            (f"{environment} on {o.cloud.name} {o.region}", o.cloud.name, o.plan, o.why_not)
            for o in options
        ],
    )


def compare_datastore_modes(scenario: Scenario, environment: str = "production") -> Comparison:
    """One environment of the scenario with its datastores managed, in the cluster and
    self-managed, side by side; a way that cannot hold the load (or that the catalog cannot
    price) is listed in ``not_compared`` with the reason."""
    options = plan_with_each_datastore_mode(scenario, environment)
    named = [(o, o.mode.name.replace("_", " ")) for o in options]
    return _options_side_by_side(
        scenario.name,
        [(f"{environment}, datastores {name}", name, o.plan, o.why_not) for o, name in named],
    )


def detail(plan: Plan, environment: str) -> Comparison:
    """One environment: the comparison's column, then its nodes, connections and tables."""
    envs = [plan.environment(environment)]
    return Comparison(
        scenario=plan.scenario,
        environments=(environment,),
        sections=tuple(build(envs) for build in SECTIONS + DETAIL_SECTIONS),
        warnings=(tuple(envs[0].warnings),),
        summary=tuple(build(envs) for build in SUMMARY_SECTIONS),
        key_warnings=(tuple(envs[0].key_warnings(KEY_WARNINGS)),),
        plans=tuple(envs),
    )


def _sections_to_list(sections: Sequence[Section], envs: Sequence[str]) -> list[dict[str, object]]:
    return [
        {
            "key": section.key,
            "title": section.title,
            "rows": [
                {
                    "label": row.label,
                    "cells": {
                        env: {"value": cell.value, "reason": cell.reason}
                        for env, cell in zip(envs, row.cells, strict=True)
                    },
                }
                for row in section.rows
            ],
        }
        for section in sections
    ]


def comparison_to_dict(comparison: Comparison) -> dict[str, object]:
    """The comparison as plain data: what the reports show, cell by cell, as strings."""
    envs = comparison.environments
    return {
        "format": COMPARISON_FORMAT,
        "format_version": COMPARISON_FORMAT_VERSION,
        "tierplan_version": comparison.tierplan_version,
        "scenario": comparison.scenario,
        "environments": list(envs),
        "summary": _sections_to_list(comparison.summary, envs),
        "key_warnings": {
            env: list(warnings) for env, warnings in zip(envs, comparison.key_warnings, strict=True)
        },
        "sections": _sections_to_list(comparison.sections, envs),
        "warnings": {
            env: list(warnings) for env, warnings in zip(envs, comparison.warnings, strict=True)
        },
        "not_compared": list(comparison.not_compared),
    }


def calibration_section(scenario: Scenario, environments: int) -> Section | None:
    """The components whose resource models were calibrated from measurements: the highest
    rate per replica the fits covered, the multiple beyond which a plan warns, and the fits'
    source (the measurements, the window, the points and the fits' quality); None when no
    component was calibrated. The same in every environment: the stack is shared."""
    rows = []
    for index, component in enumerate(scenario.stack.components):
        measured = component.measured_load
        if measured is None:
            continue
        source = scenario.sources.get(f"stack.components[{index}].resources", "")
        cell = Cell(
            f"measured to {measured.max_rate_per_s:.4g} req/s per replica; "
            f"warns beyond {measured.warn_beyond_multiple:g}x",
            source,
        )
        rows.append(Row(component.name, (cell,) * environments))
    return Section("Calibration from measurements", tuple(rows)) if rows else None


def with_calibration(comparison: Comparison, scenario: Scenario) -> Comparison:
    """The comparison with a calibration section when the scenario was calibrated."""
    section = calibration_section(scenario, len(comparison.environments))
    if section is None:
        return comparison
    return replace(comparison, sections=(*comparison.sections, section))
