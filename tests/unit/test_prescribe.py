"""Programme links name exercises by codes that never change, and no two exercises, now or ever
published, may share one."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.content.models import Dose
from generator.errors import ContentErrors, format_terminal
from generator.pages.prescribe import (
    DOSE_LETTERS,
    HOW_OFTEN,
    LIMITS,
    plan_code,
    plan_data,
    plan_exercises,
)
from generator.pipeline import prepare
from tests.factory import exercise, small_content, write_project


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
    # tests/js/plan.test.js stands in for the page's data: its limits are the content's own.
    test = (Path(__file__).resolve().parents[1] / "js/plan.test.js").read_text(encoding="utf-8")
    found = re.search(r"limits: \{([^}]*)\}", test)
    assert found, "plan.test.js has no limits"
    pairs = (pair.split(":") for pair in found.group(1).split(","))
    assert {key.strip(): int(value) for key, value in pairs} == LIMITS
