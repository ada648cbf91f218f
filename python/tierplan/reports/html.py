"""The comparison as one self-contained HTML page.

Inline CSS only: no scripts, stylesheets, fonts or images are loaded from anywhere, so the
file reads the same offline, attached to a ticket or archived. Every string from the plan
is escaped. The side-by-side table is ``<table id="comparison">``; each cell carries its
reason as a tooltip (``title``) and the reasons are listed under the table as well.
"""

from __future__ import annotations

from html import escape

from tierplan._core import EnvironmentPlan, Plan
from tierplan.reports.comparison import Comparison, Row, compare, compare_environments, slug

_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 75em;
       padding: 0 1em; color: #1d232a; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
p.meta { color: #56606b; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border-bottom: 1px solid #d9dee3; padding: 0.3em 0.6em; text-align: left;
         vertical-align: top; }
thead th { border-bottom: 2px solid #1d232a; }
tbody tr.section th { background: #eef1f4; font-size: 1.05em; padding-top: 0.6em; }
tbody th[scope=row] { font-weight: normal; padding-left: 1.4em; white-space: nowrap; }
td[title] { cursor: help; }
details { margin: 0.4em 0; }
summary { cursor: pointer; font-weight: 600; }
dl { margin: 0.3em 0 0.8em 1em; }
dt { font-weight: 600; margin-top: 0.4em; }
dd { margin-left: 1em; }
ul.warnings li { margin: 0.2em 0; }
""".strip()


def _cell(row: Row, index: int, environment: str) -> str:
    cell = row.cells[index]
    title = f' title="{escape(cell.reason)}"' if cell.reason else ""
    return f'<td data-env="{escape(environment)}"{title}>{escape(cell.value)}</td>'


def _reasons(row: Row, environments: tuple[str, ...]) -> list[str]:
    if all(not cell.reason for cell in row.cells):
        return []
    lines = [f"<dt>{escape(row.label)}</dt>"]
    if row.same_reason:
        lines.append(f"<dd>{escape(row.cells[0].reason)}</dd>")
    else:
        lines += [
            f"<dd><b>{escape(env)}</b>: {escape(cell.reason)}</dd>"
            for env, cell in zip(environments, row.cells, strict=True)
            if cell.reason
        ]
    return lines


def _comparison_table(
    comparison: Comparison, table_id: str, section_prefix: str, inline_style: bool = False
) -> list[str]:
    """The side-by-side table. A page styles it from its stylesheet; a notebook fragment
    (inline_style) must not bring a stylesheet that would restyle the whole notebook."""
    envs = comparison.environments
    width = len(envs) + 1
    left = ' style="text-align: left"' if inline_style else ""
    label = ' style="text-align: left; font-weight: normal"' if inline_style else ""
    out = [
        f'<table id="{escape(table_id)}">',
        "<thead>",
        '<tr><th scope="col"></th>'
        + "".join(f'<th scope="col">{escape(env)}</th>' for env in envs)
        + "</tr>",
        "</thead>",
    ]
    for section in comparison.sections:
        out.append(f'<tbody id="{section_prefix}{section.key}">')
        out.append(
            f'<tr class="section"><th colspan="{width}" scope="colgroup"{left}>'
            f"{escape(section.title)}</th></tr>"
        )
        for row in section.rows:
            key = f"{section.key}/{slug(row.label)}"
            out.append(
                f'<tr data-key="{escape(key)}"><th scope="row"{label}>{escape(row.label)}</th>'
                + "".join(_cell(row, i, env) for i, env in enumerate(envs))
                + "</tr>"
            )
        out.append("</tbody>")
    out.append("</table>")
    return out


def render_html_fragment(comparison: Comparison) -> str:
    """The side-by-side table alone, for a notebook's rich display (``_repr_html_``): no
    page, no stylesheet that would restyle the notebook; hover a value for its reason."""
    return "\n".join(
        [
            f"<p><b>{escape(comparison.title)}</b> (hover a value for the constraint that"
            " bound it)</p>",
            *_comparison_table(
                comparison,
                table_id="tierplan-comparison",
                section_prefix="tierplan-section-",
                inline_style=True,
            ),
        ]
    )


def plan_html(plan: Plan | EnvironmentPlan) -> str:
    """``_repr_html_`` of Plan and EnvironmentPlan: the comparison of its environments."""
    if isinstance(plan, EnvironmentPlan):
        return render_html_fragment(compare_environments(f"environment {plan.name}", [plan]))
    return render_html_fragment(compare(plan))


def render_html(comparison: Comparison) -> str:
    envs = comparison.environments
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(comparison.title)}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(comparison.title)}</h1>",
        f'<p class="meta">Environments: {escape(", ".join(envs))}. Every value is computed by'
        f" the tierplan model (tierplan {escape(comparison.tierplan_version)}); hover a value"
        " for the constraint that bound it, or read the reasons below.</p>",
    ]
    if comparison.not_compared:
        out += [
            '<section id="not-compared">',
            "<h2>Not compared</h2>",
            "<ul>",
            *[f"<li>{escape(note)}</li>" for note in comparison.not_compared],
            "</ul>",
            "</section>",
        ]
    out += _comparison_table(comparison, table_id="comparison", section_prefix="section-")
    out += ['<section id="reasons">', "<h2>Why</h2>"]
    for section in comparison.sections:
        reasons = [line for row in section.rows for line in _reasons(row, envs)]
        if reasons:
            out += [
                "<details>",
                f"<summary>{escape(section.title)}</summary>",
                "<dl>",
                *reasons,
                "</dl>",
                "</details>",
            ]
    out += ["</section>", '<section id="warnings">', "<h2>Warnings</h2>"]
    for env, warnings in zip(envs, comparison.warnings, strict=True):
        out.append(f"<h3>{escape(env)}</h3>")
        if warnings:
            out += ['<ul class="warnings">', *[f"<li>{escape(w)}</li>" for w in warnings], "</ul>"]
        else:
            out.append("<p>None.</p>")
    out += ["</section>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
