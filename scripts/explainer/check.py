"""``explainer check``: what breaks a bilingual site, found in the built HTML and in the content.

Every finding names a file (relative to the project), a 1-based line and a rule id. The rules are
declared once in :data:`RULES`; each check is a pure function over parsed pages or content.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from . import arabic
from .article import Article
from .glossary import Glossary
from .termlinks import Matcher, unresolved_latin
from .writing import ARABIC_WORD_RE, BIDI_CONTROLS, BIDI_MARKS, TATWEEL

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

# In content, the direction marks too: the generator adds them where needed, writers never should.
CONTENT_BIDI_RE = re.compile(f"[{BIDI_MARKS}{BIDI_CONTROLS}]")
KASHIDA_RE = re.compile(f"{TATWEEL}+(?=[\u0621-\u064a])")
SPACE_PUNCT_RE = re.compile(r"[ \t\u00a0]+[،؛؟]")
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
