"""The site's own stylesheets and scripts as browsers get them: without comments or spaces. The
comments say why a rule or a line is there, for those who edit docs/; every page would otherwise
carry them. Vendored scripts (javascripts/vendor/) are left as they came."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

STYLESHEETS = "stylesheets"
"""The folder of the built site that holds the site's own stylesheets (mkdocs.yml extra_css)."""
SCRIPTS = "javascripts"
"""The folder that holds the site's own scripts; vendor/ under it holds others'."""


def minify_stylesheets(site_dir: Path) -> None:
    for path in sorted((site_dir / STYLESHEETS).glob("*.css")):
        text = path.read_text(encoding="utf-8")
        path.write_text(rcssmin.cssmin(text) + "\n", encoding="utf-8")


def minify_scripts(site_dir: Path) -> None:
    for path in sorted((site_dir / SCRIPTS).glob("*.js")):
        text = path.read_text(encoding="utf-8")
        path.write_text(rjsmin.jsmin(text) + "\n", encoding="utf-8")
