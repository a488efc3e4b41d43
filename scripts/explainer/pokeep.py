"""An updated catalog written with the translator's own lines wherever their text is unchanged.

Babel writes a whole catalog anew, wrapping every string at its width: a translator's one-line
``msgstr`` (as Poedit, Weblate or a text editor left it) would be re-wrapped whenever anything else
in the file has to change. :func:`keep_lines` takes Babel's text and puts back, field by field,
the lines the translator's file had for every ``msgctxt``, ``msgid`` and ``msgstr`` whose value
is the same; only what the update changed is written in Babel's form.
"""

from __future__ import annotations

from . import posyntax


def keep_lines(new: bytes, old: bytes | None) -> bytes:
    """``new`` (a catalog written by Babel) with the lines of ``old`` for every unchanged field."""
    if not old:
        return new
    old_entries, problems = posyntax.parse(old, "old")
    if problems:
        return new
    new_entries, problems = posyntax.parse(new, "new")
    if problems:  # pragma: no cover - Babel's output is sound; keep it as it is otherwise
        return new
    old_lines, new_lines = old.decode("utf-8").split("\n"), new.decode("utf-8").split("\n")
    by_key = {(e.obsolete, e.key): e for e in old_entries}
    spans = []  # (first, last) lines of new to replace, and the old lines that replace them
    for entry in new_entries:
        before = by_key.get((entry.obsolete, entry.key))
        if before is None:
            continue
        for name, value in entry.fields.items():
            if before.fields.get(name) != value:
                continue
            kept = old_lines[before.lines[name] - 1:before.last_lines[name]]
            spans.append((entry.lines[name], entry.last_lines[name], kept))
    for first, last, kept in sorted(spans, reverse=True):
        new_lines[first - 1:last] = kept
    return "\n".join(new_lines).encode("utf-8")
