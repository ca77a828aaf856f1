"""The take-home files a programme fetches keep to the JSON Schema they name, checked by a JSON
Schema validator (jsonschema), not by the models that wrote them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.pages.prescribe import TAKE_HOME_FILE
from generator.pages.take_home import SCHEMA_FILE, take_home_files
from tests.factory import REPO, real_site

GOLDEN = Path(__file__).parent.parent / "golden" / "docs"


@pytest.fixture(scope="module")
def files() -> dict[str, Any]:
    stylesheet = (REPO / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    texts = take_home_files(real_site(), stylesheet)
    return {path: json.loads(text) for path, text in texts.items() if path.endswith(".json")}


def validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    kind = jsonschema.validators.validator_for(schema)
    kind.check_schema(schema)
    return kind(schema, format_checker=kind.FORMAT_CHECKER)


def test_every_take_home_file_keeps_to_its_schema(files: dict[str, Any]) -> None:
    check = validator(files[SCHEMA_FILE])
    take_homes = {path: data for path, data in files.items() if path.endswith(TAKE_HOME_FILE)}
    assert len(take_homes) == len(real_site().exercises)
    for path, data in take_homes.items():
        # Each names its schema, relative to itself: exercises/<id>/ -> the site's root.
        assert data["$schema"] == f"../../{SCHEMA_FILE}", path
        errors = [error.message for error in check.iter_errors(data)]
        assert errors == [], path


def test_the_golden_take_home_file_keeps_to_the_golden_schema() -> None:
    check = validator(json.loads((GOLDEN / SCHEMA_FILE).read_text(encoding="utf-8")))
    for path in sorted(GOLDEN.glob(f"exercises/*/{TAKE_HOME_FILE}")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert list(check.iter_errors(data)) == [], path


@pytest.mark.parametrize(
    "change",
    [
        {"version": 2},
        {"steps": [{"both": "Lift."}]},
        {"stop_rules": [1]},
        {"dose": {"sets": "three"}},
        {"surprise": True},
    ],
    ids=["version", "step-without-one", "stop-rule-not-text", "dose-not-a-number", "extra"],
)
def test_a_file_that_breaks_the_format_is_refused(
    files: dict[str, Any], change: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(files[f"exercises/glute-bridge/{TAKE_HOME_FILE}"]))
    for key, value in change.items():
        data[key] = {**data[key], **value} if isinstance(value, dict) else value
    assert list(validator(files[SCHEMA_FILE]).iter_errors(data)) != []
