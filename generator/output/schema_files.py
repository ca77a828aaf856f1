"""Writes schemas/*.schema.json, the content models' JSON Schemas, when they changed."""

from __future__ import annotations

from pathlib import Path

from generator.content.schemas import SCHEMA_DIR, all_schemas
from generator.output.write import write_atomically
from generator.pages import api, connect, take_home


def every_schema() -> dict[str, str]:
    """Path under schemas/ -> its text: the content models', the take-home file's and, in
    api-v1/, the open data's (the lookup by diagnosis code's among them)."""
    published = api.schemas() | {connect.SCHEMA_FILE: connect.schema_text()}
    in_api = {f"{api.SCHEMA_FOLDER}/{name}": text for name, text in published.items()}
    return all_schemas() | {take_home.SCHEMA_FILE: take_home.schema_text()} | in_api


def export_schemas(root: Path) -> int:
    written = 0
    for file_name, text in every_schema().items():
        path = root / SCHEMA_DIR / file_name
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            write_atomically(path, data)
            written += 1
    return written
