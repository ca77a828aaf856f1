// Unit tests for docs/javascripts/enhance.js: Material's script loaded on the reader's first touch,
// key press or focus, and its search keys answered until then. Run by tests/test_javascript.py with
// Node's own test runner. The script runs in a context of its own with a small stand-in for the
// page (the window's listeners, the search toggle and box, and <body> to add a script to); the
// browser tests (tests/e2e/) open the real pages.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const test = require("node:test");
const assert = require("node:assert");
const vm = require("node:vm");

const SOURCE = path.join(__dirname, "../../docs/javascripts/enhance.js");
const SCRIPT = new vm.Script(fs.readFileSync(SOURCE, "utf-8"), { filename: SOURCE });
const BUNDLE = "/guide/assets/javascripts/bundle.a5f9d56c.min.js";

function startPage({ search = true } = {}) {
  let listeners = [];
  const added = [];
  const toggle = { checked: false };
  const input = { focused: false, focus: () => (input.focused = true) };
  const capture = (options) => options === true || Boolean(options && options.capture);
  const scope = {
    addEventListener(type, listener, options) {
      listeners.push({ type, listener, capture: capture(options) });
    },
    removeEventListener(type, listener, options) {
      const same = (one) =>
        one.type === type && one.listener === listener && one.capture === capture(options);
      listeners = listeners.filter((one) => !same(one));
    },
    document: {
      currentScript: { dataset: { bundle: BUNDLE } },
      body: { appendChild: (element) => added.push(element) },
      createElement: (tag) => ({ tag }),
      getElementById: (id) => (search && id === "__search" ? toggle : null),
      querySelector: (selector) => (search && selector === "input.md-search__input" ? input : null),
    },
  };
  SCRIPT.runInContext(vm.createContext(scope));
  return {
    added,
    toggle,
    input,
    types: () => listeners.map((one) => one.type + (one.capture ? " (capture)" : "")).sort(),
    // An event as the window's listeners receive it, in the order they were added.
    fire(type, fields = {}) {
      const event = { type, target: { tagName: "BODY" }, prevented: false, ...fields };
      event.preventDefault = () => (event.prevented = true);
      listeners.filter((one) => one.type === type).forEach((one) => one.listener(event));
      return event;
    },
  };
}

test("nothing of Material's is loaded with the page", () => {
  const page = startPage();
  assert.deepStrictEqual(page.added, []);
  assert.deepStrictEqual(page.types(), [
    "focusin (capture)",
    "keydown (capture)",
    "keydown (capture)",
    "pointerdown (capture)",
  ]);
});

for (const type of ["pointerdown", "keydown", "focusin"]) {
  test(`the first ${type} loads Material's script, once`, () => {
    const page = startPage();
    page.fire(type, { key: "Tab" });
    assert.strictEqual(page.added.length, 1);
    assert.strictEqual(page.added[0].tag, "script");
    assert.strictEqual(page.added[0].src, BUNDLE);
    for (const again of ["pointerdown", "keydown", "focusin"]) page.fire(again, { key: "Tab" });
    assert.strictEqual(page.added.length, 1);
    // Only the search keys' listener is left, until Material has loaded.
    assert.deepStrictEqual(page.types(), ["keydown (capture)"]);
    page.added[0].onload();
    assert.deepStrictEqual(page.types(), []);
  });
}

test("Material's search keys open search while its script loads", () => {
  for (const key of ["/", "s", "f"]) {
    const page = startPage();
    const event = page.fire("keydown", { key });
    assert.ok(page.toggle.checked, key);
    assert.ok(page.input.focused, key);
    assert.ok(event.prevented, key);
  }
});

test("other keys, keys with a modifier, and keys typed into a field are left alone", () => {
  const left = [
    { key: "a" },
    { key: "S" },
    { key: "Enter" },
    { key: "s", ctrlKey: true },
    { key: "f", metaKey: true },
    { key: "/", altKey: true },
    { key: "s", target: { tagName: "INPUT" } },
    { key: "f", target: { tagName: "TEXTAREA" } },
    { key: "/", target: { tagName: "SELECT" } },
  ];
  for (const fields of left) {
    const page = startPage();
    const event = page.fire("keydown", fields);
    assert.strictEqual(page.toggle.checked, false, JSON.stringify(fields));
    assert.strictEqual(event.prevented, false, JSON.stringify(fields));
  }
});

test("a page without Material's search box keeps its keys", () => {
  const page = startPage({ search: false });
  const event = page.fire("keydown", { key: "s" });
  assert.strictEqual(event.prevented, false);
  assert.strictEqual(page.added.length, 1);
});

test("once Material has loaded, its own search keys take over", () => {
  const page = startPage();
  page.fire("pointerdown");
  page.added[0].onload();
  const event = page.fire("keydown", { key: "s" });
  assert.strictEqual(page.toggle.checked, false);
  assert.strictEqual(event.prevented, false);
});
