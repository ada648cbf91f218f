"""`tierplan plan` and `tierplan demo`: every format, environment choice, whole files."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import tierplan
from tierplan.cli import FORMATS, render


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tierplan", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_plan_defaults_to_the_builtin_scenario_as_a_table_of_every_environment() -> None:
    result = run("plan")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[2]
    assert header.split() == ["test", "staging", "production"]
    assert "replicas (production floor min_replicas 3" in result.stdout


def test_plan_json_of_one_environment_equals_the_library_plan(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = run("plan", "--env", "production", "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    written = json.loads(out.read_text())
    expected = tierplan.plan(tierplan.Scenario.builtin()).to_dict()
    assert [e["name"] for e in written["environments"]] == ["production"]
    assert written["environments"][0] == expected["environments"][2]


def test_plan_of_an_unknown_environment_exits_2_naming_the_known_ones() -> None:
    result = run("plan", "--env", "prod")
    assert result.returncode == 2
    assert 'no environment "prod"; the environments are: test, staging, production' in (
        result.stderr
    )


def test_an_infeasible_scenario_writes_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    document = tierplan.Scenario.builtin().to_dict()
    document["environments"][2]["policy"]["latency_target_ms"] = 1  # below every service time
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(document))
    out = tmp_path / "plan.txt"
    out.write_text("previous report\n")
    result = run("plan", str(scenario), "-o", str(out))
    assert result.returncode == 1
    assert "cannot plan: production: api: latency target 1.00 ms is not above" in result.stderr
    assert out.read_text() == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt", "scenario.json"]


def test_an_invalid_scenario_file_exits_2_with_every_error(tmp_path: Path) -> None:
    document = tierplan.Scenario.builtin().to_dict()
    document["workload"]["daily_active_users"] = -5
    document["workload"]["peak_hour_fraction"] = 0
    scenario = tmp_path / "bad.json"
    scenario.write_text(json.dumps(document))
    result = run("plan", str(scenario))
    assert result.returncode == 2
    assert "workload.daily_active_users: must be >= 0, got -5" in result.stderr
    assert "workload.peak_hour_fraction: must be > 0, got 0" in result.stderr


def test_demo_shows_test_and_production_side_by_side() -> None:
    result = run("demo")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2].split() == ["test", "production"]
    worker_nodes = next(line for line in lines if line.strip().startswith("worker nodes"))
    assert "1 x" in worker_nodes and "7 x" in worker_nodes


def test_every_subcommand_has_help() -> None:
    for command in ([], ["plan"], ["example"], ["validate"], ["demo"]):
        result = run(*command, "--help")
        assert result.returncode == 0
        assert "usage: tierplan" in result.stdout


@pytest.mark.parametrize(
    ("output_format", "env"),
    [
        ("text", "all"),
        ("md", "all"),
        ("html", "all"),
        ("json", "all"),
        ("comparison-json", "all"),
        ("md", "production"),
        ("helm", "production"),
        ("pgconf", "test"),
    ],
)
def test_every_format_is_written_whole_to_the_output_file(
    output_format: str, env: str, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    result = run("plan", "--env", env, "--format", output_format, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    scenario = tierplan.Scenario.builtin()
    chosen = [e.name for e in scenario.environments] if env == "all" else [env]
    assert out.read_text(encoding="utf-8") == render(
        tierplan.plan(scenario), scenario, output_format, chosen
    )
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_the_outputs_parse_as_what_they_claim(tmp_path: Path) -> None:
    for output_format, env in (("json", "all"), ("comparison-json", "all"), ("helm", "test")):
        out = tmp_path / output_format
        assert run("plan", "--env", env, "--format", output_format, "-o", str(out)).returncode == 0
        text = out.read_text(encoding="utf-8")
        loaded = yaml.safe_load(text) if output_format == "helm" else json.loads(text)
        assert isinstance(loaded, dict) and loaded


@pytest.mark.parametrize("output_format", ["helm", "pgconf"])
def test_helm_and_pgconf_need_exactly_one_environment(output_format: str, tmp_path: Path) -> None:
    out = tmp_path / "values.yaml"
    result = run("plan", "--format", output_format, "-o", str(out))
    assert result.returncode == 2
    assert f"--format {output_format} needs one environment: add --env NAME" in result.stderr
    assert not out.exists()


def infeasible_scenario(tmp_path: Path) -> Path:
    document = tierplan.Scenario.builtin().to_dict()
    document["environments"][0]["policy"]["latency_target_ms"] = 1  # below every service time
    path = tmp_path / "infeasible.json"
    path.write_text(json.dumps(document))
    return path


def invalid_scenario(tmp_path: Path) -> Path:
    document = tierplan.Scenario.builtin().to_dict()
    document["workload"]["daily_active_users"] = -5
    path = tmp_path / "invalid.json"
    path.write_text(json.dumps(document))
    return path


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize(
    ("make_scenario", "exit_code"), [(infeasible_scenario, 1), (invalid_scenario, 2)]
)
def test_a_failing_scenario_writes_no_file_in_any_format(
    output_format: str, make_scenario: Callable[[Path], Path], exit_code: int, tmp_path: Path
) -> None:
    scenario = make_scenario(tmp_path)
    fresh = tmp_path / "fresh.out"
    result = run(
        "plan", str(scenario), "--env", "test", "--format", output_format, "-o", str(fresh)
    )
    assert result.returncode == exit_code, result.stderr
    assert not fresh.exists()
    kept = tmp_path / "kept.out"
    kept.write_text("previous report\n")
    result = run("plan", str(scenario), "--env", "test", "--format", output_format, "-o", str(kept))
    assert result.returncode == exit_code
    assert kept.read_text() == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["kept.out", scenario.name])
