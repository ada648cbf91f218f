"""The comparison as one self-contained HTML page.

Inline CSS only: no scripts, stylesheets, fonts or images are loaded from anywhere, so the
file reads the same offline, attached to a ticket or archived. Every string from the plan
is escaped. The side-by-side table is ``<table id="comparison">``; each cell carries its
reason as a tooltip (``title``) and the reasons are listed under the table as well.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape, unescape

from tierplan._core import EnvironmentPlan, Plan
from tierplan.reports.comparison import (
    Cell,
    Comparison,
    Row,
    compare,
    compare_environments,
    slug,
)
from tierplan.reports.glossary import terms_used
from tierplan.reports.svg import capacity_chart, cost_chart

_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 85em;
       padding: 0 1em; color: #1d232a; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
p.meta { color: #56606b; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border-bottom: 1px solid #d9dee3; padding: 0.3em 0.6em; text-align: left;
         vertical-align: top; }
thead th { border-bottom: 2px solid #1d232a; }
tbody tr.section th { background: #eef1f4; font-size: 1.05em; padding-top: 0.6em; }
tbody th[scope=row] { font-weight: normal; padding-left: 1.4em; }
td[title] { cursor: help; }
details { margin: 0.4em 0; }
summary { cursor: pointer; font-weight: 600; }
dl { margin: 0.3em 0 0.8em 1em; }
dt { font-weight: 600; margin-top: 0.4em; }
dd { margin-left: 1em; }
ul.warnings li { margin: 0.2em 0; }
table#summary, table#comparison { table-layout: fixed; }
#summary thead th:first-child { width: 11em; }
#comparison thead th:first-child { width: 16em; }
#summary { margin: 0.5em 0 0.3em; }
#summary th, #summary td { padding: 0.2em 0.6em; }
#summary tbody tr.section th { padding-top: 0.3em; }
#summary td.key-warnings { font-size: 0.9em; }
#summary td.key-warnings ol { margin: 0; padding-left: 1.2em; }
#summary td.key-warnings p { margin: 0.2em 0 0; color: #56606b; }
figure { margin: 0.6em 0 1em; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #56606b; font-size: 0.9em; max-width: 60em; }
#glossary dt { display: inline; }
#glossary dt::after { content: ": "; }
#glossary dd { display: inline; margin: 0; }
#glossary dd::after { content: ""; display: block; margin-bottom: 0.3em; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { font-size: 9pt; max-width: none; margin: 0; padding: 0; }
  table { font-size: 7.5pt; table-layout: fixed; }
  th, td { overflow-wrap: anywhere; padding: 0.2em 0.3em; }
  tbody th[scope=row] { white-space: normal; padding-left: 0.6em; }
  thead { display: table-header-group; }
  tr, figure, li, dd { break-inside: avoid; }
  h2, h3, tr.section { break-after: avoid; }
  figure { margin: 0.5em 0; }
  td[title] { cursor: auto; }
  details::details-content { content-visibility: visible; display: block; }
  summary { list-style: none; }
  #detail, #reasons, #glossary { break-before: page; }
}
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


def _summary_table(comparison: Comparison) -> list[str]:
    """The summary sections as one table, with each environment's most serious warnings as
    the last row of the first section (before the assumptions)."""
    envs = comparison.environments
    out = _comparison_table(
        replace(comparison, sections=comparison.summary),
        table_id="summary",
        section_prefix="summary-",
    )
    cells = []
    for env, key, every in zip(envs, comparison.key_warnings, comparison.warnings, strict=True):
        if not every:
            cells.append(f'<td data-env="{escape(env)}">none</td>')
            continue
        more = (
            f"<p>{len(every) - len(key)} more under Warnings.</p>" if len(every) > len(key) else ""
        )
        items = "".join(f"<li>{escape(w)}</li>" for w in key)
        cells.append(
            f'<td data-env="{escape(env)}" class="key-warnings"><ol>{items}</ol>{more}</td>'
        )
    row = (
        '<tr data-key="summary/most-serious-warnings">'
        '<th scope="row">most serious warnings</th>' + "".join(cells) + "</tr>"
    )
    end_of_first = out.index("</tbody>")
    return [*out[:end_of_first], row, *out[end_of_first:]]


def _figure(figure_id: str, caption: str, svg: str) -> list[str]:
    return [
        f'<figure id="{figure_id}">',
        svg,
        f"<figcaption>{escape(caption)}</figcaption>",
        "</figure>",
    ]


def _pictures(comparison: Comparison) -> list[str]:
    if not comparison.plans:
        return []
    envs, labels = comparison.plans, comparison.environments
    return [
        *_figure(
            "cost",
            "Cost per month by line item (USD); hover a segment for its amount. The lines and"
            " their reasons are under Cost per month below.",
            cost_chart(envs, labels),
        ),
        *_figure(
            "capacity",
            "Each node of each environment: the box is what the node offers pods, the blue fill"
            " the pods' requests, the line their limits. Pods are placed by their requests, so"
            " the limits may overcommit a node (red line above the box): they are ceilings that"
            " pods rarely reach together.",
            capacity_chart(envs, labels),
        ),
    ]


def _reasons_section(comparison: Comparison) -> list[str]:
    envs = comparison.environments
    out = ['<section id="reasons">', "<h2>Why</h2>"]
    detail = {c.reason for s in comparison.sections for row in s.rows for c in row.cells}
    for section in (*comparison.summary, *comparison.sections):
        rows = section.rows
        if section in comparison.summary:
            # A reason the detail gives again is explained once, under the detail's row.
            rows = tuple(
                Row(
                    r.label,
                    tuple(Cell(c.value, "" if c.reason in detail else c.reason) for c in r.cells),
                )
                for r in rows
            )
        reasons = [line for row in rows for line in _reasons(row, envs)]
        if reasons:
            out += [
                "<details>",
                f"<summary>{escape(section.title)}</summary>",
                "<dl>",
                *reasons,
                "</dl>",
                "</details>",
            ]
    return [*out, "</section>"]


def _warnings_section(comparison: Comparison) -> list[str]:
    out = ['<section id="warnings">', "<h2>Warnings</h2>"]
    for env, warnings in zip(comparison.environments, comparison.warnings, strict=True):
        out.append(f"<h3>{escape(env)}</h3>")
        if warnings:
            out += ['<ul class="warnings">', *[f"<li>{escape(w)}</li>" for w in warnings], "</ul>"]
        else:
            out.append("<p>None.</p>")
    return [*out, "</section>"]


def _glossary_section(page: str) -> list[str]:
    """The terms the page's text uses, each explained once."""
    text = unescape(re.sub(r"<[^>]+>", " ", page))
    used = terms_used(text)
    if not used:
        return []
    return [
        '<section id="glossary">',
        "<h2>Glossary</h2>",
        "<dl>",
        *[f"<dt>{escape(t.term)}</dt><dd>{escape(t.explanation)}</dd>" for t in used],
        "</dl>",
        "</section>",
    ]


def render_html(comparison: Comparison) -> str:
    envs = comparison.environments
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(comparison.title)}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
    ]
    body = [
        "<body>",
        f"<h1>{escape(comparison.title)}</h1>",
        f'<p class="meta">Environments: {escape(", ".join(envs))}. Every value is computed by'
        f" the tierplan model (tierplan {escape(comparison.tierplan_version)}); hover a value"
        " for the constraint that bound it, or read the reasons below.</p>",
    ]
    if comparison.summary:
        body += ['<section id="overview">', *_summary_table(comparison), "</section>"]
    body += _pictures(comparison)
    if comparison.not_compared:
        body += [
            '<section id="not-compared">',
            "<h2>Not compared</h2>",
            "<ul>",
            *[f"<li>{escape(note)}</li>" for note in comparison.not_compared],
            "</ul>",
            "</section>",
        ]
    body += ['<h2 id="detail">Detail</h2>']
    body += _comparison_table(comparison, table_id="comparison", section_prefix="section-")
    body += _reasons_section(comparison)
    body += _warnings_section(comparison)
    body += _glossary_section("\n".join(body))
    body += ["</body>", "</html>"]
    return "\n".join(head + body) + "\n"
