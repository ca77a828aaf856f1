"""Generated files are written atomically and only when changed; hand-written files stay."""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.output.write import MANIFEST, read_manifest
from generator.pipeline import generate
from tests.factory import small_content, write_content


def tree(root: Path) -> dict[str, bytes]:
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def test_second_run_writes_nothing(project: Path) -> None:
    _, first = generate(project)
    assert (first.written, first.removed) == (50, 0)
    stamp = {path: (project / path).stat().st_mtime_ns for path in read_manifest(project)}
    _, second = generate(project)
    assert (second.written, second.unchanged, second.removed) == (0, 50, 0)
    assert stamp == {path: (project / path).stat().st_mtime_ns for path in read_manifest(project)}


def test_only_changed_files_are_rewritten(project: Path) -> None:
    generate(project)
    bridge = small_content()["exercises/bridge.yml"]
    write_content(project, "content/exercises/bridge.yml", {**bridge, "purpose": "New words."})
    _, report = generate(project)
    # the bridge page and its open data file alone: lists of exercises show its level and dose,
    # not its purpose
    assert report.written == 2
    assert json.loads((project / "docs/api/v1/exercises/bridge.json").read_bytes())["summary"] == (
        "New words."
    )
    assert "New words." in (project / "docs/exercises/bridge.md").read_text()


def test_stale_generated_files_are_removed_and_hand_written_ones_kept(project: Path) -> None:
    generate(project)
    hand_written = project / "docs/exercises/handout-notes.md"
    hand_written.write_text("# Notes\n")
    # The topic renamed: its old page goes (a real rename would keep it as a former id).
    topic = project / "content/prevention/keep-moving.yml"
    topic.rename(topic.with_name("stay-active.yml"))
    condition = project / "content/conditions/sudden-spasm.yml"
    condition.write_text(condition.read_text().replace("- keep-moving\n", "- stay-active\n"))
    _, report = generate(project)
    assert report.removed == 2  # its page and its open data file
    assert not (project / "docs/prevention/keep-moving.md").exists()
    assert not (project / "docs/api/v1/prevention/keep-moving.json").exists()
    assert hand_written.read_text() == "# Notes\n"
    assert "docs/exercises/handout-notes.md" not in read_manifest(project)
    assert (project / "docs/about.md").is_file()


def test_files_are_world_readable(project: Path) -> None:
    generate(project)
    mode = os.stat(project / "docs/exercises/bridge.md").st_mode & 0o777
    assert mode == 0o644
    assert (project / MANIFEST).is_file()
