"""Search that works in Arabic, per language.

Material for MkDocs builds its lunr index in a web worker from ``search/search_index.json``;
mkdocs-static-i18n writes one such file for all languages, and lunr-languages does nothing for
Arabic. This module fills those gaps at build time:

- :func:`split` writes one index per language (``search/search_index.json`` for the default
  language, ``<lang>/search/search_index.json`` for the others), so a reader searching the English
  site only gets English pages, with no duplicates;
- each index carries, under ``config.explainer``, the normalisation tables of :mod:`explainer.arabic` and
  the glossary synonyms of its language. The worker ``assets/javascripts/workers/explainer-search.js``
  applies the same normalisation to indexed words and to queries (clitics, hamza forms, ة/ه, ى/ي,
  tashkeel, tatweel, digits), and adds every form of a glossary entry to a query that names it in
  either language.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from . import arabic
from .glossary import Glossary

WORKER = "assets/javascripts/workers/explainer-search.js"
# Article paragraphs rank above glossary definitions and notes that mention the same words.
ARTICLE_BOOST = 2.0
# Separator of indexed and query words: white space, hyphens and Arabic punctuation.
SEPARATOR = r"[\s\-،؛؟«»]+"


def normalisation_tables() -> dict[str, object]:
    """The data the browser needs to compute the same keys as :func:`explainer.arabic.key`."""
    letters = {chr(k): v for k, v in arabic._LETTER_MAP.items()}  # noqa: SLF001 - one source of truth
    return {
        "letters": letters,
        "drop": arabic.TASHKEEL_RE.pattern[1:-1] + arabic.TATWEEL,
        "prefixes": list(arabic._PREFIXES),  # noqa: SLF001
        "min_stem": arabic.MIN_STEM,
        "trim": r"^[^\w\u0600-\u06ff]+|[^\w\u0600-\u06ff]+$",
    }


def synonyms(glossary: Glossary, lang: str) -> dict[str, list[str]]:
    """Key of any form of an entry (either language) -> the word keys of its forms in ``lang``."""
    out: dict[str, list[str]] = {}
    lexicon = glossary.lexicon()
    for entry in glossary.entries:
        targets: list[str] = []
        for form in entry.forms(lang):
            for word_key in arabic.keys(form, lexicon):
                if word_key not in targets:
                    targets.append(word_key)
        for form in (*entry.forms("ar"), *entry.forms("en")):
            form_key = " ".join(arabic.keys(form, lexicon))
            if form_key:
                merged = out.setdefault(form_key, [])
                merged += [t for t in targets if t not in merged]
    return dict(sorted(out.items()))


class _ArticleParser(HTMLParser):
    """Headings and anchored paragraphs of a built article page, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, str, str]] = []  # (kind, id, text): kind h1/h2/p
        self._current: tuple[str, str] | None = None
        self._text: list[str] = []
        self._in_article = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self._in_article += 1
        if not self._in_article:
            return
        if tag == "a" and "headerlink" in (a.get("class") or ""):
            self._skip += 1
        elif tag in ("h1", "h2", "h3") and self._current is None:
            self._current, self._text = (tag, a.get("id") or ""), []
        elif tag == "p" and (a.get("id") or "").startswith("p-") and self._current is None:
            self._current, self._text = ("p", a["id"]), []

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if tag == "a" and self._skip:
            self._skip -= 1
        elif self._current is not None and tag == self._current[0]:
            text = re.sub(r"\s+", " ", "".join(self._text)).strip()
            self.items.append((self._current[0], self._current[1], text))
            self._current = None

    def handle_data(self, data):
        if self._current is not None and not self._skip:
            self._text.append(data)


def article_docs(html_text: str, location: str) -> dict[str, list[dict]]:
    """Search documents of an article page, one per anchored paragraph (so a result links to the
    very paragraph that matched), grouped by the section they replace: the fragment of the
    section's heading, '' for the top of the page. Sections without paragraphs are not returned."""
    parser = _ArticleParser()
    parser.feed(html_text)
    sections: dict[str, list[dict]] = {}
    fragment, title = "", ""
    for kind, anchor, text in parser.items:
        if kind == "h1":
            fragment, title = "", text
            heading = {"location": location, "title": text, "text": ""}
        elif kind in ("h2", "h3"):
            fragment, title = anchor, text
            heading = {"location": f"{location}#{anchor}", "title": text, "text": ""}
        else:
            docs = sections.setdefault(fragment, [heading])
            docs.append({"location": f"{location}#{anchor}", "title": title, "boost": ARTICLE_BOOST,
                         "text": f"<p>{html.escape(text, quote=False)}</p>"})
    return sections


def _language_of(location: str, languages: list[str], default: str) -> tuple[str, str]:
    for lang in languages:
        if lang != default and (location == f"{lang}/" or location.startswith(f"{lang}/")):
            return lang, location[len(lang) + 1:]
    return default, location


def split(index: dict, languages: list[str], default: str, glossary: Glossary,
          articles: dict[str, dict[str, list[dict]]] | None = None) -> dict[str, dict]:
    """One search index per language, locations relative to that language's home.

    ``articles`` maps the site location of an article page (e.g. ``en/articles/x/``) to its
    :func:`article_docs`, which replace Material's documents of the sections that hold paragraphs.
    """
    articles = articles or {}
    docs: dict[str, list[dict]] = {lang: [] for lang in languages}
    seen: dict[str, set[str]] = {lang: set() for lang in languages}

    def add(lang: str, doc: dict) -> None:
        if doc["location"] not in seen[lang]:
            seen[lang].add(doc["location"])
            docs[lang].append(doc)

    for doc in index.get("docs", []):
        page, _, fragment = doc["location"].partition("#")
        lang, location = _language_of(doc["location"], languages, default)
        replacement = articles.get(page, {}).get(fragment)
        if replacement is None:
            add(lang, dict(doc, location=location))
            continue
        for item in replacement:
            add(lang, dict(item, location=_language_of(item["location"], languages, default)[1]))
    tables = normalisation_tables()
    out = {}
    for lang in languages:
        config = dict(index.get("config", {}))
        config["lang"] = [lang]
        config["separator"] = SEPARATOR
        # No lunr trimmer/stemmer/stop words: the worker's normaliser runs instead, and Material's
        # trailing wildcard matches longer forms ("researcher" finds "researchers").
        config["pipeline"] = []
        # Material passes only `config` and `docs` on to its worker: the worker's data rides in config.
        config["explainer"] = {"lang": lang, "synonyms": synonyms(glossary, lang),
                               "lexicon": sorted(glossary.lexicon()), **tables}
        out[lang] = {"config": config, "docs": docs[lang]}
    return out


def query_terms(query: str, index_extra: dict) -> list[str]:
    """What the worker searches for a query (mirrors the JavaScript, for tests and tools)."""
    words = [w for w in re.split(SEPARATOR, query.strip()) if w]
    lexicon = frozenset(index_extra["lexicon"])
    keys = [arabic.key(re.sub(index_extra["trim"], "", w), lexicon) for w in words]
    keys = [k for k in keys if k]
    terms = list(keys)
    syn = index_extra["synonyms"]
    candidates = [" ".join(keys)] + keys
    for size in range(2, len(keys)):
        candidates += [" ".join(keys[i:i + size]) for i in range(len(keys) - size + 1)]
    for candidate in candidates:
        for term in syn.get(candidate, []):
            if term not in terms:
                terms.append(term)
    return terms
