"""The article of a saved HTML news page, extracted with trafilatura.

trafilatura finds the main text of a news page and its metadata (title, author, date, site name,
address); this module turns its XML output into the lines the import reads, headings marked, and
fills the one gap met on real pages: a lead paragraph kept outside the article body (a
``description`` block) that the extractor leaves out, while the page's description meta tag gives
its first words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", re.I | re.S)
JUNK_AUTHOR_RE = re.compile(r"https?|www\.|;|\blogo\b|\.png|\.jpg", re.I)


@dataclass
class Extracted:
    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[tuple[str, str]] = field(default_factory=list)  # ("heading" | "paragraph", text)


def is_html(raw: bytes) -> bool:
    """Whether seed bytes are a saved web page rather than plain text."""
    head = raw[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(HTML_START_RE.match(head))


def extract(raw: bytes) -> Extracted:
    """The main article of an HTML page: metadata and its blocks in order."""
    import trafilatura
    from lxml import etree, html as lxml_html

    xml = trafilatura.extract(raw, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=False, include_images=False, favor_recall=True,
                              deduplicate=False)
    out = Extracted()
    if not xml:
        return out
    doc = etree.fromstring(xml.encode("utf-8"))
    for key, attribute in (("title", "title"), ("author", "author"), ("date", "date"),
                           ("publisher", "sitename"), ("url", "url")):
        value = (doc.get(attribute) or "").strip()
        if value and not (key == "author" and JUNK_AUTHOR_RE.search(value)):
            out.meta[key] = value
    for element in doc.iter("head", "p", "item", "quote"):
        text = " ".join("".join(element.itertext()).split())
        if text and not (element.tag == "p" and element.getparent() is not None
                         and element.getparent().tag == "quote"):
            out.blocks.append(("heading" if element.tag == "head" else "paragraph", text))
    lead = _lead_paragraph(lxml_html.fromstring(raw), doc.get("description") or "", out.blocks)
    if lead:
        out.blocks.insert(0, ("paragraph", lead))
    return out


def _lead_paragraph(page, description: str, blocks: list[tuple[str, str]]) -> str | None:
    """The page's lead paragraph when the extracted text lacks it: the ``<p>`` whose text the
    description meta tag begins, if no extracted block holds it."""
    stem = " ".join(description.replace("...", " ").replace("…", " ").split()[:8])
    if len(stem) < 20:
        return None
    body = " ".join(text for _, text in blocks)
    for element in page.iter("p"):
        text = " ".join("".join(element.itertext()).split())
        if text.startswith(stem) and text not in body:
            return text
    return None
