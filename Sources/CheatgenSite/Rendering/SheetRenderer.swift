import Foundation
import CheatgenModel
import CheatgenParsing
import CheatgenVerification
import CheatgenLanguages

/// Renders one sheet's page: prose through the Markdown renderer, snippets through the
/// `snippet` template with their verdicts, the page through the `sheet` template.
struct SheetRenderer {
    let theme: Theme
    let chrome: PageChrome
    /// Every sheet of the site, for the titles and twins of cross-links.
    let sheetsByID: [String: SheetOutline]
    let report: VerificationReport
    /// Code in other languages than Swift, already highlighted by Pygments.
    let highlighted: [PygmentsHighlighter.Block: String]

    let twins: TwinIndex

    /// Where links on a page point from: on the sheet's own page, `#anchor` stays on the page;
    /// on a comparison page (one folder down), it must name the sheet's page.
    struct Place {
        var root: String
        var ownPage: String

        static let sheetPage = Place(root: "", ownPage: "")
        static func comparePage(for sheet: Sheet) -> Place { Place(root: "../", ownPage: "../\(sheet.id).html") }

        func href(for destination: String, isSheet: (String) -> Bool, page: (String) -> SheetOutline? = { _ in nil }) -> String? {
            switch LinkTarget(destination, isSheet: isSheet) {
            case .doc(let link):
                // Checked when the pages were loaded; one that does not resolve keeps its text.
                if case .found(let target, let anchor) = link.resolve(page) {
                    "\(root)\(target.id).html" + (anchor.map { "#\($0)" } ?? "")
                } else {
                    nil
                }
            case .unsafe: nil
            case .external(let url): url
            case .sheet(let id?, let anchor): "\(root)\(id).html" + (anchor.map { "#\($0)" } ?? "")
            case .sheet(nil, let anchor): "\(ownPage)#\(anchor ?? "")"
            }
        }
    }

    func render(_ sheet: Sheet) throws -> String {
        let place = Place.sheetPage
        let sections = try sectionViews(sheet, place: place)
        let related = sheet.frontMatter.related.compactMap { sheetsByID[$0] }
        let comparisons = twins.group(of: sheet.id).map { group -> [LinkView] in
            let others = group.columns.filter { $0 != sheet.id }.compactMap { sheetsByID[$0]?.frontMatter.title }
            return [LinkView(href: group.path, title: "side by side with \(Self.list(others))")]
        } ?? []
        let markdown = markdownRenderer(place)
        let introMarkdown = markdown.withNotes(sheet.footnotes, idPrefix: Self.notePrefix(sheet, part: nil))
        let intro = try body(sheet.intro, sheet: sheet, markdown: introMarkdown, place: place) + introMarkdown.renderNotes()
        let lead = markdown.render(sheet.frontMatter.intro)
        let verifiedCount = Self.verifiedCount(sheet, report: report)
        let view = SheetPageView(
            chrome: chrome.page(title: "\(sheet.frontMatter.title) — \(chrome.siteTitle)",
                                description: Self.description(of: sheet)),
            id: sheet.id, title: sheet.frontMatter.title, summary: sheet.frontMatter.summary.isEmpty ? nil : sheet.frontMatter.summary,
            leadHTML: lead.isEmpty ? nil : lead, category: sheet.frontMatter.category, updated: sheet.frontMatter.updated,
            tags: sheet.frontMatter.tags.map { TagView(name: $0, slug: Anchor.slug($0)) },
            verifiedCount: verifiedCount,
            verifiedLabel: verifiedCount == 0 ? nil : Self.verifiedLabel(verifiedCount),
            hasRelated: !related.isEmpty || !comparisons.isEmpty,
            related: related.enumerated().map { LinkView(href: "\($1.id).html", title: $1.frontMatter.title, last: $0 == related.count - 1) },
            comparisons: comparisons,
            hasIntro: !intro.isEmpty, introHTML: intro, sections: sections,
            verifiedWith: verifiedWith(sheet), verifiedOn: Self.verifiedOn, isPage: sheet.frontMatter.isPage)
        return try theme.render(view, template: "sheet")
    }

    private func markdownRenderer(_ place: Place) -> MarkdownHTMLRenderer {
        let sheets = sheetsByID
        return MarkdownHTMLRenderer(resolveLink: { place.href(for: $0, isSheet: { sheets[$0] != nil }, page: { sheets[$0] }) },
                                    highlight: highlight, linkTitle: { Self.docLinkTitle($0, sheets: sheets) })
    }

    /// What a DocC link written as `<doc:Page>` shows: the page's title, or the heading's.
    static func docLinkTitle(_ destination: String, sheets: [String: SheetOutline]) -> String? {
        guard let link = DocCLink(destination), case .found(let page, let anchor) = link.resolve({ sheets[$0] }) else { return nil }
        return anchor.flatMap { page.title(ofAnchor: $0) } ?? page.frontMatter.title
    }

    /// Where a card with twins sits on its comparison page: `compare/<a>--<b>.html#<sheet>--<anchor>`.
    private func compareHref(_ sheet: Sheet, anchor: String) -> String? {
        guard !twins.twins(of: sheet.id, anchor: anchor).isEmpty, let group = twins.group(of: sheet.id) else { return nil }
        return "\(group.path)#\(sheet.id)--\(anchor)"
    }

    /// A section's one "Side by side" link: its own row on the comparison page when the section
    /// itself has twins, else the row of its first card with twins; nil when nothing in it has any.
    /// (Cards carry no link of their own: their language tabs lead to the twins.)
    private func sectionCompareHref(_ sheet: Sheet, section: Section) -> String? {
        compareHref(sheet, anchor: section.anchor) ?? section.cards.lazy.compactMap { compareHref(sheet, anchor: $0.anchor) }.first
    }

    func sectionViews(_ sheet: Sheet, place: Place) throws -> [SectionView] {
        let markdown = markdownRenderer(place)
        var sections: [SectionView] = []
        for section in sheet.sections {
            var cards: [CardView] = []
            for card in section.cards {
                // Each card lists the notes it refers to at its end.
                let markdown = markdown.withNotes(sheet.footnotes, idPrefix: Self.notePrefix(sheet, part: card.anchor))
                let titleHTML = markdown.render(card.title)
                var view = CardView(anchor: card.anchor, title: card.title.plainText, titleHTML: titleHTML,
                                    bodyHTML: try body(card.items, sheet: sheet, markdown: markdown, place: place) + markdown.renderNotes(),
                                    sheet: sheet.id, href: "\(place.ownPage)#\(card.anchor)",
                                    classes: Self.classList(["card"] + card.attributes.classes))
                if place.root.isEmpty { view.languageTabs = try languageTabs(sheet, card: card) }
                cards.append(view)
            }
            let sectionMarkdown = markdown.withNotes(sheet.footnotes, idPrefix: Self.notePrefix(sheet, part: section.isUntitled ? "main" : section.anchor))
            let sectionTitleHTML = sectionMarkdown.render(section.title)
            let preamble = try body(section.items, sheet: sheet, markdown: sectionMarkdown, place: place) + sectionMarkdown.renderNotes()
            sections.append(SectionView(anchor: section.anchor, title: section.title.plainText, titleHTML: sectionTitleHTML,
                                        isTitled: !section.isUntitled,
                                        hasPreamble: !preamble.isEmpty, preambleHTML: preamble, cards: cards,
                                        sectionCompareHref: place.root.isEmpty && !section.isUntitled ? sectionCompareHref(sheet, section: section) : nil,
                                        classes: Self.classList(["sheet-section"] + section.attributes.classes),
                                        cardsClasses: Self.classList(["cards"] + Self.columnClasses(section.attributes))))
        }
        return sections
    }

    /// The language tabs of a card with twins: its own language first, then each twin card's
    /// snippets (code and output), rendered in place for the tab that shows them. Twins without
    /// a snippet get no tab (the section's "Side by side" row still shows them); no twin with one, no tabs.
    private func languageTabs(_ sheet: Sheet, card: Card) throws -> [LanguageTabView] {
        let pairs = twins.twins(of: sheet.id, anchor: card.anchor)
        guard !pairs.isEmpty, let own = card.snippets.first else { return [] }
        var tabs = [LanguageTabView(label: languageLabel(own.language), language: own.language, own: true,
                                    panelID: "\(card.anchor)--\(own.language)", bodyHTML: "", href: "", sheetTitle: sheet.frontMatter.title)]
        // Twins with code, their languages in the registry's order (Swift · Python · JavaScript),
        // in declaration order within a language.
        let found = pairs.compactMap { pair -> (pair: TwinIndex.Pair, other: SheetOutline, twinCard: Card, first: Snippet)? in
            guard let other = sheetsByID[pair.otherSheet],
                  let twinCard = other.sections.lazy.flatMap(\.cards).first(where: { $0.anchor == pair.otherAnchor }),
                  let first = twinCard.snippets.first(where: { !$0.code.isEmpty }) else { return nil }
            return (pair, other, twinCard, first)
        }
        let ordered = found.enumerated().sorted { a, b in
            (LanguageRegistry.rank(of: a.element.first.language), a.offset) < (LanguageRegistry.rank(of: b.element.first.language), b.offset)
        }.map(\.element)
        for (pair, other, twinCard, first) in ordered {
            let place = Place(root: "", ownPage: "\(other.id).html")
            var html = ""
            for case .snippet(let snippet) in twinCard.items where !snippet.code.isEmpty {
                html += try theme.render(view(of: snippet, in: other, place: place), template: "snippet")
            }
            guard !html.isEmpty else { continue }
            tabs.append(LanguageTabView(label: languageLabel(first.language), language: first.language, own: false,
                                        panelID: "\(card.anchor)--twin-\(tabs.count)", bodyHTML: html,
                                        href: "\(other.id).html#\(pair.otherAnchor)", sheetTitle: other.frontMatter.title))
        }
        guard tabs.count > 1 else { return [] }
        // Two tabs of one language (two Swift twins, say) are told apart by their sheets.
        let labels = tabs.map(\.label)
        for index in tabs.indices where labels.count(where: { $0 == tabs[index].label }) > 1 {
            tabs[index].label += " (\(tabs[index].sheetTitle))"
        }
        return tabs
    }

    /// A language's name as readers know it (`JavaScript`), or the fence's word capitalised
    /// for a language cheatgen does not run.
    private func languageLabel(_ language: String) -> String {
        LanguageRegistry.language(language)?.displayName ?? language.prefix(1).uppercased() + language.dropFirst()
    }

    /// The toolchains that verified this sheet's snippets: `Swift 6.3.1 and Python 3.12.3`;
    /// nil when nothing on the sheet was verified.
    private func verifiedWith(_ sheet: Sheet) -> String? {
        let languages = Set(sheet.snippets.filter { report.result(for: $0)?.status == .passed }.map(\.language))
        var named = Set<String>()  // one toolchain can verify two languages (Python and its doctests)
        let names = languages.sorted().compactMap { report.versions[$0] }.filter { named.insert($0).inserted }
        return names.isEmpty ? nil : names.joined(separator: " and ")
    }

    /// The day the site's snippets were verified, when the build says (`SOURCE_DATE_EPOCH`, the
    /// reproducible-builds convention): the site is otherwise the same bytes from the same input,
    /// so it carries no clock of its own.
    static let verifiedOn: String? = {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }()

    /// A card, or a section shown as one card (its preamble and its cards' titles), by anchor,
    /// among the sheet's rendered sections.
    func cardView(_ sheet: Sheet, anchor: String, place: Place, in sections: [SectionView]) -> CardView? {
        for section in sections {
            if let card = section.cards.first(where: { $0.anchor == anchor }) { return card }
            if section.anchor == anchor {
                let list = section.cards.map { "<li><a href=\"\(HTML.escape($0.href))\">\(HTML.escape($0.title))</a></li>" }.joined()
                return CardView(anchor: section.anchor, title: section.title, titleHTML: section.titleHTML,
                                bodyHTML: section.preambleHTML + (list.isEmpty ? "" : "<ul>\(list)</ul>\n"),
                                sheet: sheet.id, href: "\(place.ownPage)#\(section.anchor)")
            }
        }
        return nil
    }

    /// The side-by-side page of a group of sheets linked by twins: a column per sheet, a row
    /// per group of twin cards; a sheet with no card in a row gets an empty cell that says so.
    func renderComparison(_ group: TwinIndex.Group, sheets: [Sheet]) throws -> String {
        let titles = sheets.map(\.frontMatter.title)
        // Each sheet's sections rendered once for the page, not once per card looked up in it
        // (which made a comparison page quadratic in its cards).
        var sections: [String: [SectionView]] = [:]
        for sheet in sheets { sections[sheet.id] = try sectionViews(sheet, place: .comparePage(for: sheet)) }
        var rows: [ComparePageView.Row] = []
        for places in group.rows {
            var cells: [ComparePageView.Cell] = []
            for sheet in sheets {
                let cards = places.filter { $0.sheet == sheet.id }.compactMap {
                    cardView(sheet, anchor: $0.anchor, place: .comparePage(for: sheet), in: sections[sheet.id] ?? [])
                }
                cells.append(.init(label: sheet.frontMatter.title, cards: cards))
            }
            if cells.contains(where: { !$0.cards.isEmpty }) { rows.append(.init(cells: cells)) }
        }
        let list = Self.list(titles)
        let view = ComparePageView(
            chrome: chrome.page(title: "\(list) — \(chrome.siteTitle)",
                                description: "The same ideas in \(list), side by side", root: "../"),
            titles: list, inEach: sheets.count == 2 ? "both" : "each",
            columns: sheets.enumerated().map { LinkView(href: "../\($1.id).html", title: $1.frontMatter.title, last: $0 == sheets.count - 1) },
            rows: rows)
        return try theme.render(view, template: "compare")
    }

    /// The page at a former two-sheet path of a larger group: it sends the reader on to the
    /// group's page (at once, and by a link for a browser that does not follow `refresh`).
    func renderMovedComparison(_ group: TwinIndex.Group) throws -> String {
        let titles = Self.list(group.columns.compactMap { sheetsByID[$0]?.frontMatter.title })
        let view = MovedPageView(chrome: chrome.page(title: "\(titles), side by side — \(chrome.siteTitle)", description: nil, root: "../"),
                                 target: String(group.path.dropFirst("compare/".count)), targetTitle: "\(titles), side by side")
        return try theme.render(view, template: "compare-moved")
    }

    /// `A`, `A and B`, `A, B and C`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The page's meta description: `description:`, else `summary:`, else the intro's text.
    static func description(of sheet: Sheet) -> String? {
        let candidates = [sheet.frontMatter.description ?? "", sheet.frontMatter.summary, sheet.frontMatter.intro.plainText]
        return candidates.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.first { !$0.isEmpty }
    }

    /// The prefix of the footnote ids of one part of a sheet's page (nil: the intro); `top` and
    /// `main` are ids of the page itself, never a heading's.
    static func notePrefix(_ sheet: Sheet, part anchor: String?) -> String {
        "\(sheet.id)--\(anchor ?? "top")--"
    }

    static func classList(_ classes: [String]) -> String {
        var seen: Set<String> = []
        return classes.filter { seen.insert($0).inserted }.joined(separator: " ")
    }

    /// devhints' layout hints: `-one-column` … `-six-column` set the section's grid.
    static func columnClasses(_ attributes: BlockAttributes) -> [String] {
        let counts = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6]
        return attributes.classes.compactMap { name in
            guard name.hasPrefix("-"), name.hasSuffix("-column"), let count = counts[String(name.dropFirst().dropLast(7))] else { return nil }
            return "columns-\(count)"
        }
    }

    /// "1 verified snippet", "12 verified snippets"
    static func verifiedLabel(_ count: Int) -> String {
        "\(count) verified snippet\(count == 1 ? "" : "s")"
    }

    static func verifiedCount(_ sheet: some SheetStructure, report: VerificationReport) -> Int {
        report.passedCount(sheetID: sheet.id)
    }

    private func body(_ items: [ContentItem], sheet: Sheet, markdown: MarkdownHTMLRenderer, place: Place) throws -> String {
        var html = ""
        for item in items {
            switch item {
            case .block(let block): html += markdown.render(block)
            case .snippet(let snippet): html += try theme.render(view(of: snippet, in: sheet, place: place), template: "snippet")
            }
        }
        return html
    }

    private func view(of snippet: Snippet, in sheet: some SheetStructure, place: Place) -> SnippetView {
        let result = report.result(for: snippet)
        let version = report.versions[snippet.language] ?? snippet.language
        let mode = snippet.attributes.mode
        let badge = SnippetBadge(snippet: snippet, result: result, version: version)
        let usedCards = snippet.attributes.uses.compactMap { name in sheet.snippets.first { $0.attributes.id == name } }.filter { $0.cardAnchor != nil && $0.cardAnchor != snippet.cardAnchor }
        let uses = usedCards.enumerated().map { LinkView(href: "\(place.ownPage)#\($1.cardAnchor!)", title: $1.cardTitle, last: $0 == usedCards.count - 1) }
        let language = LanguageRegistry.language(snippet.language)
        let errors = result?.compilerErrors.map { language?.displayedError($0) ?? $0 }.joined(separator: "\n") ?? ""
        // Output read from `Prints` comments is already on the page, in the code.
        let output = snippet.expectedOutput.flatMap { $0.isFromComments ? nil : $0.text } ?? ""
        let runs = HiddenLines.runs(snippet.code)
        let hasHidden = runs.contains(where: \.hidden)
        // Only `uses=` reads the sheet's named snippets: most snippets skip collecting them.
        let program = CompleteProgram.text(for: snippet, named: snippet.attributes.uses.isEmpty ? [:] : Self.named(sheet))
        let visible = snippet.visibleCode
        let shown = Self.trimmingFinalNewline(visible) + "\n"
        return SnippetView(
            kind: mode.rawValue, id: snippet.attributes.id, language: snippet.language,
            codeHTML: hasHidden ? highlight(runs: runs, language: snippet.language) : highlight(visible, language: snippet.language),
            program: program == shown ? nil : program,
            badgeText: badge.text, badgeTitle: badge.title, badgeKind: badge.kind ?? mode.rawValue,
            uses: uses.isEmpty ? nil : .init(links: uses),
            hasOutput: !output.isEmpty, outputLabel: mode == .shouldCrash ? "Output before the crash" : "Output",
            output: output.hasSuffix("\n") ? String(output.dropLast()) : output,
            hasErrors: mode == .compileFail && !errors.isEmpty, errors: errors)
    }

    /// A sheet's snippets by `id=`, as `uses=` names them.
    static func named(_ sheet: some SheetStructure) -> [String: Snippet] {
        Dictionary(sheet.snippets.compactMap { s in s.attributes.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The code with its hidden lines in place, each hidden run in a `hidden-lines` span that
    /// holds one of its line breaks, so the page reads the same with the span hidden (the
    /// stylesheet's default) as the visible code alone.
    func highlight(runs: [HiddenLines.Run], language: String) -> String {
        var runs = runs
        if let last = runs.indices.last {
            runs[last].text = Self.trimmingFinalNewline(runs[last].text)
            if runs[last].text.isEmpty && runs[last].hidden && runs.count > 1 { runs.removeLast() }
        }
        var html = ""
        for (index, run) in runs.enumerated() {
            let code = highlightExactly(run.text, language: language)
            let isLast = index == runs.count - 1
            if run.hidden {
                html += isLast ? "<span class=\"hidden-lines\">\n\(code)</span>" : "<span class=\"hidden-lines\">\(code)\n</span>"
            } else {
                html += code
                let nextIsLastHidden = index + 1 == runs.count - 1 && runs[index + 1].hidden
                if !isLast && !nextIsLastHidden { html += "\n" }
            }
        }
        return html
    }

    private func highlightExactly(_ code: String, language: String) -> String {
        switch LanguageRegistry.highlighter(for: language) {
        case .own(let highlight): highlight(code)
        case .pygments: highlighted[PygmentsHighlighter.Block(language: language, code: code)] ?? HTML.escape(code)
        }
    }

    /// By the language's own highlighter (Swift's swift-syntax), else through Pygments (done in
    /// one batch beforehand), or as plain escaped text when Pygments does not know it.
    func highlight(_ code: String, language: String) -> String {
        highlightExactly(Self.trimmingFinalNewline(code), language: language)
    }

    static func trimmingFinalNewline(_ code: String) -> String {
        code.hasSuffix("\n") ? String(code.dropLast()) : code
    }

    /// Every block the page will highlight with Pygments, so they can be done in one batch.
    static func pygmentsBlocks(in sheet: some SheetStructure) -> [PygmentsHighlighter.Block] {
        var blocks: [PygmentsHighlighter.Block] = []
        func visit(_ items: [ContentItem]) {
            for item in items {
                switch item {
                case .snippet(let s) where LanguageRegistry.highlighter(for: s.language).needsPygments:
                    blocks.append(.init(language: s.language, code: trimmingFinalNewline(s.visibleCode)))
                    let runs = HiddenLines.runs(s.code)
                    if runs.contains(where: \.hidden) {
                        blocks += runs.map { .init(language: s.language, code: $0.text) }
                        if let last = runs.last { blocks.append(.init(language: s.language, code: trimmingFinalNewline(last.text))) }
                    }
                case .block(let block):
                    block.forEachCodeBlock { code in
                        if code.isPygmentsCode(LanguageRegistry.catalog) { blocks.append(.init(language: code.language, code: trimmingFinalNewline(code.code))) }
                    }
                default: break
                }
            }
        }
        visit(sheet.intro)
        for section in sheet.sections {
            visit(section.items)
            section.cards.forEach { visit($0.items) }
        }
        return blocks
    }
}
