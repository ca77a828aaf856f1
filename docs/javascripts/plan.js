// Glute Guide's home exercise programmes. The builder (/prescribe/) writes a programme into a link;
// the patient's page (/plan/) reads it back. The programme lives in the link's fragment, which a
// browser never sends to a server, and nothing typed here leaves the device. Everything read from a
// link is checked against a strict pattern, clamped, and inserted as text, never as markup. The
// note and the clinician's name are the giver's words, not the site's: they are shown quoted,
// under "From the person who gave you this link:", after the site's own emergency block, with
// invisible format characters taken out; so is each exercise's note. What each exercise says is
// fetched from its take-home file (generator/pages/take_home.py) and drawn into a copy of the
// page's take-home skeleton (partials/take-home.html.j2), as text. The link format is described
// in generator/pages/prescribe.py.
(function () {
  "use strict";
  var ENTRY = /^([0-9a-z]{4})((?:[srhm][0-9]{1,3})*)(?:o([0-9]{1,2}))?([LR]?)$/;
  var TOKEN = /([srhm])([0-9]{1,3})/g;
  var SIDES = { L: "left", R: "right" };
  var LETTERS = ["s", "r", "h", "m"];
  var FIELDS = { s: "sets", r: "reps", h: "hold_seconds", m: "minutes" };
  var LABELS = { s: "Sets", r: "Reps", h: "Hold (seconds)", m: "Minutes" };
  var UNITS = { s: "set", r: "rep", h: "second of hold", m: "minute" };
  // A take-home file's addresses: paths on this site, never another host or scheme.
  var SITE_PATH = /^[a-z0-9][a-z0-9/.-]*$/;
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

  // A note for one exercise: one line, cleaned, at most `limit` characters (not UTF-16 units).
  function fitChars(text, limit) {
    var characters = Array.from(cleanText(text, false));
    return characters.length > limit ? characters.slice(0, limit).join("").trim() : characters.join("");
  }

  function counted(number, noun) {
    return number + " " + noun + (number === 1 ? "" : "s");
  }

  // A dose in the exercise's own words, as describe_dose (generator/pages/render.py) writes it on
  // its page: holds for a stretch, minutes for heat and cold, sets and reps for strength; `numbers`
  // are the prescribed {s, r, h, m}, `dose` the exercise's own (per_side, rest_seconds), `side`
  // "" for both sides or L or R.
  function doseWords(numbers, dose, side) {
    var amount;
    if (numbers.r) {
      amount = counted(numbers.r, "rep");
      if (numbers.s > 1) amount = counted(numbers.s, "set") + " of " + amount;
      if (numbers.h) amount += ", holding each for " + counted(numbers.h, "second");
    } else if (numbers.h) {
      amount = counted(numbers.s || 1, "hold") + " of " + counted(numbers.h, "second");
    } else {
      amount = counted(numbers.m || 0, "minute");
      if (numbers.s > 1) amount = counted(numbers.s, "session") + " of " + amount;
    }
    var parts = [amount];
    if (dose.per_side) parts.push(side ? SIDES[side] + " side only" : "each side");
    if (dose.rest_seconds) parts.push("resting " + counted(dose.rest_seconds, "second") + " in between");
    return parts.join(", ");
  }

  // The numbers a programme gives an exercise: the link's where it has them, else the exercise's
  // own, each at most the exercise's safe limit. -> {numbers, capped: letters cut to the limit}
  function prescribed(values, takeHome) {
    var numbers = {};
    var capped = [];
    LETTERS.forEach(function (letter) {
      var value = own(values, letter) ? values[letter] : takeHome.dose[FIELDS[letter]];
      if (!value) return;
      var most = takeHome.most[FIELDS[letter]];
      if (most && value > most) {
        value = most;
        capped.push(letter);
      }
      numbers[letter] = value;
    });
    return { numbers: numbers, capped: capped };
  }

  // The steps as a one-sided or two-sided programme reads them: a step marked for sides gives its
  // one-side words (with {side} as "left" or "right") or is left out.
  function stepsFor(steps, side) {
    var shown = [];
    steps.forEach(function (step) {
      if (!side) shown.push(step.both);
      else if (step.one !== null) shown.push(step.one.split("{side}").join(SIDES[side]));
    });
    return shown;
  }

  // Whether an exercise's page changed (YYYY-MM-DD) after the link was made (YYYYMMDD).
  function changedSince(changed, linkDay) {
    return Boolean(linkDay) && changed.replace(/-/g, "") > linkDay;
  }

  // The stop rules and precautions every chosen exercise shares, when there are two or more: on
  // paper they are said once, above the exercises, and each exercise keeps only its own (a
  // handout of five then fits two sheets). On screen every exercise still shows all of its own.
  function shared(files) {
    var common = function (key) {
      if (files.length < 2) return [];
      return files[0][key].filter(function (line) {
        return files.every(function (file) {
          return file[key].indexOf(line) >= 0;
        });
      });
    };
    return { stop_rules: common("stop_rules"), precautions: common("precautions") };
  }

  // A fetched take-home file, or null unless it has the shape the page draws from: anything else
  // (a damaged or hostile file) is not shown.
  function readTakeHome(file, code) {
    var strings = function (list) {
      return Array.isArray(list) && list.every(function (item) {
        return typeof item === "string";
      });
    };
    var variant = function (value) {
      return value === null || (value && typeof value.title === "string" && SITE_PATH.test(value.url));
    };
    var numbers = function (value) {
      return value && LETTERS.every(function (letter) {
        var number = value[FIELDS[letter]];
        return number === undefined || number === null || (Number.isInteger(number) && number > 0);
      });
    };
    if (!file || typeof file !== "object" || file.version !== 1 || file.code !== code) return null;
    var texts = [file.title, file.start_position, file.move_on_when, file.changed, file.dose && file.dose.how_often];
    if (!texts.every(function (text) { return typeof text === "string"; })) return null;
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(file.changed) || !SITE_PATH.test(file.url)) return null;
    if (!numbers(file.dose) || !numbers(file.most) || !strings(file.stop_rules)) return null;
    if (!strings(file.precautions) || !variant(file.easier) || !variant(file.harder)) return null;
    if (!(file.rest === null || typeof file.rest === "string")) return null;
    var steps = Array.isArray(file.steps) && file.steps.every(function (step) {
      return step && typeof step.both === "string" && (step.one === null || typeof step.one === "string");
    });
    var drawings = Array.isArray(file.drawings) && file.drawings.every(function (drawing) {
      return drawing && typeof drawing.alt === "string" && SITE_PATH.test(drawing.src) &&
        /\.svg$/.test(drawing.src) && Number.isInteger(drawing.step) && drawing.step >= 0 &&
        Array.isArray(file.steps) && drawing.step <= file.steps.length;
    });
    return steps && drawings ? file : null;
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
    var version = parseInt(params.get("v"), 10);
    if (data.versions.indexOf(version) === -1 || params.get("v") !== String(version)) return null;
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
      var note = version >= 2 ? params.get("t" + found[1]) || "" : "";
      entries.push({
        code: code,
        values: values,
        often: often,
        side: found[4],
        note: fitChars(note, data.exerciseNoteChars),
      });
    }
    if (!entries.length && !missing) return null;
    return {
      version: version,
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
          LETTERS.forEach(function (letter) {
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
    if (version >= 2) {
      plan.entries.forEach(function (entry) {
        if (entry.note) params.set("t" + entry.code, entry.note);
      });
    }
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

  // --- What the patient saves after a session: a log per programme, on this device only ---

  var DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var CODE = /^[0-9a-z]{4}$/;
  var EFFORTS = ["easy", "right", "hard"];
  var EFFORT_WORDS = { easy: "easy", right: "about right", hard: "too hard" };
  // The days a log keeps: enough for any look back a clinician asks for, never a growing store.
  var KEPT_DAYS = 92;

  function dayKey(date) {
    var two = function (number) {
      return (number < 10 ? "0" : "") + number;
    };
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  // A stored log, kept only where it has the shape it is written in: {day: {done: [codes],
  // pain: 0 to 10, effort: "" or one of EFFORTS}}. Anything else in it is dropped.
  function readLog(text) {
    var log = {};
    var stored;
    try {
      stored = JSON.parse(text || "{}");
    } catch (error) {
      return log;
    }
    if (!stored || typeof stored !== "object" || Array.isArray(stored)) return log;
    Object.keys(stored).forEach(function (day) {
      var record = stored[day];
      if (!DAY.test(day) || !record || typeof record !== "object") return;
      if (!Number.isInteger(record.pain) || record.pain < 0 || record.pain > 10) return;
      if (record.effort !== "" && EFFORTS.indexOf(record.effort) < 0) return;
      if (!Array.isArray(record.done) || !record.done.every(function (code) {
        return typeof code === "string" && CODE.test(code);
      })) return;
      log[day] = { done: record.done.slice(), pain: record.pain, effort: record.effort };
    });
    return log;
  }

  // The last `count` days up to `today`, newest first: [{day, record or null}].
  function lastDays(log, today, count) {
    var days = [];
    for (var back = 0; back < count; back++) {
      var day = dayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - back));
      days.push({ day: day, record: own(log, day) ? log[day] : null });
    }
    return days;
  }

  // One day of the log in words: "Glute bridge, Heat. Pain 3 out of 10; it felt about right."
  function dayWords(record, titles) {
    if (!record) return "No session saved.";
    var names = record.done.map(function (code) {
      return own(titles, code) ? titles[code] : null;
    }).filter(Boolean);
    var words = (names.length ? names.join(", ") : "No exercise finished") + ". Pain " + record.pain + " out of 10";
    if (record.effort) words += "; it felt " + EFFORT_WORDS[record.effort];
    return words + ".";
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
      fitChars: fitChars,
      doseWords: doseWords,
      prescribed: prescribed,
      stepsFor: stepsFor,
      changedSince: changedSince,
      shared: shared,
      readTakeHome: readTakeHome,
      dayKey: dayKey,
      readLog: readLog,
      lastDays: lastDays,
      dayWords: dayWords,
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

  // The site's root, from either programme page (/plan/ and /prescribe/ are one level down).
  var root = new URL("../", location.href);
  var takeHomes = {};

  // An exercise's take-home file, fetched once per page: a promise of the file, or of null when
  // it cannot be had (offline, gone) or is not what the page draws from.
  function fetchTakeHome(code) {
    if (!takeHomes[code]) {
      var address = new URL(data.pages[code] + data.takeHome, root);
      takeHomes[code] = fetch(address.href, { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (file) {
          return readTakeHome(file, code);
        })
        .catch(function () {
          return null;
        });
    }
    return takeHomes[code];
  }

  function often(entry, takeHome) {
    return entry.often ? data.howOften[entry.often] : takeHome.dose.how_often;
  }

  function list(node, selector, lines) {
    var into = node.querySelector(selector);
    lines.forEach(function (line) {
      if (typeof line === "string") into.appendChild(element("li", "", line));
      else into.appendChild(line);
    });
    return into;
  }

  function pageLink(text, path) {
    var link = element("a", "", text);
    link.href = new URL(path, root).href;
    return link;
  }

  // One chosen exercise, drawn into a copy of the take-home skeleton: every value goes in as text.
  function drawTakeHome(entry, takeHome, linkDay, common) {
    var skeleton = document.getElementById("gg-take-home");
    var node = skeleton.content.firstElementChild.cloneNode(true);
    node.id = "plan-" + entry.code;
    var title = node.querySelector(".gg-th-title");
    title.id = "exercise-" + entry.code;
    title.textContent = takeHome.title;
    var changed = node.querySelector(".gg-th-changed");
    if (changedSince(takeHome.changed, linkDay)) {
      changed.textContent =
        "This exercise's page changed on " + longDate(takeHome.changed.replace(/-/g, "")) +
        ", after this programme was made. If anything here is not what you were shown, ask" +
        " the person who gave you this programme.";
    } else {
      changed.remove();
    }
    var side = takeHome.dose.per_side ? entry.side : "";
    var dose = prescribed(entry.values, takeHome);
    list(node, ".gg-plan-dose", [
      "Dose: " + doseWords(dose.numbers, takeHome.dose, side),
      "How often: " + often(entry, takeHome),
    ]);
    var noteBox = node.querySelector(".gg-th-note");
    if (entry.note) {
      noteBox.appendChild(element("p", "gg-giver-label", "Note from the person who gave you this programme:"));
      var quote = element("blockquote", "gg-giver-words");
      var words = element("p", "gg-exercise-note", entry.note);
      words.setAttribute("dir", "auto");
      quote.appendChild(words);
      noteBox.appendChild(quote);
    } else {
      noteBox.remove();
    }
    var drawings = node.querySelector(".gg-plan-drawings");
    takeHome.drawings.forEach(function (drawing) {
      var image = document.createElement("img");
      image.src = new URL(drawing.src, root).href;
      image.alt = drawing.alt;
      image.className = "gg-plan-drawing";
      // Fetched as the patient scrolls to it, not all at first load on a phone.
      image.loading = "lazy";
      drawings.appendChild(image);
    });
    node.querySelector(".gg-th-start").textContent = takeHome.start_position;
    list(node, ".gg-th-steps", stepsFor(takeHome.steps, side));
    var rest = node.querySelector(".gg-th-rest");
    if (takeHome.rest) rest.textContent = takeHome.rest;
    else rest.remove();
    if (listOwn(node, ".gg-th-stop", takeHome.stop_rules, common.stop_rules)) {
      // On paper its own rules come on top of the shared ones, and say so.
      var stopTitle = node.querySelector(".gg-th-stop").parentNode.firstElementChild;
      var stopWords = stopTitle.textContent;
      stopTitle.textContent = "";
      stopTitle.appendChild(element("span", "gg-screen-only", stopWords));
      stopTitle.appendChild(element("span", "gg-th-see-shared", "Also " + stopWords.toLowerCase()));
    }
    if (takeHome.precautions.length) {
      listOwn(node, ".gg-th-precautions", takeHome.precautions, common.precautions);
    } else {
      node.querySelector(".gg-th-care").remove();
    }
    var variants = [];
    [["Easier: ", takeHome.easier], ["Harder: ", takeHome.harder]].forEach(function (pair) {
      if (!pair[1]) return;
      var line = element("li", "", pair[0]);
      line.appendChild(pageLink(pair[1].title, pair[1].url));
      variants.push(line);
    });
    variants.push(
      "Move on when: " + takeHome.move_on_when + " " + data.moveOnAsk
    );
    list(node, ".gg-th-variants", variants);
    var tick = node.querySelector(".gg-plan-tick input");
    tick.id = "tick-" + entry.code;
    var label = node.querySelector(".gg-plan-tick label");
    label.htmlFor = tick.id;
    label.textContent = "Done today: " + takeHome.title;
    var more = node.querySelector(".gg-plan-more a");
    more.href = new URL(takeHome.url, root).href;
    return node;
  }

  // An exercise's list, its lines that all the chosen exercises share marked so that on paper,
  // where they are said once above, they are left out here, and a box left with nothing of its
  // own is left out. Returns whether any line was shared.
  function listOwn(node, selector, lines, common) {
    var own = 0;
    var into = list(node, selector, lines);
    into.childNodes.forEach(function (line) {
      if (common.indexOf(line.textContent) >= 0) line.className = "gg-th-shared";
      else own += 1;
    });
    if (!own) into.parentNode.classList.add("gg-th-shared");
    return own < lines.length;
  }

  // What every chosen exercise shares, said once (the page's CSS shows it in print only).
  function drawShared(common) {
    var skeleton = document.getElementById("gg-take-home-shared");
    var node = skeleton.content.firstElementChild.cloneNode(true);
    if (common.stop_rules.length) list(node, ".gg-th-stop", common.stop_rules);
    else node.querySelector(".admonition").remove();
    if (common.precautions.length) list(node, ".gg-th-precautions", common.precautions);
    else node.querySelector(".gg-th-care").remove();
    return node;
  }

  function unavailable(entry) {
    var node = element("div", "gg-plan-item");
    node.id = "plan-" + entry.code;
    node.appendChild(
      element(
        "p",
        "",
        "One exercise of this programme could not be loaded. Check that you are online and" +
          " reload the page."
      )
    );
    return node;
  }

  // Both pages: the chosen exercises, in the programme's order, each with its prescribed dose.
  // Resolves once every exercise is drawn; a later call replaces an earlier one's drawing.
  var shown = 0;
  var drawn = null;
  function show(plan) {
    var items = document.getElementById("gg-plan-items");
    var turn = ++shown;
    items.setAttribute("aria-busy", "true");
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
    return Promise.all(
      plan.entries.map(function (entry) {
        return fetchTakeHome(entry.code);
      })
    ).then(function (files) {
      if (turn !== shown) return false;
      items.textContent = "";
      var common = shared(files.filter(Boolean));
      if (common.stop_rules.length || common.precautions.length) {
        items.appendChild(drawShared(common));
      }
      plan.entries.forEach(function (entry, index) {
        var file = files[index];
        items.appendChild(file ? drawTakeHome(entry, file, plan.date, common) : unavailable(entry));
      });
      drawn = { plan: plan, files: files };
      items.removeAttribute("aria-busy");
      return true;
    });
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

  function ticks() {
    return document.querySelectorAll(".gg-plan-tick input");
  }

  // A script of this site, loaded once, then `then()`; `then` runs also when it cannot load.
  var loading = {};
  function loadScript(path, then) {
    if (loading[path] === true) return then();
    if (loading[path]) return loading[path].push(then);
    loading[path] = [then];
    var script = document.createElement("script");
    script.src = new URL(path, root).href;
    script.onload = script.onerror = function () {
      var waiting = loading[path];
      loading[path] = true;
      waiting.forEach(function (run) {
        run();
      });
    };
    document.head.appendChild(script);
  }

  // The programme's log: kept per programme (its exercises and numbers), on this device only.
  function logKey() {
    return "gg-plan-log:" + (new URLSearchParams(location.hash.slice(1)).get("x") || "");
  }

  function storedLog() {
    try {
      return readLog(localStorage.getItem(logKey()));
    } catch (error) {
      return {};
    }
  }

  function titles() {
    var names = {};
    if (drawn) {
      drawn.plan.entries.forEach(function (entry, index) {
        if (drawn.files[index]) names[entry.code] = drawn.files[index].title;
      });
    }
    return names;
  }

  function drawLog() {
    var into = document.getElementById("gg-plan-log");
    into.textContent = "";
    var names = titles();
    lastDays(storedLog(), new Date(), 7).forEach(function (day) {
      var line = element("li", day.record ? "gg-log-day" : "gg-log-day gg-log-none");
      var date = new Date(+day.day.slice(0, 4), +day.day.slice(5, 7) - 1, +day.day.slice(8, 10));
      var when = date.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" });
      line.appendChild(element("strong", "", when + ": "));
      line.appendChild(document.createTextNode(dayWords(day.record, names)));
      into.appendChild(line);
    });
  }

  function saveRecord(record) {
    var now = new Date();
    var oldest = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - KEPT_DAYS));
    try {
      var log = window.ggSession.addRecord(storedLog(), dayKey(now), record, oldest);
      localStorage.setItem(logKey(), JSON.stringify(log));
    } catch (error) {
      // Private browsing may refuse storage: nothing is kept, and the view says no session.
    }
    // What a session finished is ticked as done today, too.
    var ticked = readTicks();
    record.done.forEach(function (code) {
      if (ticked.indexOf(code) < 0) ticked.push(code);
    });
    saveTicks(ticked);
    ticks().forEach(function (box) {
      box.checked = ticked.indexOf(box.id.slice(5)) !== -1;
    });
  }

  // What a session needs of each chosen exercise that could be loaded, as the programme gives it.
  function sessionItems() {
    var items = [];
    if (!drawn) return items;
    drawn.plan.entries.forEach(function (entry, index) {
      var file = drawn.files[index];
      if (!file) return;
      var side = file.dose.per_side ? entry.side : "";
      var numbers = prescribed(entry.values, file).numbers;
      items.push({
        code: entry.code,
        title: file.title,
        numbers: numbers,
        perSide: file.dose.per_side === true,
        side: side,
        restSeconds: file.dose.rest_seconds || 0,
        startPosition: file.start_position,
        steps: file.steps,
        drawings: file.drawings,
        doseWords: doseWords(numbers, file.dose, side),
      });
    });
    return items;
  }

  // The most days a week any chosen exercise is done on: the reminders' days.
  function daysAWeek() {
    var most = 1;
    if (!drawn) return 7;
    drawn.plan.entries.forEach(function (entry, index) {
      var file = drawn.files[index];
      if (!file) return;
      var days = entry.often ? data.howOftenDays[entry.often] : file.dose.days_a_week;
      most = Math.max(most, Number.isInteger(days) && days >= 1 && days <= 7 ? days : 7);
    });
    return most;
  }

  function downloadReminders() {
    var time = document.getElementById("gg-reminder-time").value;
    window.ggSession.downloadReminders({
      time: /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(time) ? time : "18:00",
      days: daysAWeek(),
      link: location.href,
      uid: "programme-" + linkCodes(location.hash).join("."),
    });
  }

  // Offline after a first visit: the site's service worker (generator/output/service-worker.mjs)
  // keeps this page and its scripts, and each exercise's file as it is fetched. A first visit's
  // were fetched before the worker ran, and drawings below the fold not yet at all, so what the
  // cache lacks of this programme is put in it now.
  var EXERCISES_CACHE = "gg-exercises";
  function keepOffline() {
    if (!("serviceWorker" in navigator) || !window.caches || !drawn) return;
    var addresses = [];
    drawn.plan.entries.forEach(function (entry, index) {
      var file = drawn.files[index];
      if (!file) return;
      addresses.push(new URL(data.pages[entry.code] + data.takeHome, root).href);
      file.drawings.forEach(function (drawing) {
        addresses.push(new URL(drawing.src, root).href);
      });
    });
    navigator.serviceWorker
      .register(new URL("sw.js", root).href)
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function () {
        return caches.open(EXERCISES_CACHE);
      })
      .then(function (cache) {
        // Only what the cache lacks: what the worker fetched for the page is there already.
        return Promise.all(
          addresses.map(function (address) {
            return cache.match(address).then(function (kept) {
              return kept ? null : address;
            });
          })
        ).then(function (missing) {
          return cache.addAll(missing.filter(Boolean));
        });
      })
      .catch(function () {
        // No worker here (the live preview) or no room: the page works online as before.
      });
  }

  // The installed app opens /plan/?app with no link (a manifest cannot hold one): it reopens
  // the programme last shown on this device (generator/pages/app.py).
  var LAST_KEY = "gg-plan-last";
  function reopenLast() {
    if (location.hash || !new URLSearchParams(location.search).has("app")) return;
    try {
      var last = localStorage.getItem(LAST_KEY);
      if (last && last.charAt(0) === "#") history.replaceState(null, "", last);
    } catch (error) {
      // No storage: the page says the link is missing.
    }
  }

  function rememberLast() {
    try {
      localStorage.setItem(LAST_KEY, location.hash);
    } catch (error) {
      // Private browsing may refuse storage: the app then opens without a programme.
    }
  }

  function startPatientPage() {
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
        // Nothing of a link read before stays: not its words, its exercises, nor its QR code.
        shown++;
        article.classList.remove("gg-plan-shown");
        document.getElementById("gg-plan-items").textContent = "";
        showGiver(document.getElementById("gg-plan-giver"), { note: "", clinician: "" });
        drawQr(document.getElementById("gg-plan-qr"), "");
        return;
      }
      drawQr(document.getElementById("gg-plan-qr"), location.href);
      show(plan).then(function (done) {
        if (!done) return;
        var ticked = readTicks();
        ticks().forEach(function (box) {
          box.checked = ticked.indexOf(box.id.slice(5)) !== -1;
        });
        drawLog();
        rememberLast();
        keepOffline();
      });
    }
    document.getElementById("gg-session-start").addEventListener("click", function () {
      var button = this;
      loadScript("javascripts/session.js", function () {
        var items = sessionItems();
        if (!window.ggSession || !items.length) return;
        window.ggSession.start(items, {
          root: root,
          save: saveRecord,
          closed: function (saved) {
            drawLog();
            var back = saved ? document.getElementById("last-7-days") : button;
            if (saved) back.setAttribute("tabindex", "-1");
            back.focus();
          },
        });
      });
    });
    document.getElementById("gg-log-clear").addEventListener("click", function () {
      try {
        localStorage.removeItem(logKey());
      } catch (error) {
        // Nothing was stored.
      }
      drawLog();
    });
    document.getElementById("gg-progress-start").addEventListener("click", function () {
      loadScript("javascripts/progress.js", function () {
        if (window.ggProgress) shareProgress();
      });
    });
    document.getElementById("gg-progress-copy").addEventListener("click", function () {
      copyField(document.getElementById("gg-progress-link"), document.getElementById("gg-progress-copied"));
    });
    document.getElementById("gg-reminders").addEventListener("click", function () {
      loadScript("javascripts/session.js", function () {
        if (window.ggSession) downloadReminders();
      });
    });
    document.getElementById("gg-plan-items").addEventListener("change", function () {
      var codes = [];
      ticks().forEach(function (box) {
        if (box.checked) codes.push(box.id.slice(5));
      });
      saveTicks(codes);
    });
    document.getElementById("gg-plan-clear").addEventListener("click", function () {
      saveTicks([]);
      ticks().forEach(function (box) {
        box.checked = false;
      });
    });
    // The QR code's library (a fifth of the page's weight) comes only when the patient prints.
    document.getElementById("gg-plan-print").addEventListener("click", function () {
      if (typeof qrcode === "function") return print();
      loadScript("javascripts/vendor/qrcode.js", function () {
        drawQr(document.getElementById("gg-plan-qr"), location.href);
        print();
      });
    });
    addEventListener("hashchange", render);
    reopenLast();
    render();
  }

  // The link's exercise codes as written, in order, those no longer on the site included.
  function linkCodes(fragment) {
    var x = new URLSearchParams(fragment.replace(/^#/, "")).get("x") || "";
    return x.split(".").map(function (part) {
      return part.slice(0, 4);
    });
  }

  // Copies a read-only field's link, saying so in `status`; where the browser will not, selects
  // it for the reader to copy.
  function copyField(field, status) {
    var copied = function () {
      status.textContent = "Link copied.";
    };
    var selectIt = function () {
      field.select();
      status.textContent = document.execCommand("copy") ? "Link copied." : "Select the link and copy it.";
    };
    if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(copied, selectIt);
    else selectIt();
  }

  // The patient's progress, as a link for their clinician (progress.js writes it).
  function shareProgress() {
    var box = document.getElementById("gg-progress-share");
    var field = document.getElementById("gg-progress-link");
    var codes = linkCodes(location.hash).map(function (code) {
      return own(data.codes, code) ? data.codes[code] : code;
    });
    var days = lastDays(storedLog(), new Date(), 28);
    field.value = new URL("progress/", root).href + window.ggProgress.fragment(location.hash, days, codes);
    box.hidden = false;
    field.focus();
    field.select();
    loadScript("javascripts/vendor/qrcode.js", function () {
      drawQr(document.getElementById("gg-progress-qr"), field.value);
    });
  }

  // The builder (/prescribe/) is prescribe.js, the progress page progress.js: what they share
  // with the patient's page, they take from here.
  var form = document.getElementById("gg-builder");
  if (form || document.getElementById("gg-progress")) {
    window.ggPlan = {
      data: data,
      root: root,
      parse: parse,
      linkCodes: linkCodes,
      fetchTakeHome: fetchTakeHome,
      longDate: longDate,
      copyField: copyField,
      own: own,
      clamp: clamp,
      cleanText: cleanText,
      fitText: fitText,
      fitChars: fitChars,
      counted: counted,
      tooLong: tooLong,
      show: show,
      fragmentOf: fragmentOf,
      drawQr: drawQr,
      setText: setText,
      element: element,
      knownRegion: knownRegion,
      letters: LETTERS,
      labels: LABELS,
      units: UNITS,
    };
  } else {
    startPatientPage();
  }
})();
