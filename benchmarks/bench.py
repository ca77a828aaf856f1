"""Speed, page size and peak memory of the generator and the MkDocs build, at 100 to 10,000 items.

`make bench` runs it: progress goes to stderr, the result (Markdown tables) to stdout. Every time is
the median of several runs, taken with time.perf_counter. See benchmarks/README.md for what each
figure means. Timings are never asserted in tests: they depend on the machine. tests/test_bench.py
runs it at 10 items (`--sizes 10 --runs 1`) and checks that it prints every table.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from unittest import mock

import jinja2
import yaml
from pydantic import BaseModel

from benchmarks.synthetic import bench_content
from generator.content.kinds import KINDS
from generator.content.models import (
    Emergency,
    Exercise,
    Item,
    LinkHosts,
    Movements,
    Regions,
    Reviewers,
    Sources,
    Synonyms,
    WarningSigns,
)
from generator.content.references import resolve
from generator.content.site import Page, Site
from generator.drawing.draw import draw_exercise
from generator.errors import ContentErrors, format_terminal
from generator.output.write import write_atomically
from generator.pages import render
from generator.pages.render import environment, render_redirect_pages, render_site
from generator.pipeline import (
    DOCS,
    Prepared,
    content_security_policy,
    data_outputs,
    generate,
    mkdocs_config,
    repository_of,
)
from tests.factory import write_project

REPO = Path(__file__).resolve().parent.parent
SIZES = (100, 1_000, 10_000)
RUNS = 3
FLOOR_REPEATS = 3
"""Floor timings per run: they are cheap, and writing files is the noisiest part on shared disks."""
MKDOCS_MAX_ITEMS = 1_000
"""Larger sites are not built with MkDocs: too slow on a 2-core machine, above all stock."""
BUILDS = ("ours", "stock")

TARGET_AT = 10_000
TARGET_SPEEDUP = 15.0
"""Real pages per second over naive pages per second, at TARGET_AT items: at least this."""
TARGET_FLOOR_RATIO = 2.0
"""Real time over floor time, at TARGET_AT items: at most this."""
TARGET_MS_PER_PAGE = 10.0
"""Our mkdocs build at MKDOCS_MAX_ITEMS items: at most this many milliseconds per page."""
TARGET_PAGE_GROWTH = 0.20
"""Our median item page at MKDOCS_MAX_ITEMS items against 100 items: within this fraction."""

STOCK_CONFIG = """\
# Stock Material: default features and fonts, the search plugin, no nav (MkDocs lists every page).
site_name: Glute Guide (stock Material)
theme:
  name: material
plugins:
  - search
"""

Result = TypeVar("Result")
_started = time.perf_counter()


def progress(message: str) -> None:
    print(f"[{time.perf_counter() - _started:7.1f}s] {message}", file=sys.stderr, flush=True)


def settle() -> None:
    """Untimed, before every timing: write earlier files (copies, deletions) out to disk and
    collect garbage, so that neither lands in the next measurement."""
    os.sync()
    gc.collect()


def timed(action: Callable[[], Result]) -> tuple[float, Result]:
    """Seconds the action took, and what it returned."""
    settle()
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def peak_self_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


# Scratch projects


def write_template(root: Path, items: int) -> Path:
    """The project every run copies. Written by a child process, so the content dictionaries
    never count towards this process's peak memory, which is reported as the generator's."""
    child = multiprocessing.get_context("fork").Process(target=_write_synthetic, args=(root, items))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"writing the {items:,}-item project failed")
    return root


def _write_synthetic(root: Path, items: int) -> None:
    write_project(root, bench_content(items))


def fresh_copy(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


# The naive baseline


def naive_generate(root: Path) -> dict[str, bytes]:
    """The same job done naively: pure-Python YAML, the same pydantic models, drawings and
    templates but each page's template compiled again from its source, every file written
    whether or not it changed. It skips the real pipeline's cross-reference, clinical, coverage,
    drawing, ledger and conflict checks."""
    site = naive_load(root)
    config = mkdocs_config(root)
    with mock.patch.object(render, "environment", CompileEveryPage):
        pages = render_site(site, None, str(config["site_url"]), repository_of(config))
    outputs = {f"{DOCS}/{path}": text.encode("utf-8") for path, text in pages.items()}
    outputs |= data_outputs(root, site, config)
    redirect_pages = render_redirect_pages(site, content_security_policy(config))
    outputs |= {f"{DOCS}/{path}": text.encode("utf-8") for path, text in redirect_pages.items()}
    for relative, data in outputs.items():
        write_atomically(root / relative, data)
    return outputs


def naive_load(root: Path) -> Site:
    """Every content file read with pure-Python YAML and validated with the real models, resolved
    into a Site as generator.content.load does, then every exercise drawn as
    generator.pipeline.load_site does (without checking the drawings)."""
    content = root / "content"
    hosts = LinkHosts.model_validate(pure_python_yaml(content / "link-hosts.yml"))
    context = {"link_hosts": frozenset(hosts.root)}

    def single(name: str, model: type[BaseModel]) -> Any:
        return model.model_validate(pure_python_yaml(content / name), context=context)

    pages: list[Page[Item]] = [
        Page(
            kind.folder,
            path.stem,
            kind.model.model_validate(pure_python_yaml(path), context=context),
        )
        for kind in KINDS
        for path in sorted((content / kind.folder).glob("*.yml"))
    ]
    site = resolve(
        pages,
        single("sources.yml", Sources).root,
        single("emergency.yml", Emergency),
        single("regions.yml", Regions).root,
        single("movements.yml", Movements).root,
        single("warning-signs.yml", WarningSigns).root,
        single("reviewers.yml", Reviewers).root,
        context["link_hosts"],
        tuple(tuple(group) for group in single("synonyms.yml", Synonyms).root),
    )
    drawings = {
        page.id: tuple(draw_exercise(page.item.drawings))
        for page in pages
        if isinstance(page.item, Exercise) and page.item.drawings
    }
    return dataclasses.replace(site, exercise_drawings=drawings)


def pure_python_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


class CompileEveryPage:
    """Stands in for the Jinja environment inside render_site, which then renders exactly the
    real pages: every page's template is compiled anew from its source (env.from_string). The
    partials it includes still come from the environment's cache."""

    def __init__(self) -> None:
        self.env = environment()

    def get_template(self, name: str) -> jinja2.Template:
        loader = self.env.loader
        assert loader is not None
        source, _, _ = loader.get_source(self.env, name)
        return self.env.from_string(source)


# The floor


def write_floor(folder: Path, outputs: dict[str, bytes]) -> None:
    """The least any generator must do: write the output bytes, already in memory."""
    for parent in sorted({(folder / relative).parent for relative in outputs}):
        parent.mkdir(parents=True, exist_ok=True)
    for relative, data in outputs.items():
        (folder / relative).write_bytes(data)


# Measurements


def measure_real(project: Path) -> tuple[float, Prepared]:
    """The real pipeline into a fresh project: load, validate, render, check, write."""
    seconds, (prepared, report) = timed(partial(generate, project))
    if report.written != len(prepared.outputs):
        raise RuntimeError(f"a fresh project should get every file written, got: {report}")
    return seconds, prepared


def measure_noop(project: Path) -> tuple[float, int]:
    """generate again on a project it has just generated: seconds, and files written."""
    seconds, (_, report) = timed(partial(generate, project))
    return seconds, report.written


def measure_naive(project: Path) -> tuple[float, dict[str, bytes]]:
    return timed(partial(naive_generate, project))


def measure_floor(folder: Path, outputs: dict[str, bytes]) -> float:
    seconds, _ = timed(partial(write_floor, folder, outputs))
    return seconds


def measure_mkdocs(build: str, project: Path, site: Path, epoch: int) -> tuple[float, float]:
    """One mkdocs build, in a small fresh interpreter that runs MkDocs in itself: seconds, and
    the build's peak MB (VmHWM there). See mkdocs_run.py for why it is not run here."""
    command = [sys.executable, "-m", "benchmarks.mkdocs_run", build, str(project), str(site)]
    settle()
    result = subprocess.run(
        [*command, str(epoch)], cwd=REPO, check=False, capture_output=True, text=True
    )
    if result.stderr:
        print(result.stderr, file=sys.stderr, end="")
    if result.returncode != 0:
        raise RuntimeError(f"{build} mkdocs build failed")
    figures = json.loads(result.stdout.splitlines()[-1])
    return float(figures["seconds"]), float(figures["peak_mb"])


def median_item_page_bytes(site: Path) -> int:
    sizes = [page.stat().st_size for page in site.glob("exercises/move-*/index.html")]
    return round(statistics.median(sizes))


# One size


@dataclass
class GeneratorFigures:
    items: int
    pages: int = 0
    real: list[float] = field(default_factory=list)
    naive: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    noop: list[float] = field(default_factory=list)
    noop_written: list[int] = field(default_factory=list)
    naive_identical: bool = True
    peak_mb: float = 0.0
    """This process's peak resident memory after the first real run at this size."""


@dataclass
class MkdocsFigures:
    items: int
    pages: int
    seconds: dict[str, list[float]] = field(default_factory=lambda: {b: [] for b in BUILDS})
    peak_mb: dict[str, list[float]] = field(default_factory=lambda: {b: [] for b in BUILDS})
    page_bytes: dict[str, int] = field(default_factory=dict)

    def ms_per_page(self, build: str) -> float:
        return statistics.median(self.seconds[build]) * 1000 / self.pages


def generator_figures(items: int, template: Path, scratch: Path, runs: int) -> GeneratorFigures:
    """Real, no-op, naive and floor, interleaved run by run so that noise hits them alike."""
    figures = GeneratorFigures(items)
    for run in range(1, runs + 1):
        project = fresh_copy(template, scratch / f"real-{run}")
        seconds, prepared = measure_real(project)
        figures.real.append(seconds)
        if run == 1:
            figures.peak_mb = peak_self_mb()
            # Pages as MkDocs counts them: the Markdown under docs/, not the files beside them.
            figures.pages = sum(1 for _ in (project / DOCS).rglob("*.md"))
        noop_seconds, written = measure_noop(project)
        figures.noop.append(noop_seconds)
        figures.noop_written.append(written)
        shutil.rmtree(project)

        project = fresh_copy(template, scratch / f"naive-{run}")
        naive_seconds, outputs = measure_naive(project)
        figures.naive.append(naive_seconds)
        figures.naive_identical &= _same_outputs(outputs, prepared.outputs)
        shutil.rmtree(project)

        floors = [
            measure_floor(scratch / f"floor-{run}-{repeat}", prepared.outputs)
            for repeat in range(FLOOR_REPEATS)
        ]
        figures.floor += floors
        for repeat in range(FLOOR_REPEATS):
            shutil.rmtree(scratch / f"floor-{run}-{repeat}")
        progress(
            f"{items:,} items, run {run}/{runs}: real {seconds:.2f} s, no-op {noop_seconds:.2f} s"
            f" ({written} written), naive {naive_seconds:.2f} s,"
            f" floor {', '.join(f'{floor:.3f}' for floor in floors)} s"
        )
    return figures


def _same_outputs(naive: dict[str, bytes], real: dict[str, bytes]) -> bool:
    differing = sorted(
        path for path in naive.keys() | real.keys() if naive.get(path) != real.get(path)
    )
    if differing:
        progress(f"warning: naive and real differ in {len(differing)} files, e.g. {differing[0]}")
    return not differing


def mkdocs_figures(items: int, template: Path, scratch: Path, runs: int) -> MkdocsFigures:
    """Our configuration and stock Material on the same generated pages, alternating."""
    ours = fresh_copy(template, scratch / "mkdocs-ours")
    prepared, _ = generate(ours)
    stock = scratch / "mkdocs-stock"
    shutil.copytree(ours / DOCS, stock / DOCS)
    (stock / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    figures = MkdocsFigures(items, pages=sum(1 for _ in (ours / DOCS).rglob("*.md")))
    for run in range(1, runs + 1):
        for build, project in zip(BUILDS, (ours, stock), strict=True):
            site = scratch / f"site-{build}-{run}"
            seconds, peak = measure_mkdocs(build, project, site, prepared.source_date_epoch)
            figures.seconds[build].append(seconds)
            figures.peak_mb[build].append(peak)
            if run == 1:
                figures.page_bytes[build] = median_item_page_bytes(site)
            shutil.rmtree(site)
            progress(f"{items:,} items, run {run}/{runs}: mkdocs {build} {seconds:.1f} s")
    shutil.rmtree(ours)
    shutil.rmtree(stock)
    return figures


# The report


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, padded so that it also reads well as plain text."""
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        padded = [cells[0].ljust(widths[0])]
        padded += [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "| " + " | ".join(padded) + " |"

    rule = "| " + " | ".join("-" * width for width in widths) + " |"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(seconds: Sequence[float]) -> str:
    """'6.85 (5.99-7.78)': the median and the range of the runs, in seconds."""
    return f"{median(seconds):.3f} ({min(seconds):.3f}-{max(seconds):.3f})"


def rate(pages: int, seconds: Sequence[float]) -> str:
    return f"{pages / median(seconds):,.0f}"


def generator_table(results: Sequence[GeneratorFigures]) -> str:
    rows = [
        [
            f"{g.items:,}",
            f"{g.pages:,}",
            rate(g.pages, g.real),
            rate(g.pages, g.naive),
            rate(g.pages, g.floor),
            f"{median(g.naive) / median(g.real):.1f}x",
            f"{median(g.real) / median(g.floor):.1f}x",
            "yes" if g.naive_identical else "NO",
        ]
        for g in results
    ]
    header = ["items", "pages", "real pages/s", "naive pages/s", "floor pages/s"]
    header += ["real ÷ naive speed", "real ÷ floor time", "naive output = real"]
    return table(header, rows)


def spread_table(results: Sequence[GeneratorFigures]) -> str:
    rows = [
        [f"{g.items:,}", spread(g.real), spread(g.noop), spread(g.naive), spread(g.floor)]
        for g in results
    ]
    header = ["items", "real s", "no-op s", "naive s", f"floor s ({FLOOR_REPEATS} a run)"]
    return table(header, rows)


def noop_table(results: Sequence[GeneratorFigures]) -> str:
    rows = [
        [
            f"{g.items:,}",
            ", ".join(str(n) for n in g.noop_written),
            f"{median(g.real):.3f}",
            f"{median(g.noop):.3f}",
            f"{median(g.noop) / median(g.real):.0%}",
        ]
        for g in results
    ]
    header = ["items", "files written (each run)", "full run s", "no-op s", "no-op ÷ full"]
    return table(header, rows)


def mkdocs_table(results: Sequence[MkdocsFigures], skipped: Sequence[int]) -> str:
    rows = [
        [
            f"{m.items:,}",
            f"{m.pages:,}",
            spread(m.seconds["ours"]),
            f"{m.ms_per_page('ours'):.1f}",
            spread(m.seconds["stock"]),
            f"{m.ms_per_page('stock'):.1f}",
            f"{m.ms_per_page('stock') / m.ms_per_page('ours'):.1f}x",
        ]
        for m in results
    ]
    rows += [[f"{items:,}", *["skipped"] * 6] for items in skipped]
    header = ["items", "pages", "ours s", "ours ms/page", "stock s", "stock ms/page"]
    header += ["stock ÷ ours"]
    return table(header, rows)


def size_table(generated: Sequence[GeneratorFigures], built: Sequence[MkdocsFigures]) -> str:
    by_items = {m.items: m for m in built}
    rows: list[list[str]] = []
    for g in generated:
        m = by_items.get(g.items)
        rows.append(
            [
                f"{g.items:,}",
                f"{m.page_bytes['ours']:,}" if m else "skipped",
                f"{m.page_bytes['stock']:,}" if m else "skipped",
                f"{g.peak_mb:,.0f}",
                f"{median(m.peak_mb['ours']):,.0f}" if m else "skipped",
                f"{median(m.peak_mb['stock']):,.0f}" if m else "skipped",
            ]
        )
    header = ["items", "ours page bytes", "stock page bytes", "generator peak MB"]
    header += ["mkdocs ours peak MB", "mkdocs stock peak MB"]
    return table(header, rows)


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def judge_ratio(on_medians: float, on_fastest: float, met: Callable[[float], bool]) -> str:
    """A speed ratio counts as met only if it is met on the medians and on the fastest runs:
    on a shared machine either can be thrown by other work, the floor (all disk) most of all."""
    text = f"{on_medians:.1f}x on medians, {on_fastest:.1f}x on the fastest runs"
    if met(on_medians) != met(on_fastest):
        text += " (they disagree: the runs were noisy, see the spread of runs)"
    return f"{text}, {verdict(met(on_medians) and met(on_fastest))}"


def targets(generated: Sequence[GeneratorFigures], built: Sequence[MkdocsFigures]) -> list[str]:
    lines: list[str] = []
    at = {g.items: g for g in generated}
    if TARGET_AT in at:
        g = at[TARGET_AT]
        speedup = judge_ratio(
            median(g.naive) / median(g.real),
            min(g.naive) / min(g.real),
            lambda ratio: ratio >= TARGET_SPEEDUP,
        )
        floor_ratio = judge_ratio(
            median(g.real) / median(g.floor),
            min(g.real) / min(g.floor),
            lambda ratio: ratio <= TARGET_FLOOR_RATIO,
        )
        lines.append(
            f"real ÷ naive speed at {TARGET_AT:,} items ≥ {TARGET_SPEEDUP:.0f}x: {speedup}"
        )
        lines.append(
            f"real time within {TARGET_FLOOR_RATIO:.0f}x of the floor at {TARGET_AT:,} items: "
            f"{floor_ratio}"
        )
    else:
        lines.append(f"speed targets: not measured ({TARGET_AT:,} items not run)")
    written = [n for g in generated for n in g.noop_written]
    lines.append(
        f"no-op regeneration writes 0 files: at most {max(written)} written, "
        f"{verdict(max(written) == 0)}"
    )
    mk = {m.items: m for m in built}
    if MKDOCS_MAX_ITEMS in mk:
        ms = mk[MKDOCS_MAX_ITEMS].ms_per_page("ours")
        lines.append(
            f"our mkdocs build at {MKDOCS_MAX_ITEMS:,} items ≤ {TARGET_MS_PER_PAGE:.0f} ms/page: "
            f"{ms:.1f} ms, {verdict(ms <= TARGET_MS_PER_PAGE)}"
        )
    if 100 in mk and MKDOCS_MAX_ITEMS in mk:
        small, large = mk[100].page_bytes["ours"], mk[MKDOCS_MAX_ITEMS].page_bytes["ours"]
        growth = large / small - 1
        lines.append(
            f"our item page at {MKDOCS_MAX_ITEMS:,} items within {TARGET_PAGE_GROWTH:.0%} of 100: "
            f"{growth:+.1%}, {verdict(abs(growth) <= TARGET_PAGE_GROWTH)}"
        )
    return [f"- {line}" for line in lines]


def report(
    generated: Sequence[GeneratorFigures],
    built: Sequence[MkdocsFigures],
    skipped: Sequence[int],
    runs: int,
    baseline_mb: float,
) -> str:
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    machine = f"Python {platform.python_version()}, {os.cpu_count()} CPUs"
    return "\n\n".join(
        [
            f"Glute Guide benchmark, {when}, {machine}, medians of {runs} runs",
            "Generator: pages per second into a fresh project",
            generator_table(generated),
            "Spread of runs: median (fastest-slowest), seconds",
            spread_table(generated),
            "No-op regeneration: generate again with nothing changed",
            noop_table(generated),
            f"mkdocs build: milliseconds per page (skipped above {MKDOCS_MAX_ITEMS:,} items:"
            " too slow for this machine)",
            mkdocs_table(built, skipped),
            f"Median item page (site/exercises/move-*/index.html) and peak memory (generator:"
            f" RUSAGE_SELF of this process, {baseline_mb:.0f} MB before any run; mkdocs:"
            " VmHWM of benchmarks/mkdocs_run.py, median of runs)",
            size_table(generated, built),
            "Targets",
            "\n".join(targets(generated, built)),
        ]
    )


def content_failed(items: int, failure: ContentErrors) -> int:
    """The synthetic content no longer meets the content rules: say which, and stop."""
    shown = failure.errors[:10]
    print(format_terminal(shown), file=sys.stderr)
    progress(
        f"{items:,} items: the synthetic content has {len(failure.errors)} errors (the first"
        f" {len(shown)} above); make benchmarks/synthetic.py meet the rule"
    )
    return 1


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    parser.add_argument(
        "--sizes",
        type=lambda text: [counted(n) for n in text.split(",")],
        default=list(SIZES),
        help="item counts, comma-separated (default: %(default)s; tests/test_bench.py runs 10)",
    )
    parser.add_argument("--runs", type=counted, default=RUNS, help="runs per figure (default: 3)")
    return parser.parse_args(argv)


def counted(text: str) -> int:
    """A whole number of at least 1, for argparse."""
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    options = arguments(argv)
    baseline_mb = peak_self_mb()
    generated: list[GeneratorFigures] = []
    built: list[MkdocsFigures] = []
    skipped: list[int] = []
    with tempfile.TemporaryDirectory(prefix="gluteguide-bench-") as temporary:
        for items in sorted(options.sizes):
            scratch = Path(temporary) / str(items)
            progress(f"{items:,} items: writing the scratch project")
            template = write_template(scratch / "template", items)
            try:
                generated.append(generator_figures(items, template, scratch, options.runs))
            except ContentErrors as failure:
                return content_failed(items, failure)
            if items <= MKDOCS_MAX_ITEMS:
                built.append(mkdocs_figures(items, template, scratch, options.runs))
            else:
                skipped.append(items)
                progress(f"{items:,} items: mkdocs skipped, too slow for this machine")
            shutil.rmtree(scratch)
    print(report(generated, built, skipped, options.runs, baseline_mb))
    progress("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
