"""The warning boxes, once: which admonition shows each level of help, and each box's title.
Templates get these as globals (generator.pages.render.environment) and the output gate holds the
built pages to the same (generator.output.gate.expected_warnings)."""

from __future__ import annotations

from generator.content.models import Emergency, Level, Region
from generator.content.regions import block_title

ADMONITIONS: dict[Level, str] = {
    "emergency": "danger",
    "urgent": "warning",
    "see_gp_or_physio": "info",
}
"""The admonition (Material's kind of box, its colour and icon) that shows each level of help."""
STOP_ADMONITION = "warning"
STOP_TITLE = "Stop straight away if"
"""The box of an exercise's or a programme's stop rules."""


def titles(emergency: Emergency, region: Region) -> dict[Level, str]:
    """Each level's box title on a page built with region's numbers (regions.js puts in the
    reader's own): the emergency block names the number, the others are content/emergency.yml's
    headings."""
    headings = emergency.headings
    return {
        "emergency": block_title(region, emergency),
        "urgent": headings.urgent,
        "see_gp_or_physio": headings.see_gp_or_physio,
    }
