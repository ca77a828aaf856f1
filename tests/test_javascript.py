"""The JavaScript that readers depend on, unit-tested with Node's own test runner (tests/js/) and
held to ESLint (eslint.config.mjs)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.factory import REPO

ESLINT = REPO / "node_modules/.bin/eslint"
LINTED = ("docs/javascripts", "generator/pages/templates", "tests/js", "eslint.config.mjs")
"""Our JavaScript: what the site serves (docs/javascripts/vendor/ is ignored by the config), the
redirect script the generator copies into it, the Node tests, and the config itself."""


def test_the_javascript_unit_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for tests/js (README: what a fresh clone needs)"
    run = subprocess.run(
        [node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout, run.stdout


def _eslint_finds_nothing() -> None:
    run = subprocess.run(
        [str(ESLINT), "--max-warnings", "0", *LINTED],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_eslint_finds_no_problem() -> None:
    """The fast tier's run, where node_modules/ is there (make unit does not install it)."""
    if not ESLINT.exists():
        pytest.skip(
            "ESLint not run on docs/javascripts and tests/js: node_modules/ is absent "
            "(make browser or make test installs it; the browser tier runs ESLint always)"
        )
    _eslint_finds_nothing()


@pytest.mark.slow
def test_eslint_finds_no_problem_in_the_whole_suite() -> None:
    """The browser tier's run (make browser, make test), which installs node_modules/ first: there
    ESLint must run, so a missing install fails rather than skips."""
    assert ESLINT.exists(), f"{ESLINT} is missing: make browser installs it from package-lock.json"
    _eslint_finds_nothing()
