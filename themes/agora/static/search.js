/*
 * hexaglot search: the browser side of the static search index.
 *
 * normalize(), queryTerms() and indexTerms() must give exactly what src/search/normalize.rs
 * gives at build time: the same Unicode steps (NFKD, lowercasing, NFC, the Alphabetic
 * property), the same code point lists and Arabic prefixes, and the traditional ->
 * simplified Chinese pairs that the index carries (`fold`). tests/deploy_search.rs runs
 * both over one table of cases, tests/search_arabic.rs over a list of Arabic words. The page part reads ?q=, loads /<lang>/search/index.json once and
 * shows the results; its messages come from Fluent through data attributes of the form.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.hexaglotSearch = api;
    if (root.document) api.start(root.document, root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var WORD = /[\p{Alphabetic}\p{N}]/u;

  function between(code, from, to) {
    return code >= from && code <= to;
  }

  /* One character after NFKD and lowercasing: what it becomes, or null to drop it.
     han: traditional -> simplified Chinese characters (a Map), from the index. */
  function fold(prev, c, han) {
    var code = c.codePointAt(0);
    if (code === 0x306 && (prev === "\u0438" || prev === "\u0443")) return c;
    if (between(code, 0x300, 0x36f)) return null;
    if (between(code, 0x653, 0x655) && prev === "\u0627") return c;
    if (between(code, 0x610, 0x61a) || between(code, 0x64b, 0x65f) || code === 0x670 || code === 0x640) return null;
    if (between(code, 0x6d6, 0x6dc) || between(code, 0x6df, 0x6e4) || code === 0x6e7 || code === 0x6e8 || between(code, 0x6ea, 0x6ed)) return null;
    switch (code) {
      case 0x671: case 0x672: case 0x673: case 0x675: return "\u0627";
      case 0x629: return "\u0647";
      case 0x649: case 0x6cc: return "\u064a";
      case 0x3c2: return "\u03c3";
    }
    if (han && code >= 0x3400 && isCjk(c) && han.has(c)) return han.get(c);
    return c;
  }

  function normalize(text, han) {
    var lowered = String(text).normalize("NFKD").toLowerCase();
    var out = "";
    var prev = "";
    for (var c of lowered) {
      var kept = fold(prev, c, han);
      if (kept !== null) {
        out += kept;
        prev = kept;
      }
    }
    return out.normalize("NFC");
  }

  /* The pairs of an index's `fold` string ("發发髮发…") as a Map, made once per index. */
  function hanTable(index) {
    if (!index.han) {
      index.han = new Map();
      var chars = Array.from(index.fold || "");
      for (var i = 0; i + 1 < chars.length; i += 2) index.han.set(chars[i], chars[i + 1]);
    }
    return index.han;
  }

  function isCjk(c) {
    var code = c.codePointAt(0);
    return code === 0x3005 || code === 0x3007 || between(code, 0x3021, 0x3029) || between(code, 0x3038, 0x303b) ||
      between(code, 0x3040, 0x30ff) || between(code, 0x3400, 0x4dbf) || between(code, 0x4e00, 0x9fff) ||
      between(code, 0xf900, 0xfaff) || between(code, 0x20000, 0x2fa1f) || between(code, 0x30000, 0x3134f);
  }

  function isArabicLetter(c) {
    var code = c.codePointAt(0);
    return between(code, 0x620, 0x64a) || between(code, 0x66e, 0x6d3);
  }

  /* Runs of word characters: {word: "..."} or {cjk: [chars]}. */
  function runs(normalized) {
    var result = [];
    var word = "";
    var cjk = [];
    for (var c of normalized) {
      if (isCjk(c)) {
        if (word) { result.push({ word: word }); word = ""; }
        cjk.push(c);
      } else {
        if (cjk.length) { result.push({ cjk: cjk }); cjk = []; }
        if (WORD.test(c)) {
          word += c;
        } else if (word) {
          result.push({ word: word });
          word = "";
        }
      }
    }
    if (word) result.push({ word: word });
    if (cjk.length) result.push({ cjk: cjk });
    return result;
  }

  /* The article with the prefixes fused with it, longest first, and the shortest stem
     left; after the preposition lam the article is written "لل" (see normalize.rs). */
  var ARTICLES = [["وبال", 3], ["وكال", 3], ["فبال", 3], ["فكال", 3], ["وال", 3], ["فال", 3], ["بال", 3], ["كال", 3], ["ال", 2]];
  var LAM_ARTICLES = [["ولل", 3], ["فلل", 3], ["لل", 2]];

  /* The stems of a word (before the alef forms are unified): one, or two where a prefix
     can be read two ways; with `query`, a word that starts with a bare "ال" also stands
     for itself. */
  function stems(word, query) {
    var chars = Array.from(word);
    if (!chars.length || !isArabicLetter(chars[0])) return [word];
    var i, p;
    for (i = 0; i < ARTICLES.length; i++) {
      p = Array.from(ARTICLES[i][0]);
      if (word.startsWith(ARTICLES[i][0]) && chars.length >= p.length + ARTICLES[i][1]) {
        var stem = chars.slice(p.length).join("");
        return query && ARTICLES[i][0] === "ال" ? [stem, word] : [stem];
      }
    }
    for (i = 0; i < LAM_ARTICLES.length; i++) {
      p = Array.from(LAM_ARTICLES[i][0]);
      if (word.startsWith(LAM_ARTICLES[i][0]) && chars.length >= p.length + LAM_ARTICLES[i][1]) {
        return [chars.slice(p.length).join(""), chars.slice(p.length - 1).join("")];
      }
    }
    if (chars.length >= 4 && chars[0] === "\u0648") return [word, chars.slice(1).join("")];
    return [word];
  }

  /* A word's terms: its stems with أ إ آ as ا, without repeats. */
  function wordTerms(word, query) {
    var terms = [];
    stems(word, query).forEach(function (stem) {
      var term = stem.replace(/[\u0622\u0623\u0625]/g, "\u0627");
      if (terms.indexOf(term) < 0) terms.push(term);
    });
    return terms;
  }

  function bigrams(chars) {
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  /* The terms of a query: for each word, the terms that may match it; for a Han run,
     each bigram (or the character of a one-character run) on its own. */
  function queryTerms(text, han) {
    var terms = [];
    runs(normalize(text, han)).forEach(function (run) {
      if (run.word !== undefined) terms.push(wordTerms(run.word, true));
      else if (run.cjk.length === 1) terms.push([run.cjk[0]]);
      else bigrams(run.cjk).forEach(function (b) { terms.push([b]); });
    });
    return terms;
  }

  function indexTerms(text, han) {
    var terms = [];
    runs(normalize(text, han)).forEach(function (run) {
      if (run.word !== undefined) {
        terms.push.apply(terms, wordTerms(run.word, false));
      } else {
        terms.push.apply(terms, run.cjk);
        terms.push.apply(terms, bigrams(run.cjk));
      }
    });
    return terms;
  }

  var own = Object.prototype.hasOwnProperty;

  /* Documents matching one term: doc -> score. Exact matches count double; words of two
     characters or more also match the longer terms they begin (форум → форума). */
  function lookup(index, term) {
    var scores = new Map();
    function add(list, factor) {
      for (var i = 0; i + 1 < list.length; i += 2) scores.set(list[i], (scores.get(list[i]) || 0) + list[i + 1] * factor);
    }
    if (own.call(index.terms, term)) add(index.terms[term], 2);
    var chars = Array.from(term);
    if (chars.length < 2 || isCjk(chars[0])) return scores;
    if (!index.keys) index.keys = Object.keys(index.terms).sort();
    var keys = index.keys;
    var lo = 0;
    var hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < term) lo = mid + 1; else hi = mid;
    }
    for (var k = lo; k < keys.length && keys[k].startsWith(term); k++) {
      if (keys[k] !== term) add(index.terms[keys[k]], 1);
    }
    return scores;
  }

  /* Documents matching any of a word's terms: doc -> best score. */
  function lookupAny(index, alternatives) {
    var scores = new Map();
    alternatives.forEach(function (term) {
      lookup(index, term).forEach(function (score, doc) {
        if (!scores.has(doc) || scores.get(doc) < score) scores.set(doc, score);
      });
    });
    return scores;
  }

  /* The documents that match every word of the query, best first. */
  function search(index, query) {
    var seen = new Set();
    var terms = queryTerms(query, hanTable(index)).filter(function (t) {
      var key = t.join("|");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (!terms.length) return [];
    var total = null;
    terms.forEach(function (alternatives) {
      var scores = lookupAny(index, alternatives);
      if (total === null) {
        total = scores;
        return;
      }
      var both = new Map();
      total.forEach(function (score, doc) {
        if (scores.has(doc)) both.set(doc, score + scores.get(doc));
      });
      total = both;
    });
    return Array.from(total).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).map(function (hit) {
      var doc = index.docs[hit[0]];
      return { url: doc[0], title: doc[1], excerpt: doc[2], score: hit[1] };
    });
  }

  /* Shows results (or "no results") in the page's status line and list. The messages
     come from the form's data attributes: data-results-<plural category> with {count},
     data-no-results with {query}. */
  function display(doc, form, status, list) {
    var locale = form.getAttribute("data-locale") || doc.documentElement.lang;
    var plurals = new Intl.PluralRules(locale);
    var numbers = new Intl.NumberFormat(locale, { numberingSystem: form.getAttribute("data-numbering") || "latn" });

    function countText(n) {
      var text = form.getAttribute("data-results-" + plurals.select(n)) || form.getAttribute("data-results-other") || "";
      return text.replace("{count}", numbers.format(n));
    }

    return function show(results, query) {
      list.replaceChildren();
      if (!results.length) {
        var parts = (form.getAttribute("data-no-results") || "").split("{query}");
        var isolated = doc.createElement("bdi");
        isolated.textContent = query;
        status.replaceChildren(doc.createTextNode(parts[0]), isolated, doc.createTextNode(parts.slice(1).join(query)));
        return;
      }
      status.textContent = countText(results.length);
      results.forEach(function (r) {
        var item = doc.createElement("li");
        var link = doc.createElement("a");
        link.href = r.url;
        link.textContent = r.title;
        var excerpt = doc.createElement("p");
        excerpt.textContent = r.excerpt;
        item.append(link, excerpt);
        list.append(item);
      });
    };
  }

  /* The search page: a form.search-form with data-index (the index URL), the messages
     (see display) and data-error. Searches ?q= on load, then as the visitor types. */
  function start(doc, win) {
    var form = doc.querySelector("form.search-form[data-index]");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var status = doc.querySelector(".search-status");
    var list = doc.querySelector(".search-results");
    var show = display(doc, form, status, list);
    // The notice for browsers without scripts: this one runs them.
    doc.querySelectorAll(".search-noscript").forEach(function (notice) { notice.hidden = true; });
    var loading = null;
    var timer = null;

    function load() {
      if (!loading) {
        loading = win.fetch(form.getAttribute("data-index")).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        });
      }
      return loading;
    }

    function run(raw) {
      var query = raw.trim();
      var url = win.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "");
      win.history.replaceState(null, "", url);
      if (!query) {
        status.textContent = "";
        list.replaceChildren();
        return;
      }
      load().then(function (index) {
        if (input.value.trim() === query) show(search(index, query), query);
      }, function () {
        status.textContent = form.getAttribute("data-error") || "";
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(input.value);
    });
    input.addEventListener("input", function () {
      win.clearTimeout(timer);
      timer = win.setTimeout(function () { run(input.value); }, 150);
    });
    var initial = new win.URLSearchParams(win.location.search).get("q");
    if (initial) {
      input.value = initial;
      run(initial);
    }
  }

  return { normalize: normalize, hanTable: hanTable, queryTerms: queryTerms, indexTerms: indexTerms, search: search, start: start };
});
