"""The search index is shaped after the build: a page's own entry answers to its other names, to
the words of the sections that describe it and to the synonyms of the words it uses; the programme
maker answers to its opening only; nothing else changes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from generator.pages.search_index import (
    INDEX,
    WORDS,
    added_synonyms,
    reader_entries,
    widen_search_index,
)
from tests.unit.test_text_property import fixture_site

GROUPS = (("lift your hips", "hips up", "hip lift"), ("sofa", "couch"), ("ice pack", "frozen peas"))


def test_a_page_gets_the_rest_of_each_group_it_uses_one_of() -> None:
    text = "Lie on your back. <b>Lift your hips</b> until your body is straight."
    assert added_synonyms(text, GROUPS) == ["hips up", "hip lift"]


def test_only_whole_words_count() -> None:
    assert added_synonyms("Keep your hips upright on the sofabed.", GROUPS) == []


def test_the_index_gains_names_steps_and_synonyms_on_the_page_entry_only(tmp_path: Path) -> None:
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
    assert widened[0]["text"] == "Lift your hips.", "what a result shows stays the page's own"
    assert widened[0][WORDS] == f"{names} rest on a sofa hips up hip lift couch"
    assert widened[1:] == docs[1:]


def test_a_page_entry_carries_the_words_of_its_describing_sections_once(tmp_path: Path) -> None:
    site = fixture_site()
    page = next(iter(site.exercises.values()))
    location = page.url.lstrip("/")
    sections = {
        "start": "<p>Lie on your back.</p>",
        "steps": "<ol><li>Lift your hips.</li><li>Lift.</li></ol>",
        "tips": "<p>Breathe out.</p>",
    }
    # The drawing strip's captions come first in the page's text, as loose words.
    lead = "Starting positionStep 3This page "
    docs = [{"location": location, "title": page.item.title, "text": f"{lead}<p>Summary.</p>"}]
    docs += [
        {"location": f"{location}#{anchor}", "title": anchor, "text": text}
        for anchor, text in sections.items()
    ]
    entries = reader_entries(json.loads(json.dumps(docs)), dataclasses.replace(site, synonyms=()))
    assert entries[0]["title"] == page.item.title
    names = " ".join(page.item.also_called)
    assert entries[0]["text"] == "<p>Summary.</p>"
    assert entries[0][WORDS] == f"{names} lie on your back lift hips"
    assert "breathe" not in entries[0][WORDS], "a section that does not describe it stays out"
    assert entries[1:] == docs[1:], "section entries are unchanged"


def test_the_warning_signs_page_answers_to_the_synonyms_of_its_words() -> None:
    docs = [
        {"location": "get-help/", "title": "Get help now", "text": "<p>Call 999.</p>"},
        {"location": "get-help/#signs", "title": "Signs", "text": "<li>I cannot hold a poo.</li>"},
    ]
    groups = (("poo", "bowels"), ("cannot", "can't"), ("sofa", "couch"))
    entries = reader_entries(docs, dataclasses.replace(fixture_site(), synonyms=groups))
    assert entries[0] == {
        "location": "get-help/",
        "title": "Get help now",
        "text": "<p>Call 999.</p>",
        WORDS: "bowels can't",
    }


def test_the_programme_maker_answers_to_its_opening_only() -> None:
    opening = "<p>For clinicians.</p>"
    docs = [
        {"location": "prescribe/", "title": "Make a programme", "text": f"{opening} Bird dog"},
        {"location": "prescribe/#exercise-c861", "title": "Bird dog", "text": "<p>Reach.</p>"},
        {"location": "exercises/", "title": "Exercises", "text": "Bird dog"},
    ]
    entries = reader_entries(docs, fixture_site())
    assert entries == [
        {"location": "prescribe/", "title": "Make a programme", "text": opening},
        {"location": "exercises/", "title": "Exercises", "text": "Bird dog"},
    ]
