/* cheatgen — reader tools on snippets, added by script so a page without JavaScript shows
   nothing that does not work:
   - Copy: puts the complete program on the clipboard, as verified (the declarations it uses
     and its hidden lines included: the page carries it in data-program when it differs from
     the code shown), so it compiles as pasted.
   - Show hidden lines: on snippets that have any, shows them in place, dimmed.
   - Language tabs: on a card with twins, shows a twin's code and output in place of the card's. */
(function () {
  "use strict";

  /* ---------------------------------------------------------------- copy */

  var status = null;   // one polite live region per page announces what a copy did

  function announce(text) {
    if (!status) {
      status = document.createElement("p");
      status.className = "visually-hidden";
      status.setAttribute("aria-live", "polite");
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    // A change after a tick is announced even when the text repeats.
    setTimeout(function () { status.textContent = text; }, 30);
  }

  function programOf(figure) {
    var program = figure.getAttribute("data-program");
    if (program !== null) return program;
    var code = figure.querySelector(".snippet-code pre code");
    var text = code ? code.textContent : "";
    return text.replace(/\n*$/, "\n");
  }

  /* The selection-and-execCommand way, for pages where navigator.clipboard is missing
     (an http page not served from localhost) or refuses. */
  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.tabIndex = -1;
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "-9999px";
    var focused = document.activeElement;
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(area);
    if (focused && focused.focus) focused.focus();
    return done;
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; },
        function () { return copyWithSelection(text); });
    }
    return Promise.resolve(copyWithSelection(text));
  }

  function addCopy(figure, tools) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "snippet-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the complete program");
    var reset = null;
    button.addEventListener("click", function () {
      var text = programOf(figure);
      copy(text).then(function (done) {
        if (reset) clearTimeout(reset);
        var lines = text.replace(/\n$/, "").split("\n").length;
        button.textContent = done ? "Copied" : "Copy failed";
        button.classList.toggle("copied", !!done);
        announce(done ? "Copied the complete program, " + lines + (lines === 1 ? " line" : " lines")
                      : "Could not copy; select the code instead");
        reset = setTimeout(function () {
          button.textContent = "Copy";
          button.classList.remove("copied");
        }, 2000);
      });
    });
    tools.appendChild(button);
  }

  /* ---------------------------------------------------------------- hidden lines */

  function addReveal(figure, tools) {
    if (!figure.querySelector(".hidden-lines")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "snippet-reveal";
    button.textContent = "Show hidden lines";
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var on = !figure.classList.contains("show-hidden");
      figure.classList.toggle("show-hidden", on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    tools.appendChild(button);
  }

  function setUpSnippets() {
    var figures = document.querySelectorAll("figure.snippet");
    for (var i = 0; i < figures.length; i++) {
      var figure = figures[i];
      var code = figure.querySelector(".snippet-code");
      if (!code || figure.querySelector(".snippet-tools")) continue;
      var tools = document.createElement("div");
      tools.className = "snippet-tools";
      addReveal(figure, tools);
      addCopy(figure, tools);
      code.appendChild(tools);
      figure.classList.add("has-tools");
    }
  }

  /* ---------------------------------------------------------------- language tabs */

  var groups = [];   // every card's tabs, so choosing a language on one card chooses it on all

  function setUpTabs() {
    var holders = document.querySelectorAll(".card > .language-tabs");
    for (var i = 0; i < holders.length; i++) setUpCardTabs(holders[i]);
  }

  /* One card's tabs: a function of its own, so each button's handler keeps its own card. */
  function setUpCardTabs(holder) {
    var card = holder.parentNode;
    var own = [];
    for (var c = card.firstElementChild; c; c = c.nextElementSibling) {
      if (c.matches("figure.snippet")) own.push(c);
    }
    var panels = holder.querySelectorAll(".twin-panel");
    if (!own.length || !panels.length) return;

    var bar = document.createElement("div");
    bar.className = "language-tablist";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Language of the code");
    var tabs = [{ label: holder.getAttribute("data-own-label") || "This sheet",
                  language: holder.getAttribute("data-own-language") || "", panel: null }];
    for (var p = 0; p < panels.length; p++) {
      tabs.push({ label: panels[p].getAttribute("data-label") || "Twin",
                  language: panels[p].getAttribute("data-language") || "", panel: panels[p] });
    }
    var group = { tabs: tabs, own: own, buttons: [] };
    tabs.forEach(function (tab, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = tab.label;
      button.setAttribute("aria-pressed", index === 0 ? "true" : "false");
      if (tab.panel) button.setAttribute("aria-controls", tab.panel.id);
      button.addEventListener("click", function () { choose(tab.language, group, index); });
      group.buttons.push(button);
      bar.appendChild(button);
    });
    card.insertBefore(bar, own[0]);
    groups.push(group);
  }

  function show(group, index) {
    group.buttons.forEach(function (b, i) { b.setAttribute("aria-pressed", i === index ? "true" : "false"); });
    group.own.forEach(function (f) { f.classList.toggle("tab-hidden", index !== 0); });
    group.tabs.forEach(function (tab, i) { if (tab.panel) tab.panel.hidden = i !== index; });
  }

  /* Shows `index` on this card, and the same language on every other card that has it. */
  function choose(language, group, index) {
    show(group, index);
    groups.forEach(function (other) {
      if (other === group) return;
      for (var i = 0; i < other.tabs.length; i++) {
        if (other.tabs[i].language === language) { show(other, i); return; }
      }
    });
  }

  function start() {
    setUpSnippets();
    setUpTabs();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
