// Unit tests for docs/javascripts/connect.js: how an infobutton address is read, a code written
// the site's way, its parent category found, and a lookup file's answer turned into where to go.
// Run by tests/test_javascript.py with Node's own test runner.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { normalCode, parentCode, readRequest, decide } = require("../../docs/javascripts/connect.js");

test("a code is written the site's way, or refused", () => {
  assert.strictEqual(normalCode("M62.838"), "M62.838");
  assert.strictEqual(normalCode("m62838"), "M62.838");
  assert.strictEqual(normalCode(" G57.01 "), "G57.01");
  assert.strictEqual(normalCode("R25"), "R25");
  ["", "U07.1", "M6", "M62.83899", "../plan", "M62.8<3", null].forEach((bad) =>
    assert.strictEqual(normalCode(bad), "", String(bad))
  );
});

test("a code's parent category is one level up, and a three-character category has none", () => {
  assert.strictEqual(parentCode("M62.838"), "M62.83");
  assert.strictEqual(parentCode("M62.8"), "M62");
  assert.strictEqual(parentCode("M62"), "");
});

test("an infobutton address gives the code, its system, its name and who asks", () => {
  assert.deepStrictEqual(
    readRequest(
      "?mainSearchCriteria.v.c=G57.01&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90" +
        "&mainSearchCriteria.v.dn=Sciatic%20nerve&informationRecipient=PROV"
    ),
    { code: "G57.01", system: "2.16.840.1.113883.6.90", name: "Sciatic nerve", clinician: true }
  );
  assert.deepStrictEqual(readRequest(""), { code: "", system: "", name: "", clinician: false });
  assert.strictEqual(readRequest("?informationRecipient=PAT").clinician, false);
});

test("one condition is gone to, several are listed, none or a damaged file says none", () => {
  const one = { title: "Glute cramp", url: "conditions/glute-cramp/" };
  const two = { title: "Sudden glute spasm", url: "conditions/acute-glute-spasm/" };
  assert.deepStrictEqual(decide({ conditions: [one] }), { go: "conditions/glute-cramp/" });
  assert.deepStrictEqual(decide({ conditions: [one, two] }), { list: [one, two] });
  assert.deepStrictEqual(decide(null), { none: true });
  assert.deepStrictEqual(decide({ conditions: [] }), { none: true });
  assert.deepStrictEqual(decide({ conditions: "x" }), { none: true });
  // An address that is not one of the site's own pages is never gone to.
  assert.deepStrictEqual(decide({ conditions: [{ title: "x", url: "https://evil.example/" }] }), { none: true });
  assert.deepStrictEqual(decide({ conditions: [{ title: "x", url: "javascript:alert(1)//" }] }), { none: true });
});
