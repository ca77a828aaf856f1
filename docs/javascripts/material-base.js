// Material for MkDocs' start-up helpers (MIT licence, from partials/javascripts/base.html), moved out of
// the page so that the Content-Security-Policy needs no inline script. This file lives one folder below
// the site root, so the root is "../" from its own address, where Material's inline version used the
// page's base_url.
__md_scope = new URL("..", document.currentScript.src);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch (e) {
    // Storage may be refused (private browsing): Material then keeps nothing between pages.
  }
};
