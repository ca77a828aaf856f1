"""How long the loader takes to refuse content files built to be slow: each at the size limit.

    .venv/bin/python -m benchmarks.hostile

Prints one Markdown table: the file, the seconds load_file took (best of --runs), and the first
error it reported. Timings are never asserted (benchmarks/README.md)."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from generator.content.yaml_file import MAX_FILE_BYTES, load_file
from generator.errors import ContentErrors


def filled(start: str, repeated: str) -> str:
    """start, then repeated over and over, to exactly the size limit."""
    count = (MAX_FILE_BYTES - len(start)) // len(repeated) + 1
    return (start + repeated * count)[:MAX_FILE_BYTES]


SHAPES = {
    "`[` repeated": filled("steps: ", "["),
    "`{a: ` repeated": filled("steps: ", "{a: "),
    "`- ` repeated on one line": filled("steps:\n", "- "),
    "`- *x` lines (aliases)": filled("a: &x 1\nb:\n", "- *x\n"),
    "`- no` lines (an error each)": filled("a:\n", "- no\n"),
    "12 brackets, then `a, ` repeated": filled("a: " + "[" * 12, "a, "),
    "`- x` lines (valid)": filled("a:\n", "- x\n"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    print("| file (256 KB) | seconds to load or refuse | first error |")
    print("| --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "item.yml"
        for name, text in SHAPES.items():
            path.write_text(text, encoding="utf-8")
            best, first = float("inf"), "none: loaded"
            for _ in range(runs):
                started = time.perf_counter()
                try:
                    load_file(path, "content/exercises/item.yml")
                except ContentErrors as failure:
                    first = failure.errors[0].located().split(": error: ", 1)[1]
                best = min(best, time.perf_counter() - started)
            print(f"| {name} | {best:.3f} | {first[:70]} |")


if __name__ == "__main__":
    main()
