// Glute Guide's home exercise programmes. The builder (/prescribe/) writes a programme into a link;
// the patient's page (/plan/) reads it back. The programme lives in the link's fragment, which a
// browser never sends to a server, and nothing typed here leaves the device. Everything read from a
// link is checked against a strict pattern, clamped, and inserted as text, never as markup. The
// note and the clinician's name are the giver's words, not the site's: they are shown quoted,
// under "From the person who gave you this link:", after the site's own emergency block, with
// invisible format characters taken out. The link format is described in
// generator/pages/prescribe.py.
(function () {
  "use strict";
  var ENTRY = /^([0-9a-z]{4})((?:[srhm][0-9]{1,3})*)(?:o([0-9]{1,2}))?([LR]?)$/;
  var TOKEN = /([srhm])([0-9]{1,3})/g;
  var SIDES = { "": "both sides", L: "left side only", R: "right side only" };
  var SVG = "http://www.w3.org/2000/svg";
  // Unicode's format characters (category Cf: bidirectional overrides, embeddings and isolates,
  // zero-width spaces and joiners, the soft hyphen, the byte order mark, tags), the invisible
  // fillers and the combining grapheme joiner, written out as ranges so that the pattern parses in
  // browsers without Unicode property escapes (tests/js/plan.test.js holds it to Node's tables).
  var INVISIBLE = new RegExp(
    "\u034F|[\u00AD\u115F\u1160\u3164\uFFA0\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891" +
      "\u08E2\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF" +
      "\uFFF9-\uFFFB]|\uD804[\uDCBD\uDCCD]|\uD80D[\uDC30-\uDC3F]|\uD82F[\uDCA0-\uDCA3]" +
      "|\uD834[\uDD73-\uDD7A]|\uDB40[\uDC01\uDC20-\uDC7F]",
    "g"
  );
  // Control characters are what these two find, to turn them into line breaks or spaces.
  // eslint-disable-next-line no-control-regex
  var LINE_BREAK = /\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]/g;
  // eslint-disable-next-line no-control-regex
  var CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
  // What a form-encoded link (URLSearchParams) keeps as one byte; anything else is %XX per byte.
  var ONE_BYTE = /[A-Za-z0-9*\-._ ]/;
  // What the address bar keeps as one byte in a fragment; anything else is %XX per byte.
  var FRAGMENT_BYTE = /[!#-;=?-_a-~]/;

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function clamp(text, highest) {
    var number = parseInt(text, 10);
    if (!(number >= 1)) return 1;
    return Math.min(number, highest);
  }

  // The giver's text as the patient's page shows it: no invisible format or control characters,
  // no lone halves of a surrogate pair; the note keeps its line breaks (at most one empty line in
  // a row), a name is one line.
  function cleanText(text, keepLines) {
    var kept = "";
    for (var i = 0; i < text.length; i++) {
      var unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
        kept += text.slice(i, i + 2);
        i++;
      } else if (unit < 0xd800 || unit > 0xdfff) {
        kept += text.charAt(i);
      }
    }
    kept = kept.replace(INVISIBLE, "").replace(LINE_BREAK, keepLines ? "\n" : " ");
    kept = kept.replace(CONTROL, " ");
    if (!keepLines) return kept.replace(/\s+/g, " ").trim();
    return kept
      .replace(/[^\S\n]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }

  function isLow(unit) {
    return unit >= 0xdc00 && unit <= 0xdfff;
  }

  // Bytes the character at text[i] takes, as `oneByte` says which stay as they are and the rest
  // are written %XX for each byte of their UTF-8; and how many UTF-16 units it is.
  function characterBytes(text, i, oneByte) {
    var unit = text.charCodeAt(i);
    if (unit < 0x80) return [oneByte.test(text.charAt(i)) ? 1 : 3, 1];
    if (unit < 0x800) return [6, 1];
    if (unit >= 0xd800 && unit <= 0xdbff && isLow(text.charCodeAt(i + 1))) return [12, 2];
    return [9, 1]; // the rest of the first plane; a lone surrogate is written as U+FFFD
  }

  function byteLength(text, oneByte) {
    var total = 0;
    for (var i = 0; i < text.length; ) {
      var sizes = characterBytes(text, i, oneByte);
      total += sizes[0];
      i += sizes[1];
    }
    return total;
  }

  // How many bytes text takes in a link as the builder writes it (URLSearchParams).
  function encodedLength(text) {
    return byteLength(text, ONE_BYTE);
  }

  // The longest start of text that takes at most `limit` bytes in the link, never half a character.
  function cutToBytes(text, limit) {
    var total = 0;
    for (var i = 0; i < text.length; ) {
      var sizes = characterBytes(text, i, ONE_BYTE);
      if (total + sizes[0] > limit) return text.slice(0, i);
      total += sizes[0];
      i += sizes[1];
    }
    return text;
  }

  // The giver's text as the link carries it and the page shows it: cleaned, then cut to `limit`
  // bytes (so that invisible characters take none of them), with no space left at the cut.
  function fitText(text, keepLines, limit) {
    return cleanText(cutToBytes(cleanText(text, keepLines), limit), keepLines);
  }

  // Whether a fragment is longer than any programme link can be, in bytes as the address holds it.
  function tooLong(fragment, data) {
    if (fragment.length > data.fragmentBytes) {
      return true; // every character is at least one byte: no need to count them
    }
    return byteLength(fragment.charAt(0) === "#" ? fragment : "#" + fragment, FRAGMENT_BYTE) >
      data.fragmentBytes;
  }

  // A link's date (YYYYMMDD), if it is a real day from the first day of programme links to
  // tomorrow (a link made where it is already tomorrow); else "", and no date is shown.
  function linkDate(digits, data, today) {
    if (!/^[0-9]{8}$/.test(digits) || digits < data.firstDay) return "";
    var year = +digits.slice(0, 4);
    var month = +digits.slice(4, 6) - 1;
    var day = new Date(year, month, +digits.slice(6, 8));
    if (day.getFullYear() !== year || day.getMonth() !== month) return "";
    if (day.getDate() !== +digits.slice(6, 8)) return "";
    var tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
    return day.getTime() <= tomorrow.getTime() ? digits : "";
  }

  // A link's fragment -> {entries, missing, note, clinician, date, region}, or null when it cannot
  // be read: malformed, of another version, or longer than any programme link. `data` is the
  // page's (generator/pages/prescribe.py, plan_data); `knownRegion` turns the link's region into a
  // key of the page's emergency data, or "" when it names none; `today` judges the date.
  function parseLink(fragment, data, knownRegion, today) {
    if (tooLong(fragment, data)) return null;
    var params = new URLSearchParams(fragment.replace(/^#/, ""));
    if (params.get("v") !== String(data.version)) return null;
    var parts = (params.get("x") || "").split(".");
    if (parts.length > data.maxEntries) return null;
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
    return {
      entries: entries,
      missing: missing,
      note: fitText(params.get("n") || "", true, data.noteBytes),
      clinician: fitText(params.get("c") || "", false, data.clinicianBytes),
      date: linkDate(params.get("d") || "", data, today || new Date()),
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

  // The QR code of text, or null where none can be drawn (there is no QR library, or the text is
  // longer than a code holds): error correction M, or L for a text too long for M.
  function qrCode(text, library) {
    if (!text || typeof library !== "function") return null;
    var levels = ["M", "L"];
    for (var i = 0; i < levels.length; i++) {
      try {
        var code = library(0, levels[i]);
        code.addData(text);
        code.make();
        return code;
      } catch (error) {
        // qrcode-generator throws when the text does not fit: try the next level, or draw none.
      }
    }
    return null;
  }

  // In Node, for tests/js/plan.test.js: the link's reading and writing, without a page.
  if (typeof module === "object" && module.exports) {
    module.exports = {
      clamp: clamp,
      cleanText: cleanText,
      encodedLength: encodedLength,
      cutToBytes: cutToBytes,
      fitText: fitText,
      tooLong: tooLong,
      linkDate: linkDate,
      parseLink: parseLink,
      linkFragment: linkFragment,
      longDate: longDate,
      qrCode: qrCode,
    };
    return;
  }

  var dataElement = document.getElementById("gg-plan-data");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var article = document.querySelector("article") || document.body;

  function parse(fragment) {
    return parseLink(fragment, data, knownRegion, new Date());
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
    showGiver(document.getElementById("gg-plan-giver"), plan);
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

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  // The giver's words, quoted and labelled as theirs: never an admonition, and placed after the
  // site's own emergency block (the templates put the container there).
  function showGiver(container, plan) {
    if (!container) return;
    container.textContent = "";
    if (!plan.note && !plan.clinician) return;
    container.appendChild(
      element("p", "gg-giver-label", "From the person who gave you this link:")
    );
    var quote = element("blockquote", "gg-giver-words");
    if (plan.note) {
      var note = element("p", "gg-giver-note", plan.note);
      note.setAttribute("dir", "auto");
      quote.appendChild(note);
    }
    if (plan.clinician) {
      var name = element("p", "gg-giver-name", "Their name and contact: ");
      var words = element("bdi", "", plan.clinician);
      name.appendChild(words);
      quote.appendChild(name);
    }
    container.appendChild(quote);
    container.appendChild(
      element(
        "p",
        "gg-giver-unchecked",
        "Glute Guide did not write these words and cannot check who sent them. If you are" +
          " worried about your symptoms, follow “When to get help” above."
      )
    );
  }

  // A QR code drawn as SVG squares from qrcode-generator's modules, on a white ground so that it
  // scans in the dark colour scheme and on paper. False where none could be drawn.
  function drawQr(container, text) {
    if (!container) return false;
    container.textContent = "";
    var code = qrCode(text, typeof qrcode === "function" ? qrcode : null);
    if (!code) return false;
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
    return true;
  }

  // The patient's page: ticks for today, kept on this device only.
  function ticksKey() {
    var today = new Date();
    var day = [today.getFullYear(), today.getMonth() + 1, today.getDate()].join("-");
    return "gg-plan-ticks:" + (new URLSearchParams(location.hash.slice(1)).get("x") || "") + ":" + day;
  }

  function readTicks() {
    try {
      var ticks = JSON.parse(localStorage.getItem(ticksKey()) || "[]");
      return Array.isArray(ticks) ? ticks : [];
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
    // Any fragment at all: a programme shown with today's ticks and then its QR code, or the
    // page's message, saying so when the link is longer than any programme link can be.
    function render() {
      var long = tooLong(location.hash, data);
      var plan = long ? null : parse(location.hash);
      setText(
        "gg-plan-why",
        long
          ? "This link is too long to be a programme link, so it was not read. Ask the person" +
              " who gave it to you to make it again."
          : ""
      );
      if (!plan) {
        // Nothing of a link read before stays: not its words, nor its QR code.
        article.classList.remove("gg-plan-shown");
        showGiver(document.getElementById("gg-plan-giver"), { note: "", clinician: "" });
        drawQr(document.getElementById("gg-plan-qr"), "");
        return;
      }
      show(plan);
      var ticked = readTicks();
      boxes.forEach(function (box) {
        box.checked = ticked.indexOf(box.id.slice(5)) !== -1;
      });
      drawQr(document.getElementById("gg-plan-qr"), location.href);
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
        note: fitted(document.getElementById("plan-note"), true, data.noteBytes),
        clinician: fitted(document.getElementById("plan-clinician"), false, data.clinicianBytes),
        date: today(),
        region: knownRegion(regionField.value),
      };
    }

    // A field's words as the patient's page will show them, cut to what the link holds for
    // them; when they had to be cut, the field is cut too, so that what the clinician sees is
    // what the patient gets.
    var cut = "";
    function fitted(field, keepLines, limit) {
      var text = cleanText(field.value, keepLines);
      var kept = fitText(text, keepLines, limit);
      if (kept !== text) {
        field.value = kept;
        cut = keepLines
          ? "The note is as long as a link can hold."
          : "Your name and contact are as long as a link can hold.";
      }
      return kept;
    }

    function update() {
      cut = "";
      var plan = current();
      show(plan);
      var link = plan.entries.length ? new URL("../plan/" + fragmentOf(plan), location.href).href : "";
      linkField.value = link;
      var drawn = drawQr(document.getElementById("gg-plan-qr"), link);
      status.textContent = link && !drawn ? "This link is too long for a QR code." : cut;
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
