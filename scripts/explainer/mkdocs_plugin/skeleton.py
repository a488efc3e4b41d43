"""The MkDocs half of pre-rendering: pre-rendered blocks out of a page and back, the rest of a
generated page converted as Python-Markdown would, and the templates' indentation stripped.

The generator writes the bodies of its pages as HTML blocks marked by :data:`explainer.prerender.OPEN`
and :data:`~explainer.prerender.CLOSE`. :func:`split` takes the blocks out of a page before MkDocs
converts it (so Python-Markdown does not even parse them) and :func:`join` puts them back into the
converted page as Python-Markdown would have passed them through, without the marking comments.
What is left of a generated page, its headings and one-line paragraphs between placeholders,
:func:`convert_skeleton` converts the way Python-Markdown and its toc extension would, table of
contents included (through :mod:`.compat`, which names the toc extension's internals it uses); a
page with anything else in it goes through Python-Markdown as usual.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from typing import Callable

from ..prerender import CLOSE, OPEN, attribute, is_plain, plain_html
from . import compat

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


_ID_RE = re.compile(r'\sid="([^"]+)"')


def anchor_ids(chunks: list[str]) -> frozenset[str]:
    """The ids of the elements of pre-rendered blocks."""
    return frozenset(html.unescape(match) for chunk in chunks for match in _ID_RE.findall(chunk))


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
    if "toc" not in extensions:
        return None
    settings = compat.toc_settings(configs.get("toc") or {})
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
    nest_toc_tokens, unique = compat.toc_helpers()
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
