"""Celery messages as they sit in Dify's Redis broker, and Dify-like cache keys.

Broker (Dify: Redis db 1). Celery 5 (task protocol 2) with kombu's Redis transport LPUSHes
onto a list named after the queue one JSON document per message:

    {"body": base64(json([args, kwargs, {"callbacks", "errbacks", "chain", "chord"}])),
     "content-encoding": "utf-8", "content-type": "application/json",
     "headers": {"lang", "task", "id", "shadow", "eta", "expires", "group", "group_index",
                 "retries", "timelimit", "root_id", "parent_id", "argsrepr", "kwargsrepr",
                 "origin", "ignore_result", "replaced_task_nesting", "stamped_headers",
                 "stamps"},
     "properties": {"correlation_id", "reply_to", "delivery_mode",
                    "delivery_info": {"exchange", "routing_key"}, "priority",
                    "body_encoding": "base64", "delivery_tag"}}

argsrepr and kwargsrepr are reprs of the arguments cut to 1,024 characters each (Celery's
argsrepr_maxsize/kwargsrepr_maxsize), so a message carries its arguments about twice up
to that size. The body size used by the model is the JSON body before base64.

Cache (Dify: Redis db 0): SET key value EX ttl, keys like
"plugin_model_providers:tenant_id:<uuid>", JSON values; every key has a TTL, so it has an
entry in the expires dict too.

Memory is measured as the growth of INFO used_memory (jemalloc's allocated sizes, so
size-class rounding is included) after the load, with the loading connection closed (its
query buffer would otherwise count) and rehashing finished.
"""

from __future__ import annotations

import base64
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import dify_rows

ARGSREPR_MAXSIZE = 1024
KWARGSREPR_MAXSIZE = 1024

# Dify's Celery queues (all consumed by the `worker` component) and a task that goes to each.
QUEUE_TASKS: dict[str, str] = {
    "dataset": "tasks.document_indexing_task.document_indexing_task",
    "priority_dataset": "tasks.priority_document_indexing_task.priority_document_indexing_task",
    "pipeline": "tasks.rag_pipeline.rag_pipeline_run_task.rag_pipeline_run_task",
    "mail": "tasks.mail_invite_member_task.send_invite_member_mail_task",
    "ops_trace": "tasks.ops_trace_task.process_trace_tasks",
    "app_deletion": "tasks.remove_app_and_related_data_task.remove_app_and_related_data_task",
    "plugin": "tasks.process_tenant_plugin_autoupgrade_check_task."
    "process_tenant_plugin_autoupgrade_check_task",
    "workflow_storage": "tasks.workflow_execution_tasks.save_workflow_execution_task",
    "conversation": "tasks.delete_conversation_task.delete_conversation_related_data",
    "workflow": "tasks.async_workflow_tasks.execute_workflow_professional",
    "retention": "tasks.clean_messages_task.clean_messages_task",
}
EMBED = {"callbacks": None, "errbacks": None, "chain": None, "chord": None}
SIZE_SIGMA = 0.6


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _saferepr(value: Any, maxsize: int) -> str:
    r = repr(value)
    return r if len(r) <= maxsize else r[: maxsize - 3] + "..."


def body_args(rng: random.Random, body_bytes: int) -> tuple[list[Any], dict[str, Any]]:
    """Task arguments whose JSON body [args, kwargs, embed] is exactly body_bytes long.

    args: ids as Dify's tasks take them; kwargs["data"]: JSON-like text padding to size
    (a workflow execution, a trace, a document list)."""
    args: list[Any] = [_uuid(rng), [_uuid(rng)]]
    kwargs: dict[str, Any] = {"data": ""}
    base = len(json.dumps([args, kwargs, EMBED]))
    if body_bytes < base:
        args = [_uuid(rng)]
        kwargs = {}
        base = len(json.dumps([args, kwargs, EMBED]))
        if body_bytes < base:
            raise ValueError(f"a Celery body needs at least {base} bytes, got {body_bytes}")
        if body_bytes > base:
            args.append("x" * max(0, body_bytes - base - 4))
        out = json.dumps([args, kwargs, EMBED])
        if len(out) != body_bytes:
            args[-1] += "x" * (body_bytes - len(out))
        return args, kwargs
    kwargs["data"] = dify_rows.prose(rng, body_bytes - base)
    return args, kwargs


def make_message(rng: random.Random, queue: str, body_bytes: int) -> str:
    """One Celery message for `queue`, as kombu's Redis transport LPUSHes it."""
    args, kwargs = body_args(rng, body_bytes)
    body = json.dumps([args, kwargs, EMBED])
    task_id = _uuid(rng)
    headers = {
        "lang": "py",
        "task": QUEUE_TASKS[queue],
        "id": task_id,
        "shadow": None,
        "eta": None,
        "expires": None,
        "group": None,
        "group_index": None,
        "retries": 0,
        "timelimit": [None, None],
        "root_id": task_id,
        "parent_id": None,
        "argsrepr": _saferepr(tuple(args), ARGSREPR_MAXSIZE),
        "kwargsrepr": _saferepr(kwargs, KWARGSREPR_MAXSIZE),
        "origin": f"gen{rng.randint(1, 64)}@dify-api-{rng.getrandbits(40):010x}",
        "ignore_result": False,
        "replaced_task_nesting": 0,
        "stamped_headers": None,
        "stamps": {},
    }
    properties = {
        "correlation_id": task_id,
        "reply_to": _uuid(rng),
        "delivery_mode": 2,
        "delivery_info": {"exchange": "", "routing_key": queue},
        "priority": 0,
        "body_encoding": "base64",
        "delivery_tag": _uuid(rng),
    }
    return json.dumps(
        {
            "body": base64.b64encode(body.encode()).decode(),
            "content-encoding": "utf-8",
            "content-type": "application/json",
            "headers": headers,
            "properties": properties,
        }
    )


def lognormal_sizes(mean: int, n: int, minimum: int, sigma: float = SIZE_SIGMA) -> list[int]:
    """n sizes with mean about `mean`, spread like dify_rows' payloads (0: all equal)."""
    if sigma == 0:
        return [max(minimum, mean)] * n
    from statistics import NormalDist

    dist = NormalDist()
    raw = [
        pow(2.718281828459045, sigma * dist.inv_cdf((i + 0.5) / n) - sigma * sigma / 2)
        for i in range(n)
    ]
    scale = mean * n / sum(raw)
    return [max(minimum, round(r * scale)) for r in raw]


MIN_BODY = len(json.dumps([[_uuid(random.Random(0))], {}, EMBED]))


def message_pool(body_mean: int, seed: int, pool: int = 256) -> list[tuple[str, int, str]]:
    """(queue, body bytes, message) for `pool` messages of mean body size body_mean."""
    rng = random.Random(f"{seed}:messages:{body_mean}")
    queues = list(QUEUE_TASKS)
    out = []
    for size in lognormal_sizes(body_mean, pool, MIN_BODY):
        q = queues[rng.randrange(len(queues))]
        out.append((q, size, make_message(rng, q, size)))
    return out


CACHE_PREFIXES = [
    "plugin_model_providers:tenant_id:",
    "app_model_config:",
    "tenant_account_join:",
    "provider_credentials:tenant_id:",
    "workflow_draft_variables:app_id:",
    "generate_task_belong:",
    "plugin_daemon:tool_providers:",
]


def cache_key(rng: random.Random, key_bytes: int) -> str:
    """A Dify-like cache key of exactly key_bytes characters (prefix + uuid(s))."""
    prefix = CACHE_PREFIXES[rng.randrange(len(CACHE_PREFIXES))]
    key = prefix + _uuid(rng)
    while len(key) < key_bytes:
        key += ":" + _uuid(rng)
    # Keep at least 16 random characters, so keys stay unique.
    return key[:key_bytes] if key_bytes >= len(prefix) + 16 else key[-key_bytes:]


def cache_value(rng: random.Random, value_bytes: int) -> str:
    """A JSON cache value of exactly value_bytes (a quoted string below 16 bytes)."""
    if value_bytes < 2:
        return "x" * value_bytes
    return dify_rows.json_text(rng, value_bytes)


# --------------------------------------------------------------------------- measuring


def used_memory(client: Any, settle_s: float = 0.15, timeout_s: float = 5.0) -> int:
    """INFO used_memory once it is stable (closed clients freed, rehashing done)."""
    deadline = time.monotonic() + timeout_s
    prev = int(client.info("memory")["used_memory"])
    while True:
        time.sleep(settle_s)
        cur = int(client.info("memory")["used_memory"])
        if cur == prev or time.monotonic() > deadline:
            return cur
        prev = cur


@dataclass
class Growth:
    count: int
    mean_body_or_value: float
    mean_key: float
    bytes_total: int

    @property
    def bytes_per_item(self) -> float:
        return self.bytes_total / self.count


def _pipelined(client: Any, commands: Iterator[tuple[Any, ...]], batch: int = 500) -> None:
    pipe = client.pipeline(transaction=False)
    for n, cmd in enumerate(commands, start=1):
        pipe.execute_command(*cmd)
        if n % batch == 0:
            pipe.execute()
    pipe.execute()


def push_messages(
    redis_mod: Any, host: str, port: int, count: int, body_mean: int, seed: int
) -> tuple[int, float]:
    """LPUSH `count` messages onto Dify's queues in db 1. Returns (count, mean body bytes)."""
    pool = message_pool(body_mean, seed)
    rng = random.Random(f"{seed}:push:{body_mean}")
    total_body = 0
    picks = [pool[rng.randrange(len(pool))] for _ in range(count)]
    loader = redis_mod.Redis(host=host, port=port, db=1)
    try:
        # kombu declares each queue's binding once per producer.
        for q in QUEUE_TASKS:
            loader.sadd(f"_kombu.binding.{q}", f"{q}\x06\x16\x06\x16{q}")
        _pipelined(loader, (("LPUSH", q, m) for q, _, m in picks))
        total_body = sum(b for _, b, _ in picks)
    finally:
        loader.close()
        loader.connection_pool.disconnect()
    return count, total_body / count


def set_cache_keys(
    redis_mod: Any, host: str, port: int, count: int, key_bytes: int, value_mean: int, seed: int
) -> tuple[int, float, float]:
    """SET `count` keys with TTLs in db 0. Returns (count, mean key bytes, mean value bytes)."""
    rng = random.Random(f"{seed}:keys:{key_bytes}:{value_mean}")
    values = [cache_value(rng, s) for s in lognormal_sizes(value_mean, 256, 2)]
    ttls = [300, 600, 3600, 86400]
    total_key = total_value = 0
    loader = redis_mod.Redis(host=host, port=port, db=0)

    def commands() -> Iterator[tuple[Any, ...]]:
        nonlocal total_key, total_value
        for _ in range(count):
            k = cache_key(rng, key_bytes)
            v = values[rng.randrange(len(values))]
            total_key += len(k)
            total_value += len(v)
            yield ("SET", k, v, "EX", ttls[rng.randrange(len(ttls))])

    try:
        _pipelined(loader, commands())
    finally:
        loader.close()
        loader.connection_pool.disconnect()
    return count, total_key / count, total_value / count


def measure_messages(
    redis_mod: Any, host: str, port: int, count: int, body_mean: int, seed: int
) -> Growth:
    """Flush, push `count` messages of mean body `body_mean`, return used_memory growth."""
    probe = redis_mod.Redis(host=host, port=port)
    try:
        probe.flushall(asynchronous=False)
        before = used_memory(probe)
        n, mean_body = push_messages(redis_mod, host, port, count, body_mean, seed)
        after = used_memory(probe)
    finally:
        probe.close()
    return Growth(n, mean_body, 0.0, after - before)


def measure_cache_keys(
    redis_mod: Any, host: str, port: int, count: int, key_bytes: int, value_mean: int, seed: int
) -> Growth:
    """Flush, SET `count` keys with TTLs, return used_memory growth."""
    probe = redis_mod.Redis(host=host, port=port)
    try:
        probe.flushall(asynchronous=False)
        before = used_memory(probe)
        n, mean_key, mean_value = set_cache_keys(
            redis_mod, host, port, count, key_bytes, value_mean, seed
        )
        after = used_memory(probe)
    finally:
        probe.close()
    return Growth(n, mean_value, mean_key, after - before)
