"""The search index is widened after the build: a page answers to its other names and to the
synonyms of the words it uses, and nothing else changes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from generator.search_index import INDEX, added_synonyms, widen_search_index
from tests.unit.test_text_property import fixture_site

GROUPS = (("lift your hips", "hips up", "hip lift"), ("sofa", "couch"), ("ice pack", "frozen peas"))


def test_a_page_gets_the_rest_of_each_group_it_uses_one_of() -> None:
    text = "Lie on your back. <b>Lift your hips</b> until your body is straight."
    assert added_synonyms(text, GROUPS) == ["hips up", "hip lift"]


def test_only_whole_words_count() -> None:
    assert added_synonyms("Keep your hips upright on the sofabed.", GROUPS) == []


def test_the_index_gains_other_names_and_synonyms_on_the_page_entry_only(tmp_path: Path) -> None:
    site = fixture_site()
    page = next(iter(site.exercises.values()))
    location = page.url.lstrip("/")
    docs = [
        {"location": location, "title": page.item.title, "text": "Lift your hips."},
        {"location": f"{location}#steps", "title": "Steps", "text": "Rest on a sofa."},
        {"location": "about/", "title": "About", "text": "Lift your hips."},
    ]
    path = tmp_path / INDEX
    path.parent.mkdir()
    path.write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    widen_search_index(tmp_path, dataclasses.replace(site, synonyms=GROUPS))
    widened = json.loads(path.read_text(encoding="utf-8"))["docs"]
    names = " ".join(page.item.also_called)
    assert widened[0]["text"] == f"Lift your hips. {names} hips up hip lift couch"
    assert widened[1:] == docs[1:]
