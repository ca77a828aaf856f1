"""`gluteguide changes REF`: what a change does to the pages a reader sees. The pages of the base
(content/ at REF, in git) and of the working tree are both rendered in memory and turned into the
text a reader sees; each page that differs is printed with its address and a diff of that text,
the safety-relevant lines (doses, stop rules, warning signs, sources, review) first."""

from __future__ import annotations

import difflib
import io
import re
import shutil
import subprocess
import tarfile
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import html5lib
import markdown  # type: ignore[import-untyped]  # no stubs in the lock; only Markdown() is used

from generator.content.site import url_of
from generator.errors import ContentError, ContentErrors, printable
from generator.output.write import read_manifest
from generator.pipeline import mkdocs_config, prepare

DOCS = "docs/"
_XHTML = "{http://www.w3.org/1999/xhtml}"
_BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "td", "th", "figcaption"}
SAFETY_WORDS = (
    "dose:",
    "how often:",
    "level:",
    "stop straight away",
    "call 999",
    "a&e",
    "urgent",
    "gp",
    "sources",
    "accessed",
    "last updated",
    "next review",
    "review",
    "warning",
)
"""A changed line that mentions one of these is shown first: a reviewer must not miss it."""


def changes(root: Path, ref: str) -> str:
    """The report, as Markdown for a pull request's job summary (and readable in a terminal)."""
    before = _pages_at(root, ref)
    after = _reader_text(root, prepare(root).outputs)
    lines = [f"# What readers will see change (against {ref})", ""]
    changed = [
        path for path in sorted(set(before) | set(after)) if before.get(path) != after.get(path)
    ]
    # Pages with a safety-relevant change first, so a reviewer reads those before the rest.
    reports = [_page_report(path, before.get(path, []), after.get(path, [])) for path in changed]
    for report in sorted(reports, key=lambda report: not report[2].startswith("**Safety")):
        lines += report
    if not changed:
        lines.append("No page that readers see has changed.")
    # Invisible and control characters shown as escapes: a reviewer sees a soft hyphen inside
    # "60 seconds", and no line of a page's text can become a command in the CI log.
    return "\n".join(printable(line) for line in lines) + "\n"


def _page_report(path: str, old: list[str], new: list[str]) -> list[str]:
    url = url_of(path.removeprefix(DOCS))
    status = "new page" if not old else "removed page" if not new else "changed"
    diff = [
        line
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    safety = [line for line in diff if is_safety_relevant(line)]
    other = [line for line in diff if line not in safety]
    report = [f"## `{url}` ({status})", ""]
    if safety:
        report += ["**Safety-relevant (doses, stop rules, warning signs, sources, review):**", ""]
        report += ["```diff", *safety, "```", ""]
    if other:
        report += ["Other changes:", "", "```diff", *other, "```", ""]
    return report


def is_safety_relevant(line: str) -> bool:
    lowered = line.lower()
    return any(word in lowered for word in SAFETY_WORDS) or bool(_AMOUNT.search(lowered))


_AMOUNT = re.compile(r"\b\d+ (reps?|sets?|seconds?|minutes?|holds?|sessions?|times)\b")


def _pages_at(root: Path, ref: str) -> dict[str, list[str]]:
    """The pages as content/ stood at ref, built with today's generator and site files."""
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", ref, "content"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        message = archive.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise ContentErrors(
            [
                ContentError(
                    "content",
                    1,
                    1,
                    "",
                    f"cannot read content/ at '{ref}': {' '.join(message)}",
                    "name a branch, tag or commit that git knows, for example origin/main",
                )
            ]
        )
    with tempfile.TemporaryDirectory(prefix="gluteguide-base-") as folder:
        base = Path(folder)
        generated = read_manifest(root)
        for path in [
            root / "mkdocs.yml",
            *(root / "overrides").rglob("*"),
            *(root / "docs").rglob("*"),
        ]:
            relative = path.relative_to(root).as_posix()
            if path.is_file() and relative not in generated:
                (base / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, base / relative)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(base, filter="data")
        return _reader_text(base, prepare(base).outputs)


def _reader_text(root: Path, outputs: dict[str, bytes]) -> dict[str, list[str]]:
    converter = site_markdown(root)
    pages = {}
    for path, data in outputs.items():
        if not path.endswith(".md"):
            continue
        text = data.decode("utf-8")
        body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
        html = converter.reset().convert(body)
        pages[path] = list(_lines(html5lib.parse(f"<article>{html}</article>")))
    return pages


def _lines(document: ElementTree.Element) -> Iterator[str]:
    """One line for each block a reader sees (heading, paragraph, list item, cell)."""
    for element in document.iter():
        tag = str(element.tag).removeprefix(_XHTML)
        if tag in _BLOCKS and not any(
            str(child.tag).removeprefix(_XHTML) in _BLOCKS for child in element
        ):
            words = " ".join("".join(element.itertext()).replace("¶", "").split())
            if words:
                yield words


def site_markdown(root: Path) -> markdown.Markdown:
    """Python-Markdown with the site's own extensions (mkdocs.yml), as MkDocs would run it."""
    config = mkdocs_config(root)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)
