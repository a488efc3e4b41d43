"""``explainer check``: what breaks a bilingual site, found in the built HTML and in the content.

Every finding names a file (relative to the project), a 1-based line and a rule id. The rules are
declared once in :data:`RULES`; each check is a pure function over parsed pages or content.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import arabic
from .article import Article
from .glossary import Glossary, Matcher, unresolved_latin
from .writing import ARABIC_LETTERS, BIDI_CONTROLS, BIDI_MARKS, TASHKEEL, TATWEEL

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    description: str


RULES = {rule.id: rule for rule in (
    Rule("link-broken", ERROR, "an internal link points at a page or file that does not exist"),
    Rule("link-fragment", ERROR, "an internal link's #fragment names no element of the target page"),
    Rule("link-scheme", ERROR, "a link uses a scheme other than http(s) or a relative address"),
    Rule("lang-missing", ERROR, "a page has no lang attribute on <html>"),
    Rule("dir-wrong", ERROR, "an Arabic page is not right-to-left, or an English page not left-to-right"),
    Rule("lang-block", ERROR, "text in the other language lacks its own lang and dir"),
    Rule("lang-script", ERROR, "a page's lang contradicts the script of most of its text"),
    Rule("pair-missing", ERROR, "a page has no twin in the other language"),
    Rule("pair-anchors", ERROR, "twin pages do not carry the same paragraph anchors"),
    Rule("pair-switcher", ERROR, "the language switcher or hreflang link does not point at the twin page"),
    Rule("po-untranslated", WARNING, "a catalog entry has no translation"),
    Rule("po-fuzzy", WARNING, "a catalog entry's translation is behind its changed source"),
    Rule("po-obsolete", WARNING, "a catalog keeps an obsolete entry"),
    Rule("tr-numbers", ERROR, "the numbers of a paragraph and of its translation differ"),
    Rule("tr-glossary", ERROR, "a glossary term of the source is missing from the translation"),
    Rule("tr-markup", ERROR, "the links or HTML of a translation differ from the source's"),
    Rule("glossary-latin", ERROR, "a Latin-script word of the Arabic text is not in the glossary"),
    Rule("bidi-control", ERROR, "a Unicode bidi control character (U+202A-U+202E, U+2066-U+2069; in "
                                "content also the U+200E/U+200F marks)"),
    Rule("raw-html", ERROR, "raw HTML from content reaches the page (<script>, event attributes)"),
    Rule("kashida", ERROR, "a tatweel (kashida) stretches a word, as if for justification"),
    Rule("space-before-punct", ERROR, "a space before Arabic punctuation"),
)}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    rule: str
    message: str

    @property
    def severity(self) -> str:
        return RULES[self.rule].severity

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
        return dict(sorted(counts.items()))

    def failed(self, strict: bool) -> bool:
        return any(f.severity == ERROR or strict for f in self.findings)

    def as_json(self) -> dict:
        return {"problems": [dict(asdict(f), severity=f.severity) for f in self.findings],
                "summary": self.summary(), "external_links": self.external_links}


# --- text facts -------------------------------------------------------------------------------

BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")
# In content, the direction marks too: the generator adds them where needed, writers never should.
CONTENT_BIDI_RE = re.compile(f"[{BIDI_MARKS}{BIDI_CONTROLS}]")
KASHIDA_RE = re.compile(f"{TATWEEL}+(?=[\u0621-\u064a])")
SPACE_PUNCT_RE = re.compile(r"[ \t\u00a0]+[،؛؟]")
ARABIC_LETTERS_RE = re.compile(f"[{ARABIC_LETTERS}]")
LATIN_LETTERS_RE = re.compile("[A-Za-z]")
ARABIC_WORD_RE = re.compile(f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}{TASHKEEL}{TATWEEL}]+")
_SCALES = {"الف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9,
           "تريليون": 1e12, "ترليون": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9,
           "trillion": 1e12}
_NUMBER_RE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(\w+))?")


def numbers(text: str) -> set[float]:
    """The numbers a text states, with scale words applied (80 ألف = 80,000 = 80 thousand)."""
    out = set()
    for match in _NUMBER_RE.finditer(arabic.normalise(text)):
        value = float(match.group(1).replace(",", ""))
        scale = _SCALES.get(match.group(2) or "", 1)
        out.add(round(value * scale, 6))
    return out


_MARKUP_RE = re.compile(r"(?<!\\)\[[^\]]*\]\(([^)\s]*)[^)]*\)|<\s*(/?\s*[A-Za-z][\w-]*)")


def markup(text: str) -> list[str]:
    """Links (targets) and HTML tags of a Markdown text, in order."""
    return sorted(m.group(1) or m.group(2).replace(" ", "").lower() for m in _MARKUP_RE.finditer(text))


def scan_lines(path: str, text: str, hygiene: bool) -> list[Finding]:
    """Content files: bidi controls and direction marks; with ``hygiene``, kashida and spaces
    before Arabic punctuation."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in CONTENT_BIDI_RE.finditer(line):
            found.append(Finding(path, number, "bidi-control",
                                 f"U+{ord(match.group(0)):04X} at column {match.start() + 1}"))
        if hygiene:
            for match in KASHIDA_RE.finditer(line):
                word = ARABIC_WORD_RE.search(line, max(0, match.start() - 12))
                found.append(Finding(path, number, "kashida", f"tatweel inside a word: "
                                     f"{word.group(0) if word else line[match.start():match.end() + 3]!r}"))
            for match in SPACE_PUNCT_RE.finditer(line):
                found.append(Finding(path, number, "space-before-punct", f"space before "
                                     f"{match.group(0).strip()!r} at column {match.start() + 1}"))
    return found


# --- content checks ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """A catalog entry as the checks see it."""

    context: str
    source: str
    translation: str
    fuzzy: bool
    line: int


def check_translations(po_path: str, entries: list[Entry], obsolete: list[tuple[str, int]],
                       glossary: Glossary) -> list[Finding]:
    found = []
    ar_matcher, en_matcher = Matcher(glossary, "ar"), Matcher(glossary, "en")
    for entry in entries:
        if not entry.translation:
            found.append(Finding(po_path, entry.line, "po-untranslated", f"entry '{entry.context}' has no "
                                 "translation"))
            continue
        if entry.fuzzy:
            found.append(Finding(po_path, entry.line, "po-fuzzy", f"entry '{entry.context}' is fuzzy: its "
                                 "source changed since it was translated"))
        source_numbers, target_numbers = numbers(entry.source), numbers(entry.translation)
        if source_numbers != target_numbers:
            missing = sorted(source_numbers - target_numbers)
            extra = sorted(target_numbers - source_numbers)
            found.append(Finding(po_path, entry.line, "tr-numbers", f"entry '{entry.context}': numbers "
                                 f"differ (only in the source: {_fmt(missing)}; only in the translation: "
                                 f"{_fmt(extra)})"))
        checked: set[str] = set()
        for match in ar_matcher.find(entry.source):
            if match.entry.id not in checked and not en_matcher.mentions(match.entry, entry.translation):
                forms = ", ".join(match.entry.forms("en"))
                found.append(Finding(po_path, entry.line, "tr-glossary", f"entry '{entry.context}': the "
                                     f"source names '{entry.source[match.start:match.end]}' (glossary "
                                     f"'{match.entry.id}'); the translation has none of: {forms}"))
            checked.add(match.entry.id)
        if markup(entry.source) != markup(entry.translation):
            found.append(Finding(po_path, entry.line, "tr-markup", f"entry '{entry.context}': links or HTML "
                                 f"differ: source {markup(entry.source)}, translation {markup(entry.translation)}"))
    for context, line in obsolete:
        found.append(Finding(po_path, line, "po-obsolete", f"obsolete entry '{context}' (its source is "
                             "gone; delete it once its translation is no longer needed)"))
    return found


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:g}" for v in values) or "none"


def check_article_source(ar_path: str, text: str, article: Article, glossary: Glossary) -> list[Finding]:
    found = scan_lines(ar_path, text, hygiene=True)
    matcher = Matcher(glossary, "ar")
    for block in article.blocks:
        for word in unresolved_latin(block.text, matcher, glossary):
            found.append(Finding(ar_path, block.line, "glossary-latin", f"'{word}' is neither a glossary "
                                 "entry nor in the glossary's allow_latin list"))
    return found


# --- site checks ------------------------------------------------------------------------------

_BLOCK_TAGS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "figcaption", "summary", "div", "span", "a", "strong", "em"}
_SKIP_TAGS = {"script", "style", "svg", "noscript", "code", "pre"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


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
    draft: bool = False  # the generator marked the page "not yet translated"


class _PageParser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, str, str]] = []  # (tag, lang, dir)
        self.skip = 0
        self.in_article = 0

    def _context(self) -> tuple[str, str]:
        lang = next((l for _, l, _ in reversed(self.stack) if l), self.page.lang)
        direction = next((d for _, _, d in reversed(self.stack) if d), self.page.dir)
        return lang.split("-")[0], direction

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        line = self.getpos()[0]
        if tag == "html":
            self.page.lang = a.get("lang", "")
            self.page.dir = a.get("dir", self.page.dir)
        if tag == "body" and a.get("dir"):
            self.page.dir = a["dir"]
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        for attribute in ("href", "src"):
            if attribute in a and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.page.links.append((line, attribute, a[attribute]))
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.page.alternates[a["hreflang"]] = (line, a.get("href", ""))
        if tag == "a" and "md-select__link" in a.get("class", "") and "hreflang" in a:
            self.page.switcher[a["hreflang"]] = (line, a.get("href", ""))
        if tag == "article":
            self.in_article += 1
        if self.in_article:
            if tag in ("script", "iframe", "object", "embed"):
                self.page.raw_html.append((line, f"<{tag}> element"))
            for name in a:
                if name.startswith("on"):
                    self.page.raw_html.append((line, f"event attribute {name}= on <{tag}>"))
            for attribute in ("href", "src"):
                if a.get(attribute, "").strip().lower().startswith("javascript:"):
                    self.page.raw_html.append((line, f"javascript: URL on <{tag}>"))
        if tag in _VOID_TAGS:
            return
        if tag in _SKIP_TAGS:
            self.skip += 1
        own_lang = a.get("lang", "")
        own_dir = a.get("dir", "")
        if own_lang and own_lang.split("-")[0] != self._context()[0] and not own_dir:
            inherited_dir = self._context()[1]
            expected = "rtl" if own_lang.startswith("ar") else "ltr"
            if inherited_dir != expected:
                self.page.undirected.append((line, own_lang))
        self.stack.append((tag, own_lang, own_dir))

    def handle_endtag(self, tag):
        if tag in _VOID_TAGS:
            return
        if tag == "article":
            self.in_article -= 1
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for closed, _, _ in self.stack[index:]:
                    if closed in _SKIP_TAGS:
                        self.skip -= 1
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.skip or not data.strip():
            return
        line = self.getpos()[0]
        self.page.text_lines.append((line, data))
        lang, _ = self._context()
        arabic_count = len(ARABIC_LETTERS_RE.findall(data))
        latin_count = len(LATIN_LETTERS_RE.findall(data))
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


@dataclass(frozen=True)
class SiteLayout:
    languages: tuple[str, ...]
    default: str
    site_url: str = ""
    single_language: tuple[str, ...] = ()
    # the source text of every segment not yet translated (already reported where the writer fixes
    # it: en.po); the theme shows such a title in the navigation, table of contents and <title>
    # without a language of its own, which is not reported again
    untranslated: frozenset[str] = frozenset()

    def mirrors_untranslated(self, text: str) -> bool:
        plain = " ".join(text.split())
        return any(part in self.untranslated for part in (plain, *re.split(r" [-—] ", plain)[:1]))

    def lang_of(self, path: str) -> tuple[str, str]:
        """(language, path within that language's tree) of a site path."""
        for lang in self.languages:
            if lang != self.default and path.startswith(f"{lang}/"):
                return lang, path[len(lang) + 1:]
        return self.default, path

    def path_in(self, lang: str, rel: str) -> str:
        return rel if lang == self.default else f"{lang}/{rel}"


def _is_page(path: str) -> bool:
    return path.endswith(".html") and not path.startswith(("assets/", "search/")) \
        and "/search/" not in path


def resolve(page_path: str, href: str, layout: SiteLayout) -> tuple[str, str] | None:
    """(site path, fragment) an internal link points at; None for an external link."""
    if layout.site_url and href.startswith(layout.site_url):
        href = "/" + href[len(layout.site_url):]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = "/" + posixpath.dirname(page_path) + "/"
    target = unquote(parts.path)
    if not target:
        return page_path, unquote(parts.fragment)
    joined = posixpath.normpath(posixpath.join(base, target)) + ("/" if target.endswith("/") else "")
    joined = joined.lstrip("/")
    if joined.endswith("/") or joined == "":
        joined += "index.html"
    return joined, unquote(parts.fragment)


def check_links(pages: dict[str, Page], files: set[str], layout: SiteLayout) -> tuple[list[Finding], set[str]]:
    found, external = [], set()
    for path, page in pages.items():
        for line, _attribute, href in page.links:
            href = href.strip()
            scheme = urlsplit(href).scheme.lower()
            if scheme and scheme not in ("http", "https"):
                found.append(Finding(path, line, "link-scheme", f"'{href[:60]}' uses the scheme '{scheme}:'"))
                continue
            target = resolve(path, href, layout)
            if target is None:
                external.add(href)
                continue
            target_path, fragment = target
            if target_path not in files and target_path + "/index.html" not in files:
                found.append(Finding(path, line, "link-broken", f"'{href}' points at {target_path}, which "
                                     "does not exist"))
                continue
            if target_path not in files:
                target_path += "/index.html"
            if fragment and target_path in pages and fragment not in pages[target_path].ids:
                found.append(Finding(path, line, "link-fragment", f"'{href}': {target_path} has no element "
                                     f"with id '{fragment}'"))
    return found, external


_PARAGRAPH_ID_RE = re.compile(r"^(?:r-)?[ps]-[0-9a-f]+$")


def check_languages(pages: dict[str, Page], layout: SiteLayout) -> list[Finding]:
    found = []
    for path, page in pages.items():
        lang, _ = layout.lang_of(path)
        if not page.lang:
            found.append(Finding(path, 1, "lang-missing", "<html> has no lang attribute"))
        elif page.lang.split("-")[0] != lang:
            found.append(Finding(path, 1, "lang-missing", f"<html lang='{page.lang}'> in the '{lang}' tree"))
        expected = "rtl" if lang == "ar" else "ltr"
        if (page.dir or "ltr") != expected:
            found.append(Finding(path, 1, "dir-wrong", f"a '{lang}' page with direction "
                                 f"'{page.dir or 'ltr'}', expected '{expected}'"))
        for line, other, text in page.foreign:
            if layout.mirrors_untranslated(text):
                continue
            words = " ".join(text.split()[:6])
            found.append(Finding(path, line, "lang-block", f"{'Arabic' if other == 'ar' else 'English'} "
                                 f"text without lang=\"{other}\" dir=\"{'rtl' if other == 'ar' else 'ltr'}\": "
                                 f"'{words}'"))
        for line, other in page.undirected:
            found.append(Finding(path, line, "lang-block", f"an element with lang=\"{other}\" has no dir"))
        total = page.letters["ar"] + page.letters["latin"]
        if total >= 200 and not page.draft:
            own = page.letters["ar" if lang == "ar" else "latin"]
            if own / total < 0.5:
                found.append(Finding(path, 1, "lang-script", f"a '{lang}' page whose text is mostly "
                                     f"{'Latin' if lang == 'ar' else 'Arabic'} script ({own} of {total} letters "
                                     f"are {'Arabic' if lang == 'ar' else 'Latin'})"))
    return found


def check_pairs(pages: dict[str, Page], layout: SiteLayout) -> list[Finding]:
    found = []
    for path, page in pages.items():
        lang, rel = layout.lang_of(path)
        if rel in layout.single_language or rel == "404.html":
            continue
        more = rel.startswith("more/")  # a list's continuation, or mentions: as long as its language's text
        for other in layout.languages:
            if other == lang:
                continue
            twin_path = layout.path_in(other, rel)
            twin = pages.get(twin_path)
            if twin is None:
                if not more:
                    found.append(Finding(path, 1, "pair-missing", f"no {other} twin ({twin_path})"))
                continue
            mine = {i for i in page.ids if _PARAGRAPH_ID_RE.match(i)}
            theirs = {i for i in twin.ids if _PARAGRAPH_ID_RE.match(i)}
            if mine != theirs:
                only = sorted(mine - theirs)[:5]
                found.append(Finding(path, 1, "pair-anchors", f"anchors differ from {twin_path}: only here "
                                     f"{only}, only there {sorted(theirs - mine)[:5]}"))
            for kind, links in (("language switcher", page.switcher), ("hreflang link", page.alternates)):
                if other not in links:
                    found.append(Finding(path, 1, "pair-switcher", f"no {kind} to '{other}'"))
                    continue
                line, href = links[other]
                target = resolve(path, href, layout)
                if target is None or target[0] != twin_path:
                    found.append(Finding(path, line, "pair-switcher", f"the {kind} to '{other}' points at "
                                         f"'{href}', not at the twin {twin_path}"))
    return found


def check_output_text(pages: dict[str, Page]) -> list[Finding]:
    found = []
    for path, page in pages.items():
        for line, what in page.raw_html:
            found.append(Finding(path, line, "raw-html", f"{what} inside the page content"))
        for line, text in page.text_lines:
            for match in BIDI_RE.finditer(text):
                found.append(Finding(path, line, "bidi-control", f"U+{ord(match.group(0)):04X} in the text"))
            if SPACE_PUNCT_RE.search(text):
                found.append(Finding(path, line, "space-before-punct", "space before Arabic punctuation: "
                                     f"'{SPACE_PUNCT_RE.search(text).group(0).strip()}'"))
            if KASHIDA_RE.search(text):
                found.append(Finding(path, line, "kashida", "tatweel inside a word"))
    return found


def check_site(site: Path, layout: SiteLayout, prefix: str) -> Report:
    """Every site rule over the HTML pages under ``site``; paths reported with ``prefix``."""
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    pages = {path: parse_page(path, (site / path).read_text(encoding="utf-8", errors="replace"))
             for path in sorted(files) if _is_page(path)}
    findings, external = check_links(pages, files, layout)
    findings += check_languages(pages, layout)
    findings += check_pairs(pages, layout)
    findings += check_output_text(pages)
    findings = [Finding(f"{prefix}{f.path}", f.line, f.rule, f.message) for f in findings]
    return Report(findings, sorted(external))
