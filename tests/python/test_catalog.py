"""A scenario's catalog extends the built-in one by name, or replaces it ("extends": "none")."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tierplan

BUILTIN_SCENARIO: dict[str, Any] = json.loads(
    tierplan.builtin_data_file("scenarios/dify-enterprise.json")
)


def node_type(name: str, price: float) -> dict[str, Any]:
    return {
        "name": name,
        "cloud": "aws",
        "vcpu": 8,
        "memory_gib": 32,
        "price_usd_per_hour": price,
        "source": "test fixture",
        "as_of": "2026-01-01",
    }


def with_catalog(catalog: dict[str, Any]) -> dict[str, Any]:
    document = json.loads(json.dumps(BUILTIN_SCENARIO))
    document["catalog"] = catalog
    return document


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tierplan", *args], capture_output=True, text=True, timeout=120
    )


def test_the_builtin_scenario_extends_the_builtin_catalog() -> None:
    assert BUILTIN_SCENARIO["catalog"] == {"extends": "builtin"}
    scenario = tierplan.Scenario.builtin()
    assert scenario.catalog == tierplan.Catalog.builtin()
    assert scenario.catalog.changes() == []


def test_one_extra_node_type_plans_with_the_builtin_datastore_shapes() -> None:
    document = with_catalog({"node_types": [node_type("m7i.2xlarge", 0.4032)]})
    document["environments"][2]["policy"]["node_type"] = "m7i.2xlarge"
    scenario = tierplan.Scenario.from_dict(document)
    builtin = tierplan.Catalog.builtin()
    assert scenario.catalog.database_shapes == builtin.database_shapes
    assert len(scenario.catalog.node_types) == len(builtin.node_types) + 1
    production = tierplan.plan(scenario).environments[2]
    assert production.nodes.node_type.name == "m7i.2xlarge"
    [change] = scenario.catalog.changes()
    assert (change.list, change.name, change.change) == ("node_types", "m7i.2xlarge", "added")


def test_an_overridden_price_replaces_the_clouds_prices_entry() -> None:
    aws = json.loads(tierplan.builtin_data_file("catalogs/builtin.json"))["prices"][0]
    aws["object_storage"]["usd_per_gib_month"] = 0.046
    scenario = tierplan.Scenario.from_dict(with_catalog({"prices": [aws]}))
    assert scenario.catalog.prices_for("aws").object_storage_usd_per_gib_month.usd == 0.046
    assert len(scenario.catalog.prices) == len(tierplan.Catalog.builtin().prices)
    assert [(c.list, c.name, c.change) for c in scenario.catalog.changes()] == [
        ("prices", "aws", "overridden")
    ]


def test_extends_none_with_only_node_types_names_each_environment_and_what_it_lacks() -> None:
    document = with_catalog({"extends": "none", "node_types": [node_type("m7i.2xlarge", 0.4)]})
    with pytest.raises(tierplan.ValidationError) as caught:
        tierplan.Scenario.from_dict(document)
    issues = dict(caught.value.issues)
    messages = [f"{where}: {message}" for where, message in caught.value.issues]
    assert "catalog.prices" in issues
    for i, name in enumerate(["test", "staging", "production"]):
        for what in ("database shape", "vector store shape", "cache shape"):
            expected = (
                f'environments[{i}].policy.cloud: environment "{name}" runs on aws but the '
                f"catalog lists no {what} of aws"
            )
            assert any(m.startswith(expected) for m in messages), (expected, messages)


def test_an_extended_scenario_survives_load_save_load_and_pickle() -> None:
    catalog = {"node_types": [node_type("m7i.2xlarge", 0.4032), node_type("m5.2xlarge", 0.5)]}
    first = tierplan.Scenario.from_dict(with_catalog(catalog))
    saved = first.to_dict()
    assert saved["catalog"]["extends"] == "none"
    assert tierplan.Scenario.from_dict(saved) == first
    assert tierplan.Scenario.from_json(first.to_json()) == first
    assert pickle.loads(pickle.dumps(first)) == first


def test_validate_prints_what_the_catalog_overrides_and_adds(tmp_path: Path) -> None:
    catalog = {"node_types": [node_type("m7i.2xlarge", 0.4032), node_type("m5.2xlarge", 0.5)]}
    path = tmp_path / "extended.json"
    path.write_text(json.dumps(with_catalog(catalog)))
    result = run_cli("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{path}: valid",
        f"{path}: catalog.node_types: overrides the built-in 'm5.2xlarge'",
        f"{path}: catalog.node_types: adds 'm7i.2xlarge'",
    ]


def test_validate_of_the_builtin_scenario_notes_no_change(tmp_path: Path) -> None:
    path = tmp_path / "builtin.json"
    path.write_text(tierplan.builtin_data_file("scenarios/dify-enterprise.json"))
    result = run_cli("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{path}: valid\n"


def test_example_prints_the_shipped_file_whose_catalog_extends_the_builtin_one() -> None:
    result = run_cli("example")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["catalog"] == {"extends": "builtin"}
    assert tierplan.Scenario.from_json(result.stdout) == tierplan.Scenario.builtin()
