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

from .. import arabic
from ..glossary import Glossary

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


_HEADING_RE = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID_RE = re.compile(r'\sid="([^"]*)"')
_PARAGRAPH_RE = re.compile(r'<p id="(p-[^"]+)"[^>]*>(.*?)</p>', re.S)
_HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_BLOCK_TAG_RE = re.compile(r"<(/?)(p|ul|ol|li)\b[^>]*>")
_TAG_RE = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment (the fragments are the generator's own HTML)."""
    text = html.unescape(_TAG_RE.sub("", _HEADERLINK_RE.sub("", fragment)))
    return re.sub(r"\s+", " ", text).strip()


def _section_text(fragment: str) -> str:
    """Text of a section as Material indexes it: paragraphs and lists kept, other tags dropped."""
    marked = _BLOCK_TAG_RE.sub(lambda m: f"\x00/{m.group(2)}\x01 " if m.group(1) else f" \x00{m.group(2)}\x01",
                               _HEADERLINK_RE.sub("", fragment))
    text = html.escape(html.unescape(_TAG_RE.sub("", marked)), quote=False)
    text = re.sub(r"\s+", " ", text.replace("\x00", "<").replace("\x01", ">")).strip()
    return re.sub(r"<p>\s*</p>", "", text).strip()


def page_docs(content: str, location: str) -> list[dict]:
    """Search documents of an article page's content, one per anchored paragraph (so a result
    links to the very paragraph that matched). A section with paragraphs gets a document for its
    heading and one per paragraph; a section without (key figures, about the article) one for
    its text, as Material's search plugin would index it."""
    parts = _HEADING_RE.split(content)
    sections = [("", "", parts[0])] if _text(parts[0]) else []
    for index in range(1, len(parts), 4):
        attrs, inner, body = parts[index + 1], parts[index + 2], parts[index + 3]
        anchor = _ID_RE.search(f" {attrs}")
        sections.append((_text(inner), anchor.group(1) if anchor and parts[index] != "1" else "", body))
    docs: list[dict] = []
    for title, anchor, body in sections:
        where = f"{location}#{anchor}" if anchor else location
        paragraphs = _PARAGRAPH_RE.findall(body)
        if not paragraphs:
            docs.append({"location": where, "title": title, "text": _section_text(body)})
            continue
        docs.append({"location": where, "title": title, "text": ""})
        for pid, inner in paragraphs:
            docs.append({"location": f"{location}#{pid}", "title": title, "boost": ARTICLE_BOOST,
                         "text": f"<p>{html.escape(_text(inner), quote=False)}</p>"})
    return docs


def _language_of(location: str, languages: list[str], default: str) -> tuple[str, str]:
    for lang in languages:
        if lang != default and (location == f"{lang}/" or location.startswith(f"{lang}/")):
            return lang, location[len(lang) + 1:]
    return default, location


def split(index: dict, languages: list[str], default: str, glossary: Glossary,
          pages: list[dict] | None = None) -> dict[str, dict]:
    """One search index per language, locations relative to that language's home.

    ``pages`` are the documents of the pages indexed paragraph by paragraph (:func:`page_docs`;
    Material's plugin leaves those pages out), added to their language's index."""
    docs: dict[str, list[dict]] = {lang: [] for lang in languages}
    seen: dict[str, set[str]] = {lang: set() for lang in languages}
    for doc in [*index.get("docs", []), *(pages or [])]:
        lang, location = _language_of(doc["location"], languages, default)
        if location not in seen[lang]:
            seen[lang].add(location)
            docs[lang].append(dict(doc, location=location))
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
