/* cheatgen — offline search as you type, and tag filtering on the index page.
   No libraries, no network beyond the site's own files: the index is split into small scripts
   under search/, loaded as a query needs them. Index data is only ever inserted with textContent. */
(function () {
  "use strict";

  var MAX_RESULTS = 12;
  var KIND_LABEL = { sheet: "Sheet", section: "Section", card: "Card" };
  var KIND_WEIGHT = { sheet: 3, section: 2, card: 1 };

  /* ---------------------------------------------------------------- index files */

  /* The index is split (see SearchIndex.swift): search/meta.js names the first word of each
     chunk of the sorted word list, search/i/<n>.js holds a chunk, search/f/<n>.js the entries
     of sheet n. Each is a plain script calling cheatgenSearch.loaded(name, data), so it loads
     from file:// as well as http; a query loads the meta file once, the chunks its words fall
     in, and the fragments of the sheets it shows. */
  var files = {};
  var base = "";

  function file(name) {
    var f = files[name];
    if (!f) {
      f = files[name] = { data: undefined, requested: false };
      f.promise = new Promise(function (resolve, reject) { f.resolve = resolve; f.reject = reject; });
    }
    return f;
  }

  window.cheatgenSearch = {
    loaded: function (name, data) {
      var f = file(String(name));
      if (f.data === undefined) { f.data = data; f.resolve(data); }
    }
  };

  function load(name) {
    var f = file(name);
    if (f.data === undefined && !f.requested) {
      f.requested = true;
      var script = document.createElement("script");
      script.src = base + "search/" + name + ".js";
      script.async = true;
      script.onerror = function () { f.reject(new Error("could not load " + script.src)); };
      document.head.appendChild(script);
    }
    return f.promise;
  }

  /* ---------------------------------------------------------------- words */

  function fold(s) {
    s = String(s == null ? "" : s).toLowerCase();
    return s.normalize ? s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : s;
  }

  var SEPARATOR = (function () {
    try { return new RegExp("[^\\p{L}\\p{N}]+", "u"); } catch (e) { return /[^a-z0-9\u00c0-\uffff]+/; }
  })();

  /* The query's words, made as the index makes its words (SearchTerms.swift). */
  function words(query) {
    var seen = {};
    return fold(query).split(SEPARATOR).filter(function (w) {
      if (w.length < 2 || seen[w]) return false;
      seen[w] = true;
      return true;
    });
  }

  /* ---------------------------------------------------------------- search */

  var MIN_PREFIX = 3;          // shorter words match whole words only
  var MAX_PREFIX_CHUNKS = 3;   // a prefix spread over more chunks than this matches less

  /* The chunks that can hold `w` (and, for a prefix, the words that start with it). */
  function chunksFor(meta, w) {
    var chunks = meta.chunks, lo = 0, hi = chunks.length - 1, at = 0;
    if (!chunks.length) return [];
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (chunks[mid] <= w) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    var wanted = [at];
    if (w.length >= MIN_PREFIX) {
      for (var j = at + 1; j < chunks.length && wanted.length < MAX_PREFIX_CHUNKS && chunks[j].indexOf(w) === 0; j++) wanted.push(j);
    }
    return wanted;
  }

  /* Entry key → score of one query word, and whether the word is too common to require. */
  function matchWord(w, chunks) {
    var scores = {}, cards = {}, exact = false, exactPartial = false, prefixPartial = false;
    chunks.forEach(function (chunk) {
      var table = chunk.words || {};
      var common = chunk.partial || [];
      Object.keys(table).forEach(function (term) {
        if (term !== w && (w.length < MIN_PREFIX || term.indexOf(w) !== 0)) return;
        var capped = common.indexOf(term) >= 0;
        if (term === w) { exact = true; exactPartial = capped; } else if (capped) { prefixPartial = true; }
        var factor = term === w ? 1 : 0.7;
        var list = table[term], sheet = 0;
        for (var i = 0; i + 1 < list.length; i += 2) {
          sheet += list[i];
          var packed = list[i + 1], flags = packed & 3;
          var key = sheet * 1024 + (packed >> 2);
          // Ranked title > card > text.
          var s = ((flags & 2) ? 100 : (flags & 1) ? 20 : 10) * factor;
          if (!(key in scores) || scores[key] < s) scores[key] = s;
          if (flags & 1) cards[key] = true;
        }
      });
    });
    // Too common to require: the word itself, or (when it is only a prefix) a word it starts.
    return { scores: scores, cards: cards, partial: exact ? exactPartial : prefixPartial };
  }

  /* Resolves to the entries (at most MAX_RESULTS) `query` shows, best first. */
  function search(query) {
    var qwords = words(query);
    if (!qwords.length) return Promise.resolve([]);
    return load("meta").then(function (meta) {
      return Promise.all(qwords.map(function (w) {
        return Promise.all(chunksFor(meta, w).map(function (n) { return load("i/" + n); }))
          .then(function (chunks) { return matchWord(w, chunks); });
      }));
    }).then(function (matches) {
      // Every word must match, but for words too common to be indexed in full (see
      // SearchIndex.postingLimit): they only rank. When all are, any may match.
      var required = matches.filter(function (m) { return !m.partial; });
      var keys = {};
      (required.length ? [required[0]] : matches).forEach(function (m) {
        Object.keys(m.scores).forEach(function (key) { keys[key] = true; });
      });
      var hits = [];
      Object.keys(keys).forEach(function (key) {
        if (!required.every(function (m) { return key in m.scores; })) return;
        var total = 0;
        matches.forEach(function (m) { total += m.scores[key] || 0; });
        // Among equal scores, a sheet before its sections, a section before its cards.
        var entry = key % 1024, card = matches.some(function (m) { return m.cards[key]; });
        total += entry === 0 ? KIND_WEIGHT.sheet : card ? KIND_WEIGHT.card : KIND_WEIGHT.section;
        hits.push({ key: Number(key), score: total });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.key - b.key; });
      hits = hits.slice(0, MAX_RESULTS);
      var sheets = [];
      hits.forEach(function (h) { var s = Math.floor(h.key / 1024); if (sheets.indexOf(s) < 0) sheets.push(s); });
      return Promise.all(sheets.map(function (s) { return load("f/" + s); })).then(function () {
        var results = [];
        hits.forEach(function (h) {
          var entries = files["f/" + Math.floor(h.key / 1024)].data;
          var e = Array.isArray(entries) ? entries[h.key % 1024] : null;
          if (e && typeof e.url === "string" && typeof e.title === "string") results.push(e);
        });
        return results;
      });
    });
  }

  // For tools (bench/search-query.js): resolves to the entries a query shows.
  window.cheatgenSearch.query = search;

  /* fold(), character by character, keeping each character's length (so positions in the
     result are positions in `text`): a character whose folded form is longer or shorter
     ("…", "ﬁ") stays as it is. */
  function foldInPlace(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i), f = fold(c);
      out += f.length === 1 ? f : c;
    }
    return out;
  }

  /* Appends `text` to `parent`, wrapping the query words that occur in it in <mark>. */
  function appendHighlighted(parent, text, qwords) {
    var lower = foldInPlace(text);
    var marks = [];
    qwords.forEach(function (w) {
      var from = 0, at;
      while (w && (at = lower.indexOf(w, from)) >= 0) {
        marks.push([at, at + w.length]);
        from = at + w.length;
      }
    });
    if (!marks.length) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      if (m[0] > pos) parent.appendChild(document.createTextNode(text.slice(pos, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      parent.appendChild(mark);
      pos = m[1];
    });
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  /* A short piece of the entry's text around the first query word it holds, or "". */
  function excerpt(text, qwords) {
    text = String(text || "");
    var lower = foldInPlace(text), at = -1;
    qwords.forEach(function (w) { var i = lower.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
    if (at < 0) return text.length > 100 ? text.slice(0, 100) + "…" : text;   // matched further on
    var start = Math.max(0, at - 30), end = Math.min(text.length, at + 70);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  /* A URL from the index is relative to the site root; refuse anything with a scheme. */
  function resolveURL(root, url) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.indexOf("//") === 0) return null;
    return (root || "") + url.replace(/^\/+/, "");
  }

  /* ---------------------------------------------------------------- search box */

  function setUpSearch() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    if (!input || !list) return;

    var root = input.getAttribute("data-root") || "";
    // The index files are under the site root too; a root with a scheme is refused, as URLs are.
    base = resolveURL(root, "") || "";
    var active = -1;
    var options = [];
    var timer = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function setActive(i) {
      if (!options.length) return;
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = (i + options.length) % options.length;
      var opt = options[active];
      opt.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", opt.id);
      if (opt.scrollIntoView) opt.scrollIntoView({ block: "nearest" });
    }

    var generation = 0;
    var ready = Promise.resolve();   // settles once the results for what is typed are shown

    function clear() {
      while (list.firstChild) list.removeChild(list.firstChild);
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
    }

    function show(results, qwords, emptyText) {
      clear();
      if (!results.length) {
        var empty = document.createElement("div");
        empty.className = "search-empty";
        empty.setAttribute("role", "option");
        empty.setAttribute("aria-disabled", "true");
        empty.setAttribute("aria-selected", "false");
        empty.textContent = emptyText;
        list.appendChild(empty);
        open();
        return;
      }
      results.forEach(function (entry, i) {
        var href = resolveURL(root, entry.url);
        if (href === null) return;
        var a = document.createElement("a");
        a.className = "search-result";
        a.id = "search-result-" + i;
        a.href = href;
        a.setAttribute("role", "option");
        a.setAttribute("aria-selected", "false");
        a.tabIndex = -1;

        var title = document.createElement("span");
        title.className = "result-title";
        appendHighlighted(title, entry.title, qwords);
        a.appendChild(title);

        var meta = document.createElement("span");
        meta.className = "result-meta";
        var kind = document.createElement("span");
        kind.className = "result-kind";
        kind.textContent = KIND_LABEL[entry.kind] || String(entry.kind || "");
        meta.appendChild(kind);
        if (entry.kind !== "sheet" && entry.sheet) {
          meta.appendChild(document.createTextNode(" · " + entry.sheet));
        }
        a.appendChild(meta);

        // Where a word matched outside the title, a line of the text around it.
        var titleHit = qwords.some(function (w) { return fold(entry.title).indexOf(w) >= 0; });
        var around = titleHit ? "" : excerpt(entry.text, qwords);
        if (around) {
          var text = document.createElement("span");
          text.className = "result-text";
          appendHighlighted(text, around, qwords);
          a.appendChild(text);
        }

        a.addEventListener("mousedown", function (ev) { ev.preventDefault(); }); // keep focus in the box
        a.addEventListener("click", function () { close(); });
        list.appendChild(a);
        options.push(a);
      });
      open();
    }

    function update() {
      var mine = ++generation;
      var qwords = words(input.value);
      if (!qwords.length) { clear(); close(); ready = Promise.resolve(); return ready; }
      ready = search(input.value).then(function (results) {
        if (mine === generation) show(results, qwords, "No matches");
      }, function () {
        if (mine === generation) show([], qwords, "Search index not loaded");
      });
      return ready;
    }

    input.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () { timer = null; update(); }, 40);
    });

    input.addEventListener("focus", function () {
      load("meta").catch(function () {});   // small; makes the first query quicker
      if (input.value && list.firstChild) open();
    });

    // Runs a pending (debounced) update now; resolves once the results for what is typed show.
    function flush() {
      if (timer) { clearTimeout(timer); timer = null; update(); }
      return ready;
    }

    input.addEventListener("keydown", function (ev) {
      if (ev.isComposing) return;
      switch (ev.key) {
        case "ArrowDown":
        case "Down":
          if (!input.value) break;
          ev.preventDefault();
          (list.hidden && !timer ? update() : flush()).then(function () {
            if (options.length) { open(); setActive(active + 1); }
          });
          break;
        case "ArrowUp":
        case "Up":
          if (!input.value) break;
          ev.preventDefault();
          flush().then(function () {
            if (options.length && !list.hidden) setActive(active < 0 ? options.length - 1 : active - 1);
          });
          break;
        case "Enter":
          if (!input.value) break;
          ev.preventDefault();
          flush().then(function () {
            if (!list.hidden && options.length) {
              var target = options[active >= 0 ? active : 0];
              close();
              window.location.href = target.href;
            }
          });
          break;
        case "Escape":
        case "Esc":
          // Clears the query and closes the list at once.
          if (!list.hidden || input.value) {
            ev.preventDefault();
            if (timer) { clearTimeout(timer); timer = null; }
            generation++;
            input.value = "";
            clear();
            close();
          }
          break;
      }
    });

    document.addEventListener("click", function (ev) {
      if (ev.target !== input && !list.contains(ev.target)) close();
    });

    // Tabbing away closes the list (clicks on results keep focus in the box: see mousedown).
    input.addEventListener("blur", function () {
      setTimeout(function () {
        if (document.activeElement !== input && !list.contains(document.activeElement)) close();
      }, 0);
    });

    // Coming back with the Back button shows the page as it was left: closed.
    window.addEventListener("pageshow", function (ev) { if (ev.persisted) close(); });

    // "/" focuses the search box from anywhere (unless the reader is typing somewhere).
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      ev.preventDefault();
      input.focus();
      input.select();
    });

    if (input.value) update(); // restored by the browser on back/forward
  }

  /* ---------------------------------------------------------------- tag filter (index page) */

  function setUpTagFilter() {
    var nav = document.querySelector(".tag-filter");
    if (!nav) return;
    var links = Array.prototype.slice.call(nav.querySelectorAll("a.tag"));
    var cards = Array.prototype.slice.call(document.querySelectorAll(".sheet-card"));
    if (!cards.length) return;

    function apply(tag) {
      var known = tag && links.some(function (a) { return a.getAttribute("data-tag") === tag; });
      if (!known) tag = "";
      links.forEach(function (a) {
        var own = a.getAttribute("data-tag") || "";
        a.setAttribute("aria-pressed", own === tag ? "true" : "false");
      });
      cards.forEach(function (card) {
        var tags = (card.getAttribute("data-tags") || "").split(/\s+/);
        card.hidden = !!tag && tags.indexOf(tag) < 0;
      });
      // a category with no sheet left to show hides its title too
      Array.prototype.forEach.call(document.querySelectorAll(".sheet-group"), function (group) {
        group.hidden = !group.querySelector(".sheet-card:not([hidden])");
      });
    }

    function tagFromHash() {
      var m = /^#tag-(.+)$/.exec(window.location.hash);
      return m ? decodeURIComponent(m[1]) : "";
    }

    links.forEach(function (a) {
      a.setAttribute("role", "button");
      a.addEventListener("keydown", function (ev) {     // buttons answer Space as well as Enter
        if (ev.key === " " || ev.key === "Spacebar") { ev.preventDefault(); a.click(); }
      });
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var tag = a.getAttribute("data-tag") || "";
        var hash = tag ? "#tag-" + tag : "";
        if (window.history && history.replaceState) {
          history.replaceState(null, "", hash || window.location.pathname + window.location.search);
        }
        apply(tag);
      });
    });
    window.addEventListener("hashchange", function () { apply(tagFromHash()); });
    apply(tagFromHash());
  }

  function start() {
    setUpSearch();
    setUpTagFilter();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
