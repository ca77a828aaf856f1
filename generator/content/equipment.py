"""What an exercise needs, in the few kinds a reader or clinician narrows a list by. Content names
equipment in its own words ("light loop resistance band"); these kinds are read from those words."""

from __future__ import annotations

from generator.content.models import Exercise

EQUIPMENT_FILTERS = {
    "band": "A resistance band",
    "ball": "A massage or tennis ball",
    "seat": "A chair, sofa or worktop",
    "pack": "A heat or cold pack",
}
"""Kind -> how a filter names it. Anything else (a mat, bed, pillow, towel) counts as basic."""
BASIC = "Nothing more than a mat, bed, pillow or towel"
_WORDS = {
    "band": ("band",),
    "ball": ("ball",),
    "seat": ("chair", "sofa", "bench", "worktop"),
    "pack": ("pack", "heating pad"),
}


def equipment_kinds(exercise: Exercise) -> list[str]:
    """The kinds an exercise needs, leaving out what the content marks optional or for later."""
    needed = [
        name.lower()
        for name in exercise.equipment
        if "(optional)" not in name and "(later)" not in name
    ]
    return [kind for kind, words in _WORDS.items() if any(w in n for n in needed for w in words)]
