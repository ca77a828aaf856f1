"""The places the site serves (content/regions.yml): what readers there call, how a page names it,
and how the page's script finds a reader's place from the browser's time zone and language.

A page is built with the first region's numbers (what a reader with script off sees, and every
other region's emergency number on one line); docs/javascripts/regions.js then shows the reader's
own from the data that region_data() puts on the page.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from generator.content.models import Emergency, Region
from generator.content.yaml_file import LoadedFile, dotted
from generator.errors import ContentError, FieldPath

ELSEWHERE = "elsewhere"
"""The region for a reader from anywhere the file does not list."""


def default_key(regions: Mapping[str, Region]) -> str:
    """The region a page shows with script off: the file's first."""
    return next(iter(regions))


def tel(number: str) -> str:
    """'1800 022 222' -> 'tel:1800022222'."""
    return "tel:" + number.replace(" ", "")


def call_label(region: Region) -> str:
    return f"Call {region.emergency.number}"


def block_title(region: Region, emergency: Emergency) -> str:
    """The emergency block's heading, which names the number: 'Call 999 or go to A&E now if ...'."""
    service = region.emergency
    return f"Call {service.number} or go to {service.hospital} now {emergency.title}"


@dataclass(frozen=True)
class Button:
    text: str
    href: str


def urgent_buttons(region: Region) -> tuple[Button, ...]:
    """The advice line's call and web buttons: 'Call NHS 111', 'NHS 111 online'. Its name leads
    the label, so a number that means an emergency elsewhere never stands bare."""
    urgent = region.urgent
    buttons = []
    if urgent.line and urgent.number:
        named = urgent.number.replace(" ", "") in urgent.line.replace(" ", "")
        text = f"Call {urgent.line}" if named else f"Call {urgent.line} on {urgent.number}"
        buttons.append(Button(text, tel(urgent.number)))
    if urgent.line and urgent.online:
        buttons.append(Button(f"{urgent.line} online", urgent.online))
    return tuple(buttons)


def phone_links(regions: Mapping[str, Region]) -> frozenset[str]:
    """Every tel: link a page may carry: the regions' own numbers, and nothing else."""
    numbers = [region.emergency.number for region in regions.values()]
    numbers += [region.urgent.number for region in regions.values() if region.urgent.number]
    return frozenset(tel(number) for number in numbers)


def region_data(regions: Mapping[str, Region], emergency: Emergency) -> dict[str, object]:
    """What regions.js needs: each region's words and buttons, and which time zones and
    countries lead to it."""
    return {
        "default": default_key(regions),
        "order": list(regions),
        "elsewhere": ELSEWHERE,
        "zones": zone_regions(regions),
        "unplaced": unplaced_zones(regions),
        "countries": {code: key for key, region in regions.items() for code in region.countries},
        "regions": {
            key: {
                "name": region.name,
                "title": block_title(region, emergency),
                "call": call_label(region),
                "tel": tel(region.emergency.number),
                "number": region.emergency.number,
                "advice": region.urgent.advice,
                "buttons": [[button.text, button.href] for button in urgent_buttons(region)],
            }
            for key, region in regions.items()
        },
    }


def region_json(regions: Mapping[str, Region], emergency: Emergency) -> Markup:
    """region_data as JSON safe inside <script type="application/json">."""
    text = json.dumps(region_data(regions, emergency), sort_keys=True, ensure_ascii=True)
    # Inside <script>, only "<" could end the element early; JSON lets it be written \u003c.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def zone_regions(regions: Mapping[str, Region]) -> dict[str, str]:
    """IANA time zone -> region key, for every zone of every listed country (tzdata's zone.tab),
    and for the old names browsers still report ('Asia/Calcutta', 'GB', 'Canada/Eastern') where
    the zones they equal lie in one listed region."""
    by_country = {code: key for key, region in regions.items() for code in region.countries}
    found = {}
    for zone, countries in zone_candidates().items():
        listed = {by_country[code] for code in countries if code in by_country}
        if len(listed) == 1 and (len(countries) == 1 or zone not in _current_zones()):
            found[zone] = listed.pop()
    return found


def unplaced_zones(regions: Mapping[str, Region]) -> list[str]:
    """The time zones that place a reader in no one country and no listed region (UTC,
    Etc/GMT+5): for these the page goes by the reader's language instead."""
    placed = zone_regions(regions)
    candidates = zone_candidates()
    return sorted(zone for zone in candidates if len(candidates[zone]) != 1 and zone not in placed)


@functools.cache
def _current_zones() -> dict[str, str]:
    """zone.tab: each current zone with its one country."""
    table = importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab")
    current: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, zone = line.split("\t")[:3]
            current[zone] = code
    return current


@functools.cache
def zone_candidates() -> dict[str, frozenset[str]]:
    """Every time zone name tzdata ships -> the countries it may mean. A current zone means its
    own; an old name (a link in the tz database, shipped as a copy of the same file) means the
    countries of the current zones whose file it equals."""
    current = _current_zones()
    countries_by_bytes: dict[bytes, set[str]] = {}
    for zone, code in current.items():
        countries_by_bytes.setdefault(_zone_digest(zone), set()).add(code)
    names = importlib.resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    found = {zone: frozenset([code]) for zone, code in current.items()}
    for zone in names.split():
        if zone not in current:
            found[zone] = frozenset(countries_by_bytes.get(_zone_digest(zone), ()))
    return dict(sorted(found.items()))


def _zone_digest(zone: str) -> bytes:
    path = importlib.resources.files("tzdata").joinpath("zoneinfo", *zone.split("/"))
    return hashlib.sha256(path.read_bytes()).digest()


@functools.cache
def known_countries() -> frozenset[str]:
    """Every ISO 3166 code tzdata knows (iso3166.tab)."""
    table = importlib.resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab")
    lines = table.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t")[0] for line in lines if line and not line.startswith("#"))


def check_regions(file: LoadedFile, regions: Mapping[str, Region]) -> list[ContentError]:
    """Each country is in one region; 'elsewhere' comes last and lists none. (That every number's
    source exists is references.check_cited's.)"""
    errors: list[ContentError] = []

    def error(where: FieldPath, problem: str, hint: str) -> None:
        line, column = file.locate(where)
        errors.append(ContentError(file.path, line, column, dotted(where), problem, hint))

    keys = list(regions)
    if keys[-1] != ELSEWHERE:
        error((), f"the last region must be '{ELSEWHERE}'", "add it, for readers from elsewhere")
    owner: dict[str, str] = {}
    for key, region in regions.items():
        if key == ELSEWHERE and region.countries:
            error((key, "countries"), "lists countries", "leave them out: it is for all others")
        if key != ELSEWHERE and not region.countries:
            error((key,), "lists no countries", "add its ISO codes, for example countries: [GB]")
        for index, code in enumerate(region.countries):
            where = (key, "countries", index)
            if code not in known_countries():
                error(where, f"'{code}' is not an ISO 3166 country code", "for example GB or US")
            elif code in owner:
                error(where, f"'{code}' is in region '{owner[code]}' already", "list it once")
            owner.setdefault(code, key)
    return errors
