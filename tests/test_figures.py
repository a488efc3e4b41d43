"""Key figures and timeline: schema, Babel formatting per locale, and their source paragraphs."""

from __future__ import annotations

import pytest

from explainer import arabic, article, figures
from explainer.errors import ContentError

from conftest import REPO

ARTICLES = sorted(p.parent for p in (REPO / "content" / "articles").glob("*/figures.yml"))


def _load(folder):
    parsed = article.parse((folder / "ar.md").read_text(encoding="utf-8"), "ar.md", folder.name)
    paragraphs = {b.id: b.text for b in parsed.blocks}
    return figures.parse((folder / "figures.yml").read_text(encoding="utf-8"), "figures.yml", paragraphs), paragraphs


@pytest.mark.parametrize("folder", ARTICLES, ids=[f.name for f in ARTICLES])
def test_every_figure_appears_in_its_paragraph(folder):
    data, paragraphs = _load(folder)
    assert data.figures and data.timeline
    for item in list(data.figures) + list(data.timeline):
        assert arabic.normalise(item.quote) in arabic.normalise(paragraphs[item.paragraph])


@pytest.mark.parametrize("value, unit, lang, expected", [
    (13_700_000_000, "currency", "en", "13.7 billion US dollars"),
    (13_700_000_000, "currency", "ar", "13.7 مليار دولار أمريكي"),
    (2_500_000_000_000, "currency", "en", "2.5 trillion US dollars"),
    (41, "percent", "en", "41%"),
    (80000, "count", "en", "80,000"),
])
def test_format_figure(value, unit, lang, expected):
    figure = figures.Figure(value, unit, {}, "p-0", "", currency="USD" if unit == "currency" else "")
    assert figures.format_figure(figure, lang).replace("\u200e", "").replace("\u061c", "") == expected


@pytest.mark.parametrize("value, lang, expected", [
    ("2023-Q1", "en", "1st quarter 2023"), ("2023-Q1", "ar", "الربع الأول 2023"),
    ("2023-02", "en", "February 2023"), ("2023-02", "ar", "فبراير 2023"), ("2013", "en", "2013"),
])
def test_format_when(value, lang, expected):
    assert figures.format_when(value, lang) == expected


def test_problems_are_reported_with_lines():
    text = """figures:
  - value: 13.7e9
    unit: currency
    what_ar: أ
    what_en: A
    paragraph: p-1
    quote: x
  - value: 5
    unit: percent
    what_ar: ب
    what_en: B
    paragraph: p-1
    quote: 6٪
timeline:
  - date: 2023-13
    what_ar: ج
    what_en: C
    paragraph: p-9
    quote: في
"""
    with pytest.raises(ContentError) as info:
        figures.parse(text, "figures.yml", {"p-1": "نص فيه 5٪ فقط"})
    assert [str(p) for p in info.value.problems] == [
        "figures.yml:2: figure #1: field 'value' expected a number (e.g. 13_700_000_000 for 13.7 billion, or "
        "41 for 41%), found text '13.7e9'",
        "figures.yml:13: figure #2: quote '6٪' does not appear in paragraph p-1",
        "figures.yml:15: timeline #1: date expected YYYY, YYYY-MM or YYYY-Qn, found '2023-13'",
        "figures.yml:18: timeline #1: no paragraph 'p-9' in the article",
    ]
