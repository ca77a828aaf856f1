"""The GitHub workflow keeps to its security rules and runs what the README promises."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.factory import REPO

WORKFLOW_TEXT = (REPO / ".github/workflows/site.yml").read_text(encoding="utf-8")
WORKFLOW: dict[Any, Any] = yaml.safe_load(WORKFLOW_TEXT)


def test_actions_are_pinned_by_commit_with_a_version_comment() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", WORKFLOW_TEXT)
    assert len(uses) == 4
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
