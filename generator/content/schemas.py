"""The content models as JSON Schemas: completion and checks for editors in VS Code."""

from __future__ import annotations

import json

from pydantic import BaseModel

from generator.content.kinds import BY_FOLDER, KINDS
from generator.content.models import (
    Emergency,
    LinkHosts,
    Movements,
    Regions,
    Reviewers,
    Sources,
    Synonyms,
    WarningSigns,
)

SCHEMA_DIR = "schemas"
SCHEMA_NAMES: dict[str, type[BaseModel]] = {
    **{kind.schema_name: kind.model for kind in KINDS},
    "sources": Sources,
    "emergency": Emergency,
    "regions": Regions,
    "movements": Movements,
    "link-hosts": LinkHosts,
    "warning-signs": WarningSigns,
    "reviewers": Reviewers,
    "synonyms": Synonyms,
}


def schema_text(model: type[BaseModel], name: str) -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        **model.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def all_schemas() -> dict[str, str]:
    """File name under schemas/ -> its text."""
    return {f"{name}.schema.json": schema_text(model, name) for name, model in SCHEMA_NAMES.items()}


def schema_comment(relative_path: str) -> str:
    """The first line every content file carries, e.g. for content/exercises/glute-bridge.yml."""
    parts = relative_path.split("/")
    name = BY_FOLDER[parts[1]].schema_name if len(parts) > 2 else parts[-1].removesuffix(".yml")
    up = "../" * (len(parts) - 1)
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{name}.schema.json"
