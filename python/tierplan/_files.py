"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write text to a temporary file beside path, then rename it over path.

    A failure at any point leaves either the old file or no file, never half a file; so does
    an interrupt, and SIGTERM or SIGHUP once the CLI handles them (handle_termination_signals
    in cli.py). Only SIGKILL or a crash can leave the hidden temporary ``.NAME.XXXX.tmp``.
    A symbolic link is written through: its target is replaced, and the link stays.
    """
    # Renaming over a link would replace the link itself with a regular file.
    target = Path(os.path.realpath(path))
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
