// Unit tests for docs/javascripts/progress.js: the progress link a patient shares, written from
// their saved days and read back against its strict pattern. Run by tests/test_javascript.py
// with Node's own test runner.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { MAX_DAYS, writeDays, progressFragment, readDays, daysPerExercise } = require(
  "../../docs/javascripts/progress.js"
);
const { lastDays } = require("../../docs/javascripts/plan.js");

const TODAY = new Date(2026, 11, 4, 10);
const CODES = ["t5c0", "he3x", "5n5o"];

function record(done, pain, effort) {
  return { done: done, pain: pain, effort: effort || "" };
}

test("each day saved is written as its date, the exercises done, the pain and the effort", () => {
  const log = {
    "2026-12-04": record(["t5c0", "5n5o"], 4, "right"),
    "2026-12-02": record(["he3x"], 10, "hard"),
    "2026-11-30": record([], 0, ""),
  };
  assert.strictEqual(
    writeDays(lastDays(log, TODAY, 28), CODES),
    "202612045p4r.202612022p10h.202611300p0"
  );
});

test("a progress link keeps the programme's exercises and none of its words", () => {
  const fragment = progressFragment(
    "#v=2&x=t5c0s2.he3x.5n5om1&n=Private+note&c=Dr+X&d=20261201",
    lastDays({ "2026-12-04": record(["he3x"], 3, "easy") }, TODAY, 28),
    CODES
  );
  assert.strictEqual(fragment, "#v=2&x=t5c0s2.he3x.5n5om1&pv=1&r=202612042p3e");
});

test("a progress link reads back to the days it was written from", () => {
  const log = {
    "2026-12-04": record(["t5c0", "5n5o"], 4, "right"),
    "2026-12-01": record(["he3x"], 7, ""),
  };
  const fragment = progressFragment("#v=2&x=t5c0.he3x.5n5o", lastDays(log, TODAY, 28), CODES);
  assert.deepStrictEqual(readDays(fragment, 3, TODAY), [
    { day: "20261204", done: [0, 2], pain: 4, effort: "right" },
    { day: "20261201", done: [1], pain: 7, effort: "" },
  ]);
  assert.deepStrictEqual(readDays("#v=2&x=t5c0&pv=1&r=", 1, TODAY), [], "no day saved yet");
});

test("a link carries the last 4 weeks at most", () => {
  const log = {};
  for (let back = 0; back < 40; back++) {
    const day = new Date(2026, 11, 4 - back);
    const key = [day.getFullYear(), String(day.getMonth() + 1).padStart(2, "0"), String(day.getDate()).padStart(2, "0")].join("-");
    log[key] = record(["he3x"], back % 11, "");
  }
  const written = writeDays(lastDays(log, TODAY, 60), CODES).split(".");
  assert.strictEqual(written.length, MAX_DAYS);
  assert.strictEqual(written[0].slice(0, 8), "20261204");
  const tooMany = "#pv=1&r=" + writeDays(lastDays(log, TODAY, 28), CODES) + ".202611012p1";
  assert.strictEqual(readDays(tooMany, 3, TODAY), null);
});

test("anything but a progress link as written is refused whole", () => {
  const read = (r, count) => readDays("#v=2&x=t5c0.he3x&pv=1&r=" + r, count || 2, TODAY);
  assert.notStrictEqual(read("202612041p3"), null);
  [
    "202612041p11", // pain past 10
    "202612041p-1",
    "202612041p3x", // an effort that is none of e, r, h
    "202612044p3", // an exercise the programme does not have (bit 2 of 2)
    "20261304" + "1p3", // no 13th month
    "202602301p3", // no 30 February
    "202612061p3", // after tomorrow
    "202612031p3.202612041p3", // oldest first
    "202612041p3.202612041p2", // a day twice
    "202612041p3.", // an empty day
    "2026120410p3e<script>",
    "202612041P3",
  ].forEach((bad) => assert.strictEqual(read(bad), null, bad));
  assert.strictEqual(readDays("#v=2&x=t5c0&pv=2&r=202612041p3", 1, TODAY), null, "another version");
  assert.strictEqual(readDays("#v=2&x=t5c0", 1, TODAY), null, "no days at all");
  assert.deepStrictEqual(read("202612051p3"), [{ day: "20261205", done: [0], pain: 3, effort: "" }],
    "tomorrow is a day already where the link was made");
});

test("per exercise, the days it was done on, newest first", () => {
  const days = readDays("#pv=1&r=202612045p4.202612022p1.202612017p0", 3, TODAY);
  assert.deepStrictEqual(daysPerExercise(days, 3), [
    ["20261204", "20261201"],
    ["20261202", "20261201"],
    ["20261204", "20261201"],
  ]);
});
