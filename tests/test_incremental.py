"""The live preview renders again only the pages an edit can change (generator/incremental.py):
after every kind of edit, one after another as an editor makes them, its output is byte for byte
what a full run gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import pipeline
from generator.errors import ContentErrors
from generator.pages.incremental import summary_pages
from generator.pipeline import Memo, prepare
from tests.factory import copy_from_repo, write_content, write_project

Edit = Callable[[dict[str, Any]], None]


def _more_reps(data: dict[str, Any]) -> None:
    data["dose"]["reps"] += 2


def _reworded_step(data: dict[str, Any]) -> None:
    data["steps"][0] += " Breathe out as you lift."


def _how_often(data: dict[str, Any]) -> None:
    data["dose"]["how_often"] = "twice a day"


def _another_name(data: dict[str, Any]) -> None:
    data["also_called"].append("hip lift on the floor")


def _new_title(data: dict[str, Any]) -> None:
    data["title"] = "Bridge on the floor"


def _adds_clamshell(data: dict[str, Any]) -> None:
    # An exercise the condition did not list: its page gains a "used by" line.
    data["exercises"]["strengthen"].append("clamshell")


def _drops_its_last_stretch(data: dict[str, Any]) -> None:
    data["exercises"]["stretch"].pop()


def _plan_dose(data: dict[str, Any]) -> None:
    step = next(step for step in data["steps"] if "dose" in step)
    step["dose"]["reps"] += 2


def _reworded_when(data: dict[str, Any]) -> None:
    data["steps"][0]["when"] += ", gently"


def _summary(data: dict[str, Any]) -> None:
    data["summary"] += " Small changes add up."


def _drops_an_exercise(data: dict[str, Any]) -> None:
    data["exercises"].remove("clamshell")


def _one_more_reviewer_field(data: dict[str, Any]) -> None:
    data["review"]["next_review"] = "2027-10-01"


EDITS: list[tuple[str, Edit]] = [
    ("exercises/glute-bridge.yml", _more_reps),
    ("exercises/glute-bridge.yml", _reworded_step),
    ("exercises/clamshell.yml", _how_often),
    ("exercises/clamshell.yml", _another_name),
    ("conditions/acute-glute-spasm.yml", _adds_clamshell),
    ("conditions/acute-glute-spasm.yml", _drops_its_last_stretch),
    ("programmes/glute-strengthening-plan.yml", _plan_dose),
    ("programmes/first-days-self-care.yml", _reworded_when),
    ("prevention/strengthen-your-glutes.yml", _summary),
    ("prevention/strengthen-your-glutes.yml", _drops_an_exercise),
    ("exercises/pelvic-tilt.yml", _one_more_reviewer_field),
    ("exercises/glute-bridge.yml", _new_title),
]


@pytest.fixture
def real_project(tmp_path: Path) -> Path:
    root = write_project(tmp_path, {})
    copy_from_repo(root, "content")
    copy_from_repo(root, "urls.txt")
    return root


@pytest.mark.slow  # renders the real site once for every edit
def test_each_edit_in_turn_renders_what_a_full_run_renders(real_project: Path) -> None:
    memo = Memo()
    previous = prepare(real_project, memo=memo)
    for relative, edit in EDITS:
        _make(real_project, relative, edit)
        incremental = prepare(real_project, memo=memo, previous=previous)
        full = prepare(real_project)
        assert incremental.outputs.keys() == full.outputs.keys(), (relative, edit.__name__)
        differing = [
            path for path, data in full.outputs.items() if incremental.outputs[path] != data
        ]
        assert differing == [], (relative, edit.__name__)
        changed = [path for path, data in full.outputs.items() if previous.outputs[path] != data]
        assert changed, f"{edit.__name__} on {relative} changed no page: not a test of anything"
        previous = incremental


def _make(root: Path, relative: str, edit: Edit) -> None:
    path = root / "content" / relative
    assert path.is_file(), relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    write_content(root, f"content/{relative}", data)


@pytest.mark.slow  # renders the real site once for every edit
def test_summary_pages_rendered_after_the_edited_page_give_what_a_full_run_gives(
    real_project: Path,
) -> None:
    memo = Memo()
    previous = prepare(real_project, memo=memo)
    left_for_later: list[str] = []
    for relative, edit in EDITS:
        _make(real_project, relative, edit)
        later: set[str] = set()
        first = prepare(real_project, memo=memo, previous=previous, later=later)
        left_for_later += later
        previous = prepare(real_project, memo=memo, previous=first, again=later)
        assert previous.outputs == prepare(real_project).outputs, (relative, edit.__name__)
    assert "exercises/index.md" in left_for_later


def test_an_edit_made_while_another_file_had_errors_is_not_lost(real_project: Path) -> None:
    memo = Memo()
    previous = prepare(real_project, memo=memo)
    bridge = real_project / "content/exercises/glute-bridge.yml"
    clamshell = real_project / "content/exercises/clamshell.yml"
    good_bridge = bridge.read_text(encoding="utf-8")
    bridge.write_text(good_bridge.replace("title:", "titel:", 1), encoding="utf-8")
    data = yaml.safe_load(clamshell.read_text(encoding="utf-8"))
    _how_often(data)
    write_content(real_project, "content/exercises/clamshell.yml", data)
    with pytest.raises(ContentErrors):
        prepare(real_project, memo=memo, previous=previous)
    bridge.write_text(good_bridge, encoding="utf-8")
    incremental = prepare(real_project, memo=memo, previous=previous)
    assert incremental.outputs == prepare(real_project).outputs
    assert b"twice a day" in incremental.outputs["docs/exercises/clamshell.md"]


def test_a_reworded_step_renders_only_the_pages_that_show_the_exercise(
    real_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = Memo()
    previous = prepare(real_project, memo=memo)
    rendered: list[str] = []
    real_render_site = pipeline.render_site

    def counting(*arguments: Any) -> dict[str, str]:
        pages = real_render_site(*arguments)
        rendered.extend(pages)
        return pages

    monkeypatch.setattr(pipeline, "render_site", counting)
    relative = "exercises/glute-bridge.yml"
    data = yaml.safe_load((real_project / "content" / relative).read_text(encoding="utf-8"))
    _reworded_step(data)
    write_content(real_project, f"content/{relative}", data)
    prepare(real_project, memo=memo, previous=previous)
    linking = {
        path.removeprefix("docs/")
        for path, text in previous.outputs.items()
        if b"glute-bridge.md" in text and path.endswith(".md")
    }
    linking.add("exercises/glute-bridge.md")
    assert "exercises/glute-bridge.md" in rendered
    assert set(rendered) <= linking | summary_pages(rendered, previous.site)
    assert len(rendered) < len([path for path in previous.outputs if path.endswith(".md")]) / 2
