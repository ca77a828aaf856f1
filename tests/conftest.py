from __future__ import annotations

from pathlib import Path

import pytest

from tests.factory import small_content, write_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project holding the small, valid fixture content."""
    return write_project(tmp_path, small_content())
