"""The fuzz target's inputs (tests/fuzz, issue 15): its dictionary stays in step with the scenario
schema, and its seeds reach the planner, where most of the code is."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest

import tierplan

REPO = Path(__file__).resolve().parents[2]
FUZZ = REPO / "tests" / "fuzz"
# The one seed meant to be refused: a document of the least size, for the mutator to grow.
REFUSED_SEEDS = {"name-only.json"}
# A million daily users is more than max_replicas of the api serves: the PlanningError path.
INFEASIBLE_SEEDS = {"production-1000000-users.json"}
# issue17-*: issue 17's findings that are not kept in tests/data/fuzz-regressions (which holds
# refused documents only): valid scenarios that once broke planning, and the large inputs its
# tests generate. Each must load or be refused, and plan or be infeasible.
ISSUE17 = "issue17-"


def schema_words(value: Any) -> set[str]:
    """Every key and every string an enum allows in the schema."""
    words: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "properties" and isinstance(item, dict):
                words.update(item)
            if key == "enum" and isinstance(item, list):
                words.update(word for word in item if isinstance(word, str))
            words |= schema_words(item)
    elif isinstance(value, list):
        for item in value:
            words |= schema_words(item)
    return words


def dictionary_entries() -> set[str]:
    """The entries of the libFuzzer dictionary, unescaped."""
    entries = set()
    for line in (FUZZ / "scenario.dict").read_text().splitlines():
        if line and not line.startswith("#"):
            entries.add(json.loads(line))
    return entries


def test_the_dictionary_holds_every_key_and_enum_value_of_the_schema() -> None:
    schema = json.loads((REPO / "data" / "schema" / "scenario.schema.json").read_text())
    missing = {f'"{word}"' for word in schema_words(schema)} - dictionary_entries()
    assert not missing, sorted(missing)


@pytest.mark.parametrize("seed", sorted((FUZZ / "corpus").iterdir()), ids=lambda path: path.name)
def test_each_seed_loads_and_plans(seed: Path) -> None:
    if seed.name.startswith(ISSUE17):
        with contextlib.suppress(tierplan.ValidationError, tierplan.PlanningError):
            tierplan.plan(tierplan.Scenario.from_file(seed))
        return
    if seed.name in REFUSED_SEEDS:
        with pytest.raises(tierplan.ValidationError):
            tierplan.Scenario.from_file(seed)
        return
    scenario = tierplan.Scenario.from_file(seed)
    if seed.name in INFEASIBLE_SEEDS:
        with pytest.raises(tierplan.PlanningError):
            tierplan.plan(scenario)
        return
    plan = tierplan.plan(scenario)
    assert plan.environments
