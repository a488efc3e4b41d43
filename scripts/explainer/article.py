"""The article model and its on-disk form, ``ar.md``: front matter plus anchored blocks.

``ar.md`` is the clean Arabic source a writer may edit. Every block carries a stable anchor id
in Python-Markdown ``attr_list`` syntax: a paragraph ends with a line ``{: #p-1a2b3c }``, a heading
ends with `` {: #s-1a2b3c }``. The same ids are the ``msgctxt`` of the English catalog entries and
the paragraph anchors of both generated pages.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import schema, yamlio
from .errors import ContentError, Problem
from .schema import Field

HEADING = "heading"
PARAGRAPH = "paragraph"

# The article metadata schema (ar.md front matter), declared once.
META_FIELDS = {
    "title": Field(True, "text", "the article title"),
    "author": Field(False, "text", "the author's name"),
    "editor": Field(False, "text", "the editor's name"),
    "publisher": Field(False, "text", "the site the article was scraped from"),
    "date": Field(False, "date", "the publication date, YYYY-MM-DD"),
    "url": Field(False, "url", "the address of the original page, http(s)://…"),
    "original_language": Field(False, "language", "the language the Arabic was translated from, as "
                               "a code such as 'zh' (leave out when Arabic is the original)"),
    "arabic_source": Field(False, "choice:original,translation,machine-translation",
                           "what the Arabic text is: original, translation or machine-translation"),
    "image_credit": Field(False, "text", "the credit line of the article image"),
    "source_notice": Field(False, "text", "the 'view original' notice of the source page"),
    "disclaimer": Field(False, "text", "the publisher's disclaimer, in its own language"),
}
IMPORT_FIELDS = {
    "seed": Field(True, "text", "file name of the imported seed"),
    "digest": Field(True, "text", "digest of this file as written by the import"),
}
# Metadata that is translated, with its catalog context, in page order.
TRANSLATED_META = (
    ("title", "title"),
    ("author", "byline.author"),
    ("editor", "byline.editor"),
    ("image_credit", "caption.image_credit"),
    ("source_notice", "notice.source"),
)

ID_RE = re.compile(r"^[ps]-[0-9a-f]{6,40}$")
_PARA_ATTR_RE = re.compile(r"^\{:\s*#(?P<id>[^\s}]+)\s*\}$")
_HEADING_RE = re.compile(r"^(?P<hashes>#{2,6})\s+(?P<text>.*?)(?:\s*\{:\s*#(?P<id>[^\s}]+)\s*\})?\s*$")
_DIGEST_LINE_RE = re.compile(r"^  digest: .*$", re.M)


@dataclass(frozen=True)
class Block:
    """A heading or a paragraph of the article body, as Markdown text."""

    kind: str
    text: str
    id: str = ""
    line: int = 0  # 1-based line in ar.md where the block starts (0 when not from a file)
    level: int = 2


@dataclass(frozen=True)
class Article:
    slug: str
    meta: dict[str, str]
    blocks: tuple[Block, ...]
    imported: dict[str, str] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    derived_ids: tuple[int, ...] = ()  # lines of blocks written without an anchor id


def make_id(kind: str, text: str, taken: set[str]) -> str:
    """A short id derived from the block text, lengthened until it is unique."""
    prefix = "s" if kind == HEADING else "p"
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    for size in range(6, 41, 2):
        candidate = f"{prefix}-{digest[:size]}"
        if candidate not in taken:
            return candidate
    raise AssertionError("sha1 collision")  # pragma: no cover


def digest_of(text: str) -> str:
    body = _DIGEST_LINE_RE.sub("  digest:", text)
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


def dump(article: Article) -> str:
    """The ``ar.md`` text of an article, with the import digest filled in."""
    meta = {key: article.meta[key] for key in META_FIELDS if article.meta.get(key)}
    front = dict(meta)
    if article.imported:
        front["import"] = {key: article.imported.get(key, "") for key in IMPORT_FIELDS}
        front["import"]["digest"] = ""
    parts = ["---\n", yamlio.dump(front), "---\n"]
    for block in article.blocks:
        if block.kind == HEADING:
            parts.append(f"\n{'#' * block.level} {block.text} {{: #{block.id} }}\n")
        else:
            parts.append(f"\n{block.text}\n{{: #{block.id} }}\n")
    text = "".join(parts)
    if article.imported:
        text = text.replace("  digest: ''\n", f"  digest: {digest_of(text)}\n", 1)
    return text


def is_edited(text: str) -> bool:
    """True when ``ar.md`` no longer matches the digest the import wrote into it."""
    match = re.search(r"^  digest: (\S+)$", text, re.M)
    return match is None or match.group(1) != digest_of(text)


def _key_lines(front: str, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {"": first_line - 1}
    for number, line in enumerate(front.split("\n"), start=first_line):
        match = re.match(r"^\s*([A-Za-z_]+):", line)
        if match and match.group(1) not in lines:
            lines[match.group(1)] = number
    return lines


def parse(text: str, path: str, slug: str) -> Article:
    """Read ``ar.md``; every problem is collected and raised at once with its line."""
    problems: list[Problem] = []
    lines = text.split("\n")
    end = _front_matter_end(lines, path)
    meta, imported, key_lines = _front_matter(lines[1:end], path, problems)
    blocks = _blocks(lines[end + 1:], end + 2, path, problems)
    blocks, derived = _anchored(blocks, path, problems)
    if problems:
        raise ContentError(problems)
    return Article(slug, meta, tuple(blocks), dict(imported or {}), key_lines, tuple(derived))


def _front_matter_end(lines: list[str], path: str) -> int:
    if not lines or lines[0] != "---":
        raise ContentError(Problem(path, 1, "expected front matter starting with '---', found "
                                 f"{lines[0][:40]!r}" if lines else "an empty file"))
    try:
        return lines.index("---", 1)
    except ValueError:
        raise ContentError(Problem(path, 1, "front matter is not closed by a '---' line")) from None


def _front_matter(lines: list[str], path: str, problems: list[Problem]) -> tuple[dict, dict | None, dict]:
    """(metadata, the import record, the line of each key) of the front matter's lines."""
    front_text = "\n".join(lines)
    data = yamlio.load(front_text, path, first_line=2) or {}
    key_lines = _key_lines(front_text, 2)
    problems += schema.check(data, META_FIELDS, path, 1, "front matter", also_allowed=("import",))
    imported = data.get("import") if isinstance(data, dict) else None
    if imported is not None:
        problems += schema.check(imported, IMPORT_FIELDS, path, key_lines.get("import", 1),
                                 "front matter 'import'")
    meta = {k: v.isoformat() if isinstance(v, date) else v
            for k, v in (data.items() if isinstance(data, dict) else ()) if k in META_FIELDS
            and isinstance(v, (str, date))}
    return meta, imported, key_lines


def _blocks(lines: list[str], first_line: int, path: str, problems: list[Problem]) -> list[Block]:
    """The body's blocks: runs of lines between blank lines, each a heading or a paragraph with the
    anchor line under it."""
    chunks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines, start=first_line):
        if line.strip():
            chunks[-1].append((number, line.rstrip()))
        elif chunks[-1]:
            chunks.append([])
    return [block for chunk in chunks if chunk for block in [_block(chunk, path, problems)] if block]


def _block(chunk: list[tuple[int, str]], path: str, problems: list[Problem]) -> Block | None:
    first, head = chunk[0]
    heading = _HEADING_RE.match(head) if len(chunk) == 1 else None
    if heading:
        return Block(HEADING, heading.group("text"), heading.group("id") or "", first, len(heading.group("hashes")))
    attr = _PARA_ATTR_RE.match(chunk[-1][1])
    body = chunk[:-1] if attr else chunk
    if not body:
        problems.append(Problem(path, first, "anchor line without a paragraph above it"))
        return None
    return Block(PARAGRAPH, "\n".join(t for _, t in body), attr.group("id") if attr else "", first)


def _anchored(blocks: list[Block], path: str, problems: list[Problem]) -> tuple[list[Block], list[int]]:
    """Blocks with their anchor ids checked, and derived from the text where a block has none
    (with the lines of those blocks)."""
    taken = {b.id for b in blocks if b.id}
    seen: dict[str, int] = {}
    result: list[Block] = []
    derived: list[int] = []
    for block in blocks:
        if block.id and not ID_RE.match(block.id):
            problems.append(Problem(path, block.line, f"anchor id '{block.id}' expected the form "
                                    "'p-' or 's-' followed by hex digits"))
        if block.id in seen:
            problems.append(Problem(path, block.line, f"anchor id '{block.id}' is used twice "
                                    f"(first at line {seen[block.id]})"))
        if block.id:
            seen[block.id] = block.line
        else:
            new_id = make_id(block.kind, block.text, taken)
            taken.add(new_id)
            derived.append(block.line)
            block = replace(block, id=new_id)
        result.append(block)
    return result, derived


def assign_ids(blocks: list[Block], previous: tuple[Block, ...]) -> list[Block]:
    """Give blocks their anchor ids, reusing the ids of the matching blocks of a previous import.

    Unchanged blocks keep their ids; a changed block keeps the id of the block it replaces
    (aligned by difflib); new blocks get ids derived from their text.
    """
    ids = [""] * len(blocks)
    old_texts = [f"{b.kind}\0{b.text}" for b in previous]
    new_texts = [f"{b.kind}\0{b.text}" for b in blocks]
    matcher = difflib.SequenceMatcher(a=old_texts, b=new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                ids[j1 + k] = previous[i1 + k].id
        elif tag == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                old, new = previous[i1 + k], blocks[j1 + k]
                if old.kind == new.kind and difflib.SequenceMatcher(
                        a=old.text, b=new.text, autojunk=False).quick_ratio() >= 0.5:
                    ids[j1 + k] = old.id
    taken = set(filter(None, ids)) | {b.id for b in previous}
    out = []
    for block, block_id in zip(blocks, ids):
        if not block_id:
            block_id = make_id(block.kind, block.text, taken)
            taken.add(block_id)
        out.append(replace(block, id=block_id))
    return out
