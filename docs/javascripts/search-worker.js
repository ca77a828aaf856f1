// Material's search worker, with one change: the reader's words go through the same steps as the
// page text did when the index was built (mkdocs.yml, search: pipeline). Material adds a wildcard
// to every word typed ("hips" becomes "hips*"), and lunr skips its steps for a word with a
// wildcard. The index holds stems ("hip", "lift", "tummi"), so "lifting hips" or "tummy" found
// nothing, and "on", "to" and "the" matched any word that starts with them. Here each plain word
// is reduced to its stem, and common words are dropped, before Material reads the query; the
// wildcard still lets a half-typed word match.
(function () {
  var setup = 0; // Material's SearchMessageType.SETUP
  var query = 2; // Material's SearchMessageType.QUERY
  var result = 3; // Material's SearchMessageType.RESULT
  var plainWords = /^[\p{L}\p{N}'][\p{L}\p{N}'-]*$/u; // "hips", "can't", "single-leg"
  var steps = [];
  var asTyped = {}; // each stem of the last query, and the word the reader typed for it

  // The index's own steps, in lunr's order, as mkdocs.yml chose them (search: pipeline).
  function indexSteps(pipeline) {
    var lunr = self.lunr;
    return ["trimmer", "stopWordFilter", "stemmer"]
      .filter(function (name) { return pipeline.indexOf(name) !== -1; })
      .map(function (name) { return lunr[name]; });
  }

  function readersWords(value) {
    var lunr = self.lunr;
    var kept = [];
    asTyped = {};
    value.trim().split(/\s+/).forEach(function (part) {
      if (!plainWords.test(part)) {
        kept.push(part); // Search syntax (+word, -word, word~1, "a phrase") is Material's to read.
        return;
      }
      // The index splits words at hyphens too, so "single-leg" is read as "single" and "leg".
      part.split("-").forEach(function (word) {
        var token = word && new lunr.Token(word.toLowerCase());
        for (var i = 0; token && i < steps.length; i++) token = steps[i](token);
        if (!token) return;
        kept.push(token.toString());
        asTyped[token.toString()] = asTyped[token.toString()] || word.toLowerCase();
      });
    });
    // A query of common words only ("on the") is left as typed, so it still finds something.
    return kept.length ? kept.join(" ") : value;
  }

  // Registered before Material's own listener, so this one runs first and Material reads the
  // rewritten query from the same message.
  addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === setup) steps = indexSteps(message.data.config.pipeline);
    if (message.type === query && typeof message.data === "string")
      message.data = readersWords(message.data);
  });

  // A result names the words it lacks ("Missing: lying"), in the reader's words rather than as
  // stems ("ly"). The words it has stay stems: Material highlights them on the page it opens,
  // and a stem marks every form of the word there.
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === result && message.data && message.data.items)
      message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          var terms = {};
          Object.keys(item.terms || {}).forEach(function (term) {
            terms[item.terms[term] ? term : asTyped[term] || term] = item.terms[term];
          });
          item.terms = terms;
        });
      });
    return post.apply(self, arguments);
  };

  // Material's worker, named by the page (?worker=search.<hash>.min.js, see overrides/main.html),
  // from Material's folder at the site's root. Only a name of that form is loaded.
  var name = new URLSearchParams(self.location.search).get("worker") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name))
    throw new Error("search worker: the page named no Material worker");
  importScripts(new URL("../assets/javascripts/workers/" + name, self.location.href).href);
})();
