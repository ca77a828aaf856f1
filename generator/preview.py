"""The live preview (`gluteguide serve`): MkDocs' development server, told of changes by file events
(inotify), not by polling; an edit renders again only the Markdown it can change (incremental.py)
and MkDocs builds again only the pages whose Markdown changed, then reloads the browser.

MkDocs builds a whole site or, with --dirty, skips unchanged pages but still sets up every time:
about 0.7 s at 1,000 items before a single page is built, and its search index then holds only the
rebuilt pages. So the first build here is a normal full build that keeps what MkDocs set up (the
files, the nav and the theme's templates, caught by a small plugin), and later builds read and
write just the changed pages with them, through MkDocs' own page functions (mkdocs is pinned in
requirements.lock; tests/e2e/test_preview.py serves real edits). Anything else (a page added or
removed, the theme, mkdocs.yml, a stylesheet) builds the whole site again. The server itself is
MkDocs' with its live-reload script allowed by the site's own policy, and for loopback only
(preview_server.py)."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
from mkdocs.commands import build as mkdocs_build
from mkdocs.plugins import BasePlugin

from generator.content.site import item_at, markdown_path
from generator.errors import ContentErrors, format_terminal, say, say_lines
from generator.output.build import BuildFailed, load_mkdocs, run_mkdocs
from generator.output.write import MANIFEST, WriteReport, write_outputs
from generator.pages.search_index import page_of, widen_search_index
from generator.pipeline import DOCS, Memo, Prepared, mkdocs_config, prepare
from generator.preview_server import PreviewServer

WATCHED_FOLDERS = ("content", DOCS, "overrides", "generator/pages/templates")
"""Where an edit can change the site, relative to the project; and the project's mkdocs.yml."""
CONFIG = "mkdocs.yml"


class _Kept(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Keeps the files, nav and template environment of the last full build."""

    files: Any = None
    nav: Any = None
    env: Any = None

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        self.files, self.nav = files, nav
        return nav

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        self.env = env
        return env


class SiteBuilder:
    """MkDocs on the project, built in full once and then page by page."""

    def __init__(self, root: Path, site_dir: Path, site_url: str) -> None:
        self.root, self.site_dir, self.site_url = root, site_dir, site_url
        self.config: Any = None
        self.kept = _Kept()

    def build_all(self) -> None:
        self.kept = _Kept()
        config = load_mkdocs(
            self.root,
            self.site_dir,
            strict=False,  # a draft with a broken link is still worth seeing; `build` refuses it
            site_url=self.site_url,
            plugins={"gluteguide-preview": self.kept},
        )
        run_mkdocs(config, command="serve", serve_url=self.site_url)
        self.config = config

    def build_pages(self, sources: Iterable[str], index: bool = True) -> bool:
        """Build again the pages made from these Markdown files (relative to docs/); False where
        one is not a page of the last full build, which must then be done again. index: write
        the search index too (the last build of an edit does)."""
        files, config = self.kept.files, self.config
        found = [files.get_file_from_path(source) for source in sources] if files else [None]
        pages = [file for file in found if file is not None and file.page is not None]
        if len(pages) != len(found):
            return False
        rebuilt = {file.page.url for file in pages}
        for plugin in config.plugins.values():  # the search plugin: its entries for these pages go
            entries = getattr(getattr(plugin, "search_index", None), "entries", None)
            if isinstance(entries, list):
                entries[:] = [entry for entry in entries if page_of(entry) not in rebuilt]
        documentation = files.documentation_pages()
        for file in pages:
            mkdocs_build._populate_page(file.page, config, files)
        for file in pages:
            mkdocs_build._build_page(file.page, config, documentation, self.kept.nav, self.kept.env)
        if index:
            config.plugins.on_post_build(config=config)
        return True


class Preview:
    """Regenerates and rebuilds what changed; `changed` collects the paths file events name."""

    def __init__(self, root: Path, site_dir: Path, site_url: str) -> None:
        self.root = root
        self.site = SiteBuilder(root, site_dir, site_url)
        self.memo = Memo()
        self.prepared: Prepared | None = None
        self.changed: set[str] = set()
        self.deferred: set[str] = set()
        """Pages written but not yet built: the edited page is built and shown first."""
        self.summaries: set[str] = set()
        """Summary pages (indexes, programme maker) not yet rendered again for the last edit."""
        self.wake: Callable[[], None] = lambda: None
        """Asks the server for another rebuild (set by serve)."""
        self.generated: frozenset[str] = frozenset()
        self.lock = threading.Lock()

    def start(self) -> None:
        """The first build: every page. Content errors are reported and stop the preview."""
        self.prepared = prepare(self.root, memo=self.memo)
        self._write(self.prepared)
        self._build_all()

    def _write(self, prepared: Prepared) -> WriteReport:
        self.generated = frozenset(prepared.outputs) | {MANIFEST}
        return write_outputs(self.root, prepared.outputs)

    def note(self, path: str) -> bool:
        """Record a changed path; False for paths no build depends on (the generator's own
        writes, editors' scratch files)."""
        relative = _relative(self.root, path)
        if relative is None or _scratch(relative) or relative in self.generated:
            return False
        if relative != CONFIG and not relative.startswith(tuple(f + "/" for f in WATCHED_FOLDERS)):
            return False
        with self.lock:
            self.changed.add(relative)
        return True

    def rebuild(self) -> None:
        started = time.perf_counter()
        with self.lock:
            changed, self.changed = self.changed, set()
        if not changed:
            self._build_deferred(started)
            return
        theme = {p for p in changed if not p.startswith(("content/", f"{DOCS}/"))}
        later: set[str] = set()
        try:
            previous = None if theme else self.prepared
            prepared = prepare(self.root, memo=self.memo, previous=previous, later=later)
        except ContentErrors as failure:
            say_lines(format_terminal(failure.errors), sys.stderr)
            say("preview: not updated until these are fixed", sys.stderr)
            return
        self.prepared = prepared
        self.summaries |= later
        report = self._write(prepared)
        docs = {p for p in (*changed, *report.touched) if p.startswith(f"{DOCS}/")}
        pages = {p.removeprefix(f"{DOCS}/") for p in docs if p.endswith(".md")}
        # Generated files that are no pages (take-home files, drawings, redirects): MkDocs would
        # only copy them, so they are copied, and the pages that hold the edit built alone.
        copied = {p for p in docs if not p.endswith(".md") and p in prepared.outputs}
        for path in sorted(copied):
            target = self.site.site_dir / path.removeprefix(f"{DOCS}/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(prepared.outputs[path])
        if theme or docs - {f"{DOCS}/{p}" for p in pages} - copied or report.removed:
            try:
                self._build_all()
            except BuildFailed:
                say("preview: not updated: MkDocs stopped", sys.stderr)
                return
            built = f"every page, for {', '.join(sorted(theme or docs))}"
        else:
            edited = {markdown_path(*item) for item in map(item_at, changed) if item}
            pages |= self.deferred
            first = pages & edited or pages
            self.deferred = pages - first
            more = bool(self.deferred or self.summaries)
            built = self._build_pages(first, index=not more)
            if more:
                self.wake()
        say(f"preview: {built} ({time.perf_counter() - started:.2f} s)")

    def _build_deferred(self, started: float) -> None:
        """The pages that show an edit elsewhere (lists, summaries), after the edited one."""
        if self.summaries and self.prepared is not None:
            summaries, self.summaries = self.summaries, set()
            try:
                prepared = prepare(
                    self.root, memo=self.memo, previous=self.prepared, again=summaries
                )
            except ContentErrors:
                return  # a new edit broke the content: its own rebuild reports it
            self.prepared = prepared
            report = self._write(prepared)
            self.deferred |= {p.removeprefix(f"{DOCS}/") for p in report.touched}
        if self.deferred:
            pages, self.deferred = self.deferred, set()
            built = self._build_pages(pages)
            say(f"preview: then {built} ({time.perf_counter() - started:.2f} s)")

    def _build_pages(self, pages: set[str], index: bool = True) -> str:
        assert self.prepared is not None
        if not pages:
            return "no page changed"
        if not self.site.build_pages(sorted(pages), index):
            self._build_all()
            return "every page"
        if index:
            widen_search_index(self.site.site_dir, self.prepared.site)
        return ", ".join(sorted(pages))

    def _build_all(self) -> None:
        assert self.prepared is not None
        self.deferred, self.summaries = set(), set()
        self.site.build_all()
        widen_search_index(self.site.site_dir, self.prepared.site)


def _relative(root: Path, path: str) -> str | None:
    """path relative to root, its folder resolved but not the path itself: a link added under
    content/ is the link's own path (which `check` refuses, and the rebuild reports), never the
    place it leads to, which may be outside the project and so would be ignored."""
    where = Path(path)
    try:
        return (where.parent.resolve() / where.name).relative_to(root).as_posix()
    except ValueError:
        return None


def _scratch(relative: str) -> bool:
    """Editors' swap and backup files, and the generator's own temporary files."""
    name = relative.rsplit("/", 1)[-1]
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


_CHANGES = {
    watchdog.events.EVENT_TYPE_CREATED,
    watchdog.events.EVENT_TYPE_MODIFIED,
    watchdog.events.EVENT_TYPE_DELETED,
    watchdog.events.EVENT_TYPE_MOVED,
}


class _Filtered(watchdog.events.FileSystemEventHandler):
    """Passes on only the events of paths the preview depends on."""

    def __init__(self, handler: Any, keep: Callable[[str], bool]) -> None:
        self.handler, self.keep = handler, keep

    def dispatch(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in _CHANGES:
            return  # opening and reading a file, as every build does, changes nothing
        paths = [os.fsdecode(event.src_path), os.fsdecode(event.dest_path or "")]
        if any([self.keep(path) for path in paths if path]):
            self.handler.dispatch(event)


class _EventObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The operating system's file events (inotify on Linux), not MkDocs' half-second polling."""

    def __init__(self, keep: Callable[[str], bool]) -> None:
        super().__init__()
        self.keep = keep
        self.handlers: list[Any] = []

    def schedule(self, event_handler: Any, path: str, **options: Any) -> Any:
        self.handlers.append(event_handler)
        return super().schedule(_Filtered(event_handler, self.keep), path, **options)

    def poke(self, path: str) -> None:
        """Tell the server that path changed, as a file event would: it then rebuilds."""
        self.handlers[0].dispatch(watchdog.events.FileModifiedEvent(path))


def serve(root: Path, address: str) -> int:
    """Serve the site at address (host:port) until stopped, rebuilding what each edit changes.
    Served under site_url's path, as GitHub Pages will. Returns 128 + the stopping signal."""
    host, _, port = address.rpartition(":")
    mount = urllib.parse.urlsplit(str(mkdocs_config(root).get("site_url", "/"))).path or "/"
    url = f"http://{host}:{port}{mount}"
    stopped_by: list[int] = []

    def stop(number: int, _frame: object) -> None:
        stopped_by.append(number)
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, stop) for number in STOP_SIGNALS}
    site_dir = Path(tempfile.mkdtemp(prefix="gluteguide-preview-"))
    try:
        preview = Preview(root, site_dir, url)
        preview.start()
        server = PreviewServer(
            builder=preview.rebuild, host=host, port=int(port), root=str(site_dir), mount_path=mount
        )
        observer = server.observer = _EventObserver(preview.note)
        preview.wake = lambda: observer.poke(str(root / "content"))
        for folder in WATCHED_FOLDERS:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        # The folder, not the file: editors that save by renaming would end a watch on the file.
        server.watch(str(root), recursive=False)
        say(f"preview: serving {url} (Ctrl+C stops)")
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    except KeyboardInterrupt:
        pass  # stopped during the first build
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
        for number, handler in previous.items():
            signal.signal(number, handler)
    return 128 + stopped_by[0] if stopped_by else 0


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
