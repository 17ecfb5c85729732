import CheatgenParsing
import CheatgenVerification

/// What the templates see. Plain stored properties only: Mustache reads them by reflection.
/// Fields ending in `HTML` are already rendered (and escaped) markup; everything else is text.
struct PageChrome {
    var pageTitle: String
    var description: String?
    var root: String
    var siteTitle: String
    var toolchains: String
    /// How the site's snippets were checked: `120 with their output checked, 14 run to a normal exit, …`
    var checks: String = ""
    /// False when nothing was verified (`verify: false`): the footer then claims nothing.
    var hasChecks: Bool = true

    /// The same chrome for another page.
    func page(title: String, description: String?, root: String? = nil) -> PageChrome {
        PageChrome(pageTitle: title, description: description, root: root ?? self.root, siteTitle: siteTitle, toolchains: toolchains,
                   checks: checks, hasChecks: hasChecks)
    }
}

struct TagView {
    var name: String
    var slug: String
    var count: Int = 0
}

struct LinkView {
    var href: String
    var title: String
    var last: Bool = true
}

struct SnippetView {
    var kind: String
    var id: String?
    var language: String
    /// Highlighted code; hidden lines, if any, are in place in `hidden-lines` spans the stylesheet hides.
    var codeHTML: String
    /// The complete program a copy takes, when it is more than the code shown.
    var program: String?
    var badgeText: String
    var badgeTitle: String
    /// The badge's colours: the snippet's kind, or `known-failure`.
    var badgeKind: String
    var uses: UsesView?
    var hasOutput: Bool
    var outputLabel: String
    var output: String
    var hasErrors: Bool
    var errors: String

    struct UsesView { var links: [LinkView] }
}

struct CardView {
    var anchor: String
    var title: String
    var titleHTML: String
    var bodyHTML: String
    /// Set on the comparison page: the sheet the card comes from and a link to it there.
    var sheet: String = ""
    var href: String = ""
    /// `card` and the classes of its attribute list (`-prime`).
    var classes: String = "card"
    /// On a sheet page, a card with twins: a tab per language, its own first.
    var languageTabs: [LanguageTabView] = [] {
        didSet {
            hasLanguageTabs = !languageTabs.isEmpty
            ownTab = languageTabs.first
            twinTabs = languageTabs.filter { !$0.own }
        }
    }
    var hasLanguageTabs = false
    var ownTab: LanguageTabView?
    /// The twins' tabs only: their panels are on the page, hidden until chosen.
    var twinTabs: [LanguageTabView] = []
}

struct LanguageTabView {
    var label: String
    var language: String
    var own: Bool
    var panelID: String
    /// The twin's snippets (empty for the card's own tab).
    var bodyHTML: String
    var href: String
    var sheetTitle: String
}

struct SectionView {
    var anchor: String
    var title: String
    var titleHTML: String
    /// False for the untitled section that cards before the first `##` form.
    var isTitled: Bool = true
    var hasPreamble: Bool
    var preambleHTML: String
    var cards: [CardView]
    /// The section's one "Side by side" link: its row (or its first twinned card's row) on the
    /// comparison page. (Not `compareHref`: a name a card's context would find too.)
    var sectionCompareHref: String? = nil
    var classes: String = "sheet-section"
    var cardsClasses: String = "cards"
}

struct SheetPageView {
    /// Page title, description, root and site-wide text: the templates' outermost context.
    var chrome: PageChrome
    var id: String
    var title: String
    var summary: String?
    /// The front matter's `intro:`, rendered.
    var leadHTML: String?
    var category: String?
    var updated: String?
    var tags: [TagView]
    var verifiedCount: Int
    /// Nil when nothing on the sheet was verified: no "0 verified snippets".
    var verifiedLabel: String?
    var hasRelated: Bool
    var related: [LinkView]
    var comparisons: [LinkView]
    var hasIntro: Bool
    var introHTML: String
    var sections: [SectionView]
    /// `Swift 6.3.1 and Python 3.12.3`, or empty when nothing on the page was verified.
    var verifiedWith: String? = nil
    var verifiedOn: String? = nil
    /// A page without front matter (DocC's, GitHub's): laid out as one column of prose.
    var isPage = false
}

struct IndexPageView {
    /// Page title, description, root and site-wide text: the templates' outermost context.
    var chrome: PageChrome
    var sheetCount: Int
    var snippetCount: Int
    /// "4 cheatsheets, 159 snippets, each one verified with …" (or without snippets).
    var summaryLine: String
    var hasTags: Bool
    var tags: [TagView]
    var groups: [Group]

    /// The sheets of one `category:` (title empty when no sheet has a category).
    struct Group {
        /// Nil for the one group of an index without categories.
        var title: String?
        var anchor: String?
        var sheets: [SheetSummaryView]
        /// `h3` under a group title, else `h2`, so headings never skip a level.
        var headingTag: String
    }

    struct SheetSummaryView {
        var id: String
        var title: String
        var summary: String?
        var tags: [TagView]
        var tagSlugs: String
        var verifiedCount: Int
        var verifiedLabel: String?
        var updated: String?
        /// `kind:` — `cheatsheet` or `guide` — and its word on the page.
        var kind: String? = nil
        var kindLabel: String? = nil
        /// `pages:` and "2 pages" on the page.
        var pages: Int? = nil
        var pagesLabel: String? = nil
    }
}

struct ComparePageView {
    /// Page title, description, root and site-wide text: the templates' outermost context.
    var chrome: PageChrome
    /// `Swift, Python and JavaScript`
    var titles: String
    /// `both` for two sheets, `each` for more.
    var inEach: String
    /// One per sheet, in the page's order, linking to the sheet.
    var columns: [LinkView]
    var rows: [Row]

    /// Twin cards, one cell per sheet.
    struct Row {
        var cells: [Cell]
    }

    /// A sheet's cards in a row: usually one; none when the sheet has no twin for it.
    struct Cell {
        /// The sheet's title: the column's label when columns stack on a narrow screen.
        var label: String
        var cards: [CardView]
    }
}

/// A page that has moved: a former comparison page of two sheets now in a larger group.
struct MovedPageView {
    var chrome: PageChrome
    /// The new page, relative to the old one.
    var target: String
    var targetTitle: String
}
