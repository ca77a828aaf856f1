"""Home exercise programmes that live in their link: the codes that name exercises in it, the
choices a clinician has, and what the builder and the patient's page need to know.

A programme link is /plan/#v=2&x=ENTRIES&d=YYYYMMDD&n=NOTE&c=CLINICIAN&g=REGION&t<code>=NOTE...
(read by docs/javascripts/plan.js). ENTRIES are joined by '.', in the order the clinician chose,
each an exercise's code followed by the prescribed dose: s<sets> r<reps> h<hold seconds>
m<minutes> o<how often, an index into HOW_OFTEN> and, for a one-sided exercise, L or R when only
that side is done. t<code> is the clinician's note for that one exercise (at most
EXERCISE_NOTE_CHARS characters). The date (d) is the day the link was made: the patient's page
says beside an exercise when its page changed after that day. REGION is a key of
content/regions.yml: the patient's page and its printout show that place's emergency numbers; a
link without one (or with a key no longer listed) shows the patient's own, as every page does.

Codes are fixed for ever (a hash of the id), so a link made today keeps working: a renamed
exercise answers to the codes of its former ids, and a removed one is reported as gone. A
version 1 link (no per-exercise notes) still opens, as every link of an older version must.

NOTE and CLINICIAN are the giver's own words, as are the exercise notes: the patient's page shows
them quoted and labelled as theirs, with invisible format characters (bidirectional overrides,
zero-width characters) taken out. The programme's note and name are capped in bytes of the link
as the builder encodes it (NOTE_BYTES, CLINICIAN_BYTES), not in characters: what a QR code can
hold is bytes, and a character of Chinese takes 9 of them. A whole fragment is at most
FRAGMENT_BYTES, so that the QR code of any link can be drawn: the builder refuses to make a
longer one (long exercise notes are what can make it so) and plan.js refuses to read one. A date
is shown only if it is a real day between FIRST_DAY and tomorrow.

What each exercise says on the patient's page is not in the page: plan.js fetches the exercise's
take-home file (generator/pages/take_home.py) when it is shown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from generator.content.equipment import equipment_kinds
from generator.content.frequency import read_frequency
from generator.content.models import DOSE_LIMITS, PHASES, Exercise
from generator.content.site import Page, Site, item_at
from generator.errors import ContentError
from generator.text import plain_text

TAKE_HOME_FILE = "take-home.json"
"""Each exercise's take-home file, beside its page (generator/pages/take_home.py)."""
VERSION = 2
"""The link format's version: a new format gets a new number, and plan.js keeps reading the old."""
READABLE_VERSIONS = (1, 2)
"""Every version plan.js reads: links once handed out open for ever."""
CODE_LENGTH = 4
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"

MOVE_ON_ASK = "Ask your physiotherapist before moving on."
"""After each move-on rule, wherever a patient reads it: the exercise page's printout, and (from
the page's data) the patient's page and the handout."""
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
HOW_OFTEN_DAYS = (None, *(read_frequency(words).days for words in HOW_OFTEN[1:]))
"""On how many days of a week each choice of HOW_OFTEN has it done: the reminders' repeat."""

DOSE_LETTERS = {"s": "sets", "r": "reps", "h": "hold_seconds", "m": "minutes"}
LIMITS = {letter: DOSE_LIMITS[field] for letter, field in DOSE_LETTERS.items()}
"""The largest number a link may carry for each of its dose letters: the content's own bounds
(models.DOSE_LIMITS), which the builder's fields offer and plan.js clamps to."""
EXERCISE_NOTE_CHARS = 120
"""The most characters of a note for one exercise."""
MAX_ENTRIES = 30
"""The most exercises a link may name (plan.js refuses a link with more)."""
NOTE_BYTES = 400
"""The note's cap, in bytes as the link carries it (form-encoded: a letter or digit is 1, a space
1, a comma 3, an accented letter 6, a Chinese, Japanese or Korean character 9): about 300 letters
of English, or 44 characters of Chinese."""
CLINICIAN_BYTES = 120
"""The clinician's name and contact, capped as the note is."""
FRAGMENT_BYTES = 2100
"""The longest fragment (from '#') a programme link may have: the longest the builder can make
without exercise notes (longest_fragment) leaves about 800 bytes for them, the notes of six
exercises written out in full. With the site's own address that is a QR code of version 38 at
error correction M (qrcode-generator holds up to 2,331 bytes at M); a programme of a few
exercises with a short note is version 5 to 10."""
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
        # A rep or hold exercise may be prescribed in sets even when its own dose is one set: its
        # move-on rule may ask for two.
        sets = dose.sets or (1 if dose.reps or dose.hold_seconds else None)
        values = (
            ("s", "Sets", sets),
            ("r", "Reps", dose.reps),
            ("h", "Hold (seconds)", dose.hold_seconds),
            ("m", "Minutes", dose.minutes),
        )
        return tuple((letter, label, value) for letter, label, value in values if value)

    @property
    def most(self) -> dict[str, int]:
        """Link letter -> the most a programme may prescribe of it (the content's safe limit)."""
        most = self.page.item.most
        values = {letter: getattr(most, field) for letter, field in DOSE_LETTERS.items()}
        return {letter: value for letter, value in values.items() if value is not None}


def longest_fragment(region_key: str) -> int:
    """The longest fragment the builder can write, in bytes: the most exercises, each with every
    dose letter at its largest, how often and a side, the longest note and name, a date and the
    region key given."""
    entry = CODE_LENGTH + sum(1 + len(str(limit)) for limit in LIMITS.values())
    entry += 1 + len(str(len(HOW_OFTEN) - 1)) + 1  # o<index> and L or R
    entries = MAX_ENTRIES * entry + MAX_ENTRIES - 1  # joined by '.'
    fixed = len(f"#v={VERSION}&x=") + len("&d=YYYYMMDD") + len("&n=&c=&g=")
    # Exercise notes (t<code>=) are left out: the builder refuses a fragment they make too long.
    return fixed + entries + NOTE_BYTES + CLINICIAN_BYTES + len(region_key)


def plan_exercises(site: Site) -> list[PlanExercise]:
    """Every exercise, in the site's order, with what the builder filters it by."""
    found = []
    recommended = recommended_under(site)
    for page in site.exercises.values():
        uses = site.exercise_used_by.get(page.id, ())
        phases = {use.phase for use in uses} | {page.item.category}
        found.append(
            PlanExercise(
                page=page,
                code=plan_code(page.id),
                former_codes=tuple(plan_code(old) for old in page.item.former_ids),
                phases=tuple(phase for phase in PHASES if phase in phases),
                conditions=tuple(
                    condition for condition in site.conditions if page.id in recommended[condition]
                ),
            )
        )
    return found


def recommended_under(site: Site) -> dict[str, set[str]]:
    """Condition id -> every exercise its page recommends, directly or as an easier or harder
    variant of one it recommends (and their variants in turn)."""
    found = {}
    for condition_id in site.conditions:
        uses = site.exercise_used_by.items()
        todo = [
            exercise for exercise, by in uses if any(u.condition.id == condition_id for u in by)
        ]
        seen: set[str] = set()
        while todo:
            exercise_id = todo.pop()
            if exercise_id in seen or exercise_id not in site.exercises:
                continue
            seen.add(exercise_id)
            variants = site.exercises[exercise_id].item.variants
            todo += [other for other in (variants.easier, variants.harder) if other]
        found[condition_id] = seen
    return found


def plan_data(exercises: list[PlanExercise], builder: bool = False) -> Markup:
    """What plan.js needs and the page does not show, as JSON safe inside <script>: which code
    answers to which exercise and where its take-home file is, the how-often choices and the
    limits; for the builder, also each exercise's fields, safe limits and filters."""
    data: dict[str, object] = {
        "version": VERSION,
        "versions": READABLE_VERSIONS,
        "codes": {
            code: entry.code for entry in exercises for code in (entry.code, *entry.former_codes)
        },
        "pages": {entry.code: entry.page.url.lstrip("/") for entry in exercises},
        "takeHome": TAKE_HOME_FILE,
        "howOften": HOW_OFTEN,
        "howOftenDays": HOW_OFTEN_DAYS,
        "limits": LIMITS,
        "exerciseNoteChars": EXERCISE_NOTE_CHARS,
        "maxEntries": MAX_ENTRIES,
        "noteBytes": NOTE_BYTES,
        "clinicianBytes": CLINICIAN_BYTES,
        "fragmentBytes": FRAGMENT_BYTES,
        "firstDay": FIRST_DAY.strftime("%Y%m%d"),
        "moveOnAsk": MOVE_ON_ASK,
    }
    if builder:
        data["exercises"] = {
            entry.code: {
                "fields": {letter: value for letter, _, value in entry.fields},
                "most": entry.most,
                "sided": entry.page.item.dose.per_side,
                "often": plain_text(entry.page.item.dose.how_often),
                "condition": list(entry.conditions),
                "phase": list(entry.phases),
                "position": [entry.page.item.position],
                "equipment": equipment_kinds(entry.page.item) or ["basic"],
            }
            for entry in exercises
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
