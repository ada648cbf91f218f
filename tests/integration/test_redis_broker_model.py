"""The broker and cache model against a real Redis: used_memory growth within 15%.

Celery messages (kombu envelope, Dify's queues, db 1) with mean body sizes, and cache
keys with TTLs (db 0) with key and value sizes, none of which the fit used
(measure_broker_model.py fitted bodies 128..32768 and values 16..8192 at keys 32/64/128
bytes); the growth of INFO used_memory must be within 15% of the prediction, for each
kind alone and for a Dify-like backlog of both at once.

The prediction comes from one function, predict_used_memory: today the constants in
measurements/redis_broker_model.json; swapping in tierplan's plan output changes that
function only.
"""

from __future__ import annotations

from collections.abc import Sequence

import celery_messages as cm
import measure_broker_model
import pytest
import servers

import tierplan

TOLERANCE = 0.15
MB = 10**6
SEED = 2  # the fit used seed 1

MESSAGE_BODIES = (256, 1024, 4096, 16384)
CACHE_KEYS = (48, 96)
CACHE_VALUES = (64, 512, 4096)


def predict_used_memory(
    messages: Sequence[tuple[int, float]] = (),
    cache_keys: Sequence[tuple[int, float, float]] = (),
) -> float:
    """Predicted used_memory growth for (count, mean body bytes) batches of queued Celery
    messages and (count, key bytes, mean value bytes) batches of cache keys with a TTL.

    The prediction is tierplan's broker model of the built-in stack
    (data/scenarios/dify-enterprise.json, stack.datastores.broker)."""
    broker = tierplan.Scenario.builtin().stack.datastores.broker
    total = sum(n * tierplan.message_bytes(broker, body) for n, body in messages)
    total += sum(n * tierplan.cache_key_bytes(broker, key, value) for n, key, value in cache_keys)
    return total


def _check(what: str, measured: float, predicted: float) -> None:
    report = (
        f"{what}: used_memory grew {measured / MB:.2f} MB, predicted {predicted / MB:.2f} MB "
        f"({(predicted - measured) / measured:+.1%})"
    )
    print(report)
    assert abs(predicted - measured) <= TOLERANCE * measured, report


def test_check_sizes_differ_from_fit_sizes() -> None:
    assert not set(MESSAGE_BODIES) & set(measure_broker_model.MESSAGE_FIT_BODIES)
    assert not set(CACHE_KEYS) & set(measure_broker_model.CACHE_FIT_KEYS)
    assert not set(CACHE_VALUES) & set(measure_broker_model.CACHE_FIT_VALUES)


@pytest.mark.parametrize("body", MESSAGE_BODIES)
def test_queued_messages_within_15_percent(redis_server: servers.RedisInfo, body: int) -> None:
    import redis

    count = measure_broker_model.count_for(1500 + 2.4 * body)
    g = cm.measure_messages(redis, redis_server.host, redis_server.port, count, body, SEED)
    predicted = predict_used_memory(messages=[(g.count, body)])
    _check(f"{g.count} messages, body {g.mean_body_or_value:.0f} B", g.bytes_total, predicted)


@pytest.mark.parametrize("key", CACHE_KEYS)
@pytest.mark.parametrize("value", CACHE_VALUES)
def test_cache_keys_within_15_percent(
    redis_server: servers.RedisInfo, key: int, value: int
) -> None:
    import redis

    count = measure_broker_model.count_for(120 + key + 1.1 * value)
    g = cm.measure_cache_keys(redis, redis_server.host, redis_server.port, count, key, value, SEED)
    predicted = predict_used_memory(cache_keys=[(g.count, key, value)])
    _check(
        f"{g.count} keys, key {g.mean_key:.0f} B, value {g.mean_body_or_value:.0f} B",
        g.bytes_total,
        predicted,
    )


def test_dify_backlog_and_cache_together(redis_server: servers.RedisInfo) -> None:
    """A worker outage's backlog (small indexing/mail tasks, some large workflow-storage
    tasks) on the broker db while the cache db holds provider and config entries."""
    import redis

    host, port = redis_server.host, redis_server.port
    messages = [(20_000, 300), (2_000, 6_000)]
    keys = [(40_000, 60, 700), (3_000, 80, 12_000)]
    probe = redis.Redis(host=host, port=port)
    try:
        probe.flushall(asynchronous=False)
        before = cm.used_memory(probe)
        for i, (n, body) in enumerate(messages):
            cm.push_messages(redis, host, port, n, body, SEED + i)
        for i, (n, key, value) in enumerate(keys):
            cm.set_cache_keys(redis, host, port, n, key, value, SEED + i)
        after = cm.used_memory(probe)
    finally:
        probe.close()
    _check(
        "backlog + cache", after - before, predict_used_memory(messages=messages, cache_keys=keys)
    )
