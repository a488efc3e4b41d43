"""ar.md: its written form, parsing, validation messages, and edit detection."""

from __future__ import annotations

import pytest

from explainer import article
from explainer.errors import ContentError

from conftest import REPO, SLUG

AR_MD = (REPO / "content" / "articles" / SLUG / "ar.md").read_text(encoding="utf-8")


def test_round_trip_of_the_seed_article():
    parsed = article.parse(AR_MD, "ar.md", SLUG)
    assert article.dump(parsed) == AR_MD
    assert not article.is_edited(AR_MD)
    assert len(parsed.blocks) == 29
    assert parsed.derived_ids == ()


def test_an_edit_is_detected():
    assert article.is_edited(AR_MD.replace("ثلث باحثيها", "نصف باحثيها"))


def _problems(text: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        article.parse(text, "content/articles/x/ar.md", "x")
    return [str(p) for p in info.value.problems]


def test_all_front_matter_problems_reported_at_once():
    text = "---\ntitle: 5\nauthr: someone\n---\n\nفقرة.\n{: #p-abcdef }\n"
    assert _problems(text) == [
        "content/articles/x/ar.md:2: front matter: field 'title' expected text (the article title), found a "
        "number 5",
        "content/articles/x/ar.md:3: front matter: unknown field 'authr' (expected one of: title, author, "
        "editor, publisher, date, url, original_language, arabic_source, image_credit, source_notice, "
        "disclaimer)",
    ]
    assert _problems("---\nauthor: أ\n---\n") == [
        "content/articles/x/ar.md:1: front matter: missing field 'title' (expected text: the article title)"]


def test_duplicate_key_in_front_matter():
    assert _problems("---\ntitle: أ\ntitle: ب\n---\n") == [
        "content/articles/x/ar.md:3: duplicate key 'title' (YAML would keep only the last)"]


def test_yaml_syntax_error_has_line():
    assert _problems("---\ntitle: أ\nauthor: [غير مغلق\n---\n") == [
        "content/articles/x/ar.md:3: invalid YAML: expected ',' or ']', but got '<stream end>'"]


def test_block_problems():
    text = "---\ntitle: أ\n---\n\nفقرة.\n{: #p-abcdef }\n\nأخرى.\n{: #p-abcdef }\n\nثالثة.\n{: #bad }\n"
    assert _problems(text) == [
        "content/articles/x/ar.md:8: anchor id 'p-abcdef' is used twice (first at line 5)",
        "content/articles/x/ar.md:11: anchor id 'bad' expected the form 'p-' or 's-' followed by hex digits",
    ]


def test_missing_front_matter():
    assert _problems("فقرة بلا مقدمة.\n") == [
        "content/articles/x/ar.md:1: expected front matter starting with '---', found 'فقرة بلا مقدمة.'"]


def test_block_without_id_gets_derived_id():
    parsed = article.parse("---\ntitle: أ\n---\n\nفقرة جديدة كتبها محرر.\n", "ar.md", "x")
    assert parsed.derived_ids == (5,)
    assert parsed.blocks[0].id == article.make_id(article.PARAGRAPH, "فقرة جديدة كتبها محرر.", set())


def test_wrapped_paragraph_lines_are_one_block():
    parsed = article.parse("---\ntitle: أ\n---\n\nسطر أول\nوسطر ثان.\n{: #p-abcdef }\n", "ar.md", "x")
    assert [(b.text, b.id, b.line) for b in parsed.blocks] == [("سطر أول\nوسطر ثان.", "p-abcdef", 5)]
