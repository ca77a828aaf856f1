"""The real content: its scope, its words, and its honesty."""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.content.models import PHASES
from tests.factory import REPO, real_site
from tests.readability import MAX_GRADE, page_grades, report
from tests.seed_fingerprint import (
    SEEDS_VARIABLE,
    fingerprint_of,
    hashed,
    read_fingerprint,
    word_runs,
)

SITE = real_site()
# Checked against the ICD-10-CM code set (see the closing note of the content issue).
VERIFIED_CODES = {
    "R25.2": "Cramp and spasm",
    "M62.830": "Muscle spasm of back",
    "M62.838": "Other muscle spasm",
    "G57.00": "Lesion of sciatic nerve, unspecified lower limb",
    "G57.01": "Lesion of sciatic nerve, right lower limb",
    "G57.02": "Lesion of sciatic nerve, left lower limb",
    "G57.03": "Lesion of sciatic nerve, bilateral lower limbs",
}
LAY_WORDS = [
    "bum",
    "butt",
    "buttock",
    "backside",
    "cheek",
    "cramp",
    "knot",
    "spasm",
    "seized",
    "tight",
    "locked",
]
SEED_NAMES = ["DMPhysios", "Noida", "Medwest", "LIVESTRONG", "MyPlate", "Kochan", "Demand Media"]


def all_text() -> str:
    files = sorted((REPO / "content").rglob("*.yml"))
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def test_scope() -> None:
    assert len(SITE.conditions) >= 6
    assert len(SITE.exercises) >= 18
    assert len(SITE.prevention) >= 8
    assert len(SITE.programmes) >= 2


def test_every_page_reads_at_grade_8_or_lower(terminal_report: dict[str, list[str]]) -> None:
    grades = page_grades()
    terminal_report["hardest pages to read (Flesch-Kincaid grade)"] = [report(grades, limit=5)]
    assert len(grades) >= 36
    too_hard = {path: grade for path, grade in grades.items() if grade > MAX_GRADE}
    assert not too_hard, "pages above grade 8:\n" + report(too_hard)


def test_also_called_carries_the_words_people_type() -> None:
    phrases = " ".join(
        phrase.lower() for page in SITE.all_pages() for phrase in page.item.also_called
    )
    missing = [word for word in LAY_WORDS if not re.search(rf"\b{word}", phrases)]
    assert missing == []


def test_diagnosis_codes_are_only_verified_ones() -> None:
    used = 0
    for page in SITE.conditions.values():
        for code in page.item.diagnosis_codes:
            used += 1
            assert VERIFIED_CODES.get(code.code) == code.label, (page.id, code.code)
    assert used >= 5


def test_nothing_names_the_seed_sources() -> None:
    text = all_text().lower()
    assert [name for name in SEED_NAMES if name.lower() in text] == []


def seed_hashes() -> set[str]:
    """The committed fingerprint, and the articles themselves where GLUTEGUIDE_SEEDS names them."""
    hashes = read_fingerprint()
    folder = os.environ.get(SEEDS_VARIABLE)
    if folder:
        hashes |= fingerprint_of(Path(folder))
    return hashes


def test_no_run_of_words_is_copied_from_the_seeds() -> None:
    seeds = seed_hashes()
    assert len(seeds) > 1000
    ours = word_runs(all_text())
    assert len(ours) > 1000
    assert hashed(ours) & seeds == set()


def test_a_copied_run_would_be_caught(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(
        "Rest it, then use gentle heat for ten minutes at a time."
    )
    copied = "Our words. Then use GENTLE heat for ten minutes, at a time!"
    assert len(hashed(word_runs(copied)) & fingerprint_of(tmp_path)) == 3


def test_every_condition_links_help_in_several_phases() -> None:
    for page in SITE.conditions.values():
        phases = [phase for phase in PHASES if getattr(page.item.exercises, phase)]
        assert len(phases) >= 3, page.id
        assert page.item.prevention, page.id
        assert SITE.signs(page.item.when_to_get_help, "urgent")


def test_every_exercise_is_used_and_has_a_way_on() -> None:
    for page in SITE.exercises.values():
        used = SITE.exercise_used_by.get(page.id) or SITE.exercise_in_programmes.get(page.id)
        assert used, f"{page.id} is not linked from any condition or programme"
        if page.item.category != "relieve":
            variants = page.item.variants
            assert variants.easier or variants.harder, page.id


def test_variants_agree_with_each_other() -> None:
    for page in SITE.exercises.values():
        harder = page.item.variants.harder
        if harder:
            assert SITE.exercises[harder].item.variants.easier in (None, page.id), page.id


def test_the_real_content_starts_with_the_first_days_sequence() -> None:
    acute = SITE.conditions["acute-glute-spasm"].item
    assert "first-days-self-care" in acute.programmes
    assert "heat" in acute.self_care[0].lower()


def test_every_exercise_shows_its_start_and_end_position() -> None:
    exercises = real_site().exercises
    undrawn = {id for id, page in exercises.items() if len(page.item.drawings) < 2}
    assert undrawn == set()
    for page in exercises.values():
        steps = [drawing.step for drawing in page.item.drawings]
        if steps:
            assert steps[0] == 0 and steps[-1] > 0, page.id
