"""Translator's notes for the Arabic reader (``content/articles/<slug>/notes-ar.yml``).

The English reader's notes are the ``# `` comments of ``en.po``; the Arabic reader needs notes of
their own, in Arabic, where the Arabic text itself is garbled (a machine translation, a name
spelt three ways). The file maps an anchor id of ``ar.md`` to the note shown under that segment
on the Arabic pages::

    s-0dfff5: >-
      يُقصد بالعنوان «عشر سنوات من الفرص الضائعة»…
"""

from __future__ import annotations

from . import yamlio
from .errors import ContentError, Problem
from .schema import found

FILE_NAME = "notes-ar.yml"


def parse(text: str, path: str, segment_ids: set[str]) -> dict[str, str]:
    """Anchor id -> note; every problem (unknown id, a note that is not text) reported at once."""
    data = yamlio.load(text, path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(Problem(path, 1, f"expected a mapping of anchor ids to notes, found {found(data)}"))
    problems = []
    notes = {}
    for key, value in data.items():
        line = data.line_of(key)
        if key not in segment_ids:
            problems.append(Problem(path, line, f"'{key}' is not an anchor id of ar.md (expected the id of "
                                    "a paragraph or heading, such as 'p-1c6d68', or 'title')"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(path, line, f"the note of '{key}' expected text, found {found(value)}"))
        else:
            notes[key] = " ".join(value.split())
    if problems:
        raise ContentError(problems)
    return notes
