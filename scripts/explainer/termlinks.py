"""Glossary terms found in text and linked: matching, the article's scope, term links and their
tooltips, and Latin-script words the glossary does not know.

Matching works on word keys (:mod:`explainer.arabic`), so an Arabic term is found with clitics
attached (لميتا, وبالذكاء) and in any spelling variant (hamza forms, ة/ه, ى/ي, tashkeel, tatweel).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from . import arabic, prerender
from .glossary import LATIN_WORD_RE, Entry, Glossary


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
    firsts: set[str] = field(default_factory=set)  # the first word's key of every term
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
        self.firsts = {form_keys[0] for form_keys in self.terms}

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
            if token_keys[i] not in self.firsts:  # no term starts with this word (most words)
                i += 1
                continue
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
