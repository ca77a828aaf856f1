"""Runs MkDocs on the generated docs/; the result replaces site/ only if the build succeeded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SITE = "site"
QUIET_MATERIAL = {"NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner, shown on every build


class BuildFailed(Exception):
    """MkDocs reported an error or, in strict mode, a warning. site/ was left as it was."""


def mkdocs_command(
    root: Path, *arguments: str, source_date_epoch: int | None = None
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run MkDocs on root's mkdocs.yml."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        *arguments,
        "--config-file",
        str(root / "mkdocs.yml"),
    ]
    environment = {**os.environ, **QUIET_MATERIAL}
    if source_date_epoch is not None:
        environment["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    return command, environment


def mkdocs_build(
    root: Path,
    source_date_epoch: int,
    site_dir: Path | None = None,
    check: Callable[[Path], list[str]] | None = None,
    finish: Callable[[Path], None] | None = None,
) -> Path:
    """Build with `mkdocs build --strict` into a scratch folder, `finish` it (the search index),
    and if `check` finds nothing wrong with the result, put it in place."""
    target = site_dir or root / SITE
    scratch = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    # Not --quiet: it stops MkDocs from creating warnings at all, so --strict would never fail.
    command, environment = mkdocs_command(
        root, "build", "--strict", "--site-dir", str(scratch), source_date_epoch=source_date_epoch
    )
    result = subprocess.run(
        command, cwd=root, env=environment, check=False, capture_output=True, text=True
    )
    problems = _warnings_and_errors(result.stderr + result.stdout)
    if problems:
        print(problems, file=sys.stderr)
    if result.returncode != 0:
        shutil.rmtree(scratch, ignore_errors=True)
        raise BuildFailed(f"mkdocs build failed; {target.name}/ was left as it was")
    if finish:
        finish(scratch)
    rejected = check(scratch) if check else []
    if rejected:
        shutil.rmtree(scratch, ignore_errors=True)
        print("\n".join(rejected), file=sys.stderr)
        raise BuildFailed(
            f"{len(rejected)} problems in the built pages; {target.name}/ was left as it was"
        )
    _swap(scratch, target)
    return target


def _warnings_and_errors(log: str) -> str:
    """MkDocs' WARNING and ERROR lines with their continuations, without its INFO chatter."""
    kept: list[str] = []
    keeping = False
    for line in log.splitlines():
        if line[:1].isalpha():
            keeping = line.startswith(("WARNING", "ERROR", "Aborted", "Error"))
        if keeping:
            kept.append(line)
    return "\n".join(kept)


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=target.parent))
        os.replace(target, old / "site")
    os.replace(new, target)
    os.chmod(target, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
