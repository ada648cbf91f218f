"""Figures draw the plan's own numbers."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.figure
import matplotlib.pyplot as plt
import pytest

import tierplan
from tierplan.study import plots


@pytest.fixture(scope="module")
def plan() -> tierplan.Plan:
    return tierplan.plan(tierplan.Scenario.builtin())


def test_stacked_resources_add_up_to_the_plans_totals(plan: tierplan.Plan) -> None:
    figure = plots.resources_by_component(plan, measure="limit")
    cpu_axes, memory_axes = figure.axes[:2]
    for axes, total, scale in (
        (cpu_axes, "limit_cpu_m", 1000.0),
        (memory_axes, "limit_memory_mib", 1024.0),
    ):
        for position, env in enumerate(plan.environments):
            stacked = sum(
                patch.get_height()
                for container in axes.containers
                for patch in [container.patches[position]]  # type: ignore[attr-defined]
            )
            assert stacked == pytest.approx(getattr(env.totals, total) / scale)
    plt.close(figure)


def test_unknown_measure_is_refused(plan: tierplan.Plan) -> None:
    with pytest.raises(ValueError, match="measure: must be one of limit, request, got 'max'"):
        plots.resources_by_component(plan, measure="max")


# Each figure is read back by its texts: what a reader sees in the legend, title and labels.

CHAT = "workload.requests[chat_message].per_user_per_day"


def _texts(figure: matplotlib.figure.Figure) -> list[str]:
    texts = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        texts += [axes.get_title(), axes.get_xlabel(), axes.get_ylabel()]
        texts += [t.get_text() for t in axes.get_yticklabels() + axes.get_xticklabels()]
        texts += [t.get_text() for t in axes.texts]
        legend = axes.get_legend()
        if legend is not None:
            texts += [t.get_text() for t in legend.get_texts()]
    return texts


@pytest.fixture(scope="module")
def tornado_table() -> object:
    from tierplan import study

    scenario = tierplan.Scenario.builtin()
    result = tierplan.sensitivity(
        scenario, ["workload.daily_active_users", CHAT], change_fraction=0.2
    )
    return study.tornado_frame(result)


def test_the_tornado_names_fields_as_given_and_states_the_move(tornado_table: object) -> None:
    figure = plots.tornado(tornado_table)  # type: ignore[arg-type]
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert CHAT in labels, labels
    assert not any("[0]" in label for label in labels), labels
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert "field -20%" in legend and "field +20%" in legend, legend
    assert not any("X%" in text for text in _texts(figure))
    assert "20%" in axes.get_title()
    plt.close(figure)


def test_the_distribution_labels_each_percentile_line_and_has_a_title() -> None:
    from tierplan import study

    scenario = tierplan.Scenario.builtin()
    field = tierplan.UncertainField(
        "workload.daily_active_users", tierplan.Distribution.lognormal(3000, 0.35)
    )
    result = tierplan.uncertainty(scenario, [field], samples=200, seed=1, percentiles=[5, 50, 95])
    percentiles = study.percentiles_frame(result)
    figure = plots.distribution(result.samples.to_frame(), percentiles, x_label="cost")
    axes = figure.axes[0]
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    for level in (5, 50, 95):
        value = percentiles.loc[level, "cost_usd_month"]
        assert f"{level}th percentile: {value:,.0f}" in legend, legend
    dashed = [line for line in axes.get_lines() if line.get_label().endswith(tuple("0123456789"))]
    assert len(dashed) == 3
    assert axes.get_title().startswith("Distribution of cost over")
    plt.close(figure)


def test_the_growth_plot_legend_leaves_the_boundary_label_readable() -> None:
    from tierplan import study

    scenario = tierplan.Scenario.builtin()
    users = "workload.daily_active_users"
    frame = study.sweep_frame(scenario, [(users, [100, 1000, 3000, 10000])], progress=False)
    figure = plots.cost_and_nodes(
        frame, users, [("official production spec", 1500.0)], x_label="daily active users"
    )
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    axes = figure.axes[0]
    legend_box = axes.get_legend().get_window_extent(renderer)
    (label,) = [t for t in axes.texts if t.get_text() == "official production spec"]
    assert not legend_box.overlaps(label.get_window_extent(renderer))
    plt.close(figure)


def test_the_resources_chart_says_limits_may_overcommit(plan: tierplan.Plan) -> None:
    figure = plots.resources_by_component(plan, environments=["test", "production"])
    texts = " ".join(_texts(figure))
    assert "limits may overcommit the nodes" in texts
    plt.close(figure)
    requests = plots.resources_by_component(plan, measure="request")
    assert "overcommit" not in " ".join(_texts(requests))
    plt.close(requests)
