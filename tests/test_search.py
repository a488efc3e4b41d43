"""Search: the Arabic normaliser, the per-language index split, paragraph documents, query terms."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from explainer import arabic
from explainer.mkdocs_plugin import search
from explainer.glossary import Glossary, parse

from conftest import REPO, SLUG, explainer

GLOSSARY = parse((REPO / "content" / "glossary.yml").read_text(encoding="utf-8"), "glossary.yml")


@pytest.mark.parametrize("text, expected", [
    ("الإعلام", "الاعلام"), ("أحمد", "احمد"), ("آخر", "اخر"), ("إلى", "الي"), ("مدرسة", "مدرسه"),
    ("مستشفى", "مستشفي"), ("الذَّكَاءُ", "الذكاء"), ("الـــذكاء", "الذكاء"), ("٢٠٢٣", "2023"),
    ("۱۳٫۷", "13.7"), ("٤١٪", "41%"), ("سؤال", "سوال"), ("مسائل", "مسايل"), ("Meta", "meta"),
])
def test_normalise(text, expected):
    assert arabic.normalise(text) == expected


@pytest.mark.parametrize("word, expected", [
    ("الشركات", "شركات"), ("والشركات", "شركات"), ("بالشركات", "شركات"), ("للشركات", "شركات"),
    ("فالشركات", "شركات"), ("كالشركات", "شركات"), ("وللشركات", "شركات"), ("لشركات", "شركات"),
    ("وبالذكاء", "ذكاء"), ("ليس", "ليس"), ("بين", "بين"), ("لكن", "لكن"), ("كان", "كان"),
    ("الى", "الي"), ("ولا", "ولا"),
])
def test_clitics(word, expected):
    assert arabic.key(word) == expected


def test_lexicon_keeps_names_whole():
    lexicon = GLOSSARY.lexicon()
    assert arabic.key("ليكون", lexicon) == "ليكون"  # a name, not ل + يكون
    assert arabic.key("وليكون", lexicon) == "ليكون"
    assert arabic.key("يكون", lexicon) == "يكون"
    assert arabic.key("لميتا", lexicon) == "ميتا"


def _extra(lang: str) -> dict:
    return search.split({"docs": [], "config": {}}, ["ar", "en"], "ar", GLOSSARY)[lang]["config"]["explainer"]


@pytest.mark.parametrize("lang, query, expected", [
    ("ar", "الشركات", ["شركات"]),
    ("ar", "زوكربيرغ", ["زوكربيرغ", "مارك", "زوكربيرج", "zuckerberg"]),
    ("ar", "LeCun", ["lecun", "يان", "ليكون", "yann", "yang", "lichun", "يانغ", "ليتشن"]),
    ("en", "زوكربيرج", ["زوكربيرج", "mark", "zuckerberg"]),
    ("en", "researcher", ["researcher"]),
])
def test_query_terms(lang, query, expected):
    assert search.query_terms(query, _extra(lang)) == expected


def test_split_per_language_without_duplicates():
    index = {"config": {"lang": ["en", "ar"], "separator": "[\\s]+", "pipeline": ["stemmer"]},
             "docs": [{"location": "", "title": "الرئيسية", "text": ""},
                      {"location": "en/", "title": "Home", "text": ""},
                      {"location": "en/about/", "title": "About", "text": "x"},
                      {"location": "en/about/", "title": "About", "text": "x"},
                      {"location": "english-words/", "title": "صفحة", "text": ""}]}
    out = search.split(index, ["ar", "en"], "ar", Glossary())
    assert [d["location"] for d in out["ar"]["docs"]] == ["", "english-words/"]
    assert [d["location"] for d in out["en"]["docs"]] == ["", "about/"]
    assert out["ar"]["config"]["lang"] == ["ar"] and out["en"]["config"]["lang"] == ["en"]
    assert out["en"]["config"]["pipeline"] == []
    assert out["ar"]["config"]["explainer"]["min_stem"] == arabic.MIN_STEM


def test_page_docs_one_per_paragraph(built_site):
    html = (built_site / "en" / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
    content = html[html.index("<h1"):html.index("</article>")]
    docs = search.page_docs(content, f"en/articles/{SLUG}/")
    paragraphs = [d for d in docs if "#p-" in d["location"]]
    assert len(paragraphs) == 27 and all(d["boost"] == search.ARTICLE_BOOST for d in paragraphs)
    assert paragraphs[0]["location"] == f"en/articles/{SLUG}/#p-1c6d68"
    assert paragraphs[0]["text"].startswith("<p>Zuckerberg probably never imagined")
    headings = [d["location"] for d in docs if "#p-" not in d["location"]]
    assert headings == [f"en/articles/{SLUG}/" + anchor for anchor in (
        "", "#a-decade-long-miss", "#the-metaverse-or-ai", "#key-figures", "#timeline", "#about-this-article")]
    about = docs[-1]
    assert about["title"] == "About this article"
    assert about["text"].startswith("<p>Source: Gate — View the original</p> <p>The original article's image:")


def test_page_docs_of_a_section_without_paragraphs_keep_paragraphs_and_lists():
    content = ('<h1 id="t">T &amp; co<a class="headerlink" href="#t">&para;</a></h1>\n<p id="p-1">One <a href="x">'
               'link</a> &lt;b&gt;</p>\n<h2 id="more">More</h2>\n<table><tr><td>2 &amp; 3</td></tr></table>\n'
               '<ul>\n<li>a <strong>b</strong></li>\n</ul>')
    assert search.page_docs(content, "a/") == [
        {"location": "a/", "title": "T & co", "text": ""},
        {"location": "a/#p-1", "title": "T & co", "boost": search.ARTICLE_BOOST, "text": "<p>One link &lt;b&gt;</p>"},
        {"location": "a/#more", "title": "More", "text": "2 &amp; 3 <ul> <li>a b</li> </ul>"},
    ]


def test_notes_pages_indexed_as_material_would(built_site, project):
    """The notes pages are indexed by the hook from their content, not parsed again by Material's
    search plugin: the documents are the very ones the plugin makes when it indexes them."""
    explainer("generate", cwd=project)
    for lang in ("ar", "en"):
        notes = project / "docs" / lang / "notes.md"
        text = notes.read_text(encoding="utf-8")
        assert "by_paragraph: true" in text
        notes.write_text(re.sub(r"search:\n(  .*\n)+", "", text), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "by-material"], cwd=project,
                   check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    for prefix in ("", "en/"):
        indexes = [json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
                   for site in (built_site, project / "by-material")]
        ours, material = ([d for d in index["docs"] if d["location"].startswith("notes/")] for index in indexes)
        assert ours == material
        assert len(ours) == 2 and "LeCun" in ours[1]["text"]


def test_built_indexes(built_site):
    ar = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    for index, lang in ((ar, "ar"), (en, "en")):
        locations = [d["location"] for d in index["docs"]]
        assert len(locations) == len(set(locations))
        assert not any(loc.startswith("en/") for loc in locations)
        assert f"articles/{SLUG}/#p-1d7d43" in locations
        assert not any(loc.startswith("parallel/") for loc in locations)
        assert index["config"]["explainer"]["lang"] == lang
    ar_text = " ".join(d["text"] for d in ar["docs"] if d["location"].startswith("articles/"))
    en_text = " ".join(d["text"] for d in en["docs"] if d["location"].startswith("articles/"))
    assert "الشركات" in ar_text and "الشركات" not in en_text
    assert "researchers" in en_text


def test_pages_left_out_of_the_index_are_not_handed_to_materials_plugin():
    """Material's plugin only removes `data-search-*` attributes from a page it leaves out of its
    index: the hook hands it such a page's content only when it has one, and gives the content
    back, whole, right after the plugin."""
    from types import SimpleNamespace

    from mkdocs.plugins import CombinedEvent

    from explainer.mkdocs_plugin.plugin import ExplainerPlugin

    plugin = ExplainerPlugin()
    assert isinstance(ExplainerPlugin.__dict__["on_page_context"], CombinedEvent)
    first, hide, give_back = ExplainerPlugin.__dict__["on_page_context"].methods
    assert first.mkdocs_priority > hide.mkdocs_priority > 0 > give_back.mkdocs_priority
    excluded = {"search": {"exclude": True, "by_paragraph": True}}
    for meta, content, seen in ((excluded, '<p id="p-1">Text</p>', ""),
                                (excluded, '<p data-search-exclude>Text</p>', "<p data-search-exclude>Text</p>"),
                                ({}, "<p>Indexed</p>", "<p>Indexed</p>")):
        page = SimpleNamespace(meta=meta, content=content)
        assert hide(plugin, {}, page=page, config=None, nav=None) == {}
        assert page.content == seen
        give_back(plugin, {}, page=page, config=None, nav=None)
        assert page.content == content
