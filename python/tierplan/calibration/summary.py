"""The fits of a calibration as text, for the command line: presentation only."""

from __future__ import annotations

from tierplan._core import Calibration, ComponentCalibration, Estimate, LinearFit


def _estimate(e: Estimate) -> str:
    return f"{e.value:.4g} (95% CI {e.ci_low:.4g} to {e.ci_high:.4g})"


def _line(name: str, unit: str, fit: LinearFit) -> str:
    return (
        f"  {name}: {_estimate(fit.intercept)} + {_estimate(fit.slope)} x rate_per_s {unit}; "
        f"R^2 {fit.r_squared:.3f}, {fit.points} samples ({fit.outliers} outliers) at "
        f"{fit.x_min:.3g} to {fit.x_max:.3g} requests/s"
    )


def component_text(c: ComponentCalibration) -> list[str]:
    lines = [
        f"{c.component}: {len(c.sources)} series, {c.samples} samples from "
        f"{c.first_timestamp_s:.0f} to {c.last_timestamp_s:.0f} (Unix s)"
    ]
    if c.cpu_cores is not None:
        lines.append(_line("cpu_cores", "cores", c.cpu_cores))
    if c.memory_mib is not None:
        lines.append(_line("memory_mib", "MiB", c.memory_mib))
    if c.littles_law is not None:
        law = c.littles_law
        source = "in_flight" if law.in_flight_measured else "rate x latency"
        lines.append(
            f"  Little's law: time in replica {_estimate(law.service_time_s)} s; concurrency "
            f"({source}) mean {law.concurrency_mean:.3g}, p95 {law.concurrency_p95:.3g}, "
            f"max {law.concurrency_max:.3g}"
        )
    if c.usl is not None:
        u = c.usl
        peak = f"peak {u.peak_load:.4g} at {u.peak_throughput:.4g}/s" if u.peak_load else "no peak"
        limit = f"Amdahl limit {u.amdahl_limit:.4g}/s" if u.amdahl_limit else "no Amdahl limit"
        lines.append(
            f"  USL: alpha {_estimate(u.alpha)}, beta {_estimate(u.beta)}, gamma "
            f"{_estimate(u.gamma)}; {peak}; {limit}; R^2 {u.r_squared:.3f}, {u.load_levels} "
            f"load levels"
        )
    if c.rightsizing is not None:
        r = c.rightsizing
        lines.append(
            f"  percentile rightsizing (CPU p95, memory max + 15%): {r.cpu_request_m:.0f} m, "
            f"{r.memory_request_mib:.0f} MiB"
        )
    return lines


def calibration_text(calibration: Calibration) -> str:
    """Every component's fits, then which resource models the scenario now has."""
    lines: list[str] = []
    for c in calibration.components:
        lines.extend(component_text(c))
    changed = ", ".join(calibration.calibrated) or "none"
    lines.append(f"resource models calibrated: {changed}")
    return "\n".join(lines) + "\n"
