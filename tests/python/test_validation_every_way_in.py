"""No plan or study is computed from an invalid scenario, however it was built.

The lines a new user hit (issue 12): values set attribute by attribute, a workload scaled by
a negative factor, a peak fraction of 5 and negative replicas all planned, or failed later
with an unrelated message. Each now ends in ``ValidationError`` naming the path and value.
"""

from __future__ import annotations

import math
import random
import re
from typing import Any

import pytest

import tierplan


def builtin() -> tierplan.Scenario:
    return tierplan.Scenario.builtin()


def production_index(scenario: tierplan.Scenario) -> int:
    return [e.name for e in scenario.environments].index("production")


def plan_issues(scenario: tierplan.Scenario) -> list[tuple[str, str]]:
    with pytest.raises(tierplan.ValidationError) as caught:
        tierplan.plan(scenario)
    return caught.value.issues


def test_negative_users_set_as_an_attribute_are_refused() -> None:
    s = builtin()
    s.workload.daily_active_users = -1e6
    assert plan_issues(s) == [("workload.daily_active_users", "must be >= 0, got -1000000")]


def test_a_workload_scaled_by_a_negative_factor_is_refused() -> None:
    s = builtin()
    s.workload = s.workload.scaled(-2)
    paths = {path for path, _ in plan_issues(s)}
    assert {"workload.daily_active_users", "workload.knowledge_base.documents"} <= paths


def test_a_peak_fraction_of_five_is_refused_before_sizing() -> None:
    s = builtin()
    s.workload.peak_hour_fraction = 5
    assert plan_issues(s) == [("workload.peak_hour_fraction", "must be <= 1, got 5")]


def test_negative_min_replicas_are_refused() -> None:
    s = builtin()
    i = production_index(s)
    s.environments[i].policy.min_replicas = -4
    assert plan_issues(s)[0] == (f"environments[{i}].policy.min_replicas", "must be >= 1, got -4")


def test_validate_and_issues_report_every_problem_at_once() -> None:
    s = builtin()
    s.workload.daily_active_users = math.nan
    s.stack.components[0].resources.baseline_cpu_m = 0
    s.environments[0].policy.max_replicas = 0
    paths = {path for path, _ in s.issues()}
    assert {
        "workload.daily_active_users",
        "stack.components[0].resources.baseline_cpu_m",
        "environments[0].policy.max_replicas",
    } <= paths
    with pytest.raises(tierplan.ValidationError) as caught:
        tierplan.validate(s)
    assert caught.value.issues == s.issues()
    assert builtin().issues() == []


def test_a_standalone_environment_is_validated_by_plan_environment() -> None:
    s = builtin()
    env = s.environments[production_index(s)]
    env.policy.latency_percentile = 2
    with pytest.raises(tierplan.ValidationError) as caught:
        tierplan.plan_environment(builtin(), env)
    assert [p for p, _ in caught.value.issues] == ["environment.policy.latency_percentile"]


def test_studies_refuse_an_invalid_base_scenario() -> None:
    s = builtin()
    s.workload.peak_burst_factor = 0.5
    with pytest.raises(tierplan.ValidationError):
        tierplan.sweep(s, [("workload.daily_active_users", [1000.0, 2000.0])], threads=1)
    with pytest.raises(tierplan.ValidationError):
        tierplan.sensitivity(s, ["workload.daily_active_users"], threads=1)


# --- the property: random invalid values through the attribute API never plan ----------


def _walk(scenario: tierplan.Scenario, path: str) -> tuple[Any, str]:
    """The object holding the field at path (found through Python attributes and list
    indices, as a user would), and the field's attribute name."""
    node: Any = scenario
    parts = re.findall(r"([a-z][a-z0-9_]*)(?:\[(\d+)\])?", path)
    if parts[:1] == [("catalog", "")] and parts[1][0] == "prices":
        # catalog.prices[i].<item>.<amount key> is Prices.<item>_<amount key> in Python: a
        # UnitPrice (.usd) for a price, a SourcedValue (.value) for a limit or a discount.
        prices = scenario.catalog.prices[int(parts[1][1])]
        amount = parts[3][0]
        return getattr(prices, f"{parts[2][0]}_{amount}"), (
            "usd" if amount.startswith("usd") else "value"
        )
    for key, index in parts[:-1]:
        node = getattr(node, key)
        if index:
            node = node[int(index)]
    return node, parts[-1][0]


def _invalid_values(bounds: tierplan.FieldBounds, rng: random.Random) -> list[float]:
    values = [bounds.min - 1 - rng.random() * 100]
    if bounds.min_exclusive:
        values.append(bounds.min)
    if math.isfinite(bounds.max):
        values.append(bounds.max * (1.5 + rng.random()) + 1)
    if not bounds.integer:
        values += [math.nan, math.inf, -math.inf]
    return values


def test_random_invalid_values_assigned_as_attributes_never_produce_a_plan() -> None:
    rng = random.Random(20261204)
    base = builtin()
    paths = tierplan.numeric_field_paths(base)
    tried = 0
    for _ in range(300):
        path = rng.choice(paths)
        bounds = tierplan.field_bounds(base, path)
        value = rng.choice(_invalid_values(bounds, rng))
        if bounds.integer and not -(2**31) <= value < 2**31:
            continue  # an int attribute cannot hold it: pybind11 refuses it on assignment
        s = builtin()
        holder, name = _walk(s, path)
        setattr(holder, name, int(value) if bounds.integer else value)
        issues = plan_issues(s)
        assert path in {p for p, _ in issues}, (path, value, issues)
        tried += 1
    assert tried > 250
