"""What search costs a reader, measured in Debian's headless Chromium on a built site served with gzip:
the bytes a page view fetches (none of them search data), the bytes and time of a first query and of
a further one, and the size of each language's index as it grows with the site."""

from __future__ import annotations

import time
from pathlib import Path

from ..search_index import BUNDLE
from .browser import chromium, serving

# Per page language: a first query, the same query once its bytes are there, a further query.
QUERIES = {"ar": ("الذكاء الاصطناعي", "زوكربيرج"), "en": ("artificial intelligence", "Zuckerberg")}
PAGES = {"ar": "articles/{slug}/", "en": "en/articles/{slug}/"}

# Types a query into the search box as a reader's last keystroke does and waits for its results:
# the milliseconds from that keystroke to the result list.
_QUERY_JS = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.querySelector(".md-search__input");
const list = document.querySelector(".md-search-result__list");
list.innerHTML = "";
input.focus();
const start = performance.now();
input.value = query;
input.dispatchEvent(new Event("input"));
const finish = () => done({ms: performance.now() - start,
                           results: list.querySelectorAll(".md-search-result__link").length});
const observer = new MutationObserver(() => {
  if (list.children.length) { observer.disconnect(); setTimeout(finish, 0); }
});
observer.observe(list, {childList: true});
setTimeout(() => { observer.disconnect(); finish(); }, 20000);
"""
SETTLE_S = 0.5  # for the last requests of a step (fonts, a worker's fetches) to be answered


def _kb(value: float) -> float:
    return round(value / 1024, 1)


class _Reader:
    """A reader in a fresh browser, and the bytes the server sent for each of their steps."""

    def __init__(self, driver, sent: list) -> None:
        self.driver, self.sent, self.seen = driver, sent, 0

    def step(self) -> list[tuple[str, int]]:
        time.sleep(SETTLE_S)
        new, self.seen = self.sent[self.seen:], len(self.sent)
        return new

    def query(self, text: str) -> tuple[dict, list[tuple[str, int]]]:
        answer = self.driver.execute_async_script(_QUERY_JS, text)
        return answer, self.step()


def page_and_queries(site: Path, page: str, queries: tuple[str, str]) -> dict:
    """A page view, then a first query, the same again (its bytes are there), a further one."""
    sent: list[tuple[str, int]] = []
    with serving(site, sent) as base, chromium() as driver:
        driver.set_script_timeout(30)
        reader = _Reader(driver, sent)
        driver.get(base + page)
        viewed = reader.step()
        first, first_sent = reader.query(queries[0])
        again, _ = reader.query(queries[0])
        further, further_sent = reader.query(queries[1])
    return {
        "page_view_kb": _kb(sum(size for _, size in viewed)),
        "search_before_opening_kb": _kb(sum(size for path, size in viewed if f"/{BUNDLE}/" in path)),
        "first_query_kb": _kb(sum(size for _, size in first_sent)), "first_query_ms": round(first["ms"]),
        "first_query_results": first["results"],
        "query_once_fetched_ms": round(again["ms"]),
        "further_query_kb": _kb(sum(size for _, size in further_sent)), "further_query_ms": round(further["ms"]),
    }


def index_size(folder: Path) -> dict:
    """The files of a language's bundle: what every reader's first query loads (engine and page
    list) and what grows with the site (the chunks of the word index, a fragment per page)."""
    def total(pattern: str) -> int:
        return sum(p.stat().st_size for p in folder.glob(pattern))
    index = list(folder.glob("index/*.pf_index"))
    fragments = list(folder.glob("fragment/*.pf_fragment"))
    return {
        "engine_kb": _kb(total("pagefind.js") + total("wasm.*.pagefind") + total("pagefind-entry.json")),
        "front_end_kb": _kb(total("explainer-search.json")),
        "page_list_kb": _kb(total("*.pf_meta")),
        "index_chunks": len(index), "index_kb": _kb(sum(p.stat().st_size for p in index)),
        "largest_chunk_kb": _kb(max((p.stat().st_size for p in index), default=0)),
        "fragments": len(fragments), "fragments_kb": _kb(sum(p.stat().st_size for p in fragments)),
    }


def measure_search(site: Path, slug: str, default: str) -> dict:
    """Per language: the reader's figures and the index's size."""
    out = {}
    for lang, queries in QUERIES.items():
        folder = site / BUNDLE if lang == default else site / lang / BUNDLE
        out[lang] = dict(page_and_queries(site, PAGES[lang].format(slug=slug), queries),
                         queries=list(queries), index=index_size(folder))
    return out
