"""Per-language facts from Babel, and the site configuration that must agree with them."""

from __future__ import annotations

from mkdocs.config import load_config

from explainer.locales import LABELS, LANGUAGES, facts

from conftest import REPO


def test_babel_facts():
    assert facts("ar").direction == "rtl" and facts("en").direction == "ltr"
    assert facts("ar").name == "العربية" and facts("en").name == "English"
    assert facts("ar").names["en"] == "Arabic" and facts("en").names["ar"] == "الإنجليزية"


def test_site_languages_match_babel():
    config = load_config(str(REPO / "mkdocs.yml"))
    languages = config.plugins["i18n"].config.languages
    assert [lang.locale for lang in languages] == list(LANGUAGES)
    for lang in languages:
        assert lang.name == facts(lang.locale).name
    assert languages[0].default and config.theme["language"] == "ar"
    assert config.theme["font"] is False  # no Google Fonts; the Arabic font is served by the site


def test_labels_complete_in_every_language():
    keys = {lang: set(labels) for lang, labels in LABELS.items()}
    assert keys["ar"] == keys["en"]
