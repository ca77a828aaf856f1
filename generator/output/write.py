"""Writes generated files: atomically, only when their bytes change, only files it owns.

The manifest lists every file the last run generated. A file not in it is hand-written work
and is never overwritten or deleted.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError

MANIFEST = ".gluteguide/manifest.json"


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int
    touched: tuple[str, ...] = ()
    """The files written or removed, project-relative: what the live preview builds again."""

    def __str__(self) -> str:
        return f"{self.written} written, {self.unchanged} unchanged, {self.removed} removed"


def read_manifest(root: Path) -> set[str]:
    path = root / MANIFEST
    if not path.is_file():
        return set()
    return set(json.loads(path.read_text(encoding="utf-8")))


def conflicts(root: Path, outputs: dict[str, bytes]) -> list[ContentError]:
    """Hand-written files that stand where a generated file would go."""
    owned = read_manifest(root)
    return [
        ContentError(
            relative,
            1,
            1,
            "",
            "a hand-written file stands where a generated page would go",
            "rename the hand-written file, or the content item that generates this page",
        )
        for relative in sorted(outputs)
        if relative not in owned and (root / relative).exists()
    ]


def write_outputs(root: Path, outputs: dict[str, bytes]) -> WriteReport:
    """Write what changed, remove our own stale files, then record the new manifest."""
    owned = read_manifest(root)
    unchanged = 0
    written = []
    for relative, data in sorted(outputs.items()):
        path = root / relative
        if path.is_file() and path.read_bytes() == data:
            unchanged += 1
            continue
        write_atomically(path, data)
        written.append(relative)
    stale = sorted(owned - outputs.keys())
    for relative in stale:
        (root / relative).unlink(missing_ok=True)
    manifest = json.dumps(sorted(outputs), indent=1).encode("utf-8") + b"\n"
    if owned != set(outputs):
        write_atomically(root / MANIFEST, manifest)
    return WriteReport(len(written), unchanged, len(stale), (*written, *stale))


def write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
