"""The glossary: schema validation, matching through Arabic clitics and variants, coverage, exports."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import re

import pytest

from explainer import arabic, article, glossary, glossary_pages, paging, termlinks
from explainer.errors import ContentError

from conftest import REPO, explainer
from testdata import GLOSSARY

ARTICLES = sorted(p.parent for p in (REPO / "content" / "articles").glob("*/ar.md"))


def _article(folder):
    return article.parse((folder / "ar.md").read_text(encoding="utf-8"), "ar.md", folder.name)


@pytest.mark.parametrize("word, expected", [
    ("وبالذكاء", "ذكاء"), ("لميتا", "ميتا"), ("للذكاء", "ذكاء"), ("الإعلام", "اعلام"),
    ("الشركات", "شركات"), ("بالذكاءِ", "ذكاء"), ("الـذكاء", "ذكاء"), ("مدرسة", "مدرسه"),
    ("مستشفى", "مستشفي"), ("٢٠٢٣", "2023"), ("ChatGPT", "chatgpt"),
    # not a clitic + stem: too short to split
    ("ليس", "ليس"), ("بين", "بين"), ("لكن", "لكن"), ("كان", "كان"),
])
def test_matching_key(word, expected):
    assert arabic.key(word) == expected


def test_every_latin_word_of_every_article_is_resolved():
    """Each Latin-script word of the Arabic text is part of a glossary term or in the allow-list."""
    matcher = termlinks.Matcher(GLOSSARY, "ar")
    for folder in ARTICLES:
        parsed = _article(folder)
        texts = [b.text for b in parsed.blocks] + [parsed.meta.get(k, "") for k in
                                                   ("title", "author", "editor", "image_credit", "source_notice")]
        unresolved = {w for text in texts for w in termlinks.unresolved_latin(text, matcher, GLOSSARY)}
        assert unresolved == set(), f"{folder.name}: {sorted(unresolved)}"


def test_allow_list_items_have_reasons():
    assert GLOSSARY.allow_latin and all(item.reason.strip() for item in GLOSSARY.allow_latin)


def test_names_of_the_article_are_entries():
    ids = set(GLOSSARY.by_id())
    for needed in ("mark-zuckerberg", "yann-lecun", "chris-cox", "meta", "openai", "chatgpt", "llama",
                   "reality-labs", "silicon-valley", "metaverse", "large-models", "generative-ai"):
        assert needed in ids


@pytest.mark.parametrize("text, expected", [
    ("قال لميتا إن", ["meta"]),
    ("واستثمرت وبالذكاء الاصطناعي", ["artificial-intelligence"]),
    ("سباق الذكاء الاصطناعي التوليدي هذا", ["generative-ai"]),
    ("الذَّكَاء الاصطناعـي", ["artificial-intelligence"]),
    ("صرح زوكربيرغ وYang Lichun", ["mark-zuckerberg", "yann-lecun"]),  # و attached to a Latin name
    ("رفض Yang Lichun ذلك", ["yann-lecun"]),
    ("بدأت العارضات الكبيرة", ["large-models"]),
    ("ليس بين لكن", []),
])
def test_matcher_sees_through_clitics_and_variants(text, expected):
    matcher = termlinks.Matcher(GLOSSARY, "ar")
    assert [m.entry.id for m in matcher.find(text)] == expected


def test_english_matching():
    matcher = termlinks.Matcher(GLOSSARY, "en")
    found = [m.entry.id for m in matcher.find("Meta's generative AI and LeCun's large language models")]
    assert found == ["meta", "generative-ai", "yann-lecun", "large-models"]


def test_link_terms_first_occurrence_only_and_never_inside_links_or_code():
    matcher = termlinks.Matcher(GLOSSARY, "ar")
    text = "ميتا ثم لميتا و[ميتا](https://example.org) و`ميتا`"
    linked, found = termlinks.link_terms(text, matcher, "../glossary.md")
    assert [e.id for e in found] == ["meta"]
    assert linked.count("../glossary.md#meta") == 1
    assert linked.startswith('[ميتا](../glossary.md#meta "')
    assert "[ميتا](https://example.org)" in linked and "`ميتا`" in linked


def _problems(text: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        glossary.parse(text, "content/glossary.yml")
    assert info.value.exit_code == 1
    return [str(p) for p in info.value.problems]


def test_schema_problems_all_reported():
    text = """entries:
  - id: meta
    kind: company
    ar: ميتا
    en: Meta
    definition_ar: شركة.
    definition_en: A company.
  - id: meta
    kind: organisation
    ar: ميتا
    en: Meta Platforms
    definition_ar: شركة.
  - id: other
    kind: term
    ar: أخرى
    ar_variants: نص
    en: Other
    definition_ar: أخرى.
    definition_en: Other.
    colour: blue
"""
    assert _problems(text) == [
        "content/glossary.yml:3: entry 'meta': unknown kind 'company' (expected one of: person, organisation, "
        "product, place, term, event)",
        "content/glossary.yml:8: entry 'meta': missing field 'definition_en' (expected text: one or two "
        "sentences in English)",
        "content/glossary.yml:8: entry 'meta': duplicate id (first at line 2)",
        "content/glossary.yml:16: entry 'other': field 'ar_variants' expected a list of text (every other "
        "spelling the Arabic text uses), found text 'نص'",
        "content/glossary.yml:20: entry 'other': unknown field 'colour' (expected one of: id, kind, ar, "
        "ar_variants, en, en_variants, definition_ar, definition_en, note, note_ar, articles, ar_ambiguous)",
    ]


def test_variant_claimed_by_two_entries():
    text = """entries:
  - {id: meta, kind: organisation, ar: ميتا, en: Meta, definition_ar: أ., definition_en: A.}
  - {id: meta-ai, kind: organisation, ar: ميتا للذكاء, ar_variants: [لميتا], en: Meta AI,
     definition_ar: ب., definition_en: B.}
"""
    assert _problems(text) == ["content/glossary.yml:3: entry 'meta-ai': ar form 'لميتا' is also claimed "
                               "by entry 'meta' (line 2)"]


def test_allow_list_needs_a_reason():
    assert _problems("allow_latin:\n  - text: Foo\n") == [
        "content/glossary.yml:2: allow_latin #1: missing field 'reason' (expected text: why it needs no "
        "glossary entry)"]


def test_arabic_sort_ignores_article_and_hamza():
    entries = [glossary.Entry(str(i), "term", ar, "x", "", "") for i, ar in
               enumerate(["الميتافيرس", "أندرويد", "البيت الأبيض", "تشات جي بي تي"])]
    ordered = [e.ar for e in sorted(entries, key=lambda e: glossary_pages.sort_key(e, "ar"))]
    assert ordered == ["أندرويد", "البيت الأبيض", "تشات جي بي تي", "الميتافيرس"]


def test_export_tbx_is_well_formed(project):
    result = explainer("export", "glossary", "--format", "tbx", cwd=project)
    root = ET.fromstring(result.stdout.encode("utf-8"))
    entries = root.findall("./text/body/termEntry")
    assert len(entries) == len(GLOSSARY.entries)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    first = entries[[e.get("id") for e in entries].index("yann-lecun")]
    lang_sets = {ls.get(xml_lang): ls for ls in first.findall("langSet")}
    assert set(lang_sets) == {"ar", "en"}
    terms = [t.text for t in lang_sets["ar"].findall("tig/term")]
    assert terms[0] == "يان ليكون" and "Yang Lichun" in terms
    statuses = [n.text for n in lang_sets["ar"].findall("tig/termNote")]
    assert statuses[0] == "preferredTerm-admn-sts" and set(statuses[1:]) == {"admittedTerm-admn-sts"}
    assert lang_sets["en"].find("descrip[@type='definition']").text.startswith("French-American")


def test_export_csv_to_file(project, tmp_path):
    out = tmp_path / "glossary.csv"
    explainer("export", "glossary", "--format", "csv", "-o", str(out), cwd=project)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["id", "kind", "ar", "ar_variants", "en", "en_variants", "definition_ar",
                             "definition_en", "note"]
    assert len(rows) == len(GLOSSARY.entries)


def test_entry_mentioned_in_many_articles_gets_mentions_pages():
    occurrences = {"meta": [glossary_pages.Occurrence(f"a{n:03d}", f"p-{n:06d}", 2, f"Title {n}") for n in range(700)]
                   + [glossary_pages.Occurrence("a000", "p-999999", 5, "Title 0")]}
    pages = glossary_pages.glossary_page(GLOSSARY, "en", occurrences, ["content/glossary.yml"], lambda text, lang: text)
    main = pages["glossary.md"]
    # the first article inline, then a link to every mention
    assert "- **Mentioned in:** [Title 0](articles/a000.md): [¶\u00a02](articles/a000.md#p-000000), " \
           "[¶\u00a05](articles/a000.md#p-999999)\n- [All mentions (701)](more/mentions-meta.md)\n" in main
    assert "Title 1]" not in main
    mentions = [doc for doc in pages if doc.startswith("more/mentions-meta")]
    assert mentions[:2] == ["more/mentions-meta.md", "more/mentions-meta_2.md"]
    listed = [m for doc in mentions for m in re.findall(r'href="../../articles/(a\d{3})/#(p-\d{6})"', pages[doc])]
    assert listed == [(o.slug, o.block_id) for o in sorted(occurrences["meta"], key=lambda o: int(o.slug[1:]))]
    assert '<p><a href="../../glossary/#meta">Glossary: Meta</a></p>' in pages["more/mentions-meta_2.md"]
    assert all(len(text.encode()) < paging.LIST_BUDGET + 5000 for text in pages.values() if text is not main)


# --- entries that belong to some articles, spellings that are ordinary words --------------------

def _scoped_glossary():
    text = ("entries:\n"
            "  - id: yann-lecun\n    kind: person\n    ar: يان ليكون\n    ar_ambiguous: [ليكون]\n"
            "    en: Yann LeCun\n    definition_ar: عالم حاسوب.\n    definition_en: A computer scientist.\n"
            "  - id: gate\n    kind: organisation\n    ar: غيت\n    articles: [meta-ai-exodus]\n"
            "    en: Gate\n    definition_ar: منصة.\n    definition_en: An exchange.\n")
    return glossary.parse(text, "g.yml")


def test_an_ambiguous_spelling_is_linked_only_where_the_entry_is_named_otherwise():
    matcher = termlinks.Matcher(_scoped_glossary(), "ar")
    ordinary = ["سافر ليكون قريبًا من أهله."]
    scope = termlinks.scope_of(matcher, "other", ordinary)
    assert termlinks.link_terms_html(ordinary[0], matcher, "g/", scope=scope)[1] == []
    named = ["قال يان ليكون إن النماذج محدودة.", "ويرى ليكون أن الطريق طويل."]
    scope = termlinks.scope_of(matcher, "other", named)
    html, found = termlinks.link_terms_html(named[1], matcher, "g/", scope=scope)
    assert [e.id for e in found] == ["yann-lecun"] and 'href="g/#yann-lecun"' in html


def test_an_entry_limited_to_some_articles_is_linked_only_there():
    matcher = termlinks.Matcher(_scoped_glossary(), "ar")
    text = "نشرت منصة غيت المقال."
    for slug, expected in (("meta-ai-exodus", ["gate"]), ("other", [])):
        scope = termlinks.scope_of(matcher, slug, [text])
        assert [e.id for e in termlinks.link_terms_html(text, matcher, "g/", scope=scope)[1]] == expected
