"""Writes schemas/*.schema.json, the content models' JSON Schemas, when they changed."""

from __future__ import annotations

from pathlib import Path

from generator.content.schemas import SCHEMA_DIR, all_schemas
from generator.output.write import write_atomically
from generator.pages import connect, take_home


def every_schema() -> dict[str, str]:
    """File name under schemas/ -> its text: the content models', the take-home file's and the
    lookup by diagnosis code's."""
    return all_schemas() | {
        take_home.SCHEMA_FILE: take_home.schema_text(),
        connect.SCHEMA_FILE: connect.schema_text(),
    }


def export_schemas(root: Path) -> int:
    written = 0
    for file_name, text in every_schema().items():
        path = root / SCHEMA_DIR / file_name
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            write_atomically(path, data)
            written += 1
    return written
