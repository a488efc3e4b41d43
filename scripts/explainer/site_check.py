"""The site rules of ``explainer check`` over the built HTML: links and fragments, ``lang`` and
``dir``, twin pages in the other language, and what the output text must not hold."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .check import KASHIDA_RE, SPACE_PUNCT_RE, Finding, Report
from .htmlpage import Page, direction, parse_page
from .writing import BIDI_CONTROLS_RE


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
        expected = direction(lang)
        if (page.dir or "ltr") != expected:
            found.append(Finding(path, 1, "dir-wrong", f"a '{lang}' page with direction "
                                 f"'{page.dir or 'ltr'}', expected '{expected}'"))
        for line, other, text in page.foreign:
            if layout.mirrors_untranslated(text):
                continue
            words = " ".join(text.split()[:6])
            found.append(Finding(path, line, "lang-block", f"{'Arabic' if other == 'ar' else 'English'} "
                                 f"text without lang=\"{other}\" dir=\"{direction(other)}\": "
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
            for match in BIDI_CONTROLS_RE.finditer(text):
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
