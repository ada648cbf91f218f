"""Rows for Dify's growing tables (dify_schema.sql), generated to a given payload size.

Each table has "payload" columns: the text, JSON or binary that grows with use (a
message's query, answer and prompt; a node execution's inputs, process data and
outputs; a chunk's content; a pickled embedding). A row of payload size S carries S bytes
in total across its payload columns, split by fixed shares. Everything else in the row
(uuids, timestamps, statuses, prices, token counts) has realistic, size-independent
values, and the indexes Dify defines are on the table while it is loaded, so the fixed
per-row cost includes them as they grow in production (random uuid keys, increasing
timestamps, a few tenants and apps, many conversations and runs).

Payload content is JSON-like or prose text made of pseudo-words drawn, with a
Zipf-like frequency, from a fixed vocabulary of 4,000 words (random choices from a
seeded generator): it compresses like real text (pglz keeps 2-12% more of it than of real English
text: the compressibility check of measure_row_model.py), unlike
random bytes (incompressible) or a repeated constant (compresses to nothing).
Embeddings are what Dify stores: pickle.dumps of a list of float64 (a normalized vector),
which does not compress. Text is ASCII and has no backslash, tab or newline, so it goes
into COPY's text format as is.

PostgreSQL compresses and TOASTs each value on its own, so rows can reuse a pool of
distinct payloads (POOL_SIZE per table and size) without changing what is stored; the
pool keeps generation fast enough to load hundreds of megabytes in a test.
"""

from __future__ import annotations

import json
import math
import pickle
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from statistics import NormalDist
from typing import Any

SCHEMA_SQL = Path(__file__).with_name("dify_schema.sql")
POOL_SIZE = 128
# Payload sizes within a table spread around their mean: log-normal, sigma 0.6 (5% to 95%
# of rows between 0.3x and 2.2x the mean), as message, node-execution and chunk sizes do.
# Homogeneous rows would put every row on the same side of the 2 kB TOAST threshold and
# make bytes per row jump by ~40% there; a spread of sizes makes it a smooth function of
# the mean payload, which is what the model is given.
SIZE_SIGMA = 0.6
VOCAB_SEED = 20240917

# --------------------------------------------------------------------------- text


def _make_vocabulary(n: int = 4000) -> tuple[list[str], list[float]]:
    rng = random.Random(VOCAB_SEED)
    onsets = [
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y",
        "z", "br", "ch", "cl", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr",
    ]  # fmt: skip
    vowels = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "io"]
    codas = ["", "", "", "n", "r", "s", "t", "l", "nd", "st", "ng", "rk", "m"]
    words: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        syllables = rng.choices([1, 2, 3, 4], weights=[45, 35, 15, 5])[0]
        w = "".join(
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)
        )
        if w not in words:
            words.add(w)
            out.append(w)
    # Zipf-like rank frequency (exponent 1.0), as in natural language.
    cum: list[float] = []
    total = 0.0
    for rank in range(1, n + 1):
        total += 1.0 / rank
        cum.append(total)
    return out, cum


VOCAB, VOCAB_CUM = _make_vocabulary()
JSON_KEYS = [
    "text", "content", "role", "query", "answer", "title", "type", "value", "id", "node_id",
    "label", "result", "status", "usage", "prompt_tokens", "completion_tokens", "total_tokens",
    "total_price", "currency", "latency", "score", "document_id", "segment_id", "dataset_name",
    "document_name", "position", "metadata", "files", "variable", "selector", "model", "provider",
    "mode", "temperature", "max_tokens", "messages", "name", "url", "created_at", "elapsed_time",
    "outputs", "inputs", "process_data", "error", "items", "index", "tool_name",
]  # fmt: skip


def words(rng: random.Random, n: int) -> list[str]:
    return rng.choices(VOCAB, cum_weights=VOCAB_CUM, k=n)


def prose(rng: random.Random, size: int) -> str:
    """Sentences of vocabulary words, exactly `size` characters."""
    if size <= 0:
        return ""
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = words(rng, rng.randint(6, 22))
        sentence[0] = sentence[0].capitalize()
        s = " ".join(sentence) + rng.choice([". ", ". ", ". ", ", ", "? ", ": "])
        parts.append(s)
        length += len(s)
    text = "".join(parts)[:size]
    if text.endswith(" "):
        text = text[:-1] + "x"
    return text


def _json_value(rng: random.Random, depth: int) -> Any:
    r = rng.random()
    if r < 0.45:
        return prose(rng, rng.randint(8, 160))
    if r < 0.60:
        return rng.choice([rng.randint(0, 100000), round(rng.uniform(0, 100), 4)])
    if r < 0.70:
        return _uuid_dashed(rng)
    if r < 0.75:
        return rng.choice([True, False, None])
    if r < 0.88 and depth < 3:
        return {k: _json_value(rng, depth + 1) for k in rng.sample(JSON_KEYS, rng.randint(2, 6))}
    if depth < 3:
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(1, 4))]
    return prose(rng, rng.randint(8, 60))


def json_text(rng: random.Random, size: int) -> str:
    """A JSON document, exactly `size` characters, as json.dumps writes it (Dify's format).

    An object of nested values (prose, numbers, uuids, lists, objects) whose last member,
    "text", is padded with prose to the exact size. Below 16 characters, a JSON string."""
    if size < 2:
        raise ValueError(f"a JSON payload needs at least 2 bytes, got {size}")
    if size < 16:
        return '"' + prose(rng, size - 2) + '"'
    obj: dict[str, Any] = {}
    # '{' + '"text": ""' + '}' = 12 characters; each member adds len(member) + 2 (", ").
    length = 12
    keys = list(JSON_KEYS)
    rng.shuffle(keys)
    for key in keys:
        if key == "text":
            continue
        value = _json_value(rng, 1)
        member = len(json.dumps(key)) + 2 + len(json.dumps(value)) + 2
        if length + member > size - 8:
            break
        obj[key] = value
        length += member
    obj["text"] = ""
    remaining = size - len(json.dumps(obj))
    obj["text"] = prose(rng, remaining)
    out = json.dumps(obj)
    if len(out) != size:  # pragma: no cover - a bug in the length bookkeeping
        raise AssertionError(f"json_text made {len(out)} bytes, wanted {size}")
    return out


def json_word_list(rng: random.Random, size: int) -> str:
    """A JSON list of keywords, exactly `size` characters (document_segments.keywords)."""
    if size < 2:
        raise ValueError(f"a JSON payload needs at least 2 bytes, got {size}")
    items: list[str] = []
    length = 2
    while True:
        w = words(rng, 1)[0]
        add = len(w) + 2 + (2 if items else 0)
        if length + add > size:
            break
        items.append(w)
        length += add
    out = json.dumps(items)
    pad = size - len(out)
    if pad:
        if items:
            items[-1] += "x" * pad
        else:
            return '"' + "x" * (size - 2) + '"'
        out = json.dumps(items)
    return out


def pickled_vector(rng: random.Random, dims: int) -> bytes:
    """What Dify's embedding cache stores: pickle of a normalized list of float64."""
    v = [rng.gauss(0.0, 1.0) for _ in range(dims)]
    norm = math.sqrt(sum(x * x for x in v))
    return pickle.dumps([x / norm for x in v], protocol=pickle.HIGHEST_PROTOCOL)


def pickled_vector_size(dims: int) -> int:
    return len(pickle.dumps([0.5] * dims, protocol=pickle.HIGHEST_PROTOCOL))


def dims_for_pickle_size(size: int) -> int:
    """The dimension whose pickled vector is closest to `size` bytes."""
    d = max(1, round((size - 20) / 9))
    while pickled_vector_size(d) > size and d > 1:
        d -= 1
    return d


# --------------------------------------------------------------------------- ids, times


def _uuid_hex(rng: random.Random) -> str:
    """32 hex digits: PostgreSQL's uuid input accepts them without dashes."""
    return f"{rng.getrandbits(128):032x}"


def _uuid_dashed(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _hex(rng: random.Random, nbytes: int) -> str:
    return f"{rng.getrandbits(8 * nbytes):0{2 * nbytes}x}"


class Context:
    """Id pools with realistic cardinalities, and a clock, for one load.

    A deployment has a few tenants (workspaces), tens of apps, thousands of end users;
    a conversation has about 8 messages, a workflow run about 8 node executions, a
    document about 40 chunks."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tenants = [_uuid_hex(rng) for _ in range(4)]
        self.apps = [(rng.choice(self.tenants), _uuid_hex(rng), _uuid_hex(rng)) for _ in range(40)]
        self.end_users = [_uuid_hex(rng) for _ in range(5000)]
        self.accounts = [_uuid_hex(rng) for _ in range(200)]
        self.datasets = [(rng.choice(self.tenants), _uuid_hex(rng)) for _ in range(100)]
        self.node_ids = {
            app[1]: [str(1718000000000 + rng.randint(0, 10**9)) for _ in range(15)]
            for app in self.apps
        }
        self._group: list[str] = []
        self._group_left = 0
        self.t = datetime(2025, 1, 1, 8, 0, 0)

    def grouped_id(self, size: int) -> str:
        """An id shared by `size` consecutive rows (conversation, run, document)."""
        if self._group_left <= 0:
            self._group = [_uuid_hex(self.rng)]
            self._group_left = size
        self._group_left -= 1
        return self._group[0]

    def tick(self) -> str:
        self.t += timedelta(seconds=self.rng.uniform(0.2, 3.0))
        return self.t.strftime("%Y-%m-%d %H:%M:%S.%f")

    def later(self, seconds: float) -> str:
        return (self.t + timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S.%f")


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class PayloadColumn:
    name: str
    kind: str  # "prose", "json", "json_words", "vector"
    share: float
    max_len: int | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    # One row's non-payload columns: {column: value as COPY text}, always the same keys.
    fixed_row: Callable[[Context], dict[str, str]]
    payload: tuple[PayloadColumn, ...]
    # Typical payload per row in Dify, bytes (documentation of the range the fit covers).
    typical_payload: tuple[int, int]
    fit_sizes: tuple[int, ...] = field(default=())
    check_sizes: tuple[int, ...] = field(default=())
    # Spread of payload sizes around the mean: log-normal with this sigma (0: all equal).
    size_sigma: float = SIZE_SIGMA
    # Fewest rows to measure with. documents has a GIN index, whose pending list leaves up
    # to 4 MB of free pages: enough rows that it has filled once make that a constant.
    min_rows: int = 0

    @property
    def min_payload(self) -> int:
        return sum(1 if p.kind == "prose" else 2 for p in self.payload)

    def sizes_around(self, mean: int, n: int) -> list[int]:
        """n payload sizes with mean `mean`: quantiles of a log-normal of sigma size_sigma."""
        if not self.payload:
            return [0] * n
        if self.size_sigma == 0:
            return [mean] * n
        dist = NormalDist()
        sig = self.size_sigma
        raw = [math.exp(sig * dist.inv_cdf((i + 0.5) / n) - sig * sig / 2) for i in range(n)]
        scale = mean * n / sum(raw)
        return [max(self.min_payload, round(r * scale)) for r in raw]

    def split(self, size: int) -> list[int]:
        """Payload bytes per payload column for a row of payload size `size`."""
        if not self.payload:
            return []
        out = [0] * len(self.payload)
        left = size
        # Capped columns first, the last column takes what is left.
        for i, p in enumerate(self.payload[:-1]):
            n = round(size * p.share)
            if p.max_len is not None:
                n = min(n, p.max_len)
            n = max(n, 2 if p.kind != "prose" else 1)
            out[i] = n
            left -= n
        out[-1] = left
        if left < (1 if self.payload[-1].kind == "prose" else 2):
            raise ValueError(f"{self.name}: payload size {size} too small for its columns")
        return out


def _pick(rng: random.Random, items: list[str]) -> str:
    return items[rng.randrange(len(items))]


MODELS = ["gpt-4o-mini", "gpt-4o", "qwen-max"]
PROVIDER = "langgenius/openai/openai"


def _conversations(c: Context) -> dict[str, str]:
    r = c.rng
    _, app, _ = c.apps[r.randrange(len(c.apps))]
    created = c.tick()
    return {
        "app_id": app,
        "app_model_config_id": _uuid_hex(r),
        "model_provider": PROVIDER,
        "model_id": r.choice(MODELS),
        "mode": r.choice(["advanced-chat", "chat", "agent-chat"]),
        "status": "normal",
        "invoke_from": r.choice(["web-app", "service-api"]),
        "from_source": "api",
        "from_end_user_id": _pick(r, c.end_users),
        "dialogue_count": str(r.randint(1, 30)),
        "created_at": created,
        "updated_at": c.later(r.uniform(10, 900)),
    }


def _messages(c: Context) -> dict[str, str]:
    r = c.rng
    _, app, _ = c.apps[r.randrange(len(c.apps))]
    created = c.tick()
    return {
        "app_id": app,
        "model_provider": PROVIDER,
        "model_id": r.choice(MODELS),
        "conversation_id": c.grouped_id(8),
        "message_tokens": str(r.randint(200, 6000)),
        "message_unit_price": "0.0015",
        "message_price_unit": "0.001",
        "answer_tokens": str(r.randint(20, 1500)),
        "answer_unit_price": "0.0020",
        "answer_price_unit": "0.001",
        "provider_response_latency": f"{r.uniform(0.4, 30):.6f}",
        "total_price": f"{r.uniform(0, 0.05):.7f}",
        "currency": "USD",
        "from_source": "api",
        "from_end_user_id": _pick(r, c.end_users),
        "created_at": created,
        "updated_at": created,
        "workflow_run_id": _uuid_hex(r),
        "parent_message_id": _uuid_hex(r),
        "invoke_from": "web-app",
        "app_mode": "advanced-chat",
    }


def _workflow_runs(c: Context) -> dict[str, str]:
    r = c.rng
    tenant, app, workflow = c.apps[r.randrange(len(c.apps))]
    return {
        "tenant_id": tenant,
        "app_id": app,
        "workflow_id": workflow,
        "type": r.choice(["workflow", "chat"]),
        "triggered_from": "app-run",
        "version": "2025-01-01 00:00:00.000000",
        "status": "succeeded",
        "elapsed_time": f"{r.uniform(0.5, 60):.6f}",
        "total_tokens": str(r.randint(0, 20000)),
        "total_steps": str(r.randint(3, 25)),
        "created_by_role": "end_user",
        "created_by": _pick(r, c.end_users),
        "created_at": c.tick(),
        "finished_at": c.later(r.uniform(1, 60)),
        "exceptions_count": "0",
    }


NODE_TYPES = [
    "start", "llm", "knowledge-retrieval", "code", "if-else", "http-request", "tool", "answer",
    "end",
]  # fmt: skip


def _workflow_node_executions(c: Context) -> dict[str, str]:
    r = c.rng
    tenant, app, workflow = c.apps[r.randrange(len(c.apps))]
    nodes = c.node_ids[app]
    node_type = r.choice(NODE_TYPES)
    meta = {
        "total_tokens": r.randint(0, 5000),
        "total_price": f"{r.uniform(0, 0.02):.6f}",
        "currency": "USD",
    }
    return {
        "tenant_id": tenant,
        "app_id": app,
        "workflow_id": workflow,
        "triggered_from": "workflow-run",
        "workflow_run_id": c.grouped_id(8),
        "index": str(r.randint(1, 12)),
        "predecessor_node_id": _pick(r, nodes),
        "node_execution_id": _uuid_dashed(r),
        "node_id": _pick(r, nodes),
        "node_type": node_type,
        "title": f"{node_type.replace('-', ' ').title()} {r.randint(1, 5)}",
        "status": "succeeded",
        "elapsed_time": f"{r.uniform(0.001, 20):.6f}",
        "execution_metadata": json.dumps(meta),
        "created_at": c.tick(),
        "created_by_role": "end_user",
        "created_by": _pick(r, c.end_users),
        "finished_at": c.later(r.uniform(0.01, 20)),
    }


def _workflow_app_logs(c: Context) -> dict[str, str]:
    r = c.rng
    tenant, app, workflow = c.apps[r.randrange(len(c.apps))]
    return {
        "tenant_id": tenant,
        "app_id": app,
        "workflow_id": workflow,
        "workflow_run_id": _uuid_hex(r),
        "created_from": r.choice(["service-api", "web-app", "installed-app"]),
        "created_by_role": "end_user",
        "created_by": _pick(r, c.end_users),
        "created_at": c.tick(),
    }


def _documents(c: Context) -> dict[str, str]:
    r = c.rng
    tenant, dataset = c.datasets[r.randrange(len(c.datasets))]
    words_n = r.randint(500, 200000)
    return {
        "tenant_id": tenant,
        "dataset_id": dataset,
        "position": str(r.randint(1, 500)),
        "data_source_type": "upload_file",
        "dataset_process_rule_id": _uuid_hex(r),
        "batch": f"{r.randint(10**19, 10**20 - 1)}",
        "created_from": "web",
        "created_by": _pick(r, c.accounts),
        "created_at": c.tick(),
        "processing_started_at": c.later(1),
        "file_id": _uuid_dashed(r),
        "word_count": str(words_n),
        "parsing_completed_at": c.later(5),
        "cleaning_completed_at": c.later(6),
        "splitting_completed_at": c.later(7),
        "tokens": str(words_n * 13 // 10),
        "indexing_latency": f"{r.uniform(1, 300):.6f}",
        "completed_at": c.later(60),
        "is_paused": "f",
        "indexing_status": "completed",
        "enabled": "t",
        "archived": "f",
        "updated_at": c.later(60),
        "doc_form": "text_model",
        "doc_language": "English",
    }


def _document_segments(c: Context) -> dict[str, str]:
    r = c.rng
    tenant, dataset = c.datasets[r.randrange(len(c.datasets))]
    return {
        "tenant_id": tenant,
        "dataset_id": dataset,
        "document_id": c.grouped_id(40),
        "position": str(r.randint(1, 400)),
        "word_count": str(r.randint(50, 900)),
        "tokens": str(r.randint(60, 1200)),
        "index_node_id": _uuid_dashed(r),
        "index_node_hash": _hex(r, 32),
        "hit_count": "0",
        "status": "completed",
        "created_by": _pick(r, c.accounts),
        "created_at": c.tick(),
        "indexing_at": c.later(2),
        "completed_at": c.later(3),
        "updated_at": c.later(3),
    }


def _embeddings(c: Context) -> dict[str, str]:
    return {
        "model_name": "text-embedding-3-small",
        "hash": _hex(c.rng, 32),
        "created_at": c.tick(),
        "provider_name": PROVIDER,
    }


def _upload_files(c: Context) -> dict[str, str]:
    r = c.rng
    ext = r.choice(["pdf", "docx", "png", "txt", "md", "xlsx"])
    return {
        "tenant_id": c.tenants[r.randrange(len(c.tenants))],
        "storage_type": "s3",
        "key": f"upload_files/{_uuid_dashed(r)}/{_uuid_dashed(r)}.{ext}",
        "size": str(r.randint(1000, 15 * 2**20)),
        "extension": ext,
        "mime_type": f"application/{ext}",
        "created_by_role": "account",
        "created_by": _pick(r, c.accounts),
        "created_at": c.tick(),
        "used": "t",
        "used_by": _pick(r, c.accounts),
        "used_at": c.later(5),
        "hash": _hex(r, 32),
    }


AUDIT_ACTIONS = [
    "login", "logout", "app.create", "app.update", "app.publish", "dataset.create",
    "document.upload", "member.invite", "api_key.create", "workflow.publish",
]  # fmt: skip
USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)


def _audit_logs(c: Context) -> dict[str, str]:
    r = c.rng
    action = r.choice(AUDIT_ACTIONS)
    return {
        "tenant_id": c.tenants[r.randrange(len(c.tenants))],
        "account_id": _pick(r, c.accounts),
        "action": action,
        "resource_type": action.split(".")[0],
        "resource_id": _uuid_hex(r),
        "ip": f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
        "user_agent": USER_AGENT,
        "created_at": c.tick(),
    }


TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in [
        TableSpec(
            "conversations",
            _conversations,
            (
                PayloadColumn("name", "prose", 0.15, max_len=80),
                PayloadColumn("inputs", "json", 0.35),
                PayloadColumn("introduction", "prose", 0.50),
            ),
            typical_payload=(60, 1500),
            fit_sizes=(100, 300, 700, 1500, 3000),
            check_sizes=(200, 500, 1100, 2200),
        ),
        TableSpec(
            "messages",
            _messages,
            (
                PayloadColumn("inputs", "json", 0.04, max_len=2000),
                PayloadColumn("query", "prose", 0.08, max_len=4000),
                PayloadColumn("answer", "prose", 0.30),
                PayloadColumn("message_metadata", "json", 0.08),
                PayloadColumn("message", "json", 0.50),
            ),
            typical_payload=(1000, 30000),
            fit_sizes=(1000, 2000, 4000, 8000, 16000, 32000),
            check_sizes=(1500, 3000, 6000, 12000, 24000),
        ),
        TableSpec(
            "workflow_runs",
            _workflow_runs,
            (
                PayloadColumn("inputs", "json", 0.08),
                PayloadColumn("outputs", "json", 0.17),
                PayloadColumn("graph", "json", 0.75),
            ),
            typical_payload=(3000, 80000),
            fit_sizes=(2000, 4000, 8000, 16000, 32000, 64000),
            check_sizes=(3000, 6000, 12000, 24000, 48000),
        ),
        TableSpec(
            "workflow_node_executions",
            _workflow_node_executions,
            (
                PayloadColumn("inputs", "json", 0.35),
                PayloadColumn("process_data", "json", 0.25),
                PayloadColumn("outputs", "json", 0.40),
            ),
            typical_payload=(300, 30000),
            fit_sizes=(300, 600, 1200, 2400, 4800, 9600, 19200, 38400),
            check_sizes=(450, 900, 1800, 3600, 7200, 14000, 28000),
        ),
        TableSpec(
            "workflow_app_logs",
            _workflow_app_logs,
            (),
            typical_payload=(0, 0),
            fit_sizes=(0,),
            check_sizes=(0,),
        ),
        TableSpec(
            "documents",
            _documents,
            (
                PayloadColumn("name", "prose", 0.2, max_len=120),
                PayloadColumn("data_source_info", "json", 0.4),
                PayloadColumn("doc_metadata", "json", 0.4),
            ),
            typical_payload=(100, 2000),
            min_rows=40_000,
            fit_sizes=(100, 300, 700, 1500, 3000),
            check_sizes=(200, 500, 1100, 2200),
        ),
        TableSpec(
            "document_segments",
            _document_segments,
            (
                PayloadColumn("keywords", "json_words", 0.05, max_len=300),
                PayloadColumn("content", "prose", 0.95),
            ),
            typical_payload=(400, 8000),
            fit_sizes=(400, 800, 1600, 3200, 6400, 12800),
            check_sizes=(600, 1200, 2400, 4800, 9600),
        ),
        TableSpec(
            "embeddings",
            _embeddings,
            (PayloadColumn("embedding", "vector", 1.0),),
            size_sigma=0.0,
            typical_payload=(pickled_vector_size(384), pickled_vector_size(4096)),
            fit_sizes=tuple(pickled_vector_size(d) for d in (384, 768, 1024, 1536, 3072, 4096)),
            check_sizes=tuple(pickled_vector_size(d) for d in (512, 1280, 2048, 2560, 3584)),
        ),
        TableSpec(
            "upload_files",
            _upload_files,
            (
                PayloadColumn("name", "prose", 0.3, max_len=200),
                PayloadColumn("source_url", "prose", 0.7),
            ),
            typical_payload=(20, 800),
            fit_sizes=(20, 100, 300, 800),
            check_sizes=(60, 200, 500),
        ),
        TableSpec(
            "audit_logs",
            _audit_logs,
            (PayloadColumn("detail", "json", 1.0),),
            typical_payload=(100, 4000),
            fit_sizes=(100, 300, 800, 2000, 5000),
            check_sizes=(200, 500, 1200, 3000),
        ),
    ]
}


# --------------------------------------------------------------------------- DDL


def schema_statements() -> dict[str, list[str]]:
    """The DDL of dify_schema.sql, grouped by table (CREATE TABLE, then its indexes)."""
    text = re.sub(r"--[^\n]*", "", SCHEMA_SQL.read_text())
    out: dict[str, list[str]] = {}
    for stmt in (s.strip() for s in text.split(";")):
        if not stmt:
            continue
        m = re.match(r"CREATE TABLE (\w+)", stmt) or re.search(r"\bON (\w+)", stmt)
        if not m:
            raise ValueError(f"dify_schema.sql: cannot tell the table of: {stmt[:80]}")
        out.setdefault(m.group(1), []).append(stmt)
    return out


def create_table(conn: Any, table: str) -> None:
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {table}")
        for stmt in schema_statements()[table]:
            cur.execute(stmt)
    conn.commit()


# --------------------------------------------------------------------------- loading


def _payload_value(rng: random.Random, col: PayloadColumn, n: int) -> tuple[str, int]:
    """(COPY text field, stored bytes) for one payload value of about n bytes."""
    if col.kind == "prose":
        v = prose(rng, n)
        return v, len(v)
    if col.kind == "json":
        v = json_text(rng, n)
        return v, len(v)
    if col.kind == "json_words":
        v = json_word_list(rng, n)
        return v, len(v)
    if col.kind == "vector":
        b = pickled_vector(rng, dims_for_pickle_size(n))
        return "\\\\x" + b.hex(), len(b)
    raise ValueError(f"unknown payload kind {col.kind}")


def payload_pool(
    spec: TableSpec, size: int, seed: int, pool: int = POOL_SIZE
) -> list[tuple[str, int]]:
    """`pool` distinct payloads of mean size `size` (spec.sizes_around): (COPY fields, bytes)."""
    rng = random.Random(f"{seed}:{spec.name}:{size}")
    out: list[tuple[str, int]] = []
    for row_size in spec.sizes_around(size, pool):
        fields: list[str] = []
        total = 0
        for col, n in zip(spec.payload, spec.split(row_size), strict=True):
            v, b = _payload_value(rng, col, n)
            fields.append(v)
            total += b
        out.append(("\t".join(fields), total))
    return out


@dataclass
class LoadResult:
    table: str
    rows: int
    payload_bytes_total: int

    @property
    def payload_bytes_per_row(self) -> float:
        return self.payload_bytes_total / self.rows if self.rows else 0.0


def load_rows(conn: Any, table: str, rows: int, payload_size: int, seed: int = 1) -> LoadResult:
    """COPY `rows` rows of mean payload size `payload_size` into `table` (appending)."""
    spec = TABLES[table]
    rng = random.Random(f"{seed}:{spec.name}:{payload_size}:rows")
    ctx = Context(rng)
    pool = payload_pool(spec, payload_size, seed) if spec.payload else [("", 0)]
    first = spec.fixed_row(ctx)
    columns = [*first, *(p.name for p in spec.payload)]
    cols = ", ".join(f'"{c}"' for c in columns)
    payload_total = 0
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
        buf: list[str] = []
        buffered = 0
        for i in range(rows):
            fixed = first if i == 0 else spec.fixed_row(ctx)
            payload, nbytes = pool[rng.randrange(len(pool))]
            payload_total += nbytes
            fields = [*fixed.values(), payload] if spec.payload else list(fixed.values())
            line = "\t".join(fields) + "\n"
            buf.append(line)
            buffered += len(line)
            if buffered > 1 << 20:
                copy.write("".join(buf))
                buf, buffered = [], 0
        if buf:
            copy.write("".join(buf))
    conn.commit()
    return LoadResult(table, rows, payload_total)


# --------------------------------------------------------------------------- sizes


@dataclass(frozen=True)
class RelationSizes:
    total: int  # pg_total_relation_size: heap + TOAST + indexes (+ FSM/VM forks)
    heap: int  # pg_relation_size: main fork of the heap
    table: int  # pg_table_size: heap + TOAST + FSM/VM, no indexes
    indexes: int  # pg_indexes_size
    toast: int  # pg_total_relation_size of the TOAST table (with its index)
    # Free pages recorded in the indexes' free space maps: the GIN pending list's pages,
    # recycled after it was merged (up to gin_pending_list_limit, 4 MB, per GIN index).
    index_free: int

    def as_dict(self) -> dict[str, int]:
        return {
            "total": self.total,
            "heap": self.heap,
            "table": self.table,
            "indexes": self.indexes,
            "toast": self.toast,
            "index_free": self.index_free,
        }


def vacuum_analyze(conn: Any, table: str) -> None:
    prev = conn.autocommit
    conn.autocommit = True
    try:
        conn.execute(f"VACUUM ANALYZE {table}")
    finally:
        conn.autocommit = prev


def relation_sizes(conn: Any, table: str) -> RelationSizes:
    conn.execute("CREATE EXTENSION IF NOT EXISTS pg_freespacemap SCHEMA public")
    row = conn.execute(
        """
        SELECT pg_total_relation_size(c.oid), pg_relation_size(c.oid), pg_table_size(c.oid),
               pg_indexes_size(c.oid),
               CASE WHEN c.reltoastrelid = 0 THEN 0
                    ELSE pg_total_relation_size(c.reltoastrelid) END,
               (SELECT coalesce(sum(f.avail), 0)
                FROM pg_index i, LATERAL public.pg_freespace(i.indexrelid::regclass) f
                WHERE i.indrelid = c.oid)
        FROM pg_class c WHERE c.oid = %s::regclass
        """,
        (table,),
    ).fetchone()
    conn.commit()
    return RelationSizes(*(int(x) for x in row))


def column_compression(conn: Any, table: str) -> dict[str, float]:
    """Stored/raw bytes per payload column (pg_column_size / octet_length), on a sample."""
    out: dict[str, float] = {}
    for col in TABLES[table].payload:
        raw = f'"{col.name}"' if col.kind == "vector" else f'"{col.name}"::text'
        row = conn.execute(
            f'SELECT sum(pg_column_size("{col.name}"))::float8 '
            f"/ nullif(sum(octet_length({raw})), 0) "
            f'FROM (SELECT "{col.name}" FROM {table} LIMIT 2000) s'
        ).fetchone()
        out[col.name] = round(float(row[0]), 4) if row and row[0] is not None else 0.0
    return out


def rows_for(table: str, payload: float, target_bytes: float, floor: int = 5_000) -> int:
    """Rows of mean payload `payload` that take about `target_bytes` (at least `floor` and
    the table's min_rows, at most 60,000 or min_rows)."""
    lo = max(floor, TABLES[table].min_rows)
    est = 500 + 0.8 * payload
    return int(min(max(60_000, lo), max(lo, target_bytes / est)))
