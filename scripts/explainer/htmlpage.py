"""What the site checks need of one built HTML page, read in one pass of the standard HTML parser:
its language and direction, ids, links, language switcher, letters by script, text in the other
language without its own ``lang``/``dir``, and raw HTML that came from content."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .locales import facts
from .writing import ARABIC_LETTERS, ARABIC_WORD_RE, LATIN_RE

ARABIC_LETTERS_RE = re.compile(f"[{ARABIC_LETTERS}]")

_SKIP_TAGS = {"script", "style", "svg", "noscript", "code", "pre"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_LINKING_TAGS = ("a", "link", "script", "img", "source", "iframe")
_ACTIVE_TAGS = ("script", "iframe", "object", "embed")
_PARAGRAPH_ID_RE = re.compile(r"^p-[0-9a-f]+$")


@dataclass
class Page:
    """What the checks need of one built HTML page."""

    path: str  # relative to the site folder
    lang: str = ""
    dir: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str, str]] = field(default_factory=list)  # (line, attribute, value)
    alternates: dict[str, tuple[int, str]] = field(default_factory=dict)
    switcher: dict[str, tuple[int, str]] = field(default_factory=dict)
    letters: dict[str, int] = field(default_factory=lambda: {"ar": 0, "latin": 0})
    foreign: list[tuple[int, str, str]] = field(default_factory=list)  # (line, lang, text)
    undirected: list[tuple[int, str]] = field(default_factory=list)  # (line, lang)
    raw_html: list[tuple[int, str]] = field(default_factory=list)
    text_lines: list[tuple[int, str]] = field(default_factory=list)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of each anchored paragraph
    draft: bool = False  # the generator marked the page "not yet translated"


def direction(lang: str) -> str:
    return facts(lang.split("-")[0]).direction


class _PageParser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, str, str]] = []  # (tag, lang, dir)
        self.skip = 0
        self.in_article = 0
        self.paragraph: list[str] | None = None  # the text of the anchored paragraph being read

    def _context(self) -> tuple[str, str]:
        lang = next((l for _, l, _ in reversed(self.stack) if l), self.page.lang)
        direction = next((d for _, _, d in reversed(self.stack) if d), self.page.dir)
        return lang.split("-")[0], direction

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        line = self.getpos()[0]
        self._page_language(tag, a)
        self._ids_and_links(tag, a, line)
        if tag == "article":
            self.in_article += 1
        if self.in_article:
            self._raw_html(tag, a, line)
        if tag not in _VOID_TAGS:
            self._open(tag, a, line)

    def _page_language(self, tag: str, a: dict[str, str]) -> None:
        if tag == "html":
            self.page.lang = a.get("lang", "")
            self.page.dir = a.get("dir", self.page.dir)
        if tag == "body" and a.get("dir"):
            self.page.dir = a["dir"]

    def _ids_and_links(self, tag: str, a: dict[str, str], line: int) -> None:
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag in _LINKING_TAGS:
            self.page.links += [(line, name, a[name]) for name in ("href", "src") if name in a]
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.page.alternates[a["hreflang"]] = (line, a.get("href", ""))
        if tag == "a" and "md-select__link" in a.get("class", "") and "hreflang" in a:
            self.page.switcher[a["hreflang"]] = (line, a.get("href", ""))

    def _raw_html(self, tag: str, a: dict[str, str], line: int) -> None:
        """Script, event attributes and javascript: URLs inside the page's content."""
        if tag in _ACTIVE_TAGS:
            self.page.raw_html.append((line, f"<{tag}> element"))
        for name in a:
            if name.startswith("on"):
                self.page.raw_html.append((line, f"event attribute {name}= on <{tag}>"))
        for name in ("href", "src"):
            if a.get(name, "").strip().lower().startswith("javascript:"):
                self.page.raw_html.append((line, f"javascript: URL on <{tag}>"))

    def _open(self, tag: str, a: dict[str, str], line: int) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        if tag == "p" and _PARAGRAPH_ID_RE.match(a.get("id", "")):
            self.page.paragraphs.append((a["id"], ""))
            self.paragraph = []
        own_lang, own_dir = a.get("lang", ""), a.get("dir", "")
        inherited_lang, inherited_dir = self._context()
        if own_lang and own_lang.split("-")[0] != inherited_lang and not own_dir \
                and inherited_dir != direction(own_lang):
            self.page.undirected.append((line, own_lang))
        self.stack.append((tag, own_lang, own_dir))

    def handle_endtag(self, tag):
        if tag in _VOID_TAGS:
            return
        if tag == "p" and self.paragraph is not None:
            self.page.paragraphs[-1] = (self.page.paragraphs[-1][0], "".join(self.paragraph))
            self.paragraph = None
        if tag == "article":
            self.in_article -= 1
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                self.skip -= sum(1 for closed, _, _ in self.stack[index:] if closed in _SKIP_TAGS)
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.paragraph is not None:
            self.paragraph.append(data)
        if self.skip or not data.strip():
            return
        line = self.getpos()[0]
        self.page.text_lines.append((line, data))
        lang, _ = self._context()
        arabic_count = len(ARABIC_LETTERS_RE.findall(data))
        latin_count = len(LATIN_RE.findall(data))
        if lang == self.page.lang.split("-")[0]:
            self.page.letters["ar"] += arabic_count
            self.page.letters["latin"] += latin_count
        if lang == "en" and ARABIC_WORD_RE.search(data):
            self.page.foreign.append((line, "ar", data.strip()))
        elif lang == "ar" and latin_count >= 25 and arabic_count == 0 and len(data.split()) >= 5:
            self.page.foreign.append((line, "en", data.strip()))


def parse_page(path: str, html_text: str) -> Page:
    page = Page(path)
    _PageParser(page).feed(html_text)
    page.draft = 'class="ex-status-note"' in html_text
    return page
