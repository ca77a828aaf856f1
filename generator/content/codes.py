"""Diagnosis codes the content may give: only codes of the official ICD-10-CM release the site
checks against (the code list CDC and CMS publish, as the pinned simple-icd-10-cm package ships
it), and only that release, named in content/sources.yml. A code is never written from memory."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from generator.content.references import Loaded, LoadedSingle, error_at, error_in
from generator.errors import ContentError

RELEASE = "April 1, 2026"
"""The ICD-10-CM release the code list is of: sources.yml names it (SOURCE's edition)."""
SOURCE = "cdc-icd-10-cm"
_CODE_LIST = "code-list-April-2026.txt"
SYSTEM_OID = "2.16.840.1.113883.6.90"
"""ICD-10-CM's code system, as HL7 names it (infobutton requests, /connect/)."""
SYSTEM_URI = "http://hl7.org/fhir/sid/icd-10-cm"
"""And as FHIR names it."""


@functools.cache
def release_codes() -> frozenset[str]:
    """Every code and category of the release, as written with its dot (M62.838, G57.0, M62)."""
    # The package's data file, found without importing the package, which parses its 10 MB
    # tabular list when imported.
    spec = importlib.util.find_spec("simple_icd_10_cm")
    assert spec is not None and spec.submodule_search_locations, "simple-icd-10-cm is installed"
    folder = Path(next(iter(spec.submodule_search_locations)))
    text = (folder / "data" / _CODE_LIST).read_text(encoding="utf-8")
    return frozenset(dotted(code) for code in text.split() if "-" not in code)


def dotted(code: str) -> str:
    """A code as the site writes it: upper case, a dot after its category (M62838 -> M62.838)."""
    plain = code.strip().upper().replace(".", "")
    return plain if len(plain) <= 3 else f"{plain[:3]}.{plain[3:]}"


def check_diagnosis_codes(items: list[Loaded], sources: LoadedSingle | None) -> list[ContentError]:
    """Each condition's codes are codes of the release; sources.yml names that release."""
    errors = []
    codes = release_codes()
    for loaded in items:
        for index, entry in enumerate(getattr(loaded.page.item, "diagnosis_codes", [])):
            if entry.code not in codes:
                problem = f"'{entry.code}' is not a code of ICD-10-CM ({RELEASE} release)"
                hint = "copy the code from the release's tabular list; never write one from memory"
                errors.append(error_at(loaded, ("diagnosis_codes", index, "code"), (problem, hint)))
    if sources is not None and SOURCE in sources.value.root:
        edition = sources.value.root[SOURCE].edition
        if edition != f"{RELEASE} release":
            problem = (
                f"names the release '{edition}', but codes are checked against the {RELEASE} one"
            )
            hint = f"write edition: {RELEASE} release, or update simple-icd-10-cm and RELEASE"
            errors.append(error_in(sources.file, (SOURCE, "edition"), (problem, hint)))
    return errors
