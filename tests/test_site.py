"""End to end: the site built from the seed, checked in its HTML output."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from explainer import ingest

from conftest import REPO, SEED, SLUG


class _Page(HTMLParser):
    """Collects what the tests look at: html/body attributes, paragraphs with ids, links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html: dict[str, str] = {}
        self.body: dict[str, str] = {}
        self.paragraphs: list[tuple[str, str]] = []  # (id, text) of <p id=...>
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.stylesheets: list[str] = []
        self.article_text: list[str] = []
        self._p: list[str] | None = None
        self._p_id = ""
        self._depth_article = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html = a
        elif tag == "body":
            self.body = a
        elif tag == "p" and a.get("id", "").startswith("p-"):
            self._p, self._p_id = [], a["id"]
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a["href"])
        elif tag == "a" and "md-select__link" in a.get("class", ""):
            self.switcher[a["hreflang"]] = a["href"]
        if tag == "article":
            self._depth_article += 1

    def handle_endtag(self, tag):
        if tag == "p" and self._p is not None:
            self.paragraphs.append((self._p_id, "".join(self._p)))
            self._p = None
        if tag == "article":
            self._depth_article -= 1

    def handle_data(self, data):
        if self._p is not None:
            self._p.append(data)
        if self._depth_article:
            self.article_text.append(data)


def _page(site: Path, rel: str) -> _Page:
    page = _Page()
    page.feed((site / rel).read_text(encoding="utf-8"))
    return page


AR = f"articles/{SLUG}/index.html"
EN = f"en/articles/{SLUG}/index.html"


def test_import_from_seed_reproduces_committed_content(built_site):
    folder = built_site.parent / "content" / "articles" / SLUG
    for name in ("source.txt", "ar.md", "en.po"):
        assert (folder / name).read_bytes() == (REPO / "content" / "articles" / SLUG / name).read_bytes(), name


def test_every_body_paragraph_once_in_order(built_site):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = [ingest.tidy_punctuation(line)[0] for line in lines[1:30]]
    paragraphs = [line for line in body if line not in ("ملكة جمال امتدت لعشر سنوات", "اختر بين Metaverse و AI؟")]
    page = _page(built_site, AR)
    texts = [text for _, text in page.paragraphs]
    assert texts == paragraphs
    html = (built_site / AR).read_text(encoding="utf-8")
    for paragraph in paragraphs:
        assert html.count(paragraph) == 1


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
        assert page.html.get("lang") == lang, rel
        assert page.body.get("dir") == direction, rel


def test_boilerplate_not_in_body(built_site):
    page = _page(built_site, AR)
    body = " ".join(text for _, text in page.paragraphs)
    for needle in ("مصدر الصورة", "شاهد النسخة الأصلية", "third-party content", "المؤلف |", "المحرر |"):
        assert needle not in body


def test_title_byline_and_source_on_both_pages(built_site):
    ar = (built_site / AR).read_text(encoding="utf-8")
    en = (built_site / EN).read_text(encoding="utf-8")
    for needle in ("مهندس الذكاء الاصطناعي المنهك يهرب من ميتا", "<strong>المؤلف:</strong> يوان سيلاي",
                   "<strong>المحرر:</strong> Su Jianxun", "<strong>الناشر:</strong> Gate",
                   "شاهد النسخة الأصلية"):
        assert needle in ar, needle
    assert re.search(r'<div class="ex-disclaimer" dir="ltr" lang="en">\s*<p><strong>Publisher', ar)
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
    assert html.count('<p class="admonition-title">Translator&#39;s note</p>') >= 15 or \
        html.count("<p class=\"admonition-title\">Translator's note</p>") >= 15
    assert "a decade-long miss" in html
    assert "Chinese rendering of Yann LeCun" in html


def test_headings_have_readable_slugs(built_site):
    ar = (built_site / AR).read_text(encoding="utf-8")
    en = (built_site / EN).read_text(encoding="utf-8")
    assert 'id="ملكة-جمال-امتدت-لعشر-سنوات"' in ar
    assert 'id="a-decade-long-miss"' in en


def test_switcher_and_hreflang_point_at_twin(built_site):
    ar, en = _page(built_site, AR), _page(built_site, EN)
    assert ar.switcher["en"].endswith(f"/en/articles/{SLUG}/")
    assert en.switcher["ar"].endswith(f"/articles/{SLUG}/") and "/en/" not in en.switcher["ar"]
    assert ar.alternates["en"].endswith(f"en/articles/{SLUG}/")
    assert en.alternates["ar"].endswith(f"articles/{SLUG}/")


def test_404_pages_per_language_with_home_switcher(built_site):
    ar, en = _page(built_site, "404.html"), _page(built_site, "en/404.html")
    assert ar.switcher == en.switcher == {"ar": "/", "en": "/en/"}
    assert "الصفحة غير موجودة" in "".join(ar.article_text)
    assert "Page not found" in "".join(en.article_text)


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
    assert page.startswith(f"---\n# Generated by explainer from content/articles/{SLUG}/ar.md and "
                           f"content/articles/{SLUG}/en.po.\n")
