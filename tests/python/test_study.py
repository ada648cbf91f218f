"""Sizing studies through the bindings: numpy views without copies, the GIL released while
planning, progress on the calling thread, errors with paths, and results equal to single
plans at the same values."""

from __future__ import annotations

import math
import threading
import time

import numpy as np
import pytest

import tierplan

USERS = "workload.daily_active_users"
CHAT = "workload.requests[chat_message].per_user_per_day"


@pytest.fixture(scope="module")
def scenario() -> tierplan.Scenario:
    return tierplan.Scenario.builtin()


def test_fields_are_read_and_written_by_path(scenario: tierplan.Scenario) -> None:
    assert scenario.get_value(USERS) == scenario.workload.daily_active_users
    assert tierplan.canonical_field_path(scenario, CHAT) == "workload.requests[0].per_user_per_day"
    changed = scenario.with_value("catalog.node_types[3].price_usd_per_hour", 1.25)
    assert changed.catalog.node_types[3].price_usd_per_hour == 1.25
    assert scenario.catalog.node_types[3].price_usd_per_hour != 1.25
    bounds = tierplan.field_bounds(scenario, USERS)
    assert (bounds.min, bounds.max, bounds.integer) == (0.0, 1e9, False)
    assert USERS in tierplan.numeric_field_paths(scenario)


def test_bad_paths_and_values_are_validation_errors(scenario: tierplan.Scenario) -> None:
    with pytest.raises(tierplan.ValidationError) as error:
        scenario.get_value("workload.daily_active_user")
    assert 'did you mean "workload.daily_active_users"' in str(error.value)
    with pytest.raises(tierplan.ValidationError, match=r"daily_active_users: must be >= 0, got -5"):
        scenario.with_value(USERS, -5)


def test_sweep_table_is_a_numpy_view_without_a_copy(scenario: tierplan.Scenario) -> None:
    table = tierplan.sweep(scenario, [(USERS, [100.0, 3000.0, 20000.0])], threads=2)
    values = table.values
    assert values.shape == (3, len(table.columns))
    assert values.dtype == np.float64
    assert not values.flags.owndata
    assert values.base is not None
    assert not values.flags.writeable
    # Two reads of the property view the same memory: the table's own matrix.
    assert np.shares_memory(values, table.values)
    assert table.columns[:3] == [USERS, "feasible", "node_count"]
    assert "replicas_api" in table.columns
    assert "cost_usd_month" in table.columns


def test_sweep_rows_equal_single_plans(scenario: tierplan.Scenario) -> None:
    table = tierplan.sweep(scenario, [(USERS, [500.0, 8000.0]), (CHAT, [3.0, 12.0])])
    nodes = table.column("node_count")
    cost = table.column("cost_usd_month")
    api = table.column("replicas_api")
    for row in table.values:
        single = scenario.with_value(USERS, row[0]).with_value(CHAT, row[1])
        plan = tierplan.plan_environment(single, single.environments[2])
        assert row[nodes] == plan.nodes.count
        assert row[cost] == tierplan.environment_cost_usd_month(plan)
        assert row[api] == next(c.replicas for c in plan.components if c.name == "api")
        assert table.node_types[int(row[table.column("node_type_index")])] == (
            plan.nodes.node_type.name
        )


def test_sweep_does_not_depend_on_threads(scenario: tierplan.Scenario) -> None:
    axes = [(USERS, list(np.linspace(100, 40000, 25))), (CHAT, [2.0, 9.0])]
    one = tierplan.sweep(scenario, axes, threads=1)
    seven = tierplan.sweep(scenario, axes, threads=7)
    assert one.values.tobytes() == seven.values.tobytes()


def test_any_design_of_points_is_planned(scenario: tierplan.Scenario) -> None:
    points = np.array([[3000.0, 20.0], [500.0, 4.0], [12000.0, 7.5]])
    table = tierplan.evaluate_points(scenario, [USERS, CHAT], points, threads=2)
    grid = tierplan.sweep(scenario, [(USERS, [500.0]), (CHAT, [4.0])])
    assert np.array_equal(table.values[:, :2], points)
    assert table.values[1].tobytes() == grid.values[0].tobytes()
    with pytest.raises(tierplan.ValidationError, match="must be >= 0, got -1"):
        tierplan.evaluate_points(scenario, [USERS, CHAT], np.array([[-1.0, 2.0]]))


def test_infeasible_points_are_nan_rows(scenario: tierplan.Scenario) -> None:
    path = "stack.components[api].resources.baseline_memory_mib"
    table = tierplan.sweep(scenario, [(path, [1024.0, 4.0 * 1024 * 1024])])
    assert table.values[1, table.column("feasible")] == 0.0
    assert math.isnan(table.values[1, table.column("node_count")])
    assert "no node type can hold the pods" in table.errors[1]
    assert table.errors[0] == ""


def test_sweep_releases_the_gil(scenario: tierplan.Scenario) -> None:
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        started = ticks
        tierplan.sweep(scenario, [(USERS, list(np.linspace(100, 50000, 3000)))], threads=1)
        during = ticks - started
    finally:
        done.set()
        counter.join()
    # The sweep takes tens of milliseconds; with the GIL held the counter could not tick.
    assert during > 5


def test_progress_is_reported_on_the_calling_thread(scenario: tierplan.Scenario) -> None:
    calls: list[tuple[int, int]] = []
    caller = threading.get_ident()
    threads: set[int] = set()

    def progress(done: int, total: int) -> None:
        threads.add(threading.get_ident())
        calls.append((done, total))

    tierplan.sweep(scenario, [(USERS, list(np.linspace(100, 9000, 200)))], progress=progress)
    assert calls[-1] == (200, 200)
    assert threads == {caller}
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_an_exception_in_progress_stops_the_sweep(scenario: tierplan.Scenario) -> None:
    def progress(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        tierplan.sweep(scenario, [(USERS, [100.0, 200.0])], progress=progress)


def test_uncertainty_is_seeded_and_summarised(scenario: tierplan.Scenario) -> None:
    fields = [
        tierplan.UncertainField(USERS, tierplan.Distribution.lognormal(3000, 0.5)),
        tierplan.UncertainField(CHAT, tierplan.Distribution.triangular(5, 10, 30)),
    ]
    a = tierplan.uncertainty(scenario, fields, samples=50, seed=3, threads=2)
    b = tierplan.uncertainty(scenario, fields, samples=50, seed=3, threads=1)
    assert a.samples.values.tobytes() == b.samples.values.tobytes()
    assert a.percentiles.shape == (3, len(a.samples.columns))
    assert not a.percentiles.flags.owndata
    assert np.all(a.percentiles[0] <= a.percentiles[1])
    assert np.all(a.percentiles[1] <= a.percentiles[2])
    assert a.covering_plan is not None
    assert a.covering_values[0] == pytest.approx(fields[0].distribution.quantile(0.95))
    assert "95th percentile" in a.covering_reason


def test_sensitivity_ranks_fields_by_swing(scenario: tierplan.Scenario) -> None:
    result = tierplan.sensitivity(
        scenario,
        ["workload.retention.message_retention_days", USERS, CHAT],
        change_fraction=0.5,
        rank_by="request_cpu_m",
    )
    column = result.columns.index("request_cpu_m")
    swings = result.swing[:, column]
    assert list(swings) == sorted(swings, reverse=True)
    assert result.fields[-1] == "workload.retention.message_retention_days"


def test_capacity_names_what_runs_out_first(scenario: tierplan.Scenario) -> None:
    production = tierplan.plan_environment(scenario, scenario.environments[2])
    cluster = tierplan.FixedCluster(production.nodes.node_type.name, production.nodes.count)
    result = tierplan.max_supported_load(scenario, cluster)
    assert result.max_value >= scenario.workload.daily_active_users
    assert result.binding_resource == "worker nodes"
    assert result.plan is not None
    assert tierplan.shortfalls(result.plan, cluster) == []
    with pytest.raises(tierplan.ValidationError, match=r"cluster\.node_type"):
        tierplan.max_supported_load(scenario, tierplan.FixedCluster("nope", 3))
