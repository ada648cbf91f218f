"""Plans as tidy DataFrames: one row per observation, the plan's own numbers, units in the
column names, and a reason beside every sized number."""

from __future__ import annotations

import pandas as pd
import pytest

import tierplan


@pytest.fixture(scope="module")
def plan() -> tierplan.Plan:
    return tierplan.plan(tierplan.Scenario.builtin())


def test_components_frame_has_a_row_per_environment_and_component(plan: tierplan.Plan) -> None:
    frame = plan.to_frame()
    expected = [(e.name, c.name) for e in plan.environments for c in e.components]
    assert list(zip(frame["environment"], frame["component"], strict=True)) == expected
    assert frame.set_index(["environment", "component"]).index.is_unique


def test_components_frame_carries_the_plans_numbers_and_reasons(plan: tierplan.Plan) -> None:
    frame = plan.to_frame("components").set_index(["environment", "component"])
    for env in plan.environments:
        for c in env.components:
            row = frame.loc[(env.name, c.name)]
            assert row["replicas"] == c.replicas
            assert row["limit_cpu_m"] == c.limit_cpu_m
            assert row["request_memory_mib"] == c.request_memory_mib
            assert row["total_limit_memory_mib"] == c.limit_memory_mib * c.replicas
            assert row["replicas_reason"] == c.replicas_reason != ""


def test_nodes_frame_has_a_row_per_worker_node(plan: tierplan.Plan) -> None:
    frame = plan.to_frame("nodes")
    for env in plan.environments:
        rows = frame[frame["environment"] == env.name]
        assert len(rows) == env.nodes.count
        assert (rows["node_type"] == env.nodes.node_type.name).all()
        assert rows["request_cpu_m"].sum() == pytest.approx(env.totals.request_cpu_m)


def test_datastores_frame_has_a_row_per_environment(plan: tierplan.Plan) -> None:
    frame = plan.to_frame("datastores").set_index("environment")
    production = plan.environment("production").data
    assert frame.loc["production", "postgres_storage_gib"] == production.postgres.storage_gib
    assert frame.loc["production", "qdrant_nodes"] == production.qdrant.nodes
    assert frame.loc["test", "qdrant_nodes"] == plan.environment("test").data.qdrant.nodes


def test_environment_plan_frame_holds_only_that_environment(plan: tierplan.Plan) -> None:
    frame = plan.environment("test").to_frame()
    assert set(frame["environment"]) == {"test"}


def test_unknown_table_names_the_choices() -> None:
    with pytest.raises(ValueError, match="table: must be one of components, nodes, datastores"):
        tierplan.plan(tierplan.Scenario.builtin()).to_frame("pods")


def test_frames_are_dataframes(plan: tierplan.Plan) -> None:
    assert isinstance(plan.to_frame("nodes"), pd.DataFrame)
