"""The built site in a real browser (Debian chromium through selenium)."""

from __future__ import annotations


import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import axe_violations, chromium, serve
from conftest import SLUG

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def driver():
    with chromium() as browser:
        yield browser


def _switch_to(driver, lang: str) -> None:
    """Open the language menu the way a reader does (hover) and click a language."""
    button = driver.find_element(By.CSS_SELECTOR, ".md-header .md-select .md-header__button")
    ActionChains(driver).move_to_element(button).perform()
    link = driver.find_element(By.CSS_SELECTOR, f".md-header .md-select a[hreflang='{lang}']")
    WebDriverWait(driver, 5).until(lambda d: link.is_displayed())
    old = driver.current_url
    link.click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url != old)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_arabic_article_is_right_to_left(driver, site_url):
    driver.get(f"{site_url}articles/{SLUG}/")
    paragraph = driver.find_element(By.ID, "p-1c6d68")
    direction = driver.execute_script("return getComputedStyle(arguments[0]).direction", paragraph)
    assert direction == "rtl"
    assert driver.execute_script("return document.documentElement.lang") == "ar"
    # the text starts at the right edge of the paragraph and leaves room on the left
    right, left, box_right, box_left = driver.execute_script(
        "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
        "const rects = Array.from(r.getClientRects()); const box = arguments[0].getBoundingClientRect();"
        "return [Math.max(...rects.map(x => x.right)), Math.min(...rects.map(x => x.left)),"
        "        box.right, box.left];", paragraph)
    assert abs(right - box_right) < 2
    assert left - box_left > 50  # a one-line paragraph: the free space is on the left


def test_arabic_font_is_loaded_from_the_site(driver, site_url):
    driver.get(f"{site_url}articles/{SLUG}/")
    loaded = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.fonts.ready.then(() => done(Array.from(document.fonts)"
        "  .filter(f => f.family.replace(/\"/g, '') === 'Noto Sans Arabic' && f.status === 'loaded')"
        "  .map(f => f.weight)));")
    assert "400" in loaded
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    fonts = [r for r in resources if r.endswith(".woff2")]
    assert fonts and all(r.startswith(site_url) for r in fonts)


def test_switcher_lands_on_english_twin(driver, site_url):
    driver.get(f"{site_url}articles/{SLUG}/")
    _switch_to(driver, "en")
    assert driver.current_url == f"{site_url}en/articles/{SLUG}/"
    assert driver.execute_script("return document.documentElement.lang") == "en"
    direction = driver.execute_script(
        "return getComputedStyle(document.getElementById('p-1c6d68')).direction")
    assert direction == "ltr"


def test_switcher_keeps_the_paragraph(driver, site_url):
    driver.get(f"{site_url}articles/{SLUG}/#p-cc2d84")
    _switch_to(driver, "en")
    assert driver.current_url == f"{site_url}en/articles/{SLUG}/#p-cc2d84"
    _switch_to(driver, "ar")
    assert driver.current_url == f"{site_url}articles/{SLUG}/#p-cc2d84"


def test_switcher_keeps_the_scrolled_to_paragraph(driver, site_url):
    driver.get(f"{site_url}articles/{SLUG}/")
    driver.execute_script("document.getElementById('p-87ce31').scrollIntoView({block: 'start'})")
    _switch_to(driver, "en")
    fragment = driver.current_url.split("#", 1)[1]
    assert fragment.startswith("p-")
    ids = driver.execute_script(
        "return Array.from(document.querySelectorAll('p[id^=\"p-\"]')).map(p => p.id)")
    assert abs(ids.index(fragment) - ids.index("p-87ce31")) <= 1


# --- accessibility -----------------------------------------------------------------------------

A11Y_PAGES = ["", f"articles/{SLUG}/", "glossary/", f"parallel/{SLUG}/", "notes/", "status/"]


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("page", A11Y_PAGES)
def test_axe_finds_no_violations(driver, site_url, lang, page):
    driver.get(f"{site_url}{'' if lang == 'ar' else 'en/'}{page}")
    assert axe_violations(driver) == []
