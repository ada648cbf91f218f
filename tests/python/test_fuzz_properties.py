"""Properties over random changes of the shipped scenario (issue 17), seeded so that a
failure repeats: every scenario that loads saves and reloads equal (as JSON text and through
pickle), and planning it either gives a plan whose JSON the shipped plan schema accepts (every
number finite) or raises one of the documented errors, never another exception."""

from __future__ import annotations

import json
import math
import pickle
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import tierplan

REPO = Path(__file__).resolve().parents[2]
MUTATIONS = 200

# Numbers that broke something once (issue 17), the edges of a double, and ordinary ones.
NUMBERS = [0.0, 5e-324, 1e-308, 1e-12, 0.5, 1.0, 3.0, 1e6, 1e9, 1e12, 1e300, -1.0, 2.0**31]


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value of the document, containers included (the root excepted)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += leaves(item, (*path, index))
    return found


def mutated(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The document with one to three random changes: a value removed, or a number replaced."""
    changed: dict[str, Any] = json.loads(json.dumps(document))
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(leaves(changed))
        parent = changed
        for part in path[:-1]:
            parent = parent[part]
        target = parent[path[-1]]
        if isinstance(target, (int, float)) and not isinstance(target, bool) and rng.random() < 0.8:
            parent[path[-1]] = rng.choice(NUMBERS)
        elif isinstance(parent, dict):
            del parent[path[-1]]
    return changed


def dotted(path: tuple[Any, ...]) -> str:
    """A document path as validation spells it: environments[2].policy..."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + part
    return text


@pytest.fixture(scope="module")
def plan_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "data" / "schema" / "plan.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def shipped_document() -> dict[str, Any]:
    document: dict[str, Any] = tierplan.Scenario.builtin().to_dict()
    # Notes name fields; a change removing that field would refuse every such scenario.
    document["sources"] = {}
    return document


@pytest.mark.parametrize("seed", range(4))
def test_every_loaded_scenario_saves_reloads_and_plans_within_contract(
    seed: int, plan_validator: jsonschema.Draft202012Validator
) -> None:
    rng = random.Random(seed)
    base = shipped_document()
    loaded = 0
    for _ in range(MUTATIONS // 4):
        document = mutated(base, rng)
        try:
            scenario = tierplan.Scenario.from_dict(document)
        except tierplan.ValidationError:
            continue
        loaded += 1
        assert tierplan.Scenario.from_json(scenario.to_json()) == scenario, document
        assert pickle.loads(pickle.dumps(scenario)) == scenario, document
        try:
            plan = tierplan.plan(scenario)
        except (tierplan.ValidationError, tierplan.PlanningError):
            continue
        plan_json = json.loads(plan.to_json())
        errors = [f"{list(e.path)}: {e.message}" for e in plan_validator.iter_errors(plan_json)]
        assert not errors, (errors[:5], document)
    assert loaded > 0


@pytest.mark.parametrize(
    "path",
    [
        ("environments", 2, "policy", "backups", "postgres", "restore_mib_per_s"),
        ("environments", 2, "policy", "backups", "postgres", "wal_replay_mib_per_s"),
        ("environments", 2, "policy", "backups", "vector_store", "snapshot_restore_mib_per_s"),
        ("environments", 2, "policy", "backups", "vector_store", "embedding_chunks_per_s"),
    ],
    ids=lambda path: path[-1],
)
def test_a_rate_too_small_for_a_finite_restore_time_is_refused(path: tuple[Any, ...]) -> None:
    document = shipped_document()
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = 5e-324
    try:
        scenario = tierplan.Scenario.from_dict(document)
    except tierplan.ValidationError as error:
        assert [where for where, _ in error.issues] == [dotted(path)]
        return
    plan = json.loads(tierplan.plan(scenario).to_json())
    assert "null" not in json.dumps(plan)


@pytest.mark.parametrize("users", [1e-308, 5e-324, 1e-300])
def test_a_tiny_user_count_plans_or_is_refused(users: float) -> None:
    document = shipped_document()
    document["workload"]["daily_active_users"] = users
    try:
        scenario = tierplan.Scenario.from_dict(document)
    except tierplan.ValidationError:
        return
    plan = tierplan.plan(scenario)
    assert all(math.isfinite(x) for x in [plan.environment("production").cost.total_usd_month])


def test_a_sweep_through_tiny_user_counts_is_not_stopped() -> None:
    scenario = tierplan.Scenario.builtin()
    table = tierplan.sweep(scenario, [("workload.daily_active_users", [1e-308, 3000.0])])
    assert len(table) == 2


@pytest.mark.parametrize(
    "price",
    [
        "database_storage",
        "block_storage",
        "object_storage",
        "backup_storage",
        "log_storage",
        "log_ingestion",
        "control_plane",
    ],
)
def test_leaving_out_a_price_cannot_give_a_scenario_that_does_not_reload(price: str) -> None:
    document = shipped_document()
    del document["catalog"]["prices"][0][price]
    try:
        scenario = tierplan.Scenario.from_dict(document)
    except tierplan.ValidationError:
        return
    assert tierplan.Scenario.from_json(scenario.to_json()) == scenario
    assert pickle.loads(pickle.dumps(scenario)) == scenario


def has_null(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return any(has_null(item) for item in value.values())
    if isinstance(value, list):
        return any(has_null(item) for item in value)
    return False


def test_every_numeric_field_at_the_edges_of_a_double_plans_within_contract(
    plan_validator: jsonschema.Draft202012Validator,
) -> None:
    """Each numeric field (of production and the shared parts) set to the least positive double
    and to 1e300: refused, infeasible, or planned with a plan JSON the schema accepts. The
    schema allows no null, which is how a non-finite number is written, so every plan is
    checked for one, and every 16th against the whole schema (a full check takes 60 ms)."""
    base = tierplan.Scenario.builtin()
    paths = [
        path
        for path in tierplan.numeric_field_paths(base)
        if not path.startswith("environments") or path.startswith("environments[2]")
    ]
    planned = 0
    for path in paths:
        for value in (5e-324, 1e300):
            try:
                scenario = tierplan.with_value(base, path, value)
                plan = tierplan.plan(scenario)
            except (tierplan.ValidationError, tierplan.PlanningError):
                continue
            plan_json = json.loads(plan.to_json())
            assert not has_null(plan_json), (path, value)
            if planned % 16 == 0:
                errors = [e.message for e in plan_validator.iter_errors(plan_json)]
                assert not errors, (path, value, errors[:3])
            planned += 1
    assert planned > 0
