"""Import a scraped seed article: decode, clean, and split it into anchored blocks.

Pure functions from bytes to an :class:`~explainer.article.Article` plus an :class:`ImportReport`;
the CLI does the reading and writing.
"""

from __future__ import annotations

import codecs
import difflib
import re
import unicodedata
from dataclasses import dataclass, field, replace

import charset_normalizer

from .article import HEADING, PARAGRAPH, Article, Block, make_id
from .errors import InputError, Problem

ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3"
ARABIC_RE = re.compile(f"[{ARABIC_LETTER}]")
LATIN_RE = re.compile(r"[A-Za-z]")
BIDI_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Boilerplate of scraped news pages, each moved out of the body into metadata.
IMAGE_CREDIT_RE = re.compile(r"^\*?\s*(?:مصدر الصورة|حقوق الصورة|الصورة)\s*[:：]\s*(?P<value>.+?)\s*\*?$")
SOURCE_NOTICE_RE = re.compile(r"^(?:شاهد|عرض|اقرأ) (?:النسخة|النص|المقال) الأصلي[ة]?$")
AUTHOR_RE = re.compile(r"^(?:المؤلف|الكاتب|بقلم)\s*[|｜:]\s*(?P<value>.+)$")
EDITOR_RE = re.compile(r"^(?:المحرر|تحرير)\s*[|｜:]\s*(?P<value>.+)$")
PUBLISHER_RE = re.compile(r"\bby (?P<value>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)[,.]")

MAX_HEADING_WORDS = 10
MAX_TITLE_WORDS = 20
SENTENCE_END = ".!:،,؛;…"


@dataclass
class ImportReport:
    encoding: str = ""
    duplicate_runs: list[tuple[int, int]] = field(default_factory=list)
    boilerplate: list[tuple[str, int]] = field(default_factory=list)
    bidi_removed: int = 0
    punctuation_fixes: int = 0
    warnings: list[str] = field(default_factory=list)
    headings: int = 0
    paragraphs: int = 0


@dataclass(frozen=True)
class _Line:
    number: int
    text: str


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """Decode seed bytes; returns (text, encoding name). Raises InputError for unusable input."""
    if not raw.strip():
        raise InputError(Problem(path, None, "the seed is empty: expected an Arabic article"))
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(Problem(path, None, f"broken UTF-16 data at byte {exc.start}")) from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise InputError(Problem(path, None, "binary data (NUL bytes), not a text article"))
    best = charset_normalizer.from_bytes(raw, cp_isolation=None).best()
    if best is None or best.encoding is None:
        raise InputError(Problem(path, None, "cannot tell the text encoding: binary data, not a text article"))
    return str(best), best.encoding


def normalise(text: str) -> tuple[str, int]:
    """NFC, LF newlines, no BOM, no bidi controls. Returns (text, number of bidi controls removed)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text, removed = BIDI_CONTROLS_RE.subn("", text)
    return text, removed


def tidy_punctuation(text: str) -> tuple[str, int]:
    """Arabic punctuation spacing: no space before a mark, one space after a sentence end."""
    fixes = 0
    text, n = re.subn(r"[ \t\u00a0]+([،؛؟,;?!:.)\]»])", r"\1", text)
    fixes += n
    text, n = re.subn(f"(?<=[{ARABIC_LETTER}\u064b-\u0652A-Za-z0-9\")»])([.!؟?])(?=[{ARABIC_LETTER}])", r"\1 ", text)
    fixes += n
    text, n = re.subn(f"(?<=[{ARABIC_LETTER}\u064b-\u0652])([.؟])(?=[A-Za-z])", r"\1 ", text)
    fixes += n
    text, n = re.subn(r"([،؛])(?=[^\s\d])", r"\1 ", text)
    fixes += n
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return text, fixes


def escape_markdown(text: str) -> str:
    """Escape characters that Markdown or HTML would read as markup, so text renders as written."""
    text = text.replace("\\", "\\\\")
    for char in "`*_[]{":
        text = text.replace(char, "\\" + char)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = text.replace("<", "&lt;")
    text = re.sub(r"^(\s*)([#>+=-])", r"\1\\\2", text, flags=re.M)
    text = re.sub(r"^(\s*\d+)([.)])(?=\s|$)", r"\1\\\2", text, flags=re.M)
    return text


def _is_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and text[-1] not in SENTENCE_END


def _drop_duplicate_runs(lines: list[_Line]) -> tuple[list[_Line], list[tuple[int, int]]]:
    """Drop later copies of repeated runs of lines (a scraped body that appears twice)."""
    seen: set[str] = set()
    kept: list[_Line] = []
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].text in seen:
            j = i
            while j < len(lines) and lines[j].text in seen:
                j += 1
            if j - i >= 2 or len(lines[i].text) >= 80:
                runs.append((lines[i].number, lines[j - 1].number))
                i = j
                continue
        seen.add(lines[i].text)
        kept.append(lines[i])
        i += 1
    return kept, runs


def _extract_boilerplate(lines: list[_Line], report: ImportReport, path: str
                         ) -> tuple[dict[str, str], list[_Line]]:
    meta: dict[str, str] = {}
    body: list[_Line] = []
    byline_at: int | None = None
    for line in lines:
        text = line.text
        for key, pattern in (("image_credit", IMAGE_CREDIT_RE), ("author", AUTHOR_RE),
                             ("editor", EDITOR_RE)):
            match = pattern.match(text)
            if match and key not in meta:
                meta[key] = match.group("value").strip()
                report.boilerplate.append((key, line.number))
                if key in ("author", "editor") and byline_at is None:
                    byline_at = len(body)
                break
        else:
            if SOURCE_NOTICE_RE.match(text) and "source_notice" not in meta:
                meta["source_notice"] = text
                report.boilerplate.append(("source_notice", line.number))
            elif not ARABIC_RE.search(text) and len(LATIN_RE.findall(text)) >= 40 \
                    and "disclaimer" not in meta:
                meta["disclaimer"] = text
                report.boilerplate.append(("disclaimer", line.number))
                publisher = PUBLISHER_RE.search(text)
                if publisher:
                    meta["publisher"] = publisher.group("value")
            else:
                body.append(line)
    if byline_at is not None and byline_at > 0:
        candidate = body[byline_at - 1]
        words = candidate.text.split()
        if len(words) <= MAX_TITLE_WORDS and candidate.text[-1] not in SENTENCE_END:
            meta["title"] = candidate.text
            report.boilerplate.append(("title", candidate.number))
            del body[byline_at - 1]
    if "title" not in meta:
        first = body[0].text if body else ""
        words = first.split()
        title = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
        meta["title"] = title.rstrip(SENTENCE_END) or path
        report.warnings.append(f"{path}: no title line before a byline; title derived from "
                               f"line {body[0].number if body else 1}: {meta['title']}")
    for key in ("author", "editor"):
        if key not in meta:
            report.warnings.append(f"{path}: no {key} line ('{'المؤلف' if key == 'author' else 'المحرر'} | …')")
    return meta, body


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


def parse_seed(raw: bytes, path: str, slug: str, previous: Article | None = None
               ) -> tuple[Article, ImportReport]:
    """Turn the bytes of a scraped seed into a clean article (ids reused from ``previous``)."""
    report = ImportReport()
    text, report.encoding = decode(raw, path)
    text, report.bidi_removed = normalise(text)
    if report.bidi_removed:
        report.warnings.append(f"{path}: removed {report.bidi_removed} Unicode bidi control "
                               "character(s) (U+202A-U+202E, U+2066-U+2069)")
    lines = [_Line(n, t.strip()) for n, t in enumerate(text.split("\n"), start=1) if t.strip()]
    if not any(ARABIC_RE.search(line.text) for line in lines):
        raise InputError(Problem(path, None, "expected an Arabic article, found no Arabic letters"))
    lines, report.duplicate_runs = _drop_duplicate_runs(lines)
    meta, body = _extract_boilerplate(lines, report, path)
    meta = {key: tidy_punctuation(value)[0] if key != "disclaimer" else value
            for key, value in meta.items()}
    blocks: list[Block] = []
    for index, line in enumerate(body):
        clean, fixes = tidy_punctuation(line.text)
        report.punctuation_fixes += fixes
        is_last = index == len(body) - 1
        kind = HEADING if _is_heading(clean) and not is_last and index > 0 else PARAGRAPH
        blocks.append(Block(kind, escape_markdown(clean)))
    for key in ("title", "author", "editor", "image_credit", "source_notice"):
        if key in meta:
            meta[key] = escape_markdown(meta[key])
    report.headings = sum(b.kind == HEADING for b in blocks)
    report.paragraphs = sum(b.kind == PARAGRAPH for b in blocks)
    blocks = assign_ids(blocks, previous.blocks if previous else ())
    article = Article(slug, meta, tuple(blocks), {"seed": path.rsplit("/", 1)[-1]})
    return article, report
