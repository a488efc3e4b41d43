"""Import a scraped seed article: decode, clean, and split it into anchored blocks.

Pure functions from bytes to an :class:`~explainer.article.Article` plus an :class:`ImportReport`;
the CLI does the reading and writing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .article import HEADING, PARAGRAPH, Article, Block, assign_ids
from . import scraped, webpage
from .errors import InputError, Problem
from .textclean import decode, escape_markdown, normalise, tidy_punctuation
from .writing import ARABIC_LETTERS, LATIN_RE

ARABIC_RE = re.compile(f"[{ARABIC_LETTERS}]")

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
    warnings: list[Problem] = field(default_factory=list)
    headings: int = 0
    paragraphs: int = 0
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, why, text)
    tatweel_removed: int = 0
    stray_marks: list[int] = field(default_factory=list)  # lines that began with a stray mark
    html: bool = False  # the seed was a web page: numbers are blocks of its extracted text

    def lines(self) -> list[str]:
        """What the import did, a line each, for the writer (the warnings aside)."""
        unit = "block" if self.html else "line"
        out = ["web page: main text extracted" if self.html else f"encoding found: {self.encoding}"]
        out += [f"duplicate block dropped: {unit}s {first}-{last} repeat earlier ones"
                for first, last in self.duplicate_runs]
        out += [f"moved to metadata: {f'{unit} {line}' if line else 'the footer'} -> {key}"
                for key, line in self.boilerplate]
        out += [f"dropped {unit} {line} ({reason}): {text}" for line, reason, text in self.dropped]
        if self.tatweel_removed:
            out.append(f"removed {self.tatweel_removed} tatweel (ـ) character(s) stretching words")
        out += [f"removed a stray mark at the start of {unit} {line}" for line in self.stray_marks]
        out.append(f"punctuation spacing fixed in {self.punctuation_fixes} place(s)")
        out.append(f"found {self.headings} heading(s) and {self.paragraphs} paragraph(s)")
        return out


@dataclass(frozen=True)
class _Line:
    number: int  # the line of a text seed, the block of the text extracted from a web page
    text: str
    kind: str | None = None  # heading or paragraph, when the page said which


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


def _seed_boilerplate(line: _Line, meta: dict[str, str], report: ImportReport) -> bool:
    """The seed-site forms: image credit, 'المؤلف | …' bylines, 'view original', a Latin
    disclaimer. True when ``line`` was one of them (and went into ``meta``)."""
    text = line.text
    for key, pattern in (("image_credit", IMAGE_CREDIT_RE), ("author", AUTHOR_RE), ("editor", EDITOR_RE)):
        match = pattern.match(text)
        if match and key not in meta:
            meta[key] = match.group("value").strip()
            report.boilerplate.append((key, line.number))
            return True
    if SOURCE_NOTICE_RE.match(text) and "source_notice" not in meta:
        meta["source_notice"] = text
        report.boilerplate.append(("source_notice", line.number))
        return True
    if not ARABIC_RE.search(text) and len(LATIN_RE.findall(text)) >= 40 and "disclaimer" not in meta \
            and not scraped.COPYRIGHT_RE.search(text):
        meta["disclaimer"] = text
        report.boilerplate.append(("disclaimer", line.number))
        publisher = PUBLISHER_RE.search(text)
        if publisher:
            meta.setdefault("publisher", publisher.group("value"))
        return True
    return False


def _sort_lines(lines: list[_Line], meta: dict[str, str], report: ImportReport) -> tuple[list[_Line], int | None]:
    """Body lines, with metadata and clutter taken out (into ``meta`` and ``report.dropped``);
    also the index in the body where the first byline stood (the title is the line before it)."""
    body: list[_Line] = []
    byline_at: int | None = None
    for line in lines:
        if _seed_boilerplate(line, meta, report):
            if report.boilerplate[-1][0] in ("author", "editor") and byline_at is None:
                byline_at = len(body)
            continue
        finding = scraped.classify(line.text)
        if finding is None:
            body.append(line)
        elif finding.kind == "dropped" or finding.kind in meta:
            report.dropped.append((line.number, finding.reason or f"a second {finding.kind}", line.text))
        else:
            meta[finding.kind] = finding.value
            report.boilerplate.append((finding.kind, line.number))
            if finding.kind == "author" and byline_at is None:
                byline_at = len(body)
    labels = scraped.repeated_labels([line.text for line in body])
    for line in [line for line in body if line.text in labels]:
        report.dropped.append((line.number, "repeated label", line.text))
    body = [line for line in body if line.text not in labels]
    return body, byline_at


def _same_text(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return "".join(ch for ch in text if ch.isalnum())
    return key(a) == key(b)


def _find_title(body: list[_Line], byline_at: int | None, meta: dict[str, str], report: ImportReport,
                path: str, all_lines: list[str]) -> list[_Line]:
    """Put the title into ``meta`` (the page's own, a copy-paste footer's, the line before the
    byline, or the first short line) and take every copy of it out of the body."""
    footer = scraped.footer_title(all_lines)
    if footer and "title" not in meta:
        meta["title"] = footer[0]
        meta.setdefault("publisher", footer[1])
        report.boilerplate.append(("title", 0))
    if "title" not in meta and byline_at:
        candidate = body[byline_at - 1]
        if len(candidate.text.split()) <= MAX_TITLE_WORDS and candidate.text[-1] not in SENTENCE_END:
            meta["title"] = candidate.text
            report.boilerplate.append(("title", candidate.number))
            del body[byline_at - 1]
    if "title" not in meta and body and _is_title_line(body[0].text):
        first = body.pop(0)
        meta["title"] = first.text
        if first.text.rstrip()[-1] in ":：" and body and _is_title_line(body[0].text):
            meta["title"] = f"{first.text.rstrip()} {body.pop(0).text}"  # a title written on two lines
        report.boilerplate.append(("title", first.number))
    if "title" not in meta:
        words = body[0].text.split() if body else []
        meta["title"] = (" ".join(words[:12]) + ("…" if len(words) > 12 else "")).rstrip(SENTENCE_END) or path
        report.warnings.append(Problem(path, body[0].number if body else 1, "no title found; title derived "
                                       f"from this line: {meta['title']} (pass --title to set it)"))
        return body  # derived from the first paragraph, which stays
    kept = []
    for line in body:
        if _same_text(line.text, meta["title"]):
            report.dropped.append((line.number, "the title again", line.text))
        else:
            kept.append(line)
    return kept


def _is_title_line(text: str) -> bool:
    return len(text.split()) <= MAX_TITLE_WORDS and text.rstrip()[-1] not in ".!؟?،,"


def _lead_byline(body: list[_Line], meta: dict[str, str], report: ImportReport) -> None:
    """One of the first paragraphs opens with 'NAME (PLACE) - ': the name is the byline."""
    for index, line in enumerate(body[:2]):
        found = None if "author" in meta else scraped.lead_byline(line.text, meta.get("publisher", ""))
        if found:
            meta["author"], rest = found
            report.boilerplate.append(("author", line.number))
            body[index] = _Line(line.number, rest, line.kind)


OVERRIDES = ("title", "author", "date", "url", "publisher", "original_language", "arabic_source")
PROVENANCE = ("original_language", "arabic_source")  # never found in a page: kept from the last import
STRAY_START_RE = re.compile(r"^[{}|•·*:：\-–—]+\s+(?=\S)")


def _seed_lines(raw: bytes, path: str, report: ImportReport) -> tuple[list[_Line], dict[str, str]]:
    """The lines of a text seed, or the blocks extracted from a web page with its metadata."""
    if webpage.is_html(raw):
        report.html, report.encoding = True, "HTML"
        extracted = webpage.extract(raw)
        lines = [_Line(n, text, kind) for n, (kind, text) in enumerate(extracted.blocks, start=1)]
        meta = extracted.meta
    else:
        text, report.encoding = decode(raw, path)
        text, report.bidi_removed = normalise(text)  # line breaks made LF before the text is split
        lines = [_Line(n, t) for n, t in enumerate(text.split("\n"), start=1)]
        meta = {}
    out = []
    for line in lines:
        text = line.text
        if report.html:  # an extracted block, not yet normalised
            text, bidi = normalise(text)
            report.bidi_removed += bidi
        text, tatweel = scraped.remove_tatweel(text.strip())
        report.tatweel_removed += tatweel
        text, stray = STRAY_START_RE.subn("", text)
        if stray:
            report.stray_marks.append(line.number)
        if text.strip():
            out.append(_Line(line.number, text.strip(), line.kind))
    return out, meta


def parse_seed(raw: bytes, path: str, slug: str, previous: Article | None = None,
               overrides: dict[str, str] | None = None) -> tuple[Article, ImportReport]:
    """Turn the bytes of a scraped page (text or saved HTML) into a clean article (ids reused
    from ``previous``; ``overrides`` are what the writer said of its title, author, date...)."""
    report = ImportReport()
    if not raw.strip():
        raise InputError(Problem(path, None, "the seed is empty: expected an Arabic article"))
    lines, page_meta = _seed_lines(raw, path, report)
    if report.bidi_removed:
        report.warnings.append(Problem(path, None, f"removed {report.bidi_removed} Unicode bidi control "
                                       "character(s) (U+202A-U+202E, U+2066-U+2069)"))
    if not any(ARABIC_RE.search(line.text) for line in lines):
        raise InputError(Problem(path, None, "expected an Arabic article, found no Arabic letters"))
    all_texts = [line.text for line in lines]
    lines, report.duplicate_runs = _drop_duplicate_runs(lines)
    meta: dict[str, str] = {}
    body, byline_at = _sort_lines(lines, meta, report)
    for key, value in page_meta.items():
        meta.setdefault(key, value)
    for key in PROVENANCE:
        if previous is not None and previous.meta.get(key):
            meta[key] = previous.meta[key]
    for key, value in (overrides or {}).items():
        if value:
            meta[key] = value
    publisher = meta.get("publisher", "")
    body = _find_title(body, byline_at, meta, report, path, all_texts)
    if publisher and meta["title"].startswith(publisher + " "):  # a source name glued to the title
        meta["title"] = meta["title"][len(publisher) + 1:].lstrip(" :-–—")
    _lead_byline(body, meta, report)
    meta = {key: tidy_punctuation(value)[0] if key not in ("disclaimer", "url", "date") else value
            for key, value in meta.items()}
    blocks: list[Block] = []
    for index, line in enumerate(body):
        clean, fixes = tidy_punctuation(line.text)
        report.punctuation_fixes += fixes
        if line.kind is not None:
            kind = HEADING if line.kind == "heading" else PARAGRAPH
        else:
            kind = HEADING if _is_heading(clean) and index not in (0, len(body) - 1) else PARAGRAPH
        blocks.append(Block(kind, escape_markdown(clean)))
    for key in ("title", "author", "editor", "image_credit", "source_notice", "publisher"):
        if key in meta:
            meta[key] = escape_markdown(meta[key])
    report.headings = sum(b.kind == HEADING for b in blocks)
    report.paragraphs = sum(b.kind == PARAGRAPH for b in blocks)
    blocks = assign_ids(blocks, previous.blocks if previous else ())
    article = Article(slug, meta, tuple(blocks), {"seed": path.rsplit("/", 1)[-1]})
    return article, report
