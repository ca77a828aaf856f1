"""Exports the content models as JSON Schemas: completion and checks for editors in VS Code."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .content_types import (
    Emergency,
    LinkHosts,
    Movements,
    Regions,
    Reviewers,
    Sources,
    Synonyms,
    WarningSigns,
)
from .kinds import BY_FOLDER, KINDS
from .write import write_atomically

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


def export_schemas(root: Path) -> int:
    written = 0
    for file_name, text in all_schemas().items():
        path = root / SCHEMA_DIR / file_name
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            write_atomically(path, data)
            written += 1
    return written


def schema_comment(relative_path: str) -> str:
    """The first line every content file carries, e.g. for content/exercises/glute-bridge.yml."""
    parts = relative_path.split("/")
    name = BY_FOLDER[parts[1]].schema_name if len(parts) > 2 else parts[-1].removesuffix(".yml")
    up = "../" * (len(parts) - 1)
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{name}.schema.json"
