"""What a reader sees of the reading aids, measured on screen in Debian chromium, both languages,
desktop (1280 px) and phone (390 px, touch): glossary definition boxes, the order of a number next
to a Latin name, the paragraph kept across language switches."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import axe_violations, chromium, serve, tap
from conftest import SLUG

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
PAGES = {"ar": f"articles/{SLUG}/", "en": f"en/articles/{SLUG}/"}


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module", params=sorted(WIDTHS))
def screen(request):
    with chromium(*WIDTHS[request.param]) as browser:
        yield request.param, browser


def _box(driver) -> dict:
    return driver.execute_script(
        "var b = document.getElementById('ex-tip'); var r = b.getBoundingClientRect();"
        "var s = getComputedStyle(b.querySelector('p'));"
        "return {hidden: b.hidden, left: r.left, right: r.right, top: r.top, bottom: r.bottom,"
        " width: document.documentElement.clientWidth, height: window.innerHeight, text: b.textContent,"
        " size: parseFloat(s.fontSize), weight: s.fontWeight, dir: b.dir, lang: b.lang}")


def _terms(driver, count: int = 8):
    terms = driver.find_elements(By.CSS_SELECTOR, ".md-content a.ex-term")
    assert len(terms) >= count
    step = max(1, len(terms) // count)
    return terms[::step][:count]


def _centre(driver, element) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_definition_box_is_on_screen_next_to_its_term(screen, site_url, lang):
    name, driver = screen
    driver.get(site_url + PAGES[lang])
    for term in _terms(driver):
        _centre(driver, term)
        driver.execute_script("arguments[0].focus()", term)  # the keyboard reader's way
        box = _box(driver)
        assert not box["hidden"]
        assert 0 <= box["left"] and box["right"] <= box["width"], (name, lang, box)
        assert 0 <= box["top"] and box["bottom"] <= box["height"], (name, lang, box)
        rect = driver.execute_script("var r = arguments[0].getClientRects()[0]; return [r.top, r.bottom]", term)
        below, above = box["top"] - rect[1], rect[0] - box["bottom"]
        assert 0 <= below <= 12 or 0 <= above <= 12, (name, lang, box, rect)  # right next to its term
        assert box["size"] >= 14 and int(box["weight"]) < 600 and box["dir"] == ("rtl" if lang == "ar" else "ltr")
        assert box["text"].startswith(term.get_attribute("data-definition"))
        driver.execute_script("arguments[0].blur()", term)


def test_a_box_stays_while_hovered_and_closes_with_escape(site_url):
    with chromium(1280, 900) as driver:
        driver.get(site_url + PAGES["ar"])
        term = _terms(driver, 1)[0]
        _centre(driver, term)
        ActionChains(driver).move_to_element(term).perform()
        WebDriverWait(driver, 3).until(lambda d: not _box(d)["hidden"])
        box = driver.find_element(By.ID, "ex-tip")
        ActionChains(driver).move_to_element(box).pause(0.6).perform()  # from the term onto the box
        assert not _box(driver)["hidden"]
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        assert _box(driver)["hidden"]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_tap_shows_the_definition_in_place(site_url, lang):
    with chromium(*WIDTHS["phone"]) as driver:
        driver.get(site_url + PAGES[lang])
        term = _terms(driver, 3)[2]
        _centre(driver, term)
        page = driver.current_url
        tap(driver, term)
        WebDriverWait(driver, 3).until(lambda d: not _box(d)["hidden"])
        box = _box(driver)
        assert driver.current_url == page and not box["hidden"]
        assert 0 <= box["left"] and box["right"] <= box["width"]
        more = driver.find_element(By.CSS_SELECTOR, "#ex-tip .ex-tip__more")
        assert more.is_displayed() and more.get_attribute("href") == term.get_attribute("href")


def test_a_number_stays_on_its_side_of_a_latin_name(site_url):
    """'خسر قسم Metaverse 4 مليارات': read right to left, 4 comes after Metaverse, so it is to
    its left on screen."""
    with chromium(1280, 900) as driver:
        driver.get(site_url + PAGES["ar"])
        found = driver.execute_script("""
            var p = Array.from(document.querySelectorAll('.md-content p')).find(
                p => /Metaverse\\s+4/.test(p.textContent));
            if (!p) return null;
            var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT), node, name = null, four = null;
            while ((node = walker.nextNode())) {
                var i = node.data.indexOf('Metaverse');
                if (i >= 0) { name = document.createRange(); name.setStart(node, i); name.setEnd(node, i + 9); }
                var j = node.data.search(/^\\s*4 |\\s4 /);
                if (name && j >= 0 && four === null) {
                    var k = node.data.indexOf('4', j); four = document.createRange();
                    four.setStart(node, k); four.setEnd(node, k + 1);
                }
            }
            return [name.getBoundingClientRect().left, four.getBoundingClientRect().right];
        """)
        assert found is not None
        name_left, four_right = found
        assert four_right <= name_left


def _switch(driver, lang: str) -> None:
    driver.execute_script("document.querySelector(\".md-select a[hreflang='%s']\").click()" % lang)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete"
                                    and d.execute_script("return document.documentElement.lang") == lang)


def _on_screen(driver) -> str:
    return driver.execute_script("""
        var places = document.querySelectorAll(".md-content p[id^='p-']");
        for (var i = 0; i < places.length; i++) {
            var r = places[i].getBoundingClientRect();
            if (r.bottom > 60) return places[i].id;
        }""")


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_two_switches_with_scrolling_between_land_on_the_paragraph_on_screen(screen, site_url, lang):
    _, driver = screen
    other = "en" if lang == "ar" else "ar"
    driver.get(site_url + PAGES[lang])
    driver.execute_script("document.getElementById('p-cc2d84').scrollIntoView({block: 'start'})")
    _switch(driver, other)
    assert driver.current_url.endswith("#p-cc2d84")
    driver.execute_script("document.getElementById('p-87ce31').scrollIntoView({block: 'start'})")
    _switch(driver, lang)
    assert driver.current_url.endswith("#p-87ce31")
    assert _on_screen(driver) == "p-87ce31"


def test_the_glossary_keeps_the_entry_on_screen(site_url):
    with chromium(1280, 900) as driver:
        driver.get(site_url + "glossary/")
        driver.execute_script("document.getElementById('chatgpt').scrollIntoView({block: 'start'})")
        _switch(driver, "en")
        assert driver.current_url.endswith("#chatgpt")


# --- notes, numbers, chrome -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", sorted(PAGES))
def test_notes_are_closed_until_the_reader_opens_one(screen, site_url, lang):
    _, driver = screen
    driver.get(site_url + PAGES[lang])
    notes = driver.find_elements(By.CSS_SELECTOR, ".md-content details.ex-note")
    assert len(notes) >= 15
    assert not [n for n in notes if n.get_attribute("open")]
    body = notes[3].find_element(By.CSS_SELECTOR, "p")
    assert not body.is_displayed()
    summary = notes[3].find_element(By.CSS_SELECTOR, "summary")
    _centre(driver, summary)
    summary.click()
    assert body.is_displayed() and body.value_of_css_property("font-size") == "15px"
    assert body.get_attribute("lang") in ("", None) and notes[3].find_element(By.XPATH, "ancestor::*[@lang][1]") \
        .get_attribute("lang") == lang


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_paragraphs_are_numbered_as_the_key_figures_cite_them(screen, site_url, lang):
    _, driver = screen
    driver.get(site_url + PAGES[lang])
    cited = driver.find_element(By.CSS_SELECTOR, ".md-content table a[href='#p-00f7a2']")
    number = cited.text.split()[-1]
    shown = driver.execute_script("return getComputedStyle(document.getElementById('p-00f7a2'), '::after').content")
    assert shown == f'"{number}"' or shown == "counter(ex-paragraph)" and number == "14"
    rect = driver.execute_script(
        "var p = document.getElementById('p-00f7a2'); p.scrollIntoView({block: 'center'});"
        "var r = p.getBoundingClientRect(); return [r.left, r.right, document.documentElement.clientWidth]")
    assert 0 <= rect[0] and rect[1] <= rect[2]


def test_the_interface_speaks_the_readers_language(site_url):
    with chromium(1280, 900) as driver:
        driver.get(site_url + PAGES["ar"])
        html = driver.page_source
        for wrong in ("Permanent link", "إختر اللغة", "إبحث", "Made with"):
            assert wrong not in html, wrong
        button = driver.find_element(By.CSS_SELECTOR, ".md-header .md-select .md-header__button")
        assert button.get_attribute("aria-label") == "اختر اللغة"
        assert "صُنع الموقع باستخدام" in driver.find_element(By.CSS_SELECTOR, ".md-copyright").text
        requested = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert not [name for name in requested if "sitemap" in name]
        for path, title in (("404.html", "404 - الصفحة غير موجودة"), ("en/404.html", "404 - Page not found")):
            driver.get(site_url + path)
            assert driver.title.startswith(title)


def test_the_status_table_fits_a_phone(site_url):
    with chromium(*WIDTHS["phone"]) as driver:
        for path in ("status/", "en/status/"):
            driver.get(site_url + path)
            overflow = driver.execute_script(
                "return Array.from(document.querySelectorAll('.md-typeset__scrollwrap, table'))"
                ".map(e => e.scrollWidth - e.clientWidth)")
            assert overflow and max(overflow) <= 1, (path, overflow)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_axe_finds_nothing_with_the_notes_open_and_a_definition_shown(screen, site_url, lang):
    _, driver = screen
    driver.get(site_url + PAGES[lang])
    driver.execute_script("document.querySelectorAll('details.ex-note').forEach(d => d.open = true)")
    term = _terms(driver, 1)[0]
    _centre(driver, term)
    driver.execute_script("arguments[0].focus()", term)
    assert not _box(driver)["hidden"]
    assert axe_violations(driver) == []
