"""The gluteguide command run as a test needs it: in this process, or as its own process."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from generator.cli import main
from tests.conftest import RUN_MARK

GLUTEGUIDE = [sys.executable, "-m", "generator.cli"]


def run(root: Path, *arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """The command run in this process (starting one costs half a second of imports), with its
    output captured and an environment of only PATH and what the test gives."""
    command = ["--root", str(root), *arguments]
    stdout, stderr = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update({"PATH": "/usr/bin:/bin", RUN_MARK: saved[RUN_MARK], **environment})
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = main(command)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(command, status, stdout.getvalue(), stderr.getvalue())


def run_process(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The command as its own process, as an editor starts it: for the few tests of what only a
    real process shows (its exit status and streams)."""
    return subprocess.run(
        [*GLUTEGUIDE, "--root", str(root), *arguments],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", RUN_MARK: os.environ[RUN_MARK]},
    )
