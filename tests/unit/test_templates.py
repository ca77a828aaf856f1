"""The templates' shape: every item page extends item.md.j2, every section's index is index.md.j2
or extends it, and what differs between kinds comes from the kind registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jinja2 import nodes

from generator.content.kinds import KINDS, Kind
from generator.content.site import index_path
from generator.pages.render import environment
from generator.pipeline import DOCS, load_site, prepare


def _parent(template: str) -> str | None:
    """The template a template extends, or None."""
    env = environment()
    assert env.loader is not None
    tree = env.parse(env.loader.get_source(env, template)[0])
    found = tree.find(nodes.Extends)
    return None if found is None else str(found.template.as_const())


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.folder)
def test_each_kinds_pages_share_their_base(kind: Kind) -> None:
    assert _parent(kind.template) == "item.md.j2"
    assert kind.index_template == "index.md.j2" or _parent(kind.index_template) == "index.md.j2"


def test_each_index_page_is_titled_described_and_opened_as_its_kind_says(project: Path) -> None:
    outputs = prepare(project).outputs
    for kind in KINDS:
        text = outputs[f"{DOCS}/{index_path(kind.folder)}"].decode("utf-8")
        assert text.startswith(
            f"---\ntitle: {json.dumps(kind.title)}\ndescription: {json.dumps(kind.description)}\n"
            f"---\n\n# {kind.title}\n\n{kind.intro}"
        ), kind.folder


def test_a_pages_summary_is_an_exercises_purpose_or_an_items_summary(project: Path) -> None:
    site = load_site(project)
    exercise = next(iter(site.exercises.values()))
    assert exercise.summary == exercise.item.purpose
    for kind in ("conditions", "prevention", "programmes"):
        page = next(iter(site.items[kind].values()))
        assert page.summary == page.item.summary  # type: ignore[attr-defined]


def test_the_home_page_has_a_plain_way_in_for_clinicians(project: Path) -> None:
    outputs = prepare(project).outputs
    home = outputs[f"{DOCS}/index.md"].decode("utf-8")
    assert "\n- [For clinicians: make a home programme](prescribe.md).\n" in home
    assert f"{DOCS}/prescribe.md" in outputs
