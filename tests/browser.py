"""Helpers for the browser tests: a local static server and Debian's headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.benchmark import browser as site_browser


def serve(folder: Path):
    """``folder`` served on 127.0.0.1 as static hosts serve it (gzip); yields the base URL."""
    return site_browser.serving(folder)


def chromium(width: int = 1280, height: int = 900):
    """The benchmark's headless Debian Chromium (:func:`explainer.benchmark.browser.chromium`)."""
    if not (Path(site_browser.CHROMIUM).exists() and Path(site_browser.CHROMEDRIVER).exists()):
        pytest.fail("Debian chromium and chromium-driver are needed (`make test` installs them)")
    return site_browser.chromium(width, height)


def tap(driver, element) -> None:
    """A finger's tap on ``element`` (touch events, as a phone sends them; not a mouse click)."""
    x, y = driver.execute_script(
        "var r = arguments[0].getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]", element)
    point = [{"x": x, "y": y, "id": 1}]
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(driver) -> list[str]:
    """axe-core's violations on the page the driver shows, each with its first nodes."""
    assert AXE.is_file(), "axe-core comes from npm (`make test` runs `npm ci`)"
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations.map(v => v.id + ': ' +"
        "  v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))));")
