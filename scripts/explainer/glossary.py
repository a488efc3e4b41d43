"""The glossary of names and terms (``content/glossary.yml``): its schema and validation (matching and
linking are :mod:`explainer.termlinks`, its pages :mod:`explainer.glossary_pages`, its exports
:mod:`explainer.exports`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import arabic, schema, yamlio
from .errors import ContentError, Problem
from .schema import Field

KINDS = ("person", "organisation", "product", "place", "term", "event")
# The entry schema, declared once.
ENTRY_FIELDS = {
    "id": Field(True, "text", "a short lowercase id, e.g. 'yann-lecun'"),
    "kind": Field(True, "text", f"one of: {', '.join(KINDS)}"),
    "ar": Field(True, "text", "the preferred Arabic form"),
    "ar_variants": Field(False, "texts", "every other spelling the Arabic text uses"),
    "en": Field(True, "text", "the preferred English form"),
    "en_variants": Field(False, "texts", "other English spellings"),
    "definition_ar": Field(True, "text", "one or two sentences in Arabic"),
    "definition_en": Field(True, "text", "one or two sentences in English"),
    "note": Field(False, "text", "a remark on the name or its rendering, in English"),
    "note_ar": Field(False, "text", "the same remark in Arabic, for the Arabic glossary"),
    "articles": Field(False, "texts", "the slugs of the only articles where the entry is linked"),
    "ar_ambiguous": Field(False, "texts", "spellings that are also ordinary Arabic words, linked only "
                          "where the article also names the entry in another form"),
}
ALLOW_FIELDS = {
    "text": Field(True, "text", "a Latin-script word of the Arabic text that is not a name or term"),
    "reason": Field(True, "text", "why it needs no glossary entry"),
}
TOP_FIELDS = ("entries", "allow_latin")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    ar: str
    en: str
    definition_ar: str
    definition_en: str
    ar_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    note: str = ""
    line: int = 0
    note_ar: str = ""
    articles: tuple[str, ...] = ()
    ar_ambiguous: tuple[str, ...] = ()

    def forms(self, lang: str) -> tuple[str, ...]:
        return (self.ar, *self.ar_variants, *self.ar_ambiguous) if lang == "ar" else (self.en, *self.en_variants)

    def belongs_to(self, slug: str | None) -> bool:
        """Whether the entry is linked in article ``slug`` (None: an article not known)."""
        return not self.articles or slug in self.articles

    def name(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en

    def definition(self, lang: str) -> str:
        return self.definition_ar if lang == "ar" else self.definition_en


@dataclass(frozen=True)
class Allowed:
    text: str
    reason: str
    line: int = 0


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...] = ()
    allow_latin: tuple[Allowed, ...] = ()

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    def lexicon(self) -> frozenset[str]:
        """The Arabic-script words of every form, for clitic stripping that knows these names."""
        return frozenset(arabic.lexical_form(word) for entry in self.entries
                         for form in (*entry.forms("ar"), *entry.forms("en"))
                         for _, _, word in arabic.words(form) if "\u0600" <= word[0] <= "\u06ff")


def parse(text: str, path: str) -> Glossary:
    """Read and validate the glossary; every problem is reported at once (ContentError, exit 1)."""
    data = yamlio.load(text, path)
    if data is None:
        return Glossary()
    if not isinstance(data, dict):
        raise ContentError(Problem(path, 1, f"expected a mapping with keys {', '.join(TOP_FIELDS)}, "
                                   f"found {type(data).__name__}"))
    problems: list[Problem] = []
    for key in data:
        if key not in TOP_FIELDS:
            problems.append(Problem(path, data.line_of(key), f"unknown key '{key}' (expected one of: "
                                    f"{', '.join(TOP_FIELDS)})"))
    entries: list[Entry] = []
    raw_entries = data.get("entries") or []
    if not isinstance(raw_entries, list):
        problems.append(Problem(path, data.line_of("entries"), "'entries' expected a list of entries, "
                                f"found {type(raw_entries).__name__}"))
        raw_entries = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(raw_entries, start=1):
        line = getattr(item, "line", data.line_of("entries"))
        entry_id = item.get("id") if isinstance(item, dict) else None
        label = f"entry '{entry_id}'" if isinstance(entry_id, str) else f"entry #{index}"
        item_problems = schema.check(item, ENTRY_FIELDS, path, line, label)
        problems += item_problems
        if not isinstance(item, dict):
            continue
        if isinstance(entry_id, str):
            if not ID_RE.match(entry_id):
                problems.append(Problem(path, item.line_of("id"), f"{label}: id expected lowercase letters, "
                                        "digits and single hyphens"))
            if entry_id in first_line:
                problems.append(Problem(path, item.line_of("id"), f"{label}: duplicate id (first at line "
                                        f"{first_line[entry_id]})"))
            first_line.setdefault(entry_id, line)
        kind = item.get("kind")
        if isinstance(kind, str) and kind not in KINDS:
            problems.append(Problem(path, item.line_of("kind"), f"{label}: unknown kind '{kind}' "
                                    f"(expected one of: {', '.join(KINDS)})"))
        if not item_problems:
            entries.append(Entry(
                id=item["id"], kind=item["kind"], ar=item["ar"], en=item["en"],
                definition_ar=item["definition_ar"], definition_en=item["definition_en"],
                ar_variants=tuple(item.get("ar_variants", ())), en_variants=tuple(item.get("en_variants", ())),
                note=item.get("note", ""), note_ar=item.get("note_ar", ""), line=line, articles=tuple(item.get("articles", ())),
                ar_ambiguous=tuple(item.get("ar_ambiguous", ()))))
    problems += _claimed_twice(entries, path)
    allowed: list[Allowed] = []
    raw_allow = data.get("allow_latin") or []
    if not isinstance(raw_allow, list):
        problems.append(Problem(path, data.line_of("allow_latin"), "'allow_latin' expected a list, found "
                                f"{type(raw_allow).__name__}"))
        raw_allow = []
    for index, item in enumerate(raw_allow, start=1):
        line = getattr(item, "line", data.line_of("allow_latin"))
        item_problems = schema.check(item, ALLOW_FIELDS, path, line, f"allow_latin #{index}")
        problems += item_problems
        if not item_problems:
            allowed.append(Allowed(item["text"], item["reason"], line))
    if problems:
        raise ContentError(problems)
    return Glossary(tuple(entries), tuple(allowed))


def _claimed_twice(entries: list[Entry], path: str) -> list[Problem]:
    problems = []
    for lang in ("ar", "en"):
        owner: dict[tuple[str, ...], Entry] = {}
        for entry in entries:
            for form in dict.fromkeys(entry.forms(lang)):
                form_key = arabic.keys(form)  # plain keys: stricter than matching
                other = owner.get(form_key)
                if other is not None and other.id != entry.id:
                    problems.append(Problem(path, entry.line, f"entry '{entry.id}': {lang} form '{form}' is "
                                            f"also claimed by entry '{other.id}' (line {other.line})"))
                owner.setdefault(form_key, entry)
    return problems


LIST_SEPARATOR = {"ar": "، ", "en": ", "}  # the comma of each language, between items of a list
