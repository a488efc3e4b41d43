"""File writing at the edges: atomic, and only when the content changes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_if_changed(path: Path, data: str | bytes, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` via a temporary file and rename.

    Returns True when the file was written, False when it already held exactly these bytes
    (its modification time is then left alone). ``durable`` files are flushed to the disk before
    the rename (sources such as catalogs); generated files, which can be made again, are not.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return True
