"""Doses read as a clinician would write them; the loader uses libyaml."""

from __future__ import annotations

import pytest
import yaml

from generator.content import yaml_file
from generator.content.models import Dose
from generator.pages.render import describe_dose


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        (
            {"sets": 3, "reps": 10, "rest_seconds": 60},
            "3 sets of 10 reps, resting 60 seconds in between",
        ),
        ({"sets": 1, "reps": 1}, "1 rep"),  # one set of reps is the reps
        ({"sets": 2, "reps": 1}, "2 sets of 1 rep"),
        ({"sets": 3, "hold_seconds": 30, "per_side": True}, "3 holds of 30 seconds, each side"),
        ({"hold_seconds": 20}, "1 hold of 20 seconds"),
        ({"minutes": 15}, "15 minutes"),
        ({"sets": 2, "minutes": 5}, "2 sessions of 5 minutes"),
        ({"reps": 8, "hold_seconds": 5}, "8 reps, holding each for 5 seconds"),
    ],
)
def test_describe_dose(dose: dict[str, object], words: str) -> None:
    assert describe_dose(Dose.model_validate({**dose, "how_often": "daily"})) == words


def test_the_loader_uses_libyaml() -> None:
    assert yaml.__with_libyaml__
    assert yaml_file._LOADER is yaml.CSafeLoader
