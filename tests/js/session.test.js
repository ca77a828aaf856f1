// Unit tests for docs/javascripts/session.js: a guided session's phases and its clock (a fake
// one: every time is a number given to the functions), and the reminders' calendar file. Run by
// tests/test_javascript.py with Node's own test runner.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const {
  RELAX_SECONDS,
  sessionPhases,
  begin,
  remaining,
  advance,
  pause,
  resume,
  goTo,
  countdown,
  clockFace,
  finished,
  repeatRule,
  icsEscape,
  fold,
  icsText,
  addRecord,
} = require("../../docs/javascripts/session.js");

const STEPS = [
  { both: "Cross your ankle over your knee.", one: "Cross your {side} ankle over your other knee." },
  { both: "Draw your thigh in and hold.", one: "Draw your thigh in and hold the {side} side." },
];
const DRAWINGS = [
  { src: "exercises/a/drawing-1.svg", alt: "Lying down", step: 0 },
  { src: "exercises/a/drawing-2.svg", alt: "Thigh drawn in", step: 2 },
];

function item(numbers, extra) {
  return Object.assign(
    {
      code: "abcd",
      title: "Stretch",
      numbers: numbers,
      perSide: false,
      side: "",
      restSeconds: 0,
      startPosition: "Lie on your back.",
      steps: STEPS,
      drawings: DRAWINGS,
    },
    extra || {}
  );
}

function kinds(phases) {
  return phases.map((phase) => phase.kind + (phase.ms ? phase.ms / 1000 : ""));
}

test("a stretch done on each side: its holds, a short relax between them, then the other side", () => {
  const phases = sessionPhases([item({ s: 3, h: 30 }, { perSide: true })]);
  assert.deepStrictEqual(kinds(phases), [
    "ready", "hold30", "rest" + RELAX_SECONDS, "hold30", "rest" + RELAX_SECONDS, "hold30",
    "ready", "hold30", "rest" + RELAX_SECONDS, "hold30", "rest" + RELAX_SECONDS, "hold30",
    "done",
  ]);
  assert.strictEqual(phases[0].words, "Stretch. Left side. Get into the starting position.");
  assert.strictEqual(phases[1].label, "Hold 1 of 3");
  assert.strictEqual(phases[1].words, "Hold 1 of 3. 30 seconds.");
  assert.strictEqual(phases[2].words, "Rest 5 seconds. Next: hold 2 of 3.");
  assert.strictEqual(phases[6].words, "Right side. Get ready.");
  // The held position's drawing and its own step, in the side's words; the start for resting.
  assert.strictEqual(phases[1].drawing.alt, "Thigh drawn in");
  assert.strictEqual(phases[1].step, "Draw your thigh in and hold the left side.");
  assert.strictEqual(phases[7].step, "Draw your thigh in and hold the right side.");
  assert.strictEqual(phases[2].drawing.alt, "Lying down");
  assert.strictEqual(phases[0].step, "Lie on your back.");
  assert.strictEqual(phases[12].words, "Session finished. Well done.");
});

test("a programme of one side only does that side alone", () => {
  const phases = sessionPhases([item({ s: 1, h: 20 }, { perSide: true, side: "R" })]);
  assert.deepStrictEqual(kinds(phases), ["ready", "hold20", "done"]);
  assert.strictEqual(phases[0].words, "Stretch. Right side. Get into the starting position.");
});

test("held reps: a timer for each hold, a relax between reps, and the dose's rest between sets", () => {
  const phases = sessionPhases([item({ s: 2, r: 3, h: 3 }, { title: "Bridge", restSeconds: 30 })]);
  assert.deepStrictEqual(kinds(phases), [
    "ready", "hold3", "rest5", "hold3", "rest5", "hold3", "rest30",
    "hold3", "rest5", "hold3", "rest5", "hold3", "done",
  ]);
  assert.strictEqual(phases[1].label, "Set 1 of 2 · Rep 1 of 3");
  assert.strictEqual(phases[1].words, "Set 1 of 2. Rep 1 of 3. Hold.");
  assert.strictEqual(phases[3].words, "Rep 2 of 3. Hold.");
  assert.strictEqual(phases[2].words, "Relax.");
  assert.strictEqual(phases[6].words, "Rest 30 seconds. Next: set 2 of 2.");
  assert.strictEqual(phases[7].words, "Set 2 of 2. Rep 1 of 3. Hold.");
  assert.strictEqual(phases[11].label, "Set 2 of 2 · Rep 3 of 3");
});

test("reps with no hold: one step a set, ended by Next; one set says no set", () => {
  const two = sessionPhases([item({ s: 2, r: 10 }, { restSeconds: 60 })]);
  assert.deepStrictEqual(kinds(two), ["ready", "work", "rest60", "work", "done"]);
  assert.strictEqual(two[1].label, "Set 1 of 2 · 10 reps");
  assert.strictEqual(two[1].words, "Set 1 of 2. 10 reps. Press Next when you are done.");
  const one = sessionPhases([item({ r: 8 })]);
  assert.strictEqual(one[1].label, "8 reps");
  assert.strictEqual(one[1].words, "8 reps. Press Next when you are done.");
});

test("a timed technique counts its minutes, once on each side where it is done on both", () => {
  assert.deepStrictEqual(kinds(sessionPhases([item({ m: 15 })])), ["ready", "timed900", "done"]);
  const sided = sessionPhases([item({ m: 2 }, { perSide: true })]);
  assert.deepStrictEqual(kinds(sided), ["ready", "timed120", "ready", "timed120", "done"]);
  assert.strictEqual(sided[1].words, "2 minutes, starting now.");
});

test("the phases of a programme follow its order, each marked with its exercise", () => {
  const phases = sessionPhases([item({ s: 1, h: 20 }), item({ m: 1 }, { title: "Heat" })]);
  assert.deepStrictEqual(phases.map((phase) => phase.exercise), [0, 0, 1, 1, -1]);
  assert.strictEqual(phases[2].words, "Heat. Get into the starting position.");
});

test("the clock: a timed phase ends by the time passed, a step waits for Next", () => {
  const phases = sessionPhases([item({ s: 2, h: 30 }, { restSeconds: 10 })]);
  let state = begin(1000);
  assert.deepStrictEqual(advance(state, phases, 999999).state, state, "getting ready waits");
  state = goTo(state, phases, 1, 5000);
  assert.strictEqual(remaining(state, phases, 5000), 30000);
  assert.strictEqual(remaining(state, phases, 17000), 18000);
  let moved = advance(state, phases, 34999);
  assert.strictEqual(moved.state.index, 1);
  moved = advance(state, phases, 35000);
  assert.deepStrictEqual(moved.ended, [1]);
  assert.strictEqual(moved.state.index, 2);
  assert.strictEqual(remaining(moved.state, phases, 35000), 10000);
});

test("a page that slept comes back where the clock says, past every phase it slept through", () => {
  const phases = sessionPhases([item({ s: 3, h: 30 }, { restSeconds: 10 })]);
  const state = goTo(begin(0), phases, 1, 0);
  // 30 + 10 + 30 = 70 s later, 5 s into the second rest
  const moved = advance(state, phases, 75000);
  assert.deepStrictEqual(moved.ended, [1, 2, 3]);
  assert.strictEqual(moved.state.index, 4);
  assert.strictEqual(remaining(moved.state, phases, 75000), 5000);
  // ... and never past the end
  const end = advance(state, phases, 10 * 3600 * 1000);
  assert.strictEqual(phases[end.state.index].kind, "done");
});

test("a pause stops the clock, however long it lasts; resuming goes on from there", () => {
  const phases = sessionPhases([item({ s: 1, h: 30 })]);
  let state = goTo(begin(0), phases, 1, 0);
  state = pause(state, 12000);
  assert.strictEqual(remaining(state, phases, 12000), 18000);
  assert.strictEqual(advance(state, phases, 3600 * 1000).state.index, 1);
  assert.strictEqual(remaining(state, phases, 3600 * 1000), 18000);
  assert.deepStrictEqual(pause(state, 99999), state, "pausing twice changes nothing");
  state = resume(state, 3600 * 1000);
  assert.strictEqual(remaining(state, phases, 3600 * 1000 + 8000), 10000);
  assert.deepStrictEqual(resume(state, 1), state, "resuming a running session changes nothing");
});

test("Back and Next start a phase afresh, within the session; a paused one stays paused", () => {
  const phases = sessionPhases([item({ s: 2, h: 30 })]);
  let state = goTo(begin(0), phases, 1, 0);
  state = goTo(state, phases, -5, 7000);
  assert.deepStrictEqual(state, { index: 0, start: 7000, paused: null });
  state = goTo(state, phases, 99, 8000);
  assert.strictEqual(state.index, phases.length - 1);
  const paused = goTo(pause(goTo(state, phases, 1, 9000), 9500), phases, 2, 10000);
  assert.deepStrictEqual(paused, { index: 2, start: 10000, paused: 10000 });
});

test("the last three seconds of a long enough hold or rest are counted aloud", () => {
  const phases = sessionPhases([item({ s: 2, r: 2, h: 3 }, { restSeconds: 30 }), item({ m: 1 })]);
  const rest = phases.find((phase) => phase.ms === 30000);
  assert.deepStrictEqual([3000, 2500, 2000, 1000, 1, 0, 3001, 20000].map((left) => countdown(rest, left)),
    [3, 3, 2, 1, 1, null, null, null]);
  const shortHold = phases.find((phase) => phase.kind === "hold");
  assert.strictEqual(countdown(shortHold, 2000), null, "a 3-second hold is not counted down");
  const timed = phases.find((phase) => phase.kind === "timed");
  assert.strictEqual(countdown(timed, 2000), null);
});

test("a timer's face shows minutes and seconds, rounded up", () => {
  assert.deepStrictEqual([900000, 27000, 26001, 999, 0, 61000].map(clockFace),
    ["15:00", "0:27", "0:27", "0:01", "0:00", "1:01"]);
});

test("an exercise is finished once the session went past its every phase", () => {
  const phases = sessionPhases([item({ s: 1, h: 20 }), item({ m: 1 }), item({ r: 5 })]);
  assert.deepStrictEqual(finished(phases, 0), []);
  assert.deepStrictEqual(finished(phases, 1), []);
  assert.deepStrictEqual(finished(phases, 2), [0]);
  assert.deepStrictEqual(finished(phases, phases.length - 1), [0, 1, 2]);
});

test("reminders repeat daily for a programme done every day, else on spread weekdays", () => {
  assert.strictEqual(repeatRule(7), "FREQ=DAILY");
  assert.strictEqual(repeatRule(3), "FREQ=WEEKLY;BYDAY=MO,WE,FR");
  assert.strictEqual(repeatRule(2), "FREQ=WEEKLY;BYDAY=MO,TH");
  assert.strictEqual(repeatRule(1), "FREQ=WEEKLY;BYDAY=MO");
  assert.strictEqual(repeatRule(4), "FREQ=WEEKLY;BYDAY=MO,WE,FR,SU");
});

test("calendar text escapes what RFC 5545 gives a meaning to, and folds long lines", () => {
  assert.strictEqual(icsEscape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  const long = "DESCRIPTION:" + "é".repeat(80);
  const folded = fold(long);
  folded.split("\r\n").forEach((line, index) => {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, "line " + index + " is at most 75 octets");
    if (index) assert.strictEqual(line.charAt(0), " ");
  });
  assert.strictEqual(folded.split("\r\n").map((line, index) => (index ? line.slice(1) : line)).join(""), long);
  assert.strictEqual(fold("SHORT:x"), "SHORT:x");
});

test("the reminders' file: one repeating event at the patient's time, with the programme's link", () => {
  const text = icsText({
    day: new Date(2026, 11, 4),
    now: new Date(Date.UTC(2026, 11, 4, 9, 30, 5)),
    time: "07:45",
    days: 3,
    title: "your programme",
    link: "https://example.org/plan/#v=2&x=he3x",
    uid: "programme-he3x",
  });
  assert.ok(text.endsWith("\r\n"));
  const lines = text.split("\r\n");
  assert.strictEqual(lines[0], "BEGIN:VCALENDAR");
  assert.ok(lines.includes("DTSTART:20261204T074500"), "a floating time: the patient's own 07:45");
  assert.ok(lines.includes("DTEND:20261204T080500"));
  assert.ok(lines.includes("DTSTAMP:20261204T093005Z"));
  assert.ok(lines.includes("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR"));
  assert.ok(lines.includes("UID:programme-he3x@glute-guide"));
  assert.ok(lines.includes("URL:https://example.org/plan/#v=2&x=he3x"));
  assert.ok(lines.includes("SUMMARY:Home exercises: your programme"));
  assert.strictEqual(lines.filter((line) => line === "BEGIN:VEVENT").length, 1);
  const late = icsText({ day: new Date(2026, 11, 4), now: new Date(0), time: "23:50", days: 7, title: "x", link: "l", uid: "u" });
  assert.ok(late.includes("\r\nDURATION:PT20M\r\n"), "an event that would end after midnight has a duration");
  assert.ok(late.includes("\r\nRRULE:FREQ=DAILY\r\n"));
});

// --- What a session saves ---

test("a session saved on a day joins that day's: its exercises added, its answers the latest", () => {
  let log = addRecord({}, "2026-12-04", { done: ["he3x"], pain: 5, effort: "hard" }, "2026-09-03");
  log = addRecord(log, "2026-12-04", { done: ["knfh", "he3x"], pain: 2, effort: "" }, "2026-09-03");
  assert.deepStrictEqual(log, { "2026-12-04": { done: ["he3x", "knfh"], pain: 2, effort: "" } });
});

test("a log keeps the days from the oldest it is given, never a growing store", () => {
  const old = { "2026-08-01": { done: [], pain: 1, effort: "" }, "2026-09-10": { done: [], pain: 1, effort: "" } };
  const log = addRecord(old, "2026-12-04", { done: [], pain: 4, effort: "easy" }, "2026-09-03");
  assert.deepStrictEqual(Object.keys(log).sort(), ["2026-09-10", "2026-12-04"]);
});

