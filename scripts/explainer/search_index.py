"""The site's search index: per language, one Pagefind bundle of one record per page.

A record's indexed text is made of the matching keys of the page's words (:func:`explainer.arabic.key`:
clitics, hamza forms, ة/ه, ى/ي, tashkeel and tatweel folded), so that Pagefind's own stemming works on
text already normalised the way the glossary matches it; the page's blocks (paragraphs and headings
with anchors) ride in the record's metadata with the position of their first key, so that the browser
can tell which paragraph matched, and their text as written goes to a small file of the page's own
(``texts/``), fetched for the results shown. Pagefind's indexer reads each record as a small page.
The browser's half is ``docs/assets/javascripts/search.js``, which applies the same normalisation to
the query (from the tables of :func:`front_end_data`) and widens it with the glossary's forms of a
name.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

from . import arabic, search_bundle
from .fsio import remove_stale, write_if_changed
from .glossary import Glossary
from .locales import SEARCH_LABELS

BUNDLE = "pagefind"  # the bundle's folder in each language's tree
FRONT_END = "explainer-search.json"  # the front end's data, in the bundle's folder
TEXTS = "texts"  # the folder of the records' block texts, in the bundle's folder
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
# a block's text up to its closing tag, in runs of what is not "<" (the same as a lazy ".*?", which
# tries the closing tag after every character)
_BLOCK_RE = re.compile(r'<(p|li|dd|td)\b([^>]*)>([^<]*(?:<(?!/\1>)[^<]*)*)</\1>')
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

    def as_data(self) -> list:
        """The record as JSON data (kept for a page the next build reuses)."""
        return [self.url, self.lang, self.title, self.kind, [[b.anchor, b.heading, b.text] for b in self.blocks]]

    @classmethod
    def from_data(cls, data: list) -> "Record":
        url, lang, title, kind, blocks = data
        return cls(url, lang, title, kind, tuple(Block(*block) for block in blocks))


@dataclass(frozen=True)
class Indexed:
    """A record by the digest of its data (:meth:`Record.as_data`), made once, when its page is
    rendered, and kept with the page from one build to the next (:meth:`ref`), so that a build
    tells which records changed without reading them; ``data`` makes or reads the data when it is
    wanted (:class:`explainer.record_store.RecordStore`)."""
    digest: str
    url: str
    lang: str
    data: Callable[[], list] = field(compare=False, repr=False)

    @classmethod
    def of(cls, record: Record) -> "Indexed":
        data = record.as_data()
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return cls(hashlib.sha256(text.encode("utf-8")).hexdigest(), record.url, record.lang, lambda: data)

    def ref(self) -> list[str]:
        """What the ledger keeps of the record."""
        return [self.digest, self.url, self.lang]

    def record(self) -> Record:
        return Record.from_data(self.data())


def _text(fragment: str) -> str:
    """The visible text of a fragment of content (already without what :data:`_SKIPPED_RE` finds);
    each step only where it has something to do (a page has tens of blocks, a site thousands of pages)."""
    if "headerlink" in fragment:
        fragment = _HEADERLINK_RE.sub("", fragment)
    if "<" in fragment:
        fragment = _TAG_RE.sub(" ", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    return " ".join(fragment.split())


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
        rest, own_blocks, matches = [], [], list(_BLOCK_RE.finditer(body))
        for match in matches:
            own = _ID_RE.search(f" {match.group(2)}")
            if own and match.group(1) == "p":
                own_blocks.append(Block(own.group(1), heading, _text(match.group(3))))
            elif items and match.group(1) == "li":
                own_blocks.append(Block(anchor, heading, _text(match.group(3))))
            else:
                rest.append(_text(match.group(3)))
        text = " ".join(part for part in rest if part) or ("" if matches else _text(body))
        out += [Block(anchor, heading, " ".join(part for part in (heading, text) if part)), *own_blocks]
    return [block for block in out if block.text]


@functools.lru_cache(maxsize=500_000)
def word_key(word: str, lexicon: frozenset[str]) -> str:
    """One word's matching key as one token of letters and digits (what the browser computes too)."""
    return _NOT_KEY_RE.sub("", arabic.key(word, lexicon))


@functools.lru_cache(maxsize=None)
def stop_keys() -> frozenset[str]:
    """The keys of the stop words of every language (a query in either language leaves them out)."""
    return frozenset(arabic.key(word) for words in STOP_WORDS.values() for word in words)


@functools.lru_cache(maxsize=4)
def _indexed_keys(lexicon: frozenset[str]) -> dict[str, str]:
    """Word -> its key as it is indexed ("" for a stop word), filled as words are met (one table
    per lexicon: a site's words repeat, millions of times in a large one)."""
    return {}


def word_keys(text: str, lexicon: frozenset[str]) -> list[str]:
    """The matching keys of a text's words, each one token of letters and digits, stop words left
    out (they are never searched for, so they are not indexed)."""
    known, out = _indexed_keys(lexicon), []
    for word in arabic.WORD_RE.findall(text):
        key = known.get(word)
        if key is None:
            key = word_key(word, lexicon)
            key = known[word] = "" if key in stop_keys() else key
        if key:
            out.append(key)
    return out


def pagefind_fields(record: Record, lexicon: frozenset[str]) -> dict:
    """A record as it is indexed: the keys as its content; in its metadata its address, title, kind
    and each block's anchor with the position of its first key (the blocks' text goes to a file of
    its own, fetched for the results shown: :func:`block_texts`)."""
    keys: list[str] = []
    starts = []
    for block in record.blocks:
        starts.append([block.anchor, len(keys)])
        keys += word_keys(block.text, lexicon)
    return {"content": " ".join(keys), "language": record.lang,
            "meta": {"url": record.url, "title": record.title, "kind": record.kind,
                     "blocks": json.dumps(starts, ensure_ascii=False, separators=(",", ":"))}}


def block_texts(record: Record) -> bytes:
    """The blocks' headings and text as written, in the order of the record's blocks."""
    return json.dumps([[b.heading, b.text] for b in record.blocks], ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def _page(fields: dict, texts_file: str) -> str:
    """A record as a page for Pagefind's indexer: its metadata in attributes, its keys the body."""
    meta = "".join(f'<span data-pagefind-meta="{name}[data-v]" data-v="{html.escape(value)}"></span>'
                   for name, value in (*fields["meta"].items(), ("texts", texts_file)))
    return (f'<!doctype html><html lang="{fields["language"]}"><head><meta charset="utf-8"><title>-</title></head>'
            f'<body>{meta}<div data-pagefind-body>{html.escape(fields["content"])}</div></body></html>')


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
            "synonyms": synonyms(glossary, lang), "stop": sorted(stop_keys()),
            "suffixes": sorted({suffix for suffixes in SUFFIXES.values() for suffix in suffixes}),
            "kinds": list(KINDS), "labels": SEARCH_LABELS[lang]}


def bundle_digest(records: list[Indexed], glossary_file: Path) -> str:
    """What a language's bundle is made from: its records and the glossary (the front end's data)."""
    digest = hashlib.sha256(glossary_file.read_bytes() if glossary_file.is_file() else b"")
    for record in sorted(records, key=lambda r: r.url):
        digest.update(f"\0{record.url}\0{record.digest}".encode("utf-8"))
    return digest.hexdigest()


def _lexicon_digest(lexicon: frozenset[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lexicon)).encode("utf-8")).hexdigest()


def index_pages(records: list[Indexed], lexicon: frozenset[str], pages: Path) -> dict[str, Callable[[], bytes]]:
    """Each record as a page for Pagefind's indexer in ``pages``: in a folder named after its
    address, a file named after what it is made of (the record's digest and the glossary's
    lexicon, which the keys depend on). In a folder kept from the last build only the pages of
    changed records are written, and those of records gone are removed; the folders keep their
    names, so that Pagefind reads the records in the same order (that of the folders' names) and
    numbers them as before, and the index chunks of the words no edit touched stay the same files.
    Returns, by their file name in the bundle (named after the record), what makes the blocks'
    texts (wanted only for the files the bundle does not hold yet)."""
    lexicon_digest = _lexicon_digest(lexicon)
    texts, names = {}, set()
    for record in records:
        texts_file = f"{TEXTS}/{record.digest[:16]}.json"
        texts[texts_file] = functools.partial(_texts_of, record)
        made_of = f"{lexicon_digest}\0{record.digest}".encode("utf-8")
        name = os.path.join(pages, hashlib.sha256(record.url.encode("utf-8")).hexdigest()[:16],
                            f"{hashlib.sha256(made_of).hexdigest()[:24]}.html")
        names.add(name)
        if not os.path.isfile(name):
            write_if_changed(Path(name), _page(pagefind_fields(record.record(), lexicon), texts_file), durable=False)
    pages.mkdir(parents=True, exist_ok=True)
    remove_stale(pages, names, ())
    return texts


def _texts_of(record: Indexed) -> bytes:
    return block_texts(record.record())


def write_bundle(records: list[Indexed], folder: Path, glossary: Glossary, lang: str, pages: Path | None = None,
                 output: Path | None = None) -> None:
    """The Pagefind bundle of one language's records in ``folder``, with the blocks' texts and the
    front end's data. Each record goes to Pagefind's indexer as a small page of its own
    (:func:`index_pages`), in ``pages``, and its output to ``output``, when these folders are kept
    from one build to the next (:mod:`.search_bundle`: only what changed is written again)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".explainer-index-", dir=folder.parent) as temporary:
        pages, output = pages or Path(temporary, "pages"), output or Path(temporary, "output")
        texts = index_pages(records, glossary.lexicon(), pages)
        files = search_bundle.index_kept(pages, output)
        data = json.dumps(front_end_data(glossary, lang), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        search_bundle.place(output, files, folder, {**texts, FRONT_END: lambda: data.encode("utf-8")}, _UNUSED)
