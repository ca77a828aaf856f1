"""Home exercise programmes in a link: a clinician builds one through the form, the patient's
phone shows exactly that programme, the QR code reads back as the link, the handout prints each
exercise whole (five strengthening exercises on two A4 sheets), and no link, however damaged or
hostile, runs script or injects markup."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.pages.prescribe import FRAGMENT_BYTES, plan_code
from tests.e2e.conftest import PHONE, axe_violations, build, serve
from tests.e2e.test_print import pdf_pages
from tests.e2e.test_privacy import transferred
from tests.factory import rename_bridge, small_content, write_project

pytestmark = pytest.mark.browser
CHOSEN = {
    # title -> (field label -> value typed), each a changed dose
    "Glute bridge": {"Sets": "3", "Reps": "12", "How often": "twice a day"},
    "Clamshell": {
        "Reps": "8",
        "Side": "Left only",
        "Note for this exercise": "Keep your knees <together>",
    },
    "Lying figure-4 stretch": {"Hold (seconds)": "45"},
}
SHOWN = {
    # Each in its own dose words: sets and reps for strength, holds for a stretch; one side where
    # only one is done.
    "Glute bridge": [
        "Dose: 3 sets of 12 reps, holding each for 3 seconds, resting 30 seconds in between",
        "How often: twice a day",
    ],
    "Clamshell": [
        "Dose: 8 reps, holding each for 5 seconds, left side only",
        "How often: once or twice a day",
    ],
    "Lying figure-4 stretch": [
        "Dose: 3 holds of 45 seconds, each side",
        "How often: 2 or 3 times a day",
    ],
}


def choose(page: Page, title: str, fields: dict[str, str]) -> None:
    page.get_by_role("checkbox", name=title, exact=True).check()
    group = page.get_by_role("group", name=title, exact=True)
    expect(group).to_be_visible()
    for label, value in fields.items():
        field = group.get_by_label(label, exact=True)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)


def programme_link(page: Page) -> str:
    link = page.get_by_role("textbox", name="Programme link")
    expect(link).to_have_value(re.compile(r"/plan/#v=2&x="))
    return link.input_value()


def build_programme(page: Page, base_url: str) -> str:
    page.goto(f"{base_url}/prescribe/")
    for title, fields in CHOSEN.items():
        choose(page, title, fields)
    page.get_by_label("Note for the patient (optional)").fill("Slowly, <b>please</b> & breathe")
    page.get_by_label("Your name and contact (optional)").fill("Sam Lee, physiotherapist")
    return programme_link(page)


def print_with_its_button(page: Page) -> None:
    """Print the patient's page as the patient would, with its button (which loads the QR code's
    library first), the browser's print dialog replaced by a counter."""
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.get_by_role("button", name="Print this programme").click()
    # The code is drawn just before the print dialog is asked for.
    expect(page.locator("#gg-plan-qr svg")).to_have_count(1)
    assert page.evaluate("() => window.printed") == 1


def shown_programme(page: Page) -> dict[str, list[str]]:
    # Once every take-home file has come and been drawn.
    expect(page.locator("#gg-plan-items[aria-busy]")).to_have_count(0)
    shown = {}
    for item in page.locator(".gg-plan-item:visible").all():
        title = item.locator("h3").inner_text().strip()
        shown[title] = item.locator(".gg-plan-dose li").all_inner_texts()
    return shown


def test_the_patient_sees_exactly_the_programme_the_clinician_built(
    browser: Browser, base_url: str
) -> None:
    clinician = browser.new_context(viewport=PHONE)
    link = build_programme(clinician.new_page(), base_url)
    clinician.close()
    patient = browser.new_context(viewport=PHONE)
    page = patient.new_page()
    page.goto(link)
    expect(page.locator(".gg-plan-item:visible")).to_have_count(3)
    shown = shown_programme(page)
    # In the order the clinician chose them, not the site's.
    assert list(shown) == list(CHOSEN)
    for title, lines in SHOWN.items():
        assert shown[title] == lines, (title, shown[title])
    # All that the exercise's page says to do it safely: where to start, rest, precautions, the
    # way on and back; one-sided words for a one-sided choice.
    clamshell = page.locator(".gg-plan-item", has=page.get_by_role("heading", name="Clamshell"))
    expect(clamshell.locator(".gg-th-start")).to_have_text(re.compile(r"^Lie on your side"))
    expect(clamshell.locator(".gg-th-steps li").last).to_have_text(
        "Do all your reps with your left leg on top."
    )
    expect(clamshell).not_to_contain_text("other side")
    expect(clamshell.locator(".gg-th-precautions")).to_contain_text("hip replacement")
    expect(clamshell.locator(".gg-th-variants")).to_contain_text("Move on when:")
    expect(clamshell.locator(".gg-th-note")).to_contain_text("Keep your knees <together>")
    bridge = page.locator(".gg-plan-item", has=page.get_by_role("heading", name="Glute bridge"))
    expect(bridge.locator(".gg-th-rest")).to_have_text("Rest for 30 seconds between sets.")
    expect(bridge.locator(".gg-plan-drawings img")).to_have_count(2)
    # The note and the clinician's details arrive as the words typed, never as markup, quoted as
    # the giver's own.
    words = page.locator("#gg-plan-giver blockquote")
    expect(words.locator("p")).to_have_text(
        ["Slowly, <b>please</b> & breathe", "Their name and contact: Sam Lee, physiotherapist"]
    )
    assert page.locator("article b").count() == 0
    expect(page.locator(".gg-plan-message")).to_be_hidden()
    # One emergency block for the whole programme, and each exercise's stop rules.
    expect(page.locator(".admonition.danger:visible")).to_have_count(1)
    expect(page.locator(".gg-plan-item:visible .admonition.warning")).to_have_count(3)
    patient.close()


def test_five_exercises_fit_a_text_message(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/prescribe/")
    boxes = page.locator(".gg-pick input[type=checkbox]")
    for index in range(5):
        boxes.nth(index).check()
    link = programme_link(page)
    published = "https://glute-guide.github.io/glute-guide" + link[len(base_url) :]
    assert len(published) <= 160, published


def decoded(image: Path) -> str:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg (Debian's zbar-tools) reads the QR codes; .ci/run installs it"
    result = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False
    )
    return result.stdout.strip()


def test_the_qr_code_reads_back_as_the_link_on_screen_and_on_paper(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    link = build_programme(page, base_url)
    qr = page.get_by_role("img", name="QR code for the programme link")
    qr.screenshot(path=tmp_path / "screen.png")
    assert decoded(tmp_path / "screen.png") == link
    # On the patient's handout the code is printed 3 cm wide: read it at that size.
    page.goto(link)
    print_with_its_button(page)
    page.emulate_media(media="print")
    printed = page.get_by_role("img", name="QR code for the programme link")
    box = printed.bounding_box()
    assert box is not None and abs(box["width"] - 30 * 96 / 25.4) < 2
    printed.screenshot(path=tmp_path / "paper.png")
    assert decoded(tmp_path / "paper.png") == link


FIVE = ("Glute bridge", "Clamshell", "Bird dog", "Lying figure-4 stretch", "Pelvic tilt")
"""A strengthening programme of five: the exercises the site's strengthening plan starts with."""
LARGEST_FIVE = (
    # The five with the most to print: long steps, few stop rules in common, tall drawings.
    "Lying figure-4 stretch",
    "Bow and arrow rotation",
    "Standing glute stretch",
    "Single-leg bridge",
    "Knee to opposite shoulder stretch",
)


def sheets_of(pdf: bytes, folder: Path) -> list[str]:
    """The text on each printed sheet, as pdftotext reads it."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils reads the sheets; .ci/run installs it"
    (folder / "handout.pdf").write_bytes(pdf)
    sheets = []
    for number in range(1, pdf_pages(pdf) + 1):
        read = subprocess.run(
            [pdftotext, "-f", str(number), "-l", str(number), folder / "handout.pdf", "-"],
            check=True,
            capture_output=True,
            text=True,
        )
        sheets.append(" ".join(read.stdout.split()))
    return sheets


def choose_all(page: Page, base_url: str, titles: tuple[str, ...]) -> None:
    """The builder, with titles chosen at their own doses and drawn in its handout."""
    page.goto(f"{base_url}/prescribe/")
    for title in titles:
        page.get_by_role("checkbox", name=title, exact=True).check()
    expect(page.locator(".gg-plan-item:visible")).to_have_count(len(titles))


def test_five_exercises_print_on_two_sheets_each_whole_with_shared_stop_rules_said_once(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    choose_all(page, base_url, FIVE)
    link = programme_link(page)
    for url in (f"{base_url}/prescribe/", link):
        if url == link:
            page.goto(link)
            print_with_its_button(page)
        expect(page.locator(".gg-plan-item:visible")).to_have_count(5)
        shared = page.locator(".gg-th-shared-rules")
        # On screen each exercise shows every one of its stop rules, and no shared box.
        expect(shared).to_be_hidden()
        spreads = page.locator(".gg-plan-item").get_by_text("The pain spreads down your leg.")
        expect(spreads).to_have_count(5)
        for index in range(5):
            expect(spreads.nth(index)).to_be_visible()
        expect(page.get_by_text("Also stop straight away if")).to_have_count(5)
        expect(page.get_by_text("Also stop straight away if").first).to_be_hidden()
        page.emulate_media(media="print")
        expect(shared).to_be_visible()
        expect(shared).to_contain_text("For every exercise here: stop straight away if")
        expect(shared.get_by_text("The pain spreads down your leg.")).to_be_visible()
        for index in range(5):
            expect(spreads.nth(index)).to_be_hidden()
        # What is each exercise's own stays with it, and says it comes on top of the shared rules.
        bird_dog = page.locator(".gg-plan-item").filter(
            has=page.get_by_role("heading", name="Bird dog", exact=True)
        )
        expect(bird_dog.get_by_text("Also stop straight away if", exact=True)).to_be_visible()
        expect(bird_dog.get_by_text("Stop straight away if", exact=True)).to_be_hidden()
        expect(
            bird_dog.get_by_text("You feel pain in your lower back, wrists or knees.")
        ).to_be_visible()
        expect(page.get_by_role("img", name="QR code for the programme link")).to_be_visible()
        # Drawings at least 30 mm wide on paper (96 CSS px to the inch).
        widths = page.locator(".gg-plan-item .gg-plan-drawing").evaluate_all(
            "images => images.map(image => image.getBoundingClientRect().width)"
        )
        assert widths and min(widths) >= 30 / 25.4 * 96 - 0.5, widths
        sheets = sheets_of(page.pdf(format="A4", print_background=True), tmp_path)
        assert len(sheets) == 2, url
        # No exercise is cut by a page: its title and dose, and its last step, print on one sheet.
        last_steps = [
            " ".join(step.split())
            for step in page.locator(".gg-plan-item .gg-th-steps li:last-child").all_inner_texts()
        ]
        assert len(set(last_steps)) == 5, last_steps
        for title, last_step in zip(FIVE, last_steps, strict=True):
            starts = [n for n, text in enumerate(sheets) if f"{title} Dose:" in text]
            ends = [n for n, text in enumerate(sheets) if last_step in text]
            assert len(starts) == 1 and starts == ends, (url, title, starts, ends)
        assert "Call " in sheets[-1] and "Do not wait to see if it gets better" in sheets[-1]
        page.emulate_media(media="screen")


def test_the_five_largest_exercises_print_whole_on_at_most_three_sheets(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    choose_all(page, base_url, LARGEST_FIVE)
    page.emulate_media(media="print")
    sheets = sheets_of(page.pdf(format="A4", print_background=True), tmp_path)
    # Five of the longest take three sheets: issue 23 asks for two, not met for these (see the
    # closing note). None is cut: each title stands on exactly one sheet.
    assert len(sheets) <= 3
    for title in LARGEST_FIVE:
        assert sum(f"{title} Dose:" in text for text in sheets) == 1, title


HOSTILE = [
    "#v=1&x=<img src=x onerror=window.pwned=1>",
    "#v=1&x=he3x<script>window.pwned=1</script>",
    "#v=1&x=__proto__",
    "#v=1&x=constructor",
    "#v=3&x=he3x",
    "#x=he3x",
    "#v=1&x=" + ".".join(["he3x"] * 31),
    "#%E0%A4%A",
    "#v=1&x=he3xr1e9",
    "#" + "a" * 5000,
]


@pytest.mark.parametrize("fragment", HOSTILE)
def test_a_damaged_or_hostile_link_shows_a_plain_message_and_runs_nothing(
    page: Page, base_url: str, fragment: str
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    page.goto(f"{base_url}/plan/{fragment}")
    message = page.locator(".gg-plan-message")
    expect(message).to_be_visible()
    expect(message.get_by_role("link", name="make a programme")).to_be_visible()
    expect(page.locator(".gg-plan-item:visible")).to_have_count(0)
    assert page.evaluate("window.pwned") is None
    assert page.locator("article img, article script:not([type='application/json'])").count() == 0
    assert dialogs == []


def test_text_and_numbers_from_a_link_are_capped_and_shown_as_text(
    page: Page, base_url: str
) -> None:
    note = "<img src=x onerror=window.pwned=1>" + "x" * 1000
    page.goto(f"{base_url}/plan/#v=1&x=he3xs999r0h777&n={note}&c=%3Cb%3Eme%3C%2Fb%3E")
    expect(page.locator(".gg-plan-item:visible")).to_have_count(1)
    # Held to the link format's limits, then to the exercise's own safe limits.
    assert shown_programme(page)["Glute bridge"][0] == (
        "Dose: 3 sets of 1 rep, holding each for 10 seconds, resting 30 seconds in between"
    )
    shown_note = page.locator(".gg-giver-note").inner_text()
    # Cut to the note's cap of 400 bytes as the link encodes it: "<" is 3 of them, "x" one.
    assert shown_note.startswith("<img src=x") and shown_note.endswith("x" * 300)
    assert len(shown_note) < 400
    expect(page.get_by_text("Their name and contact: <b>me</b>")).to_be_visible()
    assert page.evaluate("window.pwned") is None
    assert page.locator("article img:not(.gg-plan-drawing)").count() == 0


def test_a_removed_exercise_is_named_as_gone_and_the_rest_still_show(
    page: Page, base_url: str
) -> None:
    gone = plan_code("an-exercise-we-took-down")
    page.goto(f"{base_url}/plan/#v=1&x={gone}.he3x")
    expect(page.locator(".gg-plan-item:visible")).to_have_count(1)
    expect(page.get_by_text("1 exercise in this link is no longer on the site")).to_be_visible()


def test_an_old_link_to_a_renamed_exercise_opens_it(page: Page, tmp_path: Path) -> None:
    project = write_project(tmp_path, small_content())
    rename_bridge(project, keep_old_id=True)
    site = build(project)
    for url in serve(site):
        page.goto(f"{url}/plan/#v=1&x={plan_code('bridge')}r7")
        expect(page.locator(".gg-plan-item:visible h3")).to_have_text(re.compile("^Bridge"))
        assert (
            shown_programme(page)["Bridge"][0]
            == "Dose: 2 sets of 7 reps, resting 30 seconds in between"
        )


def test_ticks_stay_on_the_device_and_can_be_cleared(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/plan/#v=1&x=he3x.knfh")
    tick = page.get_by_label("Done today: Glute bridge", exact=True)
    tick.check()
    page.reload()
    expect(page.get_by_label("Done today: Glute bridge", exact=True)).to_be_checked()
    expect(page.get_by_label("Done today: Clamshell", exact=True)).not_to_be_checked()
    page.get_by_role("button", name="Clear ticks").click()
    page.reload()
    expect(page.get_by_label("Done today: Glute bridge", exact=True)).not_to_be_checked()


def test_the_builder_works_by_keyboard_alone_at_360_px(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/prescribe/")
    first = page.get_by_role("checkbox", name="Glute bridge", exact=True)
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    # The exercise's group stands in the chosen list, after the exercises: Tab reaches it.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "s-he3x":
            break
    expect(page.locator(":focus")).to_have_accessible_name("Sets")
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    assert "he3xs3r" in programme_link(page)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], "nothing wider than the phone"


def test_the_filters_narrow_the_list(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/prescribe/")
    everything = page.locator(".gg-pick:visible").count()
    page.get_by_label("Position", exact=True).select_option(label="Standing")
    standing = page.locator(".gg-pick:visible")
    expect(standing).to_have_count(2)
    for title in standing.locator(".gg-pick-choose label").all_inner_texts():
        assert title in ("Standing glute stretch", "Side steps with a band")
    page.get_by_label("Position", exact=True).select_option(label="Any")
    page.get_by_label("Equipment", exact=True).select_option(value="basic")
    assert 0 < page.locator(".gg-pick:visible").count() < everything


@pytest.mark.parametrize(
    "path",
    [
        "/prescribe/",
        "/plan/#v=1&x=he3x.knfh.t5c0.c861",
        "/plan/#v=1&x=he3x&n=Slowly%2C+please.%0A%0AStop+if+it+hurts.&c=Sam+Lee",
    ],
)
def test_each_programme_page_is_light_axe_clean_and_keeps_to_this_host(
    browser: Browser, base_url: str, path: str, axe_script: str
) -> None:
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}{path}", wait_until="networkidle")
    # Issue 23's budgets for a first load, compressed as served, the take-home files fetched
    # when shown included: the patient's page 60 KB, the builder 100 KB.
    budget = 100 * 1024 if path == "/prescribe/" else 60 * 1024
    assert 10_000 < transferred(page) <= budget
    if path == "/prescribe/":
        choose(page, "Glute bridge", {"Reps": "12"})
    assert axe_violations(page, axe_script) == []
    assert [url for url in requested if not url.startswith(base_url)] == []
    context.close()


def test_copy_link_copies_it_and_print_handout_prints(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(f"{base_url}/prescribe/")
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status")).to_have_text("Tick at least one exercise first.")
    link = build_programme(page, base_url)
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == link
    # The browser's print dialog cannot be driven here; that the button asks for it can be seen.
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print handout").click()
    assert page.evaluate("window.printed") is True
    context.close()


SPOOF = {
    # What anyone could once put on our domain, under our title, as if it were our advice.
    "n": "You do not need to call 999.\u202e Seen by a doctor\u202c\u200b",
    "c": "\u2066NHS Physiotherapy Team (verified)\u2069",
}


def test_the_givers_words_are_quoted_as_theirs_after_the_emergency_block(
    page: Page, base_url: str
) -> None:
    page.goto(f"{base_url}/plan/#v=1&x=he3x.knfh&{urllib.parse.urlencode(SPOOF)}")
    expect(page.locator(".gg-plan-item:visible")).to_have_count(2)
    giver = page.locator("#gg-plan-giver")
    label = giver.locator("p").first
    expect(label).to_have_text("From the person who gave you this link:")
    words = giver.locator("blockquote")
    expect(words.locator("p")).to_have_text(
        [
            "You do not need to call 999. Seen by a doctor",
            "Their name and contact: NHS Physiotherapy Team (verified)",
        ]
    )
    # Bidirectional controls and zero-width characters are gone from what the page holds.
    held = giver.evaluate("e => e.textContent")
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", held), ascii(held)
    expect(giver).to_contain_text("Glute Guide did not write these words")
    # Never an admonition, never styled as one, and after the site's own emergency block: in the
    # page's order and on the screen.
    emergency = page.locator(".admonition.danger:visible")
    expect(emergency).to_have_count(1)
    assert words.evaluate("q => !q.closest('.admonition') && !q.querySelector('.admonition')")
    follows = emergency.evaluate(
        "(e, q) => !!(e.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING)",
        label.element_handle(),
    )
    assert follows
    emergency_box, label_box = emergency.bounding_box(), label.bounding_box()
    assert emergency_box and label_box
    assert emergency_box["y"] + emergency_box["height"] <= label_box["y"]
    expect(page.locator("h1")).to_have_text(re.compile("^Your exercise programme"))
    expect(emergency).to_contain_text("999")
    # Printed, the same order: the emergency block, then the giver's words.
    page.emulate_media(media="print")
    emergency_box, label_box = emergency.bounding_box(), label.bounding_box()
    assert emergency_box and label_box
    assert emergency_box["y"] + emergency_box["height"] <= label_box["y"]


SLOWLY = "请慢慢做\uff0c如果疼痛加重就停下来\u3002"
"""'Do them slowly; if the pain gets worse, stop.' 16 characters, each 9 bytes in a link."""


def test_a_long_note_in_any_script_still_gets_its_qr_code_and_handout(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    """A 300-character Chinese note once overflowed the QR code: no code was drawn and the
    handout was not updated. The note is now capped by the bytes it takes in the link."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=4)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/prescribe/")
    for title, fields in CHOSEN.items():
        choose(page, title, fields)
    note = page.get_by_label("Note for the patient (optional)")
    note.fill(SLOWLY * 20)  # 320 characters, 2,880 bytes in a link
    expect(page.get_by_role("status")).to_have_text("The note is as long as a link can hold.")
    # 44 characters of 9 bytes each: as many as the note's 400 bytes hold.
    kept = note.input_value()
    assert len(kept) == 44 and (SLOWLY * 3).startswith(kept)
    page.get_by_label("Your name and contact (optional)").fill("é" * 200)
    assert page.get_by_label("Your name and contact (optional)").input_value() == "é" * 20
    link = programme_link(page)
    assert len(link.split("#", 1)[1]) < FRAGMENT_BYTES
    # The handout shows the note, and the QR code holds the whole link.
    expect(page.locator("#gg-preview #gg-plan-giver blockquote p").first).to_have_text(kept)
    qr = page.get_by_role("img", name="QR code for the programme link")
    expect(qr.locator("svg")).to_have_count(1)
    qr.screenshot(path=tmp_path / "builder.png")
    assert decoded(tmp_path / "builder.png") == link
    # And the patient's page draws it too, with the note, and its ticks.
    page.goto(link)
    expect(page.locator(".gg-giver-note")).to_have_text(kept)
    print_with_its_button(page)
    expect(page.locator("#gg-plan-qr svg")).to_have_count(1)
    page.get_by_label("Done today: Glute bridge", exact=True).check()
    page.reload()
    expect(page.get_by_label("Done today: Glute bridge", exact=True)).to_be_checked()
    assert errors == []
    context.close()


NASTY = [
    "#v=1&x=he3x&n=" + "%E8%AF%B7" * 300,  # 2,700 bytes: over the QR code's capacity once
    "#v=1&x=he3x" + "s9r99" * 600,
    "#v=1&x=he3x&n=" + "a" * 5000,
    "#v=1&x=he3x&n=%ED%A0%80%E0%A4%A%",
    "#v=1&x=he3x&d=99999999&g=__proto__&c=%00%01",
    "#v=1&x=he3x&x=" + "he3x." * 40,
    "#%",
    "#v=1&x=zzzz&n=%E2%80%AE",
]
TOO_LONG = (
    "This link is too long to be a programme link, so it was not read. Ask the person who gave it"
    " to you to make it again."
)


def test_any_link_leaves_the_page_working_and_a_too_long_one_is_refused_plainly(
    page: Page, base_url: str
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/plan/#v=1&x=he3x.knfh&{urllib.parse.urlencode(SPOOF)}")
    page.get_by_label("Done today: Glute bridge", exact=True).check()
    expect(page.locator("#gg-plan-giver blockquote")).to_be_visible()
    print_with_its_button(page)
    expect(page.locator("#gg-plan-qr svg")).to_have_count(1)
    page.evaluate("fragment => { location.hash = fragment; }", NASTY[0])
    # Nothing of the link read before stays on the page: not its words, not its QR code.
    expect(page.locator("#gg-plan-giver")).to_have_text("")
    expect(page.locator("#gg-plan-qr svg")).to_have_count(0)
    page.goto(f"{base_url}/plan/{NASTY[0]}")
    message = page.locator(".gg-plan-message")
    expect(message).to_be_visible()
    expect(page.locator("#gg-plan-why")).to_have_text(TOO_LONG)
    expect(page.locator(".gg-plan-item:visible")).to_have_count(0)
    expect(page.locator(".admonition.danger")).to_have_count(1)  # the emergency block stays
    for fragment in NASTY[1:]:
        page.evaluate("fragment => { location.hash = fragment; }", fragment)
        # Either the page's message or a programme (perhaps all gone), and nothing thrown.
        shown = page.locator(".gg-plan-message:visible, article.gg-plan-shown")
        expect(shown.first).to_be_visible()
    # The same page still reads a good link, with today's ticks, and its QR code.
    page.evaluate("() => { location.hash = '#v=1&x=he3x.knfh'; }")
    expect(page.locator(".gg-plan-item:visible")).to_have_count(2)
    expect(page.locator("#gg-plan-why")).to_have_text("")
    expect(page.get_by_label("Done today: Glute bridge", exact=True)).to_be_checked()
    expect(page.locator("#gg-plan-qr svg")).to_have_count(1)
    assert errors == []


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("20270303", "Given on 3 March 2027"),
        ("20270311", "Given on 11 March 2027"),  # tomorrow: where the link was made, today
        ("20270312", ""),  # the day after tomorrow
        ("99999999", ""),  # once "Given on 7 June 10007"
        ("20270230", ""),
        ("20261130", ""),  # before there were programme links
        ("2027033x", ""),
    ],
)
def test_only_a_possible_date_is_shown(page: Page, base_url: str, given: str, shown: str) -> None:
    page.clock.set_fixed_time(datetime.datetime(2027, 3, 10, 12, 0))
    page.goto(f"{base_url}/plan/#v=1&x=he3x&d={given}")
    expect(page.locator(".gg-plan-item:visible")).to_have_count(1)
    expect(page.locator("#gg-plan-date")).to_have_text(shown)
