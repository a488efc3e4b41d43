"""The search index: a page's blocks, the keys Pagefind indexes, the glossary's forms, the bundles of
the built site, and the browser's normaliser held against the Python one."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from explainer import arabic, search_index

from conftest import REPO, SLUG
from testdata import GLOSSARY

SEARCH_JS = REPO / "docs" / "assets" / "javascripts" / "search.js"


def _content(site, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_blocks_of_an_article_are_its_paragraphs(built_site):
    blocks = search_index.blocks_of(_content(built_site, f"articles/{SLUG}/index.html"))
    paragraph_ids = [b.anchor for b in blocks if b.anchor.startswith("p-")]
    html = _content(built_site, f"articles/{SLUG}/index.html")
    assert paragraph_ids == [i for i in re.findall(r'<p id="(p-[0-9a-f]+)"', html)]
    first = next(b for b in blocks if b.anchor == "p-1c6d68")
    assert first.text.startswith("ربما لم يعتقد زوكربيرج") and "ملاحظة المترجم" not in first.text
    assert blocks[0].anchor == ""  # the title and byline: the top of the page
    # the translator's notes inside the article are left to the notes page
    assert not any("«اللحاق بالمهاجم" in b.text for b in blocks)


def test_blocks_of_the_notes_page_are_its_notes(built_site):
    blocks = search_index.blocks_of(_content(built_site, "notes/index.html"), items=True)
    notes = [b for b in blocks if b.text.startswith("الفقرة 3:")]
    assert len(notes) == 1 and notes[0].anchor and "اللحاق بالمهاجم" in notes[0].text


def test_blocks_of_the_glossary_are_its_entries(built_site):
    blocks = search_index.blocks_of(_content(built_site, "glossary/index.html"))
    entry = next(b for b in blocks if b.anchor == "yann-lecun")
    assert entry.text.startswith("يان ليكون") and "الشبكات العصبية" in entry.text


def test_word_keys_are_one_token_each():
    assert search_index.word_keys("وبالذكاء الاصطناعي، GPT-4 و«ميتا»!", GLOSSARY.lexicon()) == \
        ["ذكاء", "اصطناعي", "gpt", "4", "و", "ميتا"]
    assert search_index.word_keys("the year of efficiency في عام الكفاءة", GLOSSARY.lexicon()) == \
        ["year", "efficiency", "عام", "كفاءه"]  # stop words are not indexed


def test_record_blocks_start_where_their_keys_do():
    record = search_index.Record("articles/x/", "ar", "ع", "article", (
        search_index.Block("", "", "العنوان هنا"), search_index.Block("p-1", "", "وبالشركات الكبرى"),
        search_index.Block("p-2", "", "ميتا")))
    fields = search_index.pagefind_fields(record, GLOSSARY.lexicon())
    assert fields["content"] == "عنوان هنا شركات كبري ميتا"
    assert json.loads(fields["meta"]["blocks"]) == [["", 0], ["p-1", 2], ["p-2", 4]]
    assert fields["meta"]["kind"] == "article" and fields["meta"]["url"] == "articles/x/" and fields["language"] == "ar"
    assert json.loads(search_index.block_texts(record)) == [["", "العنوان هنا"], ["", "وبالشركات الكبرى"], ["", "ميتا"]]


def _indexed(url: str, text: str) -> search_index.Indexed:
    return search_index.Indexed.of(search_index.Record(url, "en", url, "article", (search_index.Block("", "", text),)))


def test_index_pages_writes_the_pages_of_changed_records_only(tmp_path):
    pages, lexicon = tmp_path / "pages", GLOSSARY.lexicon()
    first = [_indexed("a/", "one market"), _indexed("b/", "two markets")]
    texts = search_index.index_pages(first, lexicon, pages)
    written = {path.relative_to(pages).as_posix(): path.stat().st_mtime_ns for path in pages.rglob("*.html")}
    assert len(written) == 2 and len(texts) == 2
    assert sorted(json.loads(make()) for make in texts.values()) == [[["", "one market"]], [["", "two markets"]]]
    changed = [first[0], _indexed("b/", "two markets fell")]
    assert search_index.Indexed(*first[0].ref(), lambda: json.loads(json.dumps(first[0].data()))) == changed[0]
    search_index.index_pages(changed, lexicon, pages)
    again = {path.relative_to(pages).as_posix(): path.stat().st_mtime_ns for path in pages.rglob("*.html")}
    a_page = next(rel for rel in written if rel in again)
    assert again[a_page] == written[a_page]  # not written again
    assert len(again) == 2 and len(set(again) - set(written)) == 1  # b's page replaced, in its folder
    assert {rel.split("/")[0] for rel in again} == {rel.split("/")[0] for rel in written}
    assert search_index.bundle_digest(first, tmp_path / "none.yml") != \
        search_index.bundle_digest(changed, tmp_path / "none.yml")
    assert search_index.bundle_digest(first, tmp_path / "none.yml") == \
        search_index.bundle_digest(first[::-1], tmp_path / "none.yml")


def test_synonyms_give_every_form_in_the_page_language():
    ar = search_index.synonyms(GLOSSARY, "ar")
    assert ["مارك", "زوكربيرج"] in ar["zuckerberg"] and ["زوكربيرج"] in ar["mark zuckerberg"]
    assert ["chatgpt"] in ar["تشات جي بي تي"]
    en = search_index.synonyms(GLOSSARY, "en")
    assert ["yann", "lecun"] in en["ليكون"]


def test_front_end_data_stop_words_of_both_languages():
    data = search_index.front_end_data(GLOSSARY, "ar")
    assert {"of", "the", "في", "علي"} <= set(data["stop"])  # علي: the key of على
    assert data["labels"]["count"]["two"] == "فقرتان مطابقتان" and data["kinds"][0] == "article"


def test_built_site_has_one_bundle_per_language(built_site):
    for folder, lang in ((built_site / "pagefind", "ar"), (built_site / "en" / "pagefind", "en")):
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang]
        assert entry["languages"][lang]["page_count"] == 4  # article, glossary, notes, about
        assert (folder / "explainer-search.json").exists() and (folder / "pagefind.js").exists()
        assert len(list((folder / "texts").glob("*.json"))) == 4  # each page's block texts
        assert not (folder / "pagefind-ui.js").exists()  # the site has its own interface
    assert not (built_site / "search").exists()  # no Material search index


@pytest.fixture(scope="module")
def node():
    binary = shutil.which("node") or shutil.which("nodejs")
    if binary is None:
        pytest.fail("node is needed (the Makefile's npm ci installs the site's packages with it)")
    return binary


WORDS = ["الإعلام", "وبالذكاء", "للشركات", "ليكون", "وليكون", "مستشفى", "الذَّكَاءُ", "الـــذكاء", "٢٠٢٣",
         "Meta", "LeCun's", "GPT-4", "فالشركات", "بين", "إلى", "سؤال", "ChatGPT", "Zuckerberg"]


def test_the_browser_computes_the_same_keys(node, tmp_path):
    data = search_index.front_end_data(GLOSSARY, "ar")
    script = tmp_path / "keys.js"
    source = SEARCH_JS.read_text(encoding="utf-8")
    functions = source[source.index("  function prepare("):source.index("  /* --- the query")]
    script.write_text(
        "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        f"const f = new Function({json.dumps(functions + '; return {prepare, key, words};')})();\n"
        "const d = f.prepare(data.tables);\n"
        "console.log(JSON.stringify(data.words.map(w => f.words(d, w).map(x => f.key(d, x.word)))));\n",
        encoding="utf-8")
    out = subprocess.run([node, str(script)], input=json.dumps({"tables": data, "words": WORDS}),
                         capture_output=True, text=True, check=True).stdout
    expected = [[k for k in (search_index.word_key(m, GLOSSARY.lexicon()) for m in arabic.WORD_RE.findall(w)) if k]
                for w in WORDS]
    assert json.loads(out) == expected
    assert expected[3] == ["ليكون"] and expected[0] == ["اعلام"]
