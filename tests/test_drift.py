"""Committed artefacts equal what the code generates now."""

from __future__ import annotations

from pathlib import Path

from generator.content.schemas import SCHEMA_DIR, schema_comment
from generator.output.schema_files import every_schema
from tests.factory import REPO


def test_committed_schemas_match_the_models() -> None:
    folder = REPO / SCHEMA_DIR
    committed = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in folder.rglob("*.json")
    }
    assert committed == every_schema(), "run `make schemas` and commit schemas/"


def test_every_content_file_names_its_schema() -> None:
    files = sorted((REPO / "content").rglob("*.yml"))
    assert len(files) >= 11
    for path in files:
        relative = path.relative_to(REPO).as_posix()
        first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first_line == schema_comment(relative), relative
        target = first_line.split("$schema=", 1)[1]
        assert (path.parent / target).resolve().is_file(), f"{relative} names a missing schema"


def test_schema_comment_paths() -> None:
    assert schema_comment("content/exercises/glute-bridge.yml") == (
        "# yaml-language-server: $schema=../../schemas/exercise.schema.json"
    )
    assert schema_comment("content/sources.yml") == (
        "# yaml-language-server: $schema=../schemas/sources.schema.json"
    )


def test_the_real_content_is_in_the_ledger() -> None:
    from generator.output.ledger import read_ledger
    from generator.pipeline import prepare

    published = prepare(Path(REPO)).published
    recorded = {url for _, url in read_ledger(REPO)}
    assert published <= recorded, f"run `make ledger`: {sorted(published - recorded)}"


def test_the_exercise_filters_have_a_rule_for_every_phase_position_and_kind() -> None:
    """The exercises index narrows by style sheet alone; a phase, position or kind of equipment
    the schema gains must gain its rule in extra.css, or choosing it would hide nothing."""
    from generator.content.equipment import EQUIPMENT_FILTERS
    from generator.content.models import PHASES, POSITIONS

    css = (REPO / "docs/stylesheets/extra.css").read_text(encoding="utf-8")
    for phase in PHASES:
        assert f"#phase-{phase}:checked) .gg-exercise-list > li:not(.gg-phase-{phase})" in css
    for position in POSITIONS:
        slug = position.replace(" ", "-")
        assert f"#position-{slug}:checked) .gg-exercise-list > li:not(.gg-position-{slug})" in css
    for kind in EQUIPMENT_FILTERS:
        assert f"#kit-{kind}:checked) .gg-exercise-list > li:not(.gg-kit-{kind})" in css
