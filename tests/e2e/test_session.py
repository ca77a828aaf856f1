"""A guided session on the patient's page, in Chromium under Playwright's clock: a stretch, a
strength exercise and heat walked through every set, hold and rest; spoken cues (the browser's
speech synthesis, recorded by a stub: headless Chromium has no voices), the buzz, the real
Screen Wake Lock; "How it went" saved and shown as "Your last 7 days"; the reminders' calendar
file read with icalendar; axe and the keyboard in every state; and nothing asked of another host.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from time import sleep

import icalendar
import pytest
from playwright.sync_api import Browser, Page, expect

from generator.pages.prescribe import plan_code
from tests.e2e.conftest import PHONE, axe_violations
from tests.e2e.test_print import pdf_pages

pytestmark = pytest.mark.browser

STRETCH = plan_code("lying-figure-4-stretch")
BRIDGE = plan_code("glute-bridge")
HEAT = plan_code("heat-application")
# A stretch of 2 holds of 20 s on the right side only; 2 sets of 3 bridges held 3 s, resting the
# dose's 30 s between sets; 1 minute of heat.
PROGRAMME = f"/plan/#v=2&x={STRETCH}s2h20R.{BRIDGE}s2r3h3.{HEAT}m1"
TITLES = ["Lying figure-4 stretch", "Glute bridge", "Heat on the buttock"]
# What the page's speech, buzz and wake lock do, recorded: speech and vibration by stubs, the
# wake lock by watching the real one Chromium grants.
RECORDER = """
window.__said = [];
window.speechSynthesis.speak = (utterance) => window.__said.push(utterance.text);
window.speechSynthesis.cancel = () => {};
window.__buzzes = [];
navigator.vibrate = (pattern) => { window.__buzzes.push(pattern); return true; };
window.__locks = [];
const request = navigator.wakeLock.request.bind(navigator.wakeLock);
navigator.wakeLock.request = (type) => request(type).then((lock) => {
  window.__locks.push(lock); return lock; });
"""


@pytest.fixture(params=[False])
def patient(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh phone with the recorders and a clock the test moves; for axe, which is injected
    as an inline script, one that lets it past the page's Content-Security-Policy."""
    context = browser.new_context(viewport=PHONE, bypass_csp=request.param)
    context.add_init_script(RECORDER)
    opened = context.new_page()
    opened.clock.install(time=datetime(2026, 12, 4, 9, 0))
    yield opened
    context.close()


def held(page: Page, holding: bool = True) -> bool:
    """Whether the page comes to hold (or, with holding=False, to let go of) a wake lock that
    Chromium granted: the lock is asked for and released in promises, not at once."""
    # Polled from here: wait_for_function evaluates a string, which the page's policy refuses.
    for _ in range(50):
        if page.evaluate("window.__locks.some((lock) => !lock.released)") == holding:
            return holding
        sleep(0.1)
    raise AssertionError("the wake lock is " + ("not held" if holding else "still held"))


def start(page: Page, base_url: str, link: str = PROGRAMME) -> None:
    page.goto(base_url + link)
    expect(page.locator(".gg-plan-item")).to_have_count(len(link.split("x=")[1].split(".")))
    page.get_by_role("button", name="Start session").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("stretch"))).to_be_focused()


def shows(page: Page, label: str, timer: str | None = None, face: str | None = None) -> None:
    expect(page.locator("#gg-session-label")).to_have_text(label)
    timers = page.get_by_role("timer")
    if timer is None:
        expect(timers).to_have_count(0)
        return
    expect(timers).to_have_count(1)
    expect(page.get_by_role("timer", name=timer)).to_have_text(face or "")


def test_a_whole_session_walks_every_set_hold_and_rest_on_the_clock(
    patient: Page, base_url: str
) -> None:
    page = patient
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    start(page, base_url)
    page.get_by_role("switch", name="Spoken cues").check()
    page.get_by_role("switch", name="Vibrate").check()
    session = page.locator("#gg-session")
    expect(session.locator("#gg-session-where")).to_have_text("Exercise 1 of 3")
    expect(session.locator("#gg-session-dose")).to_have_text(
        "Dose: 2 holds of 20 seconds, right side only"
    )
    shows(page, "Right side")
    expect(session.locator("#gg-session-step")).to_contain_text("Lie on your back")
    expect(session.get_by_role("img")).to_have_attribute("alt", re.compile(r"\w"))
    assert held(page), "the screen is held on as soon as the session starts"
    next_step = page.get_by_role("button", name="Next")

    # The stretch: a hold, a relax, a hold; each counted down aloud in its last seconds.
    next_step.click()
    shows(page, "Hold 1 of 2", "Hold timer", "0:20")
    page.clock.run_for(12_000)
    shows(page, "Hold 1 of 2", "Hold timer", "0:08")
    page.clock.run_for(8_000)
    shows(page, "Rest", "Rest timer", "0:05")
    expect(page.get_by_role("status").filter(has_text="Rest 5 seconds")).to_have_text(
        "Rest 5 seconds. Next: hold 2 of 2."
    )
    page.clock.run_for(5_000)
    shows(page, "Hold 2 of 2", "Hold timer", "0:20")
    page.clock.run_for(20_000)

    # The bridge: three held reps a set, a relax between them, the dose's rest between sets.
    expect(page.locator("#gg-session-title")).to_have_text("Glute bridge")
    expect(session.locator("#gg-session-where")).to_have_text("Exercise 2 of 3")
    shows(page, "Get ready")
    next_step.click()
    shows(page, "Set 1 of 2 · Rep 1 of 3", "Hold timer", "0:03")
    page.clock.run_for(3_000)
    shows(page, "Relax", "Rest timer", "0:05")
    page.clock.run_for(5_000 + 3_000 + 5_000)
    shows(page, "Set 1 of 2 · Rep 3 of 3", "Hold timer", "0:03")
    page.clock.run_for(3_000)
    shows(page, "Rest", "Rest timer", "0:30")

    # A pause stops the clock and lets the screen sleep; resuming holds it again.
    page.get_by_role("button", name="Pause").click()
    held(page, holding=False)
    expect(page.get_by_role("button", name="Resume")).to_be_focused()
    page.clock.run_for(120_000)
    shows(page, "Rest", "Rest timer", "0:30")
    page.get_by_role("button", name="Resume").click()
    assert held(page)
    page.clock.run_for(30_000)
    shows(page, "Set 2 of 2 · Rep 1 of 3", "Hold timer", "0:03")
    page.clock.run_for(3_000 + 5_000 + 3_000 + 5_000 + 3_000)

    # Heat counts its minutes.
    expect(page.locator("#gg-session-title")).to_have_text("Heat on the buttock")
    next_step.click()
    shows(page, "1 minute", "Time left", "1:00")
    page.clock.run_for(59_000)
    shows(page, "1 minute", "Time left", "0:01")
    page.clock.run_for(1_000)

    expect(page.locator("#gg-session-title")).to_have_text("Session finished")
    expect(page.get_by_role("radio", name="0", exact=True)).to_be_focused()
    held(page, holding=False)  # the screen may sleep once the session is over
    said = page.evaluate("window.__said")
    for cue in (
        "Hold 1 of 2. 20 seconds.",
        "Rest 5 seconds. Next: hold 2 of 2.",
        "Glute bridge. Get into the starting position.",
        "Set 1 of 2. Rep 1 of 3. Hold.",
        "Relax.",
        "Rest 30 seconds. Next: set 2 of 2.",
        "Set 2 of 2. Rep 1 of 3. Hold.",
        "1 minute, starting now.",
        "Session finished. Well done.",
    ):
        assert cue in said, cue
    # "Hold ... 3, 2, 1", then the relax: the countdown comes between the hold and what follows.
    first_hold = said.index("Hold 1 of 2. 20 seconds.")
    assert said[first_hold + 1 : first_hold + 5] == ["3", "2", "1", said[first_hold + 4]]
    assert said[first_hold + 4].startswith("Rest 5 seconds")
    # A buzz at the end of each of 2 + 11 holds and rests and the minute of heat.
    assert len(page.evaluate("window.__buzzes")) == 2 + 1 + 11 + 1

    # How it went: pain is asked for, effort may be left out.
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#gg-session-error")).to_have_text(
        "Choose a number from 0 to 10 for your pain now."
    )
    page.get_by_role("radio", name="4", exact=True).check()
    page.get_by_role("radio", name="About right").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#gg-session")).to_be_hidden()
    expect(page.get_by_role("heading", name="Your last 7 days")).to_be_focused()
    today = page.locator("#gg-plan-log li").first
    expect(today).to_have_text(
        "Friday 4 December: Lying figure-4 stretch, Glute bridge, Heat on the buttock."
        " Pain 4 out of 10; it felt about right."
    )
    expect(page.locator("#gg-plan-log li")).to_have_count(7)
    # What a session finished is ticked as done today.
    for code in (STRETCH, BRIDGE, HEAT):
        expect(page.locator(f"#tick-{code}")).to_be_checked()

    # The record survives a reload, and is cleared on asking.
    page.reload()
    expect(page.locator("#gg-plan-log li").first).to_contain_text("Pain 4 out of 10")
    page.get_by_role("button", name="Clear my records").click()
    expect(page.locator("#gg-plan-log li").first).to_have_text(
        "Friday 4 December: No session saved."
    )
    hosts = {urllib.parse.urlsplit(url).netloc for url in asked}
    assert hosts == {urllib.parse.urlsplit(base_url).netloc}, hosts


def test_the_session_keeps_true_time_when_the_page_sleeps(patient: Page, base_url: str) -> None:
    # Playwright's fast_forward jumps the clock and fires the page's timer once, as a phone does
    # waking from sleep: the session is where the time says, not one tick further on.
    page = patient
    start(page, base_url, f"/plan/#v=2&x={STRETCH}s3h30R")
    page.get_by_role("button", name="Next").click()
    shows(page, "Hold 1 of 3", "Hold timer", "0:30")
    page.clock.fast_forward(30_000 + 5_000 + 12_000)
    shows(page, "Hold 2 of 3", "Hold timer", "0:18")
    page.clock.fast_forward(3_600_000)
    expect(page.locator("#gg-session-title")).to_have_text("Session finished")


def test_back_next_and_end_session(patient: Page, base_url: str) -> None:
    page = patient
    start(page, base_url)
    back = page.get_by_role("button", name="Back")
    expect(back).to_be_disabled()
    page.get_by_role("button", name="Next").click()
    page.clock.run_for(7_000)
    back.click()
    shows(page, "Right side")
    page.get_by_role("button", name="Next").click()
    shows(page, "Hold 1 of 2", "Hold timer", "0:20")
    page.get_by_role("button", name="End session").click()
    expect(page.locator("#gg-session-title")).to_have_text("Session finished")
    page.get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button", name="Save").click()
    # Ended before anything was finished: the pain is kept, no exercise is counted as done.
    expect(page.locator("#gg-plan-log li").first).to_have_text(
        "Friday 4 December: No exercise finished. Pain 2 out of 10."
    )
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Close without saving").click()
    expect(page.get_by_role("button", name="Start session")).to_be_focused()
    expect(page.locator("#gg-plan-log li").first).to_contain_text("Pain 2 out of 10")


def test_the_session_code_comes_only_when_a_session_starts(patient: Page, base_url: str) -> None:
    page = patient
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(base_url + PROGRAMME)
    expect(page.locator(".gg-plan-item")).to_have_count(3)
    assert not [url for url in scripts if url.endswith("/session.js")]
    page.get_by_role("button", name="Start session").click()
    expect(page.locator("#gg-session")).to_be_visible()
    assert [url for url in scripts if url.endswith("/javascripts/session.js")]


def settled_axe(page: Page, axe_script: str) -> list[str]:
    # Material's buttons fade to their focus colours over 125 ms of real time (Playwright's clock
    # does not move CSS transitions): a check in the middle of one sees colours no state has.
    sleep(0.3)
    return axe_violations(page, axe_script)


def press(page: Page, base_url: str, button: str) -> None:
    """The programme opened, and one of its page's buttons pressed from the keyboard."""
    page.goto(base_url + PROGRAMME)
    expect(page.locator(".gg-plan-item")).to_have_count(3)
    page.get_by_role("button", name=button).focus()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("patient", [True], indirect=True)
def test_every_state_of_a_session_passes_axe_and_works_by_keyboard(
    patient: Page, base_url: str, axe_script: str
) -> None:
    page = patient
    press(page, base_url, "Start session")
    heading = page.get_by_role("heading", level=2, name="Lying figure-4 stretch")
    expect(heading).to_be_focused()
    assert settled_axe(page, axe_script) == [], "getting ready"

    def tab_to(name: str) -> None:
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == name:
                return
        raise AssertionError(f"{name} is not reached by Tab")

    tab_to("Next")
    page.keyboard.press("Enter")
    shows(page, "Hold 1 of 2", "Hold timer", "0:20")
    assert settled_axe(page, axe_script) == [], "a hold"
    page.clock.run_for(20_000)
    shows(page, "Rest", "Rest timer", "0:05")
    assert settled_axe(page, axe_script) == [], "a rest"
    page.keyboard.press("Shift+Tab")  # Back, Pause, Next: from Next, back to Pause
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Resume")).to_be_focused()
    assert settled_axe(page, axe_script) == [], "paused"
    tab_to("End session")
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name="0", exact=True)).to_be_focused()
    assert settled_axe(page, axe_script) == [], "how it went"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="2", exact=True)).to_be_checked()
    tab_to("Save")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your last 7 days")).to_be_focused()
    assert settled_axe(page, axe_script) == [], "saved"
    # Nothing of the session is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_session_fits_the_first_screen_of_a_phone(patient: Page, base_url: str) -> None:
    page = patient
    page.set_viewport_size({"width": 360, "height": 740})
    start(page, base_url)
    page.get_by_role("button", name="Next").click()
    for name in ("Hold timer",):
        box = page.get_by_role("timer", name=name).bounding_box()
        assert box and box["y"] + box["height"] <= 740
    for button in ("Back", "Pause", "Next", "End session"):
        box = page.get_by_role("button", name=button).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 740, button


def reminders(page: Page, at: str) -> icalendar.Calendar:
    page.get_by_label("Reminder time").fill(at)
    with page.expect_download() as download:
        page.get_by_role("button", name="Add reminders to my calendar").click()
    assert download.value.suggested_filename == "glute-guide-reminders.ics"
    path = download.value.path()
    return icalendar.Calendar.from_ical(path.read_bytes())


@pytest.mark.parametrize(
    ("link", "rule"),
    [
        # A stretch "2 or 3 times a day" and more: the reminders come every day.
        (PROGRAMME, {"FREQ": ["DAILY"]}),
        # Strength "3 times a week, with a rest day in between": three days of the week.
        (
            f"/plan/#v=2&x={plan_code('hip-thrust')}.{plan_code('banded-bridge')}",
            {"FREQ": ["WEEKLY"], "BYDAY": ["MO", "WE", "FR"]},
        ),
        # The link's own "how often" (o7: once a week) is what the reminders follow.
        (f"/plan/#v=2&x={BRIDGE}o7", {"FREQ": ["WEEKLY"], "BYDAY": ["MO"]}),
    ],
)
def test_reminders_follow_how_often_at_the_time_chosen(
    patient: Page, base_url: str, link: str, rule: dict[str, list[str]]
) -> None:
    page = patient
    page.goto(base_url + link)
    expect(page.locator(".gg-plan-item")).to_have_count(len(link.split("x=")[1].split(".")))
    calendar = reminders(page, "07:30")
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    start_at = event.decoded("DTSTART")
    assert start_at.date().isoformat() == "2026-12-04"
    assert start_at.time() == time(7, 30)
    assert start_at.tzinfo is None, "a floating time: 07:30 wherever the patient is"
    repeat = {key: [str(value) for value in values] for key, values in event["RRULE"].items()}
    assert repeat == rule
    assert str(event["URL"]) == page.url
    assert page.url in str(event["DESCRIPTION"])
    assert calendar.walk("VALARM"), "the calendar is asked to remind"


def saved_session(page: Page, base_url: str, pain: str) -> None:
    """A whole session of PROGRAMME, run through by the clock and saved with this pain."""
    start(page, base_url)
    for _ in range(40):
        if page.locator("#gg-session-end").is_visible():
            break
        if page.get_by_role("timer").count():
            page.clock.run_for(60_000)
        else:
            page.get_by_role("button", name="Next").click()
    page.get_by_role("radio", name=pain, exact=True).check()
    page.get_by_role("radio", name="Too hard").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#gg-session")).to_be_hidden()


def test_progress_reaches_the_clinician_in_a_link_and_prints_on_one_sheet(
    patient: Page, browser: Browser, base_url: str
) -> None:
    page = patient
    saved_session(page, base_url, "6")
    page.clock.fast_forward("48:00:00")  # two days later, another session
    page.reload()
    saved_session(page, base_url, "3")
    page.get_by_role("button", name="Share progress").click()
    field = page.get_by_label("Progress link", exact=True)
    expect(field).to_have_value(re.compile(r"/progress/#v=2&x=.*&pv=1&r="))
    expect(field).to_have_attribute("readonly", "")
    expect(
        page.get_by_role("img", name="QR code for the progress link").locator("svg")
    ).to_be_visible()
    link = field.input_value()
    assert "Private" not in link

    # Another browser, with none of the patient's storage: the clinician's.
    clinician = browser.new_context(viewport={"width": 1024, "height": 800})
    try:
        other = clinician.new_page()
        other.clock.install(time=datetime(2026, 12, 7, 14, 0))  # the review, a day later
        asked: list[str] = []
        other.on("request", lambda request: asked.append(request.url))
        other.goto(link)
        expect(other.locator("#gg-progress-period")).to_have_text(
            "Sessions saved on 2 days, from 4 December 2026 to 6 December 2026."
        )
        expect(other.locator("#gg-progress-exercises li")).to_have_text(
            [f"{title}: done on 2 of the 2 days saved." for title in TITLES]
        )
        # The grid: a row a day, newest first; its exercises' columns by their numbers.
        expect(other.locator("#gg-progress-days thead th")).to_have_text(
            ["Day", "Pain", "How hard", "1", "2", "3"]
        )
        rows = other.locator("#gg-progress-days tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.first.locator("th, td")).to_have_text(
            ["Sun 6 Dec", "3", "Too hard", "✓", "✓", "✓"]
        )
        expect(rows.nth(1).locator("th, td")).to_have_text(
            ["Fri 4 Dec", "6", "Too hard", "✓", "✓", "✓"]
        )
        hosts = {urllib.parse.urlsplit(url).netloc for url in asked}
        assert hosts == {urllib.parse.urlsplit(base_url).netloc}, hosts
        other.emulate_media(media="print")
        assert pdf_pages(other.pdf(format="A4")) == 1
        # A link changed by hand is not read: the page says the link could not be read.
        other.goto(link.replace("p3", "p11"))
        expect(other.locator(".gg-progress-message")).to_be_visible()
        expect(other.locator("#gg-progress")).to_be_hidden()
    finally:
        clinician.close()


def test_the_progress_page_passes_axe_and_fits_a_phone(
    browser: Browser, base_url: str, axe_script: str
) -> None:
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    try:
        page = context.new_page()
        page.clock.install(time=datetime(2026, 12, 7, 9, 0))
        page.goto(f"{base_url}/progress/#v=2&x={STRETCH}.{BRIDGE}&pv=1&r=202612063p4r.202612041p7")
        expect(page.locator("#gg-progress-days tbody tr")).to_have_count(2)
        assert settled_axe(page, axe_script) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


@pytest.mark.parametrize("patient", [True], indirect=True)
def test_sharing_progress_and_reminders_pass_axe_and_work_by_keyboard(
    patient: Page, base_url: str, axe_script: str
) -> None:
    page = patient
    press(page, base_url, "Share progress")
    field = page.get_by_label("Progress link", exact=True)
    expect(field).to_be_focused()
    expect(field).to_have_value(re.compile(r"&pv=1&r=$"))  # nothing saved yet: no days
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Copy link")).to_be_focused()
    reminder = page.get_by_label("Reminder time")
    reminder.fill("07:15")  # the browser's own time field, in the reader's own clock
    reminder.focus()
    add = page.get_by_role("button", name="Add reminders to my calendar")
    for _ in range(4):  # past the field's own parts (hours, minutes, AM or PM), then the button
        page.keyboard.press("Tab")
        if add.evaluate("(button) => button === document.activeElement"):
            break
    expect(add).to_be_focused()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "glute-guide-reminders.ics"
    assert settled_axe(page, axe_script) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_four_weeks_of_eight_exercises_print_on_one_sheet(browser: Browser, base_url: str) -> None:
    # The most a progress link carries: 28 days, here of a programme of eight, each day with
    # every exercise done (mask 255, "73" in base 36), pain 0 to 10 and an effort.
    names = [
        "lying-figure-4-stretch", "glute-bridge", "heat-application", "clamshell",
        "bird-dog", "pelvic-tilt", "cold-application", "hip-thrust",
    ]  # fmt: skip
    days = [
        f"{(datetime(2026, 12, 4) - timedelta(days=back)):%Y%m%d}73p{back % 11}r"
        for back in range(28)
    ]
    x = ".".join(plan_code(name) for name in names)
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.clock.install(time=datetime(2026, 12, 5, 9, 0))
        page.goto(f"{base_url}/progress/#v=2&x={x}&pv=1&r={'.'.join(days)}")
        expect(page.locator("#gg-progress-days tbody tr")).to_have_count(28)
        expect(page.locator("#gg-progress-days tbody tr").first.locator("td")).to_have_count(10)
        # On a phone the grid scrolls inside its box; the page itself does not go sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.emulate_media(media="print")
        assert pdf_pages(page.pdf(format="A4")) == 1
    finally:
        context.close()
