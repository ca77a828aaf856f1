"""The MkDocs runner prints what MkDocs and the libraries it runs report, escaped."""

from __future__ import annotations

import logging

import pytest

from generator.output.build import _mkdocs_log, _print


def test_what_the_libraries_mkdocs_runs_log_is_printed_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Python-Markdown logs to its own logger, which reaches the root; Python's last resort would
    # have printed it to stderr as it is.
    with _mkdocs_log() as lines:
        logging.getLogger("MARKDOWN").warning("in y\n::warning file=README.md::fine")
        logging.getLogger("mkdocs.structure").warning("in z\n::notice::fine")
    _print(lines)
    assert capsys.readouterr().err.splitlines() == [
        "WARNING -  in y\\n::warning file=README.md::fine",
        "WARNING -  in z\\n::notice::fine",
    ]
