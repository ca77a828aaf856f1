"""Runs MkDocs on the generated docs/, in this process: the one runner for `build`, `serve` and the
benchmark. A build replaces site/ only if it succeeded."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from mkdocs.commands import build as mkdocs_commands
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.errors import say

SITE = "site"
CONFIG = "mkdocs.yml"
QUIET_MATERIAL = {"NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner, shown on every build


class BuildFailed(Exception):
    """MkDocs reported an error or, in strict mode, a warning. site/ was left as it was."""


def load_mkdocs(
    root: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    site_url: str | None = None,
    plugins: Mapping[str, Any] = {},
) -> MkDocsConfig:
    """MkDocs' own reading of root's mkdocs.yml, building into site_dir, with extra plugins
    (the live preview's). Raises BuildFailed where the file is not a valid configuration."""
    with _environment(None), _mkdocs_log() as problems:
        try:
            config = load_config(config_file=str(root / CONFIG), site_dir=str(site_dir))
        except MkDocsException as failure:
            problems.append(f"ERROR   -  {failure}")
            _print(problems)
            raise BuildFailed(f"{CONFIG} is not a valid MkDocs configuration") from None
    config.strict = strict
    if site_url is not None:
        config.site_url = site_url
    for name, plugin in plugins.items():
        config.plugins[name] = plugin
    return config


def run_mkdocs(
    config: MkDocsConfig,
    *,
    command: Literal["build", "serve"] = "build",
    source_date_epoch: int | None = None,
    serve_url: str | None = None,
) -> None:
    """One MkDocs build as its own command line runs it: its plugins started and shut down, its
    warnings and errors printed (without its INFO chatter). Raises BuildFailed where MkDocs
    stopped, which in strict mode includes any warning."""
    with _environment(source_date_epoch), _mkdocs_log() as problems:
        config.plugins.on_startup(command=command, dirty=False)
        try:
            mkdocs_commands.build(config, serve_url=serve_url)
        except MkDocsException as failure:
            problems.append(f"Aborted: {failure}")
            raise BuildFailed("mkdocs build failed") from None
        finally:
            config.plugins.on_shutdown()
            _print(problems)


def mkdocs_build(
    root: Path,
    source_date_epoch: int,
    site_dir: Path | None = None,
    check: Callable[[Path], list[str]] | None = None,
    finish: Callable[[Path], None] | None = None,
    strict: bool = True,
) -> Path:
    """Build (strict: as `mkdocs build --strict`) into a scratch folder, `finish` it (the search
    index), and if `check` finds nothing wrong with the result, put it in place."""
    target = site_dir or root / SITE
    scratch = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    try:
        config = load_mkdocs(root, scratch, strict=strict)
        run_mkdocs(config, source_date_epoch=source_date_epoch)
    except BuildFailed:
        shutil.rmtree(scratch, ignore_errors=True)
        raise BuildFailed(f"mkdocs build failed; {target.name}/ was left as it was") from None
    if finish:
        try:
            finish(scratch)
        except BuildFailed as failure:
            shutil.rmtree(scratch, ignore_errors=True)
            raise BuildFailed(f"{failure}; {target.name}/ was left as it was") from None
    rejected = check(scratch) if check else []
    if rejected:
        shutil.rmtree(scratch, ignore_errors=True)
        _print(rejected)
        raise BuildFailed(
            f"{len(rejected)} problems in the built pages; {target.name}/ was left as it was"
        )
    _swap(scratch, target)
    return target


class _Collect(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        # MkDocs' own console format, so a message reads as it does from `mkdocs build`.
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


@contextlib.contextmanager
def _mkdocs_log() -> Iterator[list[str]]:
    """MkDocs' warnings and errors (its 'mkdocs' logger, which its plugins log under too), and
    those of the libraries it runs (Python-Markdown's reach the root logger), collected instead
    of passed on to whatever the process's logging does with them: Python's last resort would
    print them to stderr as they are, names and all."""
    logger = logging.getLogger("mkdocs")
    root = logging.getLogger()
    lines: list[str] = []
    handler = _Collect(lines)
    propagate = logger.propagate
    logger.addHandler(handler)
    root.addHandler(handler)
    logger.propagate = False
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        root.removeHandler(handler)
        logger.propagate = propagate


@contextlib.contextmanager
def _environment(source_date_epoch: int | None) -> Iterator[None]:
    """MkDocs reads the build date from SOURCE_DATE_EPOCH, and Material its banner switch from
    the environment: set for the build, then put back."""
    wanted = dict(QUIET_MATERIAL)
    if source_date_epoch is not None:
        wanted["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    before = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _print(lines: list[str]) -> None:
    for line in lines:
        say(line, sys.stderr)


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=target.parent))
        os.replace(target, old / "site")
    os.replace(new, target)
    os.chmod(target, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
