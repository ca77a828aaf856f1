"""The installable app's manifest and icons (generator/pages/app.py), and the service worker's
writing where Node is missing (generator/output/service_worker.py)."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from generator.output import service_worker
from generator.output.build import BuildFailed
from generator.pages.app import ICON_SIZES, START_URL, app_files, icon_path, icon_png, manifest_text


def pixels(png: bytes) -> tuple[int, list[bytes]]:
    """The size and the rows (RGBA bytes) of one of our PNG files: one IDAT, no filters."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    size, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (size, depth, colour) == (height, 8, 6)
    length = struct.unpack(">I", png[33:37])[0]
    assert png[37:41] == b"IDAT"
    raw = zlib.decompress(png[41 : 41 + length])
    stride = 1 + 4 * size
    rows = [raw[row * stride : (row + 1) * stride] for row in range(size)]
    assert all(row[0] == 0 for row in rows)
    return size, [row[1:] for row in rows]


@pytest.mark.parametrize("size", ICON_SIZES)
def test_an_icon_is_a_g_on_the_sites_teal_with_rounded_corners(size: int) -> None:
    drawn, rows = pixels(icon_png(size))
    assert drawn == size

    def at(x: float, y: float) -> tuple[int, ...]:
        """The pixel at a point of the 32-unit drawing."""
        column, row = int(x / 32 * size), int(y / 32 * size)
        return tuple(rows[row][4 * column : 4 * column + 4])

    assert at(0.2, 0.2)[3] == 0, "the corner is rounded off: transparent"
    assert at(16, 1) == (0x00, 0x69, 0x5C, 255), "teal ground"
    assert at(16, 16) == (0x00, 0x69, 0x5C, 255), "the G is open in the middle"
    assert at(16, 16 - 7.6) == (255, 255, 255, 255), "the G's arc, at the top"
    assert at(8.4, 16) == (255, 255, 255, 255), "and at the left"
    assert at(21, 18.2) == (255, 255, 255, 255), "its bar"
    assert at(23.6, 15.6) == (0x00, 0x69, 0x5C, 255), "its opening, on the right"


def test_the_manifest_opens_the_patients_page_standalone_with_its_icons() -> None:
    manifest = json.loads(manifest_text())
    assert manifest["start_url"] == START_URL == "plan/?app"
    assert manifest["display"] == "standalone"
    assert manifest["name"] and manifest["short_name"]
    assert [icon["src"] for icon in manifest["icons"]] == [icon_path(size) for size in ICON_SIZES]
    files = app_files()
    assert set(files) == {"manifest.webmanifest", *(icon_path(size) for size in ICON_SIZES)}
    assert app_files() == files, "the same bytes on every build"


def test_without_node_the_build_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service_worker.shutil, "which", lambda name: None)
    with pytest.raises(BuildFailed, match=r"Node\.js is needed .*make site"):
        service_worker.write_service_worker(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_workbox_failure_is_reported_with_its_error(tmp_path: Path) -> None:
    # A folder that is no built site: the script stops, and the message says why.
    with pytest.raises(BuildFailed, match=r"service worker \(Error: .+ is not a built site"):
        service_worker.write_service_worker(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()
