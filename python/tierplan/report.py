"""Plain-text presentation of scenarios and plans. Every number shown comes from the C++ core."""

from __future__ import annotations

from collections.abc import Sequence

from tierplan._core import EnvironmentPlan, Plan, Scenario


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    all_rows = [list(header), *[list(row) for row in rows]]
    widths = [max(len(row[i]) for row in all_rows) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()

    return "\n".join(
        [line(all_rows[0]), line(["-" * width for width in widths])]
        + [line(row) for row in all_rows[1:]]
    )


def _cores(cpu_m: float) -> str:
    return f"{cpu_m / 1000:.2f}"


def _gib(memory_mib: float) -> str:
    return f"{memory_mib / 1024:.1f}"


def scenario_summary(scenario: Scenario) -> str:
    """The scenario's environments, their load and policy, and its components."""
    env_rows = []
    for env in scenario.environments:
        workload = scenario.workload_of(env)
        policy = env.policy
        env_rows.append(
            [
                env.name,
                f"{workload.daily_active_users:g}",
                str(policy.min_replicas),
                policy.spread.name,
                "yes" if policy.survive_node_loss else "no",
                policy.pack_by.name,
            ]
        )
    component_rows = [
        [c.name, c.kind.name, c.load_driver.name, str(c.concurrency_per_replica)]
        for c in scenario.stack.components
    ]
    parts = [
        f"Scenario {scenario.name}: {scenario.description}",
        "",
        _table(
            ["environment", "daily users", "min replicas", "spread", "N+1", "packs by"], env_rows
        ),
        "",
        _table(["component", "kind", "load driver", "concurrency"], component_rows),
        "",
        f"Node catalog: {len(scenario.catalog.node_types)} instance types.",
    ]
    return "\n".join(parts)


def _overview_rows(envs: Sequence[EnvironmentPlan]) -> list[list[str]]:
    def row(label: str, values: Sequence[str]) -> list[str]:
        return [label, *values]

    return [
        row("daily active users", [f"{e.daily_active_users:,.0f}" for e in envs]),
        row("peak api rate (req/s)", [f"{e.demand.api_rate_per_s:.2f}" for e in envs]),
        row("worker nodes", [f"{e.nodes.count} x {e.nodes.node_type.name}" for e in envs]),
        row(
            "node size",
            [f"{e.nodes.node_type.vcpu} vCPU / {e.nodes.node_type.memory_gib:g} GiB" for e in envs],
        ),
        row("packed by", [e.nodes.packed_by.name for e in envs]),
        row("survives a node loss", ["yes" if e.nodes.survives_node_loss else "no" for e in envs]),
        row("pods", [str(e.totals.pods) for e in envs]),
        row(
            "requests (cores / GiB)",
            [
                f"{_cores(e.totals.request_cpu_m)} / {_gib(e.totals.request_memory_mib)}"
                for e in envs
            ],
        ),
        row(
            "limits (cores / GiB)",
            [f"{_cores(e.totals.limit_cpu_m)} / {_gib(e.totals.limit_memory_mib)}" for e in envs],
        ),
        row(
            "spare (cores / GiB)",
            [f"{_cores(e.totals.spare_cpu_m)} / {_gib(e.totals.spare_memory_mib)}" for e in envs],
        ),
        row("node cost (USD/month)", [f"{e.nodes.cost_usd_month:,.0f}" for e in envs]),
        row("tier", [e.tier.tier for e in envs]),
    ]


def _component_rows(envs: Sequence[EnvironmentPlan]) -> list[list[str]]:
    names: list[str] = []
    for env in envs:
        names += [c.name for c in env.components if c.name not in names]
    rows = []
    for name in names:
        cells = [name]
        for env in envs:
            found = [c for c in env.components if c.name == name]
            if not found:
                cells.append("-")
                continue
            c = found[0]
            cells.append(
                f"{c.replicas} x {_cores(c.limit_cpu_m)} / {_gib(c.limit_memory_mib)}"
                + (f" (HPA {c.hpa_min_replicas}-{c.hpa_max_replicas})" if c.autoscaled else "")
            )
        rows.append(cells)
    return rows


def _gib_text(gib: float) -> str:
    return f"{gib:,.1f} GiB" if gib < 100 else f"{gib:,.0f} GiB"


def _data_rows(envs: Sequence[EnvironmentPlan]) -> list[list[str]]:
    def row(label: str, values: Sequence[str]) -> list[str]:
        return [label, *values]

    def pg_connections(e: EnvironmentPlan) -> str:
        pg = e.data.postgres
        text = f"{pg.max_connections} max_connections"
        if pg.pgbouncer:
            text += f" (PgBouncer pool {pg.pgbouncer_default_pool_size})"
        return text

    return [
        row(
            "PostgreSQL",
            [
                f"{e.data.postgres.shape.vcpu} vCPU / {e.data.postgres.shape.memory_gib:g} GiB"
                for e in envs
            ],
        ),
        row("  topology", [e.data.postgres.topology for e in envs]),
        row("  storage", [_gib_text(e.data.postgres.storage_gib) for e in envs]),
        row("  connections", [pg_connections(e) for e in envs]),
        row("Redis", [f"{e.data.redis.instance_memory_gib:g} GiB" for e in envs]),
        row("  maxmemory", [f"{e.data.redis.maxmemory_mib:,.0f} MiB" for e in envs]),
        row("  topology", [e.data.redis.topology for e in envs]),
        row(
            "Qdrant",
            [
                f"{e.data.qdrant.nodes} x {e.data.qdrant.shape.vcpu} vCPU / "
                f"{e.data.qdrant.shape.memory_gib:g} GiB"
                for e in envs
            ],
        ),
        row("  RAM per node", [_gib_text(e.data.qdrant.ram_per_node_gib) for e in envs]),
        row("  replication factor", [str(e.data.qdrant.replication_factor) for e in envs]),
        row("Object storage", [_gib_text(e.data.object_storage.total_gib) for e in envs]),
    ]


def _reasons(env: EnvironmentPlan) -> str:
    lines = [f"[{env.name}]"]
    lines += [f"  {c.name}: {c.replicas_reason}" for c in env.components]
    lines.append(f"  nodes: {env.nodes.count_reason}")
    lines.append(f"  node type: {env.nodes.type_reason}")
    lines.append(f"  cost: {env.nodes.cost_reason}")
    lines.append(f"  tier {env.tier.tier}: {env.tier.reason}")
    data = env.data
    lines.append(f"  PostgreSQL {data.postgres.shape.name}: {data.postgres.shape_reason}")
    lines.append(f"  PostgreSQL storage: {data.postgres.storage_reason}")
    lines.append(f"  PostgreSQL max_connections: {data.postgres.max_connections_reason}")
    lines.append(f"  PgBouncer: {data.postgres.pgbouncer_reason}")
    lines.append(f"  Redis: {data.redis.memory_reason}")
    lines.append(f"  Qdrant: {data.qdrant.reason}")
    lines.append(f"  object storage: {data.object_storage.reason}")
    lines += [f"  warning: {w}" for w in env.warnings]
    return "\n".join(lines)


def plan_text(plan: Plan, environments: Sequence[str] | None = None) -> str:
    """The plans of the chosen environments side by side, then the reason of every number."""
    envs = (
        [plan.environment(name) for name in environments]
        if environments
        else list(plan.environments)
    )
    names = [e.name for e in envs]
    parts = [
        f"tierplan: {plan.scenario}",
        "",
        _table(["", *names], _overview_rows(envs)),
        "",
        "Components: replicas x limit cores / GiB (requests are limits / ratio)",
        _table(["component", *names], _component_rows(envs)),
        "",
        "Data plane",
        _table(["", *names], _data_rows(envs)),
        "",
        "Why:",
        *[_reasons(e) for e in envs],
    ]
    return "\n".join(parts) + "\n"
