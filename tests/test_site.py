"""End to end: the site built from the seed, checked in its HTML output."""

from __future__ import annotations

import re
from pathlib import Path

from explainer import htmlpage, textclean

from conftest import REPO, SEED, SLUG


def _page(site: Path, rel: str) -> htmlpage.Page:
    """A built page as the site checks read it."""
    return htmlpage.parse_page(rel, (site / rel).read_text(encoding="utf-8"))


AR = f"articles/{SLUG}/index.html"
EN = f"en/articles/{SLUG}/index.html"


def test_import_from_seed_reproduces_committed_content(built_site):
    folder = built_site.parent / "content" / "articles" / SLUG
    for name in ("source.txt", "ar.md", "en.po"):
        assert (folder / name).read_bytes() == (REPO / "content" / "articles" / SLUG / name).read_bytes(), name


def test_every_body_paragraph_once_in_order(built_site):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = [textclean.tidy_punctuation(line)[0] for line in lines[1:30]]
    paragraphs = [line for line in body if line not in ("ملكة جمال امتدت لعشر سنوات", "اختر بين Metaverse و AI؟")]
    page = _page(built_site, AR)
    texts = [text for _, text in page.paragraphs]
    assert texts == paragraphs
    for paragraph in paragraphs:
        assert sum(text.count(paragraph) for text in texts) == 1


def test_twins_pair_all_paragraph_ids(built_site):
    ar, en = _page(built_site, AR), _page(built_site, EN)
    ar_ids = [pid for pid, _ in ar.paragraphs]
    assert len(ar_ids) == 27 and len(set(ar_ids)) == 27
    assert ar_ids == [pid for pid, _ in en.paragraphs]


def test_lang_and_dir(built_site):
    for rel, lang, direction in ((AR, "ar", "rtl"), (EN, "en", "ltr"), ("index.html", "ar", "rtl"),
                                 ("en/index.html", "en", "ltr"), ("404.html", "ar", "rtl"),
                                 ("en/404.html", "en", "ltr"), ("about/index.html", "ar", "rtl"),
                                 ("en/about/index.html", "en", "ltr")):
        page = _page(built_site, rel)
        assert page.lang == lang and page.dir == direction, rel


def test_boilerplate_not_in_body(built_site):
    page = _page(built_site, AR)
    body = " ".join(text for _, text in page.paragraphs)
    for needle in ("مصدر الصورة", "شاهد النسخة الأصلية", "third-party content", "المؤلف |", "المحرر |"):
        assert needle not in body


def test_title_byline_and_source_on_both_pages(built_site):
    ar = (built_site / AR).read_text(encoding="utf-8")
    en = (built_site / EN).read_text(encoding="utf-8")
    for needle in ("مهندس الذكاء الاصطناعي المنهك يهرب من ميتا", "<strong>المؤلف:</strong> يوان سيلاي",
                   "<strong>المحرر:</strong> <span lang=\"en\" dir=\"ltr\">Su Jianxun</span>",
                   "<strong>الناشر:</strong> <span lang=\"en\" dir=\"ltr\">Gate</span>",
                   "شاهد النسخة الأصلية"):
        assert needle in ar, needle
    assert re.search(r'<div class="ex-disclaimer" lang="en" dir="ltr">\s*<p><strong>Publisher', ar)
    for needle in ("Burnt-Out AI Engineers Are Fleeing Meta", "<strong>Author:</strong> Yuan Silai",
                   "<strong>Editor:</strong> Su Jianxun", "<strong>Publisher:</strong> Gate",
                   "View the original", "Created with the Unbounded AI tool"):
        assert needle in en, needle


def test_english_page_has_no_stray_arabic(built_site):
    """Arabic on the English page only where quoted on purpose, inside an element marked lang=ar."""
    html = (built_site / EN).read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    unmarked = re.sub(r'<span lang="ar" dir="rtl">[^<]*</span>', "", article)
    assert re.findall(r"[\u0600-\u06ff]+", unmarked) == []


def test_translator_notes_are_on_the_english_page(built_site):
    html = (built_site / EN).read_text(encoding="utf-8")
    assert html.count('<details class="note ex-note"><summary>Translator&#39;s note</summary>') >= 20 or \
        html.count("<details class=\"note ex-note\"><summary>Translator's note</summary>") >= 20
    assert "a decade-long miss" in html
    assert "Chinese rendering of Yann LeCun" in html


def test_the_arabic_reader_gets_notes_in_arabic(built_site):
    html = (built_site / AR).read_text(encoding="utf-8")
    assert html.count('<details class="note ex-note"><summary>ملاحظة المترجم</summary>') == 18
    heading = html[html.index('id="s-0dfff5"'):]
    assert "عشر سنوات من الفرص الضائعة" in heading[:2000]
    assert "«العارضات الكبيرة» خطأ في الترجمة" in html
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "هو الاسم الصيني ليان ليكون" in glossary and "Chinese rendering of his name" not in glossary


def test_headings_have_readable_slugs(built_site):
    ar = (built_site / AR).read_text(encoding="utf-8")
    en = (built_site / EN).read_text(encoding="utf-8")
    assert 'id="ملكة-جمال-امتدت-لعشر-سنوات"' in ar
    assert 'id="a-decade-long-miss"' in en


def test_switcher_and_hreflang_point_at_twin(built_site):
    ar, en = _page(built_site, AR), _page(built_site, EN)
    assert ar.switcher["en"][1].endswith(f"/en/articles/{SLUG}/")
    assert en.switcher["ar"][1].endswith(f"/articles/{SLUG}/") and "/en/" not in en.switcher["ar"][1]
    assert ar.alternates["en"][1].endswith(f"en/articles/{SLUG}/")
    assert en.alternates["ar"][1].endswith(f"articles/{SLUG}/")


def test_404_pages_per_language_with_home_switcher(built_site):
    ar, en = _page(built_site, "404.html"), _page(built_site, "en/404.html")
    assert {k: href for k, (_, href) in ar.switcher.items()} == {k: href for k, (_, href) in en.switcher.items()} \
        == {"ar": "/", "en": "/en/"}
    assert "الصفحة غير موجودة" in "".join(text for _, text in ar.text_lines)
    assert "Page not found" in "".join(text for _, text in en.text_lines)


def test_arabic_font_is_served_locally(built_site):
    for name in ("noto-sans-arabic-arabic-400-normal.woff2", "noto-sans-arabic-arabic-700-normal.woff2"):
        assert (built_site / "assets" / "fonts" / name).stat().st_size > 10_000
    css = (built_site / "assets" / "stylesheets" / "fonts.css").read_text(encoding="utf-8")
    assert 'url("../fonts/noto-sans-arabic-arabic-400-normal.woff2")' in css
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, html


def test_home_pages_list_the_article(built_site):
    assert f'href="articles/{SLUG}/"' in (built_site / "index.html").read_text(encoding="utf-8")
    en = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "Burnt-Out AI Engineers Are Fleeing Meta" in en


def test_generated_pages_name_their_sources(built_site):
    page = (built_site.parent / "docs" / "en" / "articles" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert page.startswith(f"---\n# Generated by explainer from content/articles/{SLUG}/ar.md, "
                           f"content/articles/{SLUG}/en.po, content/glossary.yml and "
                           f"content/articles/{SLUG}/figures.yml.\n")


# --- glossary, notes, parallel and status pages ------------------------------------------------

def test_terms_link_to_glossary_with_tooltips(built_site):
    ar = (built_site / AR).read_text(encoding="utf-8")
    en = (built_site / EN).read_text(encoding="utf-8")
    # a clitic-attached Arabic form: لمايكروسوفت (to Microsoft), بالذكاء (with AI)
    assert re.search(r'<a class="ex-term" href="../../glossary/#microsoft" title="[^"]+">لمايكروسوفت</a>', ar)
    assert re.search(r'<a class="ex-term" href="../../glossary/#artificial-intelligence" title="[^"]+">'
                     r"بالذكاء الاصطناعي</a>", ar)
    assert re.search(r'<a class="ex-term" href="../../../en/glossary/#yann-lecun"|'
                     r'<a class="ex-term" href="../../glossary/#yann-lecun" title="French-American', en)
    # never inside headings
    for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", ar + en):
        assert "ex-term" not in heading


def test_glossary_pages_cover_every_entry_with_backlinks(built_site):
    from testdata import GLOSSARY as data

    for rel in ("glossary/index.html", "en/glossary/index.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        for entry in data.entries:
            assert f'id="{entry.id}"' in html, (rel, entry.id)
    en = (built_site / "en/glossary/index.html").read_text(encoding="utf-8")
    assert f'href="../articles/{SLUG}/#p-1d7d43"' in en  # Yang Lichun's paragraph, under Yann LeCun
    ar = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    assert ar.index(">أشخاص<") < ar.index('id="yann-lecun"') < ar.index(">مؤسسات<") < ar.index('id="meta"')


def test_notes_pages_link_both_languages(built_site):
    for rel, other in (("notes/index.html", f'href="../en/articles/{SLUG}/#s-0dfff5"'),
                       ("en/notes/index.html", f'href="../../articles/{SLUG}/#s-0dfff5"')):
        html = (built_site / rel).read_text(encoding="utf-8")
        assert other in html, rel
        assert ("a decade-long miss" if rel.startswith("en/") else "عشر سنوات من الفرص الضائعة") in html
    for rel in (AR, EN):  # the shared heading anchor exists on both article pages
        assert 'id="s-0dfff5"' in (built_site / rel).read_text(encoding="utf-8")


def test_parallel_pages_align_rows(built_site):
    for rel in (f"parallel/{SLUG}/index.html", f"en/parallel/{SLUG}/index.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        rows = re.findall(r'<div class="ex-row" id="r-([ps]-[0-9a-f]+)">', html)
        assert len(rows) == 29
        cells = re.findall(r'<div class="ex-cell" lang="(ar|en)" dir="(rtl|ltr)">', html)
        assert len(cells) == 58 and {c for c in cells} == {("ar", "rtl"), ("en", "ltr")}
    ar = (built_site / f"parallel/{SLUG}/index.html").read_text(encoding="utf-8")
    assert f'href="../../articles/{SLUG}/#p-1c6d68"' in ar and f'href="../../en/articles/{SLUG}/#p-1c6d68"' in ar


def test_status_pages(built_site):
    en = (built_site / "en/status/index.html").read_text(encoding="utf-8")
    assert re.search(r"<td>34</td>\s*<td>34</td>\s*<td>0</td>\s*<td>0</td>", en)
    assert "Every segment of these articles is translated and reviewed." in en


def test_key_figures_and_timeline(built_site):
    en = (built_site / EN).read_text(encoding="utf-8")
    ar = (built_site / AR).read_text(encoding="utf-8")
    assert "13.7 billion US dollars" in en and "13.7 مليار دولار أمريكي" in ar
    assert "1st quarter 2023" in en and "الربع الأول 2023" in ar
    assert re.search(r'<a href="#p-aaa6f5">paragraph\u00a017</a>', en)


def test_en_po_passes_msgfmt_check():
    import subprocess

    for po in (REPO / "content" / "articles").glob("*/en.po"):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_fuzzy_paragraph_marked_on_the_english_page(tmp_path):
    from conftest import copy_project, explainer

    root = copy_project(tmp_path / "project")
    ar = root / "content" / "articles" / SLUG / "ar.md"
    ar.write_text(ar.read_text(encoding="utf-8").replace("ثلث باحثيها", "نصف باحثيها"), encoding="utf-8")
    explainer("build", cwd=root)  # not strict: a fuzzy entry is a warning
    html = (root / "site" / EN).read_text(encoding="utf-8")
    match = re.search(r'<p id="p-3d9b85" class="ex-fuzzy" data-label="Translation behind the source" '
                      r'title="Translation behind the source: ([^"]+)">According to recent reports', html)
    assert match and "ثلث باحثيها" in match.group(1)  # the source the translation was made from
    status = (root / "site" / "en/status/index.html").read_text(encoding="utf-8")
    assert re.search(r"<td>34</td>\s*<td>33</td>\s*<td>1</td>\s*<td>0</td>", status)
    assert f'href="../articles/{SLUG}/#p-3d9b85">Paragraph 2</a>: translation behind the source' in status
