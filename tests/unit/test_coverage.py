"""The content's rules as a whole, each reported where an editor would fix it, with a hint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.errors import ContentErrors, format_terminal
from generator.pipeline import load_site
from tests.factory import exercise, fixture_bridge, small_content, write_project


def reported(tmp_path: Path, content: dict[str, Any]) -> list[str]:
    with pytest.raises(ContentErrors) as failure:
        load_site(write_project(tmp_path, content))
    return format_terminal(failure.value.errors).splitlines()


def test_the_fixture_keeps_every_rule(tmp_path: Path) -> None:
    assert load_site(write_project(tmp_path, small_content())).exercises


def test_an_exercise_nothing_links_to(tmp_path: Path) -> None:
    content = small_content()
    content["exercises/side-plank.yml"] = exercise("Side plank", "relieve")
    assert reported(tmp_path, content)[:2] == [
        "content/exercises/side-plank.yml:2:1: error: no condition or programme links to this"
        " exercise",
        "  hint: add it to a condition's exercises or a programme's steps, or remove it",
    ]


def test_an_exercise_with_no_way_on_or_back(tmp_path: Path) -> None:
    content = small_content()
    content["exercises/bridge.yml"] = fixture_bridge(variants={"move_on_when": "Never."})
    content["exercises/knee-hug.yml"]["variants"] = {"move_on_when": "It is easy."}
    lines = reported(tmp_path, content)
    assert (
        "content/exercises/bridge.yml:26:3: error: variants: names neither an easier nor a"
        " harder exercise" in lines
    )
    assert "  hint: give an easier one to do instead, or a harder one to move on to" in lines


def test_variants_that_do_not_point_back(tmp_path: Path) -> None:
    content = small_content()
    content["exercises/pelvic-tilt.yml"] = exercise(
        "Pelvic tilt", "mobilise", variants={"harder": "bridge", "move_on_when": "No pain."}
    )
    content["conditions/sudden-spasm.yml"]["exercises"]["mobilise"].append("pelvic-tilt")
    assert reported(tmp_path, content)[:2] == [
        "content/exercises/pelvic-tilt.yml:26:11: error: variants.harder: 'bridge' names"
        " 'knee-hug' as its easier variant, not this one",
        "  hint: make them agree: set easier: pelvic-tilt there, or choose another",
    ]


def test_a_condition_with_no_prevention(tmp_path: Path) -> None:
    content = small_content()
    content["conditions/sudden-spasm.yml"]["prevention"] = []
    assert reported(tmp_path, content)[:2] == [
        "content/conditions/sudden-spasm.yml:2:1: error: names no prevention topic",
        "  hint: add `prevention:` with the id of a topic under content/prevention/",
    ]


def test_an_exercise_drawn_once(tmp_path: Path) -> None:
    content = small_content()
    bridge = content["exercises/bridge.yml"]
    bridge["drawings"] = bridge["drawings"][:1]
    lines = reported(tmp_path, content)
    assert lines[:2] == [
        f"content/exercises/bridge.yml:{lines[0].split(':')[1]}:1: error: drawings: needs at least"
        " 2 entries, has 1",
        "  hint: add 1 more",
    ]


def test_a_condition_that_helps_in_too_few_phases(tmp_path: Path) -> None:
    content = small_content()
    del content["conditions/sudden-spasm.yml"]["exercises"]["stretch"]
    assert reported(tmp_path, content)[:2] == [
        "content/conditions/sudden-spasm.yml:21:3: error: exercises: offers exercises for 2"
        " phases; a condition needs 3",
        "  hint: add some for: relieve, stretch",
    ]
