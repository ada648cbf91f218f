"""PGTune by keyword: names in, the C++ core's settings out."""

from __future__ import annotations

import enum
from typing import TypeVar

from tierplan._core import (
    DiskType,
    PgOs,
    PgTuneInput,
    PgTuneSettings,
    PgWorkload,
    pgtune_with_input,
    postgresql_conf,
)

_Choice = TypeVar("_Choice", bound=enum.Enum)


def _choice(kind: type[_Choice], field: str, value: str | _Choice) -> _Choice:
    if isinstance(value, kind):
        return value
    try:
        return kind[str(value)]
    except KeyError:
        names = ", ".join(member.name for member in kind)
        raise ValueError(f"{field}: {value!r} is not one of {names}") from None


def _memory_mib(memory_gib: float | None, memory_mib: float | None) -> float:
    if (memory_gib is None) == (memory_mib is None):
        raise ValueError("give the memory once: memory_gib or memory_mib")
    if memory_mib is not None:
        return float(memory_mib)
    mib = float(memory_gib or 0) * 1024.0
    if mib != int(mib) or mib <= 0:
        raise ValueError(
            f"memory_gib {memory_gib} is {mib} MiB: PGTune takes a positive whole number of MiB"
        )
    return mib


def _tuned(
    memory_gib: float | None,
    memory_mib: float | None,
    vcpu: int,
    workload: str | PgWorkload,
    postgres_version: int,
    disk: str | DiskType,
    max_connections: int,
    os: str | PgOs,
) -> tuple[PgTuneSettings, PgTuneInput]:
    settings, tune_input = pgtune_with_input(
        _memory_mib(memory_gib, memory_mib),
        vcpu,
        _choice(PgWorkload, "workload", workload),
        postgres_version,
        _choice(DiskType, "disk", disk),
        max_connections,
        _choice(PgOs, "os", os),
    )
    return settings, tune_input


def pgtune(
    *,
    memory_gib: float | None = None,
    memory_mib: float | None = None,
    vcpu: int,
    workload: str | PgWorkload = "web",
    postgres_version: int = 16,
    disk: str | DiskType = "ssd",
    max_connections: int = 0,
    os: str | PgOs = "linux",
) -> PgTuneSettings:
    """Every setting PGTune gives for its inputs: workload (web, oltp, dw, desktop, mixed),
    PostgreSQL version (10 to 18), OS (linux, windows, mac), disk (ssd, hdd, san, nvme), the
    memory (memory_gib or memory_mib), the vCPUs and the connections (0: PGTune's default for
    the workload). A setting PGTune leaves out is 0 or "". ValueError names a wrong input."""
    settings, _ = _tuned(
        memory_gib, memory_mib, vcpu, workload, postgres_version, disk, max_connections, os
    )
    return settings


def pgtune_conf(
    *,
    memory_gib: float | None = None,
    memory_mib: float | None = None,
    vcpu: int,
    workload: str | PgWorkload = "web",
    postgres_version: int = 16,
    disk: str | DiskType = "ssd",
    max_connections: int = 0,
    os: str | PgOs = "linux",
) -> str:
    """The postgresql.conf fragment PGTune's web tool prints for the same inputs as pgtune."""
    settings, tune_input = _tuned(
        memory_gib, memory_mib, vcpu, workload, postgres_version, disk, max_connections, os
    )
    return postgresql_conf(tune_input, settings)
