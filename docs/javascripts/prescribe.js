// Glute Guide's programme builder (/prescribe/): every change writes the programme's link, its
// QR code and the handout below. It runs after plan.js, which reads and draws programmes for
// both pages and lends this file what they share (window.ggPlan). The link format is described
// in generator/pages/prescribe.py.
(function () {
  "use strict";
  var plan = window.ggPlan;
  var form = document.getElementById("gg-builder");
  if (!plan || !form) return;
  var data = plan.data;
  var own = plan.own;
  var clamp = plan.clamp;
  var cleanText = plan.cleanText;
  var fitText = plan.fitText;
  var fitChars = plan.fitChars;
  var counted = plan.counted;
  var tooLong = plan.tooLong;
  var show = plan.show;
  var fragmentOf = plan.fragmentOf;
  var drawQr = plan.drawQr;
  var setText = plan.setText;
  var element = plan.element;
  var knownRegion = plan.knownRegion;
  var LETTERS = plan.letters;
  var LABELS = plan.labels;
  var UNITS = plan.units;

  function today() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return "" + now.getFullYear() + pad(now.getMonth() + 1) + pad(now.getDate());
  }

  function button(text) {
    var made = element("button", "md-button", text);
    made.type = "button";
    return made;
  }

  function labelled(group, id, text, field) {
    var line = element("p", "");
    var label = element("label", "", text);
    label.htmlFor = id;
    field.id = id;
    line.appendChild(label);
    line.appendChild(document.createTextNode(" "));
    line.appendChild(field);
    group.appendChild(line);
    return field;
  }

  // One chosen exercise's amounts, named by its title: every number its page's dose and move-on
  // rule need (at most its safe limit), how often, the side, a note, and its place in the order.
  function doseGroup(code, title) {
    var facts = data.exercises[code];
    var group = element("fieldset", "gg-dose");
    group.id = "dose-" + code;
    group.appendChild(element("legend", "", title));
    LETTERS.forEach(function (letter) {
      if (!own(facts.fields, letter)) return;
      var field = document.createElement("input");
      field.type = "number";
      field.min = "1";
      field.max = String(facts.most[letter] || data.limits[letter]);
      field.value = String(facts.fields[letter]);
      field.inputMode = "numeric";
      labelled(group, letter + "-" + code, LABELS[letter], field);
    });
    var choice = document.createElement("select");
    data.howOften.forEach(function (words, index) {
      var option = element("option", "", index ? words : "As its page says: " + facts.often);
      option.value = String(index);
      choice.appendChild(option);
    });
    labelled(group, "o-" + code, "How often", choice);
    if (facts.sided) {
      var side = document.createElement("select");
      [["", "Both sides"], ["L", "Left only"], ["R", "Right only"]].forEach(function (pair) {
        var option = element("option", "", pair[1]);
        option.value = pair[0];
        side.appendChild(option);
      });
      labelled(group, "side-" + code, "Side", side);
    }
    var note = document.createElement("input");
    note.type = "text";
    note.maxLength = data.exerciseNoteChars;
    labelled(group, "t-" + code, "Note for this exercise", note).className = "gg-dose-note";
    var limit = element("p", "gg-dose-limit");
    limit.id = "limit-" + code;
    limit.setAttribute("role", "status");
    group.appendChild(limit);
    var moves = element("p", "gg-dose-moves");
    var up = button("Move up");
    up.className += " gg-move-up";
    var down = button("Move down");
    down.className += " gg-move-down";
    moves.appendChild(up);
    moves.appendChild(document.createTextNode(" "));
    moves.appendChild(down);
    group.appendChild(moves);
    var item = element("li", "gg-chosen-item");
    item.appendChild(group);
    return item;
  }

  // An exercise's code, from its checkbox (choose-<code>): a thousand exercises' list carries it
  // once each.
  function codeOf(pick) {
    return pick.querySelector("input[type=checkbox]").id.slice("choose-".length);
  }

  // The builder: every change writes the link, its QR code and the handout below.
  function startBuilder(form) {
    var linkField = document.getElementById("plan-link");
    var status = document.getElementById("plan-status");
    var chosenList = document.getElementById("gg-chosen-list");
    var picks = form.querySelectorAll(".gg-pick");
    var order = [];
    // The patient's place, for the numbers on their page and handout: the clinician's own at first.
    var regionField = document.getElementById("plan-region");
    if (window.ggRegions) regionField.value = window.ggRegions.current();
    var filters = ["condition", "phase", "position", "equipment"];
    var shareButton = document.getElementById("plan-share");
    if (typeof navigator.share === "function") shareButton.hidden = false;

    // A dose field's number, at most the content's safe limit for it; when it was more, the field
    // is set to the limit and the group says why.
    function amount(code, letter, said) {
      var field = document.getElementById(letter + "-" + code);
      if (!field) return null;
      var most = data.exercises[code].most[letter] || data.limits[letter];
      var value = clamp(field.value, data.limits[letter]);
      if (value > most || parseInt(field.value, 10) > most) {
        value = most;
        field.value = String(most);
        said.push(
          "At most " + counted(most, UNITS[letter]) + " for this exercise: Glute Guide's own" +
            " safe limit for it, so that a programme never asks for more."
        );
      }
      return value;
    }

    function current() {
      var entries = order.map(function (code) {
        var values = {};
        var said = [];
        LETTERS.forEach(function (letter) {
          var value = amount(code, letter, said);
          if (value !== null) values[letter] = value;
        });
        var limit = document.getElementById("limit-" + code);
        if (said.length) limit.textContent = said.join(" ");
        var side = document.getElementById("side-" + code);
        var noteField = document.getElementById("t-" + code);
        var note = fitChars(noteField.value, data.exerciseNoteChars);
        return {
          code: code,
          values: values,
          often: parseInt(document.getElementById("o-" + code).value, 10) || 0,
          side: side ? side.value : "",
          note: note,
        };
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
      setText("plan-count", order.length + " chosen");
      document.getElementById("gg-chosen-empty").hidden = order.length > 0;
      show(plan);
      var fragment = fragmentOf(plan);
      var long = plan.entries.length > 0 && tooLong(fragment, data);
      var link = plan.entries.length && !long ? new URL("../plan/" + fragment, location.href).href : "";
      linkField.value = link;
      var drawn = drawQr(document.getElementById("gg-plan-qr"), link);
      if (long) {
        status.textContent =
          "This programme is too long for one link: shorten the notes for the exercises.";
      } else {
        status.textContent = link && !drawn ? "This link is too long for a QR code." : cut;
      }
    }

    function choose(pick, chosen) {
      var code = codeOf(pick);
      pick.classList.toggle("is-chosen", chosen);
      var at = order.indexOf(code);
      if (chosen && at === -1) {
        order.push(code);
        chosenList.appendChild(doseGroup(code, pick.querySelector("label").textContent));
      } else if (!chosen && at !== -1) {
        order.splice(at, 1);
        chosenList.removeChild(document.getElementById("dose-" + code).parentNode);
      }
    }

    // Move an exercise one place up (-1) or down (+1), keeping focus on the button pressed.
    function move(code, by) {
      var at = order.indexOf(code);
      var to = at + by;
      if (to < 0 || to >= order.length) {
        status.textContent = by < 0 ? "That exercise is already first." : "That exercise is already last.";
        return;
      }
      order.splice(at, 1);
      order.splice(to, 0, code);
      var item = document.getElementById("dose-" + code).parentNode;
      var focused = document.activeElement;
      if (by < 0) chosenList.insertBefore(item, item.previousElementSibling);
      else chosenList.insertBefore(item.nextElementSibling, item);
      if (focused) focused.focus();
      update();
      status.textContent = "Moved to place " + (to + 1) + " of " + order.length + ".";
    }

    function filter() {
      var wanted = {};
      filters.forEach(function (name) {
        wanted[name] = document.getElementById("filter-" + name).value;
      });
      picks.forEach(function (pick) {
        var code = codeOf(pick);
        var facts = data.exercises[code];
        var fits = filters.every(function (name) {
          return !wanted[name] || facts[name].indexOf(wanted[name]) !== -1;
        });
        var chosen = pick.querySelector("input[type=checkbox]").checked;
        pick.classList.toggle("is-filtered-out", !fits && !chosen);
      });
    }

    form.addEventListener("input", update);
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.id.indexOf("filter-") === 0) return filter();
      if (target.id.indexOf("choose-") === 0) choose(target.closest(".gg-pick"), target.checked);
      update();
    });
    form.addEventListener("click", function (event) {
      var target = event.target;
      if (!target.closest || !target.closest(".gg-dose-moves")) return;
      var code = target.closest(".gg-dose").id.slice(5);
      move(code, target.classList.contains("gg-move-up") ? -1 : 1);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    function needsLink() {
      if (linkField.value) return false;
      status.textContent = order.length
        ? "This programme is too long for one link: shorten the notes for the exercises."
        : "Tick at least one exercise first.";
      return true;
    }
    document.getElementById("plan-copy").addEventListener("click", function () {
      if (needsLink()) return;
      plan.copyField(linkField, status);
    });
    shareButton.addEventListener("click", function () {
      if (needsLink()) return;
      navigator
        .share({ title: "Your exercise programme", url: linkField.value })
        .then(function () {
          status.textContent = "Link shared.";
        })
        .catch(function () {
          // The clinician closed the share sheet: nothing to say.
        });
    });
    document.getElementById("plan-print").addEventListener("click", function () {
      if (needsLink()) return;
      // Print what is drawn: the handout's exercises may still be on their way.
      show(current()).then(function () {
        print();
      });
    });
    // A box ticked before the script ran (the browser restores a form on going back).
    picks.forEach(function (pick) {
      if (pick.querySelector("input[type=checkbox]").checked) choose(pick, true);
    });
    filter();
    update();
  }

  startBuilder(form);
})();
