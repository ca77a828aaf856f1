// Glute Guide: the reader's own emergency number. Every page with an emergency block is built with
// the UK's numbers and every other place's emergency number on one line, which is what a reader
// with script off sees. This script picks the reader's place from the browser's time zone (and,
// where the zone says nothing about the country, its language), shows that place's numbers, says
// which place it chose, and lets the reader change it; the choice stays on this device. The
// places, numbers and words come from the page's own data (<script id="gg-regions">), made by
// generator/regions.py from content/regions.yml; they are inserted as text, never as markup.
(function () {
  "use strict";
  var STORAGE_KEY = "gg-region";
  var TEL = /^tel:[0-9]{3,15}$/;
  var WEB = /^https:\/\/[^\s<>"]+$/;

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // The reader's place: a stored choice first, then the time zone; where the zone names no one
  // country (UTC, or an old name two countries share), the first language that names a listed
  // country; else "elsewhere".
  function pickRegion(data, zone, languages, stored) {
    if (stored && own(data.regions, stored)) return stored;
    if (zone && own(data.zones, zone)) return data.zones[zone];
    if (zone && data.unplaced.indexOf(zone) === -1) return data.elsewhere;
    for (var i = 0; i < (languages || []).length; i++) {
      var country = /^[a-z]{2,3}-([A-Za-z]{2})\b/.exec(languages[i] || "");
      if (country && own(data.countries, country[1].toUpperCase())) {
        return data.countries[country[1].toUpperCase()];
      }
    }
    return data.elsewhere;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { pickRegion: pickRegion };
    return;
  }

  var dataElement = document.getElementById("gg-regions");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var current = data["default"];

  function stored() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null; // storage refused (private browsing): the choice lasts as long as the page
    }
  }

  function remember(key) {
    try {
      localStorage.setItem(STORAGE_KEY, key);
    } catch (error) {
      // as above
    }
  }

  function zone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function link(text, href, classes) {
    var anchor = document.createElement("a");
    anchor.textContent = text;
    if (TEL.test(href) || WEB.test(href)) anchor.href = href;
    if (classes) anchor.className = classes;
    return anchor;
  }

  function fill(element, parts) {
    element.textContent = "";
    parts.forEach(function (part) {
      element.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
  }

  function buttons(region) {
    var parts = [];
    region.buttons.forEach(function (button) {
      parts.push(" ", link(button[0], button[1], "md-button"));
    });
    return parts;
  }

  function otherNumbers(line, key) {
    var every = line.querySelector("a:last-of-type");
    var parts = ["Emergency numbers elsewhere: "];
    data.order.forEach(function (other) {
      if (other === key) return;
      var region = data.regions[other];
      if (parts.length > 1) parts.push(" · ");
      parts.push(link(region.name + ": " + region.number, region.tel));
    });
    parts.push(". ");
    if (every) parts.push(every);
    fill(line, parts);
  }

  function picker(block, key) {
    var line = block.querySelector(".gg-region-pick");
    if (!line) {
      line = document.createElement("p");
      line.className = "gg-region-pick";
      var name = document.createElement("strong");
      var change = document.createElement("button");
      change.type = "button";
      change.className = "gg-region-change";
      change.textContent = "Change";
      change.setAttribute("aria-expanded", "false");
      var choose = document.createElement("span");
      choose.hidden = true;
      var label = document.createElement("label");
      var select = document.createElement("select");
      label.appendChild(document.createTextNode("Where you are "));
      label.appendChild(select);
      choose.appendChild(label);
      data.order.forEach(function (other) {
        var option = document.createElement("option");
        option.value = other;
        option.textContent = data.regions[other].name;
        select.appendChild(option);
      });
      fill(line, ["Numbers for: ", name, " · ", change, " ", choose]);
      change.addEventListener("click", function () {
        choose.hidden = !choose.hidden;
        change.setAttribute("aria-expanded", String(!choose.hidden));
        if (!choose.hidden) select.focus();
      });
      select.addEventListener("change", function () {
        remember(select.value);
        show(select.value);
      });
      var call = block.querySelector(".gg-call");
      var after = call ? call.parentNode : block.querySelector(".admonition-title");
      after.parentNode.insertBefore(line, after.nextSibling);
    }
    line.querySelector("strong").textContent = data.regions[key].name;
    line.querySelector("select").value = key;
  }

  // Every emergency block and urgent box on the page, in one place's words and numbers.
  function show(key) {
    if (!own(data.regions, key)) return;
    current = key;
    var region = data.regions[key];
    document.querySelectorAll(".gg-emergency").forEach(function (block) {
      var title = block.querySelector(".admonition-title");
      if (title) title.textContent = region.title;
      var call = block.querySelector(".gg-call");
      if (call) {
        call.textContent = region.call;
        if (TEL.test(region.tel)) call.href = region.tel;
      }
      picker(block, key);
    });
    document.querySelectorAll(".gg-region-line").forEach(function (line) {
      otherNumbers(line, key);
    });
    document.querySelectorAll(".gg-unsure").forEach(function (line) {
      line.hidden = !region.buttons.length;
      fill(line, ["Not sure it is an emergency?"].concat(buttons(region)));
    });
    document.querySelectorAll(".gg-urgent-route").forEach(function (line) {
      fill(line, [region.advice].concat(buttons(region)));
    });
  }

  window.ggRegions = {
    current: function () {
      return current;
    },
    names: function () {
      return data.order.map(function (key) {
        return [key, data.regions[key].name];
      });
    },
    show: show,
  };
  show(pickRegion(data, zone(), navigator.languages || [navigator.language], stored()));
})();
