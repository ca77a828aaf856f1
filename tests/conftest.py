from __future__ import annotations

from pathlib import Path

import pytest

from tests.factory import small_content, write_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project holding the small, valid fixture content."""
    return write_project(tmp_path, small_content())


_READABILITY: list[str] = []


@pytest.fixture
def readability_report() -> list[str]:
    """Tests append a report here; it is printed at the end of the run."""
    return _READABILITY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _READABILITY:
        terminalreporter.section("hardest pages to read (Flesch-Kincaid grade)")
        terminalreporter.write_line("\n".join(_READABILITY))
