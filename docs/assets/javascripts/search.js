/* The site's search, in Material's search box and result list.
 *
 * Nothing is fetched until the reader opens the search (focus, the header's button, or the "/", "s"
 * and "f" keys). Then the language's Pagefind bundle (<language home>/pagefind/) and its front end's
 * data (explainer-search.json, written by explainer.search_index) are loaded. Every page is one
 * Pagefind record whose text is the matching keys of its words; the query's words are reduced to the
 * same keys here (clitics, hamza forms, ة/ه, ى/ي, tashkeel and tatweel folded), stop words are left
 * out, and a query that names a glossary entry in either language or script, or a near miss of a
 * name, is widened to that entry's forms. A record's metadata lists its blocks (paragraphs and
 * headings with anchors) and where their keys start: results are paragraphs, linked to their anchor,
 * shown from the page's file of block texts (texts/*.json, beside the index).
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-ex-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var input = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var bundle = new URL(root.getAttribute("data-ex-search"), document.baseURI).href;
  var home = new URL("../", bundle).href;
  var lang = document.documentElement.lang || "en";
  var PAGE = 5;  // records whose paragraphs are fetched at a time
  var SHOWN = 20;  // paragraphs listed at a time (the button under them lists more)
  var engine = null;
  var current = null;
  var timer = 0;

  /* --- normalisation: explainer.arabic.key, in the browser --------------------------------- */

  function prepare(data) {
    data.dropRe = new RegExp("[" + data.drop + "]", "g");
    data.wordRe = new RegExp(data.word, "gu");
    data.lexiconSet = new Set(data.lexicon);
    data.stopSet = new Set(data.stop);
    data.forms = Object.keys(data.synonyms);
    data.suffixSet = new Set(data.suffixes);
    return data;
  }

  function normalise(data, text) {
    var out = "";
    var folded = text.normalize("NFC").replace(data.dropRe, "");
    for (var i = 0; i < folded.length; i++) {
      var ch = folded[i];
      out += Object.prototype.hasOwnProperty.call(data.letters, ch) ? data.letters[ch] : ch;
    }
    return out.toLowerCase();
  }

  function stripClitics(data, word) {
    if (!word || word[0] < "\u0600" || word[0] > "\u06ff" || data.lexiconSet.has(word)) return word;
    var stems = [];
    data.prefixes.forEach(function (prefix) {
      if (word.indexOf(prefix) === 0 && word.length - prefix.length >= data.min_stem)
        stems.push(word.slice(prefix.length));
    });
    for (var i = 0; i < stems.length; i++) if (data.lexiconSet.has(stems[i])) return stems[i];
    return stems.length ? stems[0] : word;
  }

  function key(data, word) {
    return stripClitics(data, normalise(data, word)).replace(/[^\p{L}\p{N}]+/gu, "");
  }

  function words(data, text) {
    var out = [];
    text.replace(data.wordRe, function (word, offset) { out.push({word: word, start: offset}); return word; });
    return out;
  }

  /* --- the query ------------------------------------------------------------------------------ */

  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var previous = [], row;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      for (var k = 1; k <= b.length; k++)
        row.push(Math.min(previous[k] + 1, row[k - 1] + 1, previous[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1)));
      previous = row;
    }
    return previous[b.length];
  }

  /* The glossary's form nearest to a phrase it does not know (زوكربرج for زوكربيرج, شات جي بي تي
     for تشات جي بي تي): a near miss of a name still finds it. */
  function nearForm(data, phrase) {
    if (phrase.length < 4 || data.synonyms[phrase]) return null;
    var most = phrase.length >= 8 ? 2 : 1, best = null, bestDistance = most + 1;
    data.forms.forEach(function (form) {
      var d = distance(phrase, form, most);
      if (d < bestDistance) { best = form; bestDistance = d; }
    });
    return best;
  }

  /* What is searched for a query: its keys without stop words, and the same with a glossary entry's
     forms in the page's language in place of any run of words that names it (or nearly does). */
  function variants(data, keys) {
    var out = [], seen = new Set();
    function add(list, typed) {
      var terms = list.filter(function (k) { return !data.stopSet.has(k); });
      var id = terms.join(" ");
      // the word being typed may be the start of a longer one; the glossary's forms are whole words
      if (terms.length && !seen.has(id)) { seen.add(id); out.push({terms: terms, prefix: typed ? terms.length - 1 : -1}); }
    }
    add(keys, true);
    for (var size = keys.length; size >= 1; size--)
      for (var i = 0; i + size <= keys.length; i++) {
        var phrase = keys.slice(i, i + size).join(" ");
        var named = data.synonyms[phrase] ? phrase : nearForm(data, phrase);
        (named ? data.synonyms[named] : []).forEach(function (form) {
          add(keys.slice(0, i).concat(form, keys.slice(i + size)));
        });
      }
    // a form that only adds words the reader did not type to another ("Mark Zuckerberg" beside
    // "Zuckerberg") finds no page the other does not: it is not searched (nor are its words'
    // parts of the index fetched), its words are looked for in the blocks the other finds
    var typed = new Set(keys);
    function within(w, v) {
      return w.terms.length < v.terms.length && w.terms.every(function (t) { return v.terms.indexOf(t) >= 0; }) &&
        v.terms.every(function (t) { return w.terms.indexOf(t) >= 0 || !typed.has(t); });
    }
    var searched = out.filter(function (v) { return !out.some(function (w) { return within(w, v); }); });
    searched.forEach(function (w) {
      w.wider = out.filter(function (v) { return within(w, v); }).map(function (v) { return v.terms; });
    });
    return searched;
  }

  /* Whether a found word stands for a query term: 3 the term itself, 2 the same stem with another
     of the language's endings (Pagefind's stemmer found it), 1 the completion of the word being
     typed; 0 for a find of Pagefind's that is neither ("market" for "mark"). */
  function stands(data, word, term, typed) {
    if (word === term) return 3;
    var common = 0;
    while (common < word.length && common < term.length && word[common] === term[common]) common++;
    var ending = function (rest) { return rest === "" || data.suffixSet.has(rest); };
    if (common >= 3 && ending(word.slice(common)) && ending(term.slice(common))) return 2;
    return typed && term.length >= 2 && common === term.length ? 1 : 0;
  }

  /* --- results ---------------------------------------------------------------------------------- */

  function blockAt(blocks, location) {
    var low = 0, high = blocks.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (blocks[middle][1] <= location) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* The paragraphs of a found record where every term of ``variant`` (the query that found it) is
     found: Pagefind's locations (keys found, by their position) told apart by block. */
  function paragraphs(data, variant, found) {
    var terms = variant.terms;
    var blocks = JSON.parse(found.meta.blocks);
    var content = found.content.split(" ");
    var hits = new Map();
    found.locations.forEach(function (location) {
      var index = blockAt(blocks, location);
      var word = content[location];
      var hit = hits.get(index) || new Map();  // word -> its occurrences in the block
      hit.set(word, (hit.get(word) || 0) + 1);
      hits.set(index, hit);
    });
    var out = [];
    hits.forEach(function (hit, index) {
      var best = scored(data, terms, hit, variant.prefix);
      // the wider forms left unsearched (see variants): their other words looked for in the block
      (variant.wider || []).forEach(function (wider) {
        var extra = wider.filter(function (term) { return terms.indexOf(term) < 0; }), more = new Map(hit);
        var end = index + 1 < blocks.length ? blocks[index + 1][1] : content.length;
        for (var at = blocks[index][1]; at < end; at++) {
          var word = content[at];
          if (extra.some(function (term) { return stands(data, word, term, false); })) more.set(word, (more.get(word) || 0) + 1);
        }
        var widened = scored(data, wider, more, -1);
        if (widened.all && widened.score > best.score) best = widened;
      });
      if (!best.all) return;
      out.push({id: found.meta.url + "#" + index, index: index, kind: found.meta.kind, title: found.meta.title,
                anchor: blocks[index][0], url: found.meta.url, texts: found.meta.texts, score: best.score,
                matched: best.matched});
    });
    return out;
  }

  /* A block's own score for ``terms``, comparable between the query's forms: 3 a term itself, 2 its
     stem, 1 the start of a longer word being typed (the term at ``prefix``); the words as typed a
     little before the glossary's other forms. ``hit``: the block's words found, with their counts. */
  function scored(data, terms, hit, prefix) {
    var score = prefix >= 0 ? 0.5 : 0, matched = new Set(), all = true;
    terms.forEach(function (term, at) {
      var termBest = 0;
      hit.forEach(function (count, word) {
        var kind = stands(data, word, term, at === prefix);
        if (kind) { termBest = Math.max(termBest, kind + 0.01 * Math.min(count, 10)); matched.add(word); }
      });
      if (!termBest) all = false;
      score += termBest;
    });
    return {score: score, matched: matched, all: all};
  }

  /* The found paragraphs' heading and text as written (a file per page, beside the index). */
  var texts = new Map();
  function withTexts(items) {
    if (!items.length) return Promise.resolve(items);
    var name = items[0].texts;
    if (!texts.has(name))
      texts.set(name, fetch(bundle + name).then(function (r) { return r.json(); }));
    return texts.get(name).then(function (blocks) {
      items.forEach(function (p) { p.heading = blocks[p.index][0]; p.text = blocks[p.index][1]; });
      return items;
    });
  }

  function escape(text) {
    return text.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  }

  function marked(data, paragraph) {
    var text = paragraph.text, marks = [], shown = [];
    words(data, text).forEach(function (w) {
      if (paragraph.matched.has(key(data, w.word))) { marks.push(w); if (shown.indexOf(w.word) < 0) shown.push(w.word); }
    });
    var start = 0, end = text.length;
    if (text.length > 320) {
      start = marks.length ? Math.max(0, marks[0].start - 80) : 0;
      while (start > 0 && !/\s/.test(text[start - 1])) start--;
      end = Math.min(text.length, start + 320);
    }
    var html = start > 0 ? "… " : "", at = start;
    marks.forEach(function (w) {
      if (w.start < at || w.start + w.word.length > end) return;
      html += escape(text.slice(at, w.start)) + "<mark>" + escape(w.word) + "</mark>";
      at = w.start + w.word.length;
    });
    html += escape(text.slice(at, end)) + (end < text.length ? " …" : "");
    return {html: html, words: shown};
  }

  function render(state) {
    var data = state.data, labels = data.labels;
    var found = state.paragraphs.slice().sort(function (a, b) {
      return data.kinds.indexOf(a.kind) - data.kinds.indexOf(b.kind) || b.score - a.score;
    });
    var count = found.length;
    var rule = new Intl.PluralRules(lang).select(count);
    meta.textContent = count ? (labels.count[rule] || labels.count.other).replace("#", count) : labels.none;
    list.innerHTML = found.slice(0, state.shown).map(function (p) {
      var shown = marked(data, p);
      var target = new URL(p.url, home);
      if (shown.words.length) target.searchParams.set("h", shown.words.join(" "));
      target.hash = p.anchor;
      var title = p.heading && p.heading !== p.title && p.kind !== "article" ? p.title + " — " + p.heading : p.title;
      return '<li class="md-search-result__item"><a href="' + escape(target.href) + '" class="md-search-result__link" tabindex="-1">' +
        '<article class="md-search-result__article md-typeset" data-ex-kind="' + p.kind + '">' +
        '<div class="md-search-result__icon md-icon"></div><h1>' + escape(title) + "</h1><p>" + shown.html + "</p></article></a></li>";
    }).join("") + (found.length > state.shown || state.loaded < state.records.length ?
      '<li class="md-search-result__item ex-search-more"><button type="button" class="md-search-result__more">' + escape(labels.more) + "</button></li>" : "");
  }

  /* ``step`` on each item, each after the one before has finished. */
  function inTurn(items, step) {
    return items.reduce(function (done, item) { return done.then(function () { return step(item); }); },
                        Promise.resolve());
  }

  function more(state) {
    var batch = state.records.slice(state.loaded, state.loaded + PAGE);
    state.loaded += batch.length;
    return Promise.all(batch.map(function (record) {
      // one form after the other: Pagefind hands each of a page's results the same fragment object,
      // whose locations are those of the result asked last
      var items = [];
      return inTurn(record.found, function (f) {
        return f.result.data().then(function (data) { items = items.concat(paragraphs(state.data, f.variant, data)); });
      }).then(function () { return withTexts(items); });
    })).then(function (lists) {
      if (current !== state) return;
      var best = new Map();  // a paragraph found by several of the query's forms counts once, at its best
      state.paragraphs.forEach(function (p) { best.set(p.id, p); });
      lists.forEach(function (items) {
        items.forEach(function (p) { var had = best.get(p.id); if (!had || p.score > had.score) best.set(p.id, p); });
      });
      state.paragraphs = Array.from(best.values());
      if (!state.paragraphs.length && state.loaded < state.records.length) return more(state);
      render(state);
    });
  }

  function search(query) {
    return load().then(function (e) {
      var keys = words(e.data, query).map(function (w) { return key(e.data, w.word); }).filter(Boolean);
      var state = {data: e.data, records: [], loaded: 0, paragraphs: [], shown: SHOWN};
      current = state;
      var asked = variants(e.data, keys);
      if (!asked.length) { meta.textContent = query.trim() ? e.data.labels.none : e.data.labels.type; list.innerHTML = ""; return; }
      var answers = [];  // one search after the other: Pagefind's searches share one engine
      return inTurn(asked, function (variant) {
        return current === state && e.pagefind.search(variant.terms.join(" ")).then(function (answer) {
          answers.push({variant: variant, results: answer ? answer.results : []});
        });
      }).then(function () {
        if (current !== state) return;
        var byId = new Map();
        answers.forEach(function (answer) {
          answer.results.forEach(function (result) {
            var record = byId.get(result.id);
            if (!record) byId.set(result.id, record = {score: 0, found: []});
            record.score = Math.max(record.score, result.score);
            record.found.push({variant: answer.variant, result: result});
          });
        });
        state.records = Array.from(byId.values()).sort(function (a, b) { return b.score - a.score; });
        return more(state);
      });
    }).catch(function () {
      meta.textContent = root.getAttribute("data-ex-offline");
    });
  }

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(bundle + "pagefind.js"),
        fetch(bundle + "explainer-search.json").then(function (r) { return r.json(); })
      ]).then(function (parts) {
        var pagefind = parts[0];
        return Promise.resolve(pagefind.options({basePath: bundle, excerptLength: 0}))
          .then(function () { return pagefind.init(); })
          .then(function () { return {pagefind: pagefind, data: prepare(parts[1])}; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  /* --- the box ---------------------------------------------------------------------------------- */

  function open() {
    if (!toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
    input.focus();
    input.select();
    load();
  }

  function close() {
    if (toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
    input.blur();
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link, .md-search-result__more")); }

  input.addEventListener("focus", function () { if (!toggle.checked) { toggle.checked = true; } load(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value;
    if (!query.trim()) { current = null; list.innerHTML = ""; return; }
    timer = setTimeout(function () { search(query); }, 80);
  });
  root.querySelector("form").addEventListener("reset", function () {
    current = null; list.innerHTML = ""; setTimeout(function () { input.focus(); });
  });
  toggle.addEventListener("change", function () { if (toggle.checked) { input.focus(); load(); } });
  list.addEventListener("click", function (event) {
    var button = event.target.closest(".md-search-result__more");
    if (button && current) {
      event.preventDefault();
      current.shown += SHOWN;
      if (current.paragraphs.length >= current.shown) render(current); else more(current);
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName);
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (toggle.checked && root.contains(target) || target === document.body && toggle.checked) {
      var items = links(), at = items.indexOf(document.activeElement);
      if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "ArrowDown" && items.length) { event.preventDefault(); items[Math.min(at + 1, items.length - 1)].focus(); }
      else if (event.key === "ArrowUp" && at >= 0) { event.preventDefault(); (at === 0 ? input : items[at - 1]).focus(); }
      else if (event.key === "Enter" && target === input && items.length) { event.preventDefault(); items[0].click(); }
      return;
    }
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) { event.preventDefault(); open(); }
  });

  /* --- on the page a result opened: its words marked in the paragraph ------------------------- */

  var asked = new URLSearchParams(location.search).get("h");
  if (asked) {
    var wanted = new Set(asked.split(" "));
    var place = (location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))) ||
      document.querySelector(".md-content article");
    if (place) {
      var walker = document.createTreeWalker(place, NodeFilter.SHOW_TEXT), nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var parts = node.nodeValue.split(/([\p{L}\p{N}_\p{M}]+)/u);
        if (!parts.some(function (part) { return wanted.has(part); })) return;
        var fragment = document.createDocumentFragment();
        parts.forEach(function (part) {
          if (wanted.has(part)) { var mark = document.createElement("mark"); mark.textContent = part; fragment.appendChild(mark); }
          else if (part) fragment.appendChild(document.createTextNode(part));
        });
        node.parentNode.replaceChild(fragment, node);
      });
    }
  }
})();
