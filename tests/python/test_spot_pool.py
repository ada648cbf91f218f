"""Spot capacity (issue 13) as a user meets it: the policy flag in Python and in a scenario
file, the pools in the plan and its JSON, the bill's line, the report and the Helm overlay."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import tierplan
from tierplan.reports.comparison import compare, comparison_to_dict
from tierplan.reports.helm import SPOT_POOL, helm_values
from tierplan.reports.text import render_text


def with_spot() -> tierplan.Scenario:
    scenario = tierplan.Scenario.builtin()
    for environment in scenario.environments:
        environment.policy.cost.stateless_on_spot = True
    return scenario


def test_the_stateless_services_run_on_a_spot_pool_priced_at_the_catalogs_discount() -> None:
    scenario = with_spot()
    production = tierplan.plan(scenario).environment("production")
    spot = production.spot_nodes
    assert spot.count > 0
    on_spot = {c.name for c in production.components if c.on_spot}
    assert "api" in on_spot
    assert "worker" not in on_spot and "worker_beat" not in on_spot
    line = production.cost.item("spot_nodes")
    discount = scenario.catalog.prices_for("aws").spot_discount_percent
    assert line.cost_usd_month == pytest.approx(
        spot.cost_usd_month * (1 - discount.value / 100), rel=1e-12
    )
    assert discount.source in line.reason
    assert "the stateless services api" in spot.pool_reason
    # One on-demand pool for the same pods costs more.
    one_pool = tierplan.plan(tierplan.Scenario.builtin()).environment("production")
    assert (
        production.cost.item("worker_nodes").cost_usd_month + line.cost_usd_month
        < one_pool.cost.item("worker_nodes").cost_usd_month
    )


def test_where_two_pools_cost_more_every_pod_stays_on_demand_and_the_plan_says_why() -> None:
    test = tierplan.plan(with_spot()).environment("test")
    assert test.spot_nodes.count == 0
    assert not any(c.on_spot for c in test.components)
    assert "one on-demand pool for every pod" in test.nodes.pool_reason
    assert "against $" in test.nodes.pool_reason


def test_the_plan_json_carries_the_spot_pool_and_reads_back() -> None:
    plan = tierplan.plan(with_spot())
    document = json.loads(plan.to_json())
    production = document["environments"][2]
    assert production["spot_nodes"]["count"] == plan.environment("production").spot_nodes.count
    assert "spot_nodes" not in document["environments"][0]  # test: one pool
    again = tierplan.Plan.from_json(plan.to_json())
    assert again.environment("production").spot_nodes.count == production["spot_nodes"]["count"]
    assert [c.on_spot for c in again.environment("production").components] == [
        c["on_spot"] for c in production["components"]
    ]


def test_the_helm_overlay_puts_only_the_spot_components_on_the_spot_pool() -> None:
    scenario = with_spot()
    plan = tierplan.plan(scenario)
    values = yaml.safe_load(helm_values(plan, "production", scenario.stack))
    (label, label_value), (taint, taint_value), _ = SPOT_POOL["aws"]
    assert values["api"]["nodeSelector"] == {label: label_value}
    assert values["api"]["tolerations"] == [
        {"key": taint, "operator": "Equal", "value": taint_value, "effect": "NoSchedule"}
    ]
    assert "nodeSelector" not in values["worker"]
    assert "tolerations" not in values["worker"]
    # Without the policy there is no pool to select.
    plain = yaml.safe_load(
        helm_values(tierplan.plan(tierplan.Scenario.builtin()), "production", scenario.stack)
    )
    assert "nodeSelector" not in plain["api"]


@pytest.mark.parametrize("cloud", ["gcp", "azure"])
def test_the_overlay_uses_each_clouds_spot_label(cloud: str) -> None:
    scenario = with_spot()
    production = scenario.environments[2]
    production.policy.cloud = tierplan.Cloud.__members__[cloud]
    production.policy.region = ""
    plan = tierplan.plan(scenario)
    env = plan.environment("production")
    assert env.spot_nodes.count > 0, env.nodes.pool_reason
    assert env.spot_nodes.node_type.cloud == cloud
    values = yaml.safe_load(helm_values(plan, "production", scenario.stack))
    (label, label_value), _, _ = SPOT_POOL[cloud]
    assert values["api"]["nodeSelector"] == {label: label_value}


def test_the_report_shows_both_pools() -> None:
    plan = tierplan.plan(with_spot())
    production = plan.environment("production")
    comparison = compare(plan)
    document = comparison_to_dict(comparison)
    rows = {
        (section["title"], row["label"]): row["cells"]
        for section in document["sections"]
        for row in section["rows"]
    }
    pools = rows[("Kubernetes workers", "spot pool")]
    spot = production.spot_nodes
    assert pools["production"]["value"] == f"{spot.count} x {spot.node_type.name}"
    assert pools["test"]["value"] == "none"  # test: one pool is cheaper
    assert "one on-demand pool for every pod" in pools["test"]["reason"]
    on_demand = rows[("Kubernetes workers", "on-demand pool")]
    assert (
        on_demand["production"]["value"]
        == f"{production.nodes.count} x {production.nodes.node_type.name}"
    )
    # The bill's spot line sits next to the on-demand nodes'.
    cost_labels = [
        row["label"]
        for section in document["sections"]
        if section["title"].startswith("Cost")
        for row in section["rows"]
    ]
    assert cost_labels[cost_labels.index("worker nodes") + 1] == "spot nodes"
    text = render_text(comparison)
    assert f"on demand + {spot.count} x {spot.node_type.name}" in text


def test_a_scenario_file_sets_the_flag_and_a_wrong_value_names_its_path(tmp_path: Path) -> None:
    document = json.loads(tierplan.Scenario.builtin().to_json())
    document["environments"][2]["policy"]["cost"]["stateless_on_spot"] = "yes"
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(document))
    result = subprocess.run(
        [sys.executable, "-m", "tierplan", "plan", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "environments[2].policy.cost.stateless_on_spot" in result.stderr
    assert "Traceback" not in result.stderr
    document["environments"][2]["policy"]["cost"]["stateless_on_spot"] = True
    path.write_text(json.dumps(document))
    plan = tierplan.plan(tierplan.Scenario.from_file(str(path)))
    assert plan.environment("production").spot_nodes.count > 0
