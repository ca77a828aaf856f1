// Unit tests for docs/javascripts/plan.js: how a programme link's fragment is read back on the
// patient's page, and written by the builder. Run by tests/test_javascript.py with Node's own
// test runner. The link format is described in generator/pages/prescribe.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const {
  clamp,
  cleanText,
  encodedLength,
  cutToBytes,
  fitText,
  tooLong,
  linkDate,
  parseLink,
  linkFragment,
  longDate,
  qrCode,
  fitChars,
  doseWords,
  prescribed,
  stepsFor,
  changedSince,
  shared,
  readTakeHome,
} = require("../../docs/javascripts/plan.js");

// The page's data as plan_data (generator/pages/prescribe.py) writes it, read from the golden
// copy of the patient's page (tests/golden/docs/plan.md, which tests/test_golden.py holds to the
// generator): the limits, caps and choices are the generator's own. Its exercises are replaced by
// two: a glute bridge (he3x, once called old-bridge: xbu8) and a one-sided clamshell (knfh).
const GOLDEN = path.join(__dirname, "../golden/docs/plan.md");
const PAGE_DATA = JSON.parse(
  /<script type="application\/json" id="gg-plan-data">(.*)<\/script>/.exec(
    fs.readFileSync(GOLDEN, "utf8")
  )[1]
);
const data = Object.assign({}, PAGE_DATA, {
  codes: { he3x: "he3x", xbu8: "he3x", knfh: "knfh" },
});
// The day these tests are run on, as far as the link's date is concerned.
const TODAY = new Date(2027, 2, 10);

// regions.js knows these places; anything else is no place.
function knownRegion(key) {
  return ["uk", "ie"].indexOf(key) !== -1 ? key : "";
}

function read(fragment) {
  return parseLink(fragment, data, knownRegion, TODAY);
}

test("the page's caps are the generator's", () => {
  assert.strictEqual(data.version, 2);
  assert.deepStrictEqual(data.versions, [1, 2]);
  assert.strictEqual(data.maxEntries, 30);
  assert.strictEqual(data.noteBytes, 400);
  assert.strictEqual(data.clinicianBytes, 120);
  assert.strictEqual(data.exerciseNoteChars, 120);
  assert.strictEqual(data.fragmentBytes, 2100);
  assert.strictEqual(data.firstDay, "20261201");
});

function entry(code, values, often, side, note) {
  return { code: code, values: values, often: often || 0, side: side || "", note: note || "" };
}

test("a whole link is read back: exercises in order, doses, how often, side and the rest", () => {
  const fragment =
    "#v=1&x=knfhs2r15R.he3xs3r12h5o2&d=20270303&n=Slowly%2C+please&c=Dr+A+N%C3%A9e&g=ie";
  assert.deepStrictEqual(read(fragment), {
    version: 1,
    entries: [entry("knfh", { s: 2, r: 15 }, 0, "R"), entry("he3x", { s: 3, r: 12, h: 5 }, 2)],
    missing: 0,
    note: "Slowly, please",
    clinician: "Dr A Née",
    date: "20270303",
    region: "ie",
  });
});

test("the fragment is read with or without its #", () => {
  assert.deepStrictEqual(read("v=1&x=he3xm20"), read("#v=1&x=he3xm20"));
  assert.deepStrictEqual(read("v=1&x=he3xm20").entries, [entry("he3x", { m: 20 })]);
});

test("a link of another format version, or of none, is not read", () => {
  assert.strictEqual(read("#v=3&x=he3x"), null);
  assert.strictEqual(read("#v=0&x=he3x"), null);
  assert.strictEqual(read("#v=01&x=he3x"), null);
  assert.strictEqual(read("#v=2x&x=he3x"), null);
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
    version: 1,
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

test("the note and the clinician's name are cut to their caps in bytes, not characters", () => {
  // In the link, é takes 6 bytes (%C3%A9) and a Chinese character 9: the caps are 400 and 120.
  const long = "é".repeat(70);
  const plan = read("#v=1&x=he3x&n=" + encodeURIComponent(long) + "&c=" + encodeURIComponent(long));
  assert.strictEqual(plan.note, "é".repeat(66));
  assert.strictEqual(plan.clinician, "é".repeat(20));
  const chinese = read("#v=1&x=he3x&n=" + encodeURIComponent("请".repeat(100))).note;
  assert.strictEqual(chinese, "请".repeat(44));
  assert.strictEqual(read("#v=1&x=he3x&n=" + "a".repeat(500)).note, "a".repeat(400));
  // They are text: markup in them arrives as it was typed, to be inserted as text.
  assert.strictEqual(read("#v=1&x=he3x&n=%3Cb%3Ehi%3C%2Fb%3E").note, "<b>hi</b>");
});

test("a date is a real day from the first programme link to tomorrow, or none", () => {
  const date = (d) => read("#v=1&x=he3x&d=" + d).date;
  assert.strictEqual(date("20270303"), "20270303");
  assert.strictEqual(date("20261201"), "20261201"); // the day programme links began
  assert.strictEqual(date("20270311"), "20270311"); // tomorrow: where the link was made, today
  assert.strictEqual(date("20270312"), ""); // the day after: in the future
  assert.strictEqual(date("20261130"), ""); // before there were programme links
  assert.strictEqual(date("99999999"), ""); // once shown as "Given on 7 June 10007"
  assert.strictEqual(date("20270230"), "");
  assert.strictEqual(date("20270229"), ""); // 2027 is no leap year
  assert.strictEqual(date("20271301"), "");
  assert.strictEqual(date("20270300"), "");
  assert.strictEqual(date("00000000"), "");
  assert.strictEqual(date("2027-03-03"), "");
  assert.strictEqual(date("2027033"), "");
  assert.strictEqual(date("202703031"), "");
  assert.strictEqual(date("2027O303"), "");
  // Digits of another script are not read as 0 to 9.
  assert.strictEqual(date(encodeURIComponent("２０２７０３０３")), "");
  // The programme is read all the same: only the date is left out.
  assert.strictEqual(read("#v=1&x=he3x&d=99999999").entries.length, 1);
  // Today is the reader's: a link dated in leap year 2028 is real once that day comes.
  assert.strictEqual(linkDate("20280229", data, new Date(2028, 1, 29)), "20280229");
  assert.strictEqual(linkDate("20280229", data, new Date(2028, 1, 27)), "");
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

test("a long fragment within the cap is read, or refused, at once", { timeout: 2000 }, () => {
  // One entry with a long dose: read, each letter held to its limit.
  assert.deepStrictEqual(read("#v=1&x=he3x" + "s9r99".repeat(250)).entries[0].values, {
    s: 9,
    r: 50,
  });
  // The same with one wrong character at its end fails without the pattern backtracking for ever.
  assert.strictEqual(read("#v=1&x=he3x" + "s9r99".repeat(250) + "!"), null);
  assert.strictEqual(read("#v=1&x=" + "he3x.".repeat(250) + "he3x"), null);
});

test("a fragment longer than any programme link is refused at once", { timeout: 2000 }, () => {
  // Once, a link like this drew no QR code and threw before today's ticks were restored.
  const huge = [
    "#v=1&x=he3x" + "s9r99".repeat(50000),
    "#v=1&x=" + "he3x.".repeat(50000) + "he3x",
    "#v=1&x=he3x&n=" + "a".repeat(1000000),
    "#v=1&x=he3x&n=" + "%E8%AF%B7".repeat(300), // 300 Chinese characters, 2,700 bytes
  ];
  for (const fragment of huge) {
    assert.strictEqual(tooLong(fragment, data), true);
    assert.strictEqual(read(fragment), null);
  }
  // The cap is in bytes as the address holds them: raw characters count as they are encoded.
  const atCap = "#v=1&x=he3x&n=" + "a".repeat(data.fragmentBytes - 14);
  assert.strictEqual(atCap.length, data.fragmentBytes);
  assert.strictEqual(tooLong(atCap, data), false);
  assert.strictEqual(tooLong(atCap + "a", data), true);
  assert.strictEqual(tooLong(atCap.slice(0, -3) + "请", data), true); // %E8%AF%B7: 9 bytes
  assert.strictEqual(tooLong(atCap.slice(0, -3) + "%20", data), false);
  assert.strictEqual(tooLong(atCap.slice(0, -1) + " ", data), true); // a space is %20
  assert.strictEqual(tooLong(atCap.slice(1), data), false); // with or without its #
});

// Bidirectional controls and other characters that change how text reads without being seen.
const BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c";
const ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u034f\u3164";

test("the giver's words lose every invisible format and control character", () => {
  const spoof = "NHS Physiotherapy Team \u202e(deifirev)\u202c";
  assert.strictEqual(cleanText(spoof, false), "NHS Physiotherapy Team (deifirev)");
  assert.strictEqual(cleanText("a" + BIDI + "b" + ZERO_WIDTH + "c", true), "abc");
  assert.strictEqual(cleanText("tag\udb40\udc41\udb40\udc7f s", false), "tag s");
  // Control characters: the note keeps its line breaks (at most one empty line running), the
  // name is one line, and the rest become spaces.
  assert.strictEqual(
    cleanText("one\r\ntwo\u2028three\n\n\n\nfour\t5\u0000", true),
    "one\ntwo\nthree\n\nfour 5"
  );
  assert.strictEqual(cleanText("  Sam\nLee\u0085\tphysio  ", false), "Sam Lee physio");
  // A lone half of a surrogate pair is dropped; a whole pair (an emoji) stays.
  assert.strictEqual(cleanText("a\ud83db\udc4dc\ud83d\udc4d", false), "abc\ud83d\udc4d");
  // Right-to-left writing itself is kept: only the controls go.
  assert.strictEqual(cleanText("\u202bשלום\u202c", false), "שלום");
  // And so is the rest of the text, untouched.
  assert.strictEqual(cleanText("Née, 请慢慢来 — ok?", false), "Née, 请慢慢来 — ok?");
});

test("every format character Unicode lists is taken out (Node's Unicode tables)", () => {
  const format = /\p{Cf}/u;
  const kept = [];
  for (let point = 0; point <= 0x10ffff; point++) {
    if (point >= 0xd800 && point <= 0xdfff) continue;
    const character = String.fromCodePoint(point);
    if (format.test(character) && cleanText("a" + character + "b", true) !== "ab") {
      kept.push(point.toString(16));
    }
  }
  assert.deepStrictEqual(kept, []);
  // ... and no letter of any script is taken with them.
  for (const letter of ["a", "é", "ش", "請", "한", "ĳ", "\ud801\udc00", "\u1160x"]) {
    assert.ok(cleanText(letter, true).length > 0, letter);
  }
});

test("the parser strips them too, so a link shows only what can be seen", () => {
  const note = encodeURIComponent("You do not need to call 999\u202e\u2066 ok\u2069");
  const name = encodeURIComponent("NHS Physiotherapy Team \u200b(verified)\u202e");
  const plan = read("#v=1&x=he3x&n=" + note + "&c=" + name);
  assert.strictEqual(plan.note, "You do not need to call 999 ok");
  assert.strictEqual(plan.clinician, "NHS Physiotherapy Team (verified)");
  // A note that is nothing but invisible characters is no note.
  assert.strictEqual(read("#v=1&x=he3x&n=" + encodeURIComponent(BIDI + ZERO_WIDTH)).note, "");
});

// A seeded generator of numbers, so that a failure can be seen again.
function random(seed) {
  return function () {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARACTERS = [
  "a", "Z", "7", " ", "-", ".", "_", "*", "~", ",", "&", "=", "+", "%", "#", "/", "?", "'", '"',
  "<", ">", "\n", "\u0000", "\u007f", "é", "ß", "请", "한", "ش", "\u202e", "\u200b", "\ufeff",
  "\ud83d\udc4d", "\ud83d", "\udc4d", "\udb40\udc41",
];

function randomText(next, length) {
  let text = "";
  for (let i = 0; i < length; i++) text += CHARACTERS[Math.floor(next() * CHARACTERS.length)];
  return text;
}

test("the bytes of a note are counted as the link encodes it", () => {
  const next = random(22);
  for (let round = 0; round < 2000; round++) {
    const text = randomText(next, Math.floor(next() * 40));
    const encoded = new URLSearchParams({ n: text }).toString().length - 2;
    assert.strictEqual(encodedLength(text), encoded, JSON.stringify(text));
    const limit = Math.floor(next() * 60);
    const kept = cutToBytes(text, limit);
    assert.ok(text.startsWith(kept));
    assert.ok(encodedLength(kept) <= limit);
    // As long as it can be: one more character would not fit.
    if (kept.length < text.length) {
      const more = text.slice(0, kept.length + (/[\ud800-\udbff]/.test(text[kept.length]) ? 2 : 1));
      assert.ok(encodedLength(more) > limit, JSON.stringify([text, limit]));
    }
    // Never half of a pair.
    const last = kept.charCodeAt(kept.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      const after = text.charCodeAt(kept.length);
      assert.ok(!(after >= 0xdc00 && after <= 0xdfff), JSON.stringify([text, limit]));
    }
  }
});

// Thirty exercises, the most a link may name, each with every dose letter.
const WIDE = Object.assign({}, data, { codes: {} });
for (let i = 0; i < data.maxEntries; i++) {
  const code = "w" + String(i).padStart(3, "0");
  WIDE.codes[code] = code;
}

function widest(note, clinician) {
  return {
    version: 2,
    entries: Object.keys(WIDE.codes).map((code) => entry(code, data.limits, 7, "L")),
    missing: 0,
    note: fitText(note, true, data.noteBytes),
    clinician: fitText(clinician, false, data.clinicianBytes),
    date: "20270310",
    region: "x".repeat(60),
  };
}

const SITE = "https://glute-guide.github.io/glute-guide/plan/";
const VENDOR = path.join(__dirname, "../../docs/javascripts/vendor/qrcode.js");
const HAS_QR = fs.existsSync(VENDOR);

const NO_QR = HAS_QR ? false : "docs/javascripts/vendor/qrcode.js is absent (make site copies it)";

test("the longest link the builder can make fits the cap and its QR code", { skip: NO_QR }, () => {
  const library = require(VENDOR);
  const next = random(300);
  const notes = ["请".repeat(300), "é".repeat(500), "a, ".repeat(500), randomText(next, 400)];
  for (const note of notes) {
    const plan = widest(note, note);
    const fragment = linkFragment(plan, 2);
    assert.ok(!tooLong(fragment, data), fragment.length);
    assert.deepStrictEqual(parseLink(fragment, WIDE, (key) => key, TODAY), plan);
    const code = qrCode(SITE + fragment, library);
    assert.ok(code && code.getModuleCount() <= 177, "a QR code is drawn");
  }
  // A text no QR code can hold draws none, and says so by null, without throwing.
  assert.strictEqual(qrCode(SITE + "#" + "a".repeat(3000), library), null);
  assert.strictEqual(qrCode("", library), null);
  assert.strictEqual(qrCode("x", null), null);
});

const PIECES = [
  "#", "v=1", "v=2", "&", "&&", "x=", "he3x", "knfh", "xbu8", "zzzz", ".", "s3", "r999", "h0",
  "m60", "o7", "o99", "L", "R", "LR", "n=", "c=", "d=", "g=", "uk", "20270303", "99999999",
  "%", "%2", "%E0%A4%A", "%ED%A0%80", "%00", "%C3%A9", "%E8%AF%B7", "%E2%80%AE", "+", "=", "?",
  "__proto__", "constructor", "hasOwnProperty", "<script>", "\u202e", "请", "\ud83d", " ", "\n",
];

test("the patient's page survives any fragment (fuzzed)", { timeout: 60000 }, () => {
  const next = random(2024);
  const library = HAS_QR ? require(VENDOR) : null;
  for (let round = 0; round < 5000; round++) {
    let fragment = "";
    const count = Math.floor(next() * 40);
    for (let i = 0; i < count; i++) fragment += PIECES[Math.floor(next() * PIECES.length)];
    if (next() < 0.3) fragment = "#v=1&x=he3x" + fragment;
    if (next() < 0.05) fragment += "a".repeat(Math.floor(next() * 5000));
    if (next() < 0.1) fragment += randomText(next, Math.floor(next() * 200));
    let plan;
    assert.doesNotThrow(() => {
      plan = read(fragment);
    }, JSON.stringify(fragment));
    if (tooLong(fragment, data)) assert.strictEqual(plan, null);
    if (plan === null) continue;
    assert.ok(plan.entries.length + plan.missing >= 1 && plan.entries.length <= data.maxEntries);
    assert.ok(encodedLength(plan.note) <= data.noteBytes);
    assert.ok(encodedLength(plan.clinician) <= data.clinicianBytes);
    assert.strictEqual(cleanText(plan.note, true), plan.note);
    assert.strictEqual(cleanText(plan.clinician, false), plan.clinician);
    assert.ok(plan.date === "" || linkDate(plan.date, data, TODAY) === plan.date);
    assert.ok(["", "uk", "ie"].indexOf(plan.region) !== -1);
    for (const item of plan.entries) {
      assert.ok(["he3x", "knfh"].indexOf(item.code) !== -1);
      for (const letter of Object.keys(item.values)) {
        assert.ok(item.values[letter] >= 1 && item.values[letter] <= data.limits[letter]);
      }
    }
    if (library) {
      // What the address bar would hold: the page's QR code can always be drawn.
      const href = new URL(SITE + fragment.replace(/^#?/, "#")).href;
      assert.ok(qrCode(href, library), href);
    }
    // Written again by the builder, the programme reads back as it was shown.
    const again = read(linkFragment(plan, 1));
    assert.deepStrictEqual(again.entries, plan.entries);
    assert.strictEqual(again.note, plan.note);
    assert.strictEqual(again.clinician, plan.clinician);
  }
});

test("the builder writes a link the patient's page reads back as it was", () => {
  const plan = {
    version: 2,
    entries: [
      entry("knfh", { m: 5, s: 2 }, 0, "L", "Knees together"),
      entry("he3x", { r: 12, h: 30 }, 5),
    ],
    missing: 0,
    note: "Stop if it hurts & call me",
    clinician: "Sam",
    date: "20270303",
    region: "uk",
  };
  const fragment = linkFragment(plan, 2);
  assert.strictEqual(
    fragment,
    "#v=2&x=knfhs2m5L.he3xr12h30o5&d=20270303&n=Stop+if+it+hurts+%26+call+me&c=Sam&g=uk" +
      "&tknfh=Knees+together"
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
  assert.strictEqual(longDate("20270303"), "3 March 2027");
  assert.strictEqual(longDate("20261231"), "31 December 2026");
});

// Links made with version 1 of the format, before exercise notes and the chosen order: each
// still opens, as it did, in the order its entries are written.
const VERSION_1_LINKS = {
  "#v=1&x=he3xs3r12o2.knfhr8L&d=20261215&n=Slowly": [
    entry("he3x", { s: 3, r: 12 }, 2),
    entry("knfh", { r: 8 }, 0, "L"),
  ],
  "#v=1&x=knfhh45.he3x&d=20261202&g=uk": [entry("knfh", { h: 45 }), entry("he3x", {})],
  "#v=1&x=xbu8m20": [entry("he3x", { m: 20 })],
  // A version 1 link has no exercise notes: a t field in it is not read.
  "#v=1&x=he3x&the3x=hello": [entry("he3x", {})],
};

test("every version 1 link still opens", () => {
  for (const [fragment, entries] of Object.entries(VERSION_1_LINKS)) {
    const plan = read(fragment);
    assert.ok(plan, fragment);
    assert.strictEqual(plan.version, 1);
    assert.deepStrictEqual(plan.entries, entries, fragment);
  }
});

test("version 2 carries a note for each exercise, cleaned and cut to 120 characters", () => {
  const plan = read("#v=2&x=knfh.he3x&tknfh=" + encodeURIComponent("Keep\u202e knees\ntogether"));
  assert.deepStrictEqual(plan.entries.map((e) => e.note), ["Keep knees together", ""]);
  const long = read("#v=2&x=he3x&the3x=" + encodeURIComponent("请".repeat(200))).entries[0].note;
  assert.strictEqual(Array.from(long).length, 120);
  assert.strictEqual(fitChars("\ud83d\ude00".repeat(130), 120), "\ud83d\ude00".repeat(120));
  // A former code's note is read under the code the link wrote.
  assert.strictEqual(read("#v=2&x=xbu8&txbu8=hi").entries[0].note, "hi");
  // Markup in a note is text, to be inserted as text.
  assert.strictEqual(read("#v=2&x=he3x&the3x=%3Cimg%3E").entries[0].note, "<img>");
});

test("the dose is said in the exercise's own words, one side where only one is done", () => {
  const sided = { per_side: true, rest_seconds: null };
  const plain = { per_side: false, rest_seconds: 30 };
  assert.strictEqual(doseWords({ s: 3, h: 30 }, sided, ""), "3 holds of 30 seconds, each side");
  assert.strictEqual(doseWords({ s: 3, h: 30 }, sided, "L"), "3 holds of 30 seconds, left side only");
  assert.strictEqual(doseWords({ h: 30 }, sided, "R"), "1 hold of 30 seconds, right side only");
  assert.strictEqual(doseWords({ m: 15 }, plain, ""), "15 minutes, resting 30 seconds in between");
  assert.strictEqual(doseWords({ m: 1 }, { per_side: false }, ""), "1 minute");
  assert.strictEqual(
    doseWords({ s: 2, r: 10, h: 5 }, sided, "L"),
    "2 sets of 10 reps, holding each for 5 seconds, left side only"
  );
  assert.strictEqual(doseWords({ s: 1, r: 10 }, { per_side: false }, ""), "10 reps");
});

const TAKE_HOME = {
  version: 1,
  code: "knfh",
  title: "Clamshell",
  url: "exercises/clamshell/",
  changed: "2027-01-05",
  dose: { sets: 2, reps: 10, hold_seconds: null, minutes: null, per_side: true, rest_seconds: 30, how_often: "once a day" },
  most: { sets: 4, reps: 15, hold_seconds: null, minutes: null },
  start_position: "Lie on your side.",
  steps: [
    { both: "Lift your top knee.", one: "Lift your top knee." },
    { both: "Then turn over and do the other side.", one: null },
    { both: "Work both legs.", one: "Work your {side} leg." },
  ],
  rest: "Rest for 30 seconds between sets.",
  stop_rules: ["Sharp pain"],
  precautions: ["Hip replacement: ask first."],
  easier: null,
  harder: { title: "Side plank", url: "exercises/side-plank/" },
  move_on_when: "2 sets of 15 are easy.",
  drawings: [{ src: "exercises/clamshell/drawing-1.svg", alt: "Lying on your side", step: 0 }],
};

test("a one-sided programme reads one-sided: marked steps give their one-side words", () => {
  assert.deepStrictEqual(stepsFor(TAKE_HOME.steps, ""), [
    "Lift your top knee.",
    "Then turn over and do the other side.",
    "Work both legs.",
  ]);
  assert.deepStrictEqual(stepsFor(TAKE_HOME.steps, "L"), ["Lift your top knee.", "Work your left leg."]);
  assert.deepStrictEqual(stepsFor(TAKE_HOME.steps, "R")[1], "Work your right leg.");
});

test("a prescription never goes past the exercise's safe limit", () => {
  assert.deepStrictEqual(prescribed({ s: 9, r: 12 }, TAKE_HOME), {
    numbers: { s: 4, r: 12 },
    capped: ["s"],
  });
  // Numbers the link leaves out are the exercise's own.
  assert.deepStrictEqual(prescribed({}, TAKE_HOME), { numbers: { s: 2, r: 10 }, capped: [] });
});

test("an exercise whose page changed after the link was made says so", () => {
  assert.strictEqual(changedSince("2027-01-05", "20270104"), true);
  assert.strictEqual(changedSince("2027-01-05", "20270105"), false);
  assert.strictEqual(changedSince("2027-01-05", ""), false);
});

test("on paper the stop rules and precautions every chosen exercise shares are said once", () => {
  const file = (stop_rules, precautions) => ({ stop_rules, precautions });
  const files = [
    file(["The pain spreads.", "You feel dizzy.", "The pain gets worse."], ["Pregnant? Ask.", "Hip?"]),
    file(["The pain gets worse.", "Your knee hurts.", "The pain spreads."], ["Hip?", "Pregnant? Ask."]),
    file(["The pain spreads.", "The pain gets worse."], ["Pregnant? Ask."]),
  ];
  // In the first exercise's order; a line that only some share stays with each of them.
  assert.deepStrictEqual(shared(files), {
    stop_rules: ["The pain spreads.", "The pain gets worse."],
    precautions: ["Pregnant? Ask."],
  });
  assert.deepStrictEqual(shared(files.concat([file(["You feel dizzy."], [])])), {
    stop_rules: [],
    precautions: [],
  });
  // One exercise keeps all of its own: there is nothing to share.
  assert.deepStrictEqual(shared(files.slice(0, 1)), { stop_rules: [], precautions: [] });
  assert.deepStrictEqual(shared([]), { stop_rules: [], precautions: [] });
});

test("a take-home file is drawn only when it has the shape the page draws from", () => {
  assert.strictEqual(readTakeHome(TAKE_HOME, "knfh"), TAKE_HOME);
  const spoilt = (change) => readTakeHome(Object.assign({}, TAKE_HOME, change), "knfh");
  assert.strictEqual(readTakeHome(TAKE_HOME, "he3x"), null); // another exercise's file
  assert.strictEqual(spoilt({ version: 2 }), null);
  assert.strictEqual(spoilt({ title: { toString: () => "<b>" } }), null);
  assert.strictEqual(spoilt({ url: "javascript:alert(1)" }), null);
  assert.strictEqual(spoilt({ url: "//evil.example/" }), null);
  assert.strictEqual(spoilt({ harder: { title: "x", url: "https://evil.example/" } }), null);
  assert.strictEqual(spoilt({ drawings: [{ src: "data:image/svg+xml,<svg>", alt: "" }] }), null);
  assert.strictEqual(spoilt({ drawings: [{ src: "exercises/x/drawing.png", alt: "" }] }), null);
  assert.strictEqual(spoilt({ stop_rules: [1] }), null);
  assert.strictEqual(spoilt({ steps: [{ both: "x" }] }), null);
  assert.strictEqual(spoilt({ most: { sets: -1 } }), null);
  assert.strictEqual(spoilt({ changed: "soon" }), null);
  assert.strictEqual(readTakeHome(null, "knfh"), null);
  assert.strictEqual(readTakeHome("text", "knfh"), null);
});

// --- The patient's log of sessions (what "Save" keeps, and "Your last 7 days" shows) ---

const { dayKey, readLog, lastDays, dayWords } = require("../../docs/javascripts/plan.js");

test("a day is written YYYY-MM-DD in the device's own calendar", () => {
  assert.strictEqual(dayKey(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.strictEqual(dayKey(new Date(2026, 11, 31)), "2026-12-31");
});

test("a stored log keeps only the days that have the shape it is written in", () => {
  const good = { done: ["he3x"], pain: 3, effort: "right" };
  const stored = JSON.stringify({
    "2026-12-01": good,
    "2026-12-02": { done: [], pain: 0, effort: "" },
    "2026-12-03": { done: ["he3x"], pain: 11, effort: "" },
    "2026-12-04": { done: ["he3x"], pain: 2.5, effort: "" },
    "2026-12-05": { done: ["<img>"], pain: 2, effort: "" },
    "2026-12-06": { done: ["he3x"], pain: 2, effort: "very" },
    "2026-12-07": { done: "he3x", pain: 2, effort: "" },
    "07-12-2026": good,
    "2026-12-08": null,
  });
  assert.deepStrictEqual(readLog(stored), {
    "2026-12-01": good,
    "2026-12-02": { done: [], pain: 0, effort: "" },
  });
  assert.deepStrictEqual(readLog("not json"), {});
  assert.deepStrictEqual(readLog("[1, 2]"), {});
  assert.deepStrictEqual(readLog(null), {});
});

test("the last 7 days, newest first, across a month's end, with the days nothing was saved", () => {
  const log = { "2026-12-01": { done: ["he3x"], pain: 3, effort: "" } };
  const days = lastDays(log, new Date(2026, 11, 3, 8), 7);
  assert.deepStrictEqual(days.map((day) => day.day), [
    "2026-12-03", "2026-12-02", "2026-12-01", "2026-11-30", "2026-11-29", "2026-11-28", "2026-11-27",
  ]);
  assert.deepStrictEqual(days[2].record, log["2026-12-01"]);
  assert.strictEqual(days[0].record, null);
  assert.strictEqual(lastDays({ constructor: { done: [] } }, new Date(2026, 11, 3), 1)[0].record, null);
});

test("a day in words names the exercises done, the pain and how hard it felt", () => {
  const titles = { he3x: "Glute bridge", knfh: "Clamshell" };
  assert.strictEqual(dayWords({ done: ["he3x", "knfh"], pain: 3, effort: "right" }, titles),
    "Glute bridge, Clamshell. Pain 3 out of 10; it felt about right.");
  assert.strictEqual(dayWords({ done: ["zzzz"], pain: 0, effort: "" }, titles),
    "No exercise finished. Pain 0 out of 10.");
  assert.strictEqual(dayWords(null, titles), "No session saved.");
});

test("a take-home drawing names a step of its own exercise, or the start (0)", () => {
  const drawn = (step) =>
    readTakeHome(Object.assign({}, TAKE_HOME, { drawings: [Object.assign({}, TAKE_HOME.drawings[0], { step })] }), "knfh");
  assert.notStrictEqual(drawn(3), null);
  [-1, 4, 1.5, "1", null].forEach((step) => assert.strictEqual(drawn(step), null, String(step)));
});
