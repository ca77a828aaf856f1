"""Lookup by diagnosis code in Chromium, as a record system's infobutton link asks it: one
condition is gone to, several are listed, an unknown code or code system lands on the list of
codes; the static lookup files answer the same."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from generator.content.codes import SYSTEM_OID, SYSTEM_URI

pytestmark = pytest.mark.browser


def connect(code: str, system: str = SYSTEM_OID, extra: str = "") -> str:
    return f"/connect/?mainSearchCriteria.v.c={code}&mainSearchCriteria.v.cs={system}{extra}"


def listed(page: Page) -> list[str]:
    return page.locator("#gg-connect-result li").all_text_contents()


def test_a_code_with_one_condition_goes_straight_to_its_page(page: Page, base_url: str) -> None:
    page.goto(base_url + connect("G57.01"))
    expect(page).to_have_url(f"{base_url}/conditions/secondary-glute-spasm/")
    expect(page.locator("h1")).to_contain_text("pain down the leg")
    # The FHIR name of the code system, and a code written without its dot, go there too.
    page.goto(base_url + connect("G5701", SYSTEM_URI))
    expect(page).to_have_url(f"{base_url}/conditions/secondary-glute-spasm/")


def test_a_code_three_conditions_share_lists_them(page: Page, base_url: str) -> None:
    page.goto(
        base_url + connect("M62.838", extra="&mainSearchCriteria.v.dn=Other%20muscle%20spasm")
    )
    expect(page.locator("#gg-connect-result p")).to_have_text(
        "Pages for the code M62.838 (Other muscle spasm):"
    )
    expect(page.locator("#gg-connect-result li")).to_have_count(3)
    assert listed(page) == [
        "Buttock spasm or pain down the leg from the back, hip or a nerve",
        "Recurring or long-lasting glute spasm",
        "Sudden glute spasm (buttock muscle spasm)",
    ]
    page.locator("#gg-connect-result").get_by_role(
        "link", name="Recurring or long-lasting glute spasm"
    ).click()
    expect(page).to_have_url(f"{base_url}/conditions/chronic-glute-spasm/")


def test_a_category_finds_the_codes_within_it(page: Page, base_url: str) -> None:
    page.goto(base_url + connect("M62.83"))
    expect(page.locator("#gg-connect-result li")).to_have_count(3)
    # A code the site does not have, in a category it does, finds that category's pages.
    page.goto(base_url + connect("M62.830"))
    expect(page.locator("#gg-connect-result li")).to_have_count(3)


def test_an_unknown_code_lands_on_the_list_of_codes(page: Page, base_url: str) -> None:
    page.goto(base_url + connect("J45.909", extra="&mainSearchCriteria.v.dn=<b>Asthma</b>"))
    expect(page.locator("#gg-connect-result p")).to_have_text(
        "No page on this site has the code J45.909 (<b>Asthma</b>). The conditions it has, with"
        " their ICD-10-CM codes, are listed below."
    )
    assert page.locator("#gg-connect-result b").count() == 0
    rows = page.locator("#codes ~ table tbody tr, table tbody tr")
    expect(rows.first).to_contain_text("G57.00")
    assert page.url.startswith(f"{base_url}/connect/")


def test_another_code_system_is_said_so(page: Page, base_url: str) -> None:
    page.goto(base_url + connect("195967001", "2.16.840.1.113883.6.96"))
    expect(page.locator("#gg-connect-result p")).to_contain_text("ICD-10-CM codes only")
    assert page.url.startswith(f"{base_url}/connect/")


def test_a_clinician_is_given_a_line_of_their_own(page: Page, base_url: str) -> None:
    page.goto(base_url + connect("M62.838", extra="&informationRecipient=PROV"))
    expect(page.locator("#gg-connect-clinician")).to_be_visible()
    page.goto(base_url + connect("M62.838"))
    expect(page.locator("#gg-connect-result li")).to_have_count(3)
    expect(page.locator("#gg-connect-clinician")).to_be_hidden()


def test_the_static_lookup_answers_the_same(base_url: str) -> None:
    with urllib.request.urlopen(f"{base_url}/api/v1/icd10cm/G57.01.json") as response:
        lookup = json.load(response)
    assert [match["url"] for match in lookup["conditions"]] == ["conditions/secondary-glute-spasm/"]
    assert re.fullmatch(r"\.\./icd10cm\.schema\.json", lookup["$schema"])
    with urllib.request.urlopen(f"{base_url}/api/v1/icd10cm/M62.838.json") as response:
        assert len(json.load(response)["conditions"]) == 3
