"""Inline SVG pictures for the HTML report, drawn directly (no matplotlib, no scripts).

Every length drawn is a figure of the plan scaled to the picture; the labels print the
plan's figures as the tables do. Each shape carries a ``<title>`` (the browser's tooltip)
with the figure it stands for.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from tierplan._core import EnvironmentPlan
from tierplan.reports.comparison import cores, gib_of_mib, usd

# Colours of the cost lines, in the order the plan lists them (matplotlib's tab20, which
# keeps neighbouring lines apart).
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
    "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
)  # fmt: skip
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {FONT}{extra}>{escape(text)}</text>'
    )


def _cost_items(envs: Sequence[EnvironmentPlan]) -> list[str]:
    """The lines that cost something in any environment, in the plan's order."""
    items: list[str] = []
    for env in envs:
        items += [i.item for i in env.cost.items if i.cost_usd_month > 0 and i.item not in items]
    return items


def cost_chart(envs: Sequence[EnvironmentPlan], labels: Sequence[str]) -> str:
    """A stacked bar per environment: its monthly cost by line item, the total at the end,
    and a legend of the line items below."""
    items = _cost_items(envs)
    # Room for the longest label at about 7 px a character (12 px system-ui), the bars
    # taking the rest of the picture's 840 px.
    label_width = min(400.0, max(80.0, 7.0 * max((len(label) for label in labels), default=0)))
    total_width, bar_height, gap = 110.0, 20.0, 8.0
    bar_width = 840.0 - label_width - total_width
    largest = max((e.cost.total_usd_month for e in envs), default=0.0) or 1.0
    out: list[str] = []
    y = 4.0
    for env, label in zip(envs, labels, strict=True):
        out.append(_text(label_width - 8, y + bar_height * 0.7, label, "end"))
        x = label_width
        for item in env.cost.items:
            if item.cost_usd_month <= 0:
                continue
            width = bar_width * item.cost_usd_month / largest
            colour = PALETTE[items.index(item.item) % len(PALETTE)]
            name = item.item.replace("_", " ")
            out.append(
                f'<rect x="{x:.2f}" y="{y:.1f}" width="{width:.2f}" height="{bar_height}"'
                f' fill="{colour}"><title>{escape(label)}: {escape(name)}'
                f" {escape(usd(item.cost_usd_month))}/month</title></rect>"
            )
            x += width
        out.append(
            _text(x + 6, y + bar_height * 0.7, f"{usd(env.cost.total_usd_month)}/month", "start")
        )
        y += bar_height + gap
    columns = 5
    column_width, line = (label_width + bar_width + total_width) / columns, 18.0
    y += 6
    for index, name in enumerate(items):
        x = (index % columns) * column_width
        row_y = y + (index // columns) * line
        colour = PALETTE[index % len(PALETTE)]
        out.append(f'<rect x="{x:.1f}" y="{row_y:.1f}" width="12" height="12" fill="{colour}"/>')
        out.append(_text(x + 17, row_y + 10.5, name.replace("_", " ")))
    height = y + ((len(items) + columns - 1) // columns) * line + 4
    width = label_width + bar_width + total_width
    return _svg("cost-chart", "Cost per month by line item", width, height, out)


def _node_bars(
    env: EnvironmentPlan, x0: float, y0: float, panel_height: float, cpu: bool
) -> list[str]:
    """One panel: a bar per node (the on-demand pool's, then the spot pool's), its box the
    node's allocatable for pods, filled to the pods' requests, with a line at the pods' limits
    (drawn above the box when they exceed it)."""
    show = cores if cpu else gib_of_mib
    unit = "cores" if cpu else "GiB"
    pools = [(env.nodes, "node"), (env.spot_nodes, "spot node")]
    nodes = [(node, pool, label) for pool, label in pools for node in pool.nodes]
    rooms = [
        pool.allocatable.pod_cpu_m if cpu else pool.allocatable.pod_memory_mib
        for pool, _ in pools
        if pool.count > 0
    ]
    largest = max(rooms, default=0.0)
    step = min(34.0, 300.0 / max(len(nodes), 1))
    width = step * 0.7
    out = [_text(x0, y0 - 8, "CPU" if cpu else "Memory", extra=' font-weight="600"')]
    # The box holds the allocatable; limits up to 1.5 x the allocatable are drawn above it.
    scale = panel_height / 1.5 / (largest or 1.0)
    base = y0 + panel_height
    for index, (node, pool, label) in enumerate(nodes):
        allocatable = pool.allocatable.pod_cpu_m if cpu else pool.allocatable.pod_memory_mib
        x = x0 + index * step
        requests = node.request_cpu_m if cpu else node.request_memory_mib
        limits = node.limit_cpu_m if cpu else node.limit_memory_mib
        tip = (
            f"{label} {node.index + 1}: requests {show(requests)} / limits {show(limits)} of"
            f" {show(allocatable)} {unit} allocatable"
        )
        box_top = base - allocatable * scale
        fill_height = min(requests, allocatable * 1.5) * scale
        limit_y = base - min(limits, allocatable * 1.5) * scale
        out += [
            f'<g><title>{escape(tip)}</title><rect x="{x:.1f}" y="{box_top:.1f}"'
            f' width="{width:.1f}" height="{allocatable * scale:.1f}" fill="#eef1f4"'
            ' stroke="#56606b"/>',
            f'<rect x="{x:.1f}" y="{base - fill_height:.1f}" width="{width:.1f}"'
            f' height="{fill_height:.1f}" fill="#1f77b4"/>',
            f'<line x1="{x - 2:.1f}" x2="{x + width + 2:.1f}" y1="{limit_y:.1f}"'
            f' y2="{limit_y:.1f}" stroke="{"#d62728" if limits > allocatable else "#ff7f0e"}"'
            ' stroke-width="2.5"/></g>',
        ]
    return out


def capacity_chart(envs: Sequence[EnvironmentPlan], labels: Sequence[str]) -> str:
    """Per environment (its node pool), a bar per node for CPU and one for memory: the box is
    what the node offers pods, the fill the pods' requests, the line their limits."""
    panel_height, row_height, panel_width = 70.0, 130.0, 340.0
    out: list[str] = []
    y = 18.0
    for env, label in zip(envs, labels, strict=True):
        node = env.nodes.node_type
        spot = env.spot_nodes
        pools = f"{env.nodes.count} x {node.name}" + (
            f" on demand + {spot.count} x {spot.node_type.name} on spot" if spot.count else ""
        )
        out.append(
            _text(
                0,
                y,
                f"{label}: {pools}, pods packed by {env.nodes.packed_by.name}",
                extra=' font-weight="600"',
            )
        )
        out += _node_bars(env, 20.0, y + 32, panel_height, cpu=True)
        out += _node_bars(env, 20.0 + panel_width + 30, y + 32, panel_height, cpu=False)
        y += row_height
    legend_y = y
    out += [
        f'<rect x="0" y="{legend_y:.1f}" width="12" height="12" fill="#eef1f4" stroke="#56606b"/>',
        _text(17, legend_y + 10.5, "allocatable for pods"),
        f'<rect x="160" y="{legend_y:.1f}" width="12" height="12" fill="#1f77b4"/>',
        _text(177, legend_y + 10.5, "requests (what the scheduler reserves)"),
        f'<line x1="420" x2="436" y1="{legend_y + 6:.1f}" y2="{legend_y + 6:.1f}"'
        ' stroke="#ff7f0e" stroke-width="2.5"/>',
        _text(441, legend_y + 10.5, "limits (red: above what the node offers)"),
    ]
    return _svg(
        "capacity-chart",
        "Resources against capacity per node",
        2 * panel_width + 60,
        legend_y + 18,
        out,
    )


def _svg(svg_id: str, title: str, width: float, height: float, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg id="{svg_id}" role="img"'
            f' width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}">',
            f"<title>{escape(title)}</title>",
            *body,
            "</svg>",
        ]
    )
