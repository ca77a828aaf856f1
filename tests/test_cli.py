"""The gluteguide command as an editor meets it: plain messages, exit codes, nothing lost."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from generator.cli import COMMANDS, main
from generator.content.kinds import KINDS
from generator.errors import ContentErrors
from generator.revision import commit_of
from tests.commands import GLUTEGUIDE, run, run_process
from tests.conftest import RUN_MARK, processes_marked
from tests.factory import (
    commit_all,
    exercise,
    fixture_bridge,
    programme,
    small_content,
    write_content,
    write_project,
)
from tests.serving import fetch, free_port, serving


def break_bridge(root: Path) -> None:
    bad = exercise("Bridge", dose={"hold_seconds": "thirty", "how_often": "daily"}, titel="x")
    write_content(root, "content/exercises/bridge.yml", bad)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("docs", "site", ".gluteguide")
        for p in (root / folder).rglob("*")
        if p.is_file()
    }


def test_check_passes_on_valid_content(project: Path) -> None:
    result = run_process(project, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "content OK: 1 conditions, 2 exercises, 1 prevention topics, 1 programmes"
    )


def test_errors_are_plain_sorted_and_counted(project: Path) -> None:
    break_bridge(project)
    result = run_process(project, "check")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "content/exercises/bridge.yml:12:17: error: dose.hold_seconds: expected a whole number,"
        " got 'thirty'",
        "  hint: write digits only, for example 30",
        "content/exercises/bridge.yml:31:1: error: titel: unknown field 'titel'",
        "  hint: did you mean 'title'?",
        "2 errors in 1 file",
    ]
    assert "Traceback" not in result.stderr


def test_github_annotations_under_actions(project: Path) -> None:
    break_bridge(project)
    result = run(project, "check", GITHUB_ACTIONS="true")
    assert result.stdout.splitlines() == [
        "::error file=content/exercises/bridge.yml,line=12,col=17::dose.hold_seconds: expected a"
        " whole number, got 'thirty' (hint: write digits only, for example 30)",
        "::error file=content/exercises/bridge.yml,line=31,col=1::titel: unknown field 'titel'"
        " (hint: did you mean 'title'?)",
    ]


def test_a_failed_build_writes_nothing(project: Path) -> None:
    assert run(project, "build").returncode == 0
    before = snapshot(project)
    assert "site/exercises/bridge/index.html" in before
    break_bridge(project)
    for command in ("generate", "build"):
        result = run(project, command)
        assert result.returncode == 1
        assert snapshot(project) == before


def test_a_hand_written_file_in_the_way_is_reported_not_overwritten(project: Path) -> None:
    in_the_way = project / "docs/exercises/bridge.md"
    in_the_way.parent.mkdir(parents=True)
    in_the_way.write_text("# My own bridge notes\n")
    result = run(project, "generate")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "docs/exercises/bridge.md:1:1: error: a hand-written file stands where a generated page"
        " would go"
    )
    assert in_the_way.read_text() == "# My own bridge notes\n"
    assert not (project / "docs/exercises/knee-hug.md").exists()


def test_generate_reports_counts(project: Path) -> None:
    assert run(project, "generate").stdout == "generated: 50 written, 0 unchanged, 0 removed\n"
    assert run(project, "generate").stdout == "generated: 0 written, 50 unchanged, 0 removed\n"


def test_internal_errors_show_a_traceback_only_with_debug(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("generator.cli.prepare", broken)
    assert main(["--root", str(project), "check"]) == 2
    assert capsys.readouterr().err == (
        "internal error: RuntimeError('disk on fire') (run again with --debug)\n"
    )
    assert main(["--root", str(project), "check", "--debug"]) == 2
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_a_traceback_quotes_its_message_escaped(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("no such page: x\n::warning file=README.md::All checks passed")

    monkeypatch.setattr("generator.cli.prepare", broken)
    assert main(["--root", str(project), "check", "--debug"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == (
        "RuntimeError: no such page: x\\n::warning file=README.md::All checks passed"
    )
    assert not [line for line in lines if line.lstrip().startswith("::")]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_status:
        main([command, "--help"])
    assert exit_status.value.code == 0
    assert COMMANDS[command][1] in " ".join(capsys.readouterr().out.split())


def test_a_failed_mkdocs_build_leaves_the_site_as_it_was(project: Path) -> None:
    assert run(project, "build").returncode == 0
    site_before = {k: v for k, v in snapshot(project).items() if k.startswith("site/")}
    (project / "docs/broken.md").write_text("# Broken\n\n[gone](missing.md)\n")
    result = run(project, "build")
    assert result.returncode == 1
    assert "broken.md" in result.stderr and "missing.md" in result.stderr
    assert result.stderr.rstrip().endswith("error: mkdocs build failed; site/ was left as it was")
    assert {k: v for k, v in snapshot(project).items() if k.startswith("site/")} == site_before
    assert not list(project.glob(".site-build-*"))


def wait_for(url: str, wanted: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if wanted in fetch(url):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow  # the live preview, building again on each edit
def test_serve_previews_and_regenerates_when_content_changes(project: Path) -> None:
    log = project / "serve.log"
    with serving(GLUTEGUIDE, project, log) as (address, _):
        # MkDocs serves under site_url's path, as GitHub Pages will.
        url = f"http://{address}/glute-guide/exercises/bridge/"
        assert wait_for(url, "Bridge eases a tight buttock.")
        edited = fixture_bridge(steps=["Freshly edited.", "Move slowly."])
        write_content(project, "content/exercises/bridge.yml", edited)
        assert wait_for(url, "Freshly edited.")
        # Then the take-home file the programme pages fetch, written with the edited page.
        take_home = f"http://{address}/glute-guide/exercises/bridge/take-home.json"
        assert wait_for(take_home, "Freshly edited.")
        time.sleep(1)  # a build must not set off another: reading files is not changing them
        builds = [line for line in log.read_text().splitlines() if line.startswith("preview: ")]
        assert builds[0].startswith("preview: serving"), builds
        # The edited page alone: its take-home file is copied beside it, and no other page
        # holds its steps (the programme pages fetch them).
        assert builds[1].startswith("preview: exercises/bridge.md ("), builds
        assert len(builds) == 2, builds


@pytest.mark.slow  # the live preview, building again on each edit
def test_serve_reports_a_mistake_and_picks_up_the_fix(project: Path) -> None:
    log = project / "serve.log"
    with serving(GLUTEGUIDE, project, log) as (address, server):
        url = f"http://{address}/glute-guide/exercises/bridge/"
        assert wait_for(url, "Bridge eases a tight buttock.")
        bridge = project / "content/exercises/bridge.yml"
        good = bridge.read_text(encoding="utf-8")
        bridge.write_text(
            good.replace("difficulty: gentle", "difficulty: wobbly"), encoding="utf-8"
        )
        deadline = time.monotonic() + 30
        while "not updated until these are fixed" not in log.read_text():
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        assert "content/exercises/bridge.yml:" in log.read_text()
        assert "Traceback" not in log.read_text()
        assert "Bridge eases a tight buttock." in fetch(url)  # the last good page stays
        bridge.write_text(good.replace("eases a tight", "loosens a tight"), encoding="utf-8")
        assert wait_for(url, "Bridge loosens a tight buttock.")
        assert server.poll() is None


def processes_in_session(session: int) -> list[str]:
    """Processes that still belong to a session: its leader's children keep it when orphaned."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:  # the session id, after state, ppid and pgrp
            found.append(stat.parent.name)
    return found


@pytest.mark.slow  # the live preview as its own process
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_stopping_serve_leaves_nothing_running(project: Path, stop: signal.Signals) -> None:
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [*GLUTEGUIDE, "--root", str(project), "serve", "--dev-addr", address],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert wait_for(f"http://{address}/glute-guide/", "Sudden spasm")
        assert processes_in_session(server.pid) == [str(server.pid)]  # MkDocs runs inside it
        server.send_signal(stop)
        assert server.wait(timeout=20) == 128 + stop
        deadline = time.monotonic() + 10
        while processes_in_session(server.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert processes_in_session(server.pid) == []
        assert fetch(f"http://{address}/glute-guide/") == ""
    finally:
        if processes_in_session(server.pid):
            os.killpg(server.pid, signal.SIGKILL)


def test_the_suite_notices_a_process_left_running() -> None:
    straggler = subprocess.Popen(["sleep", "60"])
    try:
        # Popen returns once the child is forked; it becomes `sleep` a moment later.
        deadline = time.monotonic() + 10
        seen = None
        while seen != "sleep 60" and time.monotonic() < deadline:
            seen = processes_marked(os.environ[RUN_MARK]).get(straggler.pid)
            time.sleep(0.05)
        assert seen == "sleep 60"
    finally:
        straggler.kill()
        straggler.wait()
    assert straggler.pid not in processes_marked(os.environ[RUN_MARK])


def test_a_pipe_in_a_programme_step_stays_in_its_cell(tmp_path: Path) -> None:
    content = small_content()
    content["programmes/first-days.yml"] = programme(
        "First days",
        [
            {"when": "Day 1 | Day 2", "action": "Rest | then walk\nslowly."},
            {"when": "Day 3", "exercise": "bridge"},
        ],
    )
    root = write_project(tmp_path, content)
    assert run(root, "build").returncode == 0
    html = (root / "site/programmes/first-days/index.html").read_text(encoding="utf-8")
    rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("</tr>")[:-1]
    assert [row.count("<td") for row in rows] == [4, 4]
    assert "Day 1 | Day 2" in rows[0] and "Rest | then walk slowly." in rows[0]


def test_a_sign_off_is_bound_to_the_text_it_approved(project: Path) -> None:
    write_content(
        project,
        "content/reviewers.yml",
        {
            "a-physio": {
                "name": "Alex Example",
                "profession": "Physiotherapist",
                "registration_body": "HCPC",
                "registration_number": "PH000000",
            }
        },
    )
    digests = dict(line.split("  ")[::-1] for line in run(project, "digest").stdout.splitlines())
    bridge = small_content()["exercises/bridge.yml"]
    bridge["review"] = {
        "last_updated": "2026-01-15",
        "next_review": "2027-01-15",
        "sign_off": {
            "reviewer": "a-physio",
            "date": "2026-02-01",
            "digest": digests["content/exercises/bridge.yml"],
        },
    }
    write_content(project, "content/exercises/bridge.yml", bridge)
    assert run(project, "build").returncode == 0
    assert (
        "Clinically reviewed by Alex Example, Physiotherapist (HCPC PH000000), on 1 February 2026."
        in page_text(project, "exercises/bridge")
    )
    # The same sign-off after the text changed: the page and check both say so.
    write_content(project, "content/exercises/bridge.yml", {**bridge, "purpose": "New words."})
    result = run(project, "check")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == (
        "review again: content/exercises/bridge.yml changed since its sign-off"
    )
    assert run(project, "build").returncode == 0
    assert "Changed since its clinical review." in page_text(project, "exercises/bridge")
    assert "Clinically reviewed by" not in page_text(project, "exercises/bridge")


def test_a_page_past_its_review_date_says_so_and_check_fails(project: Path) -> None:
    result = run(project, "check", "--today", "2027-01-16")
    assert result.returncode == 1
    assert "overdue: content/exercises/bridge.yml was due for review on 2027-01-15" in result.stdout
    assert run(project, "check", "--today", "2027-01-15").returncode == 0
    assert run(project, "build", "--today", "2027-01-16").returncode == 0
    assert (
        "Past its review date. This page was due to be checked again on 15 January 2027"
        in page_text(project, "exercises/bridge")
    )
    # Without --today the build does not read the clock: the same content, the same page.
    assert run(project, "build").returncode == 0
    assert "Past its review date" not in page_text(project, "exercises/bridge")


def page_text(project: Path, url: str) -> str:
    html = (project / "site" / url / "index.html").read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" .", ".").replace(" ,", ",")


def test_new_writes_every_required_field_and_check_lists_what_is_left(project: Path) -> None:
    result = run(project, "new", "exercise", "side-plank")
    assert result.returncode == 0, result.stderr
    path = project / "content/exercises/side-plank.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/exercise.schema.json\n")
    assert "review:\n  last_updated: '" in text and "next_review:" in text
    checked = run(project, "check")
    assert checked.returncode == 1
    errors = [line for line in checked.stderr.splitlines() if ": error: " in line]
    # Every problem is in the new file, one for each field still marked FILL IN.
    assert errors and all(line.startswith("content/exercises/side-plank.yml:") for line in errors)
    placeholders = text.count("FILL IN: ")
    assert len(errors) == placeholders
    assert any("steps[0]: still to fill in" in line for line in errors)
    assert f"{placeholders} errors in 1 file" in checked.stderr


PAGE_FIELDS = {
    # kind -> fields its page shows that the model leaves optional, which `new` must write
    "exercise": [
        "also_called[0]",
        "equipment[0]",
        "dose.sets",
        "dose.reps",
        "dose.hold_seconds",
        "dose.minutes",
        "dose.per_side",
        "dose.rest_seconds",
        "tips[0]",
        "movements[0]",
        "precautions[0]",
        "variants.easier",
        "variants.harder",
        "drawings[0].props[0]",
        "drawings[0].moves",
        "drawings[0].highlight[0]",
        "drawings[1].moves",
    ],
    "condition": ["types[0].name", "risk_factors[0]", "exercises.relieve[0]", "common"],
    "prevention": ["exercises[0]"],
    "programme": ["steps[0].exercise", "steps[0].dose.sets", "steps[1].action"],
}


@pytest.mark.parametrize("kind", sorted(PAGE_FIELDS))
def test_new_scaffolds_the_optional_fields_a_page_shows_and_check_lists_each(
    project: Path, kind: str
) -> None:
    """Each FILL IN, required or optional, is one located error of `check`, at its own line; an
    optional one says it may be deleted instead; none is a field a new item must not carry."""
    result = run(project, "new", kind, "side-plank")
    assert result.returncode == 0, result.stderr
    (path,) = project.glob("content/*/side-plank.yml")
    lines = path.read_text(encoding="utf-8").splitlines()
    checked = run(project, "check")
    assert checked.returncode == 1
    found = re.findall(r"^(content/\S+):(\d+):\d+: error: (\S+): ", checked.stderr, re.M)
    assert {file for file, _, _ in found} == {path.relative_to(project).as_posix()}
    filled_in = [number for number, line in enumerate(lines, 1) if "FILL IN: " in line]
    assert sorted(int(line) for _, line, _ in found) == filled_in
    fields = {field for _, _, field in found}
    assert set(PAGE_FIELDS[kind]) <= fields, sorted(fields)
    data = yaml.safe_load("\n".join(lines))
    for field in PAGE_FIELDS[kind]:
        value = data
        for key in re.findall(r"\w+", field):
            value = value[int(key)] if key.isdigit() else value[key]
        assert "; or delete " in value, (field, value)
    assert not any(line.lstrip().startswith(("former_ids:", "sign_off:")) for line in lines)


def test_new_writes_what_the_model_leaves_empty_and_nothing_the_model_does_not_know(
    project: Path,
) -> None:
    """Driven by each kind's model: every optional field that holds nothing until written (null,
    an empty list, false) is in the new file but for the two a new item must not carry, and the
    file holds no field the model does not declare."""
    for kind in KINDS:
        assert run(project, "new", kind.schema_name, "side-plank").returncode == 0
        path = project / "content" / kind.folder / "side-plank.yml"
        written = yaml.safe_load(path.read_text(encoding="utf-8"))
        schema = kind.model.model_json_schema()
        empty = {
            name
            for name, field in schema["properties"].items()
            if field.get("default", 0) in (None, [], False)
        }
        assert empty - set(written) == {"former_ids"}, kind.folder
        assert set(written) <= set(schema["properties"]), kind.folder
        assert set(schema["required"]) <= set(written), kind.folder
        assert "sign_off" not in written["review"]


@pytest.mark.parametrize("linked", ["content/exercises", "content"])
def test_new_refuses_a_folder_that_is_a_link_as_check_does(project: Path, linked: str) -> None:
    """A kind's folder, or content/ itself, that leads elsewhere: `new` would write there, and
    `check` refuses it. new refuses it with check's own located error and writes nothing."""
    elsewhere = project / "elsewhere"
    (project / linked).rename(elsewhere)
    (project / linked).symlink_to(elsewhere, target_is_directory=True)
    before = sorted(p.relative_to(elsewhere).as_posix() for p in elsewhere.rglob("*"))
    result = run(project, "new", "exercise", "side-plank")
    assert result.returncode == 1
    message = "content/ is a link" if linked == "content" else "folder is a link"
    refused = f"{linked}:1:1: error: {message}"
    assert result.stderr.splitlines()[:2] == [
        refused,
        "  hint: keep content in real folders inside the repository, not links",
    ], result.stderr
    assert refused in run(project, "check").stderr
    assert sorted(p.relative_to(elsewhere).as_posix() for p in elsewhere.rglob("*")) == before


@pytest.mark.parametrize(
    ("kind", "item_id", "message"),
    [
        ("exercise", "bridge", "'bridge' already exists"),
        ("exercise", "Side Plank", "'Side Plank' is not a valid id"),
        ("exercise", "old-bridge", "'old-bridge' is a former id of bridge"),
        ("exercise", "published-once", "'published-once' was published before"),
        ("recipe", "side-plank", "there is no such kind of content"),
    ],
)
def test_new_refuses_an_id_that_is_taken_or_was_ever_published(
    project: Path, kind: str, item_id: str, message: str
) -> None:
    bridge = small_content()["exercises/bridge.yml"]
    write_content(project, "content/exercises/bridge.yml", {**bridge, "former_ids": ["old-bridge"]})
    (project / "urls.txt").write_text("/exercises/published-once/\n", encoding="utf-8")
    before = sorted(p.name for p in (project / "content/exercises").iterdir())
    result = run(project, "new", kind, item_id)
    assert result.returncode == 1
    assert message in result.stderr and ":1:1: error:" in result.stderr, result.stderr
    assert sorted(p.name for p in (project / "content/exercises").iterdir()) == before


@pytest.mark.parametrize("ref", ["--output=taken.tar", "-o", "--remote=ext::sh"])
def test_changes_takes_a_revision_never_an_option(project: Path, ref: str) -> None:
    """`git archive ... --output=FILE` would create or empty FILE: a REF that starts with '-' is
    refused before git runs, with a plain message and no traceback."""
    commit_all(project)
    taken = project / "taken.tar"
    taken.write_text("an editor's own file\n", encoding="utf-8")
    result = run_process(project, "changes", "--", ref)
    assert result.returncode == 2, result.stderr
    assert f"argument REF: '{ref}' starts with '-', so git would read it as an option" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert taken.read_text(encoding="utf-8") == "an editor's own file\n"


def test_a_revision_is_checked_with_git_before_it_is_used(project: Path) -> None:
    commit_all(project)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert commit_of(project, "HEAD") == head
    for ref, message in [
        ("-x", "'-x' starts with '-', so git would read it as an option"),
        ("", "the revision is empty"),
        ("HEAD:content", "cannot read content/ at 'HEAD:content': fatal: Needed a single revision"),
        ("no\x1b[2Kbranch", "cannot read content/ at 'no\\x1b[2Kbranch'"),
    ]:
        with pytest.raises(ContentErrors) as refused:
            commit_of(project, ref)
        (error,) = refused.value.errors
        assert message in error.located(), error.located()
        assert error.hint == "name a branch, tag or commit that git knows, for example origin/main"


PLANTED = "x\n::warning file=README.md::All checks passed\n\x1b[2K.yml"


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_name_that_holds_a_line_break_prints_no_workflow_command(
    project: Path, command: str
) -> None:
    (project / "content/exercises" / PLANTED).write_text("title: x\n", encoding="utf-8")
    # A hand-written page with a broken link: MkDocs' own warning names its file.
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "y\n::notice::fine\n.md").write_text("[gone](missing.md)\n")
    result = run(project, command, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).splitlines()
    commands = [line for line in lines if line.lstrip().startswith("::")]
    assert commands and all(line.startswith("::error file=content/") for line in commands), lines
    assert (
        "content/exercises/x\\n::warning file=README.md::All checks passed\\n\\x1b[2K.yml:1:1"
        in (result.stderr)
    )
    assert "\x1b" not in result.stdout + result.stderr


def test_mkdocs_warnings_print_names_escaped(project: Path) -> None:
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "y\n::notice::fine\n.md").write_text("[gone](missing.md)\n")
    result = run(project, "build")
    assert result.returncode == 1
    assert "y\\n::notice::fine\\n.md" in result.stderr, result.stderr
    assert not [line for line in result.stderr.splitlines() if line.lstrip().startswith("::")]
