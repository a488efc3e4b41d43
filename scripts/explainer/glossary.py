"""The glossary of names and terms (``content/glossary.yml``): schema, validation, matching and
linking (its pages are :mod:`explainer.glossary_pages`, its exports :mod:`explainer.exports`).

Matching works on word keys (:mod:`explainer.arabic`), so an Arabic term is found with clitics
attached (لميتا, وبالذكاء) and in any spelling variant (hamza forms, ة/ه, ى/ي, tashkeel, tatweel).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from . import arabic, prerender, schema, yamlio
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


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: Entry
    ambiguous: bool = False  # found by a spelling that is also an ordinary word


@dataclass(frozen=True)
class Scope:
    """What may be linked in one article: entries limited to other articles are not, and an
    ambiguous spelling only where the article names its entry in another form too."""

    slug: str | None = None
    confirmed: frozenset[str] = frozenset()

    def allows(self, match: Match) -> bool:
        return match.entry.belongs_to(self.slug) and (not match.ambiguous or match.entry.id in self.confirmed)


def scope_of(matcher: "Matcher", slug: str, texts: list[str]) -> Scope:
    """The :class:`Scope` of article ``slug``, whose paragraphs (in the matcher's language) are ``texts``."""
    confirmed = {m.entry.id for text in texts for m in matcher.find(text)
                 if not m.ambiguous and m.entry.belongs_to(slug)}
    return Scope(slug, frozenset(confirmed))


@dataclass
class Matcher:
    """Finds glossary terms in text of one language."""

    glossary: Glossary
    lang: str
    terms: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    longest: int = 1
    lexicon: frozenset[str] = frozenset()
    ambiguous: set[tuple[str, ...]] = field(default_factory=set)
    _keys: dict[str, str] = field(default_factory=dict, repr=False)  # word -> key, computed once
    _found: dict[str, list[Match]] = field(default_factory=dict, repr=False)  # text -> its matches

    def key(self, word: str) -> str:
        found = self._keys.get(word)
        if found is None:
            found = self._keys[word] = arabic.key(word, self.lexicon)
        return found

    def __post_init__(self) -> None:
        self.lexicon = self.glossary.lexicon()
        for entry in self.glossary.entries:
            for form in entry.forms(self.lang):
                form_keys = arabic.keys(form, self.lexicon)
                if form_keys:
                    self.terms.setdefault(form_keys, entry)
                    self.longest = max(self.longest, len(form_keys))
                    if self.lang == "ar" and form in entry.ar_ambiguous:
                        self.ambiguous.add(form_keys)

    def mentions(self, entry: Entry, text: str) -> bool:
        """Whether any form of ``entry`` occurs in ``text``, even inside a longer term."""
        text_keys = [self.key(word) for _, _, word in arabic.words(text)]
        for form in entry.forms(self.lang):
            form_keys = list(arabic.keys(form, self.lexicon))
            size = len(form_keys)
            if size and any(text_keys[i:i + size] == form_keys for i in range(len(text_keys) - size + 1)):
                return True
        return False

    def find(self, text: str, protected: list[tuple[int, int]] = ()) -> list[Match]:
        """Non-overlapping matches, longest first, left to right; none inside ``protected`` spans."""
        if not protected:
            found = self._found.get(text)
            if found is None:
                found = self._found[text] = self._find(text, ())
            return found
        return self._find(text, protected)

    def _find(self, text: str, protected) -> list[Match]:
        tokens = arabic.words(text)
        token_keys = [self.key(word) for _, _, word in tokens]
        matches: list[Match] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self.longest, len(tokens) - i), 0, -1):
                key = tuple(token_keys[i:i + size])
                entry = self.terms.get(key)
                if entry is None:
                    continue
                start, end = tokens[i][0], tokens[i + size - 1][1]
                if any(start < p_end and p_start < end for p_start, p_end in protected):
                    continue
                matches.append(Match(start, end, entry, key in self.ambiguous))
                i += size - 1
                break
            i += 1
        return matches


_PROTECTED_RE = re.compile(r"<a\b[^>]*>.*?</a>|<[^>]+>|(?<!\\)\[[^\]]*\]\([^)]*\)|`[^`]*`|&\w+;")


def _term_links(markdown: str, matcher: Matcher, first_only: bool, scope: Scope | None
                ) -> tuple[list[tuple[int, int, Entry]], list[Entry]]:
    """Spans of ``markdown`` to link (never inside links, inline code or HTML) and the entries
    found (each once, in order), of those ``scope`` allows (no scope: no ambiguous spelling, no
    entry limited to some articles)."""
    protected = [(m.start(), m.end()) for m in _PROTECTED_RE.finditer(markdown)]
    found: list[Entry] = []
    spans: list[tuple[int, int, Entry]] = []
    for match in matcher.find(markdown, protected):
        if not (scope or Scope()).allows(match):
            continue
        if match.entry in found and first_only:
            continue
        if match.entry not in found:
            found.append(match.entry)
        if "[" in markdown[match.start:match.end] or "]" in markdown[match.start:match.end]:
            continue
        spans.append((match.start, match.end, match.entry))
    return spans, found


def link_terms(markdown: str, matcher: Matcher, href: str, first_only: bool = True,
               scope: Scope | None = None) -> tuple[str, list[Entry]]:
    """Link the glossary terms of a paragraph to their entries, with the short definition (its
    first sentence) as tooltip.

    ``href`` is the glossary page (relative Markdown link); existing links, inline code and HTML
    are left alone. Returns the new Markdown and the entries found (each once, in order).
    """
    spans, found = _term_links(markdown, matcher, first_only, scope)
    out: list[str] = []
    last = 0
    for start, end, entry in spans:
        title = tooltip(entry.definition(matcher.lang))
        out.append(markdown[last:start])
        out.append(f'[{markdown[start:end]}]({href}#{entry.id} "{title}"){{: .ex-term }}')
        last = end
    out.append(markdown[last:])
    return "".join(out), found


def link_terms_html(markdown: str, matcher: Matcher, href: str, first_only: bool = True,
                    scope: Scope | None = None) -> tuple[str, list[Entry]]:
    """:func:`link_terms`, rendered to HTML (:func:`explainer.prerender.inline`); ``href`` is the
    glossary page's URL. Plain text is rendered piece by piece, anything else as a whole."""
    spans, found = _term_links(markdown, matcher, first_only, scope)
    pieces = [markdown[a:b] for a, b in zip([0] + [end for _, end, _ in spans],
                                             [start for start, _, _ in spans] + [len(markdown)])]
    if not prerender.is_plain(markdown) or any(p.endswith("\\") or not prerender.is_plain(p, whole=False)
                                              for p in pieces + [markdown[a:b] for a, b, _ in spans]):
        return prerender.inline(link_terms(markdown, matcher, href, first_only, scope)[0]), found
    out = [prerender.plain_html(pieces[0])]
    for (start, end, entry), after in zip(spans, pieces[1:]):
        title = prerender.attribute(tooltip(entry.definition(matcher.lang)))
        out.append(f'<a class="ex-term" href="{href}#{entry.id}" title="{title}">'
                   f"{prerender.plain_html(markdown[start:end])}</a>{prerender.plain_html(after)}")
    return "".join(out), found


LIST_SEPARATOR = {"ar": "، ", "en": ", "}  # the comma of each language, between items of a list
_SENTENCE_END_RE = re.compile(r"(?<=[.؟?!])\s")


def tooltip(definition: str) -> str:
    """The short definition, its first sentence, made safe for a Markdown link title."""
    first = _SENTENCE_END_RE.split(definition.strip(), maxsplit=1)[0]
    return html.unescape(first).replace('"', "'").replace("\n", " ")


def latin_words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in LATIN_WORD_RE.finditer(text)]


def unresolved_latin(text: str, matcher: Matcher, glossary: Glossary) -> list[str]:
    """Latin-script words of Arabic text that no glossary entry or allow-list item covers."""
    spans = [(m.start, m.end) for m in matcher.find(text)]
    allowed = {arabic.normalise(item.text) for item in glossary.allow_latin}
    out = []
    for start, end, word in latin_words(text):
        if any(s <= start and end <= e for s, e in spans) or arabic.normalise(word) in allowed:
            continue
        out.append(word)
    return out
