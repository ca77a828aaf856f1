"""Writes schemas/*.schema.json, the content models' JSON Schemas, when they changed."""

from __future__ import annotations

from pathlib import Path

from generator.content.schemas import SCHEMA_DIR, all_schemas
from generator.output.write import write_atomically


def export_schemas(root: Path) -> int:
    written = 0
    for file_name, text in all_schemas().items():
        path = root / SCHEMA_DIR / file_name
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            write_atomically(path, data)
            written += 1
    return written
