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


# --- search ------------------------------------------------------------------------------------

def _search(driver, site_url: str, prefix: str, query: str, expected: str) -> list[str]:
    """Type ``query`` into the search box of an article page; wait until ``expected`` is a result."""
    driver.get(f"{site_url}{prefix}articles/{SLUG}/")
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.click()
    box.send_keys(query)

    def links(d):
        # results render as the list scrolls: scroll to its end, then collect the links
        d.execute_script("const o = document.querySelector('.md-search__scrollwrap');"
                         "if (o) o.scrollTop = o.scrollHeight;"
                         "document.querySelectorAll('.md-search-result details').forEach(x => x.open = true)")
        return [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, ".md-search-result__link")]
    try:
        WebDriverWait(driver, 10).until(lambda d: any(expected in link for link in links(d)))
    except Exception:  # report what was found instead
        pass
    return links(driver)


ARABIC_QUERIES = [
    ("شركات", "#p-a7e457"), ("اعلام", "#p-3d9b85"), ("ذكاء", "#p-2defd6"), ("اصطناعي", "#p-2defd6"),
    ("استثمار", "#p-66cf63"), ("زوكربيرغ", "#p-1c6d68"), ("ميتافيرس", "#p-15a840"),
    ("LeCun", "#p-1d7d43"), ("يان ليكون", "#p-1d7d43"),
]
ENGLISH_QUERIES = [("metaverse", "#p-1c6d68"), ("researcher", "#p-3d9b85"), ("زوكربيرج", "#p-1c6d68")]


@pytest.mark.parametrize("query, anchor", ARABIC_QUERIES)
def test_arabic_search(driver, site_url, query, anchor):
    links = _search(driver, site_url, "", query, anchor)
    assert any(f"/articles/{SLUG}/" in link and link.endswith(anchor) for link in links), links
    assert not any(link.startswith(f"{site_url}en/") for link in links)
    marks = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__article mark")
    assert any(m.text for m in marks)  # the match is highlighted


@pytest.mark.parametrize("query, anchor", ENGLISH_QUERIES)
def test_english_search(driver, site_url, query, anchor):
    links = _search(driver, site_url, "en/", query, anchor)
    assert any(f"/en/articles/{SLUG}/" in link and link.endswith(anchor) for link in links), links
    assert links and all(link.startswith(f"{site_url}en/") for link in links)


# --- accessibility -----------------------------------------------------------------------------

A11Y_PAGES = ["", f"articles/{SLUG}/", "glossary/", f"parallel/{SLUG}/", "notes/", "status/"]


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("page", A11Y_PAGES)
def test_axe_finds_no_violations(driver, site_url, lang, page):
    driver.get(f"{site_url}{'' if lang == 'ar' else 'en/'}{page}")
    assert axe_violations(driver) == []
