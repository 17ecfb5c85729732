import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenSite

/// The page views answer the templates' lookups by name (`child(named:)`) instead of by
/// reflection. A page is only the same if every answer is the one reflection gave: the field's
/// value with an Optional unwrapped, and nothing — so the lookup goes on up the context stack —
/// for a nil Optional or a name the view lacks. Checked here for every field of every view, with
/// its Optionals both set and nil, so that a field added to a view but not to its lookup fails.
@Suite("Page views answer lookups as reflection does")
struct ViewLookupTests {
    /// What swift-mustache's reflection gives for `name`: the field's value, an Optional
    /// unwrapped (nil when it is nil), nil when there is no such field.
    private func reflected(_ view: Any, _ name: String) -> Any? {
        guard let value = Mirror(reflecting: view).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    private func check(_ view: Any, _ lookup: (String) -> Any?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let names = Mirror(reflecting: view).children.compactMap(\.label)
        #expect(!names.isEmpty, sourceLocation: sourceLocation)
        for name in names + ["noSuchField", "chrome.root", ""] {
            let expected = reflected(view, name), actual = lookup(name)
            #expect((expected == nil) == (actual == nil), "\(type(of: view)).\(name): reflection gives \(String(describing: expected)), lookup \(String(describing: actual))",
                    sourceLocation: sourceLocation)
            if let expected, let actual {
                #expect(String(describing: expected) == String(describing: actual), "\(type(of: view)).\(name)", sourceLocation: sourceLocation)
                #expect(type(of: expected) == type(of: actual), "\(type(of: view)).\(name): \(type(of: expected)) vs \(type(of: actual))",
                        sourceLocation: sourceLocation)
            }
        }
    }

    private let link = LinkView(href: "other.html#a", title: "Other", last: false)
    private func chrome(_ description: String?) -> PageChrome {
        PageChrome(pageTitle: "Page", description: description, root: "../", siteTitle: "Site", toolchains: "Swift 6", checks: "3 checked", hasChecks: false)
    }
    private func snippet(_ set: Bool) -> SnippetView {
        SnippetView(kind: "run", id: set ? "first" : nil, language: "swift", codeHTML: "<b>x</b>", program: set ? "let x = 1\n" : nil,
                    badgeText: "verified", badgeTitle: "Compiled and run", badgeKind: "run", uses: set ? .init(links: [link]) : nil,
                    hasOutput: true, outputLabel: "Output", output: "1", hasErrors: false, errors: "")
    }
    private func tab(own: Bool) -> LanguageTabView {
        LanguageTabView(label: "Python", language: "python", own: own, panelID: "a--twin-1", bodyHTML: "<p>py</p>", href: "py.html#a", sheetTitle: "Py")
    }
    private func card(_ set: Bool) -> CardView {
        var card = CardView(anchor: "a", title: "A", titleHTML: "<em>A</em>", bodyHTML: "<p>body</p>",
                            sheet: "swift", href: "#a", classes: "card -prime")
        card.languageTabs = set ? [tab(own: true), tab(own: false)] : []
        return card
    }
    private func section(_ set: Bool) -> SectionView {
        SectionView(anchor: "s", title: "S", titleHTML: "S", isTitled: set, hasPreamble: set, preambleHTML: "<p>pre</p>", cards: [card(set)],
                    sectionCompareHref: set ? "compare/py--swift.html#swift--s" : nil, classes: "sheet-section", cardsClasses: "cards")
    }

    @Test(arguments: [true, false])
    func sheetPageViews(optionalsSet set: Bool) {
        check(chrome(set ? "About" : nil), chrome(set ? "About" : nil).child(named:))
        check(TagView(name: "Swift", slug: "swift", count: 3), TagView(name: "Swift", slug: "swift", count: 3).child(named:))
        check(link, link.child(named:))
        check(snippet(set), snippet(set).child(named:))
        let uses = SnippetView.UsesView(links: [link])
        check(uses, uses.child(named:))
        check(card(set), card(set).child(named:))
        check(tab(own: set), tab(own: set).child(named:))
        check(section(set), section(set).child(named:))
        let page = SheetPageView(
            chrome: chrome(nil), id: "swift", title: "Swift", summary: set ? "Sum" : nil, leadHTML: set ? "<p>lead</p>" : nil,
            category: set ? "Lang" : nil, updated: set ? "2026-01-02" : nil, tags: [TagView(name: "t", slug: "t")], verifiedCount: 2,
            verifiedLabel: set ? "2 verified snippets" : nil, hasRelated: set, related: [link], comparisons: [link], hasIntro: set,
            introHTML: "<p>intro</p>", sections: [section(set)], verifiedWith: set ? "Swift 6" : nil, verifiedOn: set ? "2026-01-03" : nil)
        check(page, page.child(named:))
    }

    @Test(arguments: [true, false])
    func indexAndComparisonViews(optionalsSet set: Bool) {
        let summary = IndexPageView.SheetSummaryView(id: "swift", title: "Swift", summary: set ? "Sum" : nil, tags: [], tagSlugs: "",
                                                     verifiedCount: 1, verifiedLabel: set ? "1 verified snippet" : nil, updated: set ? "2026" : nil,
                                                     kind: set ? "guide" : nil, kindLabel: set ? "Guide" : nil,
                                                     pages: set ? 3 : nil, pagesLabel: set ? "3 printed pages" : nil)
        check(summary, summary.child(named:))
        let group = IndexPageView.Group(title: set ? "Lang" : nil, anchor: set ? "category-lang" : nil, sheets: [summary], headingTag: "h3")
        check(group, group.child(named:))
        let index = IndexPageView(chrome: chrome(nil), sheetCount: 1, snippetCount: 1, summaryLine: "1 cheatsheet.", hasTags: set, tags: [], groups: [group])
        check(index, index.child(named:))
        let cell = ComparePageView.Cell(label: "Swift", cards: set ? [card(set)] : [])
        check(cell, cell.child(named:))
        let row = ComparePageView.Row(cells: [cell])
        check(row, row.child(named:))
        let compare = ComparePageView(chrome: chrome(nil), titles: "Py and Swift", inEach: "both", columns: [link], rows: [row])
        check(compare, compare.child(named:))
        let moved = MovedPageView(chrome: chrome(set ? "Moved" : nil), target: "a--b--c.html", targetTitle: "A, B and C, side by side")
        check(moved, moved.child(named:))
    }
}
