"""Lighthouse on the seed site's article pages, served with gzip from 127.0.0.1 as static hosts serve
them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from ..errors import InputError, Problem
from .browser import serving

LIGHTHOUSE_PAGES = (("ar", "articles/{slug}/"), ("en", "en/articles/{slug}/"))
def lighthouse_summary(report: dict) -> dict:
    """The scores and the main metrics of one Lighthouse report (its JSON output)."""
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "first_contentful_paint_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 2),
        "largest_contentful_paint_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "total_blocking_time_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cumulative_layout_shift": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
    }


def lighthouse(lighthouse_bin: Path, site: Path, slug: str, runs: int, chrome: str = "/usr/bin/chromium") -> dict:
    """Lighthouse (mobile defaults, simulated throttling) on the Arabic and English article pages,
    served from 127.0.0.1 with gzip (:func:`.browser.serving`); per page the run with the median performance."""
    out = {}
    with serving(site) as base:
        for lang, page in LIGHTHOUSE_PAGES:
            url = f"{base}{page.format(slug=slug)}"
            summaries = []
            for _ in range(runs):
                result = subprocess.run(
                    [str(lighthouse_bin), url, "--quiet", "--output=json", "--output-path=stdout",
                     "--only-categories=performance,accessibility",
                     "--chrome-flags=--headless=new --no-sandbox"],
                    capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chrome), check=False)
                if result.returncode != 0:
                    raise InputError(Problem(str(lighthouse_bin), None, f"exited {result.returncode} on {url}:\n"
                                             f"{result.stderr[-2000:]}"))
                summaries.append(lighthouse_summary(json.loads(result.stdout)))
            summaries.sort(key=lambda s: s["performance"])
            out[lang] = dict(summaries[len(summaries) // 2], url=page.format(slug=slug), runs=runs)
    return out
