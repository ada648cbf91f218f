"""Where an environment runs (issue 13): cloud and region in Python, the CLI's cloud
comparison, and the reports naming them."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import tierplan
from tierplan.reports.comparison import (
    compare,
    compare_clouds,
    compare_datastore_modes,
    comparison_to_dict,
)
from tierplan.reports.helm import helm_values
from tierplan.reports.html import render_html


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tierplan", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_environment_moved_to_gcp_in_python_plans_every_line_there() -> None:
    scenario = tierplan.Scenario.builtin()
    production = scenario.environments[2]
    production.policy.cloud = tierplan.Cloud.gcp
    production.policy.region = ""
    plan = tierplan.plan_environment(scenario, production)
    assert plan.nodes.node_type.cloud == "gcp"
    assert plan.data.postgres.shape.cloud == "gcp"
    assert plan.data.redis.shape.cloud == "gcp"
    assert plan.data.qdrant.shape.cloud == "gcp"
    assert (plan.cost.cloud, plan.cost.region) == ("gcp", "us-central1")
    assert plan.cost.total_usd_year == pytest.approx(12 * plan.cost.total_usd_month)


def test_a_region_left_over_from_another_cloud_is_a_validation_error_with_the_path() -> None:
    scenario = tierplan.Scenario.builtin()
    scenario.environments[2].policy.cloud = tierplan.Cloud.gcp  # region stays us-east-1
    with pytest.raises(tierplan.ValidationError) as caught:
        tierplan.plan(scenario)
    paths = [path for path, _ in caught.value.issues]
    assert "environments[2].policy.region" in paths


def test_catalog_prices_are_listed_per_cloud_and_editable_in_place() -> None:
    scenario = tierplan.Scenario.builtin()
    # Objects in the cloud's object store (the built-in production keeps them in MinIO).
    scenario.environments[2].policy.datastores.object_storage_mode = tierplan.DatastoreMode.managed
    clouds = [p.cloud for p in scenario.catalog.prices]
    assert clouds == ["aws", "gcp", "azure"]
    before = tierplan.plan(scenario).environment("production").cost.item("object_storage")
    assert "S3" in before.reason
    scenario.catalog.prices_for("aws").object_storage_usd_per_gib_month.usd *= 2
    after = tierplan.plan(scenario).environment("production").cost.item("object_storage")
    assert after.cost_usd_month == pytest.approx(2 * before.cost_usd_month)
    with pytest.raises(KeyError, match="no prices of oracle"):
        scenario.catalog.prices_for("oracle")


def without_azure_datastores(scenario: tierplan.Scenario) -> tierplan.Scenario:
    """The scenario's catalog without Azure's datastore shapes."""
    catalog = scenario.catalog
    for shapes in (catalog.database_shapes, catalog.cache_shapes, catalog.vector_store_shapes):
        for index in reversed(range(len(shapes))):
            if shapes[index].cloud == "azure":
                del shapes[index]
    return scenario


def test_the_cloud_comparison_puts_every_cloud_side_by_side() -> None:
    comparison = compare_clouds(tierplan.Scenario.builtin(), "production")
    assert comparison.environments == (
        "production on aws us-east-1",
        "production on gcp us-central1",
        "production on azure eastus",
    )
    assert comparison.not_compared == ()


def test_the_cloud_comparison_names_each_cloud_and_why_one_is_left_out() -> None:
    scenario = without_azure_datastores(tierplan.Scenario.builtin())
    comparison = compare_clouds(scenario, "production")
    assert comparison.environments == (
        "production on aws us-east-1",
        "production on gcp us-central1",
    )
    assert len(comparison.not_compared) == 1
    assert comparison.not_compared[0].startswith("azure: environments[2].policy.cloud:")
    document = comparison_to_dict(comparison)
    assert document["not_compared"] == list(comparison.not_compared)


def test_cli_compare_clouds_prints_one_table_and_the_cloud_it_could_not_plan(
    tmp_path: Path,
) -> None:
    result = run("plan", "--compare", "clouds")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[2]
    for column in ("aws us-east-1", "gcp us-central1", "azure eastus"):
        assert f"production on {column}" in header
    assert "Not compared:" not in result.stdout
    scenario = tmp_path / "no-azure-datastores.json"
    scenario.write_text(without_azure_datastores(tierplan.Scenario.builtin()).to_json())
    result = run("plan", str(scenario), "--compare", "clouds")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[2]
    assert "production on aws us-east-1" in header
    assert "production on gcp us-central1" in header
    assert "Not compared:" in result.stdout
    assert (
        'azure: environments[2].policy.cloud: environment "production" runs on azure but the '
        "catalog lists no database shape of azure"
    ) in result.stdout


def test_cli_compare_refuses_a_format_that_is_not_a_comparison() -> None:
    result = run("plan", "--compare", "clouds", "--format", "helm")
    assert result.returncode == 2
    assert "--compare writes text, md, html, comparison-json" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_compare_clouds_of_another_environment(tmp_path: Path) -> None:
    out = tmp_path / "clouds.json"
    result = run(
        "plan",
        "--compare",
        "clouds",
        "--env",
        "test",
        "--format",
        "comparison-json",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text())
    assert document["environments"] == [
        "test on aws us-east-1",
        "test on gcp us-central1",
        "test on azure eastus",
    ]


def test_the_report_states_cloud_region_and_yearly_cost() -> None:
    plan = tierplan.plan(tierplan.Scenario.builtin())
    html = render_html(compare(plan))
    assert "cloud and region" in html
    assert "aws us-east-1" in html
    assert "total per year" in html


def test_the_summary_says_where_it_runs_how_it_is_paid_and_the_price_dates() -> None:
    scenario = tierplan.Scenario.builtin()
    scenario.environments[2].policy.cost.pricing = tierplan.PricingModel.commitment_1yr
    plan = tierplan.plan(scenario)
    # The summary's assumptions (issue 16: the first screen), not the detail's Load section.
    assumptions = comparison_to_dict(compare(plan))["summary"][1]
    assert assumptions["title"] == "Assumptions"
    runs_on, prices_as_of = assumptions["rows"][1], assumptions["rows"][2]
    assert runs_on["label"] == "runs on"
    assert [c["value"] for c in runs_on["cells"].values()] == [
        "aws us-east-1, on-demand",
        "aws us-east-1, on-demand",
        "aws us-east-1, 1-year commitment",
    ]
    production = plan.environment("production")
    assert prices_as_of["cells"]["production"]["value"] == production.cost.prices_as_of
    oldest, _, newest = production.cost.prices_as_of.partition(" to ")
    dates = [
        t.as_of for t in scenario.catalog.node_types if t.name == production.nodes.node_type.name
    ]
    assert oldest <= dates[0] <= (newest or oldest)


def test_the_datastore_mode_comparison_plans_each_way_or_says_why_not() -> None:
    comparison = compare_datastore_modes(tierplan.Scenario.builtin(), "staging")
    assert comparison.environments == (
        "staging, datastores managed",
        "staging, datastores in cluster",
        "staging, datastores self managed",
    )
    options = tierplan.plan_with_each_datastore_mode(tierplan.Scenario.builtin(), "production")
    assert [o.mode for o in options] == list(tierplan.DatastoreMode)
    managed, in_cluster, self_managed = options
    assert managed.plan is not None and managed.plan.data.postgres.parameter_group
    assert self_managed.plan is not None and not self_managed.plan.data.postgres.parameter_group
    # Production's Qdrant pods (32 GiB) fit no node of the catalog at half a node per pod.
    assert in_cluster.plan is None
    assert "qdrant pod needs" in in_cluster.why_not


def test_cli_compare_modes_prints_the_ways_side_by_side() -> None:
    result = run("plan", "--compare", "modes", "--env", "staging")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[2]
    assert "staging, datastores managed" in header
    assert "staging, datastores in cluster" in header
    assert "Traceback" not in result.stderr


def test_the_helm_overlay_follows_how_each_datastore_runs() -> None:
    scenario = tierplan.Scenario.builtin()
    plan = tierplan.plan(scenario)
    test_values = helm_values(plan, "test", scenario.stack)
    document = yaml.safe_load(test_values)
    # Test runs every datastore in the cluster: the bundled subcharts, with the pods' sizes.
    assert document["postgresql"]["enabled"] is True
    assert document["externalPostgres"]["enabled"] is False
    postgres = plan.environment("test").data.in_cluster_pods[0]
    assert postgres.name == "postgresql"
    size = document["postgresql"]["primary"]["persistence"]["size"]
    assert size == f"{math.ceil(postgres.volume_gib)}Gi"
    assert document["redis"]["enabled"] is True
    assert document["qdrant"]["enabled"] is True
    assert document["vectorDB"]["useExternal"] is False
    # Production runs PostgreSQL and Redis as managed services and Qdrant on VMs.
    production = yaml.safe_load(helm_values(plan, "production", scenario.stack))
    assert production["postgresql"]["enabled"] is False
    assert production["externalPostgres"]["enabled"] is True
    assert production["externalRedis"]["enabled"] is True
    assert production["vectorDB"]["useExternal"] is True
    assert production["minio"]["replicas"] == 1  # MinIO in the cluster, as the spec lists it


def test_a_datastore_mode_set_in_python_moves_it_into_the_cluster() -> None:
    scenario = tierplan.Scenario.builtin()
    production = scenario.environments[2]
    production.policy.datastores.redis_mode = tierplan.DatastoreMode.in_cluster
    plan = tierplan.plan_environment(scenario, production)
    assert [pod.name for pod in plan.data.in_cluster_pods] == ["redis"]
    assert plan.cost.item("redis_instances").cost_usd_month == 0
    rows = [pod for node in plan.nodes.nodes for pod in node.pods if pod.startswith("redis-")]
    assert sorted(rows) == ["redis-0", "redis-1"]
    production.policy.datastores.vector_store_mode = tierplan.DatastoreMode.managed
    with pytest.raises(tierplan.ValidationError, match="vector_store_mode"):
        tierplan.plan_environment(scenario, production)
