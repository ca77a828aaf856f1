"""The clinical rules: one dose per exercise, move-on rules that lead somewhere, staged plans.
Each is enforced by `check` with a located message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.errors import ContentErrors, format_terminal
from generator.pipeline import load_site
from tests.factory import exercise, programme, small_content, write_project


def errors_for(tmp_path: Path, **changes: Any) -> list[str]:
    content = small_content()
    content.update(changes)
    with pytest.raises(ContentErrors) as failure:
        load_site(write_project(tmp_path, content))
    return [line for line in format_terminal(failure.value.errors).splitlines() if "error:" in line]


def test_step_text_cannot_contradict_the_dose(tmp_path: Path) -> None:
    bridge = exercise(
        "Bridge",
        "strengthen",
        dose={"sets": 2, "reps": 10, "hold_seconds": 5, "how_often": "daily"},
        steps=["Hold for 20 to 30 seconds.", "Lower slowly over 5 seconds."],
        tips=["Do 12 reps when it is easy.", "Repeat 10 times."],
        variants={"easier": "knee-hug", "move_on_when": "You can hold for 10 seconds."},
    )
    assert errors_for(tmp_path, **{"exercises/bridge.yml": bridge}) == [
        "content/exercises/bridge.yml:18:3: error: steps[0]: gives a range, '20 to 30 seconds',"
        " but the dose gives one amount",
        "content/exercises/bridge.yml:35:3: error: tips[0]: says '12 reps' but the dose says"
        " reps 10",
    ]


def test_a_move_on_rule_must_lead_somewhere_the_exercise_can_reach(tmp_path: Path) -> None:
    bridge = exercise(
        "Bridge",
        "strengthen",
        variants={"move_on_when": "You can do 2 sets of 10 with a band."},
    )
    knee_hug = exercise("Knee hug", "mobilise", variants={"move_on_when": "It feels easy."})
    found = errors_for(
        tmp_path, **{"exercises/bridge.yml": bridge, "exercises/knee-hug.yml": knee_hug}
    )
    assert [line for line in found if "move_on_when" in line] == [
        "content/exercises/bridge.yml:26:17: error: variants.move_on_when: leads nowhere: it asks"
        " for no more than the starting dose and names no harder variant",
        "content/exercises/bridge.yml:26:17: error: variants.move_on_when: needs a band, which"
        " neither this exercise nor its harder variant lists",
        "content/exercises/knee-hug.yml:26:17: error: variants.move_on_when: leads nowhere: it"
        " asks for no more than the starting dose and names no harder variant",
    ]


def test_a_plan_never_starts_an_exercise_before_its_easier_variant(tmp_path: Path) -> None:
    content = small_content()
    content["exercises/bridge.yml"]["difficulty"] = "moderate"
    plan = programme(
        "Plan",
        [
            {"when": "Week 1", "exercise": "bridge"},
            {"when": "Week 1", "exercise": "knee-hug"},
            {"when": "Week 2", "exercise": "bridge"},
        ],
    )
    only = programme(
        "Only", [{"when": "Week 1", "action": "Rest."}, {"when": "Week 2", "exercise": "bridge"}]
    )
    assert errors_for(
        tmp_path,
        **{
            "exercises/bridge.yml": content["exercises/bridge.yml"],
            "programmes/plan.yml": plan,
            "programmes/only.yml": only,
        },
    ) == [
        "content/programmes/only.yml:11:13: error: steps[1].exercise: starts 'bridge' (moderate)"
        " without its easier variant 'knee-hug'",
        # Week 2's bridge is fine: the knee hug started a stage earlier.
        "content/programmes/plan.yml:9:13: error: steps[0].exercise: starts 'bridge' (moderate) in"
        " the same stage as its easier variant 'knee-hug'",
    ]


def test_a_plan_s_own_dose_needs_a_reason_and_shows_on_the_exercise_page(tmp_path: Path) -> None:
    content = small_content()
    step = content["programmes/first-days.yml"]["steps"][2]
    del step["dose_reason"]
    assert errors_for(
        tmp_path, **{"programmes/first-days.yml": content["programmes/first-days.yml"]}
    ) == [
        "content/programmes/first-days.yml:12:3: error: steps[2]: a step that changes the"
        " exercise's dose says why, in dose_reason"
    ]


def test_a_plan_cannot_move_past_an_exercise_whose_rule_its_dose_never_meets(
    tmp_path: Path,
) -> None:
    plan = programme(
        "Plan",
        [
            {"when": "Weeks 1 to 2", "exercise": "knee-hug"},
            {
                "when": "Weeks 1 to 2",
                "exercise": "bridge",
                "dose": {"sets": 2, "reps": 12, "how_often": "twice a week"},
                "dose_reason": "A gentle start.",
            },
            {"when": "Weeks 3 to 4", "action": "Keep going."},
            {"when": "Weeks 3 to 4", "exercise": "knee-hug"},
        ],
    )
    bridge = exercise(
        "Bridge",
        "strengthen",
        equipment=["a mat"],
        variants={"easier": "knee-hug", "move_on_when": "You can do 3 sets of 12 on most days."},
    )
    errors = errors_for(
        tmp_path, **{"programmes/first-days.yml": plan, "exercises/bridge.yml": bridge}
    )
    assert errors == [
        "content/programmes/first-days.yml:13:5: error: steps[1].dose: 'bridge' can never meet its"
        " move-on rule at this dose before the plan moves past it: it asks for '3 sets', the dose"
        " gives sets 2; it asks for 'most days', the dose is 'twice a week'",
    ]


def test_a_plan_that_ends_with_an_exercise_has_no_gate_to_reach(tmp_path: Path) -> None:
    plan = programme(
        "Plan",
        [
            {"when": "Week 1", "action": "Warm up."},
            {"when": "Week 2", "exercise": "knee-hug"},
            {"when": "Week 2", "exercise": "bridge"},
        ],
    )
    content = small_content()
    content["programmes/first-days.yml"] = plan
    assert load_site(write_project(tmp_path, content)).programmes["first-days"]


def test_a_page_names_no_countrys_own_number(tmp_path: Path) -> None:
    bridge = exercise(
        "Bridge",
        "strengthen",
        equipment=["a mat"],
        steps=["If it hurts badly, call 999.", "Or go to A&E."],
        variants={"easier": "knee-hug", "move_on_when": "You can do 3 sets of 12."},
    )
    errors = errors_for(tmp_path, **{"exercises/bridge.yml": bridge})
    assert errors == [
        "content/exercises/bridge.yml:18:3: error: steps[0]: names '999', which means something"
        " in one country only",
        "content/exercises/bridge.yml:19:3: error: steps[1]: names 'A&E', which means something"
        " in one country only",
    ]


def test_precautions_of_a_kind_of_movement_are_set_once(tmp_path: Path) -> None:
    bridge = exercise(
        "Bridge",
        "strengthen",
        equipment=["a mat"],
        movements=["twisting", "no-such-kind"],
        precautions=["Thin bones? Twist gently."],
        variants={"easier": "knee-hug", "move_on_when": "You can do 3 sets of 12."},
    )
    errors = errors_for(tmp_path, **{"exercises/bridge.yml": bridge})
    assert errors == [
        "content/exercises/bridge.yml:9:11: error: position: is done lying on your back but does"
        " not list lying-on-back",
        "content/exercises/bridge.yml:38:3: error: movements[1]: no kind of movement"
        " 'no-such-kind' in content/movements.yml",
        "content/exercises/bridge.yml:40:3: error: precautions[0]: repeats the precaution of one"
        " of its kinds of movement",
    ]


def test_take_home_words_do_not_point_at_the_page(tmp_path: Path) -> None:
    # A programme's page and its handout print these words under another exercise's heading.
    bridge = exercise(
        "Bridge",
        "strengthen",
        equipment=["a mat"],
        steps=["Hold for the time in the dose at the top of this page.", "Lower slowly."],
        tips=["The drawings on this page show the start."],
        variants={"easier": "knee-hug", "move_on_when": "You can do 3 sets of 12, as shown above."},
    )
    errors = errors_for(tmp_path, **{"exercises/bridge.yml": bridge})
    assert errors == [
        "content/exercises/bridge.yml:18:3: error: steps[0]: says 'this page', but a home"
        " programme prints this text elsewhere",
        "content/exercises/bridge.yml:27:17: error: variants.move_on_when: says 'shown above',"
        " but a home programme prints this text elsewhere",
    ]
