"""A fingerprint of the source articles, so the no-copying check runs on a clone that lacks them.

The fingerprint holds a hash of every run of eight words in the articles, never their text. Our
content is cut into runs the same way; a run whose hash is in the fingerprint was copied.

Refresh it where the articles are at hand (the folder of plain-text articles as the argument):

    python -m tests.seed_fingerprint PATH/TO/seeds
    python -m tests.seed_fingerprint --check PATH/TO/seeds   # is the committed one current?
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

FINGERPRINT = Path(__file__).with_name("seed_fingerprint.txt")
RUN_LENGTH = 8
SEEDS_VARIABLE = "GLUTEGUIDE_SEEDS"
"""Names the folder of source articles, where a machine has them; the check then reads them too."""
_HEADER = (
    "# Hashes (BLAKE2b, 8 bytes) of every run of 8 words in the source articles, not their text.\n"
    "# Refresh with: python -m tests.seed_fingerprint PATH/TO/seeds\n"
)


def word_runs(text: str, size: int = RUN_LENGTH) -> set[str]:
    words = re.findall(r"[a-z']+", text.lower())
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def hashed(runs: Iterable[str]) -> set[str]:
    return {hashlib.blake2b(run.encode(), digest_size=8).hexdigest() for run in runs}


def fingerprint_of(folder: Path) -> set[str]:
    runs: set[str] = set()
    for article in sorted(folder.glob("*.txt")):
        if article.name.lower() != "readme.txt":
            runs |= word_runs(article.read_text(encoding="utf-8"))
    return hashed(runs)


def read_fingerprint() -> set[str]:
    lines = FINGERPRINT.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def main(arguments: list[str]) -> int:
    check = arguments[:1] == ["--check"]
    folders = arguments[1:] if check else arguments
    if len(folders) != 1 or not Path(folders[0]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    hashes = fingerprint_of(Path(folders[0]))
    if check:
        current = hashes == read_fingerprint()
        print(f"{FINGERPRINT.name}: {'current' if current else 'out of date: refresh it'}")
        return 0 if current else 1
    FINGERPRINT.write_text(_HEADER + "".join(f"{h}\n" for h in sorted(hashes)), encoding="utf-8")
    print(f"{FINGERPRINT.name}: {len(hashes)} hashed runs of {RUN_LENGTH} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
