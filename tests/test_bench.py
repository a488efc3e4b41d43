"""The benchmark's corpus generator and its figures (timings themselves are not asserted)."""

from __future__ import annotations

import json
from pathlib import Path

from explainer import article, catalog
from explainer.benchmark import builds, lighthouse

from conftest import REPO, explainer


def test_corpus_is_a_complete_project(tmp_path):
    target = tmp_path / "corpus"
    explainer("bench", "corpus", str(target), "--articles", "3", cwd=REPO)
    folders = sorted((target / "content" / "articles").iterdir())
    assert [f.name for f in folders] == ["article-0001", "article-0002", "article-0003"]
    titles = set()
    for folder in folders:
        parsed = article.parse((folder / "ar.md").read_text(encoding="utf-8"), "ar.md", folder.name)
        stats = catalog.stats(catalog.read((folder / "en.po").read_bytes(), "en.po"))
        assert stats.untranslated == 0 and stats.fuzzy == 0 and stats.total == 34
        titles.add(parsed.meta["title"])
        assert (folder / "figures.yml").exists()
    assert len(titles) == 3
    assert (target / "content" / "glossary.yml").exists() and (target / "mkdocs.yml").exists()
    explainer("build", "--strict", cwd=target)
    nav = (target / "site" / "articles" / "article-0001" / "index.html").read_text(encoding="utf-8")
    assert "/parallel/" not in nav.split('<div class="md-content"')[0]  # side-by-side pages are not listed


def test_corpus_refuses_the_repository_and_non_empty_folders(tmp_path):
    inside = explainer("bench", "corpus", str(REPO / "content" / "x"), "--articles", "1", cwd=REPO, check=False)
    assert inside.returncode == 2 and "expected a folder outside the project" in inside.stderr
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "file").write_text("x")
    full = explainer("bench", "corpus", str(tmp_path / "full"), "--articles", "1", cwd=REPO, check=False)
    assert full.returncode == 2 and "expected an empty or new folder" in full.stderr


def test_navigation_groups_many_articles_in_sections(tmp_path):
    target = tmp_path / "corpus"
    explainer("bench", "corpus", str(target), "--articles", "23", cwd=REPO)
    explainer("build", cwd=target)
    html = (target / "site" / "articles" / "article-0015" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('md-nav--primary'):html.index('md-sidebar--secondary')]
    for label in ("1–10", "11–20", "21–23"):
        assert f"{label}" in nav
    # pruned: the open section lists its articles, the closed ones do not
    assert "article-0014/" in nav and "article-0003/" not in nav


def test_edit_entry_changes_one_translation(tmp_path):
    po = tmp_path / "en.po"
    po.write_text('msgctxt "title"\nmsgid "ع"\nmsgstr "T"\n\nmsgctxt "p-1"\nmsgid "ف"\nmsgstr "One."\n\n'
                  'msgctxt "p-2"\nmsgid "ق"\nmsgstr "Two."\n', encoding="utf-8")
    builds.edit_entry(po, "(edit 1)")
    builds.edit_entry(po, "(edit 2)")
    assert po.read_text(encoding="utf-8") == ('msgctxt "title"\nmsgid "ع"\nmsgstr "T"\n\nmsgctxt "p-1"\nmsgid "ف"\n'
                                              'msgstr "(edit 2) One."\n\nmsgctxt "p-2"\nmsgid "ق"\nmsgstr "Two."\n')


def test_results_file_shape(tmp_path):
    out = tmp_path / "results.json"
    result = explainer("bench", "run", "--articles", "2", "--runs", "1", "--output", str(out), cwd=REPO)
    data = json.loads(out.read_text(encoding="utf-8"))
    run = data["runs"][0]
    assert set(run) >= {"articles", "pages", "whole_s", "baseline_s", "ratio", "stages", "peak_rss_mb",
                        "max_page_kb", "search_index_kb", "rebuild_s", "generation_share",
                        "rebuild_generation_share"}
    assert run["articles"] == 2 and run["pages"] > 10
    assert set(run["stages"]) == {"import", "catalog", "generation", "glossary", "mkdocs", "generation_edit"}
    assert set(run["search_index_kb"]) == {"ar", "en"}
    assert result.stdout.splitlines()[0].split()[:2] == ["articles", "pages"]
    assert data["serve_update_s"] > 0  # the writer loop was measured (its target is a benchmark figure)
    leftovers = [p for p in Path("/proc").iterdir() if p.name.isdigit() and b"explainer-bench-serve-" in
                 _cmdline(p)]
    assert leftovers == []  # the preview server was stopped with the benchmark


def _cmdline(process: Path) -> bytes:
    try:
        return (process / "cmdline").read_bytes()
    except OSError:
        return b""


def test_static_server_compresses_text_as_hosts_do(tmp_path):
    import gzip
    import threading
    import urllib.request

    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>مرحبا</p>" * 100, encoding="utf-8")
    (tmp_path / "font.woff2").write_bytes(b"\x00\x01binary")
    server = lighthouse.static_server(tmp_path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        request = urllib.request.Request(f"{base}/page/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Content-Type"] == "text/html"
            body = response.read()
        assert gzip.decompress(body).decode("utf-8") == "<p>مرحبا</p>" * 100 and len(body) < 300
        with urllib.request.urlopen(f"{base}/page/") as response:  # no gzip asked for: none given
            assert response.headers["Content-Encoding"] is None
        request = urllib.request.Request(f"{base}/font.woff2", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] is None and response.read() == b"\x00\x01binary"
    finally:
        server.shutdown()


def test_lighthouse_summary():
    audits = {"first-contentful-paint": 1361.4, "largest-contentful-paint": 2031.0, "total-blocking-time": 152.6,
              "cumulative-layout-shift": 0.05812, "total-byte-weight": 229580}
    report = {"categories": {"performance": {"score": 0.97}, "accessibility": {"score": 1}},
              "audits": {name: {"numericValue": value} for name, value in audits.items()}}
    assert lighthouse.lighthouse_summary(report) == {
        "performance": 97, "accessibility": 100, "first_contentful_paint_s": 1.36,
        "largest_contentful_paint_s": 2.03, "total_blocking_time_ms": 153, "cumulative_layout_shift": 0.058,
        "transfer_kb": 224.2}


def test_runs_per_size_must_match_the_sizes(tmp_path):
    result = explainer("bench", "run", "--articles", "2,3", "--runs", "1,2,3", "--output", str(tmp_path / "r.json"),
                       cwd=REPO, check=False)
    assert result.returncode == 2
    assert "ERROR: --runs: expected one positive number, or one per size (2), found '1,2,3'" in result.stderr
