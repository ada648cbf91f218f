"""Logs, backups and cost through the bindings: the figures the C++ core plans move the
right way when the policy or the prices change, and they reach the plan's JSON."""

from __future__ import annotations

from typing import Any

import pytest

import tierplan


def with_production(change: dict[str, Any]) -> tierplan.Scenario:
    """The built-in scenario with production's policy updated section by section."""
    document = tierplan.Scenario.builtin().to_dict()
    production = next(e for e in document["environments"] if e["name"] == "production")
    for section, values in change.items():
        target = production["policy"][section]
        for key, value in values.items():
            if isinstance(value, dict):
                target[key].update(value)
            else:
                target[key] = value
    return tierplan.Scenario.from_dict(document)


def production(scenario: tierplan.Scenario) -> tierplan.EnvironmentPlan:
    return tierplan.plan(scenario).environment("production")


def test_new_plan_sections_are_exposed_with_reasons() -> None:
    env = production(tierplan.Scenario.builtin())
    assert env.logs.level == tierplan.LogLevel.info
    assert env.logs.gib_per_day > 0 and env.logs.volume_reason
    assert env.backups.postgres.point_in_time_recovery
    assert env.backups.postgres.rpo_reason and env.backups.postgres.rto_reason
    assert env.backups.vector_store.recommended == tierplan.VectorRecovery.snapshot
    assert env.cost.total_usd_month == pytest.approx(
        sum(item.cost_usd_month for item in env.cost.items)
    )
    assert env.cost.item("worker_nodes").cost_usd_month == env.nodes.cost_usd_month
    assert all(item.reason for item in env.cost.items)


def test_longer_log_retention_stores_more_and_costs_more() -> None:
    base = production(tierplan.Scenario.builtin())
    longer = production(with_production({"logs": {"retention_days": 90}}))
    assert longer.logs.stored_gib == pytest.approx(3 * base.logs.stored_gib)
    assert (
        longer.cost.item("log_storage").cost_usd_month
        > base.cost.item("log_storage").cost_usd_month
    )


def test_more_frequent_full_backups_cut_the_rto() -> None:
    weekly = production(tierplan.Scenario.builtin())
    daily = production(with_production({"backups": {"postgres": {"full_backup_interval_days": 1}}}))
    assert daily.backups.postgres.rto_minutes < weekly.backups.postgres.rto_minutes


def test_a_price_in_the_scenario_overrides_the_catalog_line_exactly() -> None:
    document = tierplan.Scenario.builtin().to_dict()
    document["catalog"]["prices"][0]["log_ingestion"]["usd_per_gib"] = 1.0
    changed = production(tierplan.Scenario.from_dict(document))
    base = production(tierplan.Scenario.builtin())
    assert changed.cost.item("log_ingestion").cost_usd_month == pytest.approx(
        2 * base.cost.item("log_ingestion").cost_usd_month
    )
    assert changed.cost.item("worker_nodes") == base.cost.item("worker_nodes")


def test_prices_are_editable_on_the_scenario_object() -> None:
    scenario = tierplan.Scenario.builtin()
    # Objects in the cloud's object store (the built-in production keeps them in MinIO).
    scenario.environments[2].policy.datastores.object_storage_mode = tierplan.DatastoreMode.managed
    catalog = scenario.catalog
    prices = catalog.prices
    aws = prices[0]
    price = aws.object_storage_usd_per_gib_month
    price.usd *= 2
    aws.object_storage_usd_per_gib_month = price
    prices[0] = aws
    catalog.prices = prices
    scenario.catalog = catalog
    base_scenario = tierplan.Scenario.builtin()
    base_scenario.environments[
        2
    ].policy.datastores.object_storage_mode = tierplan.DatastoreMode.managed
    base = production(base_scenario)
    assert production(scenario).cost.item("object_storage").cost_usd_month == pytest.approx(
        2 * base.cost.item("object_storage").cost_usd_month
    )


def test_an_unknown_component_log_level_is_a_validation_error_with_its_path() -> None:
    with pytest.raises(tierplan.ValidationError) as error:
        with_production({"logs": {"component_levels": {"ssrf_proxy": "chatty"}}})
    assert error.value.issues[0][0] == ("environments[2].policy.logs.component_levels.ssrf_proxy")


def test_plan_json_carries_logs_backups_and_cost_with_units_in_keys() -> None:
    env = tierplan.plan(tierplan.Scenario.builtin()).to_dict()["environments"][2]
    assert env["logs"]["stored_gib"] > 0
    assert env["backups"]["postgres"]["repository_gib"] > 0
    assert env["backups"]["postgres"]["rpo_minutes"] == pytest.approx(1.0)
    assert env["cost"]["total_usd_month"] > 0
