// Unit tests for docs/javascripts/plan.js: how a programme link's fragment is read back on the
// patient's page, and written by the builder. Run by tests/test_javascript.py with Node's own
// test runner. The link format is described in generator/pages/prescribe.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { clamp, parseLink, linkFragment, longDate } = require("../../docs/javascripts/plan.js");

// The page's data as plan_data (generator/pages/prescribe.py) writes it, with two exercises: a
// glute bridge (he3x, once called old-bridge: xbu8) and a one-sided clamshell (knfh).
const data = {
  version: 1,
  codes: { he3x: "he3x", xbu8: "he3x", knfh: "knfh" },
  howOften: [
    "as its page says",
    "once a day",
    "twice a day",
    "3 times a day",
    "every other day",
    "3 times a week",
    "twice a week",
    "once a week",
  ],
  limits: { s: 10, r: 50, h: 300, m: 60 },
  noteLength: 300,
  clinicianLength: 100,
};

// regions.js knows these places; anything else is no place.
function knownRegion(key) {
  return ["uk", "ie"].indexOf(key) !== -1 ? key : "";
}

function read(fragment) {
  return parseLink(fragment, data, knownRegion);
}

function entry(code, values, often, side) {
  return { code: code, values: values, often: often || 0, side: side || "" };
}

test("a whole link is read back: exercises in order, doses, how often, side and the rest", () => {
  const fragment =
    "#v=1&x=knfhs2r15R.he3xs3r12h5o2&d=20250303&n=Slowly%2C+please&c=Dr+A+N%C3%A9e&g=ie";
  assert.deepStrictEqual(read(fragment), {
    entries: [entry("knfh", { s: 2, r: 15 }, 0, "R"), entry("he3x", { s: 3, r: 12, h: 5 }, 2)],
    missing: 0,
    note: "Slowly, please",
    clinician: "Dr A Née",
    date: "20250303",
    region: "ie",
  });
});

test("the fragment is read with or without its #", () => {
  assert.deepStrictEqual(read("v=1&x=he3xm20"), read("#v=1&x=he3xm20"));
  assert.deepStrictEqual(read("v=1&x=he3xm20").entries, [entry("he3x", { m: 20 })]);
});

test("a link of another format version, or of none, is not read", () => {
  assert.strictEqual(read("#v=2&x=he3x"), null);
  assert.strictEqual(read("#v=01&x=he3x"), null);
  assert.strictEqual(read("#v=&x=he3x"), null);
  assert.strictEqual(read("#x=he3x"), null);
  assert.strictEqual(read(""), null);
});

test("a link that names no exercise is not read", () => {
  assert.strictEqual(read("#v=1"), null);
  assert.strictEqual(read("#v=1&x="), null);
  assert.strictEqual(read("#v=1&n=hello"), null);
});

test("one malformed entry spoils the whole link", () => {
  const broken = [
    "he3x.KNFH", // codes are lower case
    "he3x.knf", // and four characters long
    "he3x.knfh5",
    "he3x..knfh", // an empty entry
    "he3x.knfh.",
    "he3xs", // a letter without its number
    "he3xs1234", // at most three digits
    "he3xs-1",
    "he3xx3", // no such letter
    "he3xo123", // how often has at most two digits
    "he3xo2s3", // dose, then how often, then side: in that order
    "he3xRs3",
    "he3xLR", // one side at most
    "he3xl",
    "he3x knfh",
    "he3x%00",
  ];
  for (const x of broken) {
    assert.strictEqual(read("#v=1&x=" + x), null, x);
  }
});

test("at most 30 entries: a longer link is not read at all", () => {
  const others = Array.from({ length: 29 }, (_, i) => "u" + String(i).padStart(3, "0"));
  const thirty = read("#v=1&x=" + ["he3x"].concat(others).join("."));
  assert.deepStrictEqual(thirty.entries, [entry("he3x", {})]);
  assert.strictEqual(thirty.missing, 29);
  assert.strictEqual(read("#v=1&x=" + ["he3x", "knfh"].concat(others).join(".")), null);
});

test("an exercise no longer on the site is counted, not shown", () => {
  const plan = read("#v=1&x=zzzzs3.he3x.y0y0R");
  assert.deepStrictEqual(plan.entries, [entry("he3x", {})]);
  assert.strictEqual(plan.missing, 2);
  // A link whose every exercise is gone is still read: the page says they are gone.
  assert.deepStrictEqual(read("#v=1&x=zzzz"), {
    entries: [],
    missing: 1,
    note: "",
    clinician: "",
    date: "",
    region: "",
  });
});

test("a former code opens the exercise it names now, and an exercise is shown once", () => {
  assert.deepStrictEqual(read("#v=1&x=xbu8s2").entries, [entry("he3x", { s: 2 })]);
  assert.deepStrictEqual(read("#v=1&x=xbu8s2.he3xs5.knfh.he3x").entries, [
    entry("he3x", { s: 2 }),
    entry("knfh", {}),
  ]);
});

test("every number is held to the link format's limits", () => {
  assert.deepStrictEqual(read("#v=1&x=he3xs999r999h999m999").entries[0].values, {
    s: 10,
    r: 50,
    h: 300,
    m: 60,
  });
  assert.deepStrictEqual(read("#v=1&x=he3xs0r000h10m060").entries[0].values, {
    s: 1,
    r: 1,
    h: 10,
    m: 60,
  });
  // A letter given twice: the last one counts.
  assert.deepStrictEqual(read("#v=1&x=he3xs3s4").entries[0].values, { s: 4 });
});

test("how often is one of the listed choices, else the exercise's own", () => {
  const often = (o) => read("#v=1&x=he3x" + o).entries[0].often;
  assert.strictEqual(often(""), 0);
  assert.strictEqual(often("o0"), 0);
  assert.strictEqual(often("o7"), 7);
  assert.strictEqual(often("o07"), 7);
  assert.strictEqual(often("o8"), 0);
  assert.strictEqual(often("o99"), 0);
});

test("the side is read as written, left or right or both", () => {
  assert.strictEqual(read("#v=1&x=knfhs2L").entries[0].side, "L");
  assert.strictEqual(read("#v=1&x=knfho3R").entries[0].side, "R");
  assert.strictEqual(read("#v=1&x=knfh").entries[0].side, "");
});

test("the note and the clinician's name are cut to their lengths", () => {
  const long = "é".repeat(1000);
  const plan = read("#v=1&x=he3x&n=" + encodeURIComponent(long) + "&c=" + encodeURIComponent(long));
  assert.strictEqual(plan.note, "é".repeat(300));
  assert.strictEqual(plan.clinician, "é".repeat(100));
  // They are text: markup in them arrives as it was typed, to be inserted as text.
  assert.strictEqual(read("#v=1&x=he3x&n=%3Cb%3Ehi%3C%2Fb%3E").note, "<b>hi</b>");
});

test("a date is eight digits or none", () => {
  const date = (d) => read("#v=1&x=he3x&d=" + d).date;
  assert.strictEqual(date("20250303"), "20250303");
  assert.strictEqual(date("2025-03-03"), "");
  assert.strictEqual(date("2025033"), "");
  assert.strictEqual(date("202503031"), "");
  assert.strictEqual(date("2025O303"), "");
  // Digits of another script are not read as 0 to 9.
  assert.strictEqual(date(encodeURIComponent("２０２５０３０３")), "");
});

test("the region is kept only when the page's emergency data knows it", () => {
  const asked = [];
  const ask = (key) => {
    asked.push(key);
    return knownRegion(key);
  };
  assert.strictEqual(parseLink("#v=1&x=he3x&g=uk", data, ask).region, "uk");
  assert.strictEqual(parseLink("#v=1&x=he3x&g=xx", data, ask).region, "");
  assert.strictEqual(parseLink("#v=1&x=he3x", data, ask).region, "");
  assert.deepStrictEqual(asked, ["uk", "xx", ""]);
});

test("a field given twice is read from its first", () => {
  assert.strictEqual(read("#v=1&v=2&x=he3x").entries.length, 1);
  assert.deepStrictEqual(read("#v=1&x=knfh&x=he3x").entries, [entry("knfh", {})]);
});

test("an oversized fragment is read, or refused, at once", { timeout: 2000 }, () => {
  // One entry with a very long dose: read, each letter held to its limit.
  assert.deepStrictEqual(read("#v=1&x=he3x" + "s9r99".repeat(50000)).entries[0].values, {
    s: 9,
    r: 50,
  });
  // The same with one wrong character at its end fails without the pattern backtracking for ever.
  assert.strictEqual(read("#v=1&x=he3x" + "s9r99".repeat(50000) + "!"), null);
  assert.strictEqual(read("#v=1&x=" + "he3x.".repeat(50000) + "he3x"), null);
  const note = read("#v=1&x=he3x&n=" + "a".repeat(1000000));
  assert.strictEqual(note.note.length, 300);
});

test("the builder writes a link the patient's page reads back as it was", () => {
  const plan = {
    entries: [entry("knfh", { m: 5, s: 2 }, 0, "L"), entry("he3x", { r: 12, h: 30 }, 5)],
    missing: 0,
    note: "Stop if it hurts & call me",
    clinician: "Sam",
    date: "20250303",
    region: "uk",
  };
  const fragment = linkFragment(plan, 1);
  assert.strictEqual(
    fragment,
    "#v=1&x=knfhs2m5L.he3xr12h30o5&d=20250303&n=Stop+if+it+hurts+%26+call+me&c=Sam&g=uk"
  );
  assert.deepStrictEqual(read(fragment), plan);
});

test("the builder leaves out what is empty", () => {
  const plan = { entries: [entry("he3x", {})], note: "", clinician: "", date: "", region: "" };
  assert.strictEqual(linkFragment(plan, 1), "#v=1&x=he3x");
  assert.strictEqual(linkFragment(plan, 7), "#v=7&x=he3x");
});

test("a typed number is a whole number from 1 to the limit", () => {
  assert.strictEqual(clamp("7", 10), 7);
  assert.strictEqual(clamp("70", 10), 10);
  assert.strictEqual(clamp("3.9", 10), 3);
  assert.strictEqual(clamp("0", 10), 1);
  assert.strictEqual(clamp("-5", 10), 1);
  assert.strictEqual(clamp("", 10), 1);
  assert.strictEqual(clamp("many", 10), 1);
});

test("a link's date is shown in words", () => {
  assert.strictEqual(longDate("20250303"), "3 March 2025");
  assert.strictEqual(longDate("20241231"), "31 December 2024");
});
