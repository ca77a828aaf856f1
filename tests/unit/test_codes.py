"""Diagnosis codes: checked against the official ICD-10-CM release that sources.yml names
(generator/content/codes.py), and looked up by code (generator/pages/connect.py): a static file
per code and category, each valid against its published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.content.codes import RELEASE, dotted, release_codes
from generator.pages.connect import FOLDER, SCHEMA_FILE, categories, lookup_files, schema_text
from tests.commands import run
from tests.factory import copy_project, real_site


def test_the_release_holds_the_sites_codes_and_their_categories() -> None:
    codes = release_codes()
    assert {"M62.838", "M62.83", "M62", "G57.01", "G57.0", "R25.2"} <= codes
    assert "M62.839" not in codes, "a code the release does not have"
    assert len(codes) > 90_000


def test_a_code_is_written_with_its_dot() -> None:
    assert dotted("m62838") == "M62.838"
    assert dotted("R25") == "R25"


def test_a_code_the_release_does_not_have_is_refused_where_it_is(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project / "content/conditions/glute-cramp.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("code: R25.2", "code: M62.839"), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "code: R25.2" in row)
    done = run(project, "check")
    assert done.returncode == 1
    assert (
        f"content/conditions/glute-cramp.yml:{line}:11: error: diagnosis_codes[0].code:"
        f" 'M62.839' is not a code of ICD-10-CM ({RELEASE} release)"
    ) in done.stderr
    assert "never write one from memory" in done.stderr


def test_sources_must_name_the_release_the_codes_are_checked_against(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project / "content/sources.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(f"edition: {RELEASE} release", "edition: 2019 release"), encoding="utf-8"
    )
    done = run(project, "check")
    assert done.returncode == 1
    assert (
        "cdc-icd-10-cm.edition: names the release '2019 release', but codes are checked"
        f" against the {RELEASE} one" in done.stderr
    )


def test_every_code_and_its_categories_has_a_lookup_file_valid_against_its_schema() -> None:
    site = real_site()
    files = lookup_files(site)
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    site_codes = {
        entry.code for page in site.conditions.values() for entry in page.item.diagnosis_codes
    }
    wanted = {level for code in site_codes for level in categories(code)}
    assert {path for path in files if path.startswith(f"{FOLDER}/")} == {
        f"{FOLDER}/{code}.json" for code in wanted
    }
    for path, text in files.items():
        if not path.startswith(f"{FOLDER}/"):
            continue
        lookup = json.loads(text)
        validator.validate(lookup)
        assert lookup["$schema"] == f"../{SCHEMA_FILE}"
        # Each lists exactly the conditions with a code at or below it.
        code = lookup["code"]
        expected = {
            page.id
            for page in site.conditions.values()
            for entry in page.item.diagnosis_codes
            if code in categories(entry.code)
        }
        assert {match["id"] for match in lookup["conditions"]} == expected, code


@pytest.mark.parametrize(
    ("code", "levels"),
    [
        ("M62.838", ["M62.838", "M62.83", "M62.8", "M62"]),
        ("R25", ["R25"]),
        ("G57.0", ["G57.0", "G57"]),
    ],
)
def test_a_codes_categories(code: str, levels: list[str]) -> None:
    assert categories(code) == levels
