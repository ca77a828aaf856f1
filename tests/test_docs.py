"""The README, CONTRIBUTING and the CLI's docstring say what the code is, and a test fails when they
stop saying it (as sqlite-utils' tests/test_docs.py does). The truth is read from the code on every
run: the modules by walking the generator package, the commands and their options from
generator.cli's own parser, the targets from the Makefile, the layers from pyproject.toml, the
checks a pull request shows from the workflows. Each case is named after the thing that drifted."""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import pkgutil
import re
import shlex
import subprocess
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import yaml

import generator
import generator.cli
from generator.cli import main, parser
from tests.factory import REPO

README = "README.md"
CONTRIBUTING = "CONTRIBUTING.md"
DOCS = {name: (REPO / name).read_text(encoding="utf-8") for name in (README, CONTRIBUTING)}
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")

MODULE_SECTION = "The generator, module by module"
COMMAND_SECTION = "The `gluteguide` command"
STEPS_SECTION = "The short version"


# Markdown, read as plainly as it is written here


def section(name: str, title: str) -> str:
    """The text under the `## title` heading of a document, up to the next heading of its level."""
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", DOCS[name], re.M | re.S)
    return found.group(1) if found else ""  # test_the_documents_have_their_sections says so


def code(text: str) -> Iterator[str]:
    """Every piece of code in Markdown: each line of a fenced block and each inline code span."""
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif fenced:
            yield line
        else:
            yield from re.findall(r"`([^`\n]+)`", line)


def words(piece: str) -> list[str]:
    """A piece of code split as a shell would, with a trailing comment dropped."""
    try:
        return shlex.split(piece, comments=True)
    except ValueError:  # an unbalanced quote: prose in backticks, not a command
        return piece.split()


def table_rows(text: str) -> Iterator[list[str]]:
    """The cells of each body row of every Markdown table in text (not its header)."""
    lines = text.splitlines()
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        if line.startswith("| ") and not line.startswith("| ---") and not after.startswith("| ---"):
            yield [cell.strip() for cell in line.strip().strip("|").split(" | ")]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


SECTIONS = [(README, MODULE_SECTION), (README, COMMAND_SECTION), (CONTRIBUTING, STEPS_SECTION)]


@pytest.mark.parametrize(("document", "title"), SECTIONS, ids=[f"{d}: {t}" for d, t in SECTIONS])
def test_the_documents_have_their_sections(document: str, title: str) -> None:
    """The sections the checks below read; a renamed heading would otherwise check nothing."""
    assert section(document, title).strip(), f"{document} has no section '## {title}'"


# (a) The modules, as the README groups them by package


def packages_and_modules() -> tuple[list[str], list[str]]:
    """Every package and every module under generator/, found by walking it."""
    found = list(pkgutil.walk_packages(generator.__path__, "generator."))
    packages = ["generator", *(info.name for info in found if info.ispkg)]
    return sorted(packages), sorted(info.name for info in found if not info.ispkg)


PACKAGES, MODULES = packages_and_modules()


@dataclass(frozen=True)
class ModuleSection:
    packages: list[str]
    """The package headings, in their order, as dotted names."""
    modules: dict[str, str]
    """Dotted module name -> the README's line about it."""


@functools.cache
def module_section() -> ModuleSection:
    packages: list[str] = []
    modules: dict[str, str] = {}
    for line in section(README, MODULE_SECTION).splitlines():
        heading = re.match(r"\*\*`(generator/(?:\w+/)*)`\*\*", line)
        if heading:
            packages.append(heading.group(1).rstrip("/").replace("/", "."))
        row = re.match(r"\| `(\w+)` \| (.*) \|$", line)
        if row:  # a row above every heading belongs to no package, and fails as '?.name'
            modules[f"{packages[-1] if packages else '?'}.{row.group(1)}"] = row.group(2).strip()
    return ModuleSection(packages, modules)


@pytest.mark.parametrize("module", MODULES)
def test_every_module_is_in_the_readme(module: str) -> None:
    described = module_section().modules
    assert described.get(module), (
        f"{module} is not in README's '{MODULE_SECTION}' (or its line is empty): add a row "
        f"`{module.rsplit('.', 1)[1]}` with what it is under its package's heading"
    )


@pytest.mark.parametrize("module", sorted(module_section().modules))
def test_every_module_the_readme_names_exists(module: str) -> None:
    assert module in MODULES, (
        f"README's '{MODULE_SECTION}' names {module}, which is not a module of the generator: "
        "rename or remove its row"
    )


def test_the_readme_has_a_heading_for_each_package() -> None:
    headings = module_section().packages
    assert sorted(headings) == PACKAGES, f"packages in the code: {PACKAGES}; in README: {headings}"
    assert len(set(headings)) == len(headings), f"a package heading repeats: {headings}"


def import_layers() -> list[set[str]]:
    """The layers of the import-linter contract, each a set of names below generator."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [
        {name.strip().removeprefix("generator.") for name in layer.split("|")}
        for layer in contract["layers"]
    ]


def test_the_readme_states_the_import_layers_of_the_contract() -> None:
    sentence = re.search(
        r"Imports run one way[^:]*\):(.*?)\.\n", section(README, MODULE_SECTION), re.S
    )
    assert sentence, f"README's '{MODULE_SECTION}' no longer says how imports run"
    stated = [set(re.findall(r"`(\w+)`", group)) for group in sentence.group(1).split(";")]
    assert stated == import_layers(), "README's layers differ from [tool.importlinter] in pyproject"


# (b) and (c) The gluteguide command: its subcommands, their options and their help


def subparsers(top: argparse.ArgumentParser) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    (found,) = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
    return found


TOP = parser()
COMMANDS: dict[str, argparse.ArgumentParser] = dict(subparsers(TOP).choices)
COMMAND_METAVAR = str(subparsers(TOP).metavar)


def options(command: argparse.ArgumentParser) -> set[str]:
    return {option for action in command._actions for option in action.option_strings}


SHARED = set.intersection(*(options(command) for command in COMMANDS.values()))
"""Options every command has (-h, --debug): README documents them once, above its table."""


@functools.cache
def readme_commands() -> dict[str, str]:
    """Subcommand -> its synopsis in the first cell of README's command table."""
    found: dict[str, str] = {}
    for cells in table_rows(section(README, COMMAND_SECTION)):
        synopsis = re.fullmatch(r"`(gluteguide (\S+).*)`", cells[0])
        if synopsis:  # a row that is not a command leaves its command unlisted, which fails
            found[synopsis.group(2)] = synopsis.group(1)
    return found


def docstring_commands() -> list[str]:
    """The commands the first line of generator/cli.py's docstring lists after its colon."""
    first_line = (generator.cli.__doc__ or "\n").splitlines()[0]
    listed = re.fullmatch(r"The `gluteguide` command: (.*)\.", first_line)
    return [name.strip() for name in listed.group(1).split(",")] if listed else []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert command in readme_commands(), f"add `gluteguide {command}` to README's command table"


@pytest.mark.parametrize("command", sorted(readme_commands()))
def test_every_command_the_readme_lists_exists(command: str) -> None:
    assert command in COMMANDS, f"README lists `gluteguide {command}`, which the CLI does not have"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_cli_docstring(command: str) -> None:
    assert command in docstring_commands(), f"add {command} to generator/cli.py's first line"


@pytest.mark.parametrize("command", docstring_commands())
def test_every_command_the_cli_docstring_lists_exists(command: str) -> None:
    assert command in COMMANDS, f"generator/cli.py's docstring lists {command}, which is no command"


def help_text(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What `gluteguide ... --help` prints, run in this process, with its lines joined."""
    with pytest.raises(SystemExit) as exit_status:
        main([*argv, "--help"])
    assert exit_status.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def undescribed(command: argparse.ArgumentParser, shown: str) -> list[str]:
    """The arguments of a parser that --help lists without a description, or not at all."""
    missing = []
    for action in command._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue  # the commands: each is held to its own help below
        name = action.option_strings[-1] if action.option_strings else str(action.metavar)
        if not action.help or action.help == argparse.SUPPRESS or name not in shown:
            missing.append(name)
    return missing


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_readme_shows_each_command_as_its_help_does(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`gluteguide COMMAND --help` runs and describes every argument, and README's synopsis is the
    command's own usage line, less the options every command has."""
    shown = help_text([command], capsys)
    missing = undescribed(COMMANDS[command], shown)
    assert not missing, f"--help describes no {missing}: give each help= in generator/cli.py"
    synopsis = " ".join(COMMANDS[command].format_usage().split()).removeprefix("usage: ")
    for option in sorted(SHARED):
        synopsis = synopsis.replace(f" [{option}]", "")
    assert readme_commands().get(command) == synopsis, (
        f"README's command table should show `{synopsis}`, as `gluteguide {command} --help` does"
    )


def test_the_readme_names_the_options_every_command_has(capsys: pytest.CaptureFixture[str]) -> None:
    shown = help_text([], capsys)
    missing = undescribed(TOP, shown)
    assert not missing, f"--help describes no {missing}: give each help= in generator/cli.py"
    intro = section(README, COMMAND_SECTION).split("\n| ")[0]
    wanted = sorted((options(TOP) | SHARED) - {"-h", "--help"})
    missing = [option for option in wanted if f"`{option}" not in intro]
    assert not missing, (
        f"README's '{COMMAND_SECTION}' should say, above its table, what {missing} do"
    )


# (d) make targets

TARGETS = set(re.findall(r"^([a-z][\w-]*):(?!=)", MAKEFILE, re.M))
DESCRIBED_TARGETS = sorted(re.findall(r"^([a-z][\w-]*):[^#\n]*##", MAKEFILE, re.M))


def make_commands(text: str) -> Iterator[tuple[str, list[str]]]:
    """Each `make TARGET VAR=value ...` in the code of a document: its target and its variables."""
    for piece in code(text):
        tokens = words(piece)
        for at, token in enumerate(tokens[:-1]):
            if token == "make" and re.fullmatch(r"[a-z][\w-]*", tokens[at + 1]):
                variables = [t.split("=")[0] for t in tokens[at + 2 :] if re.match(r"[A-Z_]+=", t)]
                yield tokens[at + 1], variables


DOCUMENTED_MAKE = sorted(
    {
        (name, target, tuple(variables))
        for name, text in DOCS.items()
        for target, variables in make_commands(text)
    }
)


@pytest.mark.parametrize(
    ("document", "target", "variables"),
    DOCUMENTED_MAKE,
    ids=[f"{d}: make {' '.join([t, *v])}" for d, t, v in DOCUMENTED_MAKE],
)
def test_every_make_target_the_docs_name_exists(
    document: str, target: str, variables: tuple[str, ...]
) -> None:
    assert target in TARGETS, f"{document} names `make {target}`, which the Makefile does not have"
    for variable in variables:
        assert f"$({variable})" in MAKEFILE, f"`make {target}` does not read {variable}="


@pytest.mark.parametrize("target", DESCRIBED_TARGETS)
def test_every_described_make_target_is_in_the_readme(target: str) -> None:
    named = {target for target, _ in make_commands(DOCS[README])}
    assert target in named, f"the Makefile describes `make {target}` (##); README should name it"


# (e) paths

TOP_LEVEL = {entry.name for entry in REPO.iterdir()}
FILE_NAME = re.compile(r"[\w.-]+\.(?:py|ya?ml|md|js|mjs|json|txt|toml|lock|j2|css|html|png|svg)")
NOT_WALKED = {".git", ".venv", "node_modules", "site", "build", "__pycache__"}


def path_like(token: str) -> str | None:
    """token as a path in the repository, if it looks like one: a name under a folder (not a URL,
    not an address on the site, not a git ref) or a file name. <placeholders> become globs."""
    token = token.strip("\"'[](),;:").split("::")[0].removeprefix("./")
    token = re.sub(r"(?::\d+)+$", "", token)  # a position: file:line:col
    if not token or "://" in token or token.startswith(("/", "#", "-", "$")) or "=" in token:
        return None
    token = re.sub(r"<[^>]+>", "*", token)
    last = token.rstrip("/").rsplit("/", 1)[-1]
    if "/" in token:
        first = token.split("/")[0]
        return token if first in TOP_LEVEL or token.endswith("/") or "." in last else None
    return token if FILE_NAME.fullmatch(token) else None


def documented_paths(text: str) -> set[str]:
    """Every path-like token in the code of a document and every relative link it makes."""
    tokens = [token for piece in code(text) for token in words(piece)]
    tokens += [link for link in re.findall(r"\]\(([^)\s]+)\)", text) if not link.startswith("#")]
    return {path for path in map(path_like, tokens) if path}


@functools.cache
def names_in_repo() -> set[str]:
    """The name of every file and folder in the repository (the name `about.md` or `stylesheets/`
    stands for, in a sentence about the folder it is in)."""
    names: set[str] = set()
    for _, folders, files in os.walk(REPO):
        folders[:] = [f for f in folders if f not in NOT_WALKED and not f.endswith("_cache")]
        names.update(files, (f"{folder}/" for folder in folders))
    return names


def ignored_by_git(path: str) -> bool:
    """Output the build or the set-up makes (site/, build/, .venv/), which a clone need not hold."""
    probe = path.replace("*", "x")
    status = subprocess.run(["git", "check-ignore", "-q", "--", probe], cwd=REPO, check=False)
    return status.returncode == 0


DOCUMENTED_PATHS = sorted(
    {(name, path) for name, text in DOCS.items() for path in documented_paths(text)}
)


@pytest.mark.parametrize(
    ("document", "path"), DOCUMENTED_PATHS, ids=[f"{d}: {p}" for d, p in DOCUMENTED_PATHS]
)
def test_every_path_the_docs_name_exists(document: str, path: str) -> None:
    if "/" not in path.rstrip("/") and not (REPO / path).exists():
        assert path in names_in_repo() or ignored_by_git(path), (
            f"{document} names `{path}`, and nothing in the repository has that name"
        )
    elif "*" in path:
        assert list(REPO.glob(path.rstrip("/"))) or ignored_by_git(path), (
            f"{document} names `{path}`, which matches nothing"
        )
    else:
        assert (REPO / path).exists() or ignored_by_git(path), (
            f"{document} names `{path}`, which does not exist"
        )


@pytest.mark.parametrize("document", sorted(DOCS))
def test_every_link_to_a_section_finds_its_heading(document: str) -> None:
    text = DOCS[document]
    anchors = {slug(heading) for heading in re.findall(r"^#+ (.*)$", text, re.M)}
    missing = sorted(set(re.findall(r"\]\(#([^)]+)\)", text)) - anchors)
    assert not missing, f"{document} links to sections it does not have: {missing}"


# gluteguide, as the documents show it run


def gluteguide_commands(text: str) -> Iterator[list[str]]:
    """The arguments of each `gluteguide ...` (or `.venv/bin/gluteguide ...`) in a document."""
    for piece in code(text):
        tokens = words(piece)
        for at, token in enumerate(tokens):
            if token.rsplit("/", 1)[-1] == "gluteguide" and at + 1 < len(tokens):
                yield [t.strip("[]") for t in tokens[at + 1 :]]


DOCUMENTED_GLUTEGUIDE = sorted(
    {(name, tuple(argv)) for name, text in DOCS.items() for argv in gluteguide_commands(text)}
)


@pytest.mark.parametrize(
    ("document", "argv"),
    DOCUMENTED_GLUTEGUIDE,
    ids=[f"{d}: gluteguide {' '.join(a)}" for d, a in DOCUMENTED_GLUTEGUIDE],
)
def test_every_gluteguide_command_the_docs_show_exists(
    document: str, argv: tuple[str, ...]
) -> None:
    """Its command is a real one (or the parser's own placeholder, COMMAND), and each option it
    shows is an option of that command."""
    named = [token for token in argv if token in COMMANDS or token == COMMAND_METAVAR]
    assert named, f"{document}: `gluteguide {' '.join(argv)}` names no command of the CLI"
    allowed = options(TOP) | options(COMMANDS.get(named[0], TOP))
    unknown = [t for t in argv if t.startswith("-") and t not in allowed]
    assert not unknown, f"{document}: `gluteguide {' '.join(argv)}`: no such option {unknown}"


# (f) CONTRIBUTING's numbered steps


def steps() -> dict[int, str]:
    """The numbered steps of CONTRIBUTING's short version: number -> the step's whole text."""
    found: dict[int, str] = {}
    for line in section(CONTRIBUTING, STEPS_SECTION).splitlines():
        start = re.match(r"(\d+)\. (.*)", line)
        if start:
            found[int(start.group(1))] = start.group(2)
        elif found and (line.startswith(" ") or not line):
            found[max(found)] += "\n" + line
    return found


STEPS = steps()


def workflow_names() -> tuple[set[str], set[str], set[str]]:
    """The jobs' ids, their names (the checks a pull request shows) and the uploaded artifacts."""
    ids: set[str] = set()
    names: set[str] = set()
    artifacts: set[str] = set()
    for path in sorted((REPO / ".github/workflows").glob("*.yml")):
        for job_id, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            ids.add(job_id)
            names.add(str(job.get("name", job_id)))
            artifacts |= {
                str(step["with"]["name"])
                for step in job.get("steps", [])
                if str(step.get("uses", "")).startswith("actions/upload-artifact@")
            }
    return ids, names, artifacts


def test_the_steps_are_numbered_one_by_one() -> None:
    assert list(STEPS) == list(range(1, len(STEPS) + 1)), f"steps numbered {list(STEPS)}"
    assert len(STEPS) >= 3, f"CONTRIBUTING's '{STEPS_SECTION}' lost its numbered steps"


@pytest.mark.parametrize("number", sorted(STEPS), ids=[f"step {n}" for n in sorted(STEPS)])
def test_what_each_step_tells_an_editor_to_run_or_open_exists(number: int) -> None:
    """Each command in a step runs as written: a make target, gluteguide with arguments its parser
    accepts, a Python module; and each check or artifact a step sends the editor to is one a pull
    request shows."""
    text = STEPS[number]
    for target, _ in make_commands(text):
        assert target in TARGETS, f"step {number}: `make {target}` is no target of the Makefile"
    for argv in gluteguide_commands(text):
        try:
            TOP.parse_args(argv)
        except SystemExit:
            pytest.fail(f"step {number}: `gluteguide {' '.join(argv)}` is refused by the CLI")
    for piece in code(text):
        module = re.search(r"python3? -m ([\w.]+)", piece)
        if module:
            assert importlib.util.find_spec(module.group(1)), f"step {number}: no {module.group(1)}"
    _, jobs, artifacts = workflow_names()
    for check in re.findall(r'"([^"]+)" check', text):
        assert check in jobs, f"step {number} names the check '{check}'; the jobs are {jobs}"
    for artifact in re.findall(r"\*\*([\w.-]+)\*\* under Artifacts", text):
        assert artifact in artifacts, f"step {number}: no job uploads an artifact '{artifact}'"


def test_every_job_the_readme_names_exists() -> None:
    ids, _, _ = workflow_names()
    named = set(re.findall(r"the `([\w-]+)` job", DOCS[README]))
    assert named <= ids, (
        f"README names jobs {sorted(named - ids)}; the workflows have {sorted(ids)}"
    )
