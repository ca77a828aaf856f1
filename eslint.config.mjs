// ESLint for our own JavaScript: the scripts the site serves (docs/javascripts/, not the vendored
// QR library; generator/pages/templates/redirect.js, which the generator copies there) and their
// Node tests (tests/js/). tests/test_javascript.py runs it and fails on any problem.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["docs/javascripts/vendor/"] },
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js", "generator/pages/templates/*.js"],
    ignores: ["docs/javascripts/search-worker.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    // The search worker runs as a web worker (self, importScripts), not in a page.
    files: ["docs/javascripts/search-worker.js"],
    languageOptions: { sourceType: "script", globals: globals.worker },
  },
  {
    // Written to parse in older browsers too, where `catch {}` without a name is a syntax error: a
    // `catch (error)` whose error goes unused is not a problem here.
    files: ["docs/javascripts/**/*.js", "generator/pages/templates/*.js"],
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    // Both hand their logic to Node's tests when `module` exists, and run as pages' scripts
    // when not.
    files: [
      "docs/javascripts/plan.js",
      "docs/javascripts/regions.js",
      "docs/javascripts/session.js",
      "docs/javascripts/progress.js",
      "docs/javascripts/connect.js",
    ],
    languageOptions: { globals: { module: "readonly" } },
  },
  {
    // qrcode-generator (vendor/qrcode.js), loaded before plan.js on the pages that use it.
    files: ["docs/javascripts/plan.js"],
    languageOptions: { globals: { qrcode: "readonly" } },
  },
  {
    // Material's start-up helpers are globals by design: its bundle reads them by these names.
    files: ["docs/javascripts/material-base.js"],
    languageOptions: {
      globals: {
        __md_scope: "writable",
        __md_hash: "writable",
        __md_get: "writable",
        __md_set: "writable",
      },
    },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    // The site's service worker, before Workbox injects its precache list (generator/output/).
    files: ["generator/output/service-worker.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
  {
    // Run with Node at build time: the service worker's generation (generator/output/).
    files: ["eslint.config.mjs", "generator/output/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
