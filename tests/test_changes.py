"""`gluteguide changes`: the reviewer's safeguard. Every change that touches safety is in the safety
section, reported by what it is, with the pages it affects, whatever words it uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.changes.report import NOTHING_UNSAFE, SAFETY_HEADING
from generator.pipeline import load_site
from tests.commands import run
from tests.factory import commit_all, copy_project, small_content, write_content, write_project


def read(root: Path, relative: str) -> Any:
    return yaml.safe_load((root / relative).read_text(encoding="utf-8"))


def sections(report: str) -> tuple[str, str]:
    """The safety section and the page-by-page section of a report."""
    assert SAFETY_HEADING in report, report
    safety = report.split(SAFETY_HEADING, 1)[1]
    safety, _, pages = safety.partition("\n## Page by page")
    return safety, pages


# The tests of the harmful pull request share one worker and, there, one report: its two builds of
# the real site are made once.
harmful = pytest.mark.xdist_group("harmful-pull-request")


@pytest.fixture(scope="session")
def harmful_pull_request(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The real project, and a pull request making the red team's harmful edits to it."""
    root = copy_project(tmp_path_factory.mktemp("harmful"))
    commit_all(root)
    # A sign moved out of the emergency block: a lower level, and gone from emergency.yml.
    signs = read(root, "content/warning-signs.yml")
    signs["ces-bowel"] = {**signs["ces-bowel"], "level": "see_gp_or_physio"}
    del signs["ces-bowel"]["sign_of"]
    write_content(root, "content/warning-signs.yml", signs)
    emergency = read(root, "content/emergency.yml")
    emergency["signs"].remove("ces-bowel")
    write_content(root, "content/emergency.yml", emergency)
    # A stop rule softened into nothing, and a new one that tells the reader to carry on.
    bridge = read(root, "content/exercises/glute-bridge.yml")
    rules = bridge["stop_rules"]
    rules[rules.index("The pain spreads down your leg.")] = "You feel a little tired."
    rules.append("Numbness round your bottom is normal here: carry on.")
    write_content(root, "content/exercises/glute-bridge.yml", bridge)
    # A reviewer who signs off the page themselves: the digest is anyone's to compute.
    write_content(
        root,
        "content/reviewers.yml",
        {
            "mallory": {
                "name": "Mallory Example",
                "profession": "Physiotherapist",
                "registration_body": "HCPC",
                "registration_number": "PH123456",
            }
        },
    )
    digest = load_site(root).exercises["glute-bridge"].item.digest()
    bridge["review"]["sign_off"] = {"reviewer": "mallory", "date": "2026-11-30", "digest": digest}
    write_content(root, "content/exercises/glute-bridge.yml", bridge)
    result = run(root, "changes", "HEAD")
    assert result.returncode == 0, result.stderr
    return result.stdout


@harmful
def test_a_sign_leaving_the_emergency_block_is_one_entry_naming_every_page(
    harmful_pull_request: str,
) -> None:
    safety, _ = sections(harmful_pull_request)
    assert safety.count("### Warning sign `ces-bowel`") == 1
    entry = safety.split("### Warning sign `ces-bowel`", 1)[1].split("\n### ", 1)[0]
    assert '- level: "emergency" → "see_gp_or_physio"' in entry
    left = next(line for line in entry.splitlines() if line.startswith("- leaves the box"))
    assert left.startswith('- leaves the box "Call 999')
    # Every page that showed the emergency block, the get-help page among them.
    for url in ("/get-help/", "/exercises/glute-bridge/", "/conditions/acute-glute-spasm/"):
        assert f"`{url}`" in left, left
    assert '- joins the box "See a GP or physiotherapist if" on 1 page: `/get-help/`' in entry


@harmful
def test_a_softened_stop_rule_and_a_new_one_are_in_the_safety_section(
    harmful_pull_request: str,
) -> None:
    safety, _ = sections(harmful_pull_request)
    entry = safety.split("### `/exercises/glute-bridge/`", 1)[1].split("\n### ", 1)[0]
    assert (
        '- stop_rules: reworded "The pain spreads down your leg." → "You feel a little tired."'
        in entry
    )
    assert '- stop_rules: added "Numbness round your bottom is normal here: carry on."' in entry
    assert "`/exercises/glute-bridge/`, " in entry.split("- shown on ", 1)[1]


@harmful
def test_a_new_reviewer_and_their_sign_off_are_listed_for_the_code_owners(
    harmful_pull_request: str,
) -> None:
    safety, _ = sections(harmful_pull_request)
    owners = safety.split("### For the code owners: reviewers and sign-offs", 1)[1]
    assert "#### Reviewer `mallory` (content/reviewers.yml)" in owners
    assert '- new reviewer: "Mallory Example", Physiotherapist (HCPC PH123456)' in owners
    assert "#### Sign-off of `/exercises/glute-bridge/`" in owners
    assert '"Clinically reviewed by Mallory Example, Physiotherapist"' in owners


def test_a_hold_hidden_behind_a_soft_hyphen_fails_first_in_the_safety_section(
    project: Path,
) -> None:
    commit_all(project)
    bridge = small_content()["exercises/bridge.yml"]
    steps = [*bridge["steps"], "Hold for 60\u00ad seconds."]
    write_content(project, "content/exercises/bridge.yml", {**bridge, "steps": steps})
    result = run(project, "changes", "HEAD")
    assert result.returncode == 1
    safety, pages = sections(result.stdout)
    assert "does not pass `gluteguide check`" in safety
    error = next(line for line in safety.splitlines() if "U+00AD" in line)
    assert error.startswith("- content/exercises/bridge.yml:"), error
    assert "60\\xad seconds" not in pages  # nothing is compared with content that fails


def test_a_dose_change_is_safety_and_a_new_purpose_is_not(project: Path) -> None:
    commit_all(project)
    bridge = small_content()["exercises/bridge.yml"]
    changed = {**bridge, "dose": {**bridge["dose"], "reps": 12}, "purpose": "New words."}
    write_content(project, "content/exercises/bridge.yml", changed)
    result = run(project, "changes", "HEAD")
    assert result.returncode == 0, result.stderr
    safety, pages = sections(result.stdout)
    assert "### `/exercises/bridge/`" in safety and "- dose.reps: 10 → 12" in safety
    assert "purpose" not in safety
    page = pages.split("### `/exercises/bridge/` (changed)", 1)[1].split("\n### ", 1)[0]
    assert "-Dose: 2 sets of 10 reps" in page and "+Dose: 2 sets of 12 reps" in page
    assert "+New words." in page


def updated(item: dict[str, Any], day: str = "2026-02-01") -> dict[str, Any]:
    return {**item, "review": {**item["review"], "last_updated": day}}


def test_a_change_of_words_only_says_nothing_touches_safety(project: Path) -> None:
    commit_all(project)
    bridge = updated({**small_content()["exercises/bridge.yml"], "purpose": "New words."})
    write_content(project, "content/exercises/bridge.yml", bridge)
    result = run(project, "changes", "HEAD")
    assert result.returncode == 0, result.stderr
    safety, pages = sections(result.stdout)
    assert NOTHING_UNSAFE in safety
    assert "+New words." in pages


def test_changes_against_an_unknown_revision_says_so(project: Path) -> None:
    commit_all(project)
    result = run(project, "changes", "no-such-branch")
    assert result.returncode == 1
    assert "cannot read content/ at 'no-such-branch'" in result.stderr


def test_a_page_changed_while_its_last_updated_stayed_is_reported_and_refused(
    project: Path,
) -> None:
    commit_all(project)
    bridge = small_content()["exercises/bridge.yml"]
    write_content(project, "content/exercises/bridge.yml", {**bridge, "purpose": "New words."})
    report = run(project, "changes", "HEAD")
    safety, _ = sections(report.stdout)
    entry = safety.split("### `/exercises/bridge/`", 1)[1].split("\n### ", 1)[0]
    assert "- its content changed but review.last_updated is still 2026-01-15" in entry
    refused = run(project, "check", "--base", "HEAD")
    assert refused.returncode == 1
    located = refused.stderr.splitlines()[0]
    line = next(
        number
        for number, text in enumerate(
            (project / "content/exercises/bridge.yml").read_text().splitlines(), 1
        )
        if text.strip().startswith("last_updated:")
    )
    assert located.startswith(f"content/exercises/bridge.yml:{line}:"), located
    assert "review.last_updated: the page's content changed" in located
    # With the date moved on, the same change passes, and so does a check without a base.
    assert run(project, "check").returncode == 0
    write_content(
        project, "content/exercises/bridge.yml", updated({**bridge, "purpose": "New words."})
    )
    assert run(project, "check", "--base", "HEAD").returncode == 0


def emergency_number(content: dict[str, Any]) -> None:
    content["regions.yml"]["uk"]["emergency"]["number"] = "998"


def emergency_action(content: dict[str, Any]) -> None:
    content["emergency.yml"]["action"] = "Wait and see."


def movement_precaution(content: dict[str, Any]) -> None:
    content["movements.yml"]["lying-on-back"]["precaution"] = "Anyone can lie flat."


def source_address(content: dict[str, Any]) -> None:
    content["sources.yml"]["one"]["url"] = "https://example.org/elsewhere"


def link_host(content: dict[str, Any]) -> None:
    content["link-hosts.yml"].append("example.net")


def programme_dose(content: dict[str, Any]) -> None:
    content["programmes/first-days.yml"]["steps"][2]["dose"]["reps"] = 20


def new_precaution(content: dict[str, Any]) -> None:
    content["exercises/bridge.yml"]["precautions"] = ["Fine for anyone."]


@pytest.mark.parametrize(
    ("edit", "subject", "detail"),
    [
        (
            emergency_number,
            "Region `uk` (content/regions.yml)",
            'uk.emergency.number: "999" → "998"',
        ),
        (
            emergency_action,
            "The emergency block (content/emergency.yml)",
            'emergency.action: "Do not wait." → "Wait and see."',
        ),
        (
            movement_precaution,
            "Precaution for movement `lying-on-back` (content/movements.yml)",
            'precaution: "Pregnant? Prop yourself up." → "Anyone can lie flat."',
        ),
        (
            source_address,
            "Source `one` (content/sources.yml)",
            'url: "https://example.org/source-1" → "https://example.org/elsewhere"',
        ),
        (link_host, "Link hosts (content/link-hosts.yml)", 'content may now link to "example.net"'),
        (programme_dose, "`/programmes/first-days/`", "steps[2].dose.reps: 5 → 20"),
        (new_precaution, "`/exercises/bridge/`", 'precautions: added "Fine for anyone."'),
    ],
)
def test_each_kind_of_safety_change_is_in_the_safety_section(
    tmp_path: Path, edit: Any, subject: str, detail: str
) -> None:
    content = small_content()
    write_project(tmp_path, content)
    commit_all(tmp_path)
    edit(content)
    for relative, item in content.items():
        if isinstance(item, dict) and "review" in item:
            content[relative] = updated(item)
    write_project(tmp_path, content)
    result = run(tmp_path, "changes", "HEAD")
    assert result.returncode == 0, result.stderr
    safety, _ = sections(result.stdout)
    entry = safety.split(f"### {subject}\n", 1)[1].split("\n### ", 1)[0]
    assert f"- {detail}\n" in entry, entry
    assert "last_updated is still" not in safety
