"""Plain-text presentation of scenarios. Every number shown comes from the C++ core."""

from __future__ import annotations

from tierplan._core import Scenario


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in [header]]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in rows]
    return "\n".join(line.rstrip() for line in lines)


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
