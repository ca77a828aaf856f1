"""Home exercise programmes that live in their link: the codes that name exercises in it, the
choices a clinician has, and what the builder and the patient's page need to know.

A programme link is /plan/#v=1&x=ENTRIES&d=YYYYMMDD&n=NOTE&c=CLINICIAN&g=REGION (read by
docs/javascripts/plan.js). REGION is a key of content/regions.yml: the patient's page and its
printout show that place's emergency numbers; a link without one (or with a key no longer listed)
shows the patient's own, as every page does. ENTRIES are joined by '.', each an exercise's code
followed by the prescribed dose: s<sets> r<reps> h<hold seconds> m<minutes> o<how often, an index
into HOW_OFTEN> and, for a one-sided exercise, L or R when only that side is done. Codes are fixed
for ever (a hash of the id), so a link made today keeps working: a renamed exercise answers to the
codes of its former ids, and a removed one is reported as gone.

NOTE and CLINICIAN are the giver's own words: the patient's page shows them quoted, under "From
the person who gave you this link:", after the site's own emergency block, with invisible format
characters (bidirectional overrides, zero-width characters) taken out. Their caps are in bytes of
the link as the builder encodes it (NOTE_BYTES, CLINICIAN_BYTES), not in characters: what a QR
code can hold is bytes, and a character of Chinese takes 9 of them. A whole fragment is at most
FRAGMENT_BYTES, so that the QR code of any link the builder makes can be drawn; plan.js refuses a
longer one and cuts a longer note or name to its cap, as the builder does. A date (d) is shown
only if it is a real day between FIRST_DAY and tomorrow.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from generator.content.equipment import equipment_kinds
from generator.content.models import DOSE_LIMITS, PHASES, Exercise
from generator.content.site import Page, Site, item_at
from generator.errors import ContentError

VERSION = 1
"""The link format's version: a new format gets a new number, and plan.js keeps reading the old."""
CODE_LENGTH = 4
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"

HOW_OFTEN = (
    "as its page says",
    "once a day",
    "twice a day",
    "3 times a day",
    "every other day",
    "3 times a week",
    "twice a week",
    "once a week",
)
"""What 'How often' may be set to, by index. Part of the link format: append, never reorder."""

DOSE_LETTERS = {"s": "sets", "r": "reps", "h": "hold_seconds", "m": "minutes"}
LIMITS = {letter: DOSE_LIMITS[field] for letter, field in DOSE_LETTERS.items()}
"""The largest number a link may carry for each of its dose letters: the content's own bounds
(models.DOSE_LIMITS), which the builder's fields offer and plan.js clamps to."""
MAX_ENTRIES = 30
"""The most exercises a link may name (plan.js refuses a link with more)."""
NOTE_BYTES = 400
"""The note's cap, in bytes as the link carries it (form-encoded: a letter or digit is 1, a space
1, a comma 3, an accented letter 6, a Chinese, Japanese or Korean character 9): about 300 letters
of English, or 44 characters of Chinese."""
CLINICIAN_BYTES = 120
"""The clinician's name and contact, capped as the note is."""
FRAGMENT_BYTES = 1300
"""The longest fragment (from '#') a programme link may have: the longest the builder can make
(longest_fragment) with room to spare. With the site's own address that is a QR code of version
30 at error correction M, 137 modules square (qrcode-generator holds up to 2,331 bytes at M); a
programme of a few exercises with a short note is version 5 to 10."""
FIRST_DAY = date(2026, 12, 1)
"""The day programme links began: a link that says it was given earlier is not believed."""


def plan_code(exercise_id: str) -> str:
    """Four letters and digits that stand for an exercise in a programme link, derived from its
    id alone so that they never change."""
    number = int.from_bytes(hashlib.sha256(exercise_id.encode("utf-8")).digest()[:8], "big")
    code = ""
    for _ in range(CODE_LENGTH):
        number, digit = divmod(number, len(_ALPHABET))
        code += _ALPHABET[digit]
    return code


@dataclass(frozen=True)
class PlanExercise:
    """One exercise as the builder offers it and the patient's page shows it."""

    page: Page[Exercise]
    code: str
    former_codes: tuple[str, ...]
    phases: tuple[str, ...]
    conditions: tuple[str, ...]
    """Ids of the conditions that list it."""

    @property
    def fields(self) -> tuple[tuple[str, str, int], ...]:
        """(link letter, label, prefilled value) for each number the clinician can set."""
        dose = self.page.item.dose
        values = (
            ("s", "Sets", dose.sets),
            ("r", "Reps", dose.reps),
            ("h", "Hold (seconds)", dose.hold_seconds),
            ("m", "Minutes", dose.minutes),
        )
        return tuple((letter, label, value) for letter, label, value in values if value)


def longest_fragment(region_key: str) -> int:
    """The longest fragment the builder can write, in bytes: the most exercises, each with every
    dose letter at its largest, how often and a side, the longest note and name, a date and the
    region key given."""
    entry = CODE_LENGTH + sum(1 + len(str(limit)) for limit in LIMITS.values())
    entry += 1 + len(str(len(HOW_OFTEN) - 1)) + 1  # o<index> and L or R
    entries = MAX_ENTRIES * entry + MAX_ENTRIES - 1  # joined by '.'
    fixed = len(f"#v={VERSION}&x=") + len("&d=YYYYMMDD") + len("&n=&c=&g=")
    return fixed + entries + NOTE_BYTES + CLINICIAN_BYTES + len(region_key)


def plan_exercises(site: Site) -> list[PlanExercise]:
    """Every exercise, in the site's order, with what the builder filters it by."""
    found = []
    for page in site.exercises.values():
        uses = site.exercise_used_by.get(page.id, ())
        phases = {use.phase for use in uses} | {page.item.category}
        found.append(
            PlanExercise(
                page=page,
                code=plan_code(page.id),
                former_codes=tuple(plan_code(old) for old in page.item.former_ids),
                phases=tuple(phase for phase in PHASES if phase in phases),
                conditions=tuple(dict.fromkeys(use.condition.id for use in uses)),
            )
        )
    return found


def plan_data(exercises: list[PlanExercise]) -> Markup:
    """What plan.js needs and the page does not show, as JSON safe inside <script>: which code
    answers to which exercise, the how-often choices and the limits."""
    data = {
        "version": VERSION,
        "codes": {
            code: entry.code for entry in exercises for code in (entry.code, *entry.former_codes)
        },
        "howOften": HOW_OFTEN,
        "ownHowOften": {entry.code: entry.page.item.dose.how_often for entry in exercises},
        "sided": {entry.code: True for entry in exercises if entry.page.item.dose.per_side},
        "limits": LIMITS,
        "maxEntries": MAX_ENTRIES,
        "noteBytes": NOTE_BYTES,
        "clinicianBytes": CLINICIAN_BYTES,
        "fragmentBytes": FRAGMENT_BYTES,
        "firstDay": FIRST_DAY.strftime("%Y%m%d"),
        "filters": {
            entry.code: {
                "condition": list(entry.conditions),
                "phase": list(entry.phases),
                "position": [entry.page.item.position],
                "equipment": equipment_kinds(entry.page.item) or ["basic"],
            }
            for entry in exercises
        },
    }
    text = json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=True)
    # Inside <script>, only "<" could end the element early; JSON lets it be written \u003c.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def positions(site: Site) -> list[str]:
    return sorted({page.item.position for page in site.exercises.values()})


def check_plan_codes(site: Site, ledger: Iterable[str]) -> list[ContentError]:
    """Two exercise ids, now or ever published, must not share a code, or an old programme link
    would open the wrong exercise."""
    owners: dict[str, str] = {}
    errors = []
    known = [(page, page.id) for page in site.exercises.values()]
    known += [(page, old) for page in site.exercises.values() for old in page.item.former_ids]
    named = {name for _, name in known}
    published = (item_at(url) for url in ledger)
    gone = sorted({found[1] for found in published if found and found[0] == "exercises"} - named)
    # Gone ones first, so the message lands in the file of the exercise that can still change.
    for page, name in [*((None, old) for old in gone), *known]:
        code = plan_code(name)
        other = owners.setdefault(code, name)
        if other != name and page is not None:
            errors.append(
                ContentError(
                    page.content_file,
                    1,
                    1,
                    "",
                    f"'{name}' has the programme-link code '{code}' of '{other}'",
                    "choose a slightly different file name (id) for this exercise",
                )
            )
    return errors
