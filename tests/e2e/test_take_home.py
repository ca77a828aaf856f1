"""What a patient takes home, in Chromium: the builder's safe limits and controls, a programme
that says when an exercise changed after it was made, one-sided words, and take-home files that,
damaged or hostile, run nothing."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from generator.pages.prescribe import plan_code
from tests.e2e.conftest import PHONE
from tests.e2e.test_prescribe import choose, programme_link, shown_programme
from tests.factory import real_site

pytestmark = pytest.mark.browser
CLAMSHELL = plan_code("clamshell")


def test_the_builder_never_goes_past_an_exercises_safe_limit_and_says_why(
    page: Page, base_url: str
) -> None:
    page.goto(f"{base_url}/prescribe/")
    choose(page, "Cold on the buttock", {"Minutes": "60"})
    group = page.get_by_role("group", name="Cold on the buttock", exact=True)
    expect(group.get_by_label("Minutes", exact=True)).to_have_value("20")
    expect(group.get_by_role("status")).to_have_text(
        "At most 20 minutes for this exercise: Glute Guide's own safe limit for it, so that a"
        " programme never asks for more."
    )
    assert "m20" in programme_link(page)
    # A link that asks for more is held to the limit on the patient's page too.
    page.goto(f"{base_url}/plan/#v=2&x={plan_code('cold-application')}m60")
    assert shown_programme(page)["Cold on the buttock"][0] == "Dose: 20 minutes"


TAKE_HOME_PARTS = (
    ".gg-plan-dose li",
    ".gg-th-start",
    ".gg-th-steps li",
    ".gg-th-rest",
    ".gg-th-stop li",
    ".gg-th-precautions li",
    ".gg-th-variants li",
)
"""What a patient takes home of an exercise, part by part (partials/take-home-item.html.j2)."""


def take_home_texts(item: object) -> list[list[str]]:
    return [
        [" ".join(text.split()) for text in item.locator(part).all_text_contents()]  # type: ignore[attr-defined]
        for part in TAKE_HOME_PARTS
    ]


def test_each_exercise_page_prints_what_its_handout_says(page: Page, base_url: str) -> None:
    # The server fills the exercise page's printout, plan.js the handout, from one markup: they
    # say the same, word for word, for every exercise at its own dose.
    for exercise in real_site().exercises.values():
        title = exercise.item.title
        page.goto(f"{base_url}{exercise.url}")
        page.emulate_media(media="print")
        printed = page.locator(".gg-take-home-page .gg-plan-item")
        expect(printed).to_be_visible()
        expect(page.locator("#steps")).to_be_hidden()
        on_paper = take_home_texts(printed)
        page.emulate_media(media="screen")
        expect(printed).to_be_hidden()
        page.goto(f"{base_url}/prescribe/")
        page.get_by_role("checkbox", name=title, exact=True).check()
        handout = page.locator(".gg-plan-item").filter(
            has=page.get_by_role("heading", name=title, exact=True)
        )
        expect(handout).to_be_visible()
        in_handout = take_home_texts(handout)
        assert on_paper == in_handout, title
        assert all(on_paper[index] for index in (0, 1, 2, 4, 6)), title


def test_every_number_the_move_on_rule_needs_is_offered(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/prescribe/")
    for title in ("Pelvic tilt", "Clamshell", "Core bracing"):
        choose(page, title, {"Sets": "2"})
    link = programme_link(page)
    assert f"{CLAMSHELL}s2" in link


def test_exercises_keep_the_order_chosen_and_move_up_and_down(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/prescribe/")
    for title in ("Lying figure-4 stretch", "Clamshell", "Bird dog"):
        choose(page, title, {})
    groups = page.locator(".gg-chosen-list legend")
    expect(groups).to_have_text(["Lying figure-4 stretch", "Clamshell", "Bird dog"])
    bird_dog = page.get_by_role("group", name="Bird dog", exact=True)
    bird_dog.get_by_role("button", name="Move up").click()
    expect(groups).to_have_text(["Lying figure-4 stretch", "Bird dog", "Clamshell"])
    expect(bird_dog.get_by_role("button", name="Move up")).to_be_focused()
    page.get_by_role("group", name="Lying figure-4 stretch").get_by_role(
        "button", name="Move down"
    ).click()
    expect(groups).to_have_text(["Bird dog", "Lying figure-4 stretch", "Clamshell"])
    page.goto(programme_link(page))
    assert list(shown_programme(page)) == ["Bird dog", "Lying figure-4 stretch", "Clamshell"]


def test_a_condition_shows_the_variants_its_exercises_lead_to(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/prescribe/")
    condition = page.get_by_label("Condition", exact=True)
    shown_somewhere = set()
    for value in condition.locator("option").evaluate_all("os => os.map(o => o.value)")[1:]:
        condition.select_option(value=value)
        shown_somewhere |= set(page.locator(".gg-pick:visible label").all_inner_texts())
    assert {"Glute bridge with a band", "Single-leg bridge", "Hip thrust"} <= shown_somewhere


def test_the_builder_fits_a_phone_with_everything_chosen(page: Page, base_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/prescribe/")
    for box in page.locator(".gg-pick input[type=checkbox]").all():
        box.check()
    expect(page.locator("#plan-count")).to_have_text(f"{page.locator('.gg-pick').count()} chosen")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    # The bar stays on screen wherever the clinician is in the form.
    page.get_by_label("Condition", exact=True).scroll_into_view_if_needed()
    for name in ("Copy link", "Print handout"):
        expect(page.get_by_role("button", name=name)).to_be_in_viewport()


def test_share_is_offered_only_where_the_browser_has_a_share_sheet(
    browser: Browser, base_url: str
) -> None:
    for has_share in (True, False):
        context = browser.new_context(viewport=PHONE)
        if has_share:
            context.add_init_script(
                "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"
            )
        else:
            context.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
        page = context.new_page()
        page.goto(f"{base_url}/prescribe/")
        share = page.get_by_role("button", name="Share")
        if has_share:
            choose(page, "Glute bridge", {})
            share.click()
            expect(page.locator("#plan-status")).to_have_text("Link shared.")
            assert page.evaluate("window.shared.url") == programme_link(page)
        else:
            expect(share).to_be_hidden()
        context.close()


def test_the_print_only_lines_stay_off_the_phones_screen(page: Page, base_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/plan/#v=2&x={CLAMSHELL}")
    expect(page.locator(".gg-plan-item")).to_have_count(1)
    expect(page.get_by_text("Name: ____", exact=False)).to_be_hidden()
    expect(page.get_by_role("img", name="QR code for the programme link")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.get_by_text("Name: ____", exact=False)).to_be_visible()


def test_an_exercise_changed_after_the_link_was_made_says_so(page: Page, base_url: str) -> None:
    changed = json.loads(page.request.get(f"{base_url}/exercises/clamshell/take-home.json").text())[
        "changed"
    ]
    day = changed.replace("-", "")
    page.goto(f"{base_url}/plan/#v=2&x={CLAMSHELL}&d=20261201")
    notice = page.locator(".gg-th-changed")
    if day > "20261201":
        expect(notice).to_contain_text("This exercise's page changed on")
    page.goto(f"{base_url}/plan/#v=2&x={CLAMSHELL}&d={day}")
    expect(page.locator(".gg-plan-item")).to_have_count(1)
    expect(notice).to_have_count(0)


def test_the_notice_of_a_change_is_shown_for_a_file_changed_later(
    page: Page, base_url: str
) -> None:
    file = json.loads(page.request.get(f"{base_url}/exercises/clamshell/take-home.json").text())
    file["changed"] = "2026-12-20"

    def later(route: Route) -> None:
        route.fulfill(json=file)

    page.route("**/exercises/clamshell/take-home.json", later)
    page.goto(f"{base_url}/plan/#v=2&x={CLAMSHELL}&d=20261202")
    expect(page.locator(".gg-th-changed")).to_have_text(
        re.compile(r"^This exercise's page changed on 20 December 2026, after this programme")
    )


def test_one_sided_words_for_a_one_sided_programme(page: Page, base_url: str) -> None:
    figure_4 = plan_code("lying-figure-4-stretch")
    page.goto(f"{base_url}/plan/#v=2&x={figure_4}R")
    item = page.locator(".gg-plan-item")
    expect(item.locator(".gg-th-steps li").first).to_have_text(re.compile("^Lift your right leg"))
    expect(item).not_to_contain_text("other side")
    expect(item.locator(".gg-plan-dose li").first).to_have_text(
        "Dose: 3 holds of 30 seconds, right side only"
    )


HOSTILE_FILES = [
    {"title": "<img src=x onerror=window.pwned=1>"},
    {"url": "javascript:window.pwned=1//"},
    {"drawings": [{"src": "https://evil.example/x.svg", "alt": "x", "step": 0}]},
    # (no drawings: a drawing must show a step the file has, or the file is refused whole)
    {"steps": [{"both": "<script>window.pwned=1</script>", "one": None}], "drawings": []},
]


@pytest.mark.parametrize("change", HOSTILE_FILES, ids=lambda change: next(iter(change)))
def test_a_hostile_take_home_file_runs_nothing(page: Page, base_url: str, change: dict) -> None:
    file = json.loads(page.request.get(f"{base_url}/exercises/clamshell/take-home.json").text())
    file |= change
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.route("**/exercises/clamshell/take-home.json", lambda route: route.fulfill(json=file))
    page.goto(f"{base_url}/plan/#v=2&x={CLAMSHELL}")
    item = page.locator(".gg-plan-item")
    expect(item).to_have_count(1)
    if "title" in change or "steps" in change:
        # A text is shown as the text it is.
        expect(item).to_contain_text(change.get("title") or change["steps"][0]["both"])
    else:
        expect(item).to_contain_text("could not be loaded")
    assert page.evaluate("window.pwned") is None
    assert page.locator("article script:not([type])").count() == 0
    assert [url for url in requested if not url.startswith(base_url)] == []
