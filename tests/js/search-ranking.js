// The built site's search, in Node: what a reader's query finds, as the search box in a browser
// would show it. Run by tests/e2e/test_search.py against a site built with real MkDocs.
//
//   node tests/js/search-ranking.js SITE_FOLDER [--material-only] < queries.json > results.json
//
// queries.json is a list of queries; results.json maps each query to its results, best first, as
// {"path": "/exercises/glute-bridge/", "missing": ["lying"]}: the page a result opens (its first
// link) and the words its entries show as "Missing:".
//
// Nothing of the search is written here. The site's home page names its worker in its config
// (overrides/main.html: javascripts/search-worker.js?worker=search.<hash>.min.js); that file is
// run as a web worker is, in a context of its own whose global object is `self`, and it loads
// Material's worker from the site with importScripts, as in the browser. Messages go in as
// Material's page sends them (its SETUP with the index from search/search_index.json, then one
// QUERY per query) and come out through the worker's own postMessage. With --material-only the
// page's config is read as Material wrote it, before the site rewrote it: Material's worker alone.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { fileURLToPath, pathToFileURL } = require("node:url");

// Material's SearchMessageType (src/.../integrations/search/worker/message).
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const SITE_WORKER = /javascripts\/search-worker\.js\?worker=(search\.[0-9a-f]+\.min\.js)$/;

function pageConfig(site) {
  const html = fs.readFileSync(path.join(site, "index.html"), "utf-8");
  const found = /<script id="__config" type="application\/json">(.*?)<\/script>/s.exec(html);
  if (!found) throw new Error(`${site}/index.html has no Material config (id="__config")`);
  return JSON.parse(found[1]);
}

// A worker's global scope: self, addEventListener, postMessage, importScripts and location,
// with scripts read from the site folder only.
function workerScope(site, workerUrl, onMessage) {
  const listeners = [];
  const scope = {
    URL,
    URLSearchParams,
    // Anything a worker logs goes to stderr: stdout carries only the results.
    console: { log: console.error, info: console.error, warn: console.error, error: console.error },
    location: new URL(workerUrl),
    addEventListener(type, listener) {
      if (type === "message") listeners.push(listener);
    },
    postMessage(message) {
      onMessage(JSON.parse(JSON.stringify(message)));
    },
  };
  const context = vm.createContext(scope);
  vm.runInContext("globalThis.self = globalThis;", context);
  const inContext = vm.runInContext("JSON.parse", context);
  scope.importScripts = (...urls) => {
    for (const url of urls) runScript(site, context, new URL(url, scope.location.href));
  };
  return {
    start() {
      runScript(site, context, scope.location);
    },
    // As the browser does: the worker gets its own copy of the message, in its own realm.
    deliver(message) {
      const event = { type: "message", data: inContext(JSON.stringify(message)) };
      for (const listener of listeners) listener.call(context, event);
    },
  };
}

function runScript(site, context, url) {
  const file = fileURLToPath(new URL(url.pathname, url));
  if (path.relative(site, file).startsWith("..")) throw new Error(`${url} is outside ${site}`);
  vm.runInContext(fs.readFileSync(file, "utf-8"), context, { filename: file });
}

// The worker answers one message at a time; each call waits for its answer.
function connect(site, workerUrl) {
  let waiting = null;
  const worker = workerScope(site, workerUrl, (message) => {
    if (!waiting) throw new Error(`unasked message from the worker: ${JSON.stringify(message)}`);
    const resolve = waiting;
    waiting = null;
    resolve(message);
  });
  worker.start();
  return (message) =>
    new Promise((resolve) => {
      waiting = resolve;
      worker.deliver(message);
    });
}

// A result as Material renders it (templates/search): one list item per page, whose first link is
// the page itself (the entry without "#"); each entry shows the words it lacks.
function rendered(group, base) {
  const page = group.find((entry) => !`${new URL(entry.location, base)}`.includes("#"));
  const missing = new Set(
    group.flatMap((entry) => Object.keys(entry.terms).filter((term) => !entry.terms[term])),
  );
  // Its path within the site, as the browser tests read a link's.
  return {
    path: new URL(page.location, base).pathname.slice(base.pathname.length - 1),
    missing: [...missing],
  };
}

async function main(argv) {
  const site = path.resolve(argv[0] || "");
  const materialOnly = argv.includes("--material-only");
  const config = pageConfig(site);
  const home = pathToFileURL(path.join(site, "index.html"));
  const named = SITE_WORKER.exec(config.search);
  if (!named) throw new Error(`the home page names no site search worker: ${config.search}`);
  const workerPath = materialOnly ? `assets/javascripts/workers/${named[1]}` : config.search;
  const base = new URL(config.base + "/", home);
  const send = connect(site, new URL(workerPath, home).href);

  // Material's page (integrations/search/worker): the index as fetched, and its own options.
  const index = JSON.parse(fs.readFileSync(new URL("search/search_index.json", base), "utf-8"));
  const options = { suggest: config.features.includes("search.suggest") };
  const { config: searchConfig, docs } = index;
  const ready = await send({ type: SETUP, data: { config: searchConfig, docs, options } });
  if (ready.type !== READY) throw new Error(`the worker is not ready: ${JSON.stringify(ready)}`);

  const queries = JSON.parse(fs.readFileSync(0, "utf-8"));
  const results = {};
  for (const query of queries) {
    const answer = await send({ type: QUERY, data: query });
    if (answer.type !== RESULT) throw new Error(`${query}: no result: ${JSON.stringify(answer)}`);
    results[query] = answer.data.items.map((group) => rendered(group, base));
  }
  process.stdout.write(JSON.stringify(results));
  finished = true;
}

// A worker that never answers leaves nothing for Node to wait on: it would exit quietly.
let finished = false;
process.on("exit", () => {
  if (finished || process.exitCode) return;
  console.error("search-ranking: the worker stopped answering");
  process.exitCode = 1;
});

main(process.argv.slice(2)).catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exitCode = 1;
});
