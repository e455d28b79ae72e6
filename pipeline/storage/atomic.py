"""Atomic file replacement shared by every writer of the warehouse (tables, manifest, per-document cache)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _process_umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


_UMASK = _process_umask()  # read once, at import: setting the umask to read it is not thread-safe


def replace_atomically(target: Path, write: Callable[[str], None], prefix: str | None = None,
                       suffix: str = ".tmp") -> None:
    """Call ``write(tmp)`` on a temporary file beside ``target``, then rename it over ``target``: readers see
    the old file or the new one, never a part. The file gets the permissions of any new file (0666 less the
    umask; a bare temporary file would be private to its owner, and a BI tool running as another user could
    not read the table). On any error the temporary file is removed and the error raised."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix if prefix is not None else f".{target.name}-", suffix=suffix,
                               dir=target.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
