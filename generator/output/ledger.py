"""The URL ledger: every URL the site has ever published, so none of them ever breaks."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ContentError
from generator.output.write import write_atomically

LEDGER = "urls.txt"


def read_ledger(root: Path) -> list[tuple[int, str]]:
    path = root / LEDGER
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()[:1] == "/"]


def check_ledger(ledger: list[tuple[int, str]], published: set[str]) -> list[ContentError]:
    """Every URL ever published (the ledger's (line, url) entries) must still lead to a page or
    a redirect."""
    return [
        ContentError(
            LEDGER,
            line,
            1,
            "",
            f"published URL {url} no longer leads to a page or a redirect",
            "if the item was renamed, add its old id to former_ids in the renamed file",
        )
        for line, url in ledger
        if url not in published
    ]


def add_to_ledger(root: Path, published: set[str]) -> list[str]:
    """Record new URLs; never drop one. Returns the URLs added."""
    recorded = {url for _, url in read_ledger(root)}
    added = sorted(published - recorded)
    header = (
        "# Every URL Glute Guide has published. Clinicians link to these, so each must keep\n"
        "# working: the build fails if one stops leading to a page or a redirect.\n"
        "# Add new URLs with `make ledger` (gluteguide ledger --add); never delete a line.\n"
    )
    text = header + "".join(f"{url}\n" for url in sorted(recorded | published))
    write_atomically(root / LEDGER, text.encode("utf-8"))
    return added
