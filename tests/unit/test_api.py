"""The open data (generator/pages/api.py): every item's file valid against the schema it names,
the index covering every page and warning sign, the files saying what the pages say, and the
documentation page describing every field of every file."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.content.site import item_url
from generator.output.schema_files import every_schema
from generator.pages.api import API, INDEX_FILE, SCHEMA_FOLDER, field_tables
from generator.pages.render import as_markdown
from generator.pages.take_home import TAKE_HOME_FILE
from generator.pipeline import DOCS
from generator.text import plain_text
from tests.commands import run
from tests.factory import real, real_site, rename_bridge, small_content, write_project

SITE = real_site()


def published_json() -> dict[str, Any]:
    """Path under docs/ -> the parsed data of every JSON file the real build writes."""
    return {
        path.removeprefix(f"{DOCS}/"): json.loads(data)
        for path, data in real().outputs.items()
        if path.endswith(".json")
        and not path.endswith(".schema.json")
        and not path.endswith("manifest.webmanifest")
    }


def markdown_text(text: str) -> str:
    """A value as the page's template prints it."""
    return str(as_markdown(text))


FILES = published_json()
INDEX = FILES[f"{API}/{INDEX_FILE}"]
SCHEMAS = {
    f"{API}/{name.removeprefix(f'{SCHEMA_FOLDER}/')}": json.loads(text)
    for name, text in every_schema().items()
    if name.startswith(f"{SCHEMA_FOLDER}/")
} | {"take-home.schema.json": json.loads(every_schema()["take-home.schema.json"])}


def schema_named_by(path: str, data: dict[str, Any]) -> dict[str, Any]:
    """The schema a file names in $schema, read relative to the file's own address."""
    named = posixpath.normpath(posixpath.join(posixpath.dirname(path), data["$schema"]))
    return SCHEMAS[named]


@pytest.mark.parametrize("path", sorted(FILES), ids=str)
def test_every_json_file_is_valid_against_the_schema_it_names(path: str) -> None:
    data = FILES[path]
    schema = schema_named_by(path, data)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)


def test_a_file_that_breaks_its_schema_is_caught() -> None:
    """The check above can fail: a record without its review, or with a new field, is refused."""
    path = f"{API}/exercises/glute-bridge.json"
    data = {key: value for key, value in FILES[path].items() if key != "review"}
    validator = jsonschema.Draft202012Validator(schema_named_by(path, FILES[path]))
    assert not validator.is_valid(data)
    assert not validator.is_valid({**FILES[path], "surprise": 1})


def test_each_index_entry_points_at_its_file_and_page() -> None:
    published = real().published
    kinds = {"condition": "conditions", "exercise": "exercises", "prevention": "prevention"}
    kinds |= {"programme": "programmes"}
    for entry in INDEX["items"]:
        assert entry["json"] in FILES, entry
        record = FILES[entry["json"]]
        assert (record["kind"], record["id"], record["title"]) == (
            entry["kind"],
            entry["id"],
            entry["title"],
        )
        assert f"/{entry['url']}" in published, entry
        assert f"/{entry['json']}" in published, "every file's address joins the ledger"
        if entry["kind"] == "warning-sign":
            assert entry["url"] == "get-help/" and entry["review"] is None
            continue
        page = SITE.items[kinds[entry["kind"]]][entry["id"]]
        assert f"/{entry['url']}" == item_url(page.kind, page.id)
        assert entry["last_updated"] == page.item.review.last_updated.isoformat()
        assert entry["review"] == SITE.review_state(page).state == record["review"]["status"]


def test_the_index_covers_every_item() -> None:
    kinds = {"conditions": "condition", "exercises": "exercise", "prevention": "prevention"}
    kinds |= {"programmes": "programme"}
    listed = {(entry["kind"], entry["id"]) for entry in INDEX["items"]}
    expected = {(kinds[page.kind], page.id) for page in SITE.all_pages()}
    expected |= {("warning-sign", key) for key in SITE.warning_signs}
    assert listed == expected
    assert len(INDEX["items"]) == len(expected)


def test_an_exercises_file_holds_its_take_home_file_with_the_same_values() -> None:
    for page in SITE.exercises.values():
        record = FILES[f"{API}/exercises/{page.id}.json"]
        take_home = FILES[f"{page.url.lstrip('/')}{TAKE_HOME_FILE}"]
        assert record["take_home"] == f"{page.url.lstrip('/')}{TAKE_HOME_FILE}"
        shared = set(take_home) - {"$schema", "version", "changed", "easier", "harder"}
        assert {key: record[key] for key in shared} == {key: take_home[key] for key in shared}
        for variant in ("easier", "harder"):  # the API's names its file too
            if take_home[variant] is None:
                assert record[variant] is None
            else:
                assert take_home[variant].items() <= record[variant].items()


def test_a_conditions_file_says_what_its_page_says() -> None:
    page = SITE.conditions["glute-cramp"]
    record = FILES[f"{API}/conditions/glute-cramp.json"]
    assert record["summary"] == plain_text(page.item.summary)
    assert record["self_care"] == [plain_text(text) for text in page.item.self_care]
    assert [sign["id"] for sign in record["when_to_get_help"]] == page.item.when_to_get_help
    assert [code["code"] for code in record["diagnosis_codes"]] == [
        entry.code for entry in page.item.diagnosis_codes
    ]
    assert all(f"{code['lookup']}" in FILES for code in record["diagnosis_codes"])
    assert [source["key"] for source in record["sources"]] == SITE.sources_of(page)
    assert record["review"]["history"] == [
        {"date": change.date.isoformat(), "summary": change.summary}
        for change in page.item.review.history
    ]


def test_the_documentation_page_lists_every_item_and_describes_every_field() -> None:
    text = real().outputs[f"{DOCS}/{API}/index.md"].decode("utf-8")
    for entry in INDEX["items"]:
        assert f"]({posixpath.relpath(entry['json'], API)})" in text, entry["json"]
    tables = field_tables()
    assert len(tables) >= 6
    for heading, rows in tables:
        assert f"### {markdown_text(heading)}\n" in text
        for name, kind, meaning in rows:
            assert meaning or name == "$schema", f"{heading}: {name} has no description"
            assert f"- **{markdown_text(name)}** ({markdown_text(kind)})" in text, (heading, name)


def test_a_renamed_item_keeps_its_files_old_address(tmp_path: Path) -> None:
    project = write_project(tmp_path, small_content())
    assert run(project, "build").returncode == 0
    old = project / "site" / API / "exercises/bridge.json"
    assert json.loads(old.read_text(encoding="utf-8"))["id"] == "bridge"
    rename_bridge(project, keep_old_id=True)
    done = run(project, "build")
    assert done.returncode == 0, done.stderr
    assert json.loads(old.read_text(encoding="utf-8"))["id"] == "glute-bridge"
    new = project / "site" / API / "exercises/glute-bridge.json"
    assert old.read_bytes() == new.read_bytes()
