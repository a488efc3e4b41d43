"""The explainer command as writers use it: add, generate, build, stats; exit codes and messages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SEED, SEED_NAME, SLUG, explainer


def _seed_copy(tmp_path: Path, text: str | None = None) -> Path:
    seed = tmp_path / SEED_NAME
    if text is None:
        shutil.copy2(SEED, seed)
    else:
        seed.write_text(text, encoding="utf-8")
    return seed


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_add_reports_what_it_did(empty_project, tmp_path):
    result = explainer("add", str(_seed_copy(tmp_path)), "--slug", SLUG, cwd=empty_project)
    log = result.stderr
    for line in ("INFO: encoding found: utf-8",
                 "INFO: duplicate block dropped: lines 36-64 repeat earlier ones",
                 "INFO: moved to metadata: line 1 -> image_credit",
                 "INFO: moved to metadata: line 31 -> source_notice",
                 "INFO: moved to metadata: line 32 -> disclaimer",
                 "INFO: moved to metadata: line 33 -> title",
                 "INFO: moved to metadata: line 34 -> author",
                 "INFO: moved to metadata: line 35 -> editor",
                 "INFO: found 2 heading(s) and 27 paragraph(s)",
                 "INFO: en.po: 34 new, 0 fuzzy, 0 restored, 0 made obsolete",
                 f"INFO: wrote content/articles/{SLUG}/ar.md"):
        assert line in log.splitlines()
    folder = empty_project / "content" / "articles" / SLUG
    assert (folder / "source.txt").read_bytes() == SEED.read_bytes()
    before = _files(folder)
    again = explainer("add", str(_seed_copy(tmp_path)), "--slug", SLUG, cwd=empty_project)
    assert f"INFO: content/articles/{SLUG}: already imported from this seed; nothing to do" in again.stderr
    assert _files(folder) == before


def test_add_usage_errors(empty_project, tmp_path):
    bad_slug = explainer("add", str(_seed_copy(tmp_path)), "--slug", "Bad Slug", cwd=empty_project, check=False)
    assert bad_slug.returncode == 2
    assert ("ERROR: --slug: expected lowercase letters, digits and single hyphens (e.g. 'meta-ai-exodus'), "
            "found 'Bad Slug'") in bad_slug.stderr
    missing = explainer("add", str(tmp_path / "nope.txt"), "--slug", "x", cwd=empty_project, check=False)
    assert missing.returncode == 2
    assert f"ERROR: {tmp_path / 'nope.txt'}: cannot read the seed: No such file or directory" in missing.stderr
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    refused = explainer("add", str(empty), "--slug", "x", cwd=empty_project, check=False)
    assert refused.returncode == 2
    assert f"ERROR: {empty}: the seed is empty: expected an Arabic article" in refused.stderr
    assert not (empty_project / "content" / "articles" / "x").exists()


def test_changed_seed_keeps_translations_as_fuzzy(project, tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("ثلث باحثيها", "نصف باحثيها")
    result = explainer("add", str(_seed_copy(tmp_path, text)), "--slug", SLUG, cwd=project)
    assert "INFO: en.po: 0 new, 1 fuzzy, 0 restored, 0 made obsolete" in result.stderr
    stats = explainer("stats", cwd=project).stdout.splitlines()
    assert stats == ["article         lang  total  translated  fuzzy  untranslated",
                     "meta-ai-exodus  ar    34     34          0      0",
                     "meta-ai-exodus  en    34     33          1      0"]
    po = (project / "content" / "articles" / SLUG / "en.po").read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgctxt "p-3d9b85"\n#| msgid ""\n#| "وفقًا للتقارير' in po
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", "-"], input=po.encode(),
                           capture_output=True, check=False)
    assert check.returncode == 0, check.stderr.decode()
    strict = explainer("build", "--strict", cwd=project, check=False)
    assert strict.returncode == 1
    assert f"ERROR: content/articles/{SLUG}/en.po:" in strict.stderr
    assert "fuzzy entry 'p-3d9b85'" in strict.stderr


def test_edited_ar_md_is_not_overwritten(project, tmp_path):
    ar = project / "content" / "articles" / SLUG / "ar.md"
    edited = ar.read_text(encoding="utf-8").replace("ثلث باحثيها", "ثلث الباحثين فيها")
    ar.write_text(edited, encoding="utf-8")
    text = SEED.read_text(encoding="utf-8").replace("عقود", "عقود طويلة")
    refused = explainer("add", str(_seed_copy(tmp_path, text)), "--slug", SLUG, cwd=project, check=False)
    assert refused.returncode == 2
    assert (f"ERROR: content/articles/{SLUG}/ar.md: was edited since it was imported; re-importing would "
            "overwrite the edits (keep them, or pass --force to replace them)") in refused.stderr
    assert ar.read_text(encoding="utf-8") == edited
    forced = explainer("add", str(_seed_copy(tmp_path, text)), "--slug", SLUG, "--force", cwd=project)
    assert "INFO: en.po: 0 new, 1 fuzzy, 0 restored, 0 made obsolete" in forced.stderr


def test_generate_is_idempotent(project):
    explainer("generate", cwd=project)
    docs = project / "docs"
    first = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(docs.rglob("*")) if p.is_file()}
    second = explainer("generate", cwd=project)
    assert "INFO: generated 1 article(s); 0 file(s) changed" in second.stderr
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(docs.rglob("*")) if p.is_file()} == first


def test_hand_edited_generated_page_is_kept(project):
    explainer("generate", cwd=project)
    page = project / "docs" / "en" / "articles" / f"{SLUG}.md"
    edited = page.read_text(encoding="utf-8").replace("Burnt-Out", "Burned-Out")
    page.write_text(edited, encoding="utf-8")
    result = explainer("generate", cwd=project, check=False)
    assert result.returncode == 2
    assert (f"ERROR: docs/en/articles/{SLUG}.md:1: generated page was edited by hand; make the change in "
            "its sources (named in its header) and delete this file, or it would be overwritten") in result.stderr
    assert page.read_text(encoding="utf-8") == edited


def test_hand_written_page_in_the_way(project):
    page = project / "docs" / "ar" / "articles" / f"{SLUG}.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# صفحة كتبها محرر\n", encoding="utf-8")
    result = explainer("generate", cwd=project, check=False)
    assert result.returncode == 2
    assert (f"ERROR: docs/ar/articles/{SLUG}.md:1: is a hand-written page where a generated page goes; "
            "move it, or it would be overwritten") in result.stderr
    assert page.read_text(encoding="utf-8") == "# صفحة كتبها محرر\n"


def test_stale_generated_page_is_removed(project):
    explainer("generate", cwd=project)
    stale = project / "docs" / "ar" / "articles" / "old.md"
    stale.write_text((project / "docs" / "ar" / "articles" / f"{SLUG}.md").read_text(encoding="utf-8"),
                     encoding="utf-8")
    result = explainer("generate", cwd=project)
    assert "INFO: removed stale page docs/ar/articles/old.md" in result.stderr
    assert not stale.exists()


def test_usage_error_exit_code(project):
    result = explainer("frobnicate", cwd=project, check=False)
    assert result.returncode == 2
    assert "invalid choice: 'frobnicate'" in result.stderr


def test_editing_one_entry_rewrites_only_what_changed(project):
    explainer("generate", cwd=project)
    docs = project / "docs"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(docs.rglob("*.md"))}
    po = project / "content" / "articles" / SLUG / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        "Unfortunately, Meta did not know which road to take.",
        "Sadly, Meta did not know which road to take."), encoding="utf-8")
    explainer("generate", cwd=project)
    changed = sorted(p.relative_to(docs).as_posix() for p, (data, mtime) in before.items()
                     if p.read_bytes() != data or p.stat().st_mtime_ns != mtime)
    # the English page, and both side-by-side pages (they hold the English text); nothing else
    assert changed == [f"ar/parallel/{SLUG}.md", f"en/articles/{SLUG}.md", f"en/parallel/{SLUG}.md"]


def _fails():
    from explainer.errors import ContentError, Problem

    raise ContentError([Problem("content/a.yml", 3, "expected text, found a list")])


def test_generation_in_a_child_process_brings_back_results_and_errors():
    import os

    from explainer import cli
    from explainer.errors import ContentError, Problem

    assert cli._in_child(os.getpid) != os.getpid()  # it ran elsewhere, and its result came back
    with pytest.raises(ContentError) as info:
        cli._in_child(_fails)
    assert info.value.exit_code == 1
    assert info.value.problems == [Problem("content/a.yml", 3, "expected text, found a list")]
