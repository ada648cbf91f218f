"""Plain-text presentation of scenarios and plans. Every number shown comes from the C++ core."""

from __future__ import annotations

from collections.abc import Sequence

from tierplan._core import Plan, Scenario
from tierplan.reports.comparison import Comparison, Section, compare
from tierplan.reports.glossary import terms_used


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


def _sections_table(sections: Sequence[Section], names: Sequence[str]) -> str:
    rows: list[list[str]] = []
    for section in sections:
        rows.append([section.title, *([""] * len(names))])
        rows += [[f"  {row.label}", *(cell.value for cell in row.cells)] for row in section.rows]
    return _table(["", *names], rows)


def _key_warnings(comparison: Comparison) -> list[str]:
    lines = ["Most serious warnings (all of them under Why):"]
    for name, warnings, every in zip(
        comparison.environments, comparison.key_warnings, comparison.warnings, strict=True
    ):
        lines.append(f"[{name}] {len(warnings)} of {len(every)}" if every else f"[{name}] none")
        lines += [f"  - {warning}" for warning in warnings]
    return lines


def render_text(comparison: Comparison) -> str:
    """The summary first (cost, cluster, datastores, tier, assumptions and the most serious
    warnings), then the comparison as one aligned table, then the reasons and warnings."""
    names = list(comparison.environments)
    parts = [f"{comparison.title} (tierplan {comparison.tierplan_version})", ""]
    if comparison.summary:
        parts += [_sections_table(comparison.summary, names), "", *_key_warnings(comparison), ""]
        parts += ["Detail", ""]
    parts += [_sections_table(comparison.sections, names), ""]
    if comparison.not_compared:
        parts += ["Not compared:", *(f"  {note}" for note in comparison.not_compared), ""]
    parts.append("Why:")
    for index, name in enumerate(names):
        parts.append(f"[{name}]")
        parts += _reasons(comparison, index)
        parts += [f"  warning: {warning}" for warning in comparison.warnings[index]]
    used = terms_used("\n".join(parts))
    if used:
        parts += ["", "Glossary:", *(f"  {t.term}: {t.explanation}" for t in used)]
    return "\n".join(parts) + "\n"


def _reasons(comparison: Comparison, index: int) -> list[str]:
    """One environment's reasons, each once: a summary row whose reason the detail gives
    again (the cost, the cluster) is explained under the detail's row."""
    detail = {row.cells[index].reason for section in comparison.sections for row in section.rows}
    lines = []
    for section in (*comparison.summary, *comparison.sections):
        for row in section.rows:
            reason = row.cells[index].reason
            if reason and (section in comparison.sections or reason not in detail):
                lines.append(f"  {section.title} / {row.label}: {reason}")
    return lines


def plan_text(plan: Plan, environments: Sequence[str] | None = None) -> str:
    """The plans of the chosen environments side by side, then the reason of every number."""
    return render_text(compare(plan, environments))
