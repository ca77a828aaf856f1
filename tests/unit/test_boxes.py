"""The warning boxes are declared once (generator/content/boxes.py): the pages draw them and the
output gate expects them from the same admonitions and titles."""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.content.boxes import ADMONITIONS, STOP_ADMONITION, STOP_TITLE
from generator.content.models import LEVELS
from generator.content.site import built_file, url_of
from generator.output.gate import ARTICLE_CLASSES, expected_warnings
from generator.pipeline import DOCS, prepare

BOX = re.compile(r'^ *!!! ([a-z]+)(?: [a-z-]+)* "(.*)"$', re.MULTILINE)


def test_every_level_has_a_box_and_the_gate_allows_it() -> None:
    assert set(ADMONITIONS) == set(LEVELS)
    assert {*ADMONITIONS.values(), STOP_ADMONITION} <= ARTICLE_CLASSES


def test_each_page_draws_the_boxes_the_gate_expects_of_it(project: Path) -> None:
    prepared = prepare(project)
    expected = expected_warnings(prepared.site)
    kinds: set[str] = set()
    for path, data in prepared.outputs.items():
        if not path.endswith(".md"):
            continue
        drawn = [(kind, _plain(title)) for kind, title in BOX.findall(data.decode("utf-8"))]
        built = built_file(url_of(path.removeprefix(f"{DOCS}/")))
        assert drawn == [(box.kind, box.title) for box in expected.get(built, ())], path
        kinds |= {kind for kind, _ in drawn}
    assert kinds == {*ADMONITIONS.values(), STOP_ADMONITION}


def test_the_titles_are_the_emergency_files_headings(project: Path) -> None:
    site = prepare(project).site
    assert site.box_titles["urgent"] == site.emergency.headings.urgent
    assert site.box_titles["see_gp_or_physio"] == site.emergency.headings.see_gp_or_physio
    assert site.box_titles["emergency"].endswith(site.emergency.title)
    assert STOP_TITLE == "Stop straight away if"


def _plain(title: str) -> str:
    """A title as the gate reads it from the built page: Markdown's escapes undone."""
    return html.unescape(re.sub(r"\\(.)", r"\1", title))
