"""The JavaScript that readers depend on, unit-tested with Node's own test runner (tests/js/)."""

from __future__ import annotations

import shutil
import subprocess

from tests.factory import REPO


def test_the_javascript_unit_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for tests/js (README: what a fresh clone needs)"
    run = subprocess.run(
        [node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout, run.stdout
