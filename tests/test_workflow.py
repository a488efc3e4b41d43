"""The code-host workflow runs what the README and CI run."""

from __future__ import annotations

import re

import yaml

from conftest import REPO


def _make_targets(commands: str) -> list[str]:
    return re.findall(r"\bmake ([a-z]+)", commands)


def test_workflow_runs_the_readme_targets():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    run = "\n".join(step.get("run", "") for step in steps)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme[readme.index("## Set up"):readme.index("## How it works")]
    block = setup.split("```")[1]  # the set-up commands
    assert _make_targets(block) == ["site", "test"]
    assert _make_targets(run) == ["test", "check"]
    assert "make check" in readme  # documented
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") and step["with"]["path"] == "site"
               for step in steps)
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_ci_runs_the_same_targets():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert _make_targets(ci) == ["test", "check"]


def test_make_check_builds_then_checks_strictly():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check: site\n\t\$\(BIN\)/explainer check --strict site$", makefile, re.M)
