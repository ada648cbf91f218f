"""Plain-text presentation of scenarios and plans. Every number shown comes from the C++ core."""

from __future__ import annotations

from collections.abc import Sequence

from tierplan._core import Plan, Scenario
from tierplan.reports.comparison import Comparison, compare


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


def render_text(comparison: Comparison) -> str:
    """The comparison as one aligned table, then each environment's reasons and warnings."""
    names = list(comparison.environments)
    rows: list[list[str]] = []
    for section in comparison.sections:
        rows.append([section.title, *([""] * len(names))])
        rows += [[f"  {row.label}", *(cell.value for cell in row.cells)] for row in section.rows]
    parts = [
        f"{comparison.title} (tierplan {comparison.tierplan_version})",
        "",
        _table(["", *names], rows),
        "",
    ]
    if comparison.not_compared:
        parts += ["Not compared:", *(f"  {note}" for note in comparison.not_compared), ""]
    parts.append("Why:")
    for index, name in enumerate(names):
        parts.append(f"[{name}]")
        for section in comparison.sections:
            reasons = [(row.label, row.cells[index].reason) for row in section.rows]
            parts += [
                f"  {section.title} / {label}: {reason}" for label, reason in reasons if reason
            ]
        parts += [f"  warning: {warning}" for warning in comparison.warnings[index]]
    return "\n".join(parts) + "\n"


def plan_text(plan: Plan, environments: Sequence[str] | None = None) -> str:
    """The plans of the chosen environments side by side, then the reason of every number."""
    return render_text(compare(plan, environments))
