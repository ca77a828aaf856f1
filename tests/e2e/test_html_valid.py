"""Every built page is valid HTML by the Nu Html Checker (vnu.jar, pinned in package-lock.json):
no errors but the few in Material's own markup, each listed here with the reason it is Material's.
An error in our own markup (templates, overrides/, docs/) is fixed, never listed."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.factory import REPO

pytestmark = pytest.mark.browser
VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class Known:
    """An error the checker reports in Material's markup: its exact message, and the element it
    points at as Material's template writes it."""

    message: str
    element: str

    def matches(self, found: dict[str, Any]) -> bool:
        return found["message"] == self.message and self.element in found.get("extract", "")


AUTOCOMPLETE_ON_A_CHECKBOX = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
    "“tel”, “text”, “time”, “url”, or “week”."
)
MATERIALS_OWN = (
    # Material's base.html opens every page with its two toggles, the navigation drawer and the
    # search box, as checkboxes with autocomplete="off" so that Firefox does not restore them
    # ticked on going back. The checker allows the attribute on text-like inputs only
    # (squidfunk/mkdocs-material#1513, closed with the attribute kept).
    Known(AUTOCOMPLETE_ON_A_CHECKBOX, 'data-md-toggle="drawer" type="checkbox" id="__drawer"'),
    Known(AUTOCOMPLETE_ON_A_CHECKBOX, 'data-md-toggle="search" type="checkbox" id="__search"'),
    # Material's partials/toc.html writes the table of contents' title as a label for its "__toc"
    # checkbox on every page with headings, but partials/nav-item.html writes that checkbox only
    # beside the current page's own entry in the navigation. The item pages (an exercise, a
    # condition) are reached from their section's index and have no entry, so the label points
    # at nothing.
    Known(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
        "form control.",
        '<label class="md-nav__title" for="__toc">',
    ),
)


def checked(folder: Path) -> list[dict[str, Any]]:
    """The checker's messages for every HTML file under folder: errors and warnings."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker (.ci/run installs default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: make browser installs it from package-lock.json"
    command = [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", str(folder)]
    run = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    # The report goes to stderr; the exit status is 1 whenever there is an error.
    messages: list[dict[str, Any]] = json.loads(run.stderr)["messages"]
    assert run.returncode in (0, 1), run.stderr[-3000:]
    return messages


def errors(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # "info" is a warning or a note; "error" and "non-document-error" (a file it could not read)
    # are errors.
    return [message for message in messages if message["type"] != "info"]


def described(message: dict[str, Any]) -> str:
    where = message.get("url", "").rpartition("/site/")[2]
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}\n    {extract}"


@pytest.fixture(scope="module")
def site_messages(site: Path) -> list[dict[str, Any]]:
    return checked(site)


def test_every_page_is_valid_html_but_for_materials_own_markup(
    site_messages: list[dict[str, Any]],
) -> None:
    ours = [
        message
        for message in errors(site_messages)
        if not any(known.matches(message) for known in MATERIALS_OWN)
    ]
    assert not ours, f"{len(ours)} errors:\n" + "\n".join(described(m) for m in ours[:30])


def test_each_known_error_of_materials_is_still_found(site_messages: list[dict[str, Any]]) -> None:
    """An entry Material no longer needs (a new release fixed it) is taken off the list."""
    found = errors(site_messages)
    gone = [known for known in MATERIALS_OWN if not any(known.matches(m) for m in found)]
    assert not gone, gone


def test_an_error_of_our_own_is_caught(site: Path, tmp_path: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    article = '<article class="md-content__inner md-typeset">'
    assert article in page
    (tmp_path / "index.html").write_text(page.replace(article, article + "</p>", 1), "utf-8")
    found = errors(checked(tmp_path))
    ours = [m for m in found if not any(known.matches(m) for known in MATERIALS_OWN)]
    assert [m["message"] for m in ours] == ["No “p” element in scope but a “p” end tag seen."]
