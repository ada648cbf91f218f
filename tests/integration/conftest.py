"""Fixtures: a real PostgreSQL and a real Redis, each on loopback on a free port.

Each test module that uses one gets its own server, started in a fresh temporary
directory and stopped (and the directory removed) when the module is done. A missing
server binary fails the tests with what to install: it is a broken install, not a
reason to skip.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import servers


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[servers.PostgresInfo]:
    """A PostgreSQL server (initdb'd for this module); yields host/port/user/dbname."""
    with contextlib.ExitStack() as stack:
        missing = ""
        try:
            info = stack.enter_context(servers.postgres_server())
        except servers.ServerUnavailable as e:
            missing = str(e)
        if missing:
            pytest.fail(missing, pytrace=False)
        yield info


@pytest.fixture(scope="module")
def redis_server() -> Iterator[servers.RedisInfo]:
    """A redis-server without persistence, for this module; yields host/port."""
    with contextlib.ExitStack() as stack:
        missing = ""
        try:
            info = stack.enter_context(servers.redis_server())
        except servers.ServerUnavailable as e:
            missing = str(e)
        if missing:
            pytest.fail(missing, pytrace=False)
        yield info
