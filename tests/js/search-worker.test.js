// Unit tests for docs/javascripts/search-worker.js: the reader's words put through the index's
// steps before Material's worker reads them, and "Missing:" in the reader's words. Run by
// tests/test_javascript.py with Node's own test runner.
//
// The file runs as a web worker would, in a context of its own whose global object is `self`.
// Its importScripts loads a stand-in for Material's worker: a lunr with small, predictable steps
// (the real stemmer's results on the real index are tests/e2e/test_search.py's), and a message
// listener that records the query as Material would read it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const test = require("node:test");
const assert = require("node:assert");
const vm = require("node:vm");

const SOURCE = path.join(__dirname, "../../docs/javascripts/search-worker.js");
const SCRIPT = new vm.Script(fs.readFileSync(SOURCE, "utf-8"), { filename: SOURCE });
const WORKER_AT = "https://example.org/guide/javascripts/search-worker.js";
// Material's SearchMessageType.
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const PIPELINE = ["trimmer", "stopWordFilter", "stemmer"];

// lunr's Token and its three steps' shape: each takes a token and returns it, changed, or nothing
// to drop it. The stemmer here only takes off "s" and "ing".
function standInLunr() {
  function Token(text) {
    this.text = text;
  }
  Token.prototype.toString = function () {
    return this.text;
  };
  Token.prototype.update = function (change) {
    this.text = change(this.text);
    return this;
  };
  const stopWords = ["a", "on", "the", "to"];
  return {
    Token: Token,
    trimmer: (token) => token.update((text) => text.replace(/^\W+/, "").replace(/\W+$/, "")),
    stopWordFilter: (token) => (stopWords.indexOf(token.toString()) === -1 ? token : undefined),
    stemmer: (token) => token.update((text) => text.replace(/(ing|s)$/, "")),
  };
}

function startWorker(search = "?worker=search.1a2b3c.min.js") {
  const listeners = [];
  const imported = [];
  const posted = [];
  const read = []; // each query as Material's listener reads it
  const scope = {
    URL,
    URLSearchParams,
    location: new URL(WORKER_AT + search),
    addEventListener(type, listener) {
      if (type === "message") listeners.push(listener);
    },
    postMessage(message) {
      posted.push(message);
    },
    importScripts(...urls) {
      imported.push(...urls);
      scope.lunr = standInLunr();
      scope.addEventListener("message", (event) => {
        if (event.data && event.data.type === QUERY) read.push(event.data.data);
      });
    },
  };
  const context = vm.createContext(scope);
  vm.runInContext("globalThis.self = globalThis;", context);
  SCRIPT.runInContext(context);
  return {
    imported,
    posted,
    read,
    deliver(message) {
      for (const listener of listeners) listener.call(context, { type: "message", data: message });
    },
    // What Material's worker posts goes through the site's postMessage.
    post(message) {
      return scope.postMessage(message);
    },
  };
}

function readyWorker(pipeline = PIPELINE) {
  const worker = startWorker();
  worker.deliver({ type: SETUP, data: { config: { pipeline: pipeline }, docs: [] } });
  return worker;
}

function asRead(worker, query) {
  worker.deliver({ type: QUERY, data: query });
  return worker.read[worker.read.length - 1];
}

test("the reader's words are stemmed as the index was, before Material reads them", () => {
  // Material's listener, added when its worker loads, comes after the site's: it reads the
  // query the site's listener rewrote in the same message.
  const worker = readyWorker();
  assert.strictEqual(asRead(worker, "Lifting Hips"), "lift hip");
  assert.strictEqual(asRead(worker, "  bridges\t lifting  "), "bridge lift");
});

test("common words are dropped", () => {
  assert.strictEqual(asRead(readyWorker(), "bridge on the floor"), "bridge floor");
});

test("a query of common words only is left as typed, so that it still finds something", () => {
  assert.strictEqual(asRead(readyWorker(), "On the"), "On the");
});

test("only the index's own steps are taken, in lunr's order", () => {
  // Without a stop-word filter, common words stay.
  assert.strictEqual(asRead(readyWorker(["stemmer"]), "on the hips"), "on the hip");
  // Listed stemmer first: lunr still drops common words before stemming, so "ons" stays "on".
  assert.strictEqual(asRead(readyWorker(["stemmer", "stopWordFilter"]), "ons hips"), "on hip");
  // An index built with no steps: the words are only lower-cased.
  assert.strictEqual(asRead(readyWorker([]), "Lifting Hips"), "lifting hips");
});

test("before the index has arrived, words are only lower-cased", () => {
  const worker = startWorker();
  assert.strictEqual(asRead(worker, "Lifting Hips"), "lifting hips");
});

test("a hyphenated word is read as the index split it", () => {
  const worker = readyWorker();
  assert.strictEqual(asRead(worker, "single-leg bridges"), "single leg bridge");
  assert.strictEqual(asRead(worker, "leg- raise"), "leg raise");
});

test("letters of any alphabet, digits and apostrophes make a word", () => {
  const worker = readyWorker([]);
  assert.strictEqual(asRead(worker, "Übungen can't 90s"), "übungen can't 90s");
});

test("search syntax is Material's to read, and left as typed", () => {
  const worker = readyWorker();
  const syntax = '+hips -knee bridg* bridge~1 title:hips "glute bridges"';
  assert.strictEqual(asRead(worker, syntax), syntax);
  assert.strictEqual(asRead(worker, "lifting +hips"), "lift +hips");
});

test("a query that is not text, and any other message, is not changed", () => {
  const worker = readyWorker();
  const other = { type: QUERY, data: { words: "Hips" } };
  worker.deliver(other);
  assert.deepStrictEqual(other.data, { words: "Hips" });
  const unknown = { type: 9, data: "Hips" };
  worker.deliver(unknown);
  assert.strictEqual(unknown.data, "Hips");
  worker.deliver(null);
  worker.deliver(undefined);
});

// The worker makes each result's terms in its own context, whose objects have that context's
// Object.prototype: compared as plain data.
function assertTerms(message, expected) {
  const terms = message.data.items.map((group) => group.map((item) => item.terms));
  assert.deepStrictEqual(JSON.parse(JSON.stringify(terms)), expected);
}

function result(terms) {
  return { type: RESULT, data: { items: [[{ location: "exercises/", terms: terms }]] } };
}

test("Missing: names the reader's own word; the words found stay stems", () => {
  const worker = readyWorker();
  asRead(worker, "lying Lifting hips");
  const message = result({ ly: false, lift: true, hip: true });
  worker.post(message);
  assert.strictEqual(worker.posted.length, 1);
  assert.strictEqual(worker.posted[0], message);
  assertTerms(message, [[{ lying: false, lift: true, hip: true }]]);
});

test("every entry of every result is given the reader's words", () => {
  const worker = readyWorker();
  asRead(worker, "lying bridges");
  const message = {
    type: RESULT,
    data: {
      items: [
        [
          { location: "a/", terms: { ly: false, bridge: true } },
          { location: "a/#b", terms: { ly: true, bridge: false } },
        ],
        [{ location: "c/", terms: { ly: false, bridge: false } }],
      ],
    },
  };
  worker.post(message);
  assertTerms(message, [
    [
      { lying: false, bridge: true },
      { ly: true, bridges: false },
    ],
    [{ lying: false, bridges: false }],
  ]);
});

test("where two words share a stem, the first one typed names it", () => {
  const worker = readyWorker();
  asRead(worker, "lifts lifting");
  const message = result({ lift: false });
  worker.post(message);
  assertTerms(message, [[{ lifts: false }]]);
});

test("each query forgets the last one's words", () => {
  const worker = readyWorker();
  asRead(worker, "lying");
  asRead(worker, "fly");
  const message = result({ ly: false, fly: false });
  worker.post(message);
  assertTerms(message, [[{ ly: false, fly: false }]]);
});

test("a term the reader did not type, and a result without terms, are left alone", () => {
  const worker = readyWorker();
  asRead(worker, "hips");
  const message = result({ tummi: false });
  worker.post(message);
  assertTerms(message, [[{ tummi: false }]]);
  const bare = { type: RESULT, data: { items: [[{ location: "a/" }]] } };
  worker.post(bare);
  assertTerms(bare, [[{}]]);
});

test("other messages go out unchanged", () => {
  const worker = readyWorker();
  const ready = { type: READY };
  const terms = { type: 7, data: { items: [[{ terms: { ly: false } }]] } };
  worker.post(ready);
  worker.post(terms);
  worker.post(null);
  assert.deepStrictEqual(worker.posted, [ready, terms, null]);
  assert.deepStrictEqual(terms.data.items[0][0].terms, { ly: false });
});

test("Material's worker is loaded from the site's own folder", () => {
  const worker = startWorker("?worker=search.1a2b3c.min.js");
  assert.deepStrictEqual(worker.imported, [
    "https://example.org/guide/assets/javascripts/workers/search.1a2b3c.min.js",
  ]);
});

test("only a Material worker's name is loaded", () => {
  const names = [
    "",
    "?worker=",
    "?worker=search..min.js",
    "?worker=search.1A2B.min.js",
    "?worker=search.xyz.min.js",
    "?worker=../evil.js",
    "?worker=search.1a.min.js/../../evil.js",
    "?worker=https://evil.example/search.1a.min.js",
    "?worker=search.1a.min.js%0A",
    "?other=search.1a.min.js",
  ];
  for (const search of names) {
    assert.throws(() => startWorker(search), /the page named no Material worker/, search);
  }
});
