"""The theme's partials that are copies of Material's differ from the installed Material only where
they say they do: a new Material release that changes them fails here, not silently on the site."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import material

from conftest import REPO

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
CHECKED_AGAINST = "9.8.2"

MATERIAL_SEARCH_SLOT = """    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
        <label class="md-header__button md-icon" for="__search">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>
        {% include "partials/search.html" %}
      {% endif %}
    {% endif %}
"""


def _body(text: str) -> str:
    """A template without its opening comment."""
    return text.split("-#}\n", 1)[1] if text.startswith("{#-") else text


def test_header_is_materials_with_the_sites_search():
    assert version("mkdocs-material") == CHECKED_AGAINST, "compare overrides/partials/header.html anew"
    ours = _body((REPO / "overrides" / "partials" / "header.html").read_text(encoding="utf-8"))
    theirs = _body((MATERIAL_PARTIALS / "header.html").read_text(encoding="utf-8"))
    assert MATERIAL_SEARCH_SLOT in theirs
    start = ours.index("    {#- the site's own search")
    end = ours.index('    {% include "partials/search.html" %}\n') + len('    {% include "partials/search.html" %}\n')
    assert ours[:start] + MATERIAL_SEARCH_SLOT + ours[end:] == theirs


def test_search_partial_keeps_materials_search_out():
    ours = (REPO / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    assert 'data-md-component="search' not in ours and 'name="search"' not in ours
    assert 'class="md-search__input"' in ours and 'class="md-search-result__list"' in ours


def test_language_selector_is_materials_with_each_name_in_its_language():
    ours = _body((REPO / "overrides" / "partials" / "alternate.html").read_text(encoding="utf-8"))
    theirs = _body((MATERIAL_PARTIALS / "alternate.html").read_text(encoding="utf-8"))
    own = ' lang="{{ alt.lang }}" dir="{{ explainer_direction(alt.lang) }}"'
    assert own in ours and ours.replace(own, "") == theirs
