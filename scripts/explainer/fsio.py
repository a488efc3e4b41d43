"""File writing at the edges: atomic, and only when the content changes."""

from __future__ import annotations

import fnmatch
import os
import shutil
import tempfile
from pathlib import Path


def _holds(path: Path, raw: bytes) -> bool:
    """Whether ``path`` already holds exactly ``raw``."""
    try:
        return path.read_bytes() == raw
    except FileNotFoundError:
        return False


TEMPORARY_GLOB = ".*.tmp"  # the names of the temporary files written here (".<target>.<random>.tmp")


def is_temporary(name: str) -> bool:
    """Whether a file name is one of :data:`TEMPORARY_GLOB`."""
    return fnmatch.fnmatchcase(name, TEMPORARY_GLOB)


def _write_temporary(path: Path, raw: bytes, durable: bool, folder: Path | None = None) -> str:
    """``raw`` in a new temporary file next to ``path``, or in ``folder`` (removed again if writing
    fails)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder or path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def write_if_changed(path: Path, data: str | bytes, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` via a temporary file and rename.

    Returns True when the file was written, False when it already held exactly these bytes
    (its modification time is then left alone). ``durable`` files are flushed to the disk before
    the rename (sources such as catalogs); generated files, which can be made again, are not.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if _holds(path, raw):
        return False
    tmp = _write_temporary(path, raw, durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise
    return True


class Staging:
    """Files written in two steps: each to a temporary file as soon as it is known (so that
    thousands of them need not be held in memory), then all renamed into place by :meth:`commit`,
    or all removed by :meth:`abort`. The temporary files are next to their targets, or in
    ``folder`` (on the same file system), so that a tool watching the targets' folders (a live
    preview) sees the files change at once, when they are renamed. The caller stages only files
    that change (it has read them already, to compare)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.staged: list[tuple[Path, str]] = []
        self.folder = folder

    def add(self, path: Path, data: str | bytes) -> str:
        """Stage ``data`` for ``path``; the name of the temporary file that holds it."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        tmp = _write_temporary(path, raw, durable=False, folder=self.folder)
        self.staged.append((path, tmp))
        return tmp

    def commit(self) -> list[Path]:
        """Every staged file into place; the paths written."""
        done = []
        for path, tmp in self.staged:
            os.replace(tmp, path)
            done.append(path)
        self.staged = []
        return done

    def abort(self) -> None:
        for _, tmp in self.staged:
            _remove(tmp)
        self.staged = []


def remove_stale(site: Path, written: set[str], kept: tuple[Path, ...]) -> list[str]:
    """Remove the files under ``site`` that no build of this run wrote, except under ``kept``
    (and the folders left empty); returns what was removed, relative to ``site``."""
    root = os.path.abspath(site)
    skipped = {os.path.abspath(folder) for folder in kept}
    written = {os.path.abspath(path) for path in written}
    removed, folders = [], []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if os.path.join(folder, name) not in skipped]
        folders.append(folder)
        for name in files:
            path = os.path.join(folder, name)
            if path not in written:
                os.unlink(path)
                removed.append(os.path.relpath(path, root).replace(os.sep, "/"))
    for folder in reversed(folders[1:]):  # the deepest first
        try:
            os.rmdir(folder)  # only if empty
        except OSError:
            pass
    return sorted(removed)


def files_under(folder: Path | str, wanted) -> list[str]:
    """The files under ``folder`` whose name ``wanted(name)`` accepts, as paths (str), sorted;
    none when it does not exist (os.walk, not pathlib: generation looks through thousands of pages
    on every run)."""
    out = []
    for here, _, names in os.walk(folder):
        out += [os.path.join(here, name) for name in names if wanted(name)]
    return sorted(out)


def read_if_there(path: Path | str) -> bytes | None:
    """The file's bytes, None if there is no such file."""
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        return None


def link_file(source: Path, target: Path) -> None:
    """``target`` made the same file as ``source`` (a hard link where the file system allows, else a
    copy), in one rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.explainer-tmp")
    temporary.unlink(missing_ok=True)
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copy2(source, temporary)
    os.replace(temporary, target)


def same_file(a: Path, b: Path) -> bool:
    """The same file (linked), or its copy (same size and modification time)."""
    try:
        first, second = a.stat(), b.stat()
    except OSError:
        return False
    return (first.st_ino, first.st_dev) == (second.st_ino, second.st_dev) or \
        (first.st_size, first.st_mtime_ns) == (second.st_size, second.st_mtime_ns)
