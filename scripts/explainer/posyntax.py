"""A strict reader of the PO syntax, run before Babel reads a catalog.

Babel's parser is lenient: an unclosed string loses its last character, a missing ``msgid`` line
merges two entries, a ``msgstr`` without quotes is read as garbage. GNU ``msgfmt --check`` rejects
all of these; this module rejects them too, at the line msgfmt names, so that a translator's slip
is reported before anything is written (``en.po:LINE: ...``). It checks the syntax only (strings,
escapes, keywords and their order, UTF-8), and the few rules msgfmt adds on whole entries
(duplicates, ``\\n`` at both ends); what the entries mean is :mod:`explainer.catalog`'s job.

The grammar, from the GNU gettext manual ("The Format of PO Files")::

    entry   := comment* [msgctxt string+] msgid string+ ( msgstr string+
                                                       | msgid_plural string+ (msgstr[N] string+)+ )
    comment := '#' ...            (an obsolete entry is the same with '#~ ' before each line)
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import Problem

KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)(?=[\s\"]|$)")
WORD_RE = re.compile(r"[^\s\"]+")
SIMPLE_ESCAPES = frozenset('ntbrfva\\"?\'')
OCTAL = frozenset("01234567")
HEX = frozenset("0123456789abcdefABCDEF")


@dataclass
class Entry:
    """One entry as written: its fields' decoded values and the line of each keyword."""

    obsolete: bool
    fields: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    last_lines: dict[str, int] = field(default_factory=dict)  # a field's last (continuation) line
    first_line: int = 0

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.fields.get("msgctxt"), self.fields.get("msgid", ""))

    @property
    def translations(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.fields.items() if k.startswith("msgstr")]


class _LineError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_PLAIN_RE = re.compile(r'[^"\\]*')


def _read_string(text: str, start: int) -> tuple[str, int]:
    """The decoded string starting at the quote ``text[start]``, and the index after its end."""
    out: list[str] = []
    i = start + 1
    while i < len(text):
        plain = _PLAIN_RE.match(text, i).end()  # a run of characters that stand for themselves
        if plain > i:
            out.append(text[i:plain])
            i = plain
            if i == len(text):
                break
        char = text[i]
        if char == '"':
            return "".join(out), i + 1
        if char == "\\":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt in SIMPLE_ESCAPES and nxt:
                out.append(codecs.decode("\\" + nxt, "unicode_escape") if nxt not in "\\\"?'" else nxt)
                i += 2
                continue
            if nxt in OCTAL and nxt:
                j = i + 1
                while j < len(text) and j < i + 4 and text[j] in OCTAL:
                    j += 1
                out.append(chr(int(text[i + 1:j], 8)))
                i = j
                continue
            if nxt == "x" and i + 2 < len(text) and text[i + 2] in HEX:
                j = i + 2
                while j < len(text) and text[j] in HEX:
                    j += 1
                out.append(chr(int(text[i + 2:j], 16)))
                i = j
                continue
            shown = "\\" + nxt if nxt else "\\ at the end of the line"
            raise _LineError(f"invalid escape sequence '{shown}' in a string (write \\\\ for a "
                             "backslash, \\\" for a quote, \\n for a line break)")
    raise _LineError("the string is not closed: the line ends before its closing quote")


def _read_strings(text: str, start: int) -> str:
    """One or more strings from ``start`` to the end of the line, concatenated."""
    value: list[str] = []
    i = start
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text):
            break
        if text[i] != '"':
            word = WORD_RE.match(text, i)
            found = word.group(0) if word else text[i]
            raise _LineError(f"expected a quoted string, found '{found[:40]}' (text must be "
                             'written between double quotes: "…")')
        part, i = _read_string(text, i)
        value.append(part)
    if not value:
        raise _LineError("expected a quoted string after the keyword")
    return "".join(value)


class _Parser:
    """The entries of a PO file, and every problem of its syntax."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: list[Entry] = []
        self.problems: list[Problem] = []
        self.entry: Entry | None = None
        self.current: str | None = None  # the field the next continuation string belongs to

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def finish(self) -> None:
        """Close the entry being read; report what it lacks."""
        entry, self.entry, self.current = self.entry, None, None
        if entry is None:
            return
        if "msgid" not in entry.fields:
            return  # already reported: a msgctxt or msgstr without msgid
        plural = "msgid_plural" in entry.fields
        if not entry.translations:
            self.problem(entry.lines["msgid"], "entry has no msgstr line (expected msgstr \"…\" "
                         "after the msgid)")
        elif plural and not any(k.startswith("msgstr[") for k, _ in entry.translations):
            self.problem(entry.lines["msgid"], "entry has msgid_plural but a plain msgstr (expected "
                         "msgstr[0], msgstr[1]…)")
        else:
            self.entries.append(entry)

    def keyword(self, number: int, keyword: str, value: str, obsolete: bool) -> None:
        entry = self.entry
        name = "msgstr[]" if keyword.startswith("msgstr[") else keyword
        if entry is not None and (entry.obsolete != obsolete or name in ("msgctxt", "msgid")
                                  and "msgid" in entry.fields):
            self.finish()
            entry = None
        if entry is None:
            entry = self.entry = Entry(obsolete, first_line=number)
        fields = entry.fields
        if name == "msgctxt":
            if fields:
                return self.problem(number, "a second msgctxt in one entry; expected msgctxt, "
                                    "then msgid, then msgstr")
        elif name == "msgid":
            if "msgid" in fields:
                return self.problem(number, "a second msgid in one entry; expected msgstr after the msgid")
        elif name == "msgid_plural":
            if "msgid" not in fields or "msgid_plural" in fields or entry.translations:
                return self.problem(number, "msgid_plural out of place; expected it right after the msgid")
        else:
            if "msgid" not in fields:
                self.entry = None
                return self.problem(number, f"{keyword} without a msgid before it (is the msgid "
                                    "line missing?)")
            plural = "msgid_plural" in fields
            if name == "msgstr" and (plural or "msgstr" in fields):
                return self.problem(number, "a second msgstr in one entry" if not plural else
                                    "plain msgstr in an entry with msgid_plural (expected msgstr[N])")
            if name == "msgstr[]" and not plural:
                self.problem(entry.lines["msgid"], f"{keyword} in an entry without msgid_plural")
                self.entry = None
                return
            if keyword in fields:
                return self.problem(number, f"{keyword} twice in one entry")
        fields[keyword] = value
        entry.lines[keyword] = entry.last_lines[keyword] = number
        self.current = keyword

    def line(self, number: int, raw: str) -> None:
        text = raw.strip()
        obsolete = text.startswith("#~")
        if obsolete:
            text = text[2:].strip()
            if text.startswith("|") or not text:
                return  # a previous msgid of an obsolete entry, or an empty obsolete line
        elif text.startswith("#"):
            if self.entry is not None and self.entry.translations:
                self.finish()  # a comment starts the next entry
            return
        if not text:
            self.finish()
            return
        keyword = KEYWORD_RE.match(text)
        try:
            if keyword:
                value = _read_strings(text, keyword.end())
                self.keyword(number, keyword.group(1), value, obsolete)
            elif text.startswith('"'):
                value = _read_strings(text, 0)
                if self.entry is None or self.current is None or self.entry.obsolete != obsolete:
                    self.problem(number, "a quoted string that belongs to no keyword (expected "
                                 "msgctxt, msgid or msgstr before it)")
                else:
                    self.entry.fields[self.current] += value
                    self.entry.last_lines[self.current] = number
            else:
                word = WORD_RE.match(text)
                self.problem(number, f"unknown keyword '{(word.group(0) if word else text)[:40]}' "
                             "(expected msgctxt, msgid, msgid_plural, msgstr, a \"…\" string or a # comment)")
        except _LineError as exc:
            self.problem(number, exc.message)
            if keyword:  # the keyword is there: the entry is not reported once more for lacking it
                self.keyword(number, keyword.group(1), "", obsolete)


def _lines(data: bytes, path: str, problems: list[Problem]) -> list[tuple[int, str]]:
    """The file's lines, decoded; a line that is not UTF-8 is reported (and read with U+FFFD)."""
    out = []
    if data.startswith(codecs.BOM_UTF8):
        problems.append(Problem(path, 1, "the file starts with a byte order mark (BOM); save it as "
                                "UTF-8 without BOM (gettext tools reject it)"))
        data = data[len(codecs.BOM_UTF8):]
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            out.append((number, raw.decode("utf-8")))
        except UnicodeDecodeError as exc:
            column = len(raw[:exc.start].decode("utf-8", errors="replace")) + 1
            problems.append(Problem(path, number, f"invalid UTF-8 at column {column}; save the file "
                                    "as UTF-8"))
            out.append((number, raw.decode("utf-8", errors="replace")))
    return out


def _entry_rules(entries: list[Entry], path: str) -> list[Problem]:
    """What msgfmt checks over whole entries, and the one rule of this project's catalogs."""
    problems = []
    seen: dict[tuple[str | None, str], int] = {}
    contexts: dict[str, int] = {}
    for index, entry in enumerate(e for e in entries if not e.obsolete):
        line = entry.lines["msgid"]
        label = entry.fields.get("msgctxt") or entry.fields["msgid"][:40] or "the header"
        if entry.key in seen:
            problems.append(Problem(path, line, f"duplicate entry {label!r} (first at line "
                                    f"{seen[entry.key]}); gettext tools keep only one of them"))
            continue
        if entry.key == (None, "") and index > 0:
            problems.append(Problem(path, line, "the header entry (msgid \"\") is not the first entry "
                                    "of the file; move it to the top"))
        seen[entry.key] = entry.lines.get("msgctxt", line)
        context = entry.fields.get("msgctxt")
        if context is not None:
            if context in contexts:
                problems.append(Problem(path, entry.lines["msgctxt"], f"msgctxt '{context}' is used "
                                        f"twice (first at line {contexts[context]}); each segment "
                                        "has one entry"))
            contexts.setdefault(context, entry.lines["msgctxt"])
        msgid = entry.fields["msgid"]
        for keyword, string in entry.translations:
            if not msgid or not string:
                continue
            for end, name in ((0, "begin"), (-1, "end")):
                if (msgid[end] == "\n") != (string[end] == "\n"):
                    problems.append(Problem(path, entry.lines[keyword], f"msgid and {keyword} do not "
                                            f"both {name} with a line break (\\n)"))
    return problems


def parse(data: bytes, path: str) -> tuple[list[Entry], list[Problem]]:
    """The entries of PO bytes as written, and every problem of their syntax (1-based lines)."""
    problems: list[Problem] = []
    parser = _Parser(path)
    for number, text in _lines(data, path, problems):
        parser.line(number, text)
    parser.finish()
    problems += parser.problems
    problems += _entry_rules(parser.entries, path)
    return parser.entries, sorted(problems, key=lambda p: (p.line or 0))


def check(data: bytes, path: str) -> list[Problem]:
    """Every syntax problem of PO bytes; empty when the file is sound."""
    return parse(data, path)[1]
