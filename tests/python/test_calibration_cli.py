"""``tierplan calibrate`` and ``tierplan.calibrate`` (issue 14): the scenario with the fitted
resource models written whole, or nothing written and every problem listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tierplan
from tierplan.calibration import read_tidy_csv
from tierplan.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "calibration"


def test_calibrate_replaces_the_fitted_resource_models_with_their_source() -> None:
    calibration = tierplan.calibrate(tierplan.Scenario.builtin(), read_tidy_csv(DATA / "tidy.csv"))
    assert calibration.calibrated == ["api", "plugin_daemon"]
    components = calibration.scenario.stack.components
    index = [c.name for c in components].index("plugin_daemon")
    resources = components[index].resources
    # tidy.csv: cpu 0.1 + 0.01 r cores, memory 300 + 1.5 r MiB.
    assert resources.baseline_cpu_m == pytest.approx(100.0, rel=1e-3)
    assert resources.cpu_m_per_rate_per_s == pytest.approx(10.0, rel=1e-3)
    assert resources.baseline_memory_mib == pytest.approx(300.0, rel=1e-3)
    source = calibration.scenario.sources[f"stack.components[{index}].resources"]
    assert source.startswith("calibrated from measurements")
    assert "tidy.csv (plugin_daemon, pd-1)" in source
    tierplan.plan(calibration.scenario)


def test_the_cli_writes_the_calibrated_scenario_and_prints_the_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "calibrated.json"
    code = main(
        [
            "calibrate",
            "dify-enterprise",
            str(DATA / "locust_stats_history.csv"),
            "--prometheus",
            f"cpu_cores={DATA / 'prometheus-cpu.json'}",
            "--prometheus",
            f"rate_per_s={DATA / 'prometheus-rate.json'}",
            "-o",
            str(out),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert "USL: alpha" in printed and "resource models calibrated: api, worker" in printed
    scenario = tierplan.Scenario.from_file(out)
    assert json.loads(out.read_text(encoding="utf-8"))["name"] == "dify-enterprise"
    assert any(k.endswith(".resources") for k in scenario.sources)


def test_bad_measurements_write_nothing_and_list_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "calibrated.json"
    code = main(
        [
            "calibrate",
            "dify-enterprise",
            "--prometheus",
            f"cpu_cores={DATA / 'prometheus-error.json'}",
            "-o",
            str(out),
        ]
    )
    assert code == 2
    assert not out.exists()
    assert "Prometheus answered with an error (bad_data)" in capsys.readouterr().err


def test_a_component_the_stack_lacks_and_an_unreachable_url_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("timestamp_s,component,cpu_cores\n1,postgres,0.5\n2,postgres,0.6\n")
    assert main(["calibrate", "dify-enterprise", str(csv)]) == 2
    assert "'postgres' is not a component of the stack" in capsys.readouterr().err
    url = "http://127.0.0.1:9/api/v1/query_range?query=up"
    assert main(["calibrate", "dify-enterprise", "--prometheus", f"cpu_cores={url}"]) == 2
    assert "cannot reach Prometheus" in capsys.readouterr().err


def test_the_cli_states_the_multiple_a_plan_warns_beyond(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "calibrated.json"
    args = ["calibrate", "dify-enterprise", str(DATA / "tidy.csv"), "-o", str(out)]
    assert main([*args, "--warn-beyond-multiple", "3"]) == 0
    capsys.readouterr()
    scenario = tierplan.Scenario.from_file(out)
    measured = [c.measured_load for c in scenario.stack.components if c.measured_load]
    assert [m.warn_beyond_multiple for m in measured] == [3.0, 3.0]  # api, plugin_daemon
    out.unlink()
    assert main([*args, "--warn-beyond-multiple", "0.5"]) == 2
    assert not out.exists()
    assert (
        "options.warn_beyond_multiple: must be within [1, 1e6], got 0.5" in capsys.readouterr().err
    )
