"""Lighthouse (default mobile preset) on the three kinds of page a reader lands on."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.factory import REPO

pytestmark = pytest.mark.browser
LIGHTHOUSE = REPO / "node_modules/.bin/lighthouse"
ASSERTED = ("accessibility", "best-practices", "seo")
# Performance is timed, so it varies with the load on the machine: reported, never asserted.
REPORTED = ("performance",)


@pytest.mark.parametrize(
    "path", ["/", "/conditions/acute-glute-spasm/", "/exercises/glute-bridge/"]
)
def test_lighthouse_scores(
    base_url: str, path: str, tmp_path: Path, terminal_report: dict[str, list[str]]
) -> None:
    output = tmp_path / "report.json"
    command = [
        str(LIGHTHOUSE),
        f"{base_url}{path}",
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(ASSERTED + REPORTED)}",
        f"--chrome-flags=--headless=new {' '.join(CHROMIUM_FLAGS)}",
    ]
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, env=environment, check=True, timeout=180, capture_output=True)
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["configSettings"]["formFactor"] == "mobile"
    scores = {name: report["categories"][name]["score"] for name in ASSERTED + REPORTED}
    lines = terminal_report.setdefault(
        "Lighthouse, mobile preset (performance is not asserted)", []
    )
    lines.append(
        f"{path}: " + ", ".join(f"{name} {round(score * 100)}" for name, score in scores.items())
    )
    failing = {
        audit["id"]: audit["score"]
        for audit in report["audits"].values()
        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0
    }
    assert {name: scores[name] for name in ASSERTED} == dict.fromkeys(ASSERTED, 1), failing
