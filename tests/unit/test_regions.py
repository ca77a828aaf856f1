"""The regions file (content/regions.yml): what check refuses, and how a reader's place is found."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.content.regions import (
    phone_links,
    region_data,
    unplaced_zones,
    urgent_buttons,
    zone_regions,
)
from generator.errors import ContentErrors, format_terminal
from generator.pipeline import load_site
from tests.factory import REGIONS, real_site, small_content, write_project


def errors_for(tmp_path: Path, regions: dict[str, Any]) -> list[str]:
    content = small_content()
    content["regions.yml"] = regions
    with pytest.raises(ContentErrors) as failure:
        load_site(write_project(tmp_path, content))
    return [
        line for line in format_terminal(failure.value.errors).splitlines() if " error: " in line
    ]


def test_a_region_without_an_emergency_number_is_refused(tmp_path: Path) -> None:
    regions = copy.deepcopy(REGIONS)
    del regions["au"]["emergency"]["number"]
    assert errors_for(tmp_path, regions) == [
        "content/regions.yml:23:5: error: au.emergency.number: required field is missing"
    ]


def test_a_number_without_a_source_is_refused(tmp_path: Path) -> None:
    regions = copy.deepcopy(REGIONS)
    regions["au"]["emergency"]["sources"] = []
    del regions["uk"]["urgent"]["sources"]
    assert errors_for(tmp_path, regions) == [
        "content/regions.yml:12:5: error: uk.urgent: an advice line needs a source: an official"
        " page that gives it",
        "content/regions.yml:23:14: error: au.emergency.sources: needs at least 1 entries, has 0",
    ]


def test_a_source_must_exist(tmp_path: Path) -> None:
    regions = copy.deepcopy(REGIONS)
    regions["au"]["urgent"]["sources"] = ["three"]
    assert errors_for(tmp_path, regions) == [
        "content/regions.yml:32:7: error: au.urgent.sources[0]: no source 'three' in"
        " content/sources.yml",
    ]


def test_each_country_is_in_one_region_and_elsewhere_comes_last(tmp_path: Path) -> None:
    regions = copy.deepcopy(REGIONS)
    regions["au"]["countries"] = ["GB", "XX"]
    regions["elsewhere"]["countries"] = ["NZ"]
    regions = {"elsewhere": regions["elsewhere"], "uk": regions["uk"], "au": regions["au"]}
    assert errors_for(tmp_path, regions) == [
        "content/regions.yml:2:1: error: the last region must be 'elsewhere'",
        "content/regions.yml:14:3: error: elsewhere.countries: lists countries",
        "content/regions.yml:34:5: error: au.countries[0]: 'GB' is in region 'uk' already",
        "content/regions.yml:35:5: error: au.countries[1]: 'XX' is not an ISO 3166 country code",
    ]


def sign_errors(tmp_path: Path, content: dict[str, Any]) -> list[str]:
    with pytest.raises(ContentErrors) as failure:
        load_site(write_project(tmp_path, content))
    lines = format_terminal(failure.value.errors).splitlines()
    return [line for line in lines if " error: " in line]


def test_an_emergency_sign_names_its_group(tmp_path: Path) -> None:
    content = small_content()
    del content["warning-signs.yml"]["weak-legs"]["sign_of"]
    assert sign_errors(tmp_path, content) == [
        "content/warning-signs.yml:9:3: error: weak-legs: an emergency sign names its group in"
        " sign_of (a group of content/emergency.yml), and no other sign does",
    ]


def test_the_group_is_one_of_the_blocks(tmp_path: Path) -> None:
    content = small_content()
    content["warning-signs.yml"]["cold-leg"]["sign_of"] = "no-such-group"
    assert sign_errors(tmp_path, content) == [
        "content/warning-signs.yml:16:12: error: cold-leg.sign_of: no group 'no-such-group' in"
        " content/emergency.yml",
    ]


def test_the_readers_time_zone_finds_their_region() -> None:
    zones = zone_regions(real_site().regions)
    assert {
        zone: zones[zone]
        for zone in (
            "Europe/London",
            "Europe/Dublin",
            "America/New_York",
            "America/Los_Angeles",
            "Pacific/Honolulu",
            "America/Toronto",
            "America/Vancouver",
            "Australia/Sydney",
            "Australia/Perth",
            "Pacific/Auckland",
            "Asia/Kolkata",
            "Asia/Calcutta",  # the name Chromium reports
            "GB",
            "NZ",
        )
    } == {
        "Europe/London": "uk",
        "Europe/Dublin": "ie",
        "America/New_York": "us",
        "America/Los_Angeles": "us",
        "Pacific/Honolulu": "us",
        "America/Toronto": "ca",
        "America/Vancouver": "ca",
        "Australia/Sydney": "au",
        "Australia/Perth": "au",
        "Pacific/Auckland": "nz",
        "Asia/Kolkata": "in",
        "Asia/Calcutta": "in",
        "GB": "uk",
        "NZ": "nz",
    }
    assert "Europe/Paris" not in zones and "America/Mexico_City" not in zones


def test_zones_that_name_no_country_go_by_language() -> None:
    unplaced = unplaced_zones(real_site().regions)
    assert {"UTC", "Etc/UTC", "Etc/GMT+5"} <= set(unplaced)
    assert not {"Europe/Paris", "Europe/London", "GB", "Asia/Calcutta"} & set(unplaced)


def test_a_page_may_call_the_regions_numbers_only() -> None:
    site = real_site()
    assert phone_links(site.regions) == {
        "tel:999",
        "tel:111",
        "tel:112",
        "tel:911",
        "tel:811",
        "tel:000",
        "tel:1800022222",
        "tel:0800611116",
    }


def test_an_advice_line_is_named_so_a_number_never_stands_bare() -> None:
    regions = real_site().regions
    labels = {key: [b.text for b in urgent_buttons(region)] for key, region in regions.items()}
    assert labels["uk"] == ["Call NHS 111", "NHS 111 online"]
    assert labels["au"] == ["Call healthdirect on 1800 022 222"]
    assert labels["nz"] == ["Call Healthline on 0800 611 116"]
    assert labels["us"] == [] and labels["elsewhere"] == []
    data = region_data(regions, real_site().emergency)
    nz = data["regions"]["nz"]  # type: ignore[index]
    assert nz["title"].startswith("Call 111 or go to the emergency department now")
    assert "NHS" not in str(nz)
