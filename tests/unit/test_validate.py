"""Schema and cross-reference errors: every one at once, sorted, located, with a hint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.errors import ContentErrors, format_terminal
from generator.pipeline import load_site
from tests.factory import (
    exercise,
    fixture_bridge,
    small_content,
    write_content,
    write_project,
)


def failures(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as failure:
        load_site(root)
    return format_terminal(failure.value.errors).splitlines()


def project_with(tmp_path: Path, **changes: Any) -> Path:
    content = small_content()
    content.update(changes)
    return write_project(tmp_path, content)


def test_valid_fixture_loads(project: Path) -> None:
    site = load_site(project)
    assert list(site.exercises) == ["bridge", "knee-hug"]
    assert [(use.condition.id, use.phase) for use in site.exercise_used_by["bridge"]] == [
        ("sudden-spasm", "strengthen")
    ]
    assert [page.id for page in site.exercise_in_programmes["knee-hug"]] == ["first-days"]
    assert [page.id for page in site.prevention_used_by["keep-moving"]] == ["sudden-spasm"]


def test_the_editor_contract_example(tmp_path: Path) -> None:
    bad = exercise("Bridge", dose={"hold_seconds": "thirty", "how_often": "daily"})
    root = project_with(tmp_path, **{"exercises/bridge.yml": bad})
    lines = failures(root)
    assert lines == [
        "content/exercises/bridge.yml:12:17: error: dose.hold_seconds: expected a whole number,"
        " got 'thirty'",
        "  hint: write digits only, for example 30",
        "1 error in 1 file",
    ]
    assert (root / "content/exercises/bridge.yml").read_text().splitlines()[11] == (
        "  hold_seconds: thirty"
    )


def test_unknown_key_suggests_the_field(tmp_path: Path) -> None:
    root = project_with(tmp_path, **{"exercises/bridge.yml": exercise("Bridge", titel="x")})
    assert failures(root)[:2] == [
        "content/exercises/bridge.yml:33:1: error: titel: unknown field 'titel'",
        "  hint: did you mean 'title'?",
    ]


def test_suggestions_come_from_the_model_being_validated(tmp_path: Path) -> None:
    content = small_content()
    content["exercises/bridge.yml"] = exercise("Bridge", summery="x")
    prevention = content["prevention/keep-moving.yml"]
    prevention["summery"] = prevention.pop("summary")
    content["exercises/knee-hug.yml"]["dose"]["hodl_seconds"] = 5
    lines = failures(write_project(tmp_path, content))
    hints = {line: lines[n + 1] for n, line in enumerate(lines) if "unknown field" in line}
    assert hints == {
        # Exercises have no summary field, so none is suggested.
        "content/exercises/bridge.yml:33:1: error: summery: unknown field 'summery'": (
            "  hint: remove it, or check the field names in schemas/"
        ),
        "content/exercises/knee-hug.yml:16:3: error: dose.hodl_seconds: unknown field"
        " 'hodl_seconds'": "  hint: did you mean 'hold_seconds'?",
        "content/prevention/keep-moving.yml:13:1: error: summery: unknown field 'summery'": (
            "  hint: did you mean 'summary'?"
        ),
    }


def test_missing_field_points_at_its_parent(tmp_path: Path) -> None:
    item = exercise("Bridge")
    del item["stop_rules"]
    del item["dose"]["how_often"]
    root = project_with(tmp_path, **{"exercises/bridge.yml": item})
    assert failures(root) == [
        "content/exercises/bridge.yml:2:1: error: stop_rules: required field is missing",
        "  hint: add `stop_rules:` here",
        "content/exercises/bridge.yml:12:3: error: dose.how_often: required field is missing",
        "  hint: add `how_often:` here",
        "2 errors in 1 file",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[a page](../other.md)", "link address '../other.md' must start with https://"),
        (
            "[a page](http://example.org/x)",
            "link address 'http://example.org/x' must start with https://",
        ),
        (
            "[a page](https://evil.example/x)",
            "link host 'evil.example' is not in content/link-hosts.yml",
        ),
        (
            "[NHS](https://example.org@evil.example/)",
            "link address 'https://example.org@evil.example/' must name a host and nothing else"
            " before the path",
        ),
        (
            "[a page](https://ex\u0430mple.org/)",  # a Cyrillic a
            "link address 'https://ex\u0430mple.org/' has non-ASCII characters",
        ),
        ("Stop \u202eif it hurts", "invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("Stop\x07 now", "control character U+0007"),
    ],
)
def test_unsafe_text_is_refused(tmp_path: Path, text: str, message: str) -> None:
    root = project_with(tmp_path, **{"exercises/bridge.yml": exercise("Bridge", purpose=text)})
    assert failures(root)[0].startswith(
        f"content/exercises/bridge.yml:5:10: error: purpose: {message}"
    )


def test_review_window(tmp_path: Path) -> None:
    review = {"last_updated": "2026-01-15", "next_review": "2029-02-01"}
    root = project_with(tmp_path, **{"exercises/bridge.yml": exercise("Bridge", review=review)})
    assert failures(root)[0] == (
        "content/exercises/bridge.yml:32:16: error: review.next_review: must be after"
        " last_updated and no later than 2029-01-15"
    )


@pytest.mark.parametrize(
    ("history", "message"),
    [
        (
            [
                {"date": "2026-01-01", "summary": "First published."},
                {"date": "2026-01-10", "summary": "Added a precaution."},
            ],
            "review.history: list the changes newest first",
        ),
        (
            [{"date": "2026-02-01", "summary": "Added a precaution."}],
            "review.history: the newest change (2026-02-01) is after last_updated (2026-01-15):"
            " set last_updated to the day of the change",
        ),
        (
            [{"date": "2026-01-15", "summary": "A line " * 30}],
            "review.history[0].summary: is too long: at most 160 characters",
        ),
    ],
)
def test_history_is_newest_first_and_no_later_than_the_last_update(
    tmp_path: Path, history: list[dict[str, str]], message: str
) -> None:
    review = {"last_updated": "2026-01-15", "next_review": "2027-01-15", "history": history}
    root = project_with(tmp_path, **{"exercises/bridge.yml": exercise("Bridge", review=review)})
    assert message in failures(root)[0]


def test_a_history_in_order_loads(tmp_path: Path) -> None:
    history = [
        {"date": "2026-01-15", "summary": "Added a precaution."},
        {"date": "2026-01-01", "summary": "First published."},
    ]
    review = {"last_updated": "2026-01-15", "next_review": "2027-01-15", "history": history}
    root = project_with(tmp_path, **{"exercises/bridge.yml": fixture_bridge(review=review)})
    changes = load_site(root).exercises["bridge"].item.review.history
    assert [(change.date.isoformat(), change.summary) for change in changes] == [
        ("2026-01-15", "Added a precaution."),
        ("2026-01-01", "First published."),
    ]


def test_wrong_choice_lists_the_choices(tmp_path: Path) -> None:
    root = project_with(tmp_path, **{"exercises/bridge.yml": exercise("Bridge", difficulty="easy")})
    assert failures(root)[0] == (
        "content/exercises/bridge.yml:10:13: error: difficulty: expected one of 'gentle',"
        " 'moderate' or 'hard', got 'easy'"
    )


def test_references_to_missing_items_and_sources(tmp_path: Path) -> None:
    item = exercise(
        "Bridge",
        sources=["one", "nope"],
        variants={"easier": "knee-hugg", "move_on_when": "You can do 3 sets."},
    )
    root = project_with(tmp_path, **{"exercises/bridge.yml": item})
    assert failures(root) == [
        "content/exercises/bridge.yml:26:11: error: variants.easier: no exercises item 'knee-hugg'",
        "  hint: it should be a file content/exercises/knee-hugg.yml",
        "content/exercises/bridge.yml:30:3: error: sources[1]: no source 'nope' in"
        " content/sources.yml",
        "  hint: add it there, or fix the key",
        "2 errors in 1 file",
    ]


def test_former_id_that_is_a_current_id(tmp_path: Path) -> None:
    root = project_with(
        tmp_path, **{"exercises/bridge.yml": exercise("Bridge", former_ids=["knee-hug"])}
    )
    assert (
        "content/exercises/bridge.yml:34:3: error: former_ids[0]: duplicate id: 'knee-hug' is"
        " the id of a current exercises item"
    ) in failures(root)


def test_bad_file_names_and_missing_schema_line(tmp_path: Path) -> None:
    root = write_project(tmp_path, small_content())
    write_content(root, "content/exercises/Glute_Bridge.yml", exercise("Bridge"))
    (root / "content/exercises/notes.txt").write_text("x")
    path = root / "content/exercises/bridge.yml"
    path.write_text(path.read_text().split("\n", 1)[1])
    assert failures(root) == [
        "content/exercises/Glute_Bridge.yml:1:1: error: file name 'Glute_Bridge' is not a valid id",
        "  hint: use lower-case letters, digits and single hyphens, for example glute-bridge",
        "content/exercises/bridge.yml:1:1: error: the first line must name the file's schema",
        "  hint: write: # yaml-language-server: $schema=../../schemas/exercise.schema.json",
        "content/exercises/notes.txt:1:1: error: not a content file",
        "  hint: name content files <id>.yml",
        "3 errors in 3 files",
    ]


def test_all_errors_in_all_files_are_reported_together(tmp_path: Path) -> None:
    root = project_with(
        tmp_path,
        **{
            "exercises/bridge.yml": exercise("Bridge", reps="many", category="jump"),
            "exercises/knee-hug.yml": exercise("Knee hug", steps="one"),
        },
    )
    (root / "content/prevention/keep-moving.yml").write_text("title: [\n")
    lines = failures(root)
    located = [line.split(": error:")[0] for line in lines if ": error:" in line]
    assert located == sorted(
        located, key=lambda where: (where.split(":")[0], int(where.split(":")[1]))
    )
    assert len(located) == 4
    assert lines[-1] == "4 errors in 3 files"


def test_warning_signs_are_set_once_and_graded_once(tmp_path: Path) -> None:
    content = small_content()
    content["emergency.yml"]["signs"].append("severe")
    condition = content["conditions/sudden-spasm.yml"]
    condition["when_to_get_help"] = [
        "numb-bottom",
        "cold-leg",
        "cold-leg",
        "no-such-sign",
        "severe",
    ]
    lines = failures(write_project(tmp_path, content))
    assert [line for line in lines if ": error: " in line] == [
        "content/conditions/sudden-spasm.yml:17:1: error: when_to_get_help: lists no"
        " see_gp_or_physio sign: every condition says when to get that help",
        "content/conditions/sudden-spasm.yml:17:3: error: when_to_get_help[0]: 'numb-bottom' is in"
        " the emergency block that every page shows already",
        "content/conditions/sudden-spasm.yml:19:3: error: when_to_get_help[2]: 'cold-leg' is listed"
        " twice",
        "content/conditions/sudden-spasm.yml:20:3: error: when_to_get_help[3]: no warning sign"
        " 'no-such-sign' in content/warning-signs.yml",
        "content/conditions/sudden-spasm.yml:21:3: error: when_to_get_help[4]: 'severe' is in the"
        " emergency block that every page shows already",
        "content/emergency.yml:9:3: error: signs[2]: 'severe' is a urgent sign; this block shows"
        " emergency signs only",
    ]


def test_a_warning_sign_is_cited_or_marked_as_our_advice(tmp_path: Path) -> None:
    content = small_content()
    content["warning-signs.yml"]["uncited"] = {"level": "urgent", "text": "A sign with no source."}
    assert failures(write_project(tmp_path, content))[0] == (
        "content/warning-signs.yml:30:3: error: uncited: a warning sign needs sources, or"
        " editorial: true if it is our advice"
    )


def test_a_hidden_character_cannot_slip_a_second_dose_past_the_rule(tmp_path: Path) -> None:
    # The one-dose rule reads "60 seconds" as a dose; a soft hyphen after 60 hid it from the rule
    # while a reader still saw "60 seconds".
    steps = ["Hold for 60\u00ad seconds.", "Breathe out."]
    root = project_with(tmp_path, **{"exercises/bridge.yml": fixture_bridge(steps=steps)})
    assert failures(root) == [
        "content/exercises/bridge.yml:18:3: error: steps[0]: invisible character U+00AD (SOFT"
        " HYPHEN)",
        "  hint: delete it and type the text again: characters like this come in with copied text",
        "1 error in 1 file",
    ]
    steps[0] = "Hold for 60 seconds."
    write_content(root, "content/exercises/bridge.yml", fixture_bridge(steps=steps))
    assert failures(root)[0] == (
        "content/exercises/bridge.yml:18:3: error: steps[0]: says '60 seconds' but the dose says"
        " rest_seconds 30"
    )
