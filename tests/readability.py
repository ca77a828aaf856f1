"""Reading grade (Flesch-Kincaid, via textstat) of what a reader reads on each generated page.

`python -m tests.readability` prints every page, hardest first.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from generator.pipeline import prepare
from tests.factory import REPO

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
    import textstat

MAX_GRADE = 8.0
# Reference material for clinicians, not prose for readers.
_NOT_READER_TEXT = ("## Sources", "## Review", "## Diagnosis codes")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRIBUTES = re.compile(r"\{[^}]*\}")
_ADMONITION = re.compile(r'^!!! \w+ "(.*)"$')
_LIST_MARKER = re.compile(r"^(?:[-*]|\d+\.)\s+")
# Markup is not read: its words are (a label, a legend), each as a sentence of its own.
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|template)\b.*?</\1>", re.DOTALL)


def reader_text(markdown: str) -> str:
    """The page's prose, one sentence per line, as a reader meets it."""
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    body = _SCRIPT.sub("", body)
    sentences: list[str] = []
    skipping = False
    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            skipping = line.startswith(_NOT_READER_TEXT)
        if skipping or not line or line.startswith("|"):
            continue
        admonition = _ADMONITION.match(line)
        line = admonition.group(1) if admonition else line
        if "<" in line:
            words = [part.strip() for part in _TAG.split(line)]
            sentences += [w if w[-1] in ".!?:" else w + "." for w in words if len(w) > 1]
            continue
        line = _LIST_MARKER.sub("", _ATTRIBUTES.sub("", _LINK.sub(r"\1", line)))
        line = line.lstrip("#").replace("*", "").strip()
        if line:
            sentences.append(line if line[-1] in ".!?:" else line + ".")
    return "\n".join(sentences)


def grade(markdown: str) -> float:
    return float(textstat.flesch_kincaid_grade(reader_text(markdown)))


def page_grades(root: Path = REPO) -> dict[str, float]:
    """docs/ path -> grade, for every generated page and every hand-written one."""
    pages = {
        path: data.decode("utf-8")
        for path, data in prepare(root).outputs.items()
        if path.endswith(".md")
    }
    for path in sorted((root / "docs").rglob("*.md")):
        pages.setdefault(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"))
    return {path: grade(text) for path, text in sorted(pages.items())}


def report(grades: dict[str, float], limit: int | None = None) -> str:
    hardest = sorted(grades.items(), key=lambda item: -item[1])[:limit]
    return "\n".join(f"{value:5.1f}  {path}" for path, value in hardest)


if __name__ == "__main__":
    print(f"Flesch-Kincaid grade, hardest first (limit {MAX_GRADE}):")
    print(report(page_grades()))
