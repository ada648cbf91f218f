"""Plans and scenarios cross process boundaries: pickle (multiprocessing, Dask) keeps
every field of a Plan, bit for bit, and a plan made in a worker process equals the one
made here."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

import tierplan


def builtin_plan() -> tierplan.Plan:
    return tierplan.plan(tierplan.Scenario.builtin())


def plan_in_worker(scenario: tierplan.Scenario) -> tierplan.Plan:
    return tierplan.plan(scenario)


def test_pickled_plan_equals_the_original_in_every_field() -> None:
    original = builtin_plan()
    restored = pickle.loads(pickle.dumps(original))
    # operator== compares every field: a field the state leaves out comes back as its
    # default and fails here.
    assert restored == original
    assert restored.to_json() == original.to_json()


def test_pickled_environment_plan_equals_the_original() -> None:
    original = builtin_plan().environment("production")
    restored = pickle.loads(pickle.dumps(original))
    assert restored == original
    assert restored.components[0].replicas_reason == original.components[0].replicas_reason


def test_every_pickle_protocol_round_trips() -> None:
    original = builtin_plan()
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(original, protocol=protocol)) == original


def test_state_that_is_not_a_plan_is_refused_with_a_message() -> None:
    state = pickle.dumps(builtin_plan())
    corrupt = state.replace(b"production", b"productiox", 1)
    assert pickle.loads(corrupt) != builtin_plan()  # still a plan, with the edited name
    with pytest.raises(ValueError, match="not a tierplan plan state"):
        tierplan.Plan.__new__(tierplan.Plan).__setstate__(b"\x00garbage")


def test_plans_made_in_worker_processes_equal_local_plans() -> None:
    scenario = tierplan.Scenario.builtin()
    doubled = pickle.loads(pickle.dumps(scenario))
    doubled.workload = doubled.workload.scaled(2.0)
    scenarios = [scenario, doubled]
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        remote = pool.map(plan_in_worker, scenarios)
    assert remote == [tierplan.plan(s) for s in scenarios]
