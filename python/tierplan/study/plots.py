"""matplotlib figures of plans and studies. Every number drawn comes from the C++ core;
these functions only lay it out.

matplotlib is an optional dependency (``pip install tierplan[study]``), imported when a
figure is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from tierplan._core import (
    Calibration,
    ComponentCalibration,
    EnvironmentPlan,
    MeasurementSeries,
    Plan,
    UslFit,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _pyplot() -> ModuleType:
    try:
        import matplotlib.pyplot as plt
    except ImportError as error:  # pragma: no cover - exercised only without matplotlib
        raise ImportError(
            "tierplan plots need matplotlib: pip install 'tierplan[study]'"
        ) from error
    return plt


def resources_by_component(
    plan: Plan | EnvironmentPlan,
    measure: str = "limit",
    environments: Sequence[str] | None = None,
) -> Figure:
    """CPU and memory of each environment stacked per component (replicas x per-replica
    ``measure``: "limit" or "request"), and per datastore the environment runs in the
    cluster, beside the worker nodes' allocatable capacity."""
    if measure not in ("limit", "request"):
        raise ValueError(f"measure: must be one of limit, request, got {measure!r}")
    envs = [plan] if isinstance(plan, EnvironmentPlan) else list(plan.environments)
    if environments is not None:
        envs = [e for e in envs if e.name in environments]
    plt = _pyplot()
    figure, (cpu_axes, memory_axes) = plt.subplots(1, 2, figsize=(12, 4.5))

    def pods_of(env: EnvironmentPlan) -> list[Any]:
        return [*env.components, *env.data.in_cluster_pods]

    names: list[str] = []
    for env in envs:
        names += [c.name for c in pods_of(env) if c.name not in names]
    positions = list(range(len(envs)))
    colors = plt.get_cmap("tab20")
    for axes, unit, scale, attribute in (
        (cpu_axes, "cores", 1000.0, f"{measure}_cpu_m"),
        (memory_axes, "GiB", 1024.0, f"{measure}_memory_mib"),
    ):
        bottoms = [0.0] * len(envs)
        for index, name in enumerate(names):
            heights = []
            for env in envs:
                found = [c for c in pods_of(env) if c.name == name]
                heights.append(
                    found[0].replicas * getattr(found[0], attribute) / scale if found else 0.0
                )
            axes.bar(positions, heights, bottom=bottoms, label=name, color=colors(index % 20))
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        capacity_attribute = "pod_cpu_m" if unit == "cores" else "pod_memory_mib"
        capacity = [
            sum(
                pool.count * getattr(pool.allocatable, capacity_attribute)
                for pool in (env.nodes, env.spot_nodes)
            )
            / scale
            for env in envs
        ]
        axes.scatter(positions, capacity, marker="_", s=900, color="black", zorder=3)
        axes.set_xticks(
            positions,
            [
                f"{e.name}\n{e.nodes.count} x {e.nodes.node_type.vcpu} vCPU"
                f" / {e.nodes.node_type.memory_gib:g} GiB"
                + (
                    f"\n+ {e.spot_nodes.count} x {e.spot_nodes.node_type.vcpu} vCPU"
                    f" / {e.spot_nodes.node_type.memory_gib:g} GiB spot"
                    if e.spot_nodes.count
                    else ""
                )
                for e in envs
            ],
            fontsize=8,
        )
        axes.set_ylabel(f"{measure}s ({unit})")
        axes.set_title(f"{'CPU' if unit == 'cores' else 'Memory'}: {measure}s per component")
    _legend_outside(memory_axes)
    note = "black bars: the nodes' capacity for pods"
    if measure == "limit":
        note += (
            ". Pods are placed by their requests where the policy packs by requests, so the"
            " limits may overcommit the nodes (stack above the capacity bar): limits are"
            " ceilings the pods rarely reach together."
        )
    figure.text(0.01, 0.01, note, fontsize=8, wrap=True)
    figure.tight_layout(rect=(0, 0.05, 1, 1))
    result: Figure = figure
    return result


def _legend_outside(axes: Axes) -> None:
    axes.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False)


def cost_and_nodes(
    frame: pd.DataFrame,
    x: str,
    boundaries: Sequence[tuple[str, float]] = (),
    x_label: str | None = None,
) -> Figure:
    """Monthly cost and worker nodes of a one-axis sweep (tierplan.study.sweep_frame)
    against its input ``x``, with vertical lines at ``boundaries``: (label, x) pairs, e.g.
    the largest load a tier preset supports (tierplan.max_supported_load). Infeasible
    points are left out and marked on the axis."""
    plt = _pyplot()
    figure, cost_axes = plt.subplots(figsize=(10, 4.5))
    feasible = frame[frame["feasible"]]
    cost_axes.plot(feasible[x], feasible["cost_usd_month"], color="tab:blue", label="cost")
    cost_axes.set_xlabel(x_label or x)
    cost_axes.set_ylabel("cost (USD/month)", color="tab:blue")
    node_axes = cost_axes.twinx()
    node_axes.step(
        feasible[x], feasible["node_count"], where="post", color="tab:orange", label="nodes"
    )
    node_axes.set_ylabel("worker nodes", color="tab:orange")
    infeasible = frame[~frame["feasible"]]
    if len(infeasible):
        cost_axes.plot(
            infeasible[x],
            [0.0] * len(infeasible),
            "x",
            color="tab:red",
            label="cannot be planned",
        )
    for label, value in boundaries:
        cost_axes.axvline(value, color="grey", linestyle="--", linewidth=1)
        cost_axes.annotate(
            label,
            (value, 1.0),
            xycoords=("data", "axes fraction"),
            rotation=90,
            va="top",
            ha="right",
            fontsize=8,
        )
    handles = cost_axes.get_legend_handles_labels()[0] + node_axes.get_legend_handles_labels()[0]
    # Below the axes: inside, it covered the boundaries' labels at the top of the plot.
    cost_axes.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.15),
        ncol=len(handles),
        fontsize=8,
        frameon=False,
    )
    environment = frame.attrs.get("environment", "")
    cost_axes.set_title(f"{environment}: cost and worker nodes against {x_label or x}")
    figure.tight_layout()
    result: Figure = figure
    return result


def tornado(tornado_table: pd.DataFrame, output: str = "cost_usd_month") -> Figure:
    """A tornado of a sensitivity study (tierplan.study.tornado_frame): each field's low
    and high move of ``output`` around its base value, largest swing on top. Fields are
    labelled as the study was given them; the legend gives the move of each field."""
    plt = _pyplot()
    rows = tornado_table.iloc[::-1]
    base = float(rows[f"{output}_base"].iloc[0])
    percent = 100.0 * float(tornado_table.attrs["change_fraction"])
    figure, axes = plt.subplots(figsize=(9, 0.5 * len(rows) + 1.8))
    positions = list(range(len(rows)))
    axes.barh(
        positions,
        rows[f"{output}_low"] - base,
        left=base,
        color="tab:blue",
        label=f"field {-percent:g}%",
    )
    axes.barh(
        positions,
        rows[f"{output}_high"] - base,
        left=base,
        color="tab:orange",
        label=f"field +{percent:g}%",
    )
    axes.axvline(base, color="black", linewidth=1, label=f"base {base:,.0f}")
    labels = rows["name"] if "name" in rows.columns else rows["field"]
    axes.set_yticks(positions, list(labels), fontsize=8)
    axes.set_xlabel(output)
    axes.set_title(f"What moves {output} most\n(each field moved alone by -/+{percent:g}%)")
    axes.legend(fontsize=8, loc="lower right")
    figure.tight_layout()
    result: Figure = figure
    return result


def distribution(
    samples: pd.DataFrame,
    percentiles: pd.DataFrame,
    output: str = "cost_usd_month",
    levels: Sequence[float] = (5, 50, 95),
    x_label: str | None = None,
) -> Figure:
    """A histogram of an uncertainty study's output over its feasible samples
    (``UncertaintyResult.samples.to_frame()``), with a dashed line at each percentile of
    ``levels`` (rows of tierplan.study.percentiles_frame), each labelled with its value."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(8, 3.8))
    feasible = samples[samples["feasible"]]
    axes.hist(feasible[output], bins=40, color="tab:blue", label=f"{len(feasible):,} samples")
    styles = ("--", "-.", ":", (0, (5, 1)), (0, (1, 3)))
    for index, level in enumerate(levels):
        value = float(percentiles[output].to_dict()[level])
        axes.axvline(
            value,
            color="black",
            linestyle=styles[index % len(styles)],
            label=f"{level:g}th percentile: {value:,.0f}",
        )
    axes.set_xlabel(x_label or output)
    axes.set_ylabel("samples")
    axes.set_title(f"Distribution of {x_label or output} over {len(feasible):,} planned samples")
    axes.legend(fontsize=8, loc="upper right")
    figure.tight_layout()
    result: Figure = figure
    return result


def _component_fit(calibration: Calibration, component: str) -> ComponentCalibration:
    for c in calibration.components:
        if c.component == component:
            return c
    fitted = ", ".join(c.component for c in calibration.components)
    raise ValueError(f"component: {component!r} was not calibrated (fitted: {fitted})")


def measured_against_fitted(
    calibration: Calibration,
    series: Sequence[MeasurementSeries],
    component: str,
    column: str = "cpu_cores",
) -> Figure:
    """One component's measured ``column`` (cpu_cores or memory_mib) against requests per
    second, every series a colour, with the fitted line over the measured range; below, the
    residuals (measured minus the fit at the measured rate)."""
    import numpy as np

    if column not in ("cpu_cores", "memory_mib"):
        raise ValueError(f"column: must be one of cpu_cores, memory_mib, got {column!r}")
    fit = getattr(_component_fit(calibration, component), column)
    if fit is None:
        raise ValueError(f"column: {component} has no {column} fit")
    plt = _pyplot()
    # Constrained layout: the legend names each series by its (long) source.
    figure, (axes, residual_axes) = plt.subplots(
        2, 1, figsize=(9, 7), sharex=True, height_ratios=[3, 1], layout="constrained"
    )
    for s in series:
        y = getattr(s, column)
        if s.component != component or len(y) == 0 or len(s.rate_per_s) == 0:
            continue
        axes.scatter(s.rate_per_s, y, s=8, alpha=0.6, label=s.source)
        residual_axes.scatter(s.rate_per_s, y - fit.at(s.rate_per_s), s=8, alpha=0.6)
    line = np.linspace(fit.x_min, fit.x_max, 50)
    axes.plot(
        line,
        fit.at(line),
        color="black",
        label=f"fit: {fit.intercept.value:.4g} + {fit.slope.value:.4g} x rate "
        f"(R^2 {fit.r_squared:.3f}, {fit.outliers} outliers)",
    )
    residual_axes.axhline(0.0, color="black", linewidth=0.8)
    axes.set_ylabel(column.replace("_", " "))
    axes.set_title(f"{component}: measured against fitted")
    axes.legend(fontsize="x-small", loc="upper left")
    residual_axes.set_xlabel("requests per second (per series)")
    residual_axes.set_ylabel("residual")
    result: Figure = figure
    return result


def usl_curve(
    fit: UslFit,
    load: Sequence[float] = (),
    throughput: Sequence[float] = (),
    up_to_load: float | None = None,
) -> Figure:
    """The fitted Universal Scalability Law X(N) with the band of its confidence intervals
    (UslFit.throughput_low and throughput_high), the measured points if given, and the peak
    where there is one; drawn from N = 1 to up_to_load (default: twice the measured range)."""
    import numpy as np

    end = up_to_load if up_to_load is not None else 2.0 * fit.load_max
    grid = np.linspace(1.0, max(end, 1.0 + 1e-9), 200)
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(8, 4.5))
    axes.fill_between(
        grid,
        fit.throughput_low(grid),
        fit.throughput_high(grid),
        alpha=0.25,
        label="band of the confidence intervals",
    )
    axes.plot(
        grid,
        [fit.throughput(n) for n in grid],
        color="black",
        label=f"USL: alpha {fit.alpha.value:.3g}, beta {fit.beta.value:.3g}, "
        f"gamma {fit.gamma.value:.4g}",
    )
    if len(load):
        axes.scatter(load, throughput, s=12, color="tab:red", label="measured", zorder=3)
    if fit.peak_load is not None and fit.peak_throughput is not None and fit.peak_load <= end:
        axes.axvline(fit.peak_load, linestyle="--", color="grey", label="peak")
    axes.axvspan(fit.load_min, fit.load_max, color="grey", alpha=0.08, label="measured range")
    axes.set_xlabel("load N (users or requests in flight)")
    axes.set_ylabel("throughput X(N), requests/s")
    axes.legend(fontsize="small")
    figure.tight_layout()
    result: Figure = figure
    return result
