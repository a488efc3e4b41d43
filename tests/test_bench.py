"""The benchmark's corpus generator and its figures (timings themselves are not asserted)."""

from __future__ import annotations

from pathlib import Path

from explainer import article, catalog
from explainer.benchmark import browser, builds, corpus, lighthouse

from conftest import REPO, SLUG, explainer


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
    # each article's text is its own, drawn from the seed's words; the key figures' quotes stay
    texts = [[b.text for b in article.parse((f / "ar.md").read_text(encoding="utf-8"), "ar.md", f.name).blocks]
             for f in folders]
    seed = article.parse((REPO / "content" / "articles" / "meta-ai-exodus" / "ar.md").read_text(encoding="utf-8"),
                         "ar.md", "meta-ai-exodus")
    assert all(len(t) == len(seed.blocks) for t in texts)
    assert not set(texts[0]) & set(texts[1]) and not set(texts[0]) & {b.text for b in seed.blocks}
    assert all("2.5 تريليون دولار" in dict(zip([b.id for b in seed.blocks], t))["p-8b409a"] for t in texts)
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
    corpus.edit_entry(po, "(edit 1)")
    corpus.edit_entry(po, "(edit 2)")
    assert po.read_text(encoding="utf-8") == ('msgctxt "title"\nmsgid "ع"\nmsgstr "T"\n\nmsgctxt "p-1"\nmsgid "ف"\n'
                                              'msgstr "(edit 2) One."\n\nmsgctxt "p-2"\nmsgid "ق"\nmsgstr "Two."\n')


def test_figures_and_tables_shape(built_site):
    """The figures of one corpus, from samples as a run takes them (the builds themselves are what
    `make bench` measures) and the reader's search measured on the built seed site."""
    corpus = builds.Corpus(built_site.parent)
    for number, stage in enumerate(corpus.samples, start=1):
        corpus.samples[stage] = [float(number), float(number) + 2]
    corpus.peaks = [100.0]
    run = corpus.figures(runs=2)
    assert set(run) == {"articles", "runs", "pages", "whole_s", "baseline_s", "ratio", "whole_unsearched_s",
                        "search_share", "rebuild_s", "rebuilds", "serve_update_s", "serve_site_s", "generation_share",
                        "rebuild_generation_share", "stages", "peak_rss_mb", "max_page_kb", "max_article_page_kb",
                        "search"}
    assert set(run["rebuilds"]) == {"rebuild", *builds.REBUILDS}
    assert run["articles"] == 1 and run["pages"] > 10 and set(run["stages"]) == set(builds.STAGES)
    for lang in ("ar", "en"):
        search = run["search"][lang]
        assert search["search_before_opening_kb"] == 0 and search["first_query_kb"] > 50
        assert search["first_query_results"] > 0 and search["index"]["fragments"] == 4
    results = {"runs": [run]}
    assert builds.table(results).splitlines()[0].split()[:2] == ["articles", "pages"]
    assert [line.split()[1] for line in builds.search_table(results).splitlines()[1:]] == ["ar", "en"]
    assert len(builds.rebuild_table(results).splitlines()) == 1 + 1 + len(builds.REBUILDS)


def test_writer_loop_is_measured_and_the_server_stopped(project):
    from explainer.benchmark.serve import measure_serve

    measured = measure_serve(project, SLUG, saves=2, timeout=120)
    seconds = measured["served"]
    assert len(seconds) == 2 and all(s > 0 for s in seconds) and measured["site"] >= seconds[-1]
    assert "Newly-edited-2 Newly-edited-1 " in (project / "content" / "articles" / SLUG / "en.po").read_text()
    leftovers = [p for p in Path("/proc").iterdir() if p.name.isdigit() and str(project).encode() in _cmdline(p)]
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
    server = browser.static_server(tmp_path)
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
