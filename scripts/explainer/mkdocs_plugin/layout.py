"""The site's layout as the checks need it, read from mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from ..site_check import SiteLayout
from . import compat


def site_layout(config_file: Path) -> SiteLayout:
    """Languages, default language, site URL and single-language pages."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    i18n = compat.i18n(config)
    languages = i18n.built_languages if i18n else [config.theme["language"]]
    default = i18n.default_language if i18n else languages[0]
    explainer_extra = (config.extra or {}).get("explainer", {}) or {}
    return SiteLayout(tuple(languages), default, config.site_url or "",
                      tuple(explainer_extra.get("single_language", ())))
