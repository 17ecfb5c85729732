"""Browser tests of the reader's tools: copying a snippet's complete program (and compiling
what was copied), the hidden-lines toggle, language tabs on twin cards, search from the
keyboard, and search on a generated 3,000-sheet site opened from file://.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_site import wait, type_query, visible_results, CONTRAST_AUDIT
from conftest import Job, early, emulate

SHEET = "swift-concurrency.html"
GUIDE = "swift-concurrency-patterns.html"     # the Swift guide: longer cards
USES_CARD = "when-the-deadline-wins"         # a snippet with uses=timeout (in the guide)
HIDDEN_CARD = "results-as-they-complete"      # a snippet with hidden lines (in the guide)
TWIN_CARD = "withtaskgroup"                   # a card with a Python twin


def need(site_dir, path):
    if not (site_dir / path).is_file():
        pytest.skip(f"the site has no {path}")


def by_css(driver, css):
    from selenium.webdriver.common.by import By
    return driver.find_element(By.CSS_SELECTOR, css)


def grant_clipboard(driver, origin):
    driver.execute_cdp_cmd("Browser.grantPermissions",
                           {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})


def read_clipboard(driver):
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        navigator.clipboard.readText().then(done, e => done('ERROR ' + e));""")


def swiftc():
    found = shutil.which("swiftc") or ("/opt/swift/usr/bin/swiftc" if os.access("/opt/swift/usr/bin/swiftc", os.X_OK) else None)
    if not found:
        pytest.skip("swiftc is not installed")
    return found


# ---------------------------------------------------------------------------- copy

@pytest.mark.parametrize("clipboard_api", [True, False], ids=["clipboard-api", "fallback"])
def test_copy_puts_the_complete_program_on_the_clipboard_and_it_compiles(page, site_dir, base_url, tmp_path, clipboard_api):
    from selenium.webdriver.common.keys import Keys
    need(site_dir, GUIDE)
    driver = page(GUIDE)
    grant_clipboard(driver, base_url.rstrip("/"))
    driver.execute_script("navigator.clipboard.writeText('nothing yet')")
    if not clipboard_api:    # as on an http page that is not localhost: no navigator.clipboard
        driver.execute_script("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")

    button = by_css(driver, f"#{USES_CARD} .snippet-copy")
    assert button.tag_name == "button" and button.get_attribute("aria-label") == "Copy the complete program"
    shown = by_css(driver, f"#{USES_CARD} .snippet-code code").text
    expected_output = by_css(driver, f"#{USES_CARD} .snippet-output code").get_attribute("textContent")
    # From the keyboard: focus the button and press Enter.
    driver.execute_script("arguments[0].focus()", button)
    assert driver.switch_to.active_element == button
    button.send_keys(Keys.ENTER)
    wait(driver, lambda d: button.text == "Copied", message=f"the button says {button.text!r}, not Copied")
    live = wait(driver, lambda d: d.execute_script(
        "const s = document.querySelector('[aria-live]'); return s && s.textContent.includes('Copied') && s.textContent"),
        message="the copy was not announced in a live region")
    assert "complete program" in live

    if not clipboard_api:
        driver.execute_script("delete navigator.clipboard")
    copied = read_clipboard(driver)
    assert not copied.startswith("ERROR"), copied
    assert copied != "nothing yet", "nothing was copied"
    # More than what is shown: the declarations the snippet uses come first.
    assert "func withTimeout" in copied and "func withTimeout" not in shown, copied
    assert copied.rstrip().endswith(shown.strip().splitlines()[-1].strip())
    assert "#sourceLocation" not in copied and "snippet.hide" not in copied

    compiled, ran = compile_and_run(copied, tmp_path)
    assert compiled.returncode == 0, f"the copied program does not compile:\n{compiled.stderr}\n---\n{copied}"
    assert ran.stdout.strip() == expected_output.strip(), "the copied program prints something else than the page shows"


_programs = {}


def compile_and_run(program, folder):
    """Compiles a Swift program and runs it: (compilation, run or None). Once per text in a session:
    both ways of copying give the same program, and compiling it again would prove nothing more."""
    if program not in _programs:
        source = folder / "main.swift"
        source.write_text(program)
        binary = folder / "program"
        compiled = subprocess.run([swiftc(), "-swift-version", "6", str(source), "-o", str(binary)],
                                  capture_output=True, text=True, timeout=300)
        ran = subprocess.run([str(binary)], capture_output=True, text=True, timeout=60) if compiled.returncode == 0 else None
        _programs[program] = compiled, ran
    return _programs[program]


def test_copy_takes_hidden_lines_and_plain_snippets_as_shown(page, site_dir, base_url):
    need(site_dir, GUIDE)
    driver = page(GUIDE)
    grant_clipboard(driver, base_url.rstrip("/"))
    by_css(driver, f"#{HIDDEN_CARD} .snippet-copy").click()
    copied = read_clipboard(driver)
    assert "func job(_ ms: Int) async -> Int" in copied and "snippet.hide" not in copied, copied
    assert copied.index("func job") < copied.index("await withTaskGroup")
    # A snippet with nothing hidden and nothing used: exactly its code.
    plain = driver.execute_script("""
        return [...document.querySelectorAll('figure.snippet')].find(f =>
          !f.hasAttribute('data-program') && f.closest('.card') && !f.closest('.twin-panel'));""")
    by_css(plain, ".snippet-copy").click()
    assert read_clipboard(driver) == by_css(plain, ".snippet-code code").get_attribute("textContent") + "\n"


# ---------------------------------------------------------------------------- hidden lines

def test_hidden_lines_toggle(page, site_dir):
    need(site_dir, GUIDE)
    driver = page(GUIDE)
    figure = by_css(driver, f"#{HIDDEN_CARD} figure.snippet")
    hidden = by_css(figure, ".hidden-lines")
    code = by_css(figure, ".snippet-code code")
    assert not hidden.is_displayed() and "func job" not in code.text
    toggle = by_css(figure, ".snippet-reveal")
    assert toggle.get_attribute("aria-pressed") == "false"
    lines_before = len(code.text.splitlines())
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert hidden.is_displayed()
    lines = code.text.splitlines()
    assert lines[0].startswith("func job(_ ms: Int)"), lines[:3]          # in place: the hidden setup comes first
    assert len(lines) == lines_before + 4
    assert float(driver.execute_script("return getComputedStyle(arguments[0]).opacity", hidden)) < 1   # dimmed
    toggle.click()
    assert not hidden.is_displayed() and len(code.text.splitlines()) == lines_before
    # Only snippets with hidden lines have the toggle.
    assert driver.execute_script("""
        return [...document.querySelectorAll('figure.snippet')].every(f =>
          !!f.querySelector('.snippet-reveal') === !!f.querySelector('.hidden-lines'));""")


def test_without_javascript_only_visible_lines_and_no_controls(driver, base_url, site_dir):
    need(site_dir, SHEET)
    need(site_dir, GUIDE)
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        from selenium.webdriver.common.by import By
        driver.get(base_url + GUIDE)
        assert not driver.find_elements(By.CSS_SELECTOR, "button")
        code = driver.find_element(By.CSS_SELECTOR, f"#{HIDDEN_CARD} .snippet-code code")
        assert "func job" not in code.text and "await withTaskGroup" in code.text
        driver.get(base_url + SHEET)
        assert not driver.find_elements(By.CSS_SELECTOR, "button")
        panels = driver.find_elements(By.CSS_SELECTOR, f"#{TWIN_CARD} .twin-panel")
        assert panels and not any(p.is_displayed() for p in panels)
        # No tabs without the script: the section's "Side by side" link still leads to the twins.
        link = driver.execute_script(
            "return document.getElementById(arguments[0]).closest('section').querySelector('.section-title a.compare-row-link')",
            TWIN_CARD)
        assert link and link.is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# ---------------------------------------------------------------------------- language tabs

def test_language_tabs_on_a_twin_card(page, site_dir):
    need(site_dir, SHEET)
    driver = page(SHEET)
    card = by_css(driver, f"#{TWIN_CARD}")
    from selenium.webdriver.common.by import By
    tabs = card.find_elements(By.CSS_SELECTOR, ".language-tablist button")
    assert [t.text for t in tabs] == ["Swift", "Python", "JavaScript"], [t.text for t in tabs]
    assert tabs[0].get_attribute("aria-pressed") == "true"
    own = card.find_elements(By.CSS_SELECTOR, ":scope > figure.snippet")
    panel, js_panel = card.find_elements(By.CSS_SELECTOR, ".twin-panel")
    assert all(f.is_displayed() for f in own) and not panel.is_displayed() and not js_panel.is_displayed()

    tabs[1].click()
    assert tabs[1].get_attribute("aria-pressed") == "true" and tabs[0].get_attribute("aria-pressed") == "false"
    assert panel.is_displayed() and not js_panel.is_displayed() and not any(f.is_displayed() for f in own)
    shown = panel.find_elements(By.CSS_SELECTOR, "figure.snippet")
    assert shown and "language-python" in by_css(shown[0], "pre.code").get_attribute("class")
    assert "TaskGroup" in panel.text and by_css(panel, ".snippet-output").is_displayed(), "the twin's code and output"
    assert driver.current_url.endswith(SHEET), "switching language stays on the page"
    # Every other card with a Python twin follows.
    others = driver.execute_script("""
        return [...document.querySelectorAll('.language-tablist')].filter(bar =>
          [...bar.querySelectorAll('button')].some(b => b.textContent === 'Python')).map(bar =>
          [...bar.querySelectorAll('button')].find(b => b.getAttribute('aria-pressed') === 'true').textContent);""")
    assert len(others) > 10 and set(others) == {"Python"}, others

    tabs[2].click()
    assert js_panel.is_displayed() and not panel.is_displayed() and not any(f.is_displayed() for f in own)
    code = by_css(js_panel, "pre.code")
    assert "language-javascript" in code.get_attribute("class") and by_css(js_panel, ".snippet-output").is_displayed()

    tabs[0].click()
    assert all(f.is_displayed() for f in own) and not panel.is_displayed()
    # The comparison page stays, linked once from the card's section, not from the card.
    assert not card.find_elements(By.CSS_SELECTOR, ".twin-link, a.compare-row-link")
    assert driver.execute_script(
        "return arguments[0].closest('section').querySelector('.section-title a.compare-row-link').getAttribute('href')", card)
    assert (site_dir / "compare").is_dir()


# ---------------------------------------------------------------------------- three sheets side by side

TRIO = Path(__file__).resolve().parents[1] / "CheatgenCoreTests" / "Fixtures" / "trio"
TRIO_PAGE = "compare/js-lists--python-lists--swift-lists.html"


def build_trio(base, replace_js=None):
    """Starts building the trio's sheets (one replaced by `replace_js`) in `base`: a Job whose
    value is the built site."""
    shutil.copytree(TRIO, base / "content")
    if replace_js:
        (base / "content" / "js-lists.md").write_text(replace_js)

    def built(result):
        assert result.returncode == 0, result.stderr[-3000:]
        return base / "site"

    return Job([cheatgen_binary(), "build", "content", "--output", "site", "--quiet"], cwd=base, timeout=600, then=built)


@early
def trio_site(scratch):
    """The three sheets of the Swift tests' comparison page, built."""
    return build_trio(scratch)


# The JavaScript sheet made a second Python sheet (a `js` fence is not a snippet, so it has no
# tab): the Swift card twinned in both other sheets then has three language tabs.
SECOND_PYTHON = """---
title: Lists in Python again
twins:
  python-lists:
    add-them-up: add-them-up
---

## Arrays

### Put in order

```python
print(sorted([9, 3, 6], reverse=True))
```

```output
[9, 6, 3]
```

### Add them up

```python
print(sum(range(4)))
```

```output
6
```
"""


@early
def trio_tabs_site(scratch):
    return build_trio(scratch, replace_js=SECOND_PYTHON)


CELLS = """
    return [...document.querySelectorAll('.compare tbody tr')].map(tr => [...tr.cells].map(td => {
      const box = td.getBoundingClientRect(), before = getComputedStyle(td, '::before');
      return {left: Math.round(box.left), width: Math.round(box.width), empty: !!td.querySelector('.compare-missing'),
              label: before.display === 'none' ? null : before.content};
    }));"""


def test_three_sheets_side_by_side_on_screen_phone_and_paper(driver, trio_site):
    from selenium.webdriver.common.by import By
    driver.set_window_size(1280, 900)
    emulate(driver)
    try:
        driver.get((trio_site / TRIO_PAGE).as_uri())
        rows = driver.execute_script(CELLS)
        assert [[c["empty"] for c in row] for row in rows] == [[True, False, False], [False, False, False], [False, False, True]]
        assert all(len({c["left"] for c in row}) == 3 for row in rows), "three columns side by side"
        assert all(c["width"] > 300 for row in rows for c in row), rows
        missing = driver.find_elements(By.CSS_SELECTOR, ".compare-missing")
        assert [m.text for m in missing] == ["No card for this in Lists in Swift.", "No card for this in Lists in JavaScript."]
        assert all(m.is_displayed() for m in missing)

        # A phone: the columns stack, each cell labelled with its sheet; nothing scrolls sideways.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True})
        driver.get((trio_site / TRIO_PAGE).as_uri())
        rows = driver.execute_script(CELLS)
        assert len({c["left"] for row in rows for c in row}) == 1, "one column"
        assert [c["label"] for c in rows[0]] == ['"Lists in Swift"', '"Lists in Python"', '"Lists in JavaScript"']
        assert driver.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

        # Paper: three columns again, the empty cells still saying so.
        emulate(driver, "print")
        rows = driver.execute_script(CELLS)
        assert all(len({c["left"] for c in row}) == 3 for row in rows)
        assert all(m.is_displayed() for m in driver.find_elements(By.CSS_SELECTOR, ".compare-missing"))

        # Both schemes: every text node, the empty cells' included, is readable.
        for scheme in ["light", "dark"]:
            emulate(driver, "", scheme)
            result = driver.execute_script(CONTRAST_AUDIT)
            assert result["checked"] > 20 and not result["failures"], (scheme, result["failures"][:10])
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        emulate(driver)


def test_three_language_tabs_and_the_link_to_the_row(driver, trio_tabs_site):
    from selenium.webdriver.common.by import By
    driver.set_window_size(1280, 900)
    emulate(driver)
    driver.get((trio_tabs_site / "swift-lists.html").as_uri())
    card = by_css(driver, "#put-in-order")
    tabs = card.find_elements(By.CSS_SELECTOR, ".language-tablist button")
    assert [t.text for t in tabs] == ["Swift", "Python (Lists in Python)", "Python (Lists in Python again)"], [t.text for t in tabs]
    own = card.find_elements(By.CSS_SELECTOR, ":scope > figure.snippet")
    panels = card.find_elements(By.CSS_SELECTOR, ".twin-panel")
    assert len(panels) == 2
    tabs[2].click()
    assert panels[1].is_displayed() and not panels[0].is_displayed() and not any(f.is_displayed() for f in own)
    assert "reverse=True" in panels[1].text and "[9, 6, 3]" in panels[1].text, "the second Python sheet's code and output"
    tabs[1].click()
    assert panels[0].is_displayed() and not panels[1].is_displayed()
    tabs[0].click()
    assert all(f.is_displayed() for f in own) and not any(p.is_displayed() for p in panels)

    # The section's one "Side by side" link leads to its first twin card's row.
    assert not card.find_elements(By.CSS_SELECTOR, "a.compare-row-link")
    link = driver.execute_script("return arguments[0].closest('section').querySelector('.section-title a.compare-row-link')", card)
    link.click()
    wait(driver, lambda d: TRIO_PAGE in d.current_url)
    assert driver.current_url.endswith("#swift-lists--put-in-order")
    target = by_css(driver, "#swift-lists--put-in-order")
    assert target.is_displayed() and "Put in order" in target.text
    assert driver.execute_script("return arguments[0].getBoundingClientRect().top < window.innerHeight", target), "scrolled to its row"


# ---------------------------------------------------------------------------- keyboard search

def test_slash_arrows_enter_and_escape(page, site_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
    need(site_dir, SHEET)
    driver = page(SHEET)
    ActionChains(driver).send_keys("/").perform()
    box = driver.find_element(By.ID, "search-input")
    assert driver.switch_to.active_element == box, "/ did not focus the search box"
    assert box.get_attribute("value") == "", "the / was typed into the box"
    box.send_keys("withTaskGroup")
    results = wait(driver, lambda d: visible_results(d))
    first_title = results[0].find_element(By.CSS_SELECTOR, ".result-title")
    assert first_title.find_elements(By.TAG_NAME, "mark"), "the match is not highlighted"
    assert "withtaskgroup" in first_title.text.lower()
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ARROW_DOWN)
    assert results[1].get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ARROW_UP)
    assert results[0].get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == results[0].get_attribute("id")
    expected = results[0].get_attribute("href")
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("value") == "" and not driver.find_element(By.ID, "search-results").is_displayed()
    box.send_keys("withTaskGroup")
    wait(driver, lambda d: visible_results(d))
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.current_url == expected, message="Enter did not open the first result")


def test_search_finds_code_identifiers_and_prose(page, site_dir):
    from selenium.webdriver.common.by import By
    driver = page("index.html")
    # A word that occurs only in a card's text (its prose or code), not in any title.
    type_query(driver, "usleep")
    results = wait(driver, lambda d: visible_results(d), message="no result for a word of code")
    texts = [r.find_elements(By.CSS_SELECTOR, ".result-text mark") for r in results]
    assert any(texts), "the matching text is not shown with the match highlighted"


# ---------------------------------------------------------------------------- 3,000 sheets

BIG = 3000
UNIQUE = "Quokka reconciliation ledger"


def cheatgen_binary():
    explicit = os.environ.get("CHEATGEN_BIN")
    if explicit:
        return str(Path(explicit).resolve())
    for candidate in (".build/debug/cheatgen", ".build/release/cheatgen"):
        if os.access(candidate, os.X_OK):
            return str(Path(candidate).resolve())
    pytest.skip("no cheatgen binary (set CHEATGEN_BIN)")


@early
def big_site(scratch):
    """3,000 generated sheets without snippets (nothing to verify, so it builds quickly); one
    card title and one code word occur on a single sheet only. Built while the tests before
    the one that searches it run."""
    content = scratch / "content"
    content.mkdir()
    topics = ["actors", "tasks", "streams", "groups", "locks", "timers", "queues", "sockets"]
    for n in range(BIG):
        topic = topics[n % len(topics)]
        cards = []
        for c in range(6):
            title = UNIQUE if (n, c) == (1777, 3) else f"{topic.title()} note {c} of sheet {n}"
            code = "let zebraFinchCounter = 1" if (n, c) == (2222, 1) else f"let {topic}{c} = {n}"
            cards.append(f"### {title}\n\nHow {topic} behave with the scheduler, case {c}. "
                         f"Common prose about tasks and cancellation.\n\n```text\n{code}\n```\n")
        (content / f"sheet-{n:04d}.md").write_text(
            f"---\ntitle: Sheet {n} about {topic}\nsummary: Notes on {topic}.\ntags: [{topic}]\n---\n\n"
            f"## Part one\n\n" + "\n".join(cards[:3]) + "\n## Part two\n\n" + "\n".join(cards[3:]))

    def built(result):
        assert result.returncode == 0, result.stderr[-3000:]
        return scratch / "site"

    return Job([cheatgen_binary(), "build", "content", "--output", "site", "--quiet"], cwd=scratch, timeout=900, then=built)


def loaded_search_bytes(driver, site):
    # Each index file a query loads is a <script> element it adds (file:// pages record no
    # resource timings).
    names = driver.execute_script(
        "return [...document.querySelectorAll('script[src]')].map(s => s.src).filter(n => n.includes('/search/'))")
    from urllib.parse import unquote
    files = [Path(unquote(re.sub(r"^file://", "", n).split("?")[0])) for n in names]
    return sum(f.stat().st_size for f in files), [f.relative_to(site).as_posix() for f in files]


def test_search_on_3000_sheets_from_file(driver, big_site):
    from selenium.webdriver.common.by import By
    sizes = {p.relative_to(big_site).as_posix(): p.stat().st_size for p in (big_site / "search").rglob("*.js")}
    assert len([p for p in sizes if p.startswith("search/f/")]) == BIG
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= 500 * 1024, f"{largest} is {sizes[largest] / 1024:.0f} KB"

    driver.set_window_size(1280, 900)
    driver.get((big_site / "index.html").as_uri())
    type_query(driver, "quokka reconciliation")
    results = wait(driver, lambda d: visible_results(d), timeout=20, message="no result on the 3,000-sheet site")
    assert results[0].find_element(By.CSS_SELECTOR, ".result-title").text == UNIQUE
    assert results[0].get_attribute("href").endswith("sheet-1777.html#quokka-reconciliation-ledger")
    total, files = loaded_search_bytes(driver, big_site)
    print(f"\nfirst query on {BIG} sheets loaded {total / 1024:.0f} KB in {len(files)} files; "
          f"largest index file {sizes[largest] / 1024:.0f} KB ({largest})")
    assert total < 1024 * 1024 * 0.5, f"the first query loaded {total / 1024:.0f} KB: {files}"
    assert "search/meta.js" in files and len([f for f in files if f.startswith("search/f/")]) <= 12

    # A code identifier on one sheet only, found by its whole name and by one of its humps.
    # (Read in one script: the list is redrawn as results for the new query arrive.)
    hrefs = "return [...document.querySelectorAll('#search-results a')].map(a => a.href)"
    type_query(driver, "zebraFinchCounter")
    wait(driver, lambda d: [h for h in d.execute_script(hrefs) if "sheet-2222.html#" in h],
         timeout=20, message="the code identifier was not found")
    type_query(driver, "finch")
    wait(driver, lambda d: [h for h in d.execute_script(hrefs) if "sheet-2222.html#" in h],
         timeout=20, message="a hump of the identifier was not found")
    # Enter opens it from file:// too.
    from selenium.webdriver.common.keys import Keys
    driver.find_element(By.ID, "search-input").send_keys(Keys.ENTER)
    wait(driver, lambda d: "sheet-2222.html#" in d.current_url, message="Enter did not open the result")
