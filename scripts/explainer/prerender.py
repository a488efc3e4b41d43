"""Pre-rendered HTML blocks in the generated Markdown pages.

Python-Markdown's inline processing is most of what MkDocs spends on an article page: every
paragraph, every glossary link with its tooltip, every translator's note. The generator knows
exactly what each of these is, so it writes them as HTML itself (:func:`inline` for segment text,
:func:`block` around a run of HTML) and leaves only the headings as Markdown, for MkDocs' table of
contents and permalinks.

A pre-rendered block is ordinary raw HTML to Python-Markdown, which passes it through unchanged.
The MkDocs hook goes one step further: :func:`split` takes the blocks out of the page before
conversion (so Python-Markdown does not even parse them) and :func:`join` puts them back into the
converted page as Python-Markdown would have passed them through, without the marking comments.
What is left of a generated page, its headings and one-line paragraphs between placeholders,
:func:`convert_skeleton` converts the way Python-Markdown and its toc extension would, table of
contents included; a page with anything else in it goes through Python-Markdown as usual.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

OPEN = "<!-- pre-rendered -->"
CLOSE = "<!-- /pre-rendered -->"

# Characters Python-Markdown un-escapes after a backslash, with the extensions the site uses.
ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")
# Inline syntax that the fast path does not render: code, emphasis, links, raw HTML, line breaks.
_SYNTAX_RE = re.compile(r"[`*_\[\]\n\r\t\f\v]|<[A-Za-z/!?$]|&#(?![0-9]+;|[xX][0-9a-fA-F]+;)")
_ESCAPE_RE = re.compile(r"\\[\\`*_{}\[\]()>#+\-.!|]")
_TOKEN_RE = re.compile(r"\\(.)|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z0-9]+);|[&<>]", re.S)
_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def block(html_text: str) -> str:
    """A run of pre-rendered HTML as a Markdown block (blank lines around it)."""
    return f"\n{OPEN}\n{html_text}\n{CLOSE}\n"


def is_plain(markdown: str, whole: bool = True) -> bool:
    """Whether ``markdown`` is text with backslash escapes and entities only (no inline syntax);
    a ``whole`` paragraph also has no white space at its ends (Python-Markdown strips it)."""
    if whole and markdown != markdown.strip():
        return False
    return not _SYNTAX_RE.search(_ESCAPE_RE.sub("", markdown))


def inline(markdown: str) -> str:
    """Segment text (Markdown-escaped, see :func:`explainer.ingest.escape_markdown`) as HTML.

    Plain text is rendered here, the way Python-Markdown renders it; anything else (emphasis in a
    translation, say) goes through Python-Markdown itself."""
    if not is_plain(markdown):
        return _markdown(markdown)
    return plain_html(markdown)


def plain_html(markdown: str) -> str:
    """Text that :func:`is_plain` accepts (also as a piece of a paragraph) as HTML."""
    return _TOKEN_RE.sub(_token, markdown)


def _token(match: re.Match) -> str:
    escaped = match.group(1)
    if escaped is None:
        return _HTML_ESCAPES.get(match.group(0), match.group(0))
    if escaped in ESCAPABLE:
        return _HTML_ESCAPES.get(escaped, escaped)
    return "\\" + _HTML_ESCAPES.get(escaped, escaped)


def attribute(value: str) -> str:
    """Text as an HTML attribute value (the escapes Python-Markdown's serializer applies)."""
    return html.escape(value, quote=False).replace('"', "&quot;")


@lru_cache(maxsize=1)
def _converter():
    import markdown

    # the extensions of mkdocs.yml that act on paragraph text (tables adds '|' to the escapes)
    return markdown.Markdown(extensions=["attr_list", "tables"])


def _markdown(markdown_text: str) -> str:
    md = _converter()
    md.reset()
    out = md.convert(markdown_text)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out


# --- the MkDocs side ------------------------------------------------------------------------------

def placeholder(key: str, number: int) -> str:
    return f"explainer-pre-rendered-{key}-{number}"


def split(markdown: str) -> tuple[str, list[str], str]:
    """The page with each pre-rendered block replaced by a placeholder paragraph, the blocks, and
    the key of the placeholders (derived from the page, so it cannot occur in it by chance)."""
    if OPEN not in markdown:
        return markdown, [], ""
    key = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16]
    chunks: list[str] = []
    parts: list[str] = []
    opening, closing = f"\n{OPEN}\n", f"\n{CLOSE}\n"
    text = "\n" + markdown + "\n"  # every marker line then has a line break either side
    position = 0
    while (start := text.find(opening, position)) >= 0:
        end = text.find(closing, start + len(opening) - 1)
        if end < 0:
            break
        parts.append(text[position:start + 1])
        chunks.append(text[start + len(opening):end])
        parts.append(placeholder(key, len(chunks) - 1))
        position = end + len(closing) - 1
    parts.append(text[position:])
    return "".join(parts)[1:-1], chunks, key


class MissingBlock(ValueError):
    pass


def join(converted: str, chunks: list[str], key: str) -> str:
    """Put the blocks back in place of their placeholder paragraphs."""
    for number, chunk in enumerate(chunks):
        token = f"<p>{placeholder(key, number)}</p>"
        if token not in converted:
            raise MissingBlock(f"pre-rendered block {number + 1} lost its place in the converted page")
        converted = converted.replace(token, chunk, 1)
    return converted


@dataclass(frozen=True)
class Headings:
    """The toc extension's settings for headings that :func:`convert_skeleton` follows."""

    slugify: Callable[[str, str], str]
    separator: str
    permalink_class: str
    permalink_title: str


def headings_of(extensions: list[str], configs: dict) -> Headings | None:
    """The site's heading settings (MkDocs' ``markdown_extensions`` and ``mdx_configs``), or None
    when the toc extension is set up in a way :func:`convert_skeleton` does not follow."""
    from markdown.extensions.toc import TocExtension

    if "toc" not in extensions:
        return None
    settings = TocExtension(**(configs.get("toc") or {})).getConfigs()
    if (settings["permalink"] is not True or settings["anchorlink"] or settings["permalink_leading"]
            or str(settings["baselevel"]) != "1" or str(settings["toc_depth"]) != "6"):
        return None
    return Headings(settings["slugify"], settings["separator"], settings["permalink_class"],
                    settings["permalink_title"])


@dataclass(frozen=True)
class Converted:
    """A converted page, with what MkDocs takes from its conversion."""

    html: str
    toc_tokens: list
    title: str | None  # the first element's text, if that is a level-1 heading
    ids: set  # the headings' ids, which their permalinks (links within the page) point at


# An ATX heading of one line; '#' (closing hashes), '{' (attributes), tabs and a backslash at the
# end are left to Python-Markdown, and so is text that is not plain (see is_plain).
_HEADING_RE = re.compile(r"(#{1,6}) +([^#{}\t]*[^#{}\t\\])")
_PLACEHOLDER_RE = re.compile(r"explainer-pre-rendered-[0-9a-f]{16}-[0-9]+")


def convert_skeleton(skeleton: str, headings: Headings) -> Converted | None:
    """A page made only of headings and one-line paragraphs (between blank lines) of plain text,
    and placeholder paragraphs, converted as Python-Markdown converts it with the toc extension's
    ``headings``; None for any other page. A paragraph must start with a letter: no block syntax
    (lists, quotes, rules, fences, admonitions, indented code) does."""
    from markdown.extensions.toc import nest_toc_tokens, unique

    lines = skeleton.split("\n")
    out: list[str] = []
    tokens: list[dict] = []
    ids: set[str] = set()
    counters: dict[str, int] = {}
    title = None
    for number, line in enumerate(lines):
        if not line:
            continue
        if not line.startswith("#"):
            if (number > 0 and lines[number - 1]) or (number + 1 < len(lines) and lines[number + 1]):
                return None  # one paragraph with the lines next to it
            if _PLACEHOLDER_RE.fullmatch(line):
                out.append(f"<p>{line}</p>")
            elif line[0].isalpha() and is_plain(line):
                out.append(f"<p>{plain_html(line)}</p>")
            else:
                return None
            continue
        match = _HEADING_RE.fullmatch(line)
        if match is None or not is_plain(match[2]):
            return None
        level, inner = len(match[1]), plain_html(match[2])
        name = " ".join(inner.split())
        anchor = unique(headings.slugify(html.unescape(name), headings.separator), ids, counters)
        if not out and level == 1:
            title = name
        link = (f'<a class="{attribute(headings.permalink_class)}" href="#{attribute(anchor)}"'
                + (f' title="{attribute(headings.permalink_title)}"' if headings.permalink_title else "")
                + ">&para;</a>")
        out.append(f'<h{level} id="{attribute(anchor)}">{inner}{link}</h{level}>')
        tokens.append({"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""})
    return Converted("\n".join(out), nest_toc_tokens(tokens), title, ids)


_PRE_RE = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENT_RE = re.compile(r"\n[ \t\n]*")  # a line break, the blank lines after it and the indentation
# Line breaks next to the tags of block elements, where HTML renders no white space anyway.
_BLOCK = (r"(?:li|ul|ol|nav|div|p|h[1-6]|table|thead|tbody|tr|td|th|header|footer|main|article|aside|"
          r"section|form|meta|link|script|head|body|html|title|dl|dt|dd|figure|blockquote|details|summary)")
_BEFORE_BLOCK_RE = re.compile(rf"\n(?=</?{_BLOCK}\b)")
_AFTER_BLOCK_RE = re.compile(rf"(</?{_BLOCK}\b[^>]*>)\n")


def strip_indentation(page: str) -> str:
    """The page without the indentation and blank lines of the theme's templates (a good part
    of every page's bytes), nor line breaks next to block elements' tags; white space inside
    <pre> and <textarea> is kept as it is. Elsewhere HTML collapses white space, and ignores it
    between blocks, so the page renders the same."""
    parts = _PRE_RE.split(page)
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            part = _INDENT_RE.sub("\n", part)
            out.append(_AFTER_BLOCK_RE.sub(r"\1", _BEFORE_BLOCK_RE.sub("", part)))
        elif kind == 1:
            out.append(part)
    return "".join(out)
