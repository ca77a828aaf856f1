"""The site's own stylesheets as browsers get them: without comments or spaces. The comments say
why a rule is there, for those who edit docs/stylesheets/; every page would otherwise carry them."""

from __future__ import annotations

from pathlib import Path

import rcssmin

STYLESHEETS = "stylesheets"
"""The folder of the built site that holds the site's own stylesheets (mkdocs.yml extra_css)."""


def minify_stylesheets(site_dir: Path) -> None:
    for path in sorted((site_dir / STYLESHEETS).glob("*.css")):
        text = path.read_text(encoding="utf-8")
        path.write_text(rcssmin.cssmin(text) + "\n", encoding="utf-8")
