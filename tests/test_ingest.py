"""Import of a scraped seed: decoding, de-duplication, boilerplate, headings, punctuation, escaping."""

from __future__ import annotations

import codecs

import pytest

from explainer import article, ingest, textclean
from explainer.errors import InputError

from conftest import REPO, SEED, SEED_NAME, SEED_PROVENANCE, SLUG

SEED_BYTES = SEED.read_bytes()


def _import(raw: bytes, name: str = SEED_NAME):
    return ingest.parse_seed(raw, name, SLUG)


def test_seed_imports_to_the_committed_ar_md():
    """Golden: the project's own ar.md is exactly what the import makes of the seed."""
    result, _ = ingest.parse_seed(SEED_BYTES, SEED_NAME, SLUG, overrides=SEED_PROVENANCE)
    expected = (REPO / "content" / "articles" / SLUG / "ar.md").read_text(encoding="utf-8")
    assert article.dump(result) == expected


def test_seed_report():
    result, report = _import(SEED_BYTES)
    assert report.encoding == "utf-8"
    assert report.duplicate_runs == [(36, 64)]
    assert sorted(report.boilerplate) == [("author", 34), ("disclaimer", 32), ("editor", 35),
                                          ("image_credit", 1), ("source_notice", 31), ("title", 33)]
    assert (report.headings, report.paragraphs) == (2, 27)
    assert report.warnings == []
    assert result.meta == {
        "image_credit": "تم إنشاؤه بواسطة أداة Unbounded AI",
        "source_notice": "شاهد النسخة الأصلية",
        "disclaimer": SEED_BYTES.decode().split("\n")[31],
        "publisher": "Gate",
        "author": "يوان سيلاي",
        "editor": "Su Jianxun",
        "title": "مهندس الذكاء الاصطناعي المنهك يهرب من ميتا",
    }
    headings = [b.text for b in result.blocks if b.kind == article.HEADING]
    assert headings == ["ملكة جمال امتدت لعشر سنوات", "اختر بين Metaverse و AI؟"]


def test_every_body_line_kept_once_in_order():
    result, _ = _import(SEED_BYTES)
    body = SEED_BYTES.decode().split("\n")[1:30]
    assert [textclean.tidy_punctuation(line)[0] for line in body] == [b.text for b in result.blocks]


def test_no_boilerplate_in_body():
    result, _ = _import(SEED_BYTES)
    text = "\n".join(b.text for b in result.blocks)
    for needle in ("مصدر الصورة", "شاهد النسخة الأصلية", "third-party content", "المؤلف |", "المحرر |"):
        assert needle not in text


@pytest.mark.parametrize("encode", [
    lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.encode("utf-16"),  # with BOM
    lambda t: t.encode("cp1256", errors="strict"),
], ids=["utf-8-bom-crlf", "utf-16-bom", "windows-1256"])
def test_encodings_import_identically(encode):
    text = SEED_BYTES.decode("utf-8")
    # Windows-1256 has no code for a few characters of the seed; keep to what it can encode.
    text = "".join(ch for ch in text if _cp1256_ok(ch))
    expected, _ = _import(text.encode("utf-8"))
    result, report = _import(encode(text))
    assert article.dump(result) == article.dump(expected)  # byte-identical ar.md
    assert result.blocks == expected.blocks
    assert report.encoding in {"utf-8-sig", "utf-16", "cp1256", "windows-1256"}


def _cp1256_ok(ch: str) -> bool:
    try:
        ch.encode("cp1256")
    except UnicodeEncodeError:
        return False
    return True


def test_empty_seed_is_refused():
    with pytest.raises(InputError) as info:
        _import(b"  \n\n")
    assert str(info.value) == "seed.txt: the seed is empty: expected an Arabic article" \
        .replace("seed.txt", SEED_NAME)


def test_binary_seed_is_refused():
    with pytest.raises(InputError) as info:
        _import(bytes(range(256)) * 4)
    assert str(info.value) == f"{SEED_NAME}: binary data (NUL bytes), not a text article"


def test_text_without_arabic_is_refused():
    with pytest.raises(InputError) as info:
        _import(b"Just an English line.\nAnd another one.\n")
    assert str(info.value) == f"{SEED_NAME}: expected an Arabic article, found no Arabic letters"


@pytest.mark.parametrize("raw, expected", [
    ("فقدت Meta ، ثلث باحثيها .", "فقدت Meta، ثلث باحثيها."),
    ("المجد الذي تخيلته.وبالنظر إلى", "المجد الذي تخيلته. وبالنظر إلى"),
    ("جامعة نيويورك.بدأ في دراسة", "جامعة نيويورك. بدأ في دراسة"),
    ("2.5 تريليون دولار", "2.5 تريليون دولار"),
    ("القيمة 13.7 مليار", "القيمة 13.7 مليار"),
    ("أين يضع metaverse ؟", "أين يضع metaverse؟"),
    ("الأولى،الثانية", "الأولى، الثانية"),
    ("كلمة   وكلمة", "كلمة وكلمة"),
])
def test_tidy_punctuation(raw, expected):
    assert textclean.tidy_punctuation(raw)[0] == expected


@pytest.mark.parametrize("raw, expected", [
    ("نص *مائل* و_تحته_", r"نص \*مائل\* و\_تحته\_"),
    ("# ليس عنوانا", r"\# ليس عنوانا"),
    ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
    ("1. ليست قائمة", r"1\. ليست قائمة"),
    ("- ليست قائمة", r"\- ليست قائمة"),
    ("نص {: #p-000000 }", r"نص \{: #p-000000 }"),
    ("&amp; كما هي", "&amp;amp; كما هي"),
])
def test_escape_markdown(raw, expected):
    assert textclean.escape_markdown(raw) == expected


def test_seed_without_title_or_byline_warns_and_derives_title():
    raw = "هذه فقرة أولى طويلة بما يكفي لتكون فقرة في المقال.\nوهذه فقرة ثانية.\n".encode()
    result, report = _import(raw)
    assert result.meta["title"] == "هذه فقرة أولى طويلة بما يكفي لتكون فقرة في المقال"
    assert str(report.warnings[0]) == (f"{SEED_NAME}:1: no title found; title derived from this line: هذه "
                                       "فقرة أولى طويلة بما يكفي لتكون فقرة في المقال (pass --title to set it)")
    assert len(result.blocks) == 2


def test_bidi_controls_removed_and_reported():
    raw = "فقرة\u202e مقلوبة \u2066هنا\u2069.\nفقرة أخرى.\n".encode()
    result, report = _import(raw)
    assert report.bidi_removed == 3
    assert all("\u202e" not in b.text and "\u2066" not in b.text for b in result.blocks)


def test_reimport_keeps_ids_of_unchanged_and_changed_blocks():
    lines = SEED_BYTES.decode().split("\n")[:35]  # one copy of the body, with its boilerplate
    first, _ = _import("\n".join(lines).encode())
    lines[2] = lines[2].replace("ثلث", "نصف")  # a changed paragraph
    lines.insert(5, "فقرة جديدة تماما أضيفت إلى المقال بعد النشر.")  # a new one
    changed = "\n".join(lines).encode()
    second, _ = ingest.parse_seed(changed, SEED_NAME, SLUG, previous=first)
    old_ids = [b.id for b in first.blocks]
    new_ids = [b.id for b in second.blocks]
    assert new_ids[:4] == old_ids[:4]
    assert new_ids[5:] == old_ids[4:]
    assert new_ids[4] not in old_ids


# --- unusual but valid seeds ---------------------------------------------------------------------

def test_mixed_digits_and_tashkeel_are_kept_tatweel_removed():
    raw = ("فقدت ميتا ٤ مليارات دولار في عام 2023.\nالذَّكَاءُ الاصطناعـي يغيّر كل شيء في ٢٠٢٣.\n").encode()
    result, _ = _import(raw)
    assert [b.text for b in result.blocks] == ["فقدت ميتا ٤ مليارات دولار في عام 2023.",
                                               "الذَّكَاءُ الاصطناعي يغيّر كل شيء في ٢٠٢٣."]
    from explainer import termlinks
    from testdata import GLOSSARY
    found = [m.entry.id for m in termlinks.Matcher(GLOSSARY, "ar").find(result.blocks[1].text)]
    assert found == ["artificial-intelligence"]


def test_a_single_50000_character_paragraph():
    words = ("ميتا تستثمر في الذكاء الاصطناعي " * 2000)[:50000].rsplit(" ", 1)[0] + "."
    result, report = _import(("عنوان المقال\nالمؤلف | كاتب\n" + words + "\n").encode())
    assert result.meta["title"] == "عنوان المقال"
    assert len(result.blocks) == 1 and len(result.blocks[0].text) > 49000
    parsed = article.parse(article.dump(result), "ar.md", SLUG)
    assert parsed.blocks[0].text == result.blocks[0].text


def test_markup_in_a_seed_is_escaped():
    raw = ("<script>alert(1)</script> نص\n<img src=x onerror=alert(1)> صورة\n"
           "[x](javascript:alert(1)) رابط\n# ليست عنوانا بل فقرة تبدأ بعلامة\n").encode()
    result, _ = _import(raw)
    texts = [b.text for b in result.blocks]
    assert result.meta["title"] == "&lt;script>alert(1)&lt;/script> نص"  # a short first line
    assert texts == ["&lt;img src=x onerror=alert(1)> صورة",
                     r"\[x\](javascript:alert(1)) رابط", r"\# ليست عنوانا بل فقرة تبدأ بعلامة"]


def test_old_mac_line_breaks_split_the_lines():
    raw = ("عنوان المقال\rالمؤلف | كاتب\rهذه فقرة أولى طويلة بما يكفي لتكون فقرة في المقال.\r"
           "وهذه فقرة ثانية.\r").encode()
    result, _ = _import(raw)
    assert result.meta["title"] == "عنوان المقال" and result.meta["author"] == "كاتب"
    assert [b.text for b in result.blocks] == ["هذه فقرة أولى طويلة بما يكفي لتكون فقرة في المقال.",
                                               "وهذه فقرة ثانية."]
