"""The comparison as Markdown (GitHub flavoured): a table per section, its reasons below it."""

from __future__ import annotations

from tierplan.reports.comparison import Cell, Comparison, Row, Section
from tierplan.reports.glossary import terms_used


def _escape(text: str) -> str:
    # A table cell ends at "|"; "<" could open raw HTML; a backslash escapes what follows.
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def _table(section: Section, environments: tuple[str, ...]) -> list[str]:
    header = ["", *environments]
    lines = [
        "| " + " | ".join(_escape(h) for h in header) + " |",
        "|---|" + "---|" * len(environments),
    ]
    for row in section.rows:
        cells = [row.label, *(cell.value for cell in row.cells)]
        lines.append("| " + " | ".join(_escape(c) for c in cells) + " |")
    return lines


def _reasons(row: Row, environments: tuple[str, ...]) -> list[str]:
    if all(not cell.reason for cell in row.cells):
        return []
    if row.same_reason:
        return [f"- **{_escape(row.label)}**: {_escape(row.cells[0].reason)}"]
    lines = [f"- **{_escape(row.label)}**"]
    lines += [
        f"  - {env}: {_escape(cell.reason)}"
        for env, cell in zip(environments, row.cells, strict=True)
        if cell.reason
    ]
    return lines


def _summary(comparison: Comparison) -> list[str]:
    """The summary's tables, the most serious warnings, and the reasons the detail's tables
    below do not give again."""
    envs = comparison.environments
    detail = {cell.reason for s in comparison.sections for row in s.rows for cell in row.cells}
    lines: list[str] = []
    for section in comparison.summary:
        lines += ["", f"## {_escape(section.title)}", "", *_table(section, envs)]
        rows = [
            Row(
                row.label,
                tuple(Cell(c.value, "" if c.reason in detail else c.reason) for c in row.cells),
            )
            for row in section.rows
        ]
        reasons = [line for row in rows for line in _reasons(row, envs)]
        if reasons:
            lines += ["", "Why:", "", *reasons]
    if comparison.summary:
        lines += ["", "## Most serious warnings", ""]
        for env, warnings, every in zip(
            envs, comparison.key_warnings, comparison.warnings, strict=True
        ):
            if not every:
                lines.append(f"- **{_escape(env)}**: none")
                continue
            lines.append(f"- **{_escape(env)}** ({len(warnings)} of {len(every)})")
            lines += [f"  - {_escape(w)}" for w in warnings]
    return lines


def render_md(comparison: Comparison) -> str:
    envs = comparison.environments
    lines = [
        f"# {_escape(comparison.title)}",
        "",
        f"Environments: {', '.join(envs)}. Every value is computed by the tierplan model"
        f" (tierplan {comparison.tierplan_version}); the reasons under each table name the"
        " constraint that bound it.",
    ]
    if comparison.not_compared:
        lines += ["", "Not compared:", "", *(f"- {_escape(n)}" for n in comparison.not_compared)]
    lines += _summary(comparison)
    for section in comparison.sections:
        lines += ["", f"## {_escape(section.title)}", "", *_table(section, envs)]
        reasons = [line for row in section.rows for line in _reasons(row, envs)]
        if reasons:
            lines += ["", "Why:", "", *reasons]
    lines += ["", "## Warnings", ""]
    for env, warnings in zip(envs, comparison.warnings, strict=True):
        if warnings:
            lines.append(f"- **{env}**")
            lines += [f"  - {_escape(w)}" for w in warnings]
        else:
            lines.append(f"- **{env}**: none")
    used = terms_used("\n".join(lines))
    if used:
        lines += [
            "",
            "## Glossary",
            "",
            *(f"- **{t.term}**: {_escape(t.explanation)}" for t in used),
        ]
    return "\n".join(lines) + "\n"
