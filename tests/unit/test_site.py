"""Every path and address of an item is made in one place (generator/content/site.py), and read
back from the same rules."""

from __future__ import annotations

import pytest

from generator.content.kinds import KINDS
from generator.content.site import (
    built_file,
    content_file,
    index_path,
    item_at,
    item_url,
    markdown_path,
    url_of,
)


def test_an_items_paths_and_address() -> None:
    assert content_file("exercises", "glute-bridge") == "content/exercises/glute-bridge.yml"
    assert markdown_path("exercises", "glute-bridge") == "exercises/glute-bridge.md"
    assert item_url("exercises", "glute-bridge") == "/exercises/glute-bridge/"
    assert index_path("exercises") == "exercises/index.md"


@pytest.mark.parametrize("kind", [kind.folder for kind in KINDS])
def test_every_path_and_address_of_an_item_reads_back_as_the_item(kind: str) -> None:
    for make in (content_file, markdown_path, item_url):
        assert item_at(make(kind, "side-plank-2")) == (kind, "side-plank-2")


@pytest.mark.parametrize(
    "address",
    [
        "/exercises/",
        "exercises/index.md",
        "content/exercises/index.yml",
        "/",
        "/about/",
        "/recipes/glute-bridge/",
        "/exercises/Glute_Bridge/",
        "/exercises/glute-bridge/steps/",
        "/exercises/glute-bridge",
        "docs/exercises/glute-bridge.md",
        "content/sources.yml",
        "content/exercises/glute-bridge.yaml",
    ],
)
def test_anything_else_is_no_item(address: str) -> None:
    assert item_at(address) is None


@pytest.mark.parametrize(
    ("url", "built"),
    [
        ("/", "index.html"),
        ("/exercises/", "exercises/index.html"),
        ("/exercises/glute-bridge/", "exercises/glute-bridge/index.html"),
    ],
)
def test_built_file(url: str, built: str) -> None:
    assert built_file(url) == built


def test_a_sections_index_is_published_at_the_section() -> None:
    assert url_of(index_path("programmes")) == "/programmes/"
