"""The output gate: a built page that content has changed in structure is refused, by name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import html5lib
import pytest

from generator.cli import main
from generator.output.gate import check_site
from generator.pipeline import expectations, prepare
from tests.factory import DRAWINGS, fixture_bridge, small_content, write_project

EXERCISE = "exercises/bridge/index.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("gate"), small_content())
    assert main(["--root", str(root), "build"]) == 0
    return root


def problems_after(
    built: Path, tmp_path: Path, old: str, new: str, page: str = EXERCISE
) -> list[str]:
    """Copy the built site, change one page's HTML, and run the gate over the copy."""
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    html = (site / page).read_text(encoding="utf-8")
    assert old in html, old
    (site / page).write_text(html.replace(old, new, 1), encoding="utf-8")
    return check_site(site, expectations(built, prepare(built)))


def test_the_built_fixture_passes(built: Path) -> None:
    assert check_site(built / "site", expectations(built, prepare(built))) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "<meta charset",
            '<meta http-equiv="refresh" content="0; url=https://evil.example/"><meta charset',
            '<meta http-equiv="refresh"> is not allowed here',
        ),
        ("<h2 id=", "<h2 hidden id=", "<h2 hidden> is not allowed in the article"),
        ("<h2 id=", '<h2 style="display:none" id=', "<h2 style> is not allowed in the article"),
        (
            "<li>Stop if the pain gets sharper.</li>",
            "<li>Carry on if the pain gets sharper.</li>",
            "warning block 'warning: Stop straight away if' is missing or changed",
        ),
        (
            '<a href="../knee-hug/">',
            '<a href="javascript:alert(1)">',
            "<a href=\"javascript:alert(1)\">: scheme 'javascript' is not allowed",
        ),
        (
            '<a href="../knee-hug/">',
            '<a href="https://evil.example/">',
            "<a href=\"https://evil.example/\">: host 'evil.example' is not on the allowlist",
        ),
        (
            '<a href="../knee-hug/">',
            '<a href="//evil.example/">',
            "<a href=\"//evil.example/\">: scheme '//' is not allowed",
        ),
        ("</article>", "<script>alert(1)</script></article>", "<script> without src"),
        ("</article>", "<iframe></iframe></article>", "<iframe> is not allowed"),
        ("</article>", '<p onclick="x()">x</p></article>', "<p onclick> event handlers"),
        ("</article>", '<h2 id="steps">Steps</h2></article>', "id 'steps' is used twice"),
        ("</article>", "<dialog>x</dialog></article>", "<dialog> is not allowed in the article"),
        (  # a checklist's boxes are hidden from screen readers, and say nothing else
            "</article>",
            '<span class="gg-box" aria-hidden="false"></span></article>',
            '<span aria-hidden="false"> is not allowed',
        ),
        ("</article>", '<span title="x">x</span></article>', "<span title> is not allowed"),
        (
            'href="tel:999"',
            'href="tel:0900123"',
            "<a href=\"tel:0900123\">: 'tel:0900123' is not a number of content/regions.yml",
        ),
        (
            '"number": "999"',
            '"number": "0900"',
            '<script id="gg-regions"> is not the regions file\'s data',
        ),
        (
            '<script type="application/json" id="gg-regions">',
            '<script type="application/json" id="gg-regions" data-x="1">',
            "<script> is not allowed in the article",
        ),
        (
            '<div class="gg-print-only gg-drawing-strip">',
            '<div class="gg-print-only">',
            "the printed drawings are not the page's drawings",
        ),
        (
            '<figure class="gg-strip-figure">',
            '<figure class="gg-strip-figure" hidden>',
            "<figure hidden> is not allowed in the article",
        ),
        (
            '<meta http-equiv="Content-Security-Policy" content="',
            '<meta http-equiv="Content-Security-Policy" content="script-src *; ',
            "the Content-Security-Policy is missing, repeated or not the site's own",
        ),
        (  # linked data: a type or property the site does not use, or a second block
            '"@type": "HowToStep"',
            '"@type": "Recipe"',
            "JSON-LD the page.mainEntity.step[0]: the type 'Recipe' is not one the site uses",
        ),
        (
            '"inLanguage":',
            '"isFamilyFriendly": true, "inLanguage":',
            "JSON-LD the page: MedicalWebPage has no property 'isFamilyFriendly' here",
        ),
        (
            "<meta charset",
            '<script type="application/ld+json">{}</script><meta charset',
            "2 JSON-LD blocks; a page has one, in its head",
        ),
        (
            '<script type="application/ld+json">{',
            '<script type="application/ld+json">{,',
            "its JSON-LD does not parse",
        ),
        (  # a pattern's '$' would let the line break through: each value is matched whole
            'class="gg-drawing" role="img"',
            'class="gg-drawing" role="img&#10;"',
            '<svg:svg role="img\n"> is not allowed in a drawing',
        ),
    ],
)
def test_a_changed_page_is_refused_naming_the_page_and_element(
    built: Path, tmp_path: Path, old: str, new: str, problem: str
) -> None:
    found = problems_after(built, tmp_path, old, new)
    assert any(line.startswith(f"{EXERCISE}: {problem}") for line in found), found


def test_a_failed_gate_leaves_the_site_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = write_project(tmp_path / "project", small_content())
    assert main(["--root", str(project), "build"]) == 0
    before = (project / "site" / EXERCISE).read_bytes()
    # A hand-written page may not carry raw HTML past the gate either.
    (project / "docs/notes.md").write_text('# Notes\n\n<iframe src="x"></iframe>\n')
    capsys.readouterr()
    assert main(["--root", str(project), "build"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "notes/index.html: <iframe> is not allowed",
        "notes/index.html: <iframe> is not allowed in the article",
        "notes/index.html: <iframe src> is not allowed in the article",
        "error: 3 problems in the built pages; site/ was left as it was",
    ]
    assert (project / "site" / EXERCISE).read_bytes() == before
    assert not (project / "site/notes").exists()


def test_html5lib_reads_pages_as_a_browser_would() -> None:
    # An unclosed attribute quote swallows what follows, as in a browser; regular expressions
    # over the text would see a second <meta> here.
    document = html5lib.parse('<meta name="d" content="a><meta http-equiv=refresh>">')
    assert len(document.findall(".//{http://www.w3.org/1999/xhtml}meta")) == 1


def test_text_that_reads_as_markup_is_shown_as_text_and_passes(tmp_path: Path) -> None:
    # The page writes it escaped (&lt;script&gt;); parsed, it is an attribute's text, no element:
    # the gate judges what the parser finds, not which characters a text holds.
    shows = "Lying down: a < b <script>alert(1)</script> & c > d."
    content = small_content()
    drawings = json.loads(json.dumps(DRAWINGS))
    drawings[0]["shows"] = shows
    content["exercises/bridge.yml"] = fixture_bridge(drawings=drawings)
    root = write_project(tmp_path, content)
    assert main(["--root", str(root), "build"]) == 0
    html = (root / "site" / EXERCISE).read_bytes()
    assert b'aria-label="Lying down: a &lt; b &lt;script&gt;alert(1)&lt;/script&gt;' in html
    document = html5lib.parse(html, namespaceHTMLElements=False)
    labels = [svg.get("aria-label") for svg in document.iter("{http://www.w3.org/2000/svg}svg")]
    assert labels.count(shows) == 2  # among the steps, and in the row printed above them
    assert not [s for s in document.iter("script") if not s.get("src") and not s.get("type")]
