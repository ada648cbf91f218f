"""Inputs found by fuzzing the scenario reader and the planner (issue 17), through Python.

Large reproducers are generated here; the small ones are files in tests/data/fuzz-regressions/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tierplan

REGRESSIONS = Path(__file__).resolve().parents[1] / "data" / "fuzz-regressions"
TOO_DEEP = "nesting deeper than 64 levels of arrays and objects"


def nested_lists(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth - 1):
        value = [value]
    return value


def test_from_dict_refuses_thirty_thousand_nested_lists_with_the_path() -> None:
    with pytest.raises(tierplan.ValidationError) as caught:
        tierplan.Scenario.from_dict({"name": "x", "sources": nested_lists(30000)})
    ((path, message),) = caught.value.issues
    assert path == "sources" + "[0]" * 63
    assert message.startswith(TOO_DEEP)


def test_from_dict_refuses_a_list_that_contains_itself() -> None:
    itself: list[Any] = []
    itself.append(itself)
    with pytest.raises(tierplan.ValidationError) as caught:
        tierplan.Scenario.from_dict({"name": "x", "sources": itself})
    ((path, message),) = caught.value.issues
    assert path == "sources" + "[0]" * 63
    assert message.startswith(TOO_DEEP)


def test_validate_refuses_thirty_thousand_nested_arrays(tmp_path: Path) -> None:
    scenario = tmp_path / "deep.json"
    scenario.write_text("[" * 30000 + "1" + "]" * 30000)
    result = subprocess.run(
        [sys.executable, "-m", "tierplan", "validate", str(scenario)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode not in (0, -11, 139), result.stderr
    assert TOO_DEEP in result.stderr + result.stdout


@pytest.mark.parametrize(
    "load",
    [
        lambda: tierplan.Scenario.from_dict({"name": "\ud800"}),
        lambda: tierplan.Scenario.from_dict({"\ud800": 1}),
        lambda: tierplan.Scenario.from_json('{"name": "\ud800"}'),
        lambda: tierplan.sweep(tierplan.Scenario.builtin(), [("\ud800", [1.0])]),
        lambda: tierplan.get_value(tierplan.Scenario.builtin(), "\ud800"),
    ],
    ids=["from_dict value", "from_dict key", "from_json", "sweep path", "get_value path"],
)
def test_a_lone_surrogate_is_a_validation_error(load: Any) -> None:
    with pytest.raises(tierplan.ValidationError) as caught:
        load()
    ((_, message),) = caught.value.issues
    assert "lone surrogate" in message


@pytest.mark.parametrize(
    "reproducer", sorted(REGRESSIONS.glob("*.json")), ids=lambda path: path.name
)
def test_each_kept_reproducer_is_a_validation_error(reproducer: Path) -> None:
    with pytest.raises(tierplan.ValidationError):
        tierplan.Scenario.from_json(reproducer.read_text(encoding="utf-8"))
