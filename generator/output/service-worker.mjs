// Writes the built site's service worker: service-worker.js with the precache list (every file
// the patient's page loads, each with a hash of its bytes) injected by Workbox's injectManifest
// (workbox-build, pinned in package-lock.json), and the Workbox modules it loads, copied from
// node_modules. Run by generator/output/service_worker.py, once the site's files are final:
//   node service-worker.mjs <built site folder>
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { injectManifest } from "workbox-build";

const require = createRequire(import.meta.url);
const [folder] = process.argv.slice(2);
const MODULES = [
  "workbox-sw/build/workbox-sw.js",
  "workbox-core/build/workbox-core.prod.js",
  "workbox-precaching/build/workbox-precaching.prod.js",
  "workbox-routing/build/workbox-routing.prod.js",
  "workbox-strategies/build/workbox-strategies.prod.js",
];

if (!existsSync(join(folder, "plan", "index.html"))) {
  throw new Error(`${folder} is not a built site: it has no plan/index.html`);
}

// Workbox's modules first, so that the precache list holds them too.
mkdirSync(join(folder, "workbox"), { recursive: true });
for (const module of MODULES) {
  const source = require.resolve(module);
  // Without its source map's address: the map is not published.
  const text = readFileSync(source, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  writeFileSync(join(folder, "workbox", basename(source)), text);
}

const { count, size, warnings } = await injectManifest({
  swSrc: fileURLToPath(new URL("service-worker.js", import.meta.url)),
  swDest: join(folder, "sw.js"),
  globDirectory: folder,
  globPatterns: [
    "plan/index.html",
    "javascripts/{plan,regions,session,progress,enhance,material-base}.js",
    "javascripts/vendor/qrcode.js",
    "stylesheets/extra.css",
    "assets/stylesheets/*.css",
    "assets/javascripts/bundle.*.js",
    "images/*.{svg,png}",
    "manifest.webmanifest",
    "workbox/*.js",
  ],
});
for (const warning of warnings) console.error(warning);
console.log(`service worker: ${count} files precached, ${Math.round(size / 1024)} KB`);
