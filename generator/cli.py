"""The `gluteguide` command: check, digest, generate, build, serve, ledger, schemas, new, changes.

Each command's summary is declared once, in COMMANDS, and its options in parser(); `gluteguide
COMMAND --help` prints both, and tests/test_docs.py holds this line and the README to them."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from generator.changes.base import prepared_at
from generator.changes.report import changes
from generator.changes.safety import stale_review_errors
from generator.content.kinds import KINDS
from generator.errors import ContentErrors, format_github, format_terminal, say, say_lines
from generator.new_item import new_item
from generator.output.build import BuildFailed, mkdocs_build
from generator.output.gate import check_site
from generator.output.ledger import LEDGER, add_to_ledger, read_ledger
from generator.output.minify import minify_scripts, minify_stylesheets
from generator.output.schema_files import export_schemas
from generator.output.service_worker import write_service_worker
from generator.pages.search_index import widen_search_index
from generator.pipeline import Prepared, expectations, generate, prepare
from generator.preview import serve
from generator.revision import revision_argument


class _Parser(argparse.ArgumentParser):
    """argparse, its messages (which quote the arguments as given) made printable."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            say(message.removesuffix("\n"), sys.stderr)  # one line, whatever an argument held
        sys.exit(status)


def _check(root: Path, arguments: argparse.Namespace) -> int:
    prepared = prepare(root, arguments.today)
    if arguments.base is not None:
        stale = stale_review_errors(root, prepared_at(root, arguments.base), prepared)
        if stale:
            raise ContentErrors(stale)
    site = prepared.site
    counts = [f"{len(site.items[kind.folder])} {kind.counted_as}" for kind in KINDS]
    say("content OK: " + ", ".join(counts))
    unrecorded = prepared.published - {url for _, url in read_ledger(root)}
    if unrecorded:
        say(f"note: {len(unrecorded)} URLs are not in {LEDGER} yet; run `make ledger`")
    for page in site.all_pages():
        if site.review_state(page).state == "changed since review":
            say(f"review again: {page.content_file} changed since its sign-off")
    overdue = [
        page
        for page in site.all_pages()
        if arguments.today and page.item.review.next_review < arguments.today
    ]
    for page in overdue:
        due = page.item.review.next_review.isoformat()
        say(f"overdue: {page.content_file} was due for review on {due}")
    return 1 if overdue else 0


def _digest(root: Path, _: argparse.Namespace) -> int:
    site = prepare(root).site
    for page in site.all_pages():
        say(f"{page.item.digest()}  {page.content_file}")
    return 0


def _generate(root: Path, arguments: argparse.Namespace) -> int:
    _, report = generate(root, arguments.today)
    say(f"generated: {report}")
    return 0


def _build(root: Path, arguments: argparse.Namespace) -> int:
    prepared, report = generate(root, arguments.today)
    say(f"generated: {report}")
    expected = expectations(root, prepared)
    site = mkdocs_build(
        root,
        prepared.source_date_epoch,
        check=lambda folder: check_site(folder, expected),
        finish=lambda folder: finish_site(folder, prepared),
    )
    say(f"built: {site.relative_to(root)}/")
    return 0


def finish_site(folder: Path, prepared: Prepared) -> None:
    """What MkDocs leaves to do in a built site: the search index widened, our stylesheets and
    scripts minified, the service worker written."""
    widen_search_index(folder, prepared.site)
    minify_stylesheets(folder)
    minify_scripts(folder)
    # Last: the service worker precaches the files as they are now.
    write_service_worker(folder)


def _serve(root: Path, arguments: argparse.Namespace) -> int:
    return serve(root, arguments.dev_addr)


def _ledger(root: Path, _: argparse.Namespace) -> int:
    prepared = prepare(root)
    added = add_to_ledger(root, prepared.published)
    say(f"{LEDGER}: {len(added)} URLs added")
    for url in added:
        say(f"  {url}")
    return 0


def _new(root: Path, arguments: argparse.Namespace) -> int:
    path = new_item(root, arguments.kind, arguments.id, date.today())
    say(f"wrote {path.relative_to(root)}: fill in each FILL IN, then run `gluteguide check`")
    return 0


def _changes(root: Path, arguments: argparse.Namespace) -> int:
    report = changes(root, arguments.ref)
    say_lines(report.text, end="")
    return 0 if report.passes_check else 1


def _schemas(root: Path, _: argparse.Namespace) -> int:
    written = export_schemas(root)
    say(f"schemas: {written} written")
    return 0


COMMANDS: dict[str, tuple[Callable[[Path, argparse.Namespace], int], str]] = {
    "check": (
        _check,
        "validate content/ and report every problem, and the pages to review again; with --today,"
        " fail if a page is past its review date; writes nothing",
    ),
    "digest": (_digest, "print each page's content digest, for a clinician's sign-off"),
    "generate": (_generate, "validate, then write the Markdown pages into docs/"),
    "build": (_build, "generate, then build the site into site/ with mkdocs build --strict"),
    "serve": (
        _serve,
        "generate, then preview the site, rebuilding the pages an edit changes as you save",
    ),
    "ledger": (_ledger, f"add new published URLs to {LEDGER} (with --add)"),
    "schemas": (_schemas, "export schemas/*.schema.json from the content models"),
    "new": (
        _new,
        "write a new content file with every field its page shows to fill in (an optional one"
        " may be deleted instead)",
    ),
    "changes": (
        _changes,
        "show what readers will see change against a git ref: every change that touches safety"
        " first, by what it is, then each page's changed text",
    ),
}


def parser() -> argparse.ArgumentParser:
    top = _Parser(
        prog="gluteguide", description="Build the Glute Guide site from the YAML in content/."
    )
    top.add_argument("--debug", action="store_true", help="show tracebacks")
    top.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    commands = top.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    for name, (_, summary) in COMMANDS.items():
        command = commands.add_parser(name, help=summary, description=summary)
        command.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
        )
        command.set_defaults(today=None)  # the preview and the ledger judge no review dates
        if name in ("check", "generate", "build"):
            command.add_argument(
                "--today",
                type=date.fromisoformat,
                default=None,
                metavar="YYYY-MM-DD",
                help="judge review dates by this date (pages past their review date say so)",
            )
        if name == "check":
            command.add_argument(
                "--base",
                default=None,
                type=revision_argument,
                metavar="REV",
                help="also refuse a page whose content changed since REV (a pull request's base)"
                " while its review.last_updated did not",
            )
        if name == "serve":
            command.add_argument(
                "--dev-addr",
                default="127.0.0.1:8000",
                metavar="HOST:PORT",
                help="the address to serve on (default: 127.0.0.1:8000)",
            )
        if name == "ledger":
            command.add_argument(
                "--add",
                action="store_true",
                required=True,
                help="record the URLs not yet in the ledger (required)",
            )
        if name == "changes":
            command.add_argument(
                "ref",
                metavar="REF",
                type=revision_argument,
                help="the base to compare with, e.g. origin/main (a revision, never an option)",
            )
        if name == "new":
            kinds = ", ".join(kind.schema_name for kind in KINDS)
            command.add_argument("kind", metavar="KIND", help=f"one of: {kinds}")
            command.add_argument(
                "id", metavar="ID", help="the file name and address, e.g. side-plank"
            )
    return top


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    run, _ = COMMANDS[arguments.command]
    root = arguments.root.resolve()
    return _report(lambda: run(root, arguments), debug=arguments.debug)


def _report(action: Callable[[], int], debug: bool = False) -> int:
    """Turn every failure an editor can cause into a plain message and an exit status."""
    try:
        return action()
    except ContentErrors as failure:
        say_lines(format_terminal(failure.errors), sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            say_lines(format_github(failure.errors))
        return 1
    except BuildFailed as failure:
        say(f"error: {failure}", sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as failure:
        if debug:
            _traceback(failure)
        else:
            say(f"internal error: {failure!r} (run again with --debug)", sys.stderr)
        return 2


def _traceback(failure: Exception) -> None:
    """The traceback --debug shows: each frame as Python prints it (our code and its
    libraries'), each message on one line of its own, escaped, as it may quote anything."""
    for chunk in traceback.format_exception(failure):
        if chunk.startswith("  File "):
            say_lines(chunk.rstrip("\n"), sys.stderr)
        elif chunk.strip():
            say(chunk.strip("\n"), sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
