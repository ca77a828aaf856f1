// Glute Guide's lookup by diagnosis code (/connect/), as a clinical record system asks it with an
// HL7 infobutton link: ?mainSearchCriteria.v.c=<ICD-10-CM code>&mainSearchCriteria.v.cs=<code
// system>. The answer is the site's static file for the code, api/v1/icd10cm/<code>.json
// (generator/pages/connect.py), or its parent category's: one condition goes straight to its page,
// several are listed, none says so above the page's list of codes. Every value read from the
// address is shown as text.
(function () {
  "use strict";
  var CODE = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

  // A code as the site writes it (M62838, m62.838 -> M62.838), or "" when it cannot be one.
  function normalCode(text) {
    var plain = String(text || "").replace(/[\s.]/g, "").toUpperCase();
    var code = plain.length > 3 ? plain.slice(0, 3) + "." + plain.slice(3) : plain;
    return CODE.test(code) ? code : "";
  }

  // The category one level above a code (M62.838 -> M62.83, M62.8 -> M62), or "" for a category
  // of three characters, which has none.
  function parentCode(code) {
    if (code.length <= 3) return "";
    return code.slice(0, -1).replace(/\.$/, "");
  }

  // What an infobutton address asks: {code (as written), system, name, clinician}.
  function readRequest(search) {
    var params = new URLSearchParams(search);
    return {
      code: (params.get("mainSearchCriteria.v.c") || "").trim(),
      system: (params.get("mainSearchCriteria.v.cs") || "").trim(),
      name: (params.get("mainSearchCriteria.v.dn") || "").trim().slice(0, 200),
      clinician: params.get("informationRecipient") === "PROV",
    };
  }

  // What to do with a lookup file ({conditions: [{title, url}]}), or with none (null).
  function decide(lookup) {
    var conditions = lookup && Array.isArray(lookup.conditions) ? lookup.conditions : [];
    var fine = conditions.filter(function (condition) {
      return condition && typeof condition.title === "string" && /^[a-z0-9][a-z0-9/-]*\/$/.test(condition.url);
    });
    if (fine.length === 1) return { go: fine[0].url };
    if (fine.length > 1) return { list: fine };
    return { none: true };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { normalCode: normalCode, parentCode: parentCode, readRequest: readRequest, decide: decide };
    return;
  }

  var dataElement = document.getElementById("gg-connect-data");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var root = new URL("../", location.href);
  var result = document.getElementById("gg-connect-result");
  var request = readRequest(location.search);
  if (!request.code && !request.system) return;
  if (request.clinician) document.getElementById("gg-connect-clinician").hidden = false;

  function say(words) {
    var line = document.createElement("p");
    line.textContent = words;
    result.appendChild(line);
    return line;
  }

  function asked() {
    return request.code + (request.name ? " (" + request.name + ")" : "");
  }

  function fetchLookup(code) {
    if (!code) return Promise.resolve(null);
    return fetch(new URL(data.folder + "/" + code + ".json", root).href, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .catch(function () {
        return null;
      });
  }

  if (request.system && data.systems.indexOf(request.system) < 0) {
    say(
      "This site looks pages up by ICD-10-CM codes only, and the code system asked for is " +
        "another one. The conditions it has, with their ICD-10-CM codes, are listed below."
    );
    return;
  }
  var code = normalCode(request.code);
  fetchLookup(code)
    .then(function (lookup) {
      return lookup || fetchLookup(parentCode(code));
    })
    .then(function (lookup) {
      var answer = decide(lookup);
      if (answer.go) {
        location.replace(new URL(answer.go, root).href);
        return;
      }
      if (answer.list) {
        say("Pages for the code " + asked() + ":");
        var list = document.createElement("ul");
        answer.list.forEach(function (condition) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = new URL(condition.url, root).href;
          link.textContent = condition.title;
          item.appendChild(link);
          list.appendChild(item);
        });
        result.appendChild(list);
        return;
      }
      say(
        "No page on this site has the code " + asked() + ". The conditions it has, with their " +
          "ICD-10-CM codes, are listed below."
      );
    });
})();
