/* cheatgen — offline search as you type, and tag filtering on the index page.
   No libraries, no network: the index is window.CHEATGEN_SEARCH_INDEX, set by search-index.js
   (loaded before this file). Index data is only ever inserted with textContent. */
(function () {
  "use strict";

  var MAX_RESULTS = 12;
  var KIND_LABEL = { sheet: "Sheet", section: "Section", card: "Card" };
  var KIND_WEIGHT = { sheet: 3, section: 2, card: 1 };

  /* ---------------------------------------------------------------- index */

  var prepared = null;

  function fold(s) {
    s = String(s == null ? "" : s).toLowerCase();
    return s.normalize ? s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : s;
  }

  function prepare() {
    if (prepared) return prepared;
    var raw = window.CHEATGEN_SEARCH_INDEX;
    if (!Array.isArray(raw)) return null;
    prepared = [];
    for (var i = 0; i < raw.length; i++) {
      var e = raw[i];
      if (!e || typeof e.url !== "string" || typeof e.title !== "string") continue;
      prepared.push({
        entry: e,
        order: i,
        title: fold(e.title),
        sheet: fold(e.sheet),
        text: fold(e.text)
      });
    }
    return prepared;
  }

  function words(query) {
    return fold(query).split(/[\s,;]+/).filter(function (w) { return w.length > 0; });
  }

  function isWordStart(haystack, at) {
    if (at === 0) return true;
    return !/[a-z0-9_]/.test(haystack.charAt(at - 1));
  }

  /* Score one entry; 0 means "does not match". Every query word must occur in the title,
     the text or the sheet name; title hits weigh far more than text hits. */
  function score(p, qwords, phrase) {
    var total = 0;
    for (var i = 0; i < qwords.length; i++) {
      var w = qwords[i];
      var s = 0;
      var at = p.title.indexOf(w);
      if (at >= 0) {
        s = isWordStart(p.title, at) ? 100 : 60;
        if (p.title === w) s += 60;
      } else {
        var t = p.text.indexOf(w);
        if (t >= 0) {
          s = isWordStart(p.text, t) ? 12 : 8;
        } else if (p.sheet.indexOf(w) >= 0) {
          s = 4;
        } else {
          return 0;
        }
      }
      total += s;
    }
    if (qwords.length > 1 && p.title.indexOf(phrase) >= 0) total += 50;
    if (p.title.indexOf(qwords[0]) === 0) total += 20;
    total += KIND_WEIGHT[p.entry.kind] || 0;
    return total;
  }

  function search(query) {
    var index = prepare();
    if (!index) return [];
    var qwords = words(query);
    if (!qwords.length) return [];
    var phrase = qwords.join(" ");
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], qwords, phrase);
      if (s > 0) hits.push({ p: index[i], s: s });
    }
    hits.sort(function (a, b) {
      return b.s - a.s || a.p.title.length - b.p.title.length || a.p.order - b.p.order;
    });
    return hits.slice(0, MAX_RESULTS).map(function (h) { return h.p.entry; });
  }

  /* Appends `text` to `parent`, wrapping the query words that occur in it in <mark>. */
  function appendHighlighted(parent, text, qwords) {
    var lower = fold(text);
    var marks = [];
    qwords.forEach(function (w) {
      var from = 0, at;
      while (w && (at = lower.indexOf(w, from)) >= 0) {
        marks.push([at, at + w.length]);
        from = at + w.length;
      }
    });
    // fold() can change lengths for exotic characters; only highlight when it did not.
    if (lower.length !== text.length || !marks.length) {
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

    function update() {
      var query = input.value;
      while (list.firstChild) list.removeChild(list.firstChild);
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!words(query).length) { close(); return; }

      var results = search(query);
      var qwords = words(query);
      if (!results.length) {
        var empty = document.createElement("div");
        empty.className = "search-empty";
        empty.setAttribute("role", "option");
        empty.setAttribute("aria-disabled", "true");
        empty.setAttribute("aria-selected", "false");
        empty.textContent = prepare() ? "No matches" : "Search index not loaded";
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

        a.addEventListener("mousedown", function (ev) { ev.preventDefault(); }); // keep focus in the box
        a.addEventListener("click", function () { close(); });
        list.appendChild(a);
        options.push(a);
      });
      open();
    }

    input.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () { timer = null; update(); }, 40);
    });

    input.addEventListener("focus", function () {
      if (input.value && list.firstChild) open();
    });

    // Runs a pending (debounced) update now, so keys act on the results for what is typed.
    function flush() {
      if (timer) { clearTimeout(timer); timer = null; update(); }
    }

    input.addEventListener("keydown", function (ev) {
      if (ev.isComposing) return;
      if (/^(Arrow)?(Up|Down)$|^Enter$/.test(ev.key)) flush();
      switch (ev.key) {
        case "ArrowDown":
        case "Down":
          if (list.hidden) { update(); }
          if (options.length) { ev.preventDefault(); setActive(active + 1); }
          break;
        case "ArrowUp":
        case "Up":
          if (options.length && !list.hidden) { ev.preventDefault(); setActive(active < 0 ? options.length - 1 : active - 1); }
          break;
        case "Enter":
          if (!list.hidden && options.length) {
            ev.preventDefault();
            var target = options[active >= 0 ? active : 0];
            close();
            window.location.href = target.href;
          }
          break;
        case "Escape":
        case "Esc":
          if (!list.hidden) { ev.preventDefault(); close(); }
          else if (input.value) { ev.preventDefault(); input.value = ""; }
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
