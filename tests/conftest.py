from __future__ import annotations

from pathlib import Path

import pytest

from tests.factory import small_content, write_project


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
