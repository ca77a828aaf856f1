"""The changes report, as Markdown for a pull request's job summary (readable in a terminal too)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from generator.changes.base import prepared_at
from generator.changes.reader_text import reader_text
from generator.changes.safety import SafetyChange, pages, safety_changes
from generator.content.site import url_of
from generator.errors import ContentErrors
from generator.pipeline import DOCS, Prepared, prepare
from generator.text import counted

SAFETY_HEADING = "## Safety: read this first"
NOTHING_UNSAFE = (
    "No change touches safety: no warning sign, emergency block, region, stop rule, precaution,"
    " dose, source, link host, reviewer or sign-off."
)


@dataclass(frozen=True)
class Report:
    text: str
    """The report as written: print it with errors.say_lines, which escapes what cannot be seen."""
    passes_check: bool
    """False when the head's content does not pass `check`: the report then lists its errors."""


def changes(root: Path, revision: str) -> Report:
    """The report of what the working tree changes against revision."""
    before = prepared_at(root, revision)
    lines = [f"# What readers will see change (against {revision})", "", SAFETY_HEADING, ""]
    try:
        after = prepare(root)
    except ContentErrors as failure:
        # Whatever the rest of the change does, this is the first thing a reviewer must know.
        lines += [
            f"**This change does not pass `gluteguide check`: {len(failure.errors)} errors.**"
            " Nothing can be compared until they are fixed:",
            "",
            *(f"- {error.located()}" for error in failure.errors),
        ]
        return Report(_joined(lines), passes_check=False)
    found = safety_changes(before, after)
    lines += _safety_section(found)
    lines += ["## Page by page", ""]
    lines += _page_diffs(before, after)
    return Report(_joined(lines), passes_check=True)


def _safety_section(found: list[SafetyChange]) -> list[str]:
    if not found:
        return [NOTHING_UNSAFE, ""]
    lines = [
        f"**{counted(len(found), 'safety change')}.** Each names the pages it affects.",
        "",
    ]
    for change in (change for change in found if not change.for_code_owners):
        lines += _entry(change)
    owners = [change for change in found if change.for_code_owners]
    if owners:
        lines += [
            "### For the code owners: reviewers and sign-offs",
            "",
            "A page's review line tells readers a clinician approved it. Only the code owners can"
            " confirm each of these with the person named.",
            "",
        ]
        for change in owners:
            lines += _entry(change, level="####")
    return lines


def _entry(change: SafetyChange, level: str = "###") -> list[str]:
    lines = [f"{level} {change.subject}", "", *(f"- {detail}" for detail in change.details)]
    if change.pages:
        lines.append(f"- shown on {pages(change.pages)}")
    return [*lines, ""]


def _page_diffs(before: Prepared, after: Prepared) -> list[str]:
    old = reader_text(before.config, before.outputs)
    new = reader_text(after.config, after.outputs)
    changed = [path for path in sorted(set(old) | set(new)) if old.get(path) != new.get(path)]
    if not changed:
        return ["No page that readers see has changed.", ""]
    lines = []
    for path in changed:
        was, now = old.get(path, []), new.get(path, [])
        status = "new page" if not was else "removed page" if not now else "changed"
        diff = [
            line
            for line in difflib.unified_diff(was, now, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        url = url_of(path.removeprefix(f"{DOCS}/"))
        lines += [f"### `{url}` ({status})", "", "```diff", *diff, "```", ""]
    return lines


def _joined(lines: list[str]) -> str:
    # Printed through errors.say_lines, which shows invisible and control characters as escapes:
    # a reviewer sees a soft hyphen inside "60 seconds", and no line becomes a CI command.
    return "\n".join(lines) + "\n"
