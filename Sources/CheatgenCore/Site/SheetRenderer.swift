/// Renders one sheet's page: prose through the Markdown renderer, snippets through the
/// `snippet` template with their verdicts, the page through the `sheet` template.
struct SheetRenderer {
    let theme: Theme
    let chrome: PageChrome
    let sheetsByID: [String: Sheet]
    let report: VerificationReport
    /// Python code already highlighted by Pygments, by its text.
    let python: [String: String]

    func render(_ sheet: Sheet) throws -> String {
        let markdown = MarkdownHTMLRenderer(resolveLink: Self.href(for:), highlight: highlight)
        var sections: [SectionView] = []
        for section in sheet.sections {
            var cards: [CardView] = []
            for card in section.cards {
                cards.append(CardView(anchor: card.anchor, title: card.title.plainText,
                                      titleHTML: markdown.render(card.title), bodyHTML: try body(card.items, sheet: sheet, markdown: markdown)))
            }
            let preamble = try body(section.items, sheet: sheet, markdown: markdown)
            sections.append(SectionView(anchor: section.anchor, title: section.title.plainText, titleHTML: markdown.render(section.title),
                                        hasPreamble: !preamble.isEmpty, preambleHTML: preamble, cards: cards))
        }
        let related = sheet.frontMatter.related.compactMap { sheetsByID[$0] }
        let intro = try body(sheet.intro, sheet: sheet, markdown: markdown)
        let view = SheetPageView(
            pageTitle: "\(sheet.frontMatter.title) — \(chrome.siteTitle)",
            description: sheet.frontMatter.summary.isEmpty ? nil : sheet.frontMatter.summary,
            root: chrome.root, siteTitle: chrome.siteTitle, toolchains: chrome.toolchains,
            id: sheet.id, title: sheet.frontMatter.title, summary: sheet.frontMatter.summary,
            tags: sheet.frontMatter.tags.map { TagView(name: $0, slug: Anchor.slug($0)) },
            verifiedCount: Self.verifiedCount(sheet, report: report),
            hasRelated: !related.isEmpty,
            related: related.enumerated().map { LinkView(id: $1.id, title: $1.frontMatter.title, last: $0 == related.count - 1) },
            hasIntro: !intro.isEmpty, introHTML: intro, sections: sections)
        return try theme.render(view, template: "sheet")
    }

    static func verifiedCount(_ sheet: Sheet, report: VerificationReport) -> Int {
        report.results.count { $0.snippet.sheetID == sheet.id && $0.status == .passed }
    }

    private func body(_ items: [ContentItem], sheet: Sheet, markdown: MarkdownHTMLRenderer) throws -> String {
        var html = ""
        for item in items {
            switch item {
            case .block(let block): html += markdown.render(block)
            case .snippet(let snippet): html += try theme.render(view(of: snippet, in: sheet), template: "snippet")
            }
        }
        return html
    }

    private func view(of snippet: Snippet, in sheet: Sheet) -> SnippetView {
        let result = report.result(for: snippet)
        let version = report.versions[snippet.language] ?? snippet.language
        let mode = snippet.attributes.mode
        let verified = result?.status == .passed
        let (badge, title): (String, String) = switch (mode, verified) {
        case (.ignore, _): ("not verified", "Shown only: this snippet is not compiled or run")
        case (_, false): ("not verified", "This snippet was not verified in this build")
        case (.run, true): ("✓ verified", "\(snippet.language == "swift" ? "Compiled and run" : "Run") with \(version); its output was checked")
        case (.compileOnly, true): ("✓ compiles", "Compiled with \(version); not run")
        case (.shouldCrash, true): ("✓ traps", "Run with \(version); it stops with a runtime error, as shown")
        case (.compileFail, true): ("✗ does not compile", "\(version) rejects this code; the error shown was checked")
        }
        let named = Dictionary(sheet.snippets.compactMap { s in s.attributes.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        let usedCards = snippet.attributes.uses.compactMap { named[$0] }.filter { $0.cardAnchor != nil && $0.cardAnchor != snippet.cardAnchor }
        let uses = usedCards.enumerated().map { LinkView(anchor: $1.cardAnchor!, title: $1.cardTitle, last: $0 == usedCards.count - 1) }
        let errors = result?.compilerErrors.map { snippet.language == "swift" ? "error: \($0)" : $0 }.joined(separator: "\n") ?? ""
        let output = snippet.expectedOutput?.text ?? ""
        return SnippetView(
            kind: mode.rawValue, id: snippet.attributes.id, language: snippet.language,
            codeHTML: highlight(snippet.visibleCode, language: snippet.language),
            badgeText: badge, badgeTitle: title,
            uses: uses.isEmpty ? nil : .init(links: uses),
            hasOutput: !output.isEmpty, outputLabel: mode == .shouldCrash ? "Output before the crash" : "Output",
            output: output.hasSuffix("\n") ? String(output.dropLast()) : output,
            hasErrors: mode == .compileFail && !errors.isEmpty, errors: errors)
    }

    /// Swift through swift-syntax, Python through Pygments (done in one batch beforehand),
    /// every other language as plain escaped text.
    func highlight(_ code: String, language: String) -> String {
        let trimmed = Self.trimmingFinalNewline(code)
        switch language {
        case "swift": return SwiftHighlighter.highlight(trimmed)
        case "python", "py": return python[trimmed] ?? HTML.escape(trimmed)
        default: return HTML.escape(trimmed)
        }
    }

    static func trimmingFinalNewline(_ code: String) -> String {
        code.hasSuffix("\n") ? String(code.dropLast()) : code
    }

    /// Every Python text the page will highlight, so they can be done in one batch.
    static func pythonCode(in sheet: Sheet) -> [String] {
        var codes: [String] = []
        func visit(_ items: [ContentItem]) {
            for item in items {
                switch item {
                case .snippet(let s) where s.language == "python": codes.append(trimmingFinalNewline(s.visibleCode))
                case .block(.codeBlock(let c)) where c.language == "python" || c.language == "py": codes.append(trimmingFinalNewline(c.code))
                default: break
                }
            }
        }
        visit(sheet.intro)
        for section in sheet.sections {
            visit(section.items)
            section.cards.forEach { visit($0.items) }
        }
        return codes
    }

    /// Cross-links become page links; unsafe schemes are dropped; the rest is left alone.
    static func href(for destination: String) -> String? {
        switch LinkTarget(destination) {
        case .unsafe: nil
        case .external(let url): url
        case .sheet(let id?, let anchor): "\(id).html" + (anchor.map { "#\($0)" } ?? "")
        case .sheet(nil, let anchor): "#\(anchor ?? "")"
        }
    }
}
