// Unit tests for docs/javascripts/regions.js: how a reader's place is picked. Run by
// tests/test_javascript.py with Node's own test runner.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { pickRegion } = require("../../docs/javascripts/regions.js");

const data = {
  elsewhere: "elsewhere",
  regions: { uk: {}, us: {}, ca: {}, elsewhere: {} },
  zones: { "Europe/London": "uk", "America/New_York": "us", "America/Toronto": "ca" },
  countries: { GB: "uk", US: "us", CA: "ca" },
  unplaced: ["UTC", "Etc/UTC"],
};

test("a stored choice comes first", () => {
  assert.strictEqual(pickRegion(data, "America/New_York", ["en-US"], "ca"), "ca");
});

test("a stored key the page no longer knows is ignored", () => {
  assert.strictEqual(pickRegion(data, "America/New_York", ["en-US"], "xx"), "us");
});

test("the time zone decides, whatever the language", () => {
  assert.strictEqual(pickRegion(data, "America/Toronto", ["en-US"], null), "ca");
  assert.strictEqual(pickRegion(data, "Europe/London", ["en-US"], null), "uk");
});

test("a zone of a place not listed is elsewhere, whatever the language", () => {
  assert.strictEqual(pickRegion(data, "Europe/Paris", ["en-GB"], null), "elsewhere");
});

test("a zone that names no country goes by the first language that names one", () => {
  assert.strictEqual(pickRegion(data, "UTC", ["fr", "en-CA", "en-US"], null), "ca");
  assert.strictEqual(pickRegion(data, "", ["en-gb"], null), "uk");
  assert.strictEqual(pickRegion(data, "Etc/UTC", ["de-DE"], null), "elsewhere");
  assert.strictEqual(pickRegion(data, "UTC", [], null), "elsewhere");
});

test("a key inherited from Object is never a region", () => {
  assert.strictEqual(pickRegion(data, "UTC", ["en-US"], "constructor"), "us");
  assert.strictEqual(pickRegion(data, "constructor", [], null), "elsewhere");
});
