"""Throwaway PostgreSQL and Redis servers for the integration tests and measurements.

Each server runs on 127.0.0.1 on a free port, with all its files in a fresh temporary
directory, and is stopped (and the directory removed) when its context manager exits,
whatever happened inside. Both are plain context managers so that the pytest fixtures
(conftest.py) and the measurement scripts (measure_*.py) start servers the same way.

PostgreSQL refuses to run as root. When this process is root (CI, containers), initdb,
pg_ctl and postgres run as the `postgres` system user that Debian's postgresql package
creates, and the temporary directory is handed to that user.

A missing binary raises ServerUnavailable with what to install: a missing server is a
broken install, not a reason to skip.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 60.0
# A free port found by binding port 0 can be taken by someone else before the server
# binds it: start again on another port this many times.
START_ATTEMPTS = 3

INSTALL_HINT = (
    "install the Debian packages with `make deps` (APT_PACKAGES has postgresql redis-server)"
)


class ServerUnavailable(RuntimeError):
    """A server binary or the user to run it as is missing: the install is broken."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


# --------------------------------------------------------------------------- PostgreSQL


def postgres_bindir() -> Path:
    """Directory of initdb/pg_ctl/postgres: the newest /usr/lib/postgresql/N/bin.

    TIERPLAN_PG_BINDIR overrides the search (a non-Debian install)."""
    override = os.environ.get("TIERPLAN_PG_BINDIR")
    candidates = [Path(override)] if override else []
    if not override:
        found = glob.glob("/usr/lib/postgresql/*/bin")

        def version(p: str) -> tuple[int, ...]:
            name = Path(p).parent.name
            return tuple(int(x) for x in name.split(".") if x.isdigit())

        candidates = [Path(p) for p in sorted(found, key=version, reverse=True)]
    for d in candidates:
        if all((d / b).is_file() and os.access(d / b, os.X_OK) for b in ("initdb", "pg_ctl")):
            return d
    where = override or "/usr/lib/postgresql/*/bin"
    raise ServerUnavailable(
        f"PostgreSQL server binaries (initdb, pg_ctl) not found in {where}: {INSTALL_HINT}"
    )


@dataclass(frozen=True)
class PostgresInfo:
    host: str
    port: int
    user: str
    dbname: str
    datadir: Path
    version: str

    @property
    def conninfo(self) -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={self.dbname}"


# Settings that make loading fast and the sizes deterministic; none of them changes how
# a row, an index or a TOASTed value is laid out on disk.
POSTGRES_SETTINGS: dict[str, str] = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "max_wal_size": "4GB",
    "checkpoint_timeout": "30min",
    "autovacuum": "off",
    "shared_buffers": "256MB",
    "maintenance_work_mem": "256MB",
    # Dify's databases use the default, pglz; pinned so a server built with another
    # default cannot change the measured compression.
    "default_toast_compression": "pglz",
    "log_min_messages": "warning",
    "logging_collector": "off",
}


class _RunAs:
    """How to run the server programs: as ourselves, or as `postgres` when we are root."""

    def __init__(self) -> None:
        self.as_root = os.geteuid() == 0
        self.user: pwd.struct_passwd | None = None
        if self.as_root:
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                raise ServerUnavailable(
                    "running as root, and PostgreSQL refuses to run as root, but there is no "
                    f"`postgres` system user to run it as: {INSTALL_HINT}"
                ) from None

    def chown(self, path: Path) -> None:
        if self.user is not None:
            os.chown(path, self.user.pw_uid, self.user.pw_gid)

    def run(self, args: Sequence[str], log: Path, timeout: float) -> None:
        kwargs: dict[str, object] = {}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"}
        if self.user is not None:
            env["HOME"] = self.user.pw_dir
        with open(log, "ab") as out:
            proc = subprocess.run(
                list(args),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                timeout=timeout,
                cwd="/",
                check=False,
                **kwargs,  # type: ignore[arg-type]
            )
        if proc.returncode != 0:
            raise RuntimeError(
                f"{' '.join(args[:2])} failed with exit code {proc.returncode}; "
                f"log {log}:\n{_tail(log)}"
            )


def _postmaster_pid(datadir: Path) -> int | None:
    try:
        return int((datadir / "postmaster.pid").read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def postgres_server(keep_dir: bool = False) -> Iterator[PostgresInfo]:
    """initdb into a temporary directory, start on 127.0.0.1:<free port>, yield, stop."""
    bindir = postgres_bindir()
    runas = _RunAs()
    tmp = Path(tempfile.mkdtemp(prefix="tierplan-pg-"))
    datadir, sockdir, log = tmp / "data", tmp / "sock", tmp / "postgres.log"
    started = False
    try:
        runas.chown(tmp)
        sockdir.mkdir(mode=0o700)
        runas.chown(sockdir)
        log.touch()
        runas.chown(log)
        runas.run(
            [
                str(bindir / "initdb"),
                "-D",
                str(datadir),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ],
            log,
            timeout=START_TIMEOUT_S,
        )
        settings = dict(
            POSTGRES_SETTINGS, listen_addresses="127.0.0.1", unix_socket_directories=str(sockdir)
        )
        last_error: Exception | None = None
        for _ in range(START_ATTEMPTS):
            port = free_port()
            opts = " ".join(f"-c {k}={v}" for k, v in settings.items()) + f" -p {port}"
            try:
                runas.run(
                    [
                        str(bindir / "pg_ctl"),
                        "-D",
                        str(datadir),
                        "-l",
                        str(log),
                        "-o",
                        opts,
                        "-w",
                        "-t",
                        str(int(START_TIMEOUT_S)),
                        "start",
                    ],
                    log,
                    timeout=START_TIMEOUT_S + 10,
                )
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                last_error = e
                _stop_postgres(bindir, runas, datadir, log)
                continue
            started = True
            break
        if not started:
            raise RuntimeError(f"PostgreSQL did not start: {last_error}")
        version = subprocess.run(
            [str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        yield PostgresInfo("127.0.0.1", port, "postgres", "postgres", datadir, version)
    finally:
        if started or datadir.exists():
            _stop_postgres(bindir, runas, datadir, log)
        if not keep_dir:
            shutil.rmtree(tmp, ignore_errors=True)


def _stop_postgres(bindir: Path, runas: _RunAs, datadir: Path, log: Path) -> None:
    """pg_ctl stop -m fast; if that fails or hangs, SIGKILL the postmaster we started."""
    pid = _postmaster_pid(datadir)
    if pid is None:
        return
    try:
        runas.run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(datadir),
                "-m",
                "fast",
                "-w",
                "-t",
                str(int(STOP_TIMEOUT_S)),
                "stop",
            ],
            log,
            timeout=STOP_TIMEOUT_S + 10,
        )
    except (RuntimeError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


# --------------------------------------------------------------------------- Redis


@dataclass(frozen=True)
class RedisInfo:
    host: str
    port: int
    version: str


def redis_server_binary() -> str:
    path = os.environ.get("TIERPLAN_REDIS_SERVER") or shutil.which("redis-server")
    if not path or not os.access(path, os.X_OK):
        raise ServerUnavailable(f"redis-server not found on PATH: {INSTALL_HINT}")
    return path


@contextlib.contextmanager
def redis_server() -> Iterator[RedisInfo]:
    """redis-server on 127.0.0.1:<free port>, no persistence, files in a temp dir."""
    import redis  # a test dependency (pyproject [test]); imported here so a bare import works

    binary = redis_server_binary()
    tmp = Path(tempfile.mkdtemp(prefix="tierplan-redis-"))
    log = tmp / "redis.log"
    proc: subprocess.Popen[bytes] | None = None
    try:
        last_error = ""
        for _ in range(START_ATTEMPTS):
            port = free_port()
            args = [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(tmp),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--logfile",
                str(log),
            ]
            proc = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, cwd=tmp
            )
            deadline = time.monotonic() + START_TIMEOUT_S
            ready = False
            while time.monotonic() < deadline and proc.poll() is None:
                client = redis.Redis(
                    host="127.0.0.1", port=port, socket_timeout=2, socket_connect_timeout=1
                )
                try:
                    ready = bool(client.ping())
                except redis.exceptions.RedisError:
                    time.sleep(0.02)
                finally:
                    client.close()
                if ready:
                    break
            if ready:
                break
            last_error = _tail(log)
            _stop_redis(proc, port)
            proc = None
        if proc is None:
            raise RuntimeError(f"redis-server did not start; log:\n{last_error}")
        client = redis.Redis(host="127.0.0.1", port=port)
        try:
            version = str(client.info("server")["redis_version"])
        finally:
            client.close()
        yield RedisInfo("127.0.0.1", port, version)
    finally:
        if proc is not None:
            _stop_redis(proc, port)
        shutil.rmtree(tmp, ignore_errors=True)


def _stop_redis(proc: subprocess.Popen[bytes], port: int) -> None:
    """SHUTDOWN NOSAVE, then wait; SIGKILL the process we started if it hangs."""
    import redis

    if proc.poll() is None:
        client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=5)
        try:
            client.shutdown(nosave=True)
        except redis.exceptions.RedisError:
            pass
        finally:
            client.close()
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=STOP_TIMEOUT_S)
    else:
        proc.wait()


# --------------------------------------------------------------------------- live calibration

HERE = Path(__file__).resolve().parent
PROMETHEUS_HINT = "install the Debian package prometheus with `make deps` (APT_PACKAGES)"


def _wait_http(url: str, proc: subprocess.Popen[bytes], what: str, log: Path | None) -> None:
    """Until url answers 200, or fail with the process's log when it exits or times out."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    tail = _tail(log) if log is not None else "(no log)"
    raise RuntimeError(f"{what} did not answer {url}; log:\n{tail}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process we started, SIGKILL it if it does not exit."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=STOP_TIMEOUT_S)


@dataclass(frozen=True)
class ServiceInfo:
    host: str
    port: int
    pid: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@contextlib.contextmanager
def cpu_service(work_rounds: int) -> Iterator[ServiceInfo]:
    """cpu_service.py on 127.0.0.1:<free port>, in its own process (its CPU is its own)."""
    import sys

    last_error: Exception | None = None
    for _ in range(START_ATTEMPTS):
        port = free_port()
        args = [sys.executable, str(HERE / "cpu_service.py"), str(port), str(work_rounds)]
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        try:
            _wait_http(f"http://127.0.0.1:{port}/metrics", proc, "cpu_service.py", None)
        except RuntimeError as e:
            last_error = e
            _stop(proc)
            continue
        try:
            yield ServiceInfo("127.0.0.1", port, proc.pid)
        finally:
            _stop(proc)
        return
    raise RuntimeError(f"cpu_service.py did not start: {last_error}")


@dataclass(frozen=True)
class PrometheusInfo:
    url: str
    job: str
    version: str


PROMETHEUS_CONFIG = """\
global:
  scrape_interval: {interval}
  evaluation_interval: {interval}
scrape_configs:
  - job_name: {job}
    static_configs:
      - targets: ['{target}']
"""


def prometheus_binary() -> str:
    path = os.environ.get("TIERPLAN_PROMETHEUS") or shutil.which("prometheus")
    if path is None and os.access("/usr/bin/prometheus", os.X_OK):
        path = "/usr/bin/prometheus"
    if not path or not os.access(path, os.X_OK):
        raise ServerUnavailable(f"prometheus not found on PATH: {PROMETHEUS_HINT}")
    return path


@contextlib.contextmanager
def prometheus_server(
    target: str, job: str = "tierplan-live", scrape_interval: str = "1s"
) -> Iterator[PrometheusInfo]:
    """A Prometheus server on 127.0.0.1:<free port> scraping target (host:port), its TSDB in
    a temporary directory; yields once the target has been scraped up."""
    binary = prometheus_binary()
    tmp = Path(tempfile.mkdtemp(prefix="tierplan-prometheus-"))
    log = tmp / "prometheus.log"
    config = tmp / "prometheus.yml"
    config.write_text(PROMETHEUS_CONFIG.format(interval=scrape_interval, job=job, target=target))
    proc: subprocess.Popen[bytes] | None = None
    try:
        for _ in range(START_ATTEMPTS):
            port = free_port()
            args = [
                binary,
                f"--config.file={config}",
                f"--storage.tsdb.path={tmp / 'data'}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            ]
            with open(log, "ab") as out:
                proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
            try:
                _wait_http(f"http://127.0.0.1:{port}/-/ready", proc, "prometheus", log)
                break
            except RuntimeError:
                _stop(proc)
                proc = None
        if proc is None:
            raise RuntimeError(f"prometheus did not start; log:\n{_tail(log)}")
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, job, proc, log)
        version = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, check=False
        ).stdout.splitlines()
        yield PrometheusInfo(url, job, version[0] if version else "")
    finally:
        if proc is not None:
            _stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


def _wait_until_up(url: str, job: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    """Until Prometheus has scraped the job's target successfully (up == 1)."""
    import json
    import urllib.parse
    import urllib.request

    query = urllib.parse.urlencode({"query": f'up{{job="{job}"}}'})
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and proc.poll() is None:
        with urllib.request.urlopen(f"{url}/api/v1/query?{query}", timeout=5) as response:
            result = json.load(response)["data"]["result"]
        if result and result[0]["value"][1] == "1":
            return
        time.sleep(0.25)
    raise RuntimeError(f"prometheus never scraped {job} up; log:\n{_tail(log)}")


def locust_binary() -> str:
    import sys

    path = Path(sys.executable).parent / "locust"
    found = str(path) if path.is_file() else shutil.which("locust")
    if not found:
        raise ServerUnavailable("locust not found: it is a test dependency (pyproject [test])")
    return found


def run_locust(host: str, rate_per_s: float, users: int, run_time_s: int, csv_prefix: Path) -> None:
    """Locust headless against host at rate_per_s in total (live_locustfile.py), for
    run_time_s seconds; its --csv files at csv_prefix."""
    env = dict(
        os.environ,
        TIERPLAN_LIVE_RATE_PER_S=repr(rate_per_s),
        TIERPLAN_LIVE_USERS=str(users),
    )
    args = [
        locust_binary(),
        "-f",
        str(HERE / "live_locustfile.py"),
        "--headless",
        "--host",
        host,
        "-u",
        str(users),
        "-r",
        str(users),
        "--run-time",
        f"{run_time_s}s",
        "--csv",
        str(csv_prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "2",
    ]
    log = csv_prefix.with_suffix(".log")
    with open(log, "wb") as out:
        proc = subprocess.run(
            args,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            timeout=run_time_s + 60,
            check=False,
        )
    # Locust exits 1 when a request failed: the service must answer every one.
    if proc.returncode != 0:
        raise RuntimeError(f"locust exited with {proc.returncode}; log:\n{_tail(log)}")
