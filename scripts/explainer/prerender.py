"""Pre-rendered HTML blocks in the generated Markdown pages.

Python-Markdown's inline processing is most of what MkDocs spends on an article page: every
paragraph, every glossary link with its tooltip, every translator's note. The generator knows
exactly what each of these is, so it writes them as HTML itself (:func:`inline` for segment text,
:func:`block` around a run of HTML) and leaves only the headings as Markdown, for MkDocs' table of
contents and permalinks.

A pre-rendered block is ordinary raw HTML to Python-Markdown, which passes it through unchanged.
The site's MkDocs plugin goes one step further and keeps the blocks out of Python-Markdown
altogether (:mod:`explainer.mkdocs_plugin.skeleton`).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

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
    """Segment text (Markdown-escaped, see :func:`explainer.textclean.escape_markdown`) as HTML.

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
