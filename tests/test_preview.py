"""The live preview: a save that changes pages only inside their pre-rendered blocks is shown at
once, as the build behind will write it; any other save waits for that build; a build that a later
change overtook is not published."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

from explainer.benchmark.corpus import write_corpus
from explainer.mkdocs_plugin.preview import Preview

from conftest import REPO, copy_project, explainer
from test_reuse import _files, edit_title, edit_translation


def _preview(tmp_path: Path) -> Preview:
    project = copy_project(tmp_path / "project", with_content=False)
    write_corpus(REPO, tmp_path / "corpus", 2)
    shutil.rmtree(project / "content")
    shutil.copytree(tmp_path / "corpus" / "content", project / "content")
    explainer("generate", "-q", cwd=project)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    preview = Preview(project, ["ar", "en"], "ar", env, 2, project / ".explainer-cache" / "preview")
    preview.publish(*preview.build())
    return preview


def _pages(site: Path) -> dict[str, bytes]:
    """The site's files but its search bundles (the build behind writes them)."""
    return {rel: data for rel, data in _files(site).items() if "pagefind/" not in rel}


def test_a_translation_is_shown_at_once_as_the_build_behind_writes_it(tmp_path):
    preview = _preview(tmp_path)
    before = _pages(preview.site)
    edit_translation(preview.root, random.Random(3))
    preview.generated(preview.root)
    shown = _pages(preview.site)
    changed = sorted(rel for rel in shown if shown[rel] != before[rel])
    slug = changed[0].split("/")[-2]
    assert changed == [f"en/articles/{slug}/index.html", f"en/parallel/{slug}/index.html",
                       f"parallel/{slug}/index.html"]
    assert preview.requested.is_set()  # the build behind
    preview.publish(*preview.build())
    assert _pages(preview.site) == shown  # what the build writes is what was shown


def test_a_title_waits_for_the_build_behind(tmp_path):
    preview = _preview(tmp_path)
    before = _pages(preview.site)
    edit_title(preview.root, random.Random(1))
    preview.generated(preview.root)
    assert _pages(preview.site) == before  # its navigation, lists and headings change: not spliced
    preview.publish(*preview.build())
    assert _pages(preview.site) != before


def test_the_server_publishes_only_a_build_no_change_overtook(tmp_path):
    preview = _preview(tmp_path)
    edit_title(preview.root, random.Random(2))
    preview.generated(preview.root)
    version = preview.version
    folders, places = preview.build()
    preview.ready = (version - 1, folders, places)  # started before the last change
    builds = preview.builds
    preview.builder()
    assert preview.builds == builds and preview.ready is None  # not published
    assert preview.requested.is_set() and preview.version == version  # the last change's build follows
    preview.ready = (preview.version, folders, places)
    preview.builder()
    assert preview.builds == builds + 1
