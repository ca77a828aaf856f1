// Glute Guide loads Material's script (about 35 KB, plus the search index it fetches) on the reader's
// first touch, click, key press or focus, not with the page. A reader in pain on a slow phone connection
// gets the whole page, readable and printable, in about a third of the bytes; search and the other
// enhancements arrive as soon as they reach for them.
(function () {
  var loader = document.currentScript;
  var triggers = ["pointerdown", "keydown", "focusin"];
  var loaded = false;

  function load() {
    if (loaded) return;
    loaded = true;
    triggers.forEach(function (name) {
      removeEventListener(name, load, true);
    });
    var script = document.createElement("script");
    script.src = loader.dataset.bundle;
    script.onload = function () {
      removeEventListener("keydown", openSearch, true);
    };
    document.body.appendChild(script);
  }

  // Material's own shortcut keys for search ("/", "s", "f") would be lost while its script loads,
  // so open search for them here; Material takes over once it has loaded.
  function openSearch(event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["/", "s", "f"].indexOf(event.key) === -1) return;
    var toggle = document.getElementById("__search");
    var input = document.querySelector("input.md-search__input");
    if (!toggle || !input) return;
    event.preventDefault();
    toggle.checked = true;
    input.focus();
  }

  addEventListener("keydown", openSearch, true);
  triggers.forEach(function (name) {
    addEventListener(name, load, { capture: true, passive: true });
  });
})();
