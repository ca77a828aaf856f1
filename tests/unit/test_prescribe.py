"""Programme links name exercises by codes that never change, and no two exercises, now or ever
published, may share one."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
import segno
from pydantic import ValidationError

from generator.content.fields import ID_MAX_LENGTH
from generator.content.models import Dose
from generator.errors import ContentErrors, format_terminal
from generator.pages.prescribe import (
    CLINICIAN_BYTES,
    CODE_LENGTH,
    DOSE_LETTERS,
    EXERCISE_NOTE_CHARS,
    FIRST_DAY,
    FRAGMENT_BYTES,
    HOW_OFTEN,
    LIMITS,
    MAX_ENTRIES,
    NOTE_BYTES,
    longest_fragment,
    plan_code,
    plan_data,
    plan_exercises,
)
from generator.pipeline import mkdocs_config, prepare
from tests.factory import REPO, exercise, small_content, write_project


def test_codes_are_fixed_for_ever() -> None:
    # Links already sent to patients carry these: a change here breaks every one of them.
    assert plan_code("glute-bridge") == "he3x"
    assert plan_code("clamshell") == "knfh"
    assert plan_code("knee-to-opposite-shoulder-stretch") == "ajbj"
    assert HOW_OFTEN[:3] == ("as its page says", "once a day", "twice a day")


def two_ids_with_one_code() -> tuple[str, str]:
    seen: dict[str, str] = {}
    for number in itertools.count():
        name = f"stretch-{number}"
        other = seen.setdefault(plan_code(name), name)
        if other != name:
            return other, name
    raise AssertionError("unreachable")


def test_an_id_that_would_share_a_code_is_refused(tmp_path: Path) -> None:
    first, second = two_ids_with_one_code()
    content = small_content()
    content[f"exercises/{first}.yml"] = exercise("First stretch", "relieve")
    content[f"exercises/{second}.yml"] = exercise("Second stretch", "relieve")
    content["conditions/sudden-spasm.yml"]["exercises"]["relieve"] = [first, second]
    with pytest.raises(ContentErrors) as failure:
        prepare(write_project(tmp_path, content))
    lines = format_terminal(failure.value.errors).splitlines()
    code = plan_code(first)
    assert [line for line in lines if "programme-link code" in line] == [
        f"content/exercises/{second}.yml:1:1: error: '{second}' has the programme-link code"
        f" '{code}' of '{first}'"
    ]


def test_the_page_data_cannot_end_its_script_element() -> None:
    from tests.unit.test_text_property import fixture_site

    text = str(plan_data(plan_exercises(fixture_site())))
    assert "<" not in text and ">" not in text and "&" not in text


def test_the_qr_code_of_any_link_the_builder_makes_can_be_drawn() -> None:
    """The note and name are capped in bytes, so the longest fragment the builder can write (30
    exercises with every number at its largest, the longest note, name and region key) stays
    within FRAGMENT_BYTES, and the site's address with a fragment that long is a QR code at
    error correction M, as plan.js draws it."""
    longest = longest_fragment("x" * ID_MAX_LENGTH)
    assert longest <= FRAGMENT_BYTES
    # Room for six exercise notes written out in full (t<code>= and 120 plain characters).
    assert FRAGMENT_BYTES - longest >= 6 * (len("&t") + CODE_LENGTH + 1 + EXERCISE_NOTE_CHARS)
    site_url = mkdocs_config(REPO)["site_url"]
    link = f"{site_url}plan/#{'a' * (FRAGMENT_BYTES - 1)}"
    code = segno.make(link, error="m", boost_error=False, micro=False)
    assert code.error == "M" and code.version <= 40


def test_the_page_data_carries_the_links_caps() -> None:
    from tests.unit.test_text_property import fixture_site

    data = json.loads(str(plan_data(plan_exercises(fixture_site()))))
    assert (data["noteBytes"], data["clinicianBytes"]) == (NOTE_BYTES, CLINICIAN_BYTES)
    assert (data["fragmentBytes"], data["maxEntries"]) == (FRAGMENT_BYTES, MAX_ENTRIES)
    assert data["firstDay"] == FIRST_DAY.strftime("%Y%m%d")


@pytest.mark.parametrize(("letter", "field"), sorted(DOSE_LETTERS.items()))
def test_the_builder_offers_exactly_the_doses_content_may_hold(letter: str, field: str) -> None:
    # The builder's fields (their max), the link and plan.js's clamp all take LIMITS: content
    # holds no dose the builder could not set again, nor the builder one content refuses.
    most = LIMITS[letter]
    dose = {"reps": 1, "how_often": "daily"}
    Dose.model_validate({**dose, field: most})
    with pytest.raises(ValidationError, match="less than or equal to"):
        Dose.model_validate({**dose, field: most + 1})
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        Dose.model_validate({**dose, field: 0})


def test_the_javascript_tests_clamp_to_the_same_limits() -> None:
    # tests/js/plan.test.js reads the page's data from the golden patient's page, which
    # tests/test_golden.py holds to the generator: its limits are the content's own.
    test = (REPO / "tests/js/plan.test.js").read_text(encoding="utf-8")
    assert 'path.join(__dirname, "../golden/docs/plan.md")' in test
    golden = (REPO / "tests/golden/docs/plan.md").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="gg-plan-data">(.*)</script>', golden)
    assert found, "the golden patient's page has no page data"
    assert json.loads(found.group(1))["limits"] == LIMITS
