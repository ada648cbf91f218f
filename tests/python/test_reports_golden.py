"""Golden reports of the built-in scenario, and of it on another cloud and with its datastores
run each way, compared byte for byte.

The files in tests/python/golden/ are reviewed like code. After an intended change, run
``make golden`` (``pytest tests/python/test_reports_golden.py --update-golden``) and read
the diff before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import tierplan
from tierplan.cli import render

GOLDEN = Path(__file__).parent / "golden"
EVERY = ["test", "staging", "production"]


def on_gcp(scenario: tierplan.Scenario) -> None:
    """Every environment on gcp, in the region its prices are listed for."""
    for environment in scenario.environments:
        environment.policy.cloud = tierplan.Cloud.gcp
        environment.policy.region = ""


def on_azure(scenario: tierplan.Scenario) -> None:
    """Every environment on azure, in the region its prices are listed for."""
    for environment in scenario.environments:
        environment.policy.cloud = tierplan.Cloud.azure
        environment.policy.region = ""


def stateless_on_spot(scenario: tierplan.Scenario) -> None:
    """Every environment asks for a spot pool for its stateless services."""
    for environment in scenario.environments:
        environment.policy.cost.stateless_on_spot = True


def datastores_run(
    postgres: tierplan.DatastoreMode,
    redis: tierplan.DatastoreMode,
    vector_store: tierplan.DatastoreMode,
    object_storage: tierplan.DatastoreMode,
) -> Callable[[tierplan.Scenario], None]:
    """Production's datastores run the given ways."""

    def change(scenario: tierplan.Scenario) -> None:
        for environment in scenario.environments:
            if environment.name != "production":
                continue
            datastores = environment.policy.datastores
            datastores.postgres_mode = postgres
            datastores.redis_mode = redis
            datastores.vector_store_mode = vector_store
            datastores.object_storage_mode = object_storage

    return change


def unchanged(scenario: tierplan.Scenario) -> None:
    """The built-in scenario as it is."""


MODE = tierplan.DatastoreMode
# golden file -> (format, environments, how the built-in scenario is changed)
CASES: dict[str, tuple[str, list[str], Callable[[tierplan.Scenario], None]]] = {
    "plan.txt": ("text", EVERY, unchanged),
    "plan.md": ("md", EVERY, unchanged),
    "plan.html": ("html", EVERY, unchanged),
    "comparison.json": ("comparison-json", EVERY, unchanged),
    "production.txt": ("text", ["production"], unchanged),
    "values-test.yaml": ("helm", ["test"], unchanged),
    "values-production.yaml": ("helm", ["production"], unchanged),
    "postgresql-production.conf": ("pgconf", ["production"], unchanged),
    "postgresql-test.conf": ("pgconf", ["test"], unchanged),
    # The same scenario on gcp: GKE, Cloud SQL, Memorystore, N2 nodes.
    "plan-gcp.txt": ("text", EVERY, on_gcp),
    "production-gcp.conf": ("pgconf", ["production"], on_gcp),
    # On azure: AKS, Azure Database for PostgreSQL Flexible Server, Azure Cache for Redis.
    "plan-azure.txt": ("text", EVERY, on_azure),
    # The stateless services on a spot pool where it pays (production, staging), one pool
    # where it does not (test), and the overlay that puts them there.
    "plan-spot.txt": ("text", EVERY, stateless_on_spot),
    "values-production-spot.yaml": ("helm", ["production"], stateless_on_spot),
    # Production's datastores each way: in the cluster (Qdrant's 32 GiB pods fit no node of
    # the catalog at half a node per pod, so it stays on VMs), all on VMs you run.
    "production-in-cluster.txt": (
        "text",
        ["production"],
        datastores_run(MODE.in_cluster, MODE.in_cluster, MODE.self_managed, MODE.in_cluster),
    ),
    "production-self-managed.txt": (
        "text",
        ["production"],
        datastores_run(MODE.self_managed, MODE.self_managed, MODE.self_managed, MODE.managed),
    ),
}


def planned(change: Callable[[tierplan.Scenario], None]) -> tuple[tierplan.Plan, tierplan.Scenario]:
    scenario = tierplan.Scenario.builtin("dify-enterprise")
    change(scenario)
    return tierplan.plan(scenario), scenario


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_matches_its_golden_file(name: str, update_golden: bool) -> None:
    output_format, environments, change = CASES[name]
    text = render(*planned(change), output_format, environments)
    path = GOLDEN / name
    if update_golden:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run make golden and review it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file: if the change is intended, run make golden "
        "and review the diff"
    )


def test_reports_are_the_same_bytes_on_every_run() -> None:
    for output_format, environments, change in CASES.values():
        first = render(*planned(change), output_format, environments)
        assert render(*planned(change), output_format, environments) == first


def test_every_golden_file_is_a_case() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(CASES)
