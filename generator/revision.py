"""A git revision named on the command line (`gluteguide changes REF`), checked before any git
command that reads content sees it: a branch, tag or commit, never an option. A REF such as
`--output=FILE` would otherwise reach `git archive` as its option and create or empty that file."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from generator.errors import ContentError, ContentErrors

HINT = "name a branch, tag or commit that git knows, for example origin/main"


def option_problem(ref: str) -> str:
    """Why ref cannot be a revision on a git command line, or '' when it can be one."""
    if not ref:
        return "the revision is empty"
    if ref.startswith("-"):
        return f"'{ref}' starts with '-', so git would read it as an option"
    return ""


def revision_argument(ref: str) -> str:
    """argparse's type for REF: refuses, before anything runs, a REF that git would read as an
    option (argparse then prints the message and exits with status 2, no traceback)."""
    problem = option_problem(ref)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}; {HINT}")
    return ref


def commit_of(root: Path, ref: str) -> str:
    """The full hash of the commit ref names in root's repository, asked of `git rev-parse
    --verify --end-of-options`, or ContentErrors saying why there is none. A caller that runs git
    with the hash, not ref, runs it with exactly the commit checked here."""
    problem = option_problem(ref)
    if not problem:
        verify = ["rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}"]
        found = subprocess.run(
            ["git", "-C", str(root), *verify],
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode == 0:
            return found.stdout.strip()
        said = " ".join(found.stderr.strip().splitlines()[-1:]) or "git knows no such commit"
        raise unreadable(ref, said)
    raise ContentErrors([ContentError("content", 1, 1, "", problem, HINT)])


def unreadable(ref: str, said: str) -> ContentErrors:
    """The error for content/ that git could not give at ref, with what git said."""
    problem = f"cannot read content/ at '{ref}': {said}"
    return ContentErrors([ContentError("content", 1, 1, "", problem, HINT)])
