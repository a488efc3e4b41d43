"""Key figures and a timeline per article, from ``content/articles/<slug>/figures.yml``.

Numbers, amounts, percentages and dates are formatted for each page language with Babel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal, format_percent, get_currency_name

from . import arabic, prerender, schema, yamlio
from .errors import ContentError, Problem
from .locales import FIGURE_LABELS
from .schema import Field

UNITS = ("currency", "percent", "count")
# The schemas of figures.yml, declared once.
FIGURE_FIELDS = {
    "value": Field(True, "number", "e.g. 13_700_000_000 for 13.7 billion, or 41 for 41%"),
    "unit": Field(True, "text", f"one of: {', '.join(UNITS)}"),
    "currency": Field(False, "text", "ISO 4217 code for a currency amount, e.g. USD"),
    "what_ar": Field(True, "text", "what the figure measures, in Arabic"),
    "what_en": Field(True, "text", "what the figure measures, in English"),
    "paragraph": Field(True, "text", "anchor id of the paragraph the figure comes from"),
    "quote": Field(True, "text", "the figure as the Arabic paragraph writes it"),
}
EVENT_FIELDS = {
    "date": Field(True, "text", "YYYY, YYYY-MM or YYYY-Qn"),
    "what_ar": Field(True, "text", "what happened, in Arabic"),
    "what_en": Field(True, "text", "what happened, in English"),
    "paragraph": Field(True, "text", "anchor id of the paragraph that tells it"),
    "quote": Field(True, "text", "the date as the Arabic paragraph writes it"),
}
DATE_RE = re.compile(r"^(?P<year>\d{4})(?:-(?:(?P<month>0[1-9]|1[0-2])|Q(?P<quarter>[1-4])))?$")


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    what: dict[str, str]
    paragraph: str
    quote: str
    currency: str = ""
    line: int = 0


@dataclass(frozen=True)
class Event:
    date: str
    what: dict[str, str]
    paragraph: str
    quote: str
    line: int = 0


@dataclass(frozen=True)
class Figures:
    figures: tuple[Figure, ...] = ()
    timeline: tuple[Event, ...] = ()


def parse(text: str, path: str, paragraphs: dict[str, str]) -> Figures:
    """Read and validate figures.yml against the article's paragraphs (id -> Arabic text)."""
    data = yamlio.load(text, path) or {}
    problems: list[Problem] = []
    figures: list[Figure] = []
    events: list[Event] = []
    for key in data:
        if key not in ("figures", "timeline"):
            problems.append(Problem(path, data.line_of(key), f"unknown key '{key}' (expected figures, timeline)"))
    for index, item in enumerate(data.get("figures") or [], start=1):
        line = getattr(item, "line", 1)
        label = f"figure #{index}"
        found = schema.check(item, FIGURE_FIELDS, path, line, label)
        if not found:
            if item["unit"] not in UNITS:
                found.append(Problem(path, item.line_of("unit"), f"{label}: unknown unit '{item['unit']}' "
                                     f"(expected one of: {', '.join(UNITS)})"))
            if item["unit"] == "currency" and not item.get("currency"):
                found.append(Problem(path, line, f"{label}: a currency amount needs 'currency' (e.g. USD)"))
            found += _check_quote(item, paragraphs, path, label)
        problems += found
        if not found:
            figures.append(Figure(float(item["value"]), item["unit"],
                                  {"ar": item["what_ar"], "en": item["what_en"]}, item["paragraph"],
                                  item["quote"], item.get("currency", ""), line))
    for index, item in enumerate(data.get("timeline") or [], start=1):
        line = getattr(item, "line", 1)
        label = f"timeline #{index}"
        found = schema.check(item, EVENT_FIELDS, path, line, label)
        if not found:
            if not DATE_RE.match(item["date"]):
                found.append(Problem(path, item.line_of("date"), f"{label}: date expected YYYY, YYYY-MM or "
                                     f"YYYY-Qn, found {item['date']!r}"))
            found += _check_quote(item, paragraphs, path, label)
        problems += found
        if not found:
            events.append(Event(item["date"], {"ar": item["what_ar"], "en": item["what_en"]},
                                item["paragraph"], item["quote"], line))
    if problems:
        raise ContentError(problems)
    return Figures(tuple(figures), tuple(sorted(events, key=_chronological)))


def _chronological(event: Event) -> tuple[int, int, int]:
    """Year, first month, then the wider period first (2023, Q1 2023, February 2023...)."""
    match = DATE_RE.match(event.date)
    assert match is not None
    if match["month"]:
        return int(match["year"]), int(match["month"]), 2
    if match["quarter"]:
        return int(match["year"]), 3 * int(match["quarter"]) - 2, 1
    return int(match["year"]), 0, 0


def _check_quote(item: dict, paragraphs: dict[str, str], path: str, label: str) -> list[Problem]:
    text = paragraphs.get(item["paragraph"])
    if text is None:
        return [Problem(path, item.line_of("paragraph"), f"{label}: no paragraph '{item['paragraph']}' "
                        "in the article")]
    if arabic.normalise(item["quote"]) not in arabic.normalise(text):
        return [Problem(path, item.line_of("quote"), f"{label}: quote {item['quote']!r} does not appear "
                        f"in paragraph {item['paragraph']}")]
    return []


def format_figure(figure: Figure, lang: str) -> str:
    if figure.unit == "percent":  # Latin digits as the text has them, with the language's percent sign
        text = format_percent(figure.value / 100, locale=lang, numbering_system="latn")
        return text.replace("%", "\u066a") if lang == "ar" else text
    if figure.unit == "currency":
        amount = format_compact_decimal(figure.value, format_type="long", locale=lang, fraction_digits=1,
                                        numbering_system="latn")
        return f"{amount} {get_currency_name(figure.currency, count=figure.value, locale=lang)}"
    if figure.value >= 1e6:
        return format_compact_decimal(figure.value, format_type="long", locale=lang, fraction_digits=1,
                                      numbering_system="latn")
    return format_decimal(figure.value, locale=lang, numbering_system="latn")


def format_when(value: str, lang: str) -> str:
    match = DATE_RE.match(value)
    assert match is not None
    year = int(match["year"])
    if match["month"]:
        return format_date(date(year, int(match["month"]), 1), "MMMM y", locale=lang)
    if match["quarter"]:
        return format_date(date(year, 3 * int(match["quarter"]) - 2, 1), "QQQQ y", locale=lang)
    return format_date(date(year, 1, 1), "y", locale=lang)


def section(figures: Figures, lang: str, numbers: dict[str, int]) -> str:
    """The key figures and timeline (headings in Markdown, tables pre-rendered as Python-Markdown's
    tables extension renders them), each row linking to its paragraph."""
    labels = FIGURE_LABELS[lang]
    tables = (
        (labels["figures"], (labels["figure"], labels["what"]),
         [(format_figure(f, lang), f.what[lang], f.paragraph) for f in figures.figures]),
        (labels["timeline"], (labels["when"], labels["event"]),
         [(format_when(e.date, lang), e.what[lang], e.paragraph) for e in figures.timeline]),
    )
    parts = []
    for title, (first, second), rows in tables:
        if not rows:
            continue
        head = "".join(f"<th>{prerender.inline(cell)}</th>\n" for cell in (first, second, labels["source"]))
        body = "".join(
            f"<tr>\n<td>{prerender.inline(value)}</td>\n<td>{prerender.inline(what)}</td>\n"
            f'<td><a href="#{paragraph}">{labels["paragraph"]}\u00a0{numbers[paragraph]}</a></td>\n</tr>\n'
            for value, what, paragraph in rows)
        parts.append(f"\n## {title}\n" + prerender.block(f"<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n"
                                                          f"<tbody>\n{body}</tbody>\n</table>"))
    return "".join(parts)
