"""Search records kept from one build to the next, one file per record, named after its digest.

A build's ledger (:mod:`explainer.mkdocs_plugin.reuse`) is read and written whole on every build;
it holds only each record's digest, address and language, and the records themselves stay here,
read only when a search bundle needs what one holds (a page Pagefind has not indexed yet, a texts
file the bundle lacks).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

from .errors import InputError, Problem
from .fsio import remove_stale, write_if_changed


class RecordStore:
    """The records of one ledger, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = str(folder)

    def path(self, digest: str) -> str:
        return os.path.join(self.folder, f"{digest[:32]}.json")

    def has(self, digest: str) -> bool:
        return os.path.isfile(self.path(digest))

    def put(self, digest: str, data: list) -> None:
        """The record of ``digest`` kept (written unless it is there: its name tells its content)."""
        if not self.has(digest):
            write_if_changed(Path(self.path(digest)), json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                             durable=False)

    def loader(self, digest: str) -> Callable[[], list]:
        """What reads the record of ``digest`` when it is wanted."""
        return lambda: self.read(digest)

    def read(self, digest: str) -> list:
        path = self.path(digest)
        try:
            with open(path, "rb") as file:
                return json.loads(file.read())
        except (OSError, ValueError) as exc:
            raise InputError(Problem(path, None, "expected the search record the last build kept, found "
                                     f"{type(exc).__name__}: {exc} (a build after removing the cache folder "
                                     "makes it again)")) from None

    def keep_only(self, digests: set[str]) -> None:
        """Every record but those of ``digests`` removed."""
        if os.path.isdir(self.folder):
            remove_stale(Path(self.folder), {self.path(digest) for digest in digests}, ())
