"""Sizing studies in Python: tidy frames of the C++ sweeps and sensitivity, a progress bar,
plots that draw the study's own numbers, and sweeps that run unchanged in worker processes
and on a Dask cluster."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import tierplan
from tierplan import study
from tierplan.study import plots

USERS = "workload.daily_active_users"
GRID = [100.0, 1000.0, 3000.0, 10000.0, 30000.0, 80000.0]


@pytest.fixture(scope="module")
def scenario() -> tierplan.Scenario:
    return tierplan.Scenario.builtin()


def sweep_chunk(scenario: tierplan.Scenario, values: Sequence[float]) -> pd.DataFrame:
    return study.sweep_frame(scenario, [(USERS, list(values))], threads=1, progress=False)


def test_sweep_frame_is_the_sweep_table_with_names(scenario: tierplan.Scenario) -> None:
    table = tierplan.sweep(scenario, [(USERS, GRID)])
    frame = study.sweep_frame(scenario, [(USERS, GRID)], progress=False)
    numeric = frame.drop(columns=["node_type", "error"]).astype(float)
    # Every column of the table but the node type's index, which the frame names.
    index_column = table.column("node_type_index")
    others = np.delete(table.values, index_column, axis=1)
    assert np.array_equal(numeric.to_numpy(), others, equal_nan=True)
    assert list(numeric.columns) == [c for c in table.columns if c != "node_type_index"]
    assert list(frame[USERS]) == GRID
    for row, value in zip(frame.itertuples(), GRID, strict=True):
        if not row.feasible:
            assert row.error != ""
            continue
        plan = tierplan.plan_environment(
            scenario.with_value(USERS, value), scenario.environments[2]
        )
        assert row.node_type == plan.nodes.node_type.name
        assert row.cost_usd_month == plan.cost.total_usd_month
    assert frame.attrs["input_columns"] == [USERS]


def test_the_largest_load_cannot_be_planned_and_says_why(scenario: tierplan.Scenario) -> None:
    frame = study.sweep_frame(scenario, [(USERS, GRID)], progress=False)
    last = frame.iloc[-1]
    assert not last["feasible"]
    assert "no database shape" in last["error"]
    assert np.isnan(last["cost_usd_month"])


def test_progress_bar_reaches_the_number_of_points(
    scenario: tierplan.Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(study, "_interactive", lambda: True)
    seen: list[tuple[int, int]] = []
    with study.progress_bar("test") as update:
        assert update is not None

        def record(done: int, total: int) -> None:
            seen.append((done, total))
            update(done, total)

        tierplan.sweep(scenario, [(USERS, GRID)], progress=record)
    assert seen[-1] == (len(GRID), len(GRID))


def test_no_progress_bar_when_nobody_watches(
    scenario: tierplan.Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    # Under pytest stderr is a pipe and no notebook runs: no bar, not even an empty one.
    with study.progress_bar("test") as update:
        assert update is None
    study.sweep_frame(scenario, [(USERS, GRID)])
    assert capsys.readouterr().err == ""


def test_a_progress_bar_is_drawn_only_once_work_is_done(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(study, "_interactive", lambda: True)
    with study.progress_bar("nothing runs") as update:
        assert update is not None
        update(0, 10)
    assert capsys.readouterr().err == ""  # not "0plan [00:00, ?plan/s]"
    with study.progress_bar("work") as update:
        assert update is not None
        update(5, 10)
    assert "work:" in capsys.readouterr().err


def test_tornado_frame_ranks_fields_by_swing(scenario: tierplan.Scenario) -> None:
    fields = [USERS, "workload.knowledge_base.documents", "workload.peak_hour_fraction"]
    result = tierplan.sensitivity(scenario, fields, change_fraction=0.2)
    frame = study.tornado_frame(result)
    swings = list(frame["cost_usd_month_swing"])
    assert swings == sorted(swings, reverse=True)
    assert set(frame["field"]) == set(fields)
    top = frame.iloc[0]
    assert top["cost_usd_month_swing"] == abs(
        top["cost_usd_month_high"] - top["cost_usd_month_low"]
    )
    by_nodes = study.tornado_frame(result, "node_count")
    assert "node_count_swing" in by_nodes.columns


def test_percentiles_frame_has_a_row_per_level(scenario: tierplan.Scenario) -> None:
    result = tierplan.uncertainty(
        scenario,
        [tierplan.UncertainField(USERS, tierplan.Distribution.lognormal(3000, 0.3))],
        samples=200,
        seed=7,
    )
    frame = study.percentiles_frame(result)
    assert list(frame.index) == [5.0, 50.0, 95.0]
    assert frame.loc[5.0, USERS] <= frame.loc[50.0, USERS] <= frame.loc[95.0, USERS]


def test_cost_and_nodes_plot_draws_the_sweep(scenario: tierplan.Scenario) -> None:
    frame = study.sweep_frame(scenario, [(USERS, GRID)], progress=False)
    figure = plots.cost_and_nodes(frame, USERS, [("official production spec", 2723.0)])
    cost_axes, node_axes = figure.axes
    feasible = frame[frame["feasible"]]
    assert list(cost_axes.lines[0].get_ydata()) == list(feasible["cost_usd_month"])
    assert list(node_axes.lines[0].get_ydata()) == list(feasible["node_count"])
    assert any(text.get_text() == "official production spec" for text in cost_axes.texts)
    plt.close(figure)


def test_tornado_plot_has_a_bar_pair_per_field(scenario: tierplan.Scenario) -> None:
    result = tierplan.sensitivity(scenario, [USERS, "workload.peak_burst_factor"])
    figure = plots.tornado(study.tornado_frame(result))
    assert len(figure.axes[0].patches) == 4
    plt.close(figure)


def test_a_sweep_split_over_worker_processes_equals_the_local_sweep(
    scenario: tierplan.Scenario,
) -> None:
    local = sweep_chunk(scenario, GRID)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        parts = pool.starmap(sweep_chunk, [(scenario, GRID[:3]), (scenario, GRID[3:])])
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), local)


def test_a_sweep_on_a_dask_cluster_equals_the_local_sweep(scenario: tierplan.Scenario) -> None:
    from dask.distributed import Client, LocalCluster

    local = sweep_chunk(scenario, GRID)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        remote_scenario = client.scatter(scenario, broadcast=True)
        futures = [
            client.submit(sweep_chunk, remote_scenario, GRID[i : i + 2], pure=False)
            for i in range(0, len(GRID), 2)
        ]
        parts = client.gather(futures)
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), local)
