"""Pages reused from the previous build: the key of a page and what it is made from, the record of
keys, stale files, the site brought in line with the outputs, and (a property) after any sequence of
edits an incremental build gives the very site a build from nothing gives."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from explainer.benchmark.corpus import write_corpus
from explainer.errors import ContentError, Problem
from explainer.mkdocs_plugin import build as sitebuild
from explainer.fsio import remove_stale
from explainer.mkdocs_plugin import page_keys, reuse

from conftest import REPO, copy_project, explainer


def _item(title, url=None, children=None, parent=None):
    return SimpleNamespace(title=title, url=url, children=children, parent=parent)


def test_nav_view_shows_the_open_section_in_full_and_the_others_by_their_first_page():
    a1, a2, b1 = _item("A1", "a/1/"), _item("A2", "a/2/"), _item("B1", "b/1/")
    a, b = _item("A", children=[a1, a2]), _item("B", children=[b1])
    a1.parent = a2.parent = a
    b1.parent = b
    home = _item("Home", "")
    view = page_keys.nav_view([home, a, b], a2, {id(a)})
    assert view == [["Home", "", False], ["A", None, False, [["A1", "a/1/", False], ["A2", "a/2/", True]]],
                    ["B", None, False, "b/1/"]]
    b1.title = "B1 renamed"  # not shown on a page of section A
    assert page_keys.nav_view([home, a, b], a2, {id(a)}) == view
    a1.title = "A1 renamed"
    assert page_keys.nav_view([home, a, b], a2, {id(a)}) != view


def test_ledger_reuses_only_the_same_key_with_its_output_there(tmp_path):
    ledger = reuse.Ledger(tmp_path / "keys.json", "env-1")
    (tmp_path / "page.html").write_text("x")
    ledger.keep("ar/a.md", "k1", ["a/", "ar", "A", "article", []])
    ledger.save()
    again = reuse.Ledger(tmp_path / "keys.json", "env-1")
    assert again.reusable("ar/a.md", "k1", tmp_path / "page.html")
    assert not again.reusable("ar/a.md", "k2", tmp_path / "page.html")
    assert not again.reusable("ar/a.md", "k1", tmp_path / "gone.html")
    assert again.search_of("ar/a.md") == ["a/", "ar", "A", "article", []]
    assert not reuse.Ledger(tmp_path / "keys.json", "env-2").reusable("ar/a.md", "k1", tmp_path / "page.html")


def test_what_a_build_that_did_not_finish_was_writing_is_written_again(tmp_path):
    ledger = reuse.Ledger(tmp_path / "keys.json", "env-1")
    (tmp_path / "page.html").write_text("x")
    for src in ("ar/a.md", "ar/b.md"):
        ledger.keep(src, "k1", None)
    ledger.next_bundles["ar"] = "d1"
    ledger.save()
    ledger.writing(["ar/a.md"], ["ar"])  # then the build stopped: its keys were not saved
    again = reuse.Ledger(tmp_path / "keys.json", "env-1")
    again.forget_unfinished()
    assert not again.reusable("ar/a.md", "k1", tmp_path / "page.html")
    assert again.reusable("ar/b.md", "k1", tmp_path / "page.html") and again.bundles == {}
    again.keep("ar/a.md", "k1", None)
    again.save()  # a build that finished
    assert not again.unfinished.exists()
    assert reuse.Ledger(tmp_path / "keys.json", "env-1").reusable("ar/a.md", "k1", tmp_path / "page.html")


def test_stale_files_are_removed_but_the_kept_folders(tmp_path):
    for rel in ("a/index.html", "b/index.html", "pagefind/x.pf_index", "assets/s.css"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    written = {str(tmp_path / "a/index.html"), str(tmp_path / "assets/s.css")}
    assert remove_stale(tmp_path, written, (tmp_path / "pagefind",)) == ["b/index.html"]
    assert not (tmp_path / "b").exists() and (tmp_path / "pagefind/x.pf_index").exists()


def test_the_mkdocs_processes_build_once_the_pages_are_made_and_not_when_that_fails(project):
    explainer("generate", cwd=project)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    outputs = project / ".explainer-cache" / "site"

    def fails() -> None:
        raise ContentError([Problem("content/glossary.yml", 3, "expected a mapping, found a list")])

    with pytest.raises(ContentError):
        sitebuild.render(project / "mkdocs.yml", ["ar", "en"], False, 2, env, outputs, until=fails)
    assert not outputs.exists() or not any(outputs.rglob("*.html"))  # nothing built
    made = []
    folders = sitebuild.render(project / "mkdocs.yml", ["ar", "en"], False, 2, env, outputs,
                               until=lambda: made.append(len(list(outputs.rglob("*.html")))))
    assert made == [0]  # called before any page was written
    assert (folders["ar"] / "index.html").is_file() and (folders["en"] / "en" / "index.html").is_file()
    assert sitebuild.wait_for_start()  # a process not started by render(until=...) builds at once


def test_publish_links_changed_files_and_removes_the_others(tmp_path):
    out = {"ar": tmp_path / "out-ar", "en": tmp_path / "out-en"}
    for rel, folder in (("index.html", "ar"), ("assets/a.css", "ar"), ("en/index.html", "en"),
                        ("index.html", "en")):
        (out[folder] / rel).parent.mkdir(parents=True, exist_ok=True)
        (out[folder] / rel).write_text(f"{folder}:{rel}")
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("stale")
    sitebuild.publish(out, "ar", site, 0)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == \
        ["assets/a.css", "en/index.html", "index.html"]
    assert (site / "en/index.html").read_text() == "en:en/index.html"  # the English process's
    assert (site / "index.html").stat().st_ino == (out["ar"] / "index.html").stat().st_ino
    before = (site / "index.html").stat().st_ino
    sitebuild.publish(out, "ar", site, 0)
    assert (site / "index.html").stat().st_ino == before  # unchanged: left alone


# --- the property: incremental == from nothing ------------------------------------------------------

def _sources(project: Path, target: Path) -> Path:
    """A copy of the project's sources only (no generated page, no cache, no site)."""
    copy_project(target, with_content=False)
    shutil.rmtree(target / "content")
    shutil.copytree(project / "content", target / "content")
    shutil.copy2(project / "mkdocs.yml", target / "mkdocs.yml")
    return target


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _articles(project: Path) -> list[Path]:
    return sorted(p for p in (project / "content" / "articles").iterdir() if p.is_dir())


def edit_paragraph(project: Path, rng: random.Random) -> None:
    ar = rng.choice(_articles(project)) / "ar.md"
    lines = ar.read_text(encoding="utf-8").split("\n")
    body = [i for i, line in enumerate(lines) if line and not line.startswith(("{:", "#", "---")) and ":" not in line[:30]]
    index = rng.choice(body)
    lines[index] += " إضافة"
    ar.write_text("\n".join(lines), encoding="utf-8")


def edit_translation(project: Path, rng: random.Random) -> None:
    po = rng.choice(_articles(project)) / "en.po"
    text = po.read_text(encoding="utf-8")
    starts = [m.end() for m in re.finditer(r'\nmsgstr "', text)][1:]
    at = rng.choice(starts)
    po.write_text(text[:at] + "Edited: " + text[at:], encoding="utf-8")


def edit_title(project: Path, rng: random.Random) -> None:
    ar = rng.choice(_articles(project)) / "ar.md"
    text = ar.read_text(encoding="utf-8")
    ar.write_text(re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} معدل", text, count=1, flags=re.M),
                  encoding="utf-8")


def edit_glossary(project: Path, rng: random.Random) -> None:
    glossary = project / "content" / "glossary.yml"
    lines = glossary.read_text(encoding="utf-8").split("\n")
    index = rng.choice([i for i, line in enumerate(lines) if line.startswith("    definition_en: ")])
    lines[index] += " (revised)"
    glossary.write_text("\n".join(lines), encoding="utf-8")


def add_article(project: Path, rng: random.Random) -> None:
    source = rng.choice(_articles(project))
    target = source.parent / f"added-{len(_articles(project)) + 1}"
    if not target.exists():
        shutil.copytree(source, target)
        ar = target / "ar.md"
        ar.write_text(re.sub(r"^title: (.*)$", r"title: \1 جديد", ar.read_text(encoding="utf-8"), count=1,
                             flags=re.M), encoding="utf-8")


def delete_article(project: Path, rng: random.Random) -> None:
    articles = _articles(project)
    if len(articles) > 1:
        shutil.rmtree(rng.choice(articles))


def edit_configuration(project: Path, rng: random.Random) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    per_section = 2 if "articles_per_section: 10" in text else 10
    config.write_text(re.sub(r"articles_per_section: \d+", f"articles_per_section: {per_section}", text),
                      encoding="utf-8")


def lose_kept_search_files(project: Path, rng: random.Random) -> None:
    """What a writer may remove from the cache by hand: a kept search record, or Pagefind's kept
    output; then a translation edited (the search bundle made again)."""
    cache = project / ".explainer-cache" / "site"
    records = sorted(cache.glob("*-records/*.json"))
    if records and rng.random() < 0.5:
        rng.choice(records).unlink()
    else:
        for folder in cache.glob("*-pagefind-*"):
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()
    edit_translation(project, rng)


EDITS = [edit_paragraph, edit_translation, edit_title, edit_glossary, add_article, delete_article,
         edit_configuration, lose_kept_search_files]


@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.generate])  # each example takes a minute: no shrinking
@given(edits=st.lists(st.sampled_from(EDITS), min_size=4, max_size=5), seed=st.integers(0, 1000))
def test_incremental_build_is_the_build_from_nothing(tmp_path_factory, edits, seed):
    rng = random.Random(seed)
    root = tmp_path_factory.mktemp("incremental")
    project = copy_project(root / "project", with_content=False)
    write_corpus(REPO, root / "corpus", 3)
    shutil.rmtree(project / "content")
    shutil.copytree(root / "corpus" / "content", project / "content")
    explainer("build", "-q", cwd=project, env={"SOURCE_DATE_EPOCH": "1700000000"})
    for step, edit in enumerate(edits):
        edit(project, rng)
        explainer("build", "-q", cwd=project, env={"SOURCE_DATE_EPOCH": "1700000000"})
        counts = [json.loads(p.read_text())["counts"] for p in (project / ".explainer-cache" / "site").glob("*.json")]
        reused = sum(c["reused"] for c in counts)
        # a change of the configuration renders every page; a paragraph's or a translation's leaves
        # the other articles' pages as they were
        if edit is edit_configuration:
            assert reused == 0, counts
        elif edit in (edit_paragraph, edit_translation, lose_kept_search_files):
            assert reused > 0, (edit.__name__, counts)
        fresh = _sources(project, root / f"fresh-{step}")
        explainer("build", "-q", cwd=fresh, env={"SOURCE_DATE_EPOCH": "1700000000"})
        incremental, from_nothing = _files(project / "site"), _files(fresh / "site")
        assert sorted(incremental) == sorted(from_nothing), (edit.__name__, set(incremental) ^ set(from_nothing))
        differing = [name for name in incremental if incremental[name] != from_nothing[name]]
        assert differing == [], (step, edit.__name__, differing[:5])
        shutil.rmtree(fresh)
