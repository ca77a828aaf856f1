"""The project as it stood at a git revision: content/ from git, everything else from the working
tree, so that base and head are built by the same generator, templates and site files."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from generator.output.write import read_manifest
from generator.pipeline import Prepared, prepare
from generator.revision import commit_of, unreadable


def prepared_at(root: Path, revision: str) -> Prepared:
    """The base's site and pages, rendered in memory. Raises ContentErrors if git does not know
    the revision, or if the base's content does not pass `check`."""
    commit = commit_of(root, revision)
    archive = _git(root, revision, "archive", "--format=tar", commit, "--", "content")
    with tempfile.TemporaryDirectory(prefix="gluteguide-base-") as folder:
        base = Path(folder)
        generated = read_manifest(root)
        for path in [
            root / "mkdocs.yml",
            *(root / "overrides").rglob("*"),
            *(root / "docs").rglob("*"),
        ]:
            relative = path.relative_to(root).as_posix()
            if path.is_file() and relative not in generated:
                (base / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, base / relative)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(base, filter="data")
        return prepare(base)


def _git(root: Path, revision: str, *arguments: str) -> bytes:
    result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, check=False)
    if result.returncode != 0:
        said = result.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise unreadable(revision, " ".join(said) or "git does not know it")
    return result.stdout
