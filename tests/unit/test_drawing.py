"""Drawings from poses: impossible poses are refused with a located message, like every other
content error, and the same poses always give the same bytes."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.content.pose import Drawing
from generator.drawing.draw import draw_exercise
from tests.factory import DRAWINGS, exercise
from tests.unit.test_clinical import errors_for


def with_drawings(drawings: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "exercises/knee-hug.yml": exercise(
            "Knee hug",
            "mobilise",
            variants={"harder": "bridge", "move_on_when": "No pain."},
            drawings=drawings,
        )
    }


def changed(index: int, **fields: Any) -> list[dict[str, Any]]:
    drawings: list[dict[str, Any]] = json.loads(json.dumps(DRAWINGS))
    drawings[index] = {**drawings[index], **fields}
    return drawings


def messages(tmp_path: Path, drawings: list[dict[str, Any]]) -> list[str]:
    return [
        re.sub(r":\d+:\d+:", ":L:C:", line)
        for line in errors_for(tmp_path, **with_drawings(drawings))
    ]


PREFIX = "content/exercises/knee-hug.yml:L:C: error: "


def test_a_joint_angle_beyond_a_human_range_is_refused(tmp_path: Path) -> None:
    drawings = changed(1, right={"hip": {"flexion": 115}, "knee": 170})
    assert messages(tmp_path, drawings) == [
        PREFIX + "drawings[1].right.knee: must be at most 150, got 170"
    ]


def test_the_error_names_the_line_of_the_value(tmp_path: Path) -> None:
    lines = errors_for(tmp_path, **with_drawings(changed(0, body="upside-down")))
    assert len(lines) == 1
    assert lines[0].startswith("content/exercises/knee-hug.yml:")
    assert "drawings[0].body" in lines[0]
    line = int(lines[0].split(":")[1])
    text = (tmp_path / "content/exercises/knee-hug.yml").read_text().splitlines()[line - 1]
    assert "upside-down" in text


def test_a_limb_through_the_floor_is_refused(tmp_path: Path) -> None:
    # Resting on the back alone, a straight leg pushed behind the body goes through the floor.
    leg = {"hip": {"flexion": -25}, "knee": 0}
    drawings = changed(0, rests_on=["back"], right=leg, moves=None)
    found = [line for line in messages(tmp_path, drawings) if "drawings[0]" in line]
    assert found == [
        PREFIX + "drawings[0]: the floor cuts 11 cm into the right toes",
        PREFIX + "drawings[0]: the floor cuts 12 cm into the right knee",
        PREFIX + "drawings[0]: the floor cuts 34 cm into the right heel",
    ]


def test_a_figure_outside_its_frame_is_refused(tmp_path: Path) -> None:
    standing = {"hip": {"flexion": 0}, "knee": 0}
    drawings = changed(0, body="standing", rests_on=["feet"], moves=None, props=[])
    drawings[0] |= {"right": standing, "left": json.loads(json.dumps(standing))}
    drawings[1] = json.loads(json.dumps({**drawings[0], "step": 2}))
    drawings[1]["right"]["shoulder"] = {"flexion": 180}
    assert messages(tmp_path, drawings) == [
        PREFIX + "drawings[1]: the right forearm sticks out of the frame's top edge by 14 cm",
        PREFIX + "drawings[1]: the right hand sticks out of the frame's top edge by 27 cm",
    ]


def test_a_reach_that_cannot_be_made_is_refused(tmp_path: Path) -> None:
    drawings = changed(1, reach={"left-hand": "right-foot"})
    assert messages(tmp_path, drawings) == [
        PREFIX + "drawings[1].reach.left-hand: the left-hand cannot reach the right-foot:"
        " it is 24 cm short"
    ]


def test_supports_that_cannot_touch_are_refused(tmp_path: Path) -> None:
    drawings = changed(0, rests_on=["feet", "feet on sofa"], moves=None)
    assert (
        PREFIX + "drawings[0].rests_on[1]: the feet and the feet cannot both rest on"
        " what they are given"
    ) in messages(tmp_path, drawings)
    drawings = changed(0, rests_on=["back", "feet", "right-hand on sofa"], moves=None)
    assert messages(tmp_path, drawings) == [
        PREFIX + "drawings[0].rests_on[2]: the right-hand is 29 cm below the sofa"
    ]


def test_drawings_follow_the_steps(tmp_path: Path) -> None:
    assert messages(tmp_path, changed(0, step=1)) == [
        PREFIX + "drawings[0].step: must be 0: the first drawing shows the starting position",
    ]
    assert messages(tmp_path, changed(1, step=9)) == [
        PREFIX + "drawings[1].step: there is no step 9: the exercise has 2 steps"
    ]
    assert messages(tmp_path, changed(1, step=0)) == [
        PREFIX + "drawings[1].step: step 0 comes after step 0: keep step order"
    ]


def test_an_arrow_needs_a_movement_to_show(tmp_path: Path) -> None:
    assert messages(tmp_path, changed(1, moves="right-knee")) == [
        PREFIX + "drawings[1].moves: the last drawing has no next one to move to"
    ]
    assert messages(tmp_path, changed(0, moves="head")) == [
        PREFIX + "drawings[0].moves: the head moves only 0 cm on the page before the next drawing"
    ]


def test_an_unknown_part_is_refused(tmp_path: Path) -> None:
    found = messages(tmp_path, changed(0, rests_on=["elbow-of-doom"]))
    assert found == [
        PREFIX + "drawings[0].rests_on[0]: 'elbow-of-doom' is not a part of the body,"
        " or a part 'on ball' or 'on sofa'"
    ]


def test_the_same_poses_give_the_same_bytes() -> None:
    drawings = [Drawing.model_validate(frame) for frame in DRAWINGS]
    first = [drawn.svg for drawn in draw_exercise(drawings)]
    again = [drawn.svg for drawn in draw_exercise(copy.deepcopy(drawings))]
    assert first == again
    assert all(not drawn.problems for drawn in draw_exercise(drawings))


def test_an_exercise_s_drawings_share_one_crop_of_their_frame() -> None:
    drawings = [Drawing.model_validate(frame) for frame in DRAWINGS]
    views = [re.search(r'viewBox="([^"]+)"', each.svg) for each in draw_exercise(drawings)]
    crops = {tuple(float(n) for n in view.group(1).split()) for view in views if view}
    assert len(crops) == 1, "one crop for all of an exercise's drawings, so they line up"
    left, top, width, height = crops.pop()
    assert left >= 0 and top >= 0 and left + width <= 140 and top + height <= 72
    assert width * height < 140 * 72 * 0.6, "a lying figure leaves most of the frame empty"


def test_the_text_alternative_is_escaped_and_nothing_else_comes_from_content() -> None:
    hostile = {**DRAWINGS[0], "shows": 'A "pose" <script>alert(1)</script> & more'}
    drawings = [Drawing.model_validate(hostile), Drawing.model_validate(DRAWINGS[1])]
    svg = draw_exercise(drawings)[0].svg
    assert 'aria-label="A &#34;pose&#34; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"' in svg
    assert "<script" not in svg
    outside_label = re.sub(r'aria-label="[^"]*"', "", svg)
    assert re.fullmatch(r'[<>a-zA-Z0-9 ="./:\-_#]+', outside_label)


@pytest.mark.parametrize("field", ["right", "left"])
def test_each_side_is_checked(tmp_path: Path, field: str) -> None:
    drawings = changed(0, **{field: {"hip": {"abduction": 80}}})
    assert messages(tmp_path, drawings) == [
        PREFIX + f"drawings[0].{field}.hip.abduction: must be at most 50, got 80"
    ]


def test_a_spine_twisted_past_its_range_by_trunk_and_pelvis_together_is_refused(
    tmp_path: Path,
) -> None:
    drawings = changed(0, trunk={"rotation": -30}, pelvis={"roll": 45})
    assert [line for line in messages(tmp_path, drawings) if "pelvis" in line] == [
        PREFIX + "drawings[0].pelvis.roll: with trunk.rotation -30, the spine would twist 75"
        " degrees, more than 60"
    ]


def test_a_rolled_pelvis_takes_the_knees_to_that_side_and_leaves_the_shoulders() -> None:
    from generator.drawing.figure import pose

    lying = Drawing.model_validate({**DRAWINGS[0], "moves": None, "rests_on": ["shoulders"]})
    rolled = lying.model_copy(update={"pelvis": lying.pelvis.model_copy(update={"roll": 45})})
    before, after = pose(lying).points, pose(rolled).points
    # On the back, the body's right is the world's +z: rolling right swings the knees that way.
    for knee in ("left-knee", "right-knee"):
        assert after[knee][2] - before[knee][2] > 8
    assert after["right-knee"][1] < before["right-knee"][1] - 4, "the leading knee sinks"
    for shoulder in ("left-shoulder", "right-shoulder"):
        assert all(abs(a - b) < 0.5 for a, b in zip(after[shoulder], before[shoulder], strict=True))
