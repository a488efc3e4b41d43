"""Per-language facts, from Babel's locale data, and every interface label the generated pages use
(the theme's own labels are Material's, corrected in overrides/partials/language.html)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

SOURCE_LANG = "ar"
TARGET_LANG = "en"
LANGUAGES = (SOURCE_LANG, TARGET_LANG)


@dataclass(frozen=True)
class LanguageFacts:
    code: str
    direction: str  # "rtl" or "ltr"
    name: str  # the language's name in itself
    names: dict[str, str]  # the language's name in each site language


@lru_cache(maxsize=None)
def facts(code: str) -> LanguageFacts:
    locale = Locale.parse(code)
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    names = {other: locale.get_display_name(Locale.parse(other)) for other in LANGUAGES}
    return LanguageFacts(code, direction, locale.get_display_name(locale), names)


def other(code: str) -> str:
    return TARGET_LANG if code == SOURCE_LANG else SOURCE_LANG


# Interface labels of the generated pages, in each site language.
LABELS: dict[str, dict[str, str]] = {
    "ar": {
        "author": "المؤلف",
        "editor": "المحرر",
        "publisher": "الناشر",
        "image_credit": "صورة المقال الأصلي",
        "source": "المصدر",
        "disclaimer": "إخلاء مسؤولية الناشر",
        "articles": "المقالات",
        "home": "الرئيسية",
        "home_title": "مقالات مشروحة",
        "home_intro": "مقالات إخبارية بالعربية مع ترجمتها الإنجليزية، فقرة بفقرة.",
        "read_in": "اقرأ بالإنجليزية",
        "about_article": "عن هذا المقال",
        "translator_note": "ملاحظة المترجم",
        "untranslated": "لم تُترجم هذه الفقرة بعد؛ النص العربي الأصلي معروض.",
        "fuzzy": "الترجمة متأخرة عن النص الأصلي",
        "paragraphs": "فقرة",
        "paragraph": "الفقرة",
        "heading": "العنوان الفرعي",
        "title": "العنوان",
        "byline": "سطر الكاتب",
        "source_info": "معلومات المصدر",
        "parallel": "قراءة متوازية",
        "read_parallel": "اقرأ النص العربي والترجمة جنبًا إلى جنب",
        "on_ar_page": "في الصفحة العربية",
        "on_en_page": "في الصفحة الإنجليزية",
        "notes_title": "ملاحظات الترجمة",
        "notes_intro": "ملاحظات المترجم للقارئ العربي على المواضع التي احتاج فيها النص العربي إلى شرح أو "
                       "إلى قراءته بحسب ما قصده كاتبه.",
        "status_title": "حالة الترجمة",
        "status_intro": "تقدّم الترجمة الإنجليزية لكل مقال.",
        "article": "المقال",
        "segments": "المقاطع",
        "translated": "مترجمة",
        "fuzzy_count": "متأخرة عن الأصل",
        "untranslated_count": "غير مترجمة",
        "state_fuzzy": "الترجمة متأخرة عن الأصل",
        "state_untranslated": "غير مترجمة",
        "all_done": "كل مقاطع هذه المقالات مترجمة ومراجعة.",
        "from_machine_translation": "هذا النص العربي ترجمة آلية عن {language}.",
        "from_translation": "هذا النص العربي مترجم عن {language}.",
        "from_original": "",
        "published": "تاريخ النشر",
        "permalink": "رابط دائم إلى هذا القسم",
        "translated_on": "تاريخ الترجمة",
        "not_translated": "لم تكتمل ترجمته بعد",
        "not_translated_detail": "مقاطع من هذا المقال لم تُترجم بعد ({count} من {total})، وتظهر بنصها العربي.",
        "original_page": "الصفحة الأصلية",
        "page_of": "الصفحة {number} من {total}",
        "previous": "السابقة",
        "next": "التالية",
        "pages": "صفحات القائمة",
        "all_mentions": "كل المواضع ({count})",
    },
    "en": {
        "author": "Author",
        "editor": "Editor",
        "publisher": "Publisher",
        "image_credit": "The original article's image",
        "source": "Source",
        "disclaimer": "Publisher's disclaimer",
        "articles": "Articles",
        "home": "Home",
        "home_title": "Explained articles",
        "home_intro": "Arabic news articles with their English translation, paragraph by paragraph.",
        "read_in": "Read in Arabic",
        "about_article": "About this article",
        "translator_note": "Translator's note",
        "untranslated": "This paragraph is not translated yet; the Arabic original is shown.",
        "fuzzy": "Translation behind the source",
        "paragraphs": "paragraphs",
        "paragraph": "Paragraph",
        "heading": "Heading",
        "title": "Title",
        "byline": "Byline",
        "source_info": "Source information",
        "parallel": "Side by side",
        "read_parallel": "Read the Arabic and the translation side by side",
        "on_ar_page": "On the Arabic page",
        "on_en_page": "On the English page",
        "notes_title": "Notes on the translation",
        "notes_intro": "The translator's notes on the places where the Arabic text needed explaining, "
                       "or reading for what its author meant.",
        "status_title": "Translation status",
        "status_intro": "How far the English translation of each article has come.",
        "article": "Article",
        "segments": "Segments",
        "translated": "Translated",
        "fuzzy_count": "Behind the source",
        "untranslated_count": "Not translated",
        "state_fuzzy": "translation behind the source",
        "state_untranslated": "not translated",
        "all_done": "Every segment of these articles is translated and reviewed.",
        "from_machine_translation": "Translated from the Arabic, which is itself a machine translation "
                                    "from {language}. Translator's notes explain where the Arabic was "
                                    "read for what its author meant.",
        "from_translation": "Translated from the Arabic, which is itself a translation from {language}.",
        "from_original": "Translated from the Arabic original.",
        "published": "Published",
        "permalink": "Permanent link",
        "translated_on": "Translated",
        "not_translated": "Not yet translated",
        "not_translated_detail": "{count} of the article's {total} parts, shown in the Arabic original "
                                 "until they are translated.",
        "original_page": "The original page",
        "page_of": "Page {number} of {total}",
        "previous": "Previous",
        "next": "Next",
        "pages": "Pages of the list",
        "all_mentions": "All mentions ({count})",
    },
}

# The key figures' and timeline's tables (explainer.figures).
FIGURE_LABELS = {
    "ar": {"figures": "أرقام رئيسية", "timeline": "تسلسل زمني", "figure": "الرقم", "what": "ما يقيسه",
           "when": "التاريخ", "event": "الحدث", "source": "المصدر", "paragraph": "الفقرة"},
    "en": {"figures": "Key figures", "timeline": "Timeline", "figure": "Figure", "what": "What it measures",
           "when": "Date", "event": "What happened", "source": "Source", "paragraph": "paragraph"},
}
# The glossary pages (explainer.glossary_pages): headings per kind of entry, and the page's own words.
KIND_LABELS = {
    "ar": {"person": "أشخاص", "organisation": "مؤسسات", "product": "منتجات", "place": "أماكن",
           "term": "مصطلحات", "event": "أحداث"},
    "en": {"person": "People", "organisation": "Organisations", "product": "Products", "place": "Places",
           "term": "Terms", "event": "Events"},
}
GLOSSARY_LABELS = {
    "ar": {"title": "المسرد", "intro": "الأسماء والمصطلحات الواردة في المقالات، مع تعريف موجز لكل منها "
           "والمواضع التي ذُكرت فيها.", "other": "بالإنجليزية", "variants": "صيغ أخرى في النص",
           "note": "ملاحظة", "mentions": "ورد في", "paragraph": "الفقرة"},
    "en": {"title": "Glossary", "intro": "The names and terms of the articles, each with a short "
           "definition and the paragraphs where it occurs.", "other": "In Arabic",
           "variants": "Also written", "note": "Note", "mentions": "Mentioned in", "paragraph": "paragraph"},
}


# The site search's labels: the count of matching paragraphs by the language's plural category
# (CLDR's, as the browser's Intl.PluralRules gives it; "#" is the number), and the list's other lines.
SEARCH_LABELS = {
    "ar": {
        "count": {"zero": "لا توجد فقرات مطابقة", "one": "فقرة واحدة مطابقة", "two": "فقرتان مطابقتان",
                  "few": "# فقرات مطابقة", "many": "# فقرة مطابقة", "other": "# فقرة مطابقة"},
        "none": "لا توجد فقرات مطابقة", "more": "المزيد من النتائج", "type": "اكتب كلمة للبحث",
    },
    "en": {
        "count": {"zero": "No matching paragraph", "one": "1 matching paragraph", "other": "# matching paragraphs"},
        "none": "No matching paragraph", "more": "More results", "type": "Type a word to search",
    },
}


def provenance(lang: str, original_language: str | None, arabic_source: str | None) -> str:
    """What a page says of its text's history, from the article's front matter (empty: nothing)."""
    kind = arabic_source or ("translation" if original_language else "original")
    if kind != "original" and not original_language:
        kind = "original"  # a translation from an unnamed language: say no more than is known
    template = LABELS[lang][{"machine-translation": "from_machine_translation", "translation": "from_translation",
                             "original": "from_original"}[kind]]
    if not template:
        return ""
    language = Locale.parse(original_language).get_language_name(lang) if original_language else ""
    return template.format(language=language)


def long_date(iso: str, lang: str) -> str:
    """A YYYY-MM-DD date as the reader's language writes it (Babel's long format)."""
    from datetime import date

    from babel.dates import format_date

    return format_date(date.fromisoformat(iso), format="long", locale=lang)


def permalink_title(lang: str) -> str:
    """The title of a heading's permalink in ``lang`` (English for a language the site lacks)."""
    return LABELS.get(lang, LABELS[TARGET_LANG])["permalink"]
