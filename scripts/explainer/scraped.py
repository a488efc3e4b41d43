"""What the lines of a scraped Arabic news page are: bylines, dates, source lines and clutter.

Pure functions over one line of text (or a page's lines), used by the import for text seeds and
for the text extracted from saved HTML alike. A line recognised here goes into the article's
metadata or into the list of dropped lines that ``explainer add`` reports; it never becomes a
heading or a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .writing import ARABIC_LETTERS_ONLY, TATWEEL

ARABIC_LETTER = ARABIC_LETTERS_ONLY
ARABIC_RE = re.compile(f"[{ARABIC_LETTER}]")
LETTER_OR_DIGIT_RE = re.compile(r"[^\W_]")
TATWEEL_RE = re.compile(f"(?<=[{ARABIC_LETTER}]){TATWEEL}+(?=[{ARABIC_LETTER}])")
URL_RE = re.compile(r"https?://\S+")

# Month names: the Egyptian/Gulf forms of the Gregorian months and the Levantine (Syriac) ones.
MONTHS = {
    1: ("يناير", "كانون الثاني"), 2: ("فبراير", "شباط"), 3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان"), 5: ("مايو", "أيار", "ايار"),
    6: ("يونيو", "يونية", "حزيران"), 7: ("يوليو", "يولية", "تموز"), 8: ("أغسطس", "اغسطس", "آب", "اب"),
    9: ("سبتمبر", "أيلول", "ايلول"), 10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
    11: ("نوفمبر", "تشرين الثاني"), 12: ("ديسمبر", "كانون الأول", "كانون الاول"),
}
_MONTH_OF = {name: number for number, names in MONTHS.items() for name in names}
_MONTH = "|".join(sorted((re.escape(n) for n in _MONTH_OF), key=len, reverse=True))
WEEKDAYS = ("السبت", "الأحد", "الاحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الاربعاء",
            "الخميس", "الجمعة")
NAMED_DATE_RE = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?P<month>{_MONTH})(?:\s*/\s*(?:{_MONTH}))?"
                           rf"\s*[,،]?\s*(?P<year>(?:19|20)\d\d)(?!\d)")
NUMERIC_DATE_RE = re.compile(r"(?<![\d/.-])(?:(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-]"
                             r"(?P<year>(?:19|20)\d\d)|(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-"
                             r"(?P<iso_day>\d\d))(?![\d/.-])")
# What may stand beside a date on a date line: weekdays, times, the Hijri date, "updated" notes.
DATE_LINE_NOISE_RE = re.compile(r"(?<![^\W\d_])(?:" + "|".join([*WEEKDAYS, r"يوم", r"الموافق", r"آخر تحديث", r"اخر تحديث", r"تحديث", r"نشر في", r"نشر",
              r"تاريخ النشر", r"الساعة", r"صباحا?ً?", r"مساءً?", r"ص", r"م", r"هـ", r"GMT\S*", r"UTC\S*",
              r"\d{1,2}:\d\d(?::\d\d)?", r"\d{1,2}[/.-]\d{1,2}[/.-]1[34]\d\d", r"\d+",
              r"(?:محرم|صفر|ربيع الأول|ربيع الاول|ربيع الثاني|جمادى الأولى|جمادى الاولى|جمادى الآخرة|"
              r"جمادى الثانية|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة)"]) + r")(?![^\W\d_])")

BYLINE_RE = re.compile(r"^(?:بقلم|كتب|كتبت|كتبه|إعداد|اعداد|تحرير|الكاتب|الكاتبة|المحرر|المؤلف|"
                       r"تقرير|إشراف)\s*[:|｜\-–—]?\s*(?P<name>[^:|｜.!؟?،,]{2,60})$")
DESK_RE = re.compile(r"^(?P<name>[^()]{2,40}?)\s*[-–—]\s*(?:متابعات|وكالات|خاص)$|^\(?(?P<agency>وكالات)\)?$")
LEAD_BYLINE_RE = re.compile(r"^(?P<name>[^()\-–—:،,.؛]{3,30}?)\s*\((?P<place>[^()]{2,25})\)\s*[-–—]{1,2}\s+"
                            r"(?P<rest>\S.*)$")
AGENCIES = ("وكالات", "رويترز", "أ ف ب", "أ.ف.ب", "ا ف ب", "د ب أ", "أسوشيتد برس", "الأناضول",
            "سبوتنيك", "واس", "وام", "قنا", "كونا", "بترا", "سانا", "أ ش أ")
SOURCE_RE = re.compile(r"^(?:المصدر|مصدر الخبر|نقلا عن|نقلاً عن)\s*[:：]+\s*(?P<value>.*)$")
CAPTION_RE = re.compile(r"\((?:تصوير|الصورة|صورة|عدسة)\s*[:：]?\s*(?P<credit>[^()]{2,40})\)\s*$")
READ_MORE_RE = re.compile(r"^(?:اقرأ|إقرأ|اقرا) المزيد\s*[:：]?.*?(?P<url>https?://\S+)?\s*$")
FOOTER_TITLE_RE = re.compile(r"المقال كامل\s*-\s*(?P<title>.+?)\s*-\s*(?P<publisher>[^-]+?)\s*https?://")
COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|جميع الحقوق محفوظة|حقوق النشر محفوظة|حقوق الطبع|copyright)", re.I)
CLUTTER = (
    ("advertisement", re.compile(r"^(?:إعلان|اعلان|إعلانات|advertisement|ad|sponsored|محتوى مدفوع)$", re.I)),
    ("related link", re.compile(r"^(?:اقرأ|إقرأ|اقرا) (?:أيضا|أيضاً|أيضًا|ايضا|ايضاً|كذلك)\b")),
    ("share label", re.compile(r"^(?:شارك|شاركوا|مشاركة|شارك المقال|شارك الخبر|شارك عبر|انشر|نشر عبر|"
                               r"تابعونا|تابعنا|تابعونا على|تابعنا على|تابعنا عبر)\b.{0,40}$")),
    ("newsletter prompt", re.compile(r"(?:النشرة البريدية|النشرة الإخبارية|اشترك في|اشترك الآن|"
                                     r"سجل بريدك|أدخل بريدك|بريدك الإلكتروني)")),
    ("copyright", COPYRIGHT_RE),
    ("comment policy", re.compile(r"(?:الآراء الواردة|التعليقات.*(?:سياسة|إرشادات|شروط)|"
                                  r"(?:سياسة|إرشادات|شروط).*التعليقات)")),
    ("navigation", re.compile(r"^(?:[^|]{1,30}\|){3,}[^|]{0,30}$")),
)
MAX_LABEL_WORDS = 5


@dataclass(frozen=True)
class Finding:
    """What a line is: ``kind`` is a metadata key (author, date, publisher, url, image_credit,
    title) or ``dropped``; ``value`` the metadata value, ``reason`` why a line was dropped."""

    kind: str
    value: str = ""
    reason: str = ""


def remove_tatweel(text: str) -> tuple[str, int]:
    """Text without the tatweel (ـ) that stretches words (مســؤولية); the one that joins a prefix
    to a word in another script or a number (الـ IMSI, بـ 46) stays."""
    return TATWEEL_RE.subn("", text)


def find_date(text: str) -> str | None:
    """The first Gregorian date written in ``text``, as YYYY-MM-DD."""
    for match in sorted([*NAMED_DATE_RE.finditer(text), *NUMERIC_DATE_RE.finditer(text)],
                        key=lambda m: m.start()):
        groups = match.groupdict()
        if groups.get("iso_year"):
            parts = (groups["iso_year"], groups["iso_month"], groups["iso_day"])
        elif groups["month"].isdigit():
            parts = (groups["year"], groups["month"], groups["day"])
        else:
            parts = (groups["year"], _MONTH_OF[groups["month"]], groups["day"])
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
        except ValueError:
            continue
    return None


def date_of_line(text: str) -> str | None:
    """The date (YYYY-MM-DD) of a line that only says when: a date with weekday, time, Hijri date
    or 'updated' around it; None for any other line."""
    found = find_date(text)
    if found is None:
        return None
    rest = NAMED_DATE_RE.sub(" ", NUMERIC_DATE_RE.sub(" ", text))
    rest = DATE_LINE_NOISE_RE.sub(" ", rest)
    words = [w for w in re.split(r"[\s,،\-–—/()|:]+", rest) if LETTER_OR_DIGIT_RE.search(w)]
    return found if len(words) <= 1 else None


def _is_short(text: str) -> bool:
    return len(text.split()) <= MAX_LABEL_WORDS and text[-1] not in ".!؟?"


def classify(text: str) -> Finding | None:
    """What a line of a scraped page is, when it is not body text (None when it is)."""
    if not LETTER_OR_DIGIT_RE.search(text):
        return Finding("dropped", reason="punctuation only")
    source = SOURCE_RE.match(text)
    if source:
        value = source.group("value").strip()
        found = date_of_line(value)
        if found:
            return Finding("date", found, "source and date line")
        return Finding("publisher", value, "source line") if value else Finding("dropped", reason="source line")
    read_more = READ_MORE_RE.match(text)
    if read_more and read_more.group("url"):
        return Finding("url", read_more.group("url"), "link to the original")
    found = date_of_line(text)
    if found:
        return Finding("date", found, "date line")
    for reason, pattern in CLUTTER:
        if pattern.search(text) and (reason not in ("share label", "advertisement") or _is_short(text)):
            if reason == "comment policy" or reason == "copyright" or len(text.split()) <= 60:
                return Finding("dropped", reason=reason)
    if not ARABIC_RE.search(text) and len(text.split()) <= 3:
        return Finding("dropped", reason="label in Latin script")  # button icon, TT, Facebook
    byline = BYLINE_RE.match(text)
    if byline and len(text.split()) <= 7:
        return Finding("author", byline.group("name").strip(), "byline")
    desk = DESK_RE.match(text)
    if desk:
        return Finding("author", text.strip().strip("()"), "desk byline")
    caption = CAPTION_RE.search(text)
    if caption:
        return Finding("image_credit", caption.group("credit").strip(), "photo caption")
    return None


def lead_byline(text: str, publisher: str = "") -> tuple[str, str] | None:
    """(author, the rest of the line) for a first paragraph that opens with 'NAME (PLACE) - ';
    None when the parenthesis names an agency or the publisher (then it is a dateline, kept)."""
    match = LEAD_BYLINE_RE.match(text)
    if match is None:
        return None
    place = match.group("place").strip()
    if not ARABIC_RE.search(place) or place in AGENCIES or (publisher and place in publisher):
        return None
    if not 2 <= len(match.group("name").split()) <= 4:
        return None
    return match.group("name").strip(), match.group("rest")


def footer_title(lines: list[str]) -> tuple[str, str] | None:
    """(title, publisher) from a copy-paste footer such as 'اقرأ المزيد : المقال كامل - TITLE -
    PUBLISHER http://…', which names the article as its site did."""
    for text in lines:
        match = FOOTER_TITLE_RE.search(text)
        if match:
            return match.group("title").strip(), match.group("publisher").strip()
    return None


def repeated_labels(lines: list[str]) -> set[str]:
    """Short lines that occur more than once: section labels repeated around the body."""
    counts: dict[str, int] = {}
    for text in lines:
        if _is_short(text) and text[-1] not in ":،,":
            counts[text] = counts.get(text, 0) + 1
    return {text for text, count in counts.items() if count > 1}
