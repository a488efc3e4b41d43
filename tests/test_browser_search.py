"""The site's search in a real browser, as a reader uses it: nothing fetched before the box is opened,
the right paragraph first for the queries readers try, counted in grammatical Arabic, by keyboard and
on a phone, and the paragraph a result opens has its words marked."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import axe_violations, chromium, serve, tap
from conftest import SLUG

pytestmark = pytest.mark.browser

PAGE = {"ar": f"articles/{SLUG}/", "en": f"en/articles/{SLUG}/"}
CHATGPT = {"p-c46210", "p-d9d596", "p-8b409a", "p-fe6193"}  # the paragraphs that name ChatGPT
ZUCKERBERG = {"p-1c6d68", "p-8b409a", "p-6dc551", "p-8fdb35", "p-9cfcb2", "p-15a840", "p-5fff18"}
# (page language, query, the paragraphs one of which must be the first article result, the words
# marked in that result, and words no result may mark)
QUERIES = [
    ("ar", "ChatGPT", CHATGPT, {"ChatGPT"}, {"بين", "جيدًا"}),
    ("ar", "شات جي بي تي", CHATGPT, {"ChatGPT"}, {"بين", "جيدًا"}),  # near miss of the glossary's تشات جي بي تي
    ("ar", "مارك زوكربرج", ZUCKERBERG, {"زوكربيرج"}, {"مارس"}),  # a common misspelling
    ("ar", "Yang Lichun", {"p-c46210", "p-3041ae", "p-1d7d43", "p-9cfcb2"}, {"Yang", "Lichun"}, set()),
    ("ar", "عام الكفاءة", {"p-9cfcb2", "p-e2c5e8"}, {"عام", "الكفاءة"}, set()),
    ("ar", "والاستثمارات", {"p-5fff18", "p-8b409a", "p-3041ae", "p-66cf63"}, {"الاستثمار"}, set()),
    ("en", "year of efficiency", {"p-9cfcb2", "p-e2c5e8"}, {"year", "efficiency"}, {"of", "Of"}),
    ("en", "invested", {"p-8b409a", "p-3041ae", "p-66cf63", "p-5fff18"}, set(), {"in"}),  # a stem finds its forms
    ("en", "ليكون", {"p-cc2d84", "timeline"}, {"Yann", "LeCun"}, set()),  # an Arabic name finds its English forms
    ("en", "Zuckerbreg", ZUCKERBERG, {"Zuckerberg"}, {"market"}),
    ("en", "metaverse", {"p-aaa6f5", "p-15a840"}, {"metaverse"}, set()),
]


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module", params=[(1280, 900), (390, 844)], ids=["desktop", "phone"])
def driver(request):
    with chromium(*request.param) as browser:
        browser.phone = request.param[0] < 600
        yield browser


def _fetched(driver) -> list[str]:
    return driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def _open(driver) -> None:
    """Open the search as a reader does: the magnifier in the header on a phone, the box on a desktop."""
    if driver.phone:
        tap(driver, driver.find_element(By.CSS_SELECTOR, "label.md-header__button[for='__search']"))
    else:
        driver.find_element(By.CSS_SELECTOR, ".md-search__input").click()
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.getElementById('__search').checked"))


def _results(driver, query: str) -> list[dict]:
    box = driver.find_element(By.CSS_SELECTOR, ".md-search__input")
    box.clear()
    box.send_keys(query)

    def found(d):
        items = d.execute_script(
            "return Array.from(document.querySelectorAll('.md-search-result__link')).map(a => ({href: a.href,"
            " kind: a.querySelector('article').dataset.exKind, marks: Array.from(a.querySelectorAll('mark'))"
            ".map(m => m.textContent)}))")
        return items or None
    return WebDriverWait(driver, 10).until(found)


def test_no_search_data_before_the_box_is_opened(driver, site_url):
    driver.get(f"{site_url}{PAGE['ar']}")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert not [url for url in _fetched(driver) if "/pagefind/" in url]
    _open(driver)
    WebDriverWait(driver, 10).until(lambda d: any(u.endswith("explainer-search.json") for u in _fetched(d)))
    assert any("/pagefind/pagefind" in url for url in _fetched(driver))
    assert not [url for url in _fetched(driver) if "/en/pagefind/" in url]  # the page's language only


@pytest.mark.parametrize("lang, query, first, marked, never", QUERIES, ids=[q[1] for q in QUERIES])
def test_first_article_result(driver, site_url, lang, query, first, marked, never):
    driver.get(f"{site_url}{PAGE[lang]}")
    _open(driver)
    results = _results(driver, query)
    articles = [r for r in results if r["kind"] == "article"]
    assert articles and articles[0]["href"].split("#")[1] in first, [r["href"][-40:] for r in results]
    assert marked <= set(articles[0]["marks"]) and articles[0]["marks"]
    assert all(r["marks"] for r in results)  # every result shows what matched
    assert not never & {mark for r in results for mark in r["marks"]}
    assert all(r["href"].startswith(f"{site_url}en/") == (lang == "en") for r in results)  # the page's language


def test_counted_in_paragraphs_in_grammatical_arabic(driver, site_url):
    driver.get(f"{site_url}{PAGE['ar']}")
    _open(driver)
    counts = {}
    for query in ("ChatGPT", "عام الكفاءة", "ميتافيرس"):
        results = _results(driver, query)
        counts[query] = (len(results), driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text)
    for number, label in counts.values():
        if number == 2:
            assert label == "فقرتان مطابقتان"
        elif 3 <= number <= 10:
            assert label == f"{number} فقرات مطابقة"
        else:
            assert label == f"{number} فقرة مطابقة"
    assert "مستند" not in " ".join(label for _, label in counts.values())


def test_a_long_result_list_comes_twenty_paragraphs_at_a_time(driver, site_url):
    driver.get(f"{site_url}{PAGE['en']}")
    _open(driver)
    first = _results(driver, "Meta")
    label = driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
    found = int(label.split()[0])
    assert found > 20 and len(first) == 20, label
    button = driver.find_element(By.CSS_SELECTOR, ".md-search-result__more")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)  # scrolled down to it
    tap(driver, button) if driver.phone else button.click()
    WebDriverWait(driver, 5).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, ".md-search-result__link")) == min(found, 40))
    shown = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__link")
    assert [a.get_attribute("href") for a in shown[:20]] == [r["href"] for r in first]  # the first twenty kept


def test_stop_words_alone_find_nothing(driver, site_url):
    driver.get(f"{site_url}{PAGE['en']}")
    _open(driver)
    box = driver.find_element(By.CSS_SELECTOR, ".md-search__input")
    box.send_keys("of the")
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
                                   == "No matching paragraph")
    assert not driver.find_elements(By.CSS_SELECTOR, ".md-search-result__link")


def test_keyboard_from_the_shortcut_to_the_marked_paragraph(driver, site_url):
    if driver.phone:
        pytest.skip("a phone has no keyboard shortcuts")
    driver.get(f"{site_url}{PAGE['ar']}")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert "md-search__input" in driver.switch_to.active_element.get_attribute("class").split()
    driver.switch_to.active_element.send_keys("ChatGPT")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__link"))
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    first = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__link")[0]
    assert driver.switch_to.active_element == first
    anchor = first.get_attribute("href").split("#")[1]
    assert anchor in CHATGPT
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert "md-search__input" in driver.switch_to.active_element.get_attribute("class").split()
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith(f"#{anchor}"))
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#{anchor} mark"))
    assert {m.text for m in driver.find_elements(By.CSS_SELECTOR, f"#{anchor} mark")} == {"ChatGPT"}
    top = driver.execute_script("return document.getElementById(arguments[0]).getBoundingClientRect().top", anchor)
    assert 0 <= top < 900  # the paragraph is on screen
    driver.find_element(By.TAG_NAME, "body").send_keys("s")
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not driver.execute_script("return document.getElementById('__search').checked")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_open_search_passes_axe(driver, site_url, lang):
    driver.get(f"{site_url}{PAGE[lang]}")
    _open(driver)
    _results(driver, "ميتا" if lang == "ar" else "Meta")
    assert axe_violations(driver) == []
