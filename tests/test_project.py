"""The project as a whole: hostile input end to end, interrupted builds, reproducible output."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from explainer import header

from conftest import REPO, SLUG, copy_project, explainer

HOSTILE = ("<script>alert(1)</script> نص فيه وسم.\n<img src=x onerror=alert(1)> صورة مزعومة.\n"
           "[اضغط هنا](javascript:alert(1)) رابط خبيث.\n# فقرة تبدأ بعلامة العنوان.\n"
           "فقرة\u202e فيها محرف اتجاه.\n")


def test_hostile_seed_renders_as_literal_text(tmp_path):
    root = copy_project(tmp_path / "project", with_content=False)
    shutil.copy2(REPO / "content" / "glossary.yml", root / "content" / "glossary.yml")
    seed = tmp_path / "hostile.txt"
    seed.write_text(HOSTILE, encoding="utf-8")
    added = explainer("add", str(seed), "--slug", "hostile", cwd=root)
    assert "removed 1 Unicode bidi control character(s)" in added.stderr
    explainer("build", cwd=root)
    for rel in ("site/articles/hostile/index.html", "site/en/articles/hostile/index.html"):
        html = (root / rel).read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        article = re.sub(r'<span lang="en" dir="ltr">([^<]*)</span>', r"\1", article)  # Latin runs isolated
        assert "<script" not in article and "onerror=" not in article.replace("onerror=alert(1)&gt;", "")
        assert "javascript:" not in re.findall(r'href="([^"]*)"', article).__str__()
        assert "&lt;script&gt;alert(1)&lt;/script&gt; نص فيه وسم." in article
        assert "[اضغط هنا](javascript:alert(1))" in article
        assert "# فقرة تبدأ بعلامة العنوان." in article
        assert "\u202e" not in html
    result = explainer("check", cwd=root, check=False)
    assert not [line for line in result.stdout.splitlines() if ": raw-html: " in line or ": bidi-control: " in line
                or ": link-scheme: " in line]


def test_unsafe_translation_is_reported_and_not_rendered(project):
    po = project / "content" / "articles" / SLUG / "en.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Unfortunately, Meta did not know which road to take."',
                               'msgstr "Unfortunately, <img src=x onerror=alert(1)> Meta did not know."'),
                  encoding="utf-8")
    line = text[:text.index('msgctxt "p-f61dd8"')].count("\n") + 1
    result = explainer("build", cwd=project)
    assert (f"WARNING: content/articles/{SLUG}/en.po:{line}: entry 'p-f61dd8': the translation contains HTML; "
            "the Arabic source is shown instead") in result.stderr
    html = (project / "site" / "en" / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "onerror" not in html
    assert '<p id="p-f61dd8" class="ex-untranslated" lang="ar" dir="rtl">' in html
    strict = explainer("build", "--strict", cwd=project, check=False)
    assert strict.returncode == 1


def test_glossary_problems_stop_the_build_with_lines(project):
    glossary = project / "content" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("  - id: chris-cox\n    kind: person\n",
                                     "  - id: chris-cox\n    kind: person\n    kind: people\n"), encoding="utf-8")
    line = text[:text.index("  - id: chris-cox")].count("\n") + 3
    result = explainer("build", cwd=project, check=False)
    assert result.returncode == 1  # a content problem, wherever it is found
    assert f"ERROR: content/glossary.yml:{line}: duplicate key 'kind' (YAML would keep only the last)" in result.stderr
    # the MkDocs processes, started while the pages were being made, stopped without a word or a page
    assert [line for line in result.stderr.splitlines() if not line.startswith("ERROR: ")] == []
    assert not (project / "site").exists() and not list((project / ".explainer-cache").glob("site/*/index.html"))
    glossary.write_text(text.replace("    kind: person\n    ar: كريس", "    kind: people\n    ar: كريس")
                        .replace("    en: Chris Cox\n", "    en: [Chris, Cox]\n"), encoding="utf-8")
    result = explainer("build", cwd=project, check=False)
    assert result.returncode == 1
    assert "entry 'chris-cox': unknown kind 'people'" in result.stderr
    assert "entry 'chris-cox': field 'en' expected text (the preferred English form), found a list" in result.stderr
    glossary.write_text(text.replace("    kind: person\n    ar: كريس", "    kind: [person\n    ar: كريس"),
                        encoding="utf-8")
    result = explainer("build", cwd=project, check=False)
    assert result.returncode == 1
    assert re.search(r"ERROR: content/glossary.yml:\d+: invalid YAML: ", result.stderr)


def _many_articles(root: Path, count: int) -> None:
    source = root / "content" / "articles" / SLUG
    for index in range(count):
        shutil.copytree(source, root / "content" / "articles" / f"copy-{index:03d}")


def _valid_pages(root: Path) -> list[Path]:
    pages = sorted((root / "docs").rglob("*.md"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if header.is_generated(text):
            assert not header.hand_edited(text), f"{page} is damaged"
    return pages


def test_killed_generation_leaves_previous_outputs_intact(tmp_path):
    """A generation killed while it writes leaves every page whole; the next run finishes."""
    root = copy_project(tmp_path / "project")
    _many_articles(root, 40)
    explainer("generate", cwd=root)
    before = {p: p.read_bytes() for p in _valid_pages(root)}
    # change every article's translation, then kill the generator while it writes
    for po in sorted((root / "content" / "articles").glob("*/en.po")):
        po.write_text(po.read_text(encoding="utf-8").replace("Burnt-Out", "Burned-Out"), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "explainer", "generate"], cwd=root, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    folder = root / ".explainer-cache" / "staging"
    # new pages are first written to the staging folder, then all put in place at the end
    while time.monotonic() < deadline and process.poll() is None and len(list(folder.glob(".*.tmp"))) < 5:
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL  # killed while it wrote, not after it finished
    pages = _valid_pages(root)  # every page is whole, and still the old one
    assert len(pages) == len(before)
    assert [p for p in pages if before.get(p) != p.read_bytes()] == []
    assert list(folder.glob(".*.tmp"))  # what it had made so far, left in the staging folder
    assert not list((root / "docs").rglob(".*.tmp"))  # nothing of it beside the pages
    explainer("generate", cwd=root)  # the next run finishes the job
    assert not list(folder.glob(".*.tmp"))
    assert all(b"Burned-Out" in p.read_bytes() for p in _valid_pages(root) if "articles" in p.parts
               and p.parent.parent.name == "en")


def test_two_builds_are_byte_identical(built_site, tmp_path):
    root = built_site.parent
    other = tmp_path / "second-site"
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONHASHSEED": "4242"}
    explainer("build", "--site-dir", str(other), cwd=root / "content", env=env)
    first = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(other): p.read_bytes() for p in other.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_parallel_build_equals_one_process_build(built_site, tmp_path):
    """`explainer build` builds the languages in parallel processes; merged, the site is the same
    bytes as mkdocs-static-i18n's one-process build."""
    root = built_site.parent
    single = tmp_path / "one-process"
    explainer("build", "--jobs", "1", "--site-dir", str(single), cwd=root)
    parallel = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    serial = {p.relative_to(single): p.read_bytes() for p in single.rglob("*") if p.is_file()}
    assert sorted(parallel) == sorted(serial)
    assert [path for path in parallel if parallel[path] != serial[path]] == []


def test_sitemap_merge():
    from explainer.mkdocs_plugin import build as sitebuild

    head = '<?xml version="1.0"?>\n<urlset>\n    '
    ar = head + "<url><loc>/</loc></url>\n</urlset>"
    en = head + "<url><loc>/en/</loc></url>\n</urlset>"
    assert sitebuild.merge_sitemaps(ar, [en]) == (head + "<url><loc>/</loc></url>\n    "
                                                   "<url><loc>/en/</loc></url>\n</urlset>")


def test_a_build_keeps_the_translators_lines(project):
    po = project / "content" / "articles" / SLUG / "en.po"
    text = po.read_text(encoding="utf-8")
    wrapped = text[text.index('msgctxt "p-1c6d68"'):].split("\n\n")[0]
    strings = re.findall(r'^(?:msgstr )?"(.*)"$', wrapped.split("msgstr ", 1)[1], re.M)
    one_line = wrapped.split("msgstr ", 1)[0] + 'msgstr "' + "".join(strings) + '"'
    po.write_text(text.replace(wrapped, one_line), encoding="utf-8")
    before = po.read_bytes()
    explainer("generate", cwd=project)
    assert po.read_bytes() == before  # nothing to update: not rewritten
    ar = project / "content" / "articles" / SLUG / "ar.md"
    ar.write_text(ar.read_text(encoding="utf-8").replace("عاجزة.", "عاجزة تمامًا."), encoding="utf-8")
    explainer("generate", cwd=project)
    after = po.read_text(encoding="utf-8")
    assert after != before.decode() and one_line.split("\n")[-1] in after.split("\n")
    assert "#, fuzzy" in after


def test_a_failed_mkdocs_build_fails_the_build_with_its_language(project):
    (project / "docs" / "en" / "broken.md").write_text("# Broken\n\nSee [the missing page](missing.md).\n",
                                                       encoding="utf-8")
    warning = ("WARNING -  Doc file 'en/broken.md' contains a link 'missing.md', but the target 'en/missing.md' "
               "is not found among documentation files.")
    result = explainer("build", "--strict", cwd=project, check=False)
    assert result.returncode == 1
    assert warning in result.stderr
    assert result.stderr.rstrip().endswith("ERROR: mkdocs build failed for en: see its messages above")
    result = explainer("build", cwd=project)  # a draft build shows MkDocs' warnings, and only those
    assert [line for line in result.stderr.splitlines() if not line.startswith("INFO: ")] == [warning]


def test_the_mkdocs_process_gives_mkdocs_exit_status():
    from explainer.mkdocs_plugin import process

    assert process.main(["--version"]) == 0
    assert process.main(["no-such-command"]) == 2  # MkDocs' usage error
