"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from tierplan.errors import OutputError

# What open(2) asks for a new file; the umask then takes its bits away (0644 under 022).
_NEW_FILE_MODE = 0o666


def _current_umask() -> int:
    """The process's umask, read from /proc where Linux shows it, else set and restored."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    """An existing file keeps its mode; a new one gets what the umask leaves, as a plain
    open() would give it (mkstemp's own 0600 would hide it from the group and others)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return _NEW_FILE_MODE & ~_current_umask()


def _set_mode(descriptor: int, mode: int, existed: bool) -> None:
    """Gives the temporary file the mode the output should have; a file system without
    modes (vfat, some network mounts) refuses, which matters only when a mode was kept."""
    try:
        os.fchmod(descriptor, mode)
    except OSError:
        if existed:
            raise


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write text to a temporary file beside path, then rename it over path.

    A failure at any point leaves either the old file or no file, never half a file; so does
    an interrupt, and SIGTERM or SIGHUP once the CLI handles them (handle_termination_signals
    in cli.py). Only SIGKILL or a crash can leave the hidden temporary ``.NAME.XXXX.tmp``.
    A symbolic link is written through: its target is replaced, and the link stays. Raises
    OutputError, naming path and the cause, when the file cannot be written.
    """
    # Renaming over a link would replace the link itself with a regular file.
    target = Path(os.path.realpath(path))
    directory = target.parent
    try:
        if not directory.is_dir():
            raise OutputError(f"cannot write {os.fspath(path)}: no directory {directory}")
        if target.is_dir():
            raise OutputError(f"cannot write {os.fspath(path)}: it is a directory")
        existed = target.exists()
        mode = _mode_for(target)
    except OSError as error:
        if isinstance(error, OutputError):
            raise
        raise OutputError(f"cannot write {os.fspath(path)}: {error.strerror or error}") from None
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise OutputError(
            f"cannot write {os.fspath(path)}: {error.strerror or error} (in {directory})"
        ) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            _set_mode(handle.fileno(), mode, existed)
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(
                f"cannot write {os.fspath(path)}: {error.strerror or error}"
            ) from None
        raise
