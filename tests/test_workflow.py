"""The GitHub workflow keeps to its security rules and runs what the README promises."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.factory import REPO

WORKFLOW_TEXT = (REPO / ".github/workflows/site.yml").read_text(encoding="utf-8")
WORKFLOW: dict[Any, Any] = yaml.safe_load(WORKFLOW_TEXT)
REVIEW_WORKFLOW_TEXT = (REPO / ".github/workflows/review-dates.yml").read_text(encoding="utf-8")


def test_actions_are_pinned_by_commit_with_a_version_comment() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", WORKFLOW_TEXT + REVIEW_WORKFLOW_TEXT)
    assert len(uses) == 7  # every action of both workflows: none slipped past the pattern
    for action, comment in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), action


def test_permissions_are_least_privilege() -> None:
    assert WORKFLOW["permissions"] == {"contents": "read"}
    triggers = WORKFLOW[True]  # PyYAML reads the key `on` as true
    assert "pull_request_target" not in triggers
    for name, job in WORKFLOW["jobs"].items():
        if name == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert "permissions" not in job


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    assert (REPO / ".ci/run").read_text(encoding="utf-8").rstrip().endswith("make test")
    assert "bash .ci/run" in WORKFLOW_TEXT


def test_zizmor_finds_nothing() -> None:
    """The offline workflow audit, with its default persona."""
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", str(REPO / ".github/workflows")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_checkout_never_keeps_the_token() -> None:
    checkouts = [
        step
        for job in WORKFLOW["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert len(checkouts) == 3  # site.yml; review-dates.yml is audited by zizmor too
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_ci_tests_the_oldest_and_newest_supported_python() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11,<3.14"' in pyproject
    test = WORKFLOW["jobs"]["test"]
    assert test["strategy"]["matrix"]["python"] == ["3.11", "3.13"]
    assert test["container"] == "python:${{ matrix.python }}-bookworm"


def test_a_scheduled_job_fails_while_a_page_is_overdue() -> None:
    workflow = yaml.safe_load(REVIEW_WORKFLOW_TEXT)
    assert workflow[True]["schedule"] == [{"cron": "0 6 * * 1"}]
    steps = workflow["jobs"]["overdue"]["steps"]
    assert steps[-1]["run"] == 'make check TODAY="$(date -u +%F)"'
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/gluteguide check $(if $(TODAY),--today $(TODAY))" in makefile


def test_pull_requests_get_the_quick_check_before_the_browsers() -> None:
    quick = WORKFLOW["jobs"]["quick"]
    commands = [step.get("run") for step in quick["steps"] if "run" in step]
    assert commands[0] == "make check" and commands[2] == "make unit"
    # A pull request is checked against its base: a page changed with last_updated left alone
    # fails here, before the tests.
    against_base = quick["steps"][2]
    assert against_base["if"] == "github.event_name == 'pull_request'"
    assert against_base["run"].splitlines()[-1] == "make check BASE=FETCH_HEAD"
    assert quick["steps"][1]["if"] == "github.event_name != 'pull_request'"
    assert "$(if $(BASE),--base $(BASE))" in (REPO / "Makefile").read_text(encoding="utf-8")
    summary = quick["steps"][-1]
    assert summary["if"] == "github.event_name == 'pull_request'"
    assert 'gluteguide changes FETCH_HEAD >> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    unit = makefile.split("\nunit:", 1)[1].split("\n\n", 1)[0]
    assert "not browser" in unit and "node_modules" not in unit


def test_the_repository_keeps_its_review_habits() -> None:
    template = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    for item in ("Sources", "Reading level", "Warning signs", "Review"):
        assert f"**{item}.**" in template
    owners = (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert re.search(r"^/content/\s+@\S+clinical", owners, re.M)
    updates = yaml.safe_load((REPO / ".github/dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in updates["updates"]}
    assert ecosystems == {"pip", "npm", "github-actions"}
    extensions = (REPO / ".vscode/extensions.json").read_text(encoding="utf-8")
    assert "redhat.vscode-yaml" in extensions
