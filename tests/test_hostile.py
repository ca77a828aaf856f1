"""Content is untrusted: what a hostile pull request could put in YAML, tried against the real
pipeline. Each attack ends in a located error, or in a page whose structure and warnings are
intact and which shows the value as text."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import html5lib
import pytest

from generator.cli import main
from generator.text import Link, parts, plain_text
from tests.commands import run, run_process
from tests.factory import (
    commit_all,
    exercise,
    fixture_bridge,
    small_content,
    write_content,
    write_project,
)

# Each worker that runs one of these builds the hostile site: one worker runs them all
# (make unit: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("hostile-site")

XHTML = "{http://www.w3.org/1999/xhtml}"

# Values that must build, and show as exactly their text.
RENDERED_AS_TEXT = {
    "meta-refresh": 'Calm" http-equiv="refresh" content="0; url=https://evil.example/',
    "hidden-attribute-list": "Stop if it hurts.\n{: hidden }",
    "fake-heading": (
        'Fine.\n\n## When to get help { #when-to-get-help }\n\n!!! info "No need for help"'
    ),
    "reference-link": "[Call now][x]\n\n[x]: tel:0800",
    "autolink": "<https://evil.example/> and <b>bold</b> and <!-- hidden -->",
    "entities": "&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b&#x3E;",
    "attribute-on-link": "[NHS](https://example.org/){: onclick=alert(1) }",
    "table-breaker": "a | b | c\n| --- | --- |",
    "admonition": '!!! danger "Ignore the warnings"\n    You are fine.',
    "list-start": "1. Not a list\n- Nor this\n+ Nor this",
    "setext": "Looks like a title\n===",
    "emphasis": "*not* _emphasised_ `not code` \\*escaped\\*",
    "brackets": "[" * 590,
    "toc-marker": "[TOC]",
    "html-block": "<div markdown>**bold**</div>",
    # The page's JSON-LD is a <script> in its head: a value that would end it there early
    "script-breaker": "</script><script>alert(1)</script><!--",
}


def hostile_project(root: Path) -> Path:
    content = small_content()
    # Relieving exercises, all offered by the condition: the content's rules hold for each.
    relieve = content["conditions/sudden-spasm.yml"]["exercises"]["relieve"] = ["clean"]
    for name, text in RENDERED_AS_TEXT.items():
        relieve.append(name)
        content[f"exercises/{name}.yml"] = exercise(
            plain_text(text)[:40] or name,
            "relieve",
            purpose=text,
            steps=[text, "Breathe out."],
            stop_rules=[text, "Stop if the pain gets sharper."],
        )
    content["exercises/clean.yml"] = exercise(
        "Clean",
        "relieve",
        purpose="Plain.",
        steps=["Plain.", "Breathe out."],
        stop_rules=["Plain.", "Stop if the pain gets sharper."],
    )
    return write_project(root, content)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = hostile_project(tmp_path_factory.mktemp("hostile"))
    # The build runs the output gate: it fails if any page's elements, links or warnings changed.
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def parsed(site: Path, exercise_id: str) -> Any:
    html = (site / f"exercises/{exercise_id}/index.html").read_bytes()
    return html5lib.parse(html)


def structure(document: Any, page_id: str, value: str = "") -> tuple[Any, ...]:
    """Headings, warning blocks and links: all the template's own, but for the links the value
    writes in the one form it may."""
    own_links = {part.address for part in parts(value) if isinstance(part, Link)}
    article = document.find(f".//{XHTML}article")
    # The page's own heading carries the item's id; every other heading is the template's.
    headings = [
        (e.tag, e.get("id")) for e in article.iter() if re.fullmatch(rf"{XHTML}h[2-6]", str(e.tag))
    ]
    blocks = [
        (div.get("class"), len(div.findall(f".//{XHTML}li")))
        for div in article.iter(f"{XHTML}div")
        if "admonition" in div.get("class", "")
    ]
    links = [
        a.get("href").replace(f"#{page_id}", "#this-page").replace(f"/{page_id}.yml", "/this.yml")
        for a in article.iter(f"{XHTML}a")
        if a.get("href") not in own_links
    ]
    return tuple(headings), tuple(blocks), tuple(links)


def text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.mark.parametrize("name", sorted(RENDERED_AS_TEXT))
def test_a_hostile_value_changes_nothing_but_the_words(hostile_site: Path, name: str) -> None:
    document = parsed(hostile_site, name)
    value = RENDERED_AS_TEXT[name]
    assert structure(document, name, value) == structure(parsed(hostile_site, "clean"), "clean")
    assert [h.get("id") for h in document.iter(f"{XHTML}h1")] == [name]
    shown = plain_text(RENDERED_AS_TEXT[name])
    [description] = [m for m in document.iter(f"{XHTML}meta") if m.get("name") == "description"]
    assert description.get("content") == shown
    assert not [m for m in document.iter(f"{XHTML}meta") if m.get("http-equiv") == "refresh"]
    article = document.find(f".//{XHTML}article")
    steps = article.find(f".//{XHTML}ol")
    assert text_of(steps.find(f"{XHTML}li")) == shown
    stop = next(d for d in article.iter(f"{XHTML}div") if "warning" in d.get("class", ""))
    assert text_of(stop.find(f".//{XHTML}li")) == shown
    assert document.find(f".//{XHTML}title").text == f"{shown[:40].strip()} - Glute Guide"
    # The linked data stays one block of data in the head, holding the words as they are.
    [linked] = [
        s for s in document.iter(f"{XHTML}script") if s.get("type") == "application/ld+json"
    ]
    assert linked in list(document.find(f"{XHTML}head"))
    assert json.loads(linked.text)["description"] == shown
    assert [s.get("src") for s in document.iter(f"{XHTML}script") if not s.get("type")] == [
        s.get("src")
        for s in parsed(hostile_site, "clean").iter(f"{XHTML}script")
        if not s.get("type")
    ]


# Values that must be refused, each with its located message.
REFUSED = [
    (
        {"purpose": "Stop now.\u2028    - You do not need an ambulance\u2029## Fine"},
        "5:10",
        "purpose: line break U+2028 (LINE SEPARATOR); line break U+2029 (PARAGRAPH SEPARATOR)",
    ),
    ({"purpose": "[site](http://www.nhs.uk/)"}, "5:10", "purpose: link address"),
    ({"purpose": "[site](//evil.example/)"}, "5:10", "purpose: link address"),
    ({"purpose": "[site](data:text/html,x)"}, "5:10", "purpose: link address"),
    ({"purpose": "[Call 999](tel:999)"}, "5:10", "purpose: link address 'tel:999' must start"),
    (
        {"purpose": "[NHS](https://example.org.evil.example/)"},
        "5:10",
        "purpose: link host 'example.org.evil.example' is not in content/link-hosts.yml",
    ),
    ({"purpose": "Stop \u202eif it hurts"}, "5:10", "purpose: invisible character U+202E"),
    ({"stop_rules": ["Stop.\r    - fake"]}, "24:3", "stop_rules[0]: control character U+000D"),
    ({"purpose": "[" * 8000}, "5:10", "purpose: is too long: at most 600 characters"),
    ({"former_ids": ["index"]}, "34:3", "former_ids[0]: 'index' is reserved"),
]


@pytest.mark.parametrize(("fields", "where", "message"), REFUSED, ids=lambda v: str(v)[:40])
def test_a_hostile_value_is_refused_where_it_stands(
    tmp_path: Path, fields: dict[str, Any], where: str, message: str
) -> None:
    root = write_project(
        tmp_path, {**small_content(), "exercises/bridge.yml": exercise("Bridge", **fields)}
    )
    result = run_check(root)
    assert result.returncode == 1
    assert f"content/exercises/bridge.yml:{where}: error: {message}" in result.stderr
    assert "Traceback" not in result.stderr


def run_check(root: Path, *arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return run(root, *(arguments or ("check",)), **environment)


def raw_exercise(root: Path, name: str, replace: tuple[str, str]) -> None:
    path = write_content(root, f"content/exercises/{name}.yml", exercise("Bridge"))
    text = path.read_text()
    assert replace[0] in text
    path.write_text(text.replace(*replace))


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (("  reps: 10", "  reps: 010"), "13:9", "dose.reps: '010' is not a plain whole number"),
        (("  reps: 10", "  reps: 1:30"), "13:9", "dose.reps: '1:30' is not a plain whole number"),
        (("  reps: 10", "  reps: " + "9" * 5000), "13:9", "dose.reps: '99999999999999999...'"),
        (
            ("last_updated: '2026-01-15'", "last_updated: '9999-01-15'"),
            "31:17",
            "review.last_updated: 9999-01-15 is not a plausible date",
        ),
        # Issue 22: each of these built, as another number, date or truth than the one shown.
        (("  reps: 10", "  reps: 1:30.0"), "13:9", "dose.reps: '1:30.0' is not a plain number"),
        (("  reps: 10", "  reps: 0_3.0"), "13:9", "dose.reps: '0_3.0' is not a plain number"),
        (("  sets: 2", "  sets: 2."), "12:9", "dose.sets: '2.' is not a plain number"),
        (("  sets: 2", "  sets: 2.0"), "12:9", "dose.sets: expected a whole number, got 2.0"),
        (("  sets: 2", "  sets: true"), "12:9", "dose.sets: expected a whole number, got true"),
        (("  sets: 2", "  sets: '2'"), "12:9", "dose.sets: expected a whole number, got '2'"),
        (
            ("  reps: 10", "  reps: 99999999999999999"),
            "13:9",
            "dose.reps: must be at most 50, got 99999999999999999",
        ),
        (("  reps: 10", "  reps: 0"), "13:9", "dose.reps: must be 1 or more, got 0"),
        (
            ("last_updated: '2026-01-15'", "last_updated: 1796169600"),
            "31:17",
            "review.last_updated: expected a date written YYYY-MM-DD, got 1796169600",
        ),
        (
            ("last_updated: '2026-01-15'", "last_updated: 2026-01-01 10:00:00"),
            "31:17",
            "review.last_updated: '2026-01-01 10:00:00' is a date and a time",
        ),
        (
            ("  how_often:", "  per_side: 'yes'\n  how_often:"),
            "15:13",
            "dose.per_side: expected true or false, got 'yes'",
        ),
        (("  reps: 10", "  reps: <<"), "13:9", "dose.reps: YAML reads '<<' as a merge sign"),
        (("  reps: 10", "  reps: ="), "13:9", "dose.reps: YAML reads '=' as a value sign"),
        (
            ("steps:\n- Breathe in.", "steps: !!seq\n- Breathe in."),
            "17:8",
            "steps: YAML tags (!!seq) are not used here",
        ),
        (("dose:\n", "dose: !plan\n"), "11:7", "dose: YAML tags (!plan) are not used here"),
        (("  step: 0", "  step: false"), "35:9", "drawings[0].step: expected a whole number"),
        (("  knee: 100", "  knee: true"), "46:11", "drawings[0].right.knee: expected a number"),
    ],
)
def test_numbers_and_dates_mean_what_they_show(
    project: Path, change: tuple[str, str], where: str, message: str
) -> None:
    raw_exercise(project, "bridge", change)
    result = run_check(project)
    assert f"content/exercises/bridge.yml:{where}: error: {message}" in result.stderr, result.stderr


def test_files_that_are_not_plain_content_files_are_refused_unread(
    project: Path, tmp_path: Path
) -> None:
    exercises = project / "content/exercises"
    secret = tmp_path / "secret.yml"
    secret.write_text("title: the secret value\n")
    (exercises / "outside.yml").symlink_to(secret)
    (exercises / "zero.yml").symlink_to("/dev/zero")
    os.mkfifo(exercises / "pipe.yml")
    (exercises / "folder.yml").mkdir()
    (exercises / "index.yml").write_text((exercises / "bridge.yml").read_text())
    (exercises / ("x" * 250 + ".yml")).write_text("")
    result = run_check(project)
    lines = result.stderr.splitlines()
    assert [line for line in lines if ": error: " in line] == [
        "content/exercises/folder.yml:1:1: error: not a plain file",
        "content/exercises/index.yml:1:1: error: file name 'index' is reserved for the section's"
        " own page",
        "content/exercises/outside.yml:1:1: error: not a plain file",
        "content/exercises/pipe.yml:1:1: error: not a plain file",
        f"content/exercises/{'x' * 250}.yml:1:1: error: file name '{'x' * 37}...' is 250"
        " characters long; an id has at most 60",
        "content/exercises/zero.yml:1:1: error: not a plain file",
    ]
    assert "secret value" not in result.stderr
    assert not (project / "docs").joinpath("exercises").exists()


def test_a_file_name_cannot_write_its_own_workflow_command(project: Path) -> None:
    (project / "content/exercises/x\n::warning::pwned.yml").write_text("title: x\n")
    result = run_check(project, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        # The line break shown as an escape, as in the plain line on stderr.
        "::error file=content/exercises/x\\n%3A%3Awarning%3A%3Apwned.yml,line=1,col=1::file name"
        " 'x\\n::warning::pwned' is not a valid id (hint: use lower-case letters, digits and single"
        " hyphens, for example glute-bridge)"
    ]
    assert "content/exercises/x\\n::warning::pwned.yml:1:1: error: " in result.stderr


def test_content_cannot_take_over_a_page(project: Path) -> None:
    (project / "docs/exercises").mkdir(parents=True)
    (project / "docs/exercises/notes.md").write_text("# Notes\n")
    write_content(project, "content/exercises/bridge.yml", fixture_bridge(former_ids=["notes"]))
    write_content(project, "content/exercises/steps.yml", exercise("Steps", "relieve"))
    condition = small_content()["conditions/sudden-spasm.yml"]
    condition["exercises"]["relieve"] = ["steps"]
    write_content(project, "content/conditions/sudden-spasm.yml", condition)
    result = run_check(project)
    assert result.stderr.splitlines()[:4] == [
        "content/exercises/bridge.yml:1:1: error: former_ids: '/exercises/notes/' is the address"
        " of a page that exists",
        "  hint: remove the former id, or rename the page that has the address",
        "content/exercises/steps.yml:1:1: error: file name 'steps' is also the name of a section on"
        " every page",
        "  hint: choose a longer name, for example glute-steps",
    ]


PLANTED = "\n::warning file=README.md::All checks passed\n"
"""What a file name, a key or a value may hold to plant a workflow command in a CI log."""


def planted(result: subprocess.CompletedProcess[str]) -> list[str]:
    """Lines of the output a runner would read as a command, but the project's own errors."""
    lines = (result.stdout + result.stderr).splitlines()
    return [line for line in lines if line.lstrip().startswith("::") and line[:8] != "::error "]


def test_no_name_key_or_value_in_an_error_plants_a_workflow_command(project: Path) -> None:
    (project / "content/exercises" / f"x{PLANTED}.yml").write_text("title: x\n")
    bridge = fixture_bridge(**{f"key{PLANTED}": "x", "position": f"lying{PLANTED}"})
    bridge["dose"] = {**bridge["dose"], "reps": f"ten{PLANTED}"}
    write_content(project, "content/exercises/bridge.yml", bridge)
    for environment in ({}, {"GITHUB_ACTIONS": "true"}):
        result = run_check(project, **environment)
        assert result.returncode == 1
        assert planted(result) == [], result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    # Each shows, escaped, in the annotation that names it: one for each.
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 4, annotations
    assert all("\\n::warning file=README.md" in line for line in annotations), annotations


def test_a_value_holding_a_planted_command_prints_none_from_any_command(project: Path) -> None:
    # A line feed is allowed in text (pages print it as a space), so this content is valid.
    commit_all(project)
    bridge = fixture_bridge(
        purpose=f"Lift slowly.{PLANTED}", steps=[f"Lie down.{PLANTED}", "Lift."]
    )
    write_content(project, "content/exercises/bridge.yml", bridge)
    for command in (["check"], ["digest"], ["generate"], ["changes", "HEAD"], ["build"]):
        result = run(project, *command, GITHUB_ACTIONS="true")
        assert result.returncode == 0, result.stderr
        assert planted(result) == [], (command, result.stdout + result.stderr)
    assert "::warning file=README.md::All checks passed" in run(project, "changes", "HEAD").stdout


def test_the_command_line_quotes_its_arguments_escaped(project: Path) -> None:
    result = run_process(project, "check", f"stray{PLANTED}")
    assert result.returncode == 2
    assert planted(result) == [], result.stderr
    assert "stray\\n::warning file=README.md::All checks passed\\n" in result.stderr


def test_the_tests_that_share_the_hostile_site_run_on_one_worker(
    request: pytest.FixtureRequest,
) -> None:
    # pytest-xdist groups tests by renaming them "<id>@<group>"; pytest 9.2 stopped reading the
    # name it renames, and every worker then built this site again (pyproject.toml pins pytest).
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not run with --dist loadgroup (make unit runs it so)")
    assert request.node.nodeid.endswith("@hostile-site"), request.node.nodeid
