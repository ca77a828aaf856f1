// Glute Guide's home exercise programmes. The builder (/prescribe/) writes a programme into a link;
// the patient's page (/plan/) reads it back. The programme lives in the link's fragment, which a
// browser never sends to a server, and nothing typed here leaves the device. Everything read from a
// link is checked against a strict pattern, clamped, and inserted as text, never as markup.
// The link format is described in generator/pages/prescribe.py.
(function () {
  "use strict";
  var ENTRY = /^([0-9a-z]{4})((?:[srhm][0-9]{1,3})*)(?:o([0-9]{1,2}))?([LR]?)$/;
  var TOKEN = /([srhm])([0-9]{1,3})/g;
  var SIDES = { "": "both sides", L: "left side only", R: "right side only" };
  var SVG = "http://www.w3.org/2000/svg";

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function clamp(text, highest) {
    var number = parseInt(text, 10);
    if (!(number >= 1)) return 1;
    return Math.min(number, highest);
  }

  // A link's fragment -> {entries, missing, note, clinician, date, region}, or null when it cannot
  // be read. `data` is the page's (generator/pages/prescribe.py, plan_data); `knownRegion` turns
  // the link's region into a key of the page's emergency data, or "" when it names none.
  function parseLink(fragment, data, knownRegion) {
    var params = new URLSearchParams(fragment.replace(/^#/, ""));
    if (params.get("v") !== String(data.version)) return null;
    var parts = (params.get("x") || "").split(".");
    if (parts.length > 30) return null;
    var entries = [];
    var seen = {};
    var missing = 0;
    for (var i = 0; i < parts.length; i++) {
      var found = ENTRY.exec(parts[i]);
      if (!found) return null;
      if (!own(data.codes, found[1])) {
        missing++;
        continue;
      }
      var code = data.codes[found[1]];
      if (seen[code]) continue;
      seen[code] = true;
      var values = {};
      found[2].replace(TOKEN, function (_, letter, number) {
        values[letter] = clamp(number, data.limits[letter]);
        return "";
      });
      var often = found[3] ? parseInt(found[3], 10) : 0;
      if (often >= data.howOften.length) often = 0;
      entries.push({ code: code, values: values, often: often, side: found[4] });
    }
    if (!entries.length && !missing) return null;
    var date = params.get("d") || "";
    return {
      entries: entries,
      missing: missing,
      note: (params.get("n") || "").slice(0, data.noteLength),
      clinician: (params.get("c") || "").slice(0, data.clinicianLength),
      date: /^[0-9]{8}$/.test(date) ? date : "",
      region: knownRegion(params.get("g") || ""),
    };
  }

  // A programme -> the fragment of its link, in the link format of `version`.
  function linkFragment(plan, version) {
    var params = new URLSearchParams();
    params.set("v", String(version));
    params.set(
      "x",
      plan.entries
        .map(function (entry) {
          var text = entry.code;
          ["s", "r", "h", "m"].forEach(function (letter) {
            if (own(entry.values, letter)) text += letter + entry.values[letter];
          });
          if (entry.often) text += "o" + entry.often;
          return text + entry.side;
        })
        .join(".")
    );
    if (plan.date) params.set("d", plan.date);
    if (plan.note) params.set("n", plan.note);
    if (plan.clinician) params.set("c", plan.clinician);
    if (plan.region) params.set("g", plan.region);
    return "#" + params.toString();
  }

  // A link's date (YYYYMMDD) as the page shows it: "3 March 2025".
  function longDate(digits) {
    var day = new Date(+digits.slice(0, 4), +digits.slice(4, 6) - 1, +digits.slice(6, 8));
    if (isNaN(day.getTime())) return "";
    return day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  // In Node, for tests/js/plan.test.js: the link's reading and writing, without a page.
  if (typeof module === "object" && module.exports) {
    module.exports = {
      clamp: clamp,
      parseLink: parseLink,
      linkFragment: linkFragment,
      longDate: longDate,
    };
    return;
  }

  var dataElement = document.getElementById("gg-plan-data");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var article = document.querySelector("article") || document.body;

  function parse(fragment) {
    return parseLink(fragment, data, knownRegion);
  }

  // A region key of the page's emergency data (regions.js), or "" when it names none.
  function knownRegion(key) {
    if (!window.ggRegions) return "";
    var known = window.ggRegions.names().some(function (pair) {
      return pair[0] === key;
    });
    return known ? key : "";
  }

  function fragmentOf(plan) {
    return linkFragment(plan, data.version);
  }

  function setText(id, text) {
    var element = document.getElementById(id);
    if (element) element.textContent = text;
  }

  function doseLines(entry) {
    var lines = [];
    var names = { s: "Sets", r: "Reps", h: "Hold", m: "Minutes" };
    ["s", "r", "h", "m"].forEach(function (letter) {
      if (!own(entry.values, letter)) return;
      var value = entry.values[letter];
      lines.push(names[letter] + ": " + value + (letter === "h" ? " seconds" : ""));
    });
    if (own(data.sided, entry.code)) lines.push("Side: " + SIDES[entry.side]);
    var often = entry.often ? data.howOften[entry.often] : data.ownHowOften[entry.code];
    lines.push("How often: " + often);
    return lines;
  }

  // Both pages: the chosen exercises, in the programme's order, each with its prescribed dose.
  function show(plan) {
    var items = document.querySelector(".gg-plan-items");
    document.querySelectorAll(".gg-plan-item").forEach(function (item) {
      item.classList.remove("is-chosen");
    });
    plan.entries.forEach(function (entry) {
      var item = document.getElementById("plan-" + entry.code);
      if (!item) return;
      item.classList.add("is-chosen");
      items.appendChild(item);
      var list = item.querySelector(".gg-plan-dose");
      list.textContent = "";
      doseLines(entry).forEach(function (line) {
        var li = document.createElement("li");
        li.textContent = line;
        list.appendChild(li);
      });
    });
    setText("gg-plan-date", plan.date ? "Given on " + longDate(plan.date) : "");
    setText("gg-plan-clinician", plan.clinician ? "From: " + plan.clinician : "");
    setText("gg-plan-note", plan.note ? "Note: " + plan.note : "");
    var gone = plan.missing
      ? plan.missing +
        (plan.missing === 1 ? " exercise in this link is" : " exercises in this link are") +
        " no longer on the site, so not shown here. Ask the person who gave you this programme" +
        " what to do instead."
      : "";
    setText("gg-plan-gone", gone);
    if (plan.region) window.ggRegions.show(plan.region);
    article.classList.toggle("gg-plan-shown", plan.entries.length > 0 || plan.missing > 0);
  }

  // A QR code drawn as SVG squares from qrcode-generator's modules, on a white ground so that it
  // scans in the dark colour scheme and on paper.
  function drawQr(container, text) {
    if (!container) return;
    container.textContent = "";
    if (!text || typeof qrcode !== "function") return;
    var code = qrcode(0, "M");
    code.addData(text);
    code.make();
    var count = code.getModuleCount();
    var size = count + 8;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("class", "gg-qr-code");
    svg.setAttribute("aria-hidden", "true");
    var ground = document.createElementNS(SVG, "rect");
    ground.setAttribute("width", size);
    ground.setAttribute("height", size);
    ground.setAttribute("fill", "#fff");
    svg.appendChild(ground);
    var d = "";
    for (var row = 0; row < count; row++) {
      for (var column = 0; column < count; column++) {
        if (code.isDark(row, column)) d += "M" + (column + 4) + " " + (row + 4) + "h1v1h-1z";
      }
    }
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.appendChild(path);
    container.appendChild(svg);
  }

  // The patient's page: ticks for today, kept on this device only.
  function ticksKey() {
    var today = new Date();
    var day = [today.getFullYear(), today.getMonth() + 1, today.getDate()].join("-");
    return "gg-plan-ticks:" + (new URLSearchParams(location.hash.slice(1)).get("x") || "") + ":" + day;
  }

  function readTicks() {
    try {
      return JSON.parse(localStorage.getItem(ticksKey()) || "[]");
    } catch (error) {
      return [];
    }
  }

  function saveTicks(codes) {
    try {
      if (codes.length) localStorage.setItem(ticksKey(), JSON.stringify(codes));
      else localStorage.removeItem(ticksKey());
    } catch (error) {
      // Private browsing may refuse storage: the ticks then last as long as the page.
    }
  }

  function startPatientPage() {
    var boxes = document.querySelectorAll(".gg-plan-tick input");
    function render() {
      var plan = parse(location.hash);
      if (!plan) {
        article.classList.remove("gg-plan-shown");
        return;
      }
      show(plan);
      drawQr(document.getElementById("gg-plan-qr"), location.href);
      var ticked = readTicks();
      boxes.forEach(function (box) {
        box.checked = ticked.indexOf(box.id.slice(5)) !== -1;
      });
    }
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var codes = [];
        boxes.forEach(function (other) {
          if (other.checked) codes.push(other.id.slice(5));
        });
        saveTicks(codes);
      });
    });
    document.getElementById("gg-plan-clear").addEventListener("click", function () {
      saveTicks([]);
      boxes.forEach(function (box) {
        box.checked = false;
      });
    });
    addEventListener("hashchange", render);
    render();
  }

  // The builder: every change writes the link, its QR code and the handout below.
  function startBuilder(form) {
    var linkField = document.getElementById("plan-link");
    var status = document.getElementById("plan-status");
    var picks = form.querySelectorAll(".gg-pick");
    // The patient's place, for the numbers on their page and handout: the clinician's own at first.
    var regionField = document.getElementById("plan-region");
    if (window.ggRegions) regionField.value = window.ggRegions.current();
    var filters = ["condition", "phase", "position", "equipment"];

    function today() {
      var now = new Date();
      var pad = function (n) {
        return (n < 10 ? "0" : "") + n;
      };
      return "" + now.getFullYear() + pad(now.getMonth() + 1) + pad(now.getDate());
    }

    function current() {
      var entries = [];
      picks.forEach(function (pick) {
        var box = pick.querySelector("input[type=checkbox]");
        pick.classList.toggle("is-chosen", box.checked);
        if (!box.checked) return;
        var code = box.value;
        var values = {};
        ["s", "r", "h", "m"].forEach(function (letter) {
          var field = document.getElementById(letter + "-" + code);
          if (field) values[letter] = clamp(field.value, data.limits[letter]);
        });
        var often = parseInt(document.getElementById("o-" + code).value, 10) || 0;
        var side = document.getElementById("side-" + code);
        entries.push({ code: code, values: values, often: often, side: side ? side.value : "" });
      });
      return {
        entries: entries,
        missing: 0,
        note: document.getElementById("plan-note").value.slice(0, data.noteLength),
        clinician: document.getElementById("plan-clinician").value.slice(0, data.clinicianLength),
        date: today(),
        region: knownRegion(regionField.value),
      };
    }

    function update() {
      var plan = current();
      var link = plan.entries.length ? new URL("../plan/" + fragmentOf(plan), location.href).href : "";
      linkField.value = link;
      drawQr(document.getElementById("gg-plan-qr"), link);
      show(plan);
      status.textContent = "";
    }

    function filter() {
      var wanted = {};
      filters.forEach(function (name) {
        wanted[name] = document.getElementById("filter-" + name).value;
      });
      picks.forEach(function (pick) {
        var code = pick.id.slice(5);
        var facts = data.filters[code];
        var fits = filters.every(function (name) {
          return !wanted[name] || facts[name].indexOf(wanted[name]) !== -1;
        });
        var chosen = pick.querySelector("input[type=checkbox]").checked;
        pick.classList.toggle("is-filtered-out", !fits && !chosen);
      });
    }

    form.addEventListener("input", update);
    form.addEventListener("change", function (event) {
      if (event.target.id.indexOf("filter-") === 0) filter();
      else update();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    document.getElementById("plan-copy").addEventListener("click", function () {
      if (!linkField.value) {
        status.textContent = "Tick at least one exercise first.";
        return;
      }
      var copied = function () {
        status.textContent = "Link copied.";
      };
      var selectIt = function () {
        linkField.select();
        status.textContent = document.execCommand("copy")
          ? "Link copied."
          : "Select the link and copy it.";
      };
      if (navigator.clipboard) navigator.clipboard.writeText(linkField.value).then(copied, selectIt);
      else selectIt();
    });
    document.getElementById("plan-print").addEventListener("click", function () {
      if (!linkField.value) {
        status.textContent = "Tick at least one exercise first.";
        return;
      }
      print();
    });
    filter();
    update();
  }

  var form = document.getElementById("gg-builder");
  if (form) startBuilder(form);
  else startPatientPage();
})();
