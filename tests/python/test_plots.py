"""Figures draw the plan's own numbers."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

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
