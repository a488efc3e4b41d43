"""The site's search index: per language, one Pagefind bundle of one record per page.

A record's indexed text is made of the matching keys of the page's words (:func:`explainer.arabic.key`:
clitics, hamza forms, ة/ه, ى/ي, tashkeel and tatweel folded), so that Pagefind's own stemming works on
text already normalised the way the glossary matches it; the page's blocks (paragraphs and headings
with anchors) ride in the record's metadata with their original text and the position of their first
key, so that the browser can tell which paragraph matched and show it as written. The browser's half
is ``docs/assets/javascripts/search.js``, which applies the same normalisation to the query (from the
tables of :func:`front_end_data`) and widens it with the glossary's forms of a name.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import arabic
from .errors import InputError, Problem
from .glossary import Glossary
from .locales import SEARCH_LABELS

BUNDLE = "pagefind"  # the bundle's folder in each language's tree
FRONT_END = "explainer-search.json"  # the front end's data, in the bundle's folder
KINDS = ("article", "notes", "glossary", "page")  # in the order their results are listed
# Pagefind's user interfaces, written with every bundle: the site has its own.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")

# Words that neither find nor highlight anything, in a query in either language (their keys are
# taken at build time).
STOP_WORDS = {
    "ar": "في من إلى الى على عن مع أن ان إن أو او ثم قد لقد كان كانت هذا هذه ذلك تلك التي الذي الذين ما لا لم "
          "لن هو هي هم كل بعد قبل عند حتى إذا اذا كما أي اي بين أيضا ايضا غير منذ".split(),
    "en": "a an and are as at be been but by for from had has have he her his i if in into is it its of on "
          "or our she so than that the their them then there these they this those to was we were what "
          "when which who will with you".split(),
}

# Endings that make another form of the same word (plural, tense, possessive...): a word Pagefind
# found for a query term counts as that term only when it is the term, its completion while it is
# being typed, or the same stem with one of these endings (Pagefind's stemmer decides what it
# finds; these tell its finds apart: "market" is not a form of "mark").
SUFFIXES = {
    "ar": "ات ون ين ان ه ها هم هما هن ك كم كن نا ي يه يا وا تان تين يات يين".split(),
    "en": "s es ed d ing er ers ment ments ly ies ied y ion ions ation ations ive ness al e".split(),
}

_HEADING_RE = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID_RE = re.compile(r'\sid="([^"]*)"')
_BLOCK_RE = re.compile(r'<(p|li|dd|td)\b([^>]*)>(.*?)</\1>', re.S)
_HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_SKIPPED_RE = re.compile(r"<(script|style|svg|details)\b.*?</\1>", re.S)  # notes have their own page
_TAG_RE = re.compile(r"<[^>]+>")
_NOT_KEY_RE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Block:
    anchor: str  # the id a result links to ("" for the top of the page)
    heading: str  # the heading of the block's section
    text: str  # visible text


@dataclass(frozen=True)
class Record:
    url: str  # relative to the language's home
    lang: str
    title: str
    kind: str
    blocks: tuple[Block, ...]


def _text(fragment: str) -> str:
    text = html.unescape(_TAG_RE.sub(" ", _HEADERLINK_RE.sub("", _SKIPPED_RE.sub("", fragment))))
    return re.sub(r"\s+", " ", text).strip()


def blocks_of(content: str, items: bool = False) -> list[Block]:
    """The blocks of a page's content: under each heading, every paragraph with an id on its own
    (a result opens that paragraph), with ``items`` every list item too (a note of the notes page),
    and the rest of the section's text as one block at the heading. Translator's notes inside an
    article (``<details>``) are left to the notes page."""
    parts = _HEADING_RE.split(_SKIPPED_RE.sub("", content))
    sections = [("", "", parts[0])]
    for index in range(1, len(parts), 4):
        level, attrs, inner, body = parts[index], parts[index + 1], parts[index + 2], parts[index + 3]
        anchor = _ID_RE.search(f" {attrs}")
        sections.append((_text(inner), anchor.group(1) if anchor and level != "1" else "", body))
    out: list[Block] = []
    for heading, anchor, body in sections:
        rest, own_blocks = [], []
        for match in _BLOCK_RE.finditer(body):
            own = _ID_RE.search(f" {match.group(2)}")
            if own and match.group(1) == "p":
                own_blocks.append(Block(own.group(1), heading, _text(match.group(3))))
            elif items and match.group(1) == "li":
                own_blocks.append(Block(anchor, heading, _text(match.group(3))))
            else:
                rest.append(_text(match.group(3)))
        text = " ".join(part for part in rest if part) or (_text(body) if not _BLOCK_RE.search(body) else "")
        out += [Block(anchor, heading, " ".join(part for part in (heading, text) if part)), *own_blocks]
    return [block for block in out if block.text]


def word_keys(text: str, lexicon: frozenset[str]) -> list[str]:
    """The matching keys of a text's words, each one token of letters and digits."""
    keys = (_NOT_KEY_RE.sub("", arabic.key(word, lexicon)) for _, _, word in arabic.words(text))
    return [key for key in keys if key]


def pagefind_fields(record: Record, lexicon: frozenset[str]) -> dict:
    """A record as Pagefind takes it: the keys as its content, the blocks and their first key's
    position in its metadata."""
    keys: list[str] = []
    blocks = []
    for block in record.blocks:
        blocks.append([block.anchor, len(keys), block.heading, block.text])
        keys += word_keys(block.text, lexicon)
    return {"url": record.url, "content": " ".join(keys), "language": record.lang,
            "meta": {"title": record.title, "kind": record.kind,
                     "blocks": json.dumps(blocks, ensure_ascii=False, separators=(",", ":"))}}


def synonyms(glossary: Glossary, lang: str) -> dict[str, list[list[str]]]:
    """Keys of any form of an entry (either language) -> the keys of each of its forms in ``lang``."""
    lexicon = glossary.lexicon()
    out: dict[str, list[list[str]]] = {}
    for entry in glossary.entries:
        targets = [list(arabic.keys(form, lexicon)) for form in entry.forms(lang)]
        for form in (*entry.forms("ar"), *entry.forms("en")):
            form_key = " ".join(arabic.keys(form, lexicon))
            if form_key:
                merged = out.setdefault(form_key, [])
                merged += [t for t in targets if t and t not in merged]
    return dict(sorted(out.items()))


def front_end_data(glossary: Glossary, lang: str) -> dict:
    """The browser's half of the normalisation, the glossary's forms and the labels of ``lang``."""
    return {"lang": lang, **arabic.tables(), "lexicon": sorted(glossary.lexicon()),
            "synonyms": synonyms(glossary, lang), "stop": sorted({arabic.key(word) for words in STOP_WORDS.values() for word in words}),
            "suffixes": sorted({suffix for suffixes in SUFFIXES.values() for suffix in suffixes}),
            "kinds": list(KINDS), "labels": SEARCH_LABELS[lang]}


async def _write(records: list[Record], folder: Path, lexicon: frozenset[str]) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(IndexConfig(output_path=str(folder))) as index:
        for record in records:
            await index.add_custom_record(**pagefind_fields(record, lexicon))


def write_bundle(records: list[Record], folder: Path, glossary: Glossary, lang: str) -> None:
    """The Pagefind bundle of one language's records in ``folder`` (replaced), with the front end's data."""
    if folder.exists():
        shutil.rmtree(folder)
    try:
        asyncio.run(_write(sorted(records, key=lambda r: r.url), folder, glossary.lexicon()))
    except (OSError, RuntimeError) as exc:  # the pagefind binary is missing or failed
        raise InputError(Problem(str(folder), None, f"Pagefind could not write the search index: {exc}")) from None
    for name in _UNUSED:
        (folder / name).unlink(missing_ok=True)
    data = json.dumps(front_end_data(glossary, lang), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    (folder / FRONT_END).write_text(data, encoding="utf-8")
