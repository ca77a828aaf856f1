"""Lookup by diagnosis code, as clinical record systems ask it (HL7 infobutton, as MedlinePlus
Connect answers it): /connect/ takes ?mainSearchCriteria.v.c=<ICD-10-CM code> and goes to the
condition page, or lists the pages, for that code; the same answer is a static JSON file per
code, api/v1/icd10cm/<code>.json, which /connect/ itself reads.

A code matches at its own level and below: the file of a category (M62.83) lists the conditions
whose codes are in it (M62.830, M62.838). There is a file for every code on the site and every
category above it; /connect/ asks for a code's own file, then for its parent category's.
"""

from __future__ import annotations

import json
from typing import Literal

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field

from generator.content.codes import RELEASE, SYSTEM_OID, SYSTEM_URI
from generator.content.models import Condition
from generator.content.site import Page, Site
from generator.pages.take_home import model_schema_text
from generator.text import plain_text

FORMAT = 1
API = "api/v1"
FOLDER = f"{API}/icd10cm"
SCHEMA_FILE = "icd10cm.schema.json"
"""The lookup files' JSON Schema, published beside them (api/v1/) and kept in schemas/."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Match(_Data):
    id: str
    title: str
    url: str
    """The condition's page, from the site's root."""
    codes: list[str]
    """Its codes within the one asked for."""


class Lookup(_Data):
    """What the site has for one ICD-10-CM code or category."""

    schema_: str = Field(alias="$schema")
    version: Literal[1]
    system: Literal["2.16.840.1.113883.6.90"]
    system_uri: Literal["http://hl7.org/fhir/sid/icd-10-cm"]
    release: str
    """The ICD-10-CM release the site's codes are checked against."""
    code: str
    conditions: list[Match]
    """Every condition with a code at or below this one, by title."""


def categories(code: str) -> list[str]:
    """A code and every category above it, down to its three characters: M62.838 -> M62.838,
    M62.83, M62.8, M62."""
    levels = [code]
    while len(levels[-1]) > 3:
        shorter = levels[-1][:-1].rstrip(".")
        levels.append(shorter)
    return levels


def lookups(site: Site) -> dict[str, Lookup]:
    """Code -> its lookup, for every code on the site and every category above it."""
    found: dict[str, list[tuple[Page[Condition], str]]] = {}
    for page in site.conditions.values():
        for entry in page.item.diagnosis_codes:
            for level in categories(entry.code):
                found.setdefault(level, []).append((page, entry.code))
    return {
        code: Lookup.model_validate(
            {
                "$schema": f"../{SCHEMA_FILE}",  # from FOLDER, one below API
                "version": FORMAT,
                "system": SYSTEM_OID,
                "system_uri": SYSTEM_URI,
                "release": RELEASE,
                "code": code,
                "conditions": _matches(matches),
            }
        )
        for code, matches in sorted(found.items())
    }


def _matches(found: list[tuple[Page[Condition], str]]) -> list[Match]:
    pages: dict[str, tuple[Page[Condition], list[str]]] = {}
    for page, code in found:
        pages.setdefault(page.id, (page, []))[1].append(code)
    ordered = sorted(pages.values(), key=lambda pair: plain_text(pair[0].item.title).lower())
    return [
        Match(
            id=page.id,
            title=plain_text(page.item.title),
            url=page.url.lstrip("/"),
            codes=sorted(set(codes)),
        )
        for page, codes in ordered
    ]


def lookup_files(site: Site) -> dict[str, str]:
    """Path under docs/ -> text: each code's lookup file, and their schema."""
    files = {f"{API}/{SCHEMA_FILE}": schema_text()}
    for code, lookup in lookups(site).items():
        files[f"{FOLDER}/{code}.json"] = lookup.model_dump_json(by_alias=True, indent=1) + "\n"
    return files


def schema_text() -> str:
    return model_schema_text(Lookup, SCHEMA_FILE)


def code_list(site: Site) -> list[tuple[str, object, Page[Condition]]]:
    """(code, its label, the condition) for every code on the site, by code: the page's list."""
    rows = [
        (entry.code, entry.label, page)
        for page in site.conditions.values()
        for entry in page.item.diagnosis_codes
    ]
    return sorted(rows, key=lambda row: (row[0], row[2].id))


def connect_data() -> Markup:
    """What connect.js needs, as JSON safe inside <script> (the generator's own values only)."""
    data = {"folder": FOLDER, "systems": [SYSTEM_OID, SYSTEM_URI]}
    return Markup(json.dumps(data, separators=(",", ":"), sort_keys=True))
