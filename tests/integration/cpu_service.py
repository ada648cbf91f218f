"""A small HTTP service for the live calibration test: a fixed amount of CPU work per request,
and its own Prometheus metrics.

    python cpu_service.py PORT WORK_ROUNDS

GET /work hashes a 1 KiB buffer WORK_ROUNDS times (SHA-256: the same CPU work on every
request) and answers 200. GET /metrics answers in the Prometheus text exposition format
(version 0.0.4, prometheus.io/docs/instrumenting/exposition_formats):

- process_cpu_seconds_total: user plus system CPU time of this process, from os.times(),
  as the official Python client (prometheus_client's ProcessCollector) reports it;
- tierplan_live_requests_total: requests to /work answered;
- tierplan_live_request_duration_seconds: a histogram of their time in the handler.

Written for the test with the standard library only: what Prometheus scrapes is what the
service says about itself, as a real service would.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Bucket bounds in seconds: prometheus_client's default histogram buckets.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)
PAYLOAD = bytes(range(256)) * 4


class Metrics:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0
        self.duration_sum_s = 0.0
        self.bucket_counts = [0] * len(BUCKETS)

    def observe(self, duration_s: float) -> None:
        with self.lock:
            self.requests += 1
            self.duration_sum_s += duration_s
            for i, bound in enumerate(BUCKETS):
                if duration_s <= bound:
                    self.bucket_counts[i] += 1

    def exposition(self) -> str:
        times = os.times()
        with self.lock:
            requests, total_s, counts = self.requests, self.duration_sum_s, list(self.bucket_counts)
        name = "tierplan_live_request_duration_seconds"
        lines = [
            "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.",
            "# TYPE process_cpu_seconds_total counter",
            f"process_cpu_seconds_total {times.user + times.system!r}",
            "# HELP tierplan_live_requests_total Requests to /work answered.",
            "# TYPE tierplan_live_requests_total counter",
            f"tierplan_live_requests_total {requests}",
            f"# HELP {name} Time in the /work handler.",
            f"# TYPE {name} histogram",
        ]
        lines += [f'{name}_bucket{{le="{b!r}"}} {c}' for b, c in zip(BUCKETS, counts, strict=True)]
        lines += [
            f'{name}_bucket{{le="+Inf"}} {requests}',
            f"{name}_sum {total_s!r}",
            f"{name}_count {requests}",
        ]
        return "\n".join(lines) + "\n"


def work(rounds: int) -> str:
    digest = PAYLOAD
    for _ in range(rounds):
        digest = hashlib.sha256(digest + PAYLOAD).digest()
    return digest.hex()


def handler(metrics: Metrics, rounds: int) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # the http.server API's name
            if self.path == "/work":
                start = time.perf_counter()
                body = work(rounds).encode()
                metrics.observe(time.perf_counter() - start)
                self.answer(body, "text/plain")
            elif self.path == "/metrics":
                self.answer(metrics.exposition().encode(), "text/plain; version=0.0.4")
            else:
                self.send_error(404)

        def answer(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def main() -> None:
    port, rounds = int(sys.argv[1]), int(sys.argv[2])
    server = ThreadingHTTPServer(("127.0.0.1", port), handler(Metrics(), rounds))
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
