"""Printed length, card chrome and the index's facts about each sheet.

The cheatsheets are meant to print on one sheet of A4 paper, both sides; the index says for each
sheet whether it is a cheatsheet or a guide and how many pages it prints on (the front matter's
`kind:` and `pages:`), and for a cheatsheet that number must be the one Chromium prints.
"""
import re

import pytest

from conftest import emulate
from test_site import pdf_page_count

CHEATSHEETS = ["swift-concurrency", "python-asyncio", "javascript-async", "swift-async-sequences"]
GUIDES = ["swift-concurrency-patterns", "python-asyncio-guide", "javascript-async-guide"]
MAX_CHEATSHEET_PAGES = 2


def need(site_dir, sheet):
    if not (site_dir / f"{sheet}.html").is_file():
        pytest.skip(f"{sheet}.html is not in the site under test")


@pytest.fixture
def printed_pages(printout):
    """A sheet's page count on A4 (printed once per session)."""
    def count(sheet):
        data, path = printout(f"{sheet}.html")
        assert data.startswith(b"%PDF"), f"printToPDF gave no PDF for {sheet}"
        return pdf_page_count(data, path)

    return count


@pytest.fixture(scope="module")
def index_facts(driver, base_url):
    """Each sheet on the index: {id: {"kind": ..., "pages": ..., "text": ...}}."""
    driver.set_window_size(1280, 900)
    emulate(driver)
    driver.get(base_url + "index.html")
    return driver.execute_script("""
        const facts = {};
        for (const item of document.querySelectorAll('.sheet-card')) {
          const link = item.querySelector('a[href$=".html"]');
          const kind = item.querySelector('.sheet-kind');
          const pages = item.querySelector('.sheet-pages');
          facts[link.getAttribute('href').replace(/\\.html$/, '')] = {
            kind: kind && kind.dataset.kind, kindText: kind && kind.innerText,
            pages: pages && Number(pages.dataset.pages), pagesText: pages && pages.innerText,
            shown: !!(kind && kind.getClientRects().length && pages && pages.getClientRects().length),
          };
        }
        return facts;""")


@pytest.mark.parametrize("sheet", CHEATSHEETS)
def test_cheatsheet_prints_on_at_most_two_a4_pages(sheet, printed_pages, site_dir):
    need(site_dir, sheet)
    pages = printed_pages(sheet)
    print(f"\n{sheet}: {pages} A4 pages")
    assert 1 <= pages <= MAX_CHEATSHEET_PAGES, f"{sheet} prints on {pages} A4 pages, more than {MAX_CHEATSHEET_PAGES}"


@pytest.mark.parametrize("sheet", CHEATSHEETS + GUIDES)
def test_index_gives_the_printed_pages(sheet, printed_pages, index_facts, site_dir):
    """The index's `pages:` is what Chromium prints, for the cheatsheets and the guides alike: a
    guide's prose growing makes its number stale, and this says so."""
    need(site_dir, sheet)
    facts = index_facts.get(sheet)
    assert facts, f"{sheet} is not on the index"
    kind = "cheatsheet" if sheet in CHEATSHEETS else "guide"
    assert facts["kind"] == kind and facts["kindText"] == kind.capitalize(), facts
    assert facts["shown"], f"the index does not show {sheet}'s kind and pages: {facts}"
    pages = printed_pages(sheet)
    assert facts["pages"] == pages, f"the index says {sheet} prints on {facts['pages']} pages; Chromium prints {pages}"
    assert re.fullmatch(rf"{pages} printed pages?", facts["pagesText"]), facts["pagesText"]


def test_index_says_what_each_sheet_is(index_facts, site_dir):
    if not (site_dir / "swift-concurrency-patterns.html").is_file():
        pytest.skip("not the project's own site")
    guides = {id for id, f in index_facts.items() if f["kind"] == "guide"}
    assert {"swift-concurrency-patterns", "python-asyncio-guide", "javascript-async-guide"} <= guides, index_facts
    for id, facts in index_facts.items():
        assert facts["kind"] in ("cheatsheet", "guide"), f"{id}: {facts}"
        assert facts["pages"] and facts["pages"] >= 1, f"{id}: {facts}"


def test_cards_carry_no_link_lines_and_side_by_side_once_per_section(page, site_dir):
    need(site_dir, "swift-concurrency")
    driver = page("swift-concurrency.html")
    report = driver.execute_script("""
        const text = e => e.textContent.trim();
        return {
          cardLinks: [...document.querySelectorAll('.card a')].filter(a =>
                        /Same idea in|Side by side/.test(text(a))).map(a => a.closest('.card').id),
          twinCards: document.querySelectorAll('.card .language-tablist').length,
          sections: [...document.querySelectorAll('section.sheet-section')].map(s => ({
            id: s.id,
            twinned: !!s.querySelector('.language-tabs'),
            links: [...s.querySelectorAll('a.compare-row-link')].map(a => ({
              inHeading: !!a.closest('.section-title'), href: a.getAttribute('href'), text: text(a) })),
          })),
        };""")
    assert not report["cardLinks"], f"cards still carry link lines: {report['cardLinks'][:5]}"
    assert report["twinCards"] > 0, "no card has language tabs"
    twinned = [s for s in report["sections"] if s["twinned"]]
    assert twinned, "no section with twin cards"
    for section in twinned:
        assert len(section["links"]) == 1, f"section {section['id']}: {section['links']}"
        link = section["links"][0]
        assert link["inHeading"] and link["text"].startswith("Side by side"), link
        assert re.match(r"compare/[^#]+\.html#swift-concurrency--", link["href"]), link
    for section in report["sections"]:
        assert len(section["links"]) <= 1, section


def test_code_on_a_phone_scrolls_inside_its_block(page, site_dir):
    need(site_dir, "swift-concurrency")
    driver = page("swift-concurrency.html", width=390, height=844)
    report = driver.execute_script("""
        const blocks = [...document.querySelectorAll('.card > figure.snippet pre.code')]
                         .filter(p => p.getClientRects().length);
        const wide = blocks.filter(p => p.scrollWidth > p.clientWidth + 1);
        const style = blocks.length ? getComputedStyle(blocks[0]) : null;
        return {
          blocks: blocks.length, wide: wide.length,
          whiteSpace: style && style.whiteSpace, overflowX: style && style.overflowX,
          pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
        };""")
    assert report["blocks"] > 0
    assert report["whiteSpace"] == "pre" and report["overflowX"] == "auto", report
    assert report["wide"] > 0, "no block is wider than a phone: the check proves nothing"
    assert report["pageWidth"] <= report["viewport"], f"the page scrolls sideways: {report['pageWidth']} > {report['viewport']}"


def test_print_shows_no_controls_tabs_or_links(page, site_dir):
    need(site_dir, "swift-concurrency")
    driver = page("swift-concurrency.html", media="print")
    shown = driver.execute_script("""
        const selectors = ['button', '.snippet-tools', '.language-tablist', '.twin-panel', '.compare-row-link',
                           '.permalink', '.toc', '.related', '.site-header', '.search', '.site-footer'];
        return selectors.filter(s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length));""")
    assert not shown, f"shown in print: {shown}"
