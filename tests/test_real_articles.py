"""Real Arabic news pages from other sites (../shared/real-articles, read in place), imported.

What a careful reader sees on each page (title, byline, date, headings, the first and last body
paragraphs, how many there are) was written down by reading the page, not by running the import.
"""

from __future__ import annotations

import re

import pytest

from explainer import ingest

from conftest import REPO, copy_project, explainer

REAL = REPO.parent / "shared" / "real-articles"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-articles is not here")

# file -> (title, author, date, headings, paragraphs, first paragraph opens, last paragraph opens)
EXPECTED = {
    "01-cnn-arabic-syria-clashes.html": (
        "معارضون يسيطرون على مخازن للصواريخ بريف دمشق", None, "2013-08-28", [], 7,
        "دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة", "وشدد الائتلاف على"),
    "03-sputnik-egypt-coronavirus.html": (
        "مصر تسجل 30 إصابة جديدة وحالتي وفاة بفيروس كورونا", None, "2020-03-17", [], 10,
        "أعلنت وزارة الصحة والسكان المصرية، اليوم الثلاثاء", "وصنفت منظمة الصحة العالمية"),
    "06-elkhabar-mubarak-trial.txt": (
        "الخبر نقل محاكمة مبارك إلى أكاديمية الشرطة: تنظيما تعلق اعتصاماتها بساحة التحرير إلى ما بعد رمضان",
        None, None, [], 1, "أعلن رئيس المحكمة التي ستحاكم الرئيس المصري السابق", "أعلن رئيس المحكمة"),
    "09-lebanon-harb-imsi-cp1256.txt": (
        "حرب يحمّل الحكومة مسؤولية أي جريمة ستحصل: إعطاء «IMZI» لا يبيح خصوصية المواطنين", None,
        "2012-07-11", [], 17, "حمّل النائب بطرس حرب", "وأبدت «رابطة آل حرب الخيرية»"),
    "10-apple-3d-patent-cp1256.txt": (
        'آبل تسجل برأة اختراع لواجهة ثلاثية الأبعاد للجيل الجديد من "آي فون"', None, "2012-01-18",
        ["التعليم الرقمي"], 10, 'تقدمت شركة "آبل" حالياً', 'فيما أشارت صحيفة "نيويورك تايمز"'),
    "12-uae-chess-asian-youth-games-cp1256.txt": (
        "الشطرنج يختتم مشاركته بفوز علي راشد على الفلسطيني فقيه", "مسعد عبدالوهاب", None,
        ["هزاع الشامسي يخسر في الجودو", "ساخا تواصل الصدارة برصيد 67 ميدالية",
         "رئيس جمهورية ساخا يحتفي برؤساء الوفود والإعلاميين"], 21,
        "«السهم» يبحث عن ميدالية في دورة الألعاب الآسيوية للناشئين", "وأكد ايجور أن التواصل الرياضي"),
}
CLUTTER_RE = re.compile(r"^(?:ADVERTISEMENT|إعلان|اقرأ (?:أيضا|المزيد)|©|الآراء الواردة|ترحب شبكة CNN|"
                        r"الصفحة الرئيسية \||المصدر:|TT$|button)|\(تصوير:|Cable News Network|[ء-ي]ـ+[ء-ي]")


def _import(name: str):
    return ingest.parse_seed((REAL / name).read_bytes(), name, "x")


def _plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_byline_date_and_body(name):
    title, author, date, headings, paragraphs, first, last = EXPECTED[name]
    article, report = _import(name)
    assert _plain(article.meta["title"]) == title
    assert article.meta.get("author") == author
    assert article.meta.get("date") == date
    assert [b.text for b in article.blocks if b.kind == "heading"] == headings
    body = [_plain(b.text) for b in article.blocks if b.kind == "paragraph"]
    assert len(body) == paragraphs
    assert body[0].startswith(first) and body[-1].startswith(last)
    assert len(set(body)) == len(body)  # every paragraph once
    assert not [text for text in body + headings if CLUTTER_RE.search(text)]
    assert not [text for text in body if text == title]
    assert not report.warnings


def test_the_page_says_in_which_order_the_paragraphs_come():
    article, _ = _import("12-uae-chess-asian-youth-games-cp1256.txt")
    texts = [_plain(b.text) for b in article.blocks]
    order = ["اختتم منتخبنا للشطرنج", "هزاع الشامسي يخسر في الجودو", "خسر لاعبنا هزاع الشامسي",
             "ساخا تواصل الصدارة", "ساخا (الاتحاد) - واصلت", "رئيس جمهورية ساخا يحتفي"]
    positions = [next(i for i, t in enumerate(texts) if t.startswith(o)) for o in order]
    assert positions == sorted(positions)


def test_what_is_not_body_text_is_reported_line_by_line():
    _, report = _import("01-cnn-arabic-syria-clashes.html")
    assert [(reason, text[:20]) for _, reason, text in report.dropped] == [
        ("comment policy", "ترحب شبكة CNN بالنقا"), ("comment policy", "الآراء الواردة أدناه"),
        ("navigation", "الصفحة الرئيسية | في"), ("copyright", "© 2013 Cable News Ne")]
    _, report = _import("09-lebanon-harb-imsi-cp1256.txt")
    assert report.tatweel_removed == 3 and report.stray_marks == [18, 23, 24]
    assert ("date", 3) in report.boilerplate and ("image_credit", 7) in report.boilerplate


def test_metadata_from_the_page_and_from_the_writer():
    article, _ = _import("03-sputnik-egypt-coronavirus.html")
    assert article.meta["url"].startswith("https://arabic.sputniknews.com/arab_world/202003171044893040-")
    assert "author" not in article.meta  # the page's author field holds logo addresses
    article, _ = _import("12-uae-chess-asian-youth-games-cp1256.txt")
    assert article.meta["publisher"] == "جريدة الاتحاد"
    assert article.meta["url"] == "http://www.alittihad.ae/details.php?id=67998&y=2012&article=full#ixzz2RqGNRZ53"
    raw = (REAL / "06-elkhabar-mubarak-trial.txt").read_bytes()
    article, _ = ingest.parse_seed(raw, "06.txt", "x", overrides={"publisher": "الخبر", "date": "2011-08-01"})
    assert article.meta["title"].startswith("نقل محاكمة مبارك")  # the source name glued to it is gone
    assert article.meta["date"] == "2011-08-01"


def test_a_fresh_project_previews_the_real_articles(tmp_path):
    root = copy_project(tmp_path / "project")
    for number, name in enumerate(sorted(EXPECTED), start=1):
        explainer("add", str(REAL / name), "--slug", f"real-{number}", cwd=root)
    source = root / "content" / "articles" / "real-1" / "source.html"
    assert source.read_bytes() == (REAL / sorted(EXPECTED)[0]).read_bytes()
    again = explainer("add", str(REAL / sorted(EXPECTED)[0]), "--slug", "real-1", "-q", cwd=root)
    assert again.stderr == ""
    strict = explainer("build", "--strict", cwd=root, check=False)
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1] == ("ERROR: content/articles/real-6/en.po: 26 of 26 entries untranslated "
                                              "in real-6; `make preview` builds drafts")
    explainer("build", "-q", cwd=root)  # what `make preview` runs
    for number in range(1, len(EXPECTED) + 1):
        for page in (f"articles/real-{number}/index.html", f"en/articles/real-{number}/index.html"):
            assert (root / "site" / page).is_file()
    english = (root / "site" / "en" / "articles" / "real-1" / "index.html").read_text(encoding="utf-8")
    assert ('<div class="ex-status-note" role="note"><p><strong>Not yet translated:</strong> 8 of the '
            "article's 8 parts") in english
    home = (root / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert home.count('<span class="ex-status-mark">Not yet translated</span>') == len(EXPECTED)
    checked = explainer("check", cwd=root, check=False)
    rules = {line.split(": ")[1] for line in checked.stdout.splitlines() if line.startswith(("content/", "site/"))}
    assert rules == {"po-untranslated", "glossary-latin"}  # each reported where the writer fixes it
    assert not [line for line in checked.stdout.splitlines() if line.startswith("site/")]
