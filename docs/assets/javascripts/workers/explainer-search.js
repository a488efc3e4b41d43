/* Arabic-aware search: wraps Material for MkDocs' search worker.
 *
 * The page loads this worker as `explainer-search.js?material=<Material's worker file>`. The search
 * index of each language carries, under `config.explainer`, the normalisation tables of the Python module
 * explainer.arabic (letters to fold, marks to drop, clitic prefixes, the lexicon of known names)
 * and the glossary synonyms. The same key is computed for every indexed word (a lunr pipeline
 * function) and for every query word, and a query naming a glossary entry in either language is
 * widened to all the forms of that entry in the page's language.
 */
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var data = null;
  var letters = null;
  var drop = null;
  var trim = null;
  var lexicon = null;

  function setup(extra) {
    data = extra;
    letters = extra.letters;
    drop = new RegExp("[" + extra.drop + "]", "g");
    trim = new RegExp(extra.trim, "gu");
    lexicon = new Set(extra.lexicon);
  }

  function normalise(text) {
    var out = "";
    var folded = text.normalize("NFC").replace(drop, "");
    for (var i = 0; i < folded.length; i++) {
      var ch = folded[i];
      out += Object.prototype.hasOwnProperty.call(letters, ch) ? letters[ch] : ch;
    }
    return out.toLowerCase();
  }

  function isArabic(ch) {
    return ch >= "\u0600" && ch <= "\u06ff";
  }

  function stripClitics(word) {
    if (!word || !isArabic(word[0]) || lexicon.has(word)) return word;
    var stems = [];
    for (var i = 0; i < data.prefixes.length; i++) {
      var prefix = data.prefixes[i];
      if (word.indexOf(prefix) === 0 && word.length - prefix.length >= data.min_stem)
        stems.push(word.slice(prefix.length));
    }
    for (var j = 0; j < stems.length; j++)
      if (lexicon.has(stems[j])) return stems[j];
    return stems.length ? stems[0] : word;
  }

  function key(word) {
    return stripClitics(normalise(word.replace(trim, "")));
  }

  /* A query becomes the keys of its words plus the glossary forms it names. */
  function rewrite(query) {
    if (!data || /[+\-:^~*"]/.test(query)) return query;  // leave lunr syntax alone
    var words = query.trim().split(new RegExp(data.separator || "\\s+"));
    var keys = [];
    words.forEach(function (w) { var k = key(w); if (k) keys.push(k); });
    var terms = keys.slice();
    var candidates = [keys.join(" ")].concat(keys);
    for (var size = 2; size < keys.length; size++)
      for (var i = 0; i + size <= keys.length; i++)
        candidates.push(keys.slice(i, i + size).join(" "));
    candidates.forEach(function (candidate) {
      (data.synonyms[candidate] || []).forEach(function (term) {
        if (terms.indexOf(term) < 0) terms.push(term);
      });
    });
    return terms.join(" ");
  }

  /* Registered before Material's listener, so it sees (and rewrites) each message first. */
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP && message.data.config.explainer) {
      setup(message.data.config.explainer);
      data.separator = message.data.config.separator;
    } else if (message.type === QUERY && data) {
      message.data = rewrite(message.data);
    }
  });

  var material = new URLSearchParams(self.location.search).get("material");
  importScripts(material);

  /* Every indexed word is reduced to its key; positions stay, so highlighting still works. */
  function explainerKey(token) {
    if (!data) return token;
    var k = key(token.toString());
    return k ? token.update(function () { return k; }) : undefined;
  }
  self.lunr.Pipeline.registerFunction(explainerKey, "explainerKey");
  var add = self.lunr.Builder.prototype.add;
  self.lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.explainerReady) {
      this.explainerReady = true;
      this.pipeline.add(explainerKey);
      this.searchPipeline.add(explainerKey);
    }
    return add.call(this, doc, attributes);
  };
})();
