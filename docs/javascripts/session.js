// Glute Guide's guided session: the patient's programme (/plan/), one exercise at a time, with a
// timer for each hold, rest and timed technique, spoken cues, a buzz, the screen kept on, and
// "How it went" at the end; and the programme's reminders as a calendar file. plan.js loads this
// file only when the patient starts a session or asks for reminders, and hands it the programme
// as it drew it (window.ggPlan). Nothing here leaves the device.
//
// A session is a list of phases worked out before it starts (sessionPhases). A phase with a
// length ends by the clock: where it stands is computed from Date.now(), never from counting
// ticks, so a phone that sleeps or a page in the background comes back where it should be.
(function () {
  "use strict";
  // Our own choice, not a prescription: the seconds between the reps of a held exercise (to
  // lower, breathe and get ready), and between holds of a stretch whose dose gives no rest.
  var RELAX_SECONDS = 5;
  // The last seconds of a hold or a rest that are spoken ("3, 2, 1"), when it is long enough.
  var COUNTED = 3;
  var SIDES = { L: "left", R: "right" };
  // A reminder's days for a programme done on N days a week (every day is a daily rule).
  var WEEK_DAYS = {
    1: ["MO"],
    2: ["MO", "TH"],
    3: ["MO", "WE", "FR"],
    4: ["MO", "WE", "FR", "SU"],
    5: ["MO", "TU", "WE", "TH", "FR"],
    6: ["MO", "TU", "WE", "TH", "FR", "SA"],
  };

  function counted(number, noun) {
    return number + " " + noun + (number === 1 ? "" : "s");
  }

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // The sides an exercise is done on, in order: "" when sides do not apply.
  function sidesOf(item) {
    if (!item.perSide) return [""];
    return item.side ? [SIDES[item.side]] : ["left", "right"];
  }

  // A step's words for a side ("" for both), or null when a one-sided programme leaves it out.
  function stepWords(step, side) {
    if (!side) return step.both;
    return step.one === null ? null : step.one.split("{side}").join(side);
  }

  // The drawing (and its step's words) that shows a phase: the starting position for getting
  // ready and resting, the last position drawn for the work itself.
  function picture(item, working, side) {
    var drawings = item.drawings;
    if (!drawings.length) return { drawing: null, step: working ? "" : item.startPosition };
    var drawing = working ? drawings[drawings.length - 1] : drawings[0];
    var step = drawing.step > 0 ? item.steps[drawing.step - 1] : null;
    var words = step ? stepWords(step, side) : null;
    return { drawing: drawing, step: words === null ? item.startPosition : words };
  }

  // An exercise's phases. `item`: {code, title, numbers: {s, r, h, m}, perSide, side ("", L or
  // R), restSeconds, startPosition, steps, drawings}; `index`: its place in the programme.
  function exercisePhases(item, index) {
    var phases = [];
    var n = item.numbers;
    var sets = n.s || 1;
    var add = function (kind, seconds, label, words, side) {
      var shown = picture(item, kind !== "ready" && kind !== "rest", side);
      phases.push({
        exercise: index,
        kind: kind,
        ms: seconds * 1000,
        label: label,
        words: words,
        side: side,
        drawing: shown.drawing,
        step: shown.step,
      });
    };
    sidesOf(item).forEach(function (side, sideIndex) {
      var onSide = side ? capital(side) + " side. " : "";
      var ready = sideIndex === 0 ? item.title + ". " + onSide + "Get into the starting position." : onSide + "Get ready.";
      add("ready", 0, side ? capital(side) + " side" : "Get ready", ready, side);
      if (n.m) {
        add("timed", n.m * 60, counted(n.m, "minute"), counted(n.m, "minute") + ", starting now.", side);
        return;
      }
      for (var set = 1; set <= sets; set++) {
        var setLabel = sets > 1 ? "Set " + set + " of " + sets : "";
        if (n.r && n.h) {
          for (var rep = 1; rep <= n.r; rep++) {
            var label = (setLabel ? setLabel + " · " : "") + "Rep " + rep + " of " + n.r;
            var said = (rep === 1 && setLabel ? setLabel + ". " : "") + "Rep " + rep + " of " + n.r + ". Hold.";
            add("hold", n.h, label, said, side);
            if (rep < n.r) add("rest", RELAX_SECONDS, "Relax", "Relax.", side);
          }
        } else if (n.r) {
          add("work", 0, (setLabel ? setLabel + " · " : "") + counted(n.r, "rep"),
            (setLabel ? setLabel + ". " : "") + counted(n.r, "rep") + ". Press Next when you are done.", side);
        } else if (n.h) {
          var hold = "Hold " + set + " of " + sets;
          add("hold", n.h, hold, hold + ". " + counted(n.h, "second") + ".", side);
        } else {
          add("work", 0, setLabel || "Your turn", (setLabel ? setLabel + ". " : "") + "Press Next when you are done.", side);
        }
        if (set < sets) {
          var rest = item.restSeconds || RELAX_SECONDS;
          var next = n.r ? "set " + (set + 1) + " of " + sets : "hold " + (set + 1) + " of " + sets;
          add("rest", rest, "Rest", "Rest " + counted(rest, "second") + ". Next: " + next + ".", side);
        }
      }
    });
    return phases;
  }

  // The whole session: every exercise's phases, then the end.
  function sessionPhases(items) {
    var phases = [];
    items.forEach(function (item, index) {
      phases = phases.concat(exercisePhases(item, index));
    });
    phases.push({
      exercise: -1,
      kind: "done",
      ms: 0,
      label: "Finished",
      words: "Session finished. Well done.",
      side: "",
      drawing: null,
      step: "",
    });
    return phases;
  }

  // Where a session stands: {index, start (when the phase began, in ms of the clock, moved on by
  // any pause), paused (when it was paused, or null)}.
  function begin(now) {
    return { index: 0, start: now, paused: null };
  }

  function elapsed(state, now) {
    return (state.paused === null ? now : state.paused) - state.start;
  }

  function remaining(state, phases, now) {
    var phase = phases[state.index];
    return phase.ms ? Math.max(0, phase.ms - elapsed(state, now)) : 0;
  }

  // The session at `now`: past every timed phase the clock has run through (all of them, if
  // the page slept through several). -> {state, ended: phases ended by the clock}
  function advance(state, phases, now) {
    var next = { index: state.index, start: state.start, paused: state.paused };
    var ended = [];
    while (next.paused === null && next.index < phases.length - 1) {
      var phase = phases[next.index];
      if (!phase.ms || now - next.start < phase.ms) break;
      ended.push(next.index);
      next.start += phase.ms;
      next.index += 1;
    }
    return { state: next, ended: ended };
  }

  function pause(state, now) {
    return state.paused === null ? { index: state.index, start: state.start, paused: now } : state;
  }

  function resume(state, now) {
    if (state.paused === null) return state;
    return { index: state.index, start: state.start + (now - state.paused), paused: null };
  }

  // Another phase, from its beginning; a paused session stays paused.
  function goTo(state, phases, index, now) {
    var within = Math.max(0, Math.min(phases.length - 1, index));
    return { index: within, start: now, paused: state.paused === null ? null : now };
  }

  // The number to say in a hold's or rest's last seconds ("3", "2", "1"), or null.
  function countdown(phase, left) {
    if ((phase.kind !== "hold" && phase.kind !== "rest") || phase.ms <= COUNTED * 1000) return null;
    var seconds = Math.ceil(left / 1000);
    return seconds >= 1 && seconds <= COUNTED ? seconds : null;
  }

  // A timer's face: "0:27", "15:00".
  function clockFace(ms) {
    var seconds = Math.ceil(ms / 1000);
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // Which exercises a session finished: those whose every phase it went past.
  function finished(phases, reached) {
    var last = {};
    phases.forEach(function (phase, index) {
      if (phase.exercise >= 0) last[phase.exercise] = index;
    });
    return Object.keys(last)
      .filter(function (exercise) {
        return reached > last[exercise];
      })
      .map(Number);
  }

  // --- Reminders: an iCalendar file (RFC 5545) ---

  // A reminder's repeat rule for a programme done on `days` days a week.
  function repeatRule(days) {
    if (days >= 7) return "FREQ=DAILY";
    return "FREQ=WEEKLY;BYDAY=" + (WEEK_DAYS[Math.max(1, days)] || WEEK_DAYS[1]).join(",");
  }

  // Text as an iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped.
  function icsEscape(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  // A content line folded at 75 octets (RFC 5545 3.1), never inside a character.
  function fold(line) {
    var parts = [];
    var current = "";
    var bytes = 0;
    Array.from(line).forEach(function (character) {
      var point = character.codePointAt(0);
      var size = point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
      if (bytes + size > (parts.length ? 74 : 75)) {
        parts.push(current);
        current = "";
        bytes = 0;
      }
      current += character;
      bytes += size;
    });
    parts.push(current);
    return parts.join("\r\n ");
  }

  function stamp(date) {
    var two = function (number) {
      return (number < 10 ? "0" : "") + number;
    };
    return (
      date.getUTCFullYear() + two(date.getUTCMonth() + 1) + two(date.getUTCDate()) + "T" +
      two(date.getUTCHours()) + two(date.getUTCMinutes()) + two(date.getUTCSeconds()) + "Z"
    );
  }

  // The reminders' file: one event of 20 minutes at `time` ("HH:MM", the patient's own clock:
  // a floating time, so it stays at that hour wherever they are), from `day` (a Date, local),
  // repeating on the programme's days, with the programme's link. `now` stamps it.
  function icsText(options) {
    var day = options.day;
    var two = function (number) {
      return (number < 10 ? "0" : "") + number;
    };
    var hours = +options.time.slice(0, 2);
    var minutes = +options.time.slice(3, 5);
    var date = day.getFullYear() + two(day.getMonth() + 1) + two(day.getDate());
    var endMinutes = hours * 60 + minutes + 20;
    var end = endMinutes < 24 * 60 ? date + "T" + two(Math.floor(endMinutes / 60)) + two(endMinutes % 60) + "00" : null;
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Glute Guide//Home exercise programme//EN",
      "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT",
      "UID:" + options.uid + "@glute-guide",
      "DTSTAMP:" + stamp(options.now),
      "DTSTART:" + date + "T" + two(hours) + two(minutes) + "00",
      end ? "DTEND:" + end : "DURATION:PT20M",
      "RRULE:" + repeatRule(options.days),
      "SUMMARY:" + icsEscape("Home exercises: " + options.title),
      "DESCRIPTION:" + icsEscape("Your exercise programme: " + options.link),
      "URL:" + options.link,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:" + icsEscape("Time for your home exercises"),
      "TRIGGER:PT0M",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
    ];
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // --- What a session saves (plan.js keeps it per programme and shows it) ---

  // The log (plan.js readLog) with a session's answers added on `day` (YYYY-MM-DD): the day's
  // exercises are all it has done, its pain and effort the latest answers. Days before `oldest`
  // are dropped.
  function addRecord(log, day, record, oldest) {
    var kept = {};
    Object.keys(log).forEach(function (key) {
      if (key >= oldest) kept[key] = log[key];
    });
    var before = kept[day] ? kept[day].done : [];
    var done = before.slice();
    record.done.forEach(function (code) {
      if (done.indexOf(code) < 0) done.push(code);
    });
    kept[day] = { done: done, pain: record.pain, effort: record.effort || "" };
    return kept;
  }

  // In Node, for tests/js/session.test.js: the session's clock and the reminders, without a page.
  if (typeof module === "object" && module.exports) {
    module.exports = {
      RELAX_SECONDS: RELAX_SECONDS,
      sessionPhases: sessionPhases,
      begin: begin,
      remaining: remaining,
      advance: advance,
      pause: pause,
      resume: resume,
      goTo: goTo,
      countdown: countdown,
      clockFace: clockFace,
      finished: finished,
      repeatRule: repeatRule,
      icsEscape: icsEscape,
      fold: fold,
      icsText: icsText,
      addRecord: addRecord,
    };
    return;
  }

  // --- On the page ---

  var SPEAK_KEY = "gg-session-speak";
  var VIBRATE_KEY = "gg-session-vibrate";
  var TIMERS = { hold: "gg-hold-timer", rest: "gg-rest-timer", timed: "gg-time-timer" };
  var running = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function remembered(key) {
    try {
      return localStorage.getItem(key) === "1";
    } catch (error) {
      return false;
    }
  }

  function remember(key, on) {
    try {
      if (on) localStorage.setItem(key, "1");
      else localStorage.removeItem(key);
    } catch (error) {
      // Private browsing may refuse storage: the switch then lasts as long as the page.
    }
  }

  function speak(words) {
    if (!byId("gg-session-speak").checked || !window.speechSynthesis) return;
    var utterance = new SpeechSynthesisUtterance(words);
    utterance.lang = document.documentElement.lang || "en";
    window.speechSynthesis.speak(utterance);
  }

  // A boundary: on screen and to screen readers (a polite live region), and spoken when asked.
  function announce(words) {
    byId("gg-session-cue").textContent = words;
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    speak(words);
  }

  function buzz() {
    if (byId("gg-session-vibrate").checked && typeof navigator.vibrate === "function") {
      navigator.vibrate(300);
    }
  }

  // The screen stays on while a session runs, where the browser can keep it on.
  function holdScreen() {
    if (!running || running.state.paused !== null || running.lock) return;
    if (!navigator.wakeLock || document.visibilityState !== "visible") return;
    var session = running;
    session.lock = navigator.wakeLock.request("screen").then(
      function (lock) {
        if (running !== session || session.state.paused !== null) {
          lock.release();
          return null;
        }
        lock.addEventListener("release", function () {
          if (session.lock && session.held === lock) session.lock = null;
        });
        session.held = lock;
        return lock;
      },
      function () {
        session.lock = null;
        return null;
      }
    );
  }

  function letScreenSleep(session) {
    var lock = session.lock;
    session.lock = null;
    session.held = null;
    if (lock) {
      lock.then(function (held) {
        if (held && !held.released) held.release();
      });
    }
  }

  function show(session) {
    var phase = session.phases[session.state.index];
    var item = session.items[phase.exercise] || null;
    var done = phase.kind === "done";
    byId("gg-session-where").textContent = item
      ? "Exercise " + (phase.exercise + 1) + " of " + session.items.length
      : "";
    byId("gg-session-title").textContent = item ? item.title : "Session finished";
    byId("gg-session-dose").textContent = item ? "Dose: " + item.doseWords : "";
    byId("gg-session-label").textContent = done ? "" : phase.label;
    byId("gg-session-step").textContent = phase.step;
    var drawing = byId("gg-session-drawing");
    drawing.textContent = "";
    if (phase.drawing) {
      var image = document.createElement("img");
      image.src = new URL(phase.drawing.src, session.root).href;
      image.alt = phase.drawing.alt;
      drawing.appendChild(image);
    }
    Object.keys(TIMERS).forEach(function (kind) {
      byId(TIMERS[kind]).hidden = kind !== phase.kind;
    });
    showTime(session);
    var paused = session.state.paused !== null;
    byId("gg-session-pause").hidden = paused || done;
    byId("gg-session-resume").hidden = !paused || done;
    byId("gg-session-back").disabled = session.state.index === 0;
    byId("gg-session-next").hidden = done;
    byId("gg-session-stop").hidden = done;
    byId("gg-session-end").hidden = !done;
    byId("gg-session-paused").hidden = !paused || done;
    byId("gg-session-switches").hidden = done;
  }

  function showTime(session) {
    var phase = session.phases[session.state.index];
    var timer = TIMERS[phase.kind];
    if (timer) byId(timer).textContent = clockFace(remaining(session.state, session.phases, Date.now()));
  }

  function tick() {
    var session = running;
    if (!session) return;
    var now = Date.now();
    var moved = advance(session.state, session.phases, now);
    if (moved.ended.length) {
      buzz();
      enter(session, moved.state, true);
      return;
    }
    showTime(session);
    if (session.state.paused !== null) return;
    var number = countdown(session.phases[session.state.index], remaining(session.state, session.phases, now));
    if (number !== null && number !== session.counted) {
      session.counted = number;
      speak(String(number));
    }
  }

  function move(session, index, counts) {
    enter(session, goTo(session.state, session.phases, index, Date.now()), counts !== false);
  }

  // A phase begun, by the clock or by a button: shown and announced; `counts` whether the
  // session is said to have gone that far (End session does not).
  function enter(session, state, counts) {
    session.state = state;
    if (counts) session.reached = Math.max(session.reached, state.index);
    session.counted = null;
    show(session);
    announce(session.phases[state.index].words);
    if (session.phases[state.index].kind === "done") finish(session);
    else holdScreen();
  }

  // At the end the screen may sleep again, and "How it went" is asked.
  function finish(session) {
    letScreenSleep(session);
    var first = document.querySelector("#gg-session-end input");
    if (first) first.focus();
  }

  function close(session) {
    clearInterval(session.interval);
    letScreenSleep(session);
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    running = null;
    document.removeEventListener("visibilitychange", onVisibility);
    byId("gg-session").hidden = true;
    document.querySelector("article").classList.remove("gg-session-on");
  }

  function onVisibility() {
    tick();
    holdScreen();
  }

  function choice(name) {
    var chosen = document.querySelector("#gg-session-end input[name=" + name + "]:checked");
    return chosen ? chosen.value : "";
  }

  // Starts a session of `items` (plan.js: each chosen exercise as the programme gives it);
  // `save(record)` keeps what the patient answers at the end, `closed()` runs when it closes.
  function start(items, options) {
    if (running) close(running);
    var phases = sessionPhases(items);
    var session = {
      items: items,
      phases: phases,
      root: options.root,
      state: begin(Date.now()),
      reached: 0,
      counted: null,
      lock: null,
      held: null,
    };
    running = session;
    wire();
    byId("gg-session-end").reset();
    byId("gg-session-error").textContent = "";
    document.querySelector("article").classList.add("gg-session-on");
    byId("gg-session").hidden = false;
    session.save = options.save;
    session.closed = options.closed;
    show(session);
    announce(phases[0].words);
    // The session on the phone's first screen, its heading under the site's header.
    byId("gg-session").scrollIntoView({ block: "start" });
    byId("gg-session-title").focus({ preventScroll: true });
    holdScreen();
    session.interval = setInterval(tick, 250);
    document.addEventListener("visibilitychange", onVisibility);
  }

  var wired = false;
  function wire() {
    if (wired) return;
    wired = true;
    var speakSwitch = byId("gg-session-speak");
    var vibrateSwitch = byId("gg-session-vibrate");
    speakSwitch.checked = remembered(SPEAK_KEY);
    vibrateSwitch.checked = remembered(VIBRATE_KEY);
    speakSwitch.addEventListener("change", function () {
      remember(SPEAK_KEY, speakSwitch.checked);
      if (!speakSwitch.checked && window.speechSynthesis) window.speechSynthesis.cancel();
    });
    vibrateSwitch.addEventListener("change", function () {
      remember(VIBRATE_KEY, vibrateSwitch.checked);
    });
    byId("gg-session-pause").addEventListener("click", function () {
      if (!running) return;
      running.state = pause(running.state, Date.now());
      letScreenSleep(running);
      show(running);
      announce("Paused.");
      byId("gg-session-resume").focus();
    });
    byId("gg-session-resume").addEventListener("click", function () {
      if (!running) return;
      running.state = resume(running.state, Date.now());
      show(running);
      announce("Going on. " + running.phases[running.state.index].words);
      holdScreen();
      byId("gg-session-pause").focus();
    });
    byId("gg-session-back").addEventListener("click", function () {
      if (running) move(running, running.state.index - 1);
    });
    byId("gg-session-next").addEventListener("click", function () {
      if (running) move(running, running.state.index + 1);
    });
    // Ending early: what the session went past counts as done, what it skipped does not.
    byId("gg-session-stop").addEventListener("click", function () {
      if (running) move(running, running.phases.length - 1, false);
    });
    byId("gg-session-cancel").addEventListener("click", function () {
      if (!running) return;
      var session = running;
      close(session);
      session.closed(false);
    });
    byId("gg-session-end").addEventListener("submit", function (event) {
      event.preventDefault();
      if (!running) return;
      var pain = choice("pain");
      if (pain === "") {
        byId("gg-session-error").textContent = "Choose a number from 0 to 10 for your pain now.";
        document.querySelector("#gg-session-end input[name=pain]").focus();
        return;
      }
      var session = running;
      var done = finished(session.phases, session.reached).map(function (index) {
        return session.items[index].code;
      });
      session.save({ done: done, pain: +pain, effort: choice("effort") });
      close(session);
      session.closed(true);
    });
  }

  // The reminders as a file the phone's calendar opens: {time, days, link, uid}.
  function downloadReminders(options) {
    var now = new Date();
    var text = icsText({
      day: now,
      now: now,
      time: options.time,
      days: options.days,
      title: "your Glute Guide programme",
      link: options.link,
      uid: options.uid,
    });
    var address = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    var link = document.createElement("a");
    link.href = address;
    link.download = "glute-guide-reminders.ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(address);
    }, 1000);
  }

  window.ggSession = {
    start: start,
    addRecord: addRecord,
    downloadReminders: downloadReminders,
  };
})();
