// The site's service worker (generator/output/service-worker.mjs injects the precache list into
// a copy of this file at build time, with workbox-build's injectManifest). Workbox's own modules
// are served from the site (workbox/), never from another host.
/* global workbox */
importScripts("workbox/workbox-sw.js");
workbox.setConfig({ modulePathPrefix: "workbox/", debug: false });

// A new release takes over at once, and what an older one kept is removed.
workbox.core.skipWaiting();
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
// The patient's page and what it loads; /plan/?app (the installed app's start) is that page too.
workbox.precaching.precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^app$/],
});
// Each exercise's take-home file and drawings, kept as they are fetched: from the network while
// there is one (a new release's words come at once), from the cache when there is none.
workbox.routing.registerRoute(
  ({ url }) =>
    url.origin === self.location.origin &&
    /\/exercises\/[a-z0-9-]+\/(take-home\.json|drawing-[0-9]+\.svg)$/.test(url.pathname),
  new workbox.strategies.NetworkFirst({ cacheName: "gg-exercises", networkTimeoutSeconds: 5 })
);
