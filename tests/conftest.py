from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from pathlib import Path

import pytest
from hypothesis import settings

from tests.factory import small_content, write_project

RUN_MARK = "GLUTEGUIDE_TEST_RUN"
"""Set for the suite and inherited by every process it starts, so none can go unnoticed."""
os.environ[RUN_MARK] = uuid.uuid4().hex


# Property tests try a few dozen values in the fast tier, and hundreds in the browser tier, which
# runs them again (Makefile: --hypothesis-profile=thorough).
settings.register_profile("fast", max_examples=40)
settings.register_profile("thorough", max_examples=400)
settings.load_profile("fast")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project holding the small, valid fixture content."""
    return write_project(tmp_path, small_content())


_REPORTS: dict[str, list[str]] = {}


@pytest.fixture
def terminal_report() -> dict[str, list[str]]:
    """Figures that tests report but do not assert: section -> lines, printed after the run."""
    return _REPORTS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for title, lines in _REPORTS.items():
        terminalreporter.section(title)
        terminalreporter.write_line("\n".join(lines))
    if _LEFT_RUNNING:
        terminalreporter.section("processes the tests left running (now stopped)")
        terminalreporter.write_line("\n".join(_LEFT_RUNNING))


def processes_marked(mark: str) -> dict[int, str]:
    """pid -> command line of every process whose environment carries RUN_MARK=mark."""
    wanted = f"{RUN_MARK}={mark}".encode()
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if wanted in (entry / "environ").read_bytes().split(b"\0"):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
                found[int(entry.name)] = command.decode(errors="replace").strip()
        except OSError:  # ended meanwhile, or not ours to read
            continue
    return found


_LEFT_RUNNING: list[str] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if any process it started outlives it, then stop those processes."""
    deadline = time.monotonic() + 5  # a browser's helpers take a moment to exit after close()
    left = processes_marked(os.environ[RUN_MARK])
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = processes_marked(os.environ[RUN_MARK])
    for pid, command in sorted(left.items()):
        _LEFT_RUNNING.append(f"{pid}: {command[:200]}")
        with contextlib.suppress(OSError):  # it may have ended meanwhile
            os.kill(pid, signal.SIGKILL)
    if left:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
