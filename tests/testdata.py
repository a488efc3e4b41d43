"""Test data shared by several test modules, in one place: a small article with its translations,
and the seed project's glossary."""

from __future__ import annotations

from explainer import article, glossary
from explainer.catalog import Translation

from conftest import REPO

# The project's own glossary, as the seed article's pages use it.
GLOSSARY = glossary.parse((REPO / "content" / "glossary.yml").read_text(encoding="utf-8"), "content/glossary.yml")

# A small article: a translated paragraph, a heading with notes, a fuzzy and an untranslated one.
ARTICLE = article.Article(
    "demo",
    {"title": "عنوان \\*المقال\\*", "author": "يوان سيلاي", "editor": "Su Jianxun", "publisher": "Gate",
     "image_credit": "تم إنشاؤه بواسطة أداة Unbounded AI", "source_notice": "شاهد النسخة الأصلية",
     "disclaimer": "This page may contain third-party content.", "date": "2023-06-12",
     "url": "https://example.org/a?b=1&c=2", "original_language": "zh", "arabic_source": "machine-translation"},
    (article.Block(article.PARAGRAPH, "فقرة أولى مترجمة.", "p-000001"),
     article.Block(article.HEADING, "ملكة جمال امتدت لعشر سنوات", "s-000002"),
     article.Block(article.PARAGRAPH, "فقرة تغير مصدرها.", "p-000003"),
     article.Block(article.PARAGRAPH, "فقرة لم تترجم &lt;b>.", "p-000004")),
)
TRANSLATIONS = {
    "title": Translation("The \\*article\\* title"),
    "byline.author": Translation("Yuan Silai", notes=("يوان سيلاي is the Arabic spelling.",)),
    "byline.editor": Translation("Su Jianxun"),
    "caption.image_credit": Translation("Created with the Unbounded AI tool"),
    "notice.source": Translation("View the original"),
    "p-000001": Translation("A first, translated paragraph."),
    "s-000002": Translation("A Decade-Long Miss", notes=('The heading reads "a beauty queen"; the',
                                                          "Chinese 错失 means to miss.")),
    "p-000003": Translation("An old translation.", fuzzy=True, previous="فقرة قديمة \"مقتبسة\"."),
}
SOURCES = {"ar": ["content/articles/demo/ar.md"],
           "en": ["content/articles/demo/ar.md", "content/articles/demo/en.po"]}
