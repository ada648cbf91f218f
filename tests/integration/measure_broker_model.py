"""Measure Redis memory per Celery message and per cache key, and fit the broker model.

Messages: for each mean body size of MESSAGE_FIT_BODIES, LPUSH Celery 5 / kombu messages
(celery_messages.py) onto Dify's queues in db 1 and read the growth of INFO used_memory.
Cache: for each key size and mean value size, SET keys with a TTL in db 0, the same way.
Fits, written with every raw measurement as JSON:

    bytes per message = envelope_overhead + body_factor * body_bytes
    bytes per key     = per_key_overhead + key_bytes + value_factor * value_bytes

    .venv/bin/python tests/integration/measure_broker_model.py \
        [--out tests/integration/measurements/redis_broker_model.json]

It starts its own throwaway redis-server (servers.py). About a minute.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import celery_messages as cm
import model_fit
import servers

MESSAGE_FIT_BODIES = (128, 512, 2048, 8192, 32768)
CACHE_FIT_KEYS = (32, 64, 128)
CACHE_FIT_VALUES = (16, 128, 1024, 8192)
TARGET_BYTES_PER_POINT = 32 * 2**20


def count_for(item_bytes: float, lo: int = 5_000, hi: int = 100_000) -> int:
    return int(min(hi, max(lo, TARGET_BYTES_PER_POINT / item_bytes)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=model_fit.REDIS_MEASUREMENTS)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    import redis

    started = time.monotonic()
    with servers.redis_server() as srv:
        probe = redis.Redis(host=srv.host, port=srv.port)
        try:
            cfg = {
                k: probe.config_get(k)[k]
                for k in ("list-max-listpack-size", "maxmemory-policy", "activerehashing")
            }
            mem = probe.info("memory")
            allocator = mem.get("mem_allocator", "")
        finally:
            probe.close()

        messages = []
        for body in MESSAGE_FIT_BODIES:
            n = count_for(1500 + 2.4 * body)
            g = cm.measure_messages(redis, srv.host, srv.port, n, body, args.seed)
            messages.append(
                {
                    "body_nominal": body,
                    "messages": g.count,
                    "body_bytes_per_message": round(g.mean_body_or_value, 1),
                    "used_memory_growth": g.bytes_total,
                    "bytes_per_message": round(g.bytes_per_item, 1),
                }
            )
            print(
                f"messages body {g.mean_body_or_value:8.0f} B  n {g.count:6d}  "
                f"{g.bytes_per_item:8.0f} B/message",
                file=sys.stderr,
                flush=True,
            )
        xs = [m["body_bytes_per_message"] for m in messages]
        ys = [m["bytes_per_message"] for m in messages]
        env, factor = model_fit.least_squares_line(xs, ys)
        msg_resid = [(env + factor * x - y) / y for x, y in zip(xs, ys, strict=True)]

        keys = []
        for kb in CACHE_FIT_KEYS:
            for vb in CACHE_FIT_VALUES:
                n = count_for(120 + kb + 1.1 * vb)
                g = cm.measure_cache_keys(redis, srv.host, srv.port, n, kb, vb, args.seed)
                keys.append(
                    {
                        "key_bytes": round(g.mean_key, 1),
                        "value_nominal": vb,
                        "keys": g.count,
                        "value_bytes_per_key": round(g.mean_body_or_value, 1),
                        "used_memory_growth": g.bytes_total,
                        "bytes_per_key": round(g.bytes_per_item, 1),
                    }
                )
                print(
                    f"cache key {g.mean_key:4.0f} B value {g.mean_body_or_value:7.0f} B  "
                    f"n {g.count:6d}  {g.bytes_per_item:8.0f} B/key",
                    file=sys.stderr,
                    flush=True,
                )
        kx = [k["value_bytes_per_key"] for k in keys]
        ky = [k["bytes_per_key"] - k["key_bytes"] for k in keys]
        overhead, vfactor = model_fit.least_squares_line(kx, ky)
        key_resid = [
            (overhead + vfactor * x + k["key_bytes"] - k["bytes_per_key"]) / k["bytes_per_key"]
            for x, k in zip(kx, keys, strict=True)
        ]
        # Segments in value size: per nominal value size, mean value bytes and mean bytes
        # per key less the key bytes, over the key sizes.
        by_value: dict[int, list[tuple[float, float]]] = {}
        for k, x, y in zip(keys, kx, ky, strict=True):
            by_value.setdefault(k["value_nominal"], []).append((x, y))
        value_points = [
            (sum(x for x, _ in v) / len(v), sum(y for _, y in v) / len(v))
            for _, v in sorted(by_value.items())
        ]

    result: dict[str, Any] = {
        "what": (
            "Growth of Redis INFO used_memory per queued Celery message (kombu Redis transport, "
            "Dify's queues, db 1) and per cache key with a TTL (db 0). Body and value sizes vary "
            "log-normally (sigma 0.6) around the stated means."
        ),
        "how": "tests/integration/measure_broker_model.py (messages and keys: celery_messages.py)",
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": args.seed,
        "server": {"version": srv.version, "mem_allocator": allocator, **cfg},
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "messages": {
            "model": "bytes_per_message = envelope_overhead + body_factor * body_bytes",
            "body_bytes": "JSON body [args, kwargs, embed] before base64",
            "envelope_overhead": round(env, 1),
            "body_factor": round(factor, 4),
            "max_abs_relative_residual": round(max(abs(r) for r in msg_resid), 4),
            "segments": model_fit.segments_through(
                list(zip(xs, ys, strict=True)),
                x="body",
                fixed="envelope_overhead",
                factor="body_factor",
            ),
            "measurements": messages,
        },
        "cache_keys": {
            "model": "bytes_per_key = per_key_overhead + key_bytes + value_factor * value_bytes",
            "ttl": "every key has a TTL (SET ... EX), so the expires dict is included",
            "per_key_overhead": round(overhead, 1),
            "value_factor": round(vfactor, 4),
            "max_abs_relative_residual": round(max(abs(r) for r in key_resid), 4),
            "segments": model_fit.segments_through(
                value_points, x="value", fixed="per_key_overhead", factor="value_factor"
            ),
            "measurements": keys,
        },
        "runtime_seconds": round(time.monotonic() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out} in {result['runtime_seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
