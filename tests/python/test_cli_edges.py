"""What a new user hit at the CLI's edges (issue 15): no traceback for a wrong name, a missing
directory or an unreadable file; -o keeps a file's mode; the file name once per error line;
--env plans only what it names, repeated for several; an unknown environment's nearest name."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import tierplan


def run(*args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [sys.executable, "-m", "tierplan", *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=set_umask,
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert ".tmp" not in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["example", "demo"])
def test_an_unknown_builtin_name_is_refused_naming_the_known_ones(command: str) -> None:
    result = run(command, "--name", "foo")
    assert result.returncode == 2
    assert_no_traceback(result)
    assert "invalid choice: 'foo'" in result.stderr
    assert "dify-enterprise" in result.stderr


def test_an_output_in_a_missing_directory_names_it_not_the_temporary_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing" / "x.txt"
    result = run("plan", "--env", "test", "-o", str(missing))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert f"cannot write {missing}: no directory {missing.parent}" in result.stderr
    assert result.stderr.count(str(missing)) == 1, result.stderr
    assert not missing.parent.exists()


def test_an_output_that_is_a_directory_is_refused(tmp_path: Path) -> None:
    result = run("plan", "--env", "test", "-o", str(tmp_path))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert "it is a directory" in result.stderr


@pytest.mark.parametrize("kind", ["missing", "directory", "not utf-8"])
def test_an_unreadable_scenario_file_says_why(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "scenario.json"
    if kind == "directory":
        path.mkdir()
    elif kind == "not utf-8":
        path.write_bytes(b'{"name": "\xff"}')
    result = run("plan", str(path))
    assert result.returncode == 2, result.stderr
    assert_no_traceback(result)
    assert str(path) in result.stderr


def test_a_new_output_file_gets_the_umask_mode(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    assert run("plan", "--env", "test", "-o", str(out), umask=0o022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    other = tmp_path / "private.txt"
    assert run("plan", "--env", "test", "-o", str(other), umask=0o077).returncode == 0
    assert stat.S_IMODE(other.stat().st_mode) == 0o600


def test_an_existing_output_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    out.write_text("old\n")
    out.chmod(0o640)
    assert run("plan", "--env", "test", "-o", str(out), umask=0o022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.read_text() != "old\n"


def test_each_error_line_names_the_file_once(tmp_path: Path) -> None:
    document = tierplan.Scenario.builtin().to_dict()
    document["workload"]["daily_active_users"] = -5
    document["workload"]["peak_hour_fraction"] = 0
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    for command in (["plan"], ["validate"]):
        result = run(*command, str(path))
        assert result.returncode == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 2, result.stderr
        assert all(line.count(str(path)) == 1 for line in lines), result.stderr


def test_a_repeated_env_plans_and_shows_each_of_them() -> None:
    result = run("plan", "--env", "test", "--env", "production")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[2]
    assert header.split() == ["test", "production"]


def test_env_plans_only_the_environment_asked_for(tmp_path: Path) -> None:
    document = tierplan.Scenario.builtin().to_dict()
    document["environments"][1]["policy"]["latency_target_ms"] = 1  # staging cannot be planned
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(document))
    assert run("plan", str(path)).returncode == 1
    result = run("plan", str(path), "--env", "production")
    assert result.returncode == 0, result.stderr
    assert "staging" not in result.stderr


def test_an_unknown_env_names_the_nearest() -> None:
    result = run("plan", "--env", "prod")
    assert result.returncode == 2
    assert 'no environment "prod"; the environments are: test, staging, production' in (
        result.stderr
    )
    assert 'did you mean "production"?' in result.stderr


def test_plan_environment_of_an_unknown_name_lists_the_environments_and_the_nearest() -> None:
    plan = tierplan.plan(tierplan.Scenario.builtin())
    with pytest.raises(KeyError, match='did you mean "production"'):
        plan.environment("prod")
    only = tierplan.plan(tierplan.Scenario.builtin(), ["production"])
    assert [e.name for e in only.environments] == ["production"]
    with pytest.raises(ValueError, match='no environment "prd"'):
        tierplan.plan(tierplan.Scenario.builtin(), ["prd"])


def test_compare_into_a_missing_directory_fails(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    assert (
        run("plan", "--env", "production", "--format", "json", "-o", str(plan_file)).returncode == 0
    )
    missing = tmp_path / "missing" / "compare.txt"
    result = run(
        "compare", str(plan_file), str(plan_file), "--name", "a", "--name", "b", "-o", str(missing)
    )
    assert result.returncode == 2, result.stderr
    assert_no_traceback(result)
    assert "no directory" in result.stderr


@pytest.mark.parametrize(
    ("envs", "code"),
    [(["test", "all"], 0), (["all", "all"], 0), (["test", "production"], 2), (["test", "test"], 0)],
)
def test_compare_takes_one_environment_whatever_the_repeats(envs: list[str], code: int) -> None:
    arguments = ["plan", "--compare", "modes"]
    for env in envs:
        arguments += ["--env", env]
    result = run(*arguments)
    assert result.returncode == code, result.stderr
    assert_no_traceback(result)
    if code == 2:
        assert "give one --env" in result.stderr


def test_the_plan_json_has_no_binary_noise() -> None:
    # 0.9 * 100 was 90.00000000000001 and reserved CPU 69.99999999999999 (issue 15).
    scenario = tierplan.Scenario.builtin()
    for environment in scenario.environments:
        environment.policy.max_server_utilization = 0.9
    text = tierplan.plan(scenario).to_json()
    assert "9999999999" not in text and "0000000000" not in text
    document = json.loads(text)
    component = document["environments"][2]["components"][0]
    assert component["autoscaling"]["target_cpu_utilization_percent"] == 90
