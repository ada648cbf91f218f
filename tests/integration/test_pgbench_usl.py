"""The Universal Scalability Law against a real PostgreSQL (issue 14): pgbench's throughput at
increasing client counts, the USL fitted (tierplan's C++ fit) on the lower half of the counts,
the upper half predicted within 15%.

What this 2-core machine can show, and why the workload is not pgbench's default:

- pgbench's select-only script (-S) is CPU-bound: the server's backends and pgbench share the
  two cores, and the throughput is at its ceiling from about two clients on (measured here
  with the host busy: 34,000 tps at 1 client, 36,000 at 4, 40,000 to 44,000 at 8 to 16). That
  curve is a knee, not a contention curve: the lower half already holds the ceiling, and a
  USL fitted on it pins alpha at its bound 1 (flat) and misses the upper half by 20 to 35%.
  Its figures follow the other users of the host, not PostgreSQL.
- So the workload is PostgreSQL's own contention: each transaction updates one of BRANCHES
  rows of pgbench_branches, chosen at random, and holds the row lock for HOLD_MS; between
  transactions a client thinks for THINK_MS (pgbench's \\sleep). Clients that pick a locked row
  queue behind it, more often the more clients there are: the USL's contention. The machine's
  CPU stays far from its ceiling (well under 1,000 small transactions per second), so the
  figures are PostgreSQL's locking, not the host's load.
- The upper half goes to twice the highest count fitted (8 to 16 clients), the multiple
  beyond which tierplan warns that a calibrated model is extrapolated (FitOptions). Measured
  further out (24, 32 and 48 clients), the fit on 1 to 8 clients under-predicts by 11%, 17%
  and 25%: the rows' locks saturate at BRANCHES / HOLD_MS, a ceiling the USL's retrograde
  term does not have, and the lower half does not show it yet.

The counts are run in ROUNDS interleaved rounds, so that the host's other load falls on every
count alike; a count's throughput is the median of its rounds, and the USL is fitted on the
lower half's medians.
"""

from __future__ import annotations

import re
import statistics
import subprocess
from pathlib import Path

import numpy as np
import pytest
import servers

import tierplan

TOLERANCE = 0.15
LOWER_CLIENTS = (1, 2, 3, 4, 6, 8)
UPPER_CLIENTS = (10, 12, 14, 16)
ROUNDS = 3
RUN_S = 2
BRANCHES = 4  # pgbench -i -s BRANCHES: one pgbench_branches row per scale unit
THINK_MS = 20
HOLD_MS = 5
SCRIPT = f"""\\set bid random(1, {BRANCHES})
\\sleep {THINK_MS} ms
BEGIN;
UPDATE pgbench_branches SET bbalance = bbalance + 1 WHERE bid = :bid;
\\sleep {HOLD_MS} ms
END;
"""


def pgbench(info: servers.PostgresInfo, *args: str, timeout: float = 120.0) -> str:
    binary = servers.postgres_bindir() / "pgbench"
    if not binary.is_file():
        pytest.fail(f"pgbench not found at {binary}: {servers.INSTALL_HINT}", pytrace=False)
    command = [str(binary), "-h", info.host, "-p", str(info.port), "-U", info.user, *args]
    done = subprocess.run(
        [*command, info.dbname], capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{' '.join(command)}: {done.stderr}"
    return done.stdout


def throughput(info: servers.PostgresInfo, script: Path, clients: int) -> float:
    """Transactions per second at `clients` connections, from pgbench's report. One pgbench
    thread (-j 1) drives every connection at every count."""
    out = pgbench(info, "-n", "-f", str(script), "-j", "1", "-c", str(clients), "-T", str(RUN_S))
    found = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out)
    assert found, out
    return float(found.group(1))


def test_usl_fitted_on_the_lower_half_predicts_the_upper_half(
    postgres_server: servers.PostgresInfo, tmp_path: Path
) -> None:
    pgbench(postgres_server, "-i", "-q", "-s", str(BRANCHES))
    script = tmp_path / "hot_rows.sql"
    script.write_text(SCRIPT)
    clients = LOWER_CLIENTS + UPPER_CLIENTS
    runs: dict[int, list[float]] = {n: [] for n in clients}
    for _ in range(ROUNDS):
        for n in clients:
            runs[n].append(throughput(postgres_server, script, n))
    median = {n: statistics.median(runs[n]) for n in clients}
    # Fitted on the counts' medians, as they are compared: a round the host stalled (one run
    # at 2 clients gave 68 tps against 77 in the other two) would bend the fit otherwise.
    fit = tierplan.fit_usl(
        np.array(LOWER_CLIENTS, dtype=float),
        np.array([median[n] for n in LOWER_CLIENTS]),
        "pgbench hot rows (lower half, medians)",
    )
    rows = [
        f"{n:>3} clients: {median[n]:7.1f} tps (rounds {', '.join(f'{x:.1f}' for x in runs[n])}),"
        f" USL {fit.throughput(n):7.1f} ({(fit.throughput(n) - median[n]) / median[n]:+.1%})"
        for n in clients
    ]
    report = (
        f"{postgres_server.version}; USL on {LOWER_CLIENTS}: alpha {fit.alpha.value:.4g}, "
        f"beta {fit.beta.value:.4g}, gamma {fit.gamma.value:.5g}\n" + "\n".join(rows)
    )
    print(report)
    # Contention is there to be seen: the throughput grows less than the clients do.
    assert median[16] < 0.9 * 16 * median[1], report
    for n in UPPER_CLIENTS:
        assert abs(fit.throughput(n) - median[n]) <= TOLERANCE * median[n], report
