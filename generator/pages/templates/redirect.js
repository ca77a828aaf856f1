// Redirect pages for renamed items: go to the new address, keeping the part after #, which the
// meta refresh would drop. A file of its own, so the page keeps the site's Content-Security-Policy.
location.replace(
  new URL(document.querySelector("link[rel=canonical]").getAttribute("href"), location.href).href +
    location.hash,
);
