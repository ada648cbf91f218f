"""What a calibration gives beyond the scenario (issue 14, items 3 to 5): the load it was
measured at and the plan's warning beyond it, the fits' uncertainty as uncertain fields, the
calibration section of the reports, and the figures of the fits."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import tierplan
from tierplan.calibration import read_locust, read_tidy_csv
from tierplan.cli import render
from tierplan.study import plots

DATA = Path(__file__).resolve().parents[1] / "data" / "calibration"


@pytest.fixture(scope="module")
def series() -> list[tierplan.MeasurementSeries]:
    return [*read_tidy_csv(DATA / "tidy.csv"), read_locust(DATA / "locust_stats_history.csv")]


@pytest.fixture(scope="module")
def calibration(series: list[tierplan.MeasurementSeries]) -> tierplan.Calibration:
    return tierplan.calibrate(tierplan.Scenario.builtin(), series, warn_beyond_multiple=3.0)


def _component(scenario: tierplan.Scenario, name: str) -> tierplan.Component:
    return next(c for c in scenario.stack.components if c.name == name)


def test_calibrated_components_carry_the_highest_rate_measured(
    calibration: tierplan.Calibration,
) -> None:
    fit = next(c for c in calibration.components if c.component == "api").cpu_cores
    assert fit is not None
    api = _component(calibration.scenario, "api")
    assert api.measured_load == tierplan.MeasuredLoad(fit.x_max, 3.0)
    assert _component(tierplan.Scenario.builtin(), "api").measured_load is None
    # Through the scenario's JSON and its schema's reader.
    again = tierplan.Scenario.from_json(calibration.scenario.to_json())
    assert _component(again, "api").measured_load == api.measured_load


def test_a_multiple_below_one_is_refused(series: list[tierplan.MeasurementSeries]) -> None:
    with pytest.raises(tierplan.ValidationError, match="warn_beyond_multiple"):
        tierplan.calibrate(tierplan.Scenario.builtin(), series, warn_beyond_multiple=0.5)


def test_the_plan_warns_beyond_the_multiple_of_the_measured_rate(
    calibration: tierplan.Calibration,
) -> None:
    scenario = calibration.scenario
    data = json.loads(scenario.to_json())
    for component in data["stack"]["components"]:
        if "measured_load" in component:
            component["measured_load"]["max_rate_per_s"] = 1e-3
    trickle = tierplan.Scenario.from_json(json.dumps(data))
    warnings = [w for e in tierplan.plan(trickle).environments for w in e.warnings]
    assert any(w.startswith("api is sized for") and "extrapolated" in w for w in warnings)
    builtin = tierplan.plan(tierplan.Scenario.builtin())
    assert not any("extrapolated" in w for e in builtin.environments for w in e.warnings)


def test_the_fits_uncertainty_reaches_the_plans_percentiles(
    calibration: tierplan.Calibration,
) -> None:
    fields = tierplan.calibration_uncertainty(calibration)
    paths = [f.path for f in fields]
    api = [c.name for c in calibration.scenario.stack.components].index("api")
    assert f"stack.components[{api}].resources.cpu_m_per_rate_per_s" in paths
    assert all(f.conditioned_on_range for f in fields)
    result = tierplan.uncertainty(calibration.scenario, fields, samples=100, seed=3)
    assert result.feasible_samples == 100
    # Each field drawn with its fit's standard error (tidy.csv follows exact formulas: most
    # are tiny, the memory of plugin_daemon is not).
    drawn = result.samples.values[:, : len(fields)].std(axis=0)
    sd = np.array([f.distribution.standard_deviation() for f in fields])
    means = np.array([f.distribution.mean() for f in fields])
    visible = sd > 1e-9 * np.abs(means)
    assert visible.any()
    np.testing.assert_allclose(drawn[visible], sd[visible], rtol=0.3)


def test_a_report_of_a_calibrated_scenario_has_a_calibration_section(
    calibration: tierplan.Calibration,
) -> None:
    scenario = calibration.scenario
    result = tierplan.plan(scenario)
    names = [e.name for e in result.environments]
    markdown = render(result, scenario, "md", names)
    section = markdown[markdown.index("## Calibration from measurements") :]
    assert "| api | measured to" in section
    assert "warns beyond 3x" in section
    assert "calibrated from measurements (robust fit per replica)" in section
    html = render(result, scenario, "html", names[:1])
    assert "Calibration from measurements" in html
    plain = tierplan.Scenario.builtin()
    assert "Calibration from measurements" not in render(tierplan.plan(plain), plain, "md", names)


def test_measured_against_fitted_draws_the_fit_and_the_residuals(
    calibration: tierplan.Calibration, series: list[tierplan.MeasurementSeries]
) -> None:
    fit = next(c for c in calibration.components if c.component == "api").cpu_cores
    assert fit is not None
    figure = plots.measured_against_fitted(calibration, series, "api")
    axes, residual_axes = figure.axes
    line = axes.lines[0]
    np.testing.assert_allclose(line.get_ydata(), fit.at(line.get_xdata()))
    api = [s for s in series if s.component == "api" and len(s.cpu_cores)]
    drawn = np.concatenate([c.get_offsets()[:, 1] for c in residual_axes.collections])
    expected = np.concatenate([s.cpu_cores - fit.at(s.rate_per_s) for s in api])
    np.testing.assert_allclose(drawn, expected)
    plt.close(figure)
    with pytest.raises(ValueError, match="'postgres' was not calibrated"):
        plots.measured_against_fitted(calibration, series, "postgres")


def test_the_usl_band_holds_the_curve(
    calibration: tierplan.Calibration, series: list[tierplan.MeasurementSeries]
) -> None:
    usl = next(c for c in calibration.components if c.component == "api").usl
    assert usl is not None
    test = series[-1]
    figure = plots.usl_curve(usl, test.users, test.rate_per_s)
    axes = figure.axes[0]
    curve = axes.lines[0]
    loads = curve.get_xdata()
    assert loads[-1] == pytest.approx(2.0 * usl.load_max)
    assert (usl.throughput_low(loads) <= curve.get_ydata() + 1e-9).all()
    assert (usl.throughput_high(loads) >= curve.get_ydata() - 1e-9).all()
    plt.close(figure)


def test_the_source_names_the_time_window_of_the_samples(
    calibration: tierplan.Calibration, series: list[tierplan.MeasurementSeries]
) -> None:
    api = next(c for c in calibration.components if c.component == "api")
    mine = [s for s in series if s.component == "api"]
    assert api.first_timestamp_s == min(s.timestamp_s[0] for s in mine)
    assert api.last_timestamp_s == max(s.timestamp_s[-1] for s in mine)
    index = [c.name for c in calibration.scenario.stack.components].index("api")
    source = calibration.scenario.sources[f"stack.components[{index}].resources"]
    assert f"window {api.first_timestamp_s:.0f} to {api.last_timestamp_s:.0f} (Unix s" in source
