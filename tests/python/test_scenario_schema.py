"""The JSON Schema of a scenario (data/schema/scenario.schema.json).

It is generated from the declaration the JSON reader reads through (regenerate: make schema),
so it must accept every shipped scenario, reject every bad input of test_validation.py that a
schema can express, and agree with the reader on every single numeric value.
"""

from __future__ import annotations

import copy
import json
import math
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import tierplan
from test_validation import BAD_FIELDS, BadField, Document, base_document

REPO = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO / "data" / "schema" / "scenario.schema.json"
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Rules the reader checks that JSON Schema cannot state: rules between fields, unique names,
# names that must refer to another part of the scenario. The schema says them in words.
NOT_SCHEMA_RULES = (
    "must be < chunk_size_chars",
    "must be <= qdrant_min_nodes",
    "must be >= min_replicas",
    "duplicate name",
    "names no field of this scenario",
    "must name a node type of the catalog",
    "must name a component of the stack",
    "must be false for a singleton",
    "must be above the previous segment's",
    # Only a catalog that extends nothing must list them ("extends": "none").
    "must list at least one node type",
    "must list at least one cloud's prices",
)
# stack.datastores is read by its own reader (datastores/datastore_model.cpp) and is an open
# object in the schema.
NOT_IN_SCHEMA = "stack.datastores"


def schema_rule(path: str, message: str) -> bool:
    """Whether the schema can catch an issue the reader reports."""
    return not path.startswith(NOT_IN_SCHEMA) and not any(
        rule in message for rule in NOT_SCHEMA_RULES
    )


def test_committed_schema_is_the_generated_one() -> None:
    generated = tierplan.scenario_json_schema()
    assert SCHEMA_PATH.read_text(encoding="utf-8") == generated, (
        "data/schema/scenario.schema.json drifted from the reader: run `make schema`"
    )
    assert tierplan.builtin_data_file("schema/scenario.schema.json") == generated


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "path", sorted((REPO / "data" / "scenarios").glob("*.json")), ids=lambda p: p.name
)
def test_shipped_scenario_follows_the_schema(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []
    tierplan.Scenario.from_json(path.read_text(encoding="utf-8"))


def test_the_builtin_catalog_follows_the_schema_of_a_catalog() -> None:
    document = json.loads((REPO / "data" / "catalogs" / "builtin.json").read_text("utf-8"))
    catalog_schema = {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/catalog"}
    validator = jsonschema.Draft202012Validator(catalog_schema)
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)] == []


TEXT_CASES: list[BadField] = [p.values[0] for p in BAD_FIELDS if p.values[0].text_too]


@pytest.mark.parametrize("bad", TEXT_CASES, ids=[p.id for p in TEXT_CASES])
def test_schema_rejects_every_bad_field_it_can_express(bad: BadField) -> None:
    document = base_document()
    bad.mutate(document)
    errors = list(VALIDATOR.iter_errors(document))
    if schema_rule(bad.path, bad.message):
        assert errors, f"the schema accepts {bad.path}: {bad.message}"
    else:
        # What the schema leaves to the reader is exactly the list above.
        assert errors == [], [e.message for e in errors]


def test_the_walk_covers_both_kinds_of_case() -> None:
    kinds = [schema_rule(bad.path, bad.message) for bad in TEXT_CASES]
    assert kinds.count(True) >= 80 and kinds.count(False) >= 5


# --- property: one random number anywhere, schema-valid iff the reader accepts -------------

Location = tuple[Any, ...]


def numeric_locations(node: Any, at: Location = ()) -> list[Location]:
    if isinstance(node, bool):
        return []
    if isinstance(node, int | float):
        return [at]
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else []
    )
    return [loc for key, child in items for loc in numeric_locations(child, (*at, key))]


def subschema(location: Location) -> dict[str, Any]:
    node: dict[str, Any] = SCHEMA
    for key in location:
        if "$ref" in node:
            node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]]
        node = node["items"] if isinstance(key, int) else node["properties"][key]
    return node


def candidate_values(rule: dict[str, Any], rng: random.Random) -> list[float | int]:
    low = rule.get("minimum", rule.get("exclusiveMinimum"))
    high = rule["maximum"]
    span = high - low
    inside = low + rng.random() * span
    values: list[float | int] = [
        inside,
        low,
        high,
        math.nextafter(high, math.inf),
        math.nextafter(low, -math.inf),
        low - rng.random() * (span + 1),
        high + rng.random() * (span + 1),
        -rng.random() * 1e6,
        rng.choice([0, 1, -1]) * 10 ** rng.randint(0, 15),
    ]
    if rule["type"] == "integer":
        values += [math.floor(inside), float(math.floor(inside)), math.floor(inside) + 0.5]
    return values


def reader_accepts(document: Document) -> bool:
    try:
        tierplan.Scenario.from_json(json.dumps(document, allow_nan=False))
    except tierplan.ValidationError as error:
        return not any(schema_rule(path, message) for path, message in error.issues)
    return True


def test_random_numbers_are_schema_valid_exactly_when_the_reader_accepts_them() -> None:
    rng = random.Random(20240612)
    base = base_document()
    locations = [loc for loc in numeric_locations(base) if loc[:2] != ("stack", "datastores")]
    assert len(locations) > 150
    checked = 0
    for location in rng.sample(locations, 40):
        rule = subschema(location)
        for value in candidate_values(rule, rng):
            document = copy.deepcopy(base)
            parent: Any = document
            for key in location[:-1]:
                parent = parent[key]
            parent[location[-1]] = value
            schema_valid = VALIDATOR.is_valid(document)
            assert schema_valid == reader_accepts(document), (location, value)
            checked += 1
    assert checked >= 40 * 9
