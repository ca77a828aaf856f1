"""The built stylesheets lose their comments and spaces, and keep every rule."""

from __future__ import annotations

from pathlib import Path

from generator.output.minify import STYLESHEETS, minify_stylesheets
from tests.factory import REPO


def test_a_built_stylesheet_keeps_its_rules_and_loses_its_comments(tmp_path: Path) -> None:
    source = (REPO / "docs/stylesheets/extra.css").read_text(encoding="utf-8")
    built = tmp_path / STYLESHEETS / "extra.css"
    built.parent.mkdir()
    built.write_text(source, encoding="utf-8")
    minify_stylesheets(tmp_path)
    minified = built.read_text(encoding="utf-8")
    assert "/*" not in minified and "  " not in minified
    assert len(minified) < 0.8 * len(source)
    for rule in ("@media print", ".md-typeset .gg-bar{position:sticky", "html:has(.gg-bar)"):
        assert rule in minified, rule
