"""Pagefind's output kept from one build to the next, and the site's bundle folder made from it.

Pagefind names its index chunks, page fragments, filters and metadata after their content, and
does not write again a file of that name that is already there: run over the output of the last
build, it compresses and writes only what changed (at 1,000 articles, an edited entry has it write
a dozen files out of about 1,500). It removes nothing, so the files its new metadata no longer
lists are removed here, and the bundle folder of the site is brought in line with the output file
by file: the named files linked (they are never written again), the others copied when they
changed. Which files are current is read from Pagefind's entry and metadata files
(:func:`bundle_files`, the one place that knows their format, checked against the version).

Content-named files are safe to keep only when their names are unique, and the names are short
(seven hexadecimal digits). Within one run Pagefind lengthens the name of one of two files whose
short names collide, and which one depends on the order it read the pages in; across runs it
cannot see a collision (a kept file of the name is taken for the new content). So a file the new
metadata lists under the name of a kept file but describes otherwise (another word range, page
word count or filter) is a collision across runs, and a lengthened name one within the run: either
has the output made again from nothing, as do a build that did not finish (a marker file beside
the output) and a change of Pagefind's version.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Callable, NamedTuple

from .errors import InputError, Problem
from .fsio import link_file, remove_stale, same_file, write_if_changed

PAGEFIND_VERSIONS = ("1.5.",)  # the versions whose entry and metadata files bundle_files reads
_ENTRY = "pagefind-entry.json"
_MARK = b"pagefind_dcd"  # what Pagefind writes before the data of its compressed files
# The lists of Pagefind's metadata (by position): their folder, file suffix and the position of the
# name in each of their items (pages: hash, word count; chunks: from, to, hash; filters: name, hash).
_LISTS = {1: ("fragment", "pf_fragment", 0), 2: ("index", "pf_index", 2), 3: ("filter", "pf_filter", 1)}
_SHORT_RE = re.compile(r"^[a-z0-9-]+_[0-9a-f]{7}$", re.I)  # a content name not lengthened by a collision


def _cbor(data: bytes, at: int) -> tuple[object, int]:
    """One CBOR item of ``data`` at ``at`` (the kinds Pagefind's metadata uses), and where it ends."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info >= 28:
        raise ValueError(f"unexpected CBOR item {head:#04x}")
    if info >= 24:
        size = 1 << (info - 24)
        info, at = int.from_bytes(data[at:at + size], "big"), at + size
    if major == 0:
        return info, at
    if major in (2, 3):
        raw = data[at:at + info]
        return (raw.decode("utf-8") if major == 3 else raw), at + info
    if major == 4:
        items = []
        for _ in range(info):
            item, at = _cbor(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unexpected CBOR item {head:#04x}")


class Bundle(NamedTuple):
    version: str
    files: dict[str, tuple]  # relative path -> what the metadata says of it (() for the top-level files)


def bundle_files(output: Path) -> Bundle:
    """The bundle Pagefind last wrote in ``output``: its version and files, relative to ``output``:
    what its entry file names (the top-level files, rewritten on every run, and the metadata of
    each language) and what each metadata file lists (page fragments, index chunks, filters), with
    what the metadata says of each (word range, word count, filter name). Raises InputError when
    the files are not of a version this function reads."""
    entry_file = output / _ENTRY
    try:
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        version = entry["version"]
        languages = entry["languages"].values()
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise InputError(Problem(str(entry_file), None, f"expected Pagefind's entry file, found: {exc}")) from None
    if not str(version).startswith(PAGEFIND_VERSIONS):
        raise InputError(Problem(str(entry_file), None, f"expected an index of Pagefind {', '.join(PAGEFIND_VERSIONS)}x"
                                 f" (the versions whose files the site keeps from one build to the next), "
                                 f"found {version}"))
    files: dict[str, tuple] = {entry.name: () for entry in os.scandir(output)
                               if entry.is_file() and not entry.name.endswith(".pf_meta")}
    for language in languages:
        meta = f"pagefind.{language['hash']}.pf_meta"
        files[meta] = ()
        files.update(_listed(output / meta, version))
    return Bundle(version, files)


def _listed(meta_file: Path, version: str) -> dict[str, tuple]:
    """The fragments, chunks and filters one metadata file lists, with what it says of each."""
    try:
        data = gzip.decompress(meta_file.read_bytes())
        if not data.startswith(_MARK):
            raise ValueError("no Pagefind mark")
        meta, _ = _cbor(data, len(_MARK))
        if not isinstance(meta, list) or meta[0] != version:
            raise ValueError(f"metadata of version {meta[0] if isinstance(meta, list) else '?'}")
        return {f"{folder}/{item[name]}.{suffix}": tuple(item[:name] + item[name + 1:])
                for position, (folder, suffix, name) in _LISTS.items() for item in meta[position]}
    except (OSError, ValueError, IndexError, TypeError, KeyError) as exc:
        raise InputError(Problem(str(meta_file), None, f"expected Pagefind {version}'s metadata, found: {exc}")) from None


def _collided(files: dict[str, tuple]) -> bool:
    """Whether a content name of ``files`` was lengthened (two contents' short names collided)."""
    return any("/" in rel and not _SHORT_RE.match(rel.split("/", 1)[1].rsplit(".", 1)[0]) for rel in files)


def _conflicting(before: Bundle, after: Bundle) -> bool:
    """Whether the new bundle may hold a kept file in place of other content of the same name: a
    name both list but describe otherwise, or another version of Pagefind."""
    return before.version != after.version or any(
        before.files.get(rel, described) != described for rel, described in after.files.items())


def run_pagefind(pages: Path, output: Path) -> None:
    """Pagefind's indexer (the binary of the PyPI package ``pagefind[bin]``, run as it is, not
    through ``python -m pagefind``, which starts a Python first) over ``pages``."""
    try:
        from pagefind_bin import get_executable

        binary = str(get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise InputError(Problem(str(output), None, "expected Pagefind's binary (the PyPI package pagefind[bin], "
                                 f"which `make install` installs), found none: {exc}")) from None
    result = subprocess.run([binary, "--site", str(pages), "--output-path", str(output), "--quiet"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise InputError(Problem(str(output), None, "Pagefind could not write the search index: "
                                 f"{(result.stderr or result.stdout).strip()[-1000:]}"))


def _kept(output: Path, marker: Path) -> Bundle | None:
    """The last build's bundle in ``output``, if it finished and is one this module reads."""
    if marker.exists() or not (output / _ENTRY).is_file():
        return None
    try:
        return bundle_files(output)
    except InputError:
        return None


def _fresh(pages: Path, output: Path) -> Bundle:
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir(parents=True)
    run_pagefind(pages, output)
    return bundle_files(output)


def index_kept(pages: Path, output: Path) -> set[str]:
    """Pagefind run over ``pages`` into ``output``, which holds the last build's bundle (made again
    from nothing when that build did not finish, or when a name collided); the files the bundle no
    longer lists removed. Returns the bundle's files, relative to ``output``."""
    marker = output.with_name(f"{output.name}.unfinished")
    before = _kept(output, marker)
    output.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    if before is None:
        after = _fresh(pages, output)
    else:
        for entry in os.scandir(output):  # the entry, metadata and the rest: only this run's are current
            if entry.is_file():
                os.unlink(entry.path)
        run_pagefind(pages, output)
        after = bundle_files(output)
        if _collided(after.files) or _conflicting(before, after):
            after = _fresh(pages, output)
    remove_stale(output, {str(output / rel) for rel in after.files}, ())
    if not _collided(after.files):  # else the next build starts from nothing too
        marker.unlink()
    return set(after.files)


def place(output: Path, files: set[str], folder: Path, extra: dict[str, Callable[[], bytes]], left_out: tuple[str, ...]) -> None:
    """``folder`` made of the bundle's ``files`` in ``output`` (but ``left_out``) and the ``extra``
    files (name -> what makes its bytes; content-named in a folder): a content-named file is linked (copied where links cannot be made) unless
    the folder has it already, any other file is written when its bytes change (as a new file: the
    published site may link the old one), and every other file is removed."""
    wanted = set()
    for rel in sorted(files - set(left_out)):
        wanted.add(rel)
        source, target = output / rel, folder / rel
        if "/" not in rel and not rel.endswith(".pf_meta"):
            write_if_changed(target, source.read_bytes(), durable=False)
        elif not same_file(source, target):
            link_file(source, target)
    for rel, make in extra.items():
        wanted.add(rel)
        if "/" not in rel or not (folder / rel).is_file():  # those in folders are content-named
            write_if_changed(folder / rel, make(), durable=False)
    remove_stale(folder, {str(folder / rel) for rel in wanted}, ())
