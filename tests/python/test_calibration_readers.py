"""The measurement readers (issue 14): Prometheus range queries, Locust's CSV history and the
tidy CSV into MeasurementSeries; every kind of bad input is an error naming the file or
series and what is wrong."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import tierplan
from tierplan.calibration import (
    ComponentMatch,
    dify_enterprise_matches,
    pod_pattern,
    query_range_url,
    read_locust,
    read_prometheus,
    read_tidy_csv,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "calibration"


def _queries(**overrides: str) -> dict[str, str | Path]:
    queries: dict[str, str | Path] = {
        "rate_per_s": DATA / "prometheus-rate.json",
        "cpu_cores": DATA / "prometheus-cpu.json",
        "memory_mib": DATA / "prometheus-memory.json",
        "latency_s": DATA / "prometheus-latency.json",
    }
    queries.update({k: DATA / v for k, v in overrides.items()})
    return queries


def _issues(error: pytest.ExceptionInfo[tierplan.ValidationError]) -> list[tuple[str, str]]:
    return error.value.issues


def test_prometheus_series_become_one_series_per_pod_with_its_metrics_joined() -> None:
    series = read_prometheus(_queries())
    assert [s.component for s in series] == ["api", "api", "worker", "worker_beat"]
    api = series[0]
    assert len(api) == 40
    assert api.source.startswith('{namespace="dify", pod="dify-api-7d9f8c6b5-x2x4z"} in ')
    assert api.timestamp_s[1] - api.timestamp_s[0] == 15
    # Memory working set arrives in bytes and is read in MiB.
    assert 500 < api.memory_mib.min() < api.memory_mib.max() < 700
    assert len(api.in_flight) == 0 and len(api.users) == 0


def test_the_prometheus_fits_recover_the_fixture_formulas_through_the_outlier() -> None:
    fits = {f.component: f for f in tierplan.fit_components(read_prometheus(_queries()))}
    api = fits["api"]
    assert api.cpu_cores is not None and api.memory_mib is not None
    assert api.cpu_cores.slope.value == pytest.approx(0.012, rel=0.05)
    assert api.cpu_cores.intercept.value == pytest.approx(0.15, abs=0.02)
    assert api.cpu_cores.outliers >= 2  # the 2.5-core spikes of both api pods
    assert api.memory_mib.slope.value == pytest.approx(3.0, rel=0.02)
    assert api.littles_law is not None
    assert api.littles_law.service_time_s.value == pytest.approx(0.08 + 0.002 * 30, rel=0.2)
    model = tierplan.calibrated_resources(tierplan.ResourceModel(), api)
    assert model.cpu_m_per_rate_per_s == pytest.approx(12.0, rel=0.05)
    assert api.rightsizing is not None and api.rightsizing.memory_request_mib > 600


def test_the_default_matches_tell_worker_from_worker_beat_and_enterprise_from_its_frontend() -> (
    None
):
    import re

    assert re.fullmatch(pod_pattern("worker"), "dify-worker-5c6d7e8f9-abcde")
    assert not re.fullmatch(pod_pattern("worker"), "dify-worker-beat-6b7c8d9e0-qwert")
    assert re.fullmatch(pod_pattern("worker_beat"), "dify-worker-beat-6b7c8d9e0-qwert")
    assert not re.fullmatch(pod_pattern("enterprise"), "dify-enterprise-frontend-5f6d7c8b9-x2x4z")
    assert re.fullmatch(pod_pattern("minio"), "dify-minio-0")
    names = [m.component for m in dify_enterprise_matches()]
    assert "plugin_daemon" in names and "enterprise_frontend" in names


def test_the_caller_overrides_the_matches() -> None:
    matches = [ComponentMatch("api", {"pod": r"dify-api-.*"})]
    series = read_prometheus(
        {"cpu_cores": DATA / "prometheus-cpu.json"}, matches=matches, unmatched="ignore"
    )
    assert [s.component for s in series] == ["api", "api"]
    with pytest.raises(tierplan.ValidationError) as error:
        read_prometheus({"cpu_cores": DATA / "prometheus-cpu.json"}, matches=matches)
    assert any("matches no component" in m for _, m in _issues(error))


def test_a_prometheus_error_answer_names_the_file_and_prometheus_error() -> None:
    with pytest.raises(tierplan.ValidationError) as error:
        read_prometheus(_queries(cpu_cores="prometheus-error.json"))
    ((path, message),) = _issues(error)
    assert path.endswith("prometheus-error.json")
    assert message.startswith("Prometheus answered with an error (bad_data): 1:6: parse error")


@pytest.mark.parametrize(
    ("fixture", "path_part", "message_part"),
    [
        ("prometheus-empty.json", "data.result", "has no series"),
        ("prometheus-nan.json", "dify-api-7d9f8c6b5-x2x4z", "must be a finite number, got 'NaN'"),
        ("prometheus-negative.json", "dify-api-7d9f8c6b5-k8s9q", "must be >= 0, got '-4'"),
        ("prometheus-out-of-order.json", "values[4][0]", "timestamps must increase"),
        ("prometheus-unmatched.json", 'pod="dify-postgresql-0"', "matches no component"),
    ],
)
def test_bad_prometheus_answers_name_the_file_and_series(
    fixture: str, path_part: str, message_part: str
) -> None:
    column = (
        "rate_per_s"
        if fixture in {"prometheus-negative.json", "prometheus-out-of-order.json"}
        else "cpu_cores"
    )
    with pytest.raises(tierplan.ValidationError) as error:
        read_prometheus(_queries(**{column: fixture}))
    issues = _issues(error)
    assert len(issues) == 1, issues
    path, message = issues[0]
    assert fixture in path and path_part in path
    assert message_part in message


def test_an_unknown_column_and_a_missing_file_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(tierplan.ValidationError, match="is not a column"):
        read_prometheus({"cpu": DATA / "prometheus-cpu.json"})
    with pytest.raises(tierplan.SourceError, match=r"missing\.json: cannot read"):
        read_prometheus({"cpu_cores": tmp_path / "missing.json"})


def test_an_unreachable_url_is_a_source_error_naming_it() -> None:
    # A port nothing listens on: the connection is refused at once, no network is needed.
    url = query_range_url("http://127.0.0.1:9", "up", 0, 60, 15)
    with pytest.raises(tierplan.SourceError, match=r"127\.0\.0\.1:9.*cannot reach Prometheus"):
        read_prometheus({"cpu_cores": url}, timeout_s=5)


@pytest.fixture
def prometheus_server() -> Iterator[str]:
    """A local HTTP server answering range queries from the fixture files: the path names the
    file (/cpu/api/v1/query_range -> prometheus-cpu.json); a bad query gets Prometheus's 400."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            metric = self.path.split("/")[1]
            if metric == "bad":
                body, status = (DATA / "prometheus-error.json").read_bytes(), 400
            else:
                body, status = (DATA / f"prometheus-{metric}.json").read_bytes(), 200
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_urls_are_fetched_and_a_400_error_answer_is_reported(prometheus_server: str) -> None:
    url = query_range_url(f"{prometheus_server}/cpu", "rate(x[5m])", 0, 600, 15)
    assert len(read_prometheus({"cpu_cores": url})) == 4
    bad = query_range_url(f"{prometheus_server}/bad", "rate(x[5m]", 0, 600, 15)
    with pytest.raises(tierplan.ValidationError, match="bad_data"):
        read_prometheus({"cpu_cores": bad})


def test_locust_history_reads_the_aggregated_rows_and_skips_the_idle_start() -> None:
    series = read_locust(DATA / "locust_stats_history.csv")
    assert series.component == "api"
    assert len(series) == 42
    assert series.users[0] == 5 and series.users[-1] == 80
    assert series.latency_s[0] == pytest.approx(0.329)
    fit = tierplan.fit_components([series])[0].usl
    assert fit is not None
    assert fit.alpha.value == pytest.approx(0.03, abs=3 * fit.alpha.standard_error)
    assert fit.beta.value == pytest.approx(0.0004, abs=3 * fit.beta.standard_error)
    assert fit.gamma.value == pytest.approx(2.1, rel=0.05)
    assert fit.load_levels == 7


def test_locust_errors_name_the_file_line_and_column(tmp_path: Path) -> None:
    text = (DATA / "locust_stats_history.csv").read_text(encoding="utf-8").splitlines()
    text[3] = text[3].replace(",Aggregated,", ",Aggregated,").replace(",5,", ",five,", 1)
    bad = tmp_path / "bad_stats_history.csv"
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(tierplan.ValidationError) as error:
        read_locust(bad)
    assert _issues(error) == [(f"{bad}:4: User Count", "must be a number, got 'five'")]
    with pytest.raises(tierplan.ValidationError, match="has no rows named 'Login'"):
        read_locust(DATA / "locust_stats_history.csv", name="Login")
    with pytest.raises(tierplan.ValidationError, match="has no column '97%'"):
        read_locust(DATA / "locust_stats_history.csv", latency_column="97%")


def test_too_few_user_levels_for_the_usl_is_an_error_naming_the_series(tmp_path: Path) -> None:
    lines = (DATA / "locust_stats_history.csv").read_text(encoding="utf-8").splitlines()
    two_levels = [lines[0]] + [line for line in lines[1:] if line.split(",")[1] in {"5", "10"}]
    path = tmp_path / "short_stats_history.csv"
    path.write_text("\n".join(two_levels) + "\n", encoding="utf-8")
    with pytest.raises(tierplan.ValidationError) as error:
        tierplan.fit_components([read_locust(path)])
    assert _issues(error)[-1][0] == "api.usl (rate_per_s by load)"
    assert "at least 3 distinct load levels, got 2" in _issues(error)[-1][1]


def test_tidy_csv_gives_one_series_per_component_and_replica() -> None:
    series = read_tidy_csv(DATA / "tidy.csv")
    assert [(s.component, len(s)) for s in series] == [
        ("api", 30),
        ("api", 30),
        ("plugin_daemon", 30),
    ]
    assert series[0].source.endswith("tidy.csv (api, api-1)")
    fits = tierplan.fit_components(series)
    assert fits[0].cpu_cores is not None
    assert fits[0].cpu_cores.slope.value == pytest.approx(0.01, rel=0.01)
    assert fits[0].littles_law is not None and fits[0].littles_law.in_flight_measured


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        ("timestamp_s,component,cpu\n1,api,0.5\n", "{file}", "unknown column 'cpu'"),
        ("timestamp_s,cpu_cores\n1,0.5\n", "{file}", "has no column 'component'"),
        ("timestamp_s,component,cpu_cores\n1,api,\n", "{file}:2: cpu_cores", "is empty"),
        ("timestamp_s,component,cpu_cores\n1,api,nan\n", "{file}:2: cpu_cores", "finite"),
        ("timestamp_s,component,cpu_cores\n", "{file}", "has no rows"),
        (
            "timestamp_s,component,cpu_cores\n2,api,0.5\n1,api,0.6\n",
            "{file} (api).timestamp_s[1]",
            "timestamps must increase",
        ),
        (
            "timestamp_s,component,rate_per_s\n1,api,-2\n",
            "{file} (api).rate_per_s[0]",
            "must be >= 0, got -2",
        ),
    ],
)
def test_bad_tidy_csv_names_the_file_line_and_column(
    tmp_path: Path, text: str, path: str, message: str
) -> None:
    file = tmp_path / "m.csv"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(tierplan.ValidationError) as error:
        read_tidy_csv(file)
    issues = _issues(error)
    assert issues[0][0] == path.format(file=file)
    assert message in issues[0][1]
