"""The planner from Python: plan shape, the plan JSON schema, Erlang B/C against two
independent implementations, infeasible scenarios, the GIL, pickling.

Erlang C is checked against (1) the textbook closed form written here from scratch (the
terms A^k/k! in log space, summed with math.fsum; exact fractions for small cases), not
the recursion the library uses, and (2) pyworkforce's ErlangC, to 1e-9 relative over
offered loads from 0.1 to 200 Erlangs and 1 to 41 servers above the load.
"""

from __future__ import annotations

import json
import math
import pickle
import threading
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pyworkforce.queuing import ErlangC

import tierplan

REPO = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO / "data" / "schema" / "plan.schema.json"

LOADS = [0.1, 0.5, 1.0, 2.5, 7.3, 10.0, 33.3, 64.0, 120.0, 200.0]
GRID = [(a, c) for a in LOADS for c in range(math.ceil(a) + 1, math.ceil(a) + 41)]
RELATIVE = 1e-9


# --- helpers ------------------------------------------------------------------------------


def builtin_plan() -> tierplan.Plan:
    return tierplan.plan(tierplan.Scenario.builtin())


def scaled(scenario: tierplan.Scenario, factor: float) -> tierplan.Scenario:
    """The scenario with its workload and every environment's own workload x factor."""
    document = scenario.to_dict()
    result = tierplan.Scenario.from_dict(document)
    result.workload = result.workload.scaled(factor)
    environments = result.environments
    for environment in environments:
        if environment.workload is not None:
            environment.workload = environment.workload.scaled(factor)
    result.environments = environments
    return result


def with_policy(**changes: Any) -> tierplan.Scenario:
    """The built-in scenario with production's policy changed."""
    document = tierplan.Scenario.builtin().to_dict()
    production = next(e for e in document["environments"] if e["name"] == "production")
    production["policy"].update(changes)
    return tierplan.Scenario.from_dict(document)


def reference_erlang(a: float, c: int) -> tuple[float, float]:
    """Erlang B and C by the closed form: terms A^k/k! in log space, scaled by the largest."""
    log_terms = [k * math.log(a) - math.lgamma(k + 1) for k in range(c + 1)]
    top = max(log_terms)
    terms = [math.exp(t - top) for t in log_terms]
    below = math.fsum(terms[:-1])  # k < c
    last = terms[-1]
    waiting = last * c / (c - a)
    return last / (below + last), waiting / (below + waiting)


def exact_erlang(a: Fraction, c: int) -> tuple[Fraction, Fraction | None]:
    """Erlang B and C in exact rational arithmetic (C is None unless c > A)."""
    terms = [a**k / math.factorial(k) for k in range(c + 1)]
    below = sum(terms[:-1], Fraction(0))
    blocking = terms[-1] / (below + terms[-1])
    if c <= a:
        return blocking, None
    waiting = terms[-1] * c / (c - a)
    return blocking, waiting / (below + waiting)


def pyworkforce_erlang_c(a: float, c: int) -> float:
    aht = 3.0  # minutes per transaction
    interval = 30  # minutes
    queue = ErlangC(transactions=a * interval / aht, aht=aht, asa=20 / 60, interval=interval)
    assert queue.intensity == pytest.approx(a, rel=1e-15)
    return float(queue.waiting_probability(c))


def walk(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


# --- the plan -----------------------------------------------------------------------------


def test_builtin_plan_has_every_environment_and_component() -> None:
    plan = builtin_plan()
    assert [e.name for e in plan.environments] == ["test", "staging", "production"]
    production = plan.environment("production")
    assert production.name == "production"
    assert production.component("api").replicas == 3
    assert production.component("worker_beat").replicas == 1
    assert production.nodes.node_type.vcpu == 8
    assert production.nodes.node_type.memory_gib == 32
    assert 5 <= production.nodes.count <= 7
    test = plan.environment("test")
    assert test.nodes.count == 1
    assert (test.nodes.node_type.vcpu, test.nodes.node_type.memory_gib) == (4, 16)
    with pytest.raises(KeyError):
        plan.environment("prod")
    with pytest.raises(KeyError):
        production.component("apis")


def test_every_number_carries_a_reason() -> None:
    for environment in builtin_plan().environments:
        for component in environment.components:
            assert component.replicas_reason, component.name
            assert component.resources_reason, component.name
            assert component.autoscaling.reason, component.name
        assert environment.nodes.count_reason
        assert environment.nodes.type_reason
        assert environment.nodes.cost_reason
        assert environment.tier.reason


def test_to_dict_equals_the_parsed_json() -> None:
    plan = builtin_plan()
    assert json.loads(plan.to_json()) == plan.to_dict()
    document = plan.to_dict()
    production = document["environments"][2]
    assert production["nodes"]["count"] == plan.environment("production").nodes.count
    api = next(c for c in production["components"] if c["name"] == "api")
    assert api["limit_cpu_m"] == plan.environment("production").component("api").limit_cpu_m


def test_planning_twice_gives_identical_json_bytes() -> None:
    assert builtin_plan().to_json() == builtin_plan().to_json()
    assert builtin_plan() == builtin_plan()


def test_more_load_never_lowers_replicas_or_cost() -> None:
    base = tierplan.Scenario.builtin()
    previous = tierplan.plan(scaled(base, 0.1))
    for factor in [0.3, 1.0, 2.0, 5.0]:
        current = tierplan.plan(scaled(base, factor))
        for before, after in zip(previous.environments, current.environments, strict=True):
            for component in before.components:
                assert after.component(component.name).replicas >= component.replicas
            assert after.nodes.cost_usd_month >= before.nodes.cost_usd_month
        previous = current


# --- the plan JSON schema -----------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(SCHEMA_PATH.read_text())
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def test_schema_is_the_shipped_one(schema: dict[str, Any]) -> None:
    assert json.loads(tierplan.builtin_data_file("schema/plan.schema.json")) == schema
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("factor", [0.01, 0.1, 1.0, 3.0])
def test_plan_json_validates_against_the_schema(schema: dict[str, Any], factor: float) -> None:
    plan = tierplan.plan(scaled(tierplan.Scenario.builtin(), factor))
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(plan.to_dict())]
    assert errors == []
    validator.validate(json.loads(plan.to_json(indent=-1)))


def test_a_plan_with_spot_pools_validates_against_the_schema(schema: dict[str, Any]) -> None:
    scenario = tierplan.Scenario.builtin()
    for environment in scenario.environments:
        environment.policy.cost.stateless_on_spot = True
    document = json.loads(tierplan.plan(scenario).to_json())
    assert "spot_nodes" in document["environments"][2]
    jsonschema.Draft202012Validator(schema).validate(document)


# Keys a plan writes only where they apply: an environment's spot pool.
OPTIONAL_KEYS = frozenset({"spot_nodes"})


def test_schema_closes_every_object_and_requires_every_key(schema: dict[str, Any]) -> None:
    checked = 0
    for path, node in walk(schema):
        if isinstance(node, dict) and isinstance(node.get("properties"), dict):
            assert node.get("additionalProperties") is False, path
            always = sorted(k for k in node["properties"] if k not in OPTIONAL_KEYS)
            assert sorted(node["required"]) == always, path
            for key, prop in node["properties"].items():
                assert "description" in prop or "$ref" in prop, f"{path}.{key}"
            checked += 1
    assert checked >= 10


def test_schema_rejects_an_unknown_key_and_a_missing_one(schema: dict[str, Any]) -> None:
    document = builtin_plan().to_dict()
    validator = jsonschema.Draft202012Validator(schema)
    extra = json.loads(json.dumps(document))
    extra["environments"][0]["components"][0]["replicas_per_zone"] = 1
    assert not validator.is_valid(extra)
    missing = json.loads(json.dumps(document))
    del missing["environments"][2]["nodes"]["count_reason"]
    assert not validator.is_valid(missing)
    wrong = json.loads(json.dumps(document))
    wrong["environments"][1]["nodes"]["count"] = "six"
    assert not validator.is_valid(wrong)


def test_every_key_in_the_plan_is_documented_in_the_schema(schema: dict[str, Any]) -> None:
    described = set()
    for _, node in walk(schema):
        if isinstance(node, dict) and isinstance(node.get("properties"), dict):
            described.update(node["properties"])
    used = set()
    for _, node in walk(builtin_plan().to_dict()):
        if isinstance(node, dict):
            used.update(node)
    assert used <= described, sorted(used - described)


# --- Erlang B and C -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "c", "b_expected", "c_expected"),
    [
        (Fraction(1), 1, Fraction(1, 2), None),
        (Fraction(2), 3, Fraction(4, 19), Fraction(4, 9)),
        (Fraction(1), 2, Fraction(1, 5), Fraction(1, 3)),
        (Fraction(1, 2), 1, Fraction(1, 3), Fraction(1, 2)),
    ],
)
def test_textbook_values(
    a: Fraction, c: int, b_expected: Fraction, c_expected: Fraction | None
) -> None:
    assert exact_erlang(a, c) == (b_expected, c_expected)
    assert tierplan.erlang_b(float(a), c) == pytest.approx(float(b_expected), rel=1e-15)
    if c_expected is not None:
        assert tierplan.erlang_c(float(a), c) == pytest.approx(float(c_expected), rel=1e-15)


@pytest.mark.parametrize(("a", "c"), [(0.1, 1), (0.5, 2), (1.5, 3), (3.0, 7), (9.5, 12), (20, 30)])
def test_erlang_b_and_c_equal_exact_fractions(a: float, c: int) -> None:
    b_exact, c_exact = exact_erlang(Fraction(a), c)
    assert c_exact is not None
    assert tierplan.erlang_b(a, c) == pytest.approx(float(b_exact), rel=RELATIVE)
    assert tierplan.erlang_c(a, c) == pytest.approx(float(c_exact), rel=RELATIVE)


def test_erlang_b_and_c_agree_with_the_closed_form_over_the_grid() -> None:
    failures = []
    for a, c in GRID:
        b_expected, c_expected = reference_erlang(a, c)
        b_actual = tierplan.erlang_b(a, c)
        c_actual = tierplan.erlang_c(a, c)
        if abs(b_actual - b_expected) > RELATIVE * b_expected:
            failures.append(f"B({a}, {c}) = {b_actual!r}, closed form {b_expected!r}")
        if abs(c_actual - c_expected) > RELATIVE * c_expected:
            failures.append(f"C({a}, {c}) = {c_actual!r}, closed form {c_expected!r}")
    assert failures == []
    assert len(GRID) == 400


def test_erlang_c_agrees_with_pyworkforce_over_the_grid() -> None:
    failures = []
    for a, c in GRID:
        expected = pyworkforce_erlang_c(a, c)
        actual = tierplan.erlang_c(a, c)
        if abs(actual - expected) > RELATIVE * expected:
            failures.append(f"C({a}, {c}) = {actual!r}, pyworkforce {expected!r}")
    assert failures == []


def test_wait_tail_and_mean_wait_follow_the_closed_form() -> None:
    for a, c in GRID[::7]:
        _, c_expected = reference_erlang(a, c)
        service_s = 0.25
        for wait_s in [0.0, 0.1, 1.0]:
            expected = c_expected * math.exp(-(c - a) * wait_s / service_s)
            actual = tierplan.probability_wait_exceeds(a, c, service_s, wait_s)
            assert actual == pytest.approx(expected, rel=RELATIVE, abs=1e-300)
        mean = tierplan.mean_wait_s(a, c, service_s)
        assert mean == pytest.approx(c_expected * service_s / (c - a), rel=RELATIVE)


def test_erlang_stays_finite_for_tens_of_thousands_of_erlangs() -> None:
    for a in [1_000.0, 25_000.0, 50_000.0]:
        for c in [int(a) + 1, int(a) + 50, int(a) + 700]:
            b = tierplan.erlang_b(a, c)
            w = tierplan.erlang_c(a, c)
            assert 0.0 <= b <= w <= 1.0
            assert math.isfinite(tierplan.mean_wait_s(a, c, 1.0))


def test_erlang_c_needs_more_servers_than_the_load() -> None:
    with pytest.raises(ValueError):
        tierplan.erlang_c(3.0, 3)
    with pytest.raises(ValueError):
        tierplan.erlang_b(-1.0, 2)


# --- infeasible scenarios -----------------------------------------------------------------


def test_planning_error_is_a_runtime_error() -> None:
    assert issubclass(tierplan.PlanningError, RuntimeError)


def test_a_latency_target_below_the_service_time_names_environment_and_component() -> None:
    with pytest.raises(tierplan.PlanningError, match=r"^production: api: latency target"):
        tierplan.plan(with_policy(latency_target_ms=100))


def test_a_pod_larger_than_every_instance_type_is_a_planning_error() -> None:
    document = tierplan.Scenario.builtin().to_dict()
    api = next(c for c in document["stack"]["components"] if c["name"] == "api")
    api["resources"]["baseline_cpu_m"] = 100_000
    with pytest.raises(tierplan.PlanningError, match=r"no node type can hold.*api pod needs"):
        tierplan.plan(tierplan.Scenario.from_dict(document))


def test_max_replicas_too_small_is_a_planning_error() -> None:
    scenario = scaled(with_policy(min_replicas=1, max_replicas=2), 3.0)
    with pytest.raises(tierplan.PlanningError, match=r"^production: .*max_replicas 2"):
        tierplan.plan(scenario)


# --- threads and pickling -----------------------------------------------------------------


def test_plan_from_two_threads_gives_identical_results() -> None:
    scenario = scaled(tierplan.Scenario.builtin(), 4.0)
    expected = tierplan.plan(scenario).to_json()
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(3):
                results.append(tierplan.plan(scenario).to_json())
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(results) == 6
    assert all(result == expected for result in results)


def test_pickled_scenario_round_trips_and_plans_identically() -> None:
    scenario = with_policy(min_replicas=2)
    restored = pickle.loads(pickle.dumps(scenario))
    assert restored == scenario
    assert restored.to_json() == scenario.to_json()
    assert tierplan.plan(restored).to_json() == tierplan.plan(scenario).to_json()
