// Glute Guide's progress links: what a patient saved after their sessions (plan.js keeps it on
// the device), carried to their clinician in a link's fragment, which a browser never sends to a
// server. The patient's page (/plan/) loads this file when they press "Share progress" and writes
// the link; the progress page (/progress/) reads it back against a strict pattern, shows it, and
// prints it on one sheet. Everything read from a link is inserted as text.
//
// The link: /progress/#v=2&x=<the programme's x>&pv=1&r=<day>.<day>... where each day is
// YYYYMMDD, the exercises finished that day as a base-36 bit mask over the programme's order
// (bit 0 for its first exercise), p and the pain (0 to 10), and the effort, if answered: e (easy),
// r (about right) or h (too hard). Days are newest first, one each, at most MAX_DAYS of them.
(function () {
  "use strict";
  var VERSION = "1";
  // The last 4 weeks: enough for a review appointment, and a link whose QR code still scans.
  var MAX_DAYS = 28;
  var DAY = /^([0-9]{8})([0-9a-z]{1,7})p(10|[0-9])([erh]?)$/;
  var EFFORT_LETTERS = { easy: "e", right: "r", hard: "h" };
  var EFFORTS = { e: "easy", r: "right", h: "hard" };
  var EFFORT_WORDS = { easy: "Easy", right: "Right", hard: "Too hard" };

  function digits(day) {
    return day.replace(/-/g, "");
  }

  // A day's digits (YYYYMMDD) as a Date, or null when it is no real day.
  function realDay(text) {
    var year = +text.slice(0, 4);
    var month = +text.slice(4, 6) - 1;
    var date = new Date(year, month, +text.slice(6, 8));
    if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== +text.slice(6, 8)) {
      return null;
    }
    return date;
  }

  // The `r` of a progress link: the days of `days` (plan.js lastDays: newest first) that have a
  // record, each with the exercises of `codes` (the programme's order) it finished.
  function writeDays(days, codes) {
    return days
      .filter(function (day) {
        return day.record;
      })
      .slice(0, MAX_DAYS)
      .map(function (day) {
        var mask = 0;
        codes.forEach(function (code, index) {
          if (day.record.done.indexOf(code) >= 0) mask += Math.pow(2, index);
        });
        return digits(day.day) + mask.toString(36) + "p" + day.record.pain +
          (EFFORT_LETTERS[day.record.effort] || "");
      })
      .join(".");
  }

  // A progress link's fragment, from the programme link's fragment and the days to carry.
  function progressFragment(programme, days, codes) {
    var from = new URLSearchParams(programme.replace(/^#/, ""));
    var params = new URLSearchParams();
    params.set("v", from.get("v") || "");
    params.set("x", from.get("x") || "");
    params.set("pv", VERSION);
    params.set("r", writeDays(days, codes));
    return "#" + params.toString();
  }

  // A progress link's days, read back: [{day: "YYYYMMDD", done: [indices into the programme],
  // pain, effort ("" or easy, right, hard)}], newest first; or null when the link is not one of
  // ours: another version, a day that is no real day or after tomorrow, days out of order or
  // repeated, an exercise the programme does not have, or more days than any link carries.
  function readDays(fragment, count, today) {
    var params = new URLSearchParams(fragment.replace(/^#/, ""));
    if (params.get("pv") !== VERSION) return null;
    var text = params.get("r");
    if (text === null) return null;
    if (text === "") return [];
    var parts = text.split(".");
    if (parts.length > MAX_DAYS) return null;
    var tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
    var days = [];
    for (var i = 0; i < parts.length; i++) {
      var found = DAY.exec(parts[i]);
      if (!found) return null;
      var date = realDay(found[1]);
      if (!date || date.getTime() > tomorrow.getTime()) return null;
      if (days.length && found[1] >= days[days.length - 1].day) return null;
      var mask = parseInt(found[2], 36);
      if (mask >= Math.pow(2, count)) return null;
      var done = [];
      for (var index = 0; index < count; index++) {
        if (Math.floor(mask / Math.pow(2, index)) % 2 === 1) done.push(index);
      }
      days.push({ day: found[1], done: done, pain: +found[3], effort: EFFORTS[found[4]] || "" });
    }
    return days;
  }

  // Per exercise of the programme, the days (YYYYMMDD, newest first) it was done on.
  function daysPerExercise(days, count) {
    var per = [];
    for (var index = 0; index < count; index++) per.push([]);
    days.forEach(function (day) {
      day.done.forEach(function (index) {
        per[index].push(day.day);
      });
    });
    return per;
  }

  // In Node, for tests/js/progress.test.js: the link's writing and reading, without a page.
  if (typeof module === "object" && module.exports) {
    module.exports = {
      MAX_DAYS: MAX_DAYS,
      writeDays: writeDays,
      progressFragment: progressFragment,
      readDays: readDays,
      daysPerExercise: daysPerExercise,
    };
    return;
  }

  window.ggProgress = { fragment: progressFragment };

  var page = document.getElementById("gg-progress");
  var plan = window.ggPlan;
  if (!page || !plan) return;
  var element = plan.element;

  function shortDate(digitsOfDay) {
    var date = realDay(digitsOfDay);
    return date.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
  }

  function fail() {
    document.querySelector("article").classList.remove("gg-progress-shown");
  }

  function render() {
    var programme = plan.tooLong(location.hash, plan.data) ? null : plan.parse(location.hash);
    // The mask counts the link's exercises as written, those no longer on the site included.
    var codes = programme ? plan.linkCodes(location.hash) : [];
    var days = programme ? readDays(location.hash, codes.length, new Date()) : null;
    if (!programme || !days) return fail();
    Promise.all(
      codes.map(function (code) {
        return plan.own(plan.data.codes, code) ? plan.fetchTakeHome(plan.data.codes[code]) : null;
      })
    ).then(function (files) {
      var titles = files.map(function (file, index) {
        if (file) return file.title;
        return plan.own(plan.data.codes, codes[index])
          ? "An exercise that could not be loaded"
          : "An exercise no longer on the site";
      });
      plan.setText(
        "gg-progress-period",
        days.length
          ? "Sessions saved on " + days.length + (days.length === 1 ? " day" : " days") + ", from " +
              plan.longDate(days[days.length - 1].day) + " to " + plan.longDate(days[0].day) + "."
          : "No session saved in the 4 weeks before this link was made."
      );
      // Each exercise once, numbered: the day-by-day grid's columns go by these numbers.
      var perExercise = daysPerExercise(days, titles.length);
      var list = document.getElementById("gg-progress-exercises");
      list.textContent = "";
      titles.forEach(function (title, index) {
        var line = element("li", "");
        line.appendChild(element("strong", "", title + ": "));
        var count = perExercise[index].length;
        line.appendChild(
          document.createTextNode(
            count ? "done on " + count + " of the " + days.length + (days.length === 1 ? " day" : " days") + " saved." : "not done on any day saved."
          )
        );
        list.appendChild(line);
      });
      var head = document.querySelector("#gg-progress-days thead tr");
      while (head.children.length > 3) head.lastElementChild.remove();
      titles.forEach(function (title, index) {
        var cell = element("th", "", String(index + 1));
        cell.setAttribute("scope", "col");
        cell.setAttribute("aria-label", title);
        head.appendChild(cell);
      });
      var rows = document.querySelector("#gg-progress-days tbody");
      rows.textContent = "";
      days.forEach(function (day) {
        var row = element("tr", "");
        var when = element("th", "", shortDate(day.day));
        when.setAttribute("scope", "row");
        row.appendChild(when);
        row.appendChild(element("td", "", String(day.pain)));
        row.appendChild(element("td", "", day.effort ? EFFORT_WORDS[day.effort] : "–"));
        titles.forEach(function (title, index) {
          row.appendChild(element("td", "", day.done.indexOf(index) >= 0 ? "✓" : "–"));
        });
        rows.appendChild(row);
      });
      var open = document.getElementById("gg-progress-programme");
      var params = new URLSearchParams(location.hash.slice(1));
      open.href = new URL("plan/#v=" + params.get("v") + "&x=" + params.get("x"), plan.root).href;
      document.querySelector("article").classList.add("gg-progress-shown");
    });
  }

  document.getElementById("gg-progress-print").addEventListener("click", function () {
    print();
  });
  addEventListener("hashchange", render);
  render();
})();
