"""The built stylesheets lose their comments and spaces, and keep every rule."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from generator.output.minify import SCRIPTS, STYLESHEETS, minify_scripts, minify_stylesheets
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


def test_a_built_script_loses_its_comments_and_still_runs(tmp_path: Path) -> None:
    built = tmp_path / SCRIPTS / "plan.js"
    built.parent.mkdir()
    source = (REPO / "docs/javascripts/plan.js").read_text(encoding="utf-8")
    built.write_text(source, encoding="utf-8")
    vendor = tmp_path / SCRIPTS / "vendor" / "library.js"
    vendor.parent.mkdir()
    vendor.write_text("// theirs, as it came\n", encoding="utf-8")
    minify_scripts(tmp_path)
    minified = built.read_text(encoding="utf-8")
    assert "Glute Guide's home exercise programmes" in source
    assert "Glute Guide's home exercise programmes" not in minified
    assert len(minified) < 0.7 * len(source)
    assert vendor.read_text(encoding="utf-8") == "// theirs, as it came\n"
    # The minified script still loads in Node and reads a link as the source does.
    check = (
        f"const plan = require({str(built)!r});"
        "const data = { versions: [1, 2], codes: { he3x: 'he3x' }, limits: { s: 10, r: 50 },"
        " maxEntries: 30, howOften: ['a'], noteBytes: 400, clinicianBytes: 120,"
        " exerciseNoteChars: 120, fragmentBytes: 2100, firstDay: '20261201' };"
        "const read = plan.parseLink('#v=2&x=he3xs3&the3x=hi', data, () => '', new Date());"
        "console.log(JSON.stringify(read.entries));"
    )
    out = subprocess.run(["node", "-e", check], capture_output=True, text=True, check=True)
    expected = [{"code": "he3x", "values": {"s": 3}, "often": 0, "side": "", "note": "hi"}]
    assert json.loads(out.stdout) == expected
