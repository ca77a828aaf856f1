"""The JavaScript that readers depend on, unit-tested with Node's own test runner (tests/js/) and
held to ESLint (eslint.config.mjs)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.factory import REPO

ESLINT = REPO / "node_modules/.bin/eslint"
LINTED = (
    "docs/javascripts",
    "generator/pages/templates",
    "generator/output/service-worker.mjs",
    "generator/output/service-worker.js",
    "tests/js",
    "eslint.config.mjs",
)
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


def test_the_patient_page_says_a_dose_as_its_exercise_page_does() -> None:
    """plan.js's doseWords and describe_dose (generator/pages/render.py) write a dose the same
    way: the patient's page and the exercise's own page cannot word one dose two ways."""
    from generator.content.models import Dose
    from generator.pages.render import describe_dose

    doses = [
        {
            "sets": sets,
            "reps": reps,
            "hold_seconds": hold,
            "minutes": minutes,
            "per_side": per_side,
            "rest_seconds": rest,
        }
        for sets in (None, 1, 3)
        for reps in (None, 1, 12)
        for hold in (None, 1, 30)
        for minutes in (None, 1, 15)
        for per_side in (False, True)
        for rest in (None, 30)
        if reps or hold or minutes
    ]
    script = (
        "const { doseWords } = require('./docs/javascripts/plan.js');"
        "const doses = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(doses.map((d) => doseWords("
        "{ s: d.sets, r: d.reps, h: d.hold_seconds, m: d.minutes }, d, ''))));"
    )
    node = shutil.which("node")
    assert node, "Node.js is needed for tests/js"
    run = subprocess.run(
        [node, "-e", script],
        cwd=REPO,
        input=json.dumps(doses),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    expected = [describe_dose(Dose(**dose, how_often="daily")) for dose in doses]
    assert json.loads(run.stdout) == expected
    assert len(expected) > 200
