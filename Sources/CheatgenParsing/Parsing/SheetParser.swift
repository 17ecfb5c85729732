import Foundation
import CheatgenModel

/// Turns a Markdown file into a `Sheet`: front matter, sections, cards, snippets with their
/// expected output — reporting every problem at its line instead of skipping it.
package enum SheetParser {
    /// Sheet ids whose page would overwrite one of the site's own pages.
    static let reservedIDs: Set<String> = ["index", "404"]

    /// What the run decides for every sheet (a sheet's front matter may override it).
    package struct Options: Hashable, Sendable {
        package var verify: VerifySetting
        /// The languages whose fences are snippets, and what each accepts.
        package var languages: LanguageCatalog
        package init(verify: VerifySetting = .all, languages: LanguageCatalog) {
            self.verify = verify
            self.languages = languages
        }
    }

    package struct Result: Sendable {
        package var sheet: Sheet?
        package var diagnostics: [Diagnostic]
    }

    /// Reads and parses the file at `path`.
    package static func parse(fileAt path: String, id: String? = nil, options: Options) -> Result {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = Self.reason(for: error, path: path)
            return Result(sheet: nil, diagnostics: [.error(.unreadableFile, "cannot read sheet: \(reason)", at: SourceLocation(path: path, line: 1))])
        }
        return parse(data, path: path, id: id, options: options)
    }

    /// The system's own words for why a file cannot be read ("Is a directory").
    static func reason(for error: Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return String(cString: strerror(EISDIR))
        }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        let code = errno
        if access(path, R_OK) != 0 { return String(cString: strerror(errno)) }
        return code != 0 ? String(cString: strerror(code)) : "it could not be read"
    }

    /// Parses bytes that were read from `path`.
    package static func parse(_ data: Data, path: String, id: String? = nil, options: Options) -> Result {
        switch SourceText.decode(data, path: path) {
        case .failure(let diagnostic): Result(sheet: nil, diagnostics: [diagnostic])
        case .success(let text): parse(text, path: path, id: id, options: options)
        }
    }

    /// Parses Markdown text that came from `path`.
    /// `id` is the page's id when it is not the file's name (a DocC catalog's second page of a name).
    package static func parse(_ text: String, path: String, id: String? = nil, options: Options) -> Result {
        var text = SourceText.normalizingLineEndings(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let id = id ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let header = FrontMatterParser.parse(text, path: path, languages: options.languages)
        var diagnostics = header.diagnostics
        if reservedIDs.contains(id) {
            diagnostics.append(.error(.invalidSheetName, "a sheet cannot be named '\(id).md': its page would overwrite the site's own \(id).html; rename the file", at: SourceLocation(path: path, line: 1)))
        }
        if let problem = SheetFileName.problem(with: id) {
            diagnostics.append(.error(.invalidSheetName, problem, at: SourceLocation(path: path, line: 1)))
        }
        let source = JekyllSource.prepare(header.body, path: path)
        diagnostics.append(contentsOf: source.diagnostics)
        let directives = DocCDirectives.strip(source.text, path: path)
        diagnostics.append(contentsOf: directives.diagnostics)
        let markdown = CommonMarkParser.parse(directives.text, path: path, smartPunctuation: header.isPage)
        diagnostics.append(contentsOf: markdown.diagnostics)
        var blocks = markdown.blocks
        var frontMatter = header.frontMatter
        if header.isPage {
            if let found = PageTitle.take(from: &blocks) {
                frontMatter = PageTitle.frontMatter(found)
            } else {
                diagnostics.append(.error(.missingFrontMatter, "page has no title; start it with a '# Title' line, or with front matter (---, title: …, ---)", at: SourceLocation(path: path, line: 1)))
            }
        }
        let verify = frontMatter?.verify ?? options.verify
        var builder = Builder(sheetID: id, path: path, verify: verify, languages: options.languages, attributeLines: source.attributeLines)
        builder.anchorsDeepHeadings = frontMatter?.isPage == true
        builder.add(blocks)
        builder.finish()
        markdown.footnotes.forEach { builder.check($0) }
        diagnostics.append(contentsOf: builder.diagnostics)
        guard let frontMatter else { return Result(sheet: nil, diagnostics: diagnostics) }
        TemplateSnippets.mark(intro: &builder.intro, sections: &builder.sections, languages: options.languages)
        PrintsExpectations.attach(intro: &builder.intro, sections: &builder.sections, languages: options.languages)
        var sheet = Sheet(id: id, path: path, frontMatter: frontMatter, intro: builder.intro, sections: builder.sections)
        sheet.bookTests = builder.bookTestSnippets
        sheet.footnotes = markdown.footnotes
        return Result(sheet: sheet, diagnostics: diagnostics)
    }

    /// Walks the top-level blocks once, opening sections and cards at headings, pairing each
    /// snippet with the `output` or `error` block right under it, and giving each kramdown
    /// attribute list to what stands right above it.
    private struct Builder {
        let sheetID: String
        let path: String
        let verify: VerifySetting
        let languages: LanguageCatalog
        var intro: [ContentItem] = []
        var sections: [Section] = []
        var diagnostics: [Diagnostic] = []
        /// Ids the page itself uses, so no heading's anchor can take one of them.
        static let reservedAnchors = ["main", "top", "search-input", "search-results"]
        /// Who has each anchor: a heading's title and line (nil: the page itself).
        private var anchorOwners: [String: (title: String, line: Int)?] = Dictionary(uniqueKeysWithValues: reservedAnchors.map { ($0, nil) })
        /// The next `-N` to try for a repeated slug, as GitHub counts them.
        private var repeats: [String: Int] = [:]
        private var snippetCount = 0
        /// On a page, `####` and deeper headings get anchors too (`<doc:Page#Heading>` names them).
        var anchorsDeepHeadings = false
        private var snippetsInCard = 0
        private var symbolNames: Set<String> = []
        private var snippetNames: Set<String> = []
        private var namedSnippets: [String: SourceLocation] = [:]
        private var pendingAttributes: ArraySlice<KramdownAttributes.Line>
        /// What the last block made: an attribute list under it applies there.
        private var lastTarget = Target.nothing
        /// The Swift book's `swifttest` blocks found in HTML comments, in page order.
        private var bookTests = BookTests()

        private enum Target { case nothing, section, card, item }

        init(sheetID: String, path: String, verify: VerifySetting, languages: LanguageCatalog, attributeLines: [KramdownAttributes.Line]) {
            self.sheetID = sheetID
            self.path = path
            self.verify = verify
            self.languages = languages
            self.pendingAttributes = attributeLines[...]
        }

        mutating func add(_ blocks: [Block]) {
            for block in blocks {
                applyAttributes(before: block.location.line)
                warnAboutPlainCode(in: block)
                add(block)
            }
        }

        mutating func finish() {
            applyAttributes(before: .max)
        }

        // MARK: Anchors

        /// The heading's anchor: its slug, or for a repeated one the slug with `-1`, `-2`, …
        /// (GitHub's and kramdown's numbering, so links written for those sites still work).
        private mutating func anchor(for title: [Inline], at location: SourceLocation) -> String {
            let text = title.plainText
            let base = Anchor.slug(text)
            guard let owner = anchorOwners[base] else {
                anchorOwners[base] = (text, location.line)
                return base
            }
            var number = repeats[base, default: 1]
            while anchorOwners["\(base)-\(number)"] != nil { number += 1 }
            repeats[base] = number + 1
            let unique = "\(base)-\(number)"
            anchorOwners[unique] = (text, location.line)
            let earlier = owner.map { "'\($0.title)' (line \($0.line))" } ?? "the page's own '#\(base)'"
            diagnostics.append(.warning(.duplicateAnchor, "heading '\(text)' has the same anchor as \(earlier); its anchor is '#\(unique)'", at: location))
            return unique
        }

        /// An anchor set by `{#id}` or `id=`: taken if free, else made unique with a warning.
        private mutating func explicitAnchor(_ id: String, replacing old: String, title: String, at location: SourceLocation) -> String {
            anchorOwners[old] = nil
            if let owner = anchorOwners[id] {
                let taken = owner.map { "'\($0.title)' (line \($0.line))" } ?? "the page itself"
                var number = 1
                while anchorOwners["\(id)-\(number)"] != nil { number += 1 }
                let unique = "\(id)-\(number)"
                anchorOwners[unique] = (title, location.line)
                diagnostics.append(.warning(.duplicateAnchor, "anchor '#\(id)' is already used by \(taken); this heading's anchor is '#\(unique)'", at: location))
                return unique
            }
            anchorOwners[id] = (title, location.line)
            return id
        }

        // MARK: Attribute lists

        private mutating func applyAttributes(before line: Int) {
            while let next = pendingAttributes.first, next.line < line {
                pendingAttributes.removeFirst()
                apply(next.attributes, at: SourceLocation(path: path, line: next.line))
            }
        }

        private mutating func apply(_ attributes: BlockAttributes, at location: SourceLocation) {
            switch lastTarget {
            case .nothing:
                diagnostics.append(.warning(.attributeList, "attribute list has no heading or block right above it; ignored", at: location))
            case .section:
                let s = sections.count - 1
                if let id = attributes.id {
                    sections[s].anchor = explicitAnchor(id, replacing: sections[s].anchor, title: sections[s].title.plainText, at: location)
                }
                sections[s].attributes.merge(attributes)
            case .card:
                let s = sections.count - 1
                let c = sections[s].cards.count - 1
                if let id = attributes.id {
                    sections[s].cards[c].anchor = explicitAnchor(id, replacing: sections[s].cards[c].anchor, title: sections[s].cards[c].title.plainText, at: location)
                }
                sections[s].cards[c].attributes.merge(attributes)
            case .item:
                switch lastItem {
                case .block(.attributed(let block, var existing))?:
                    existing.merge(attributes)
                    replaceLastItem(.block(.attributed(block, existing)))
                case .block(let block)?:
                    replaceLastItem(.block(.attributed(block, attributes)))
                case .snippet?:
                    diagnostics.append(.warning(.attributeList, "attribute lists under a verified snippet are not supported; ignored", at: location))
                case nil:
                    break
                }
            }
        }

        /// A heading's title without a trailing `{#id}` or `{: …}`, and what that said.
        private mutating func splitTrailingAttributes(_ title: [Inline], at location: SourceLocation) -> ([Inline], BlockAttributes?) {
            guard case .text(let last)? = title.last, let (rest, body) = KramdownAttributes.trailingList(in: last) else { return (title, nil) }
            let (attributes, problems) = KramdownAttributes.parse(body)
            for problem in problems { diagnostics.append(.warning(.attributeList, problem, at: location)) }
            var trimmed = Array(title.dropLast())
            if !rest.isEmpty { trimmed.append(.text(rest)) } else if case .text(let before)? = trimmed.last {
                trimmed[trimmed.count - 1] = .text(String(before.trimmedSlice(of: " \t")))
            }
            return (trimmed, attributes)
        }

        // MARK: Blocks

        /// The canonical language of a fenced block that is a verified snippet here. A block of
        /// a language verified only with an `output` block becomes a snippet when that comes.
        private func snippetLanguage(of code: Block.CodeBlock, followedByOutput: Bool = false) -> String? {
            guard code.isFenced, let name = languages.canonicalName(code.language, code: code.code), let entry = languages.entry(for: name),
                  verify.verifies(entry.name), followedByOutput || !entry.verifiedOnlyWithOutput else { return nil }
            return entry.name
        }

        private mutating func openSection(_ title: [Inline], at location: SourceLocation) {
            let (title, attributes) = splitTrailingAttributes(title, at: location)
            sections.append(Section(title: title, anchor: anchor(for: title, at: location), location: location, items: [], cards: []))
            snippetsInCard = 0
            lastTarget = .section
            if let attributes { apply(attributes, at: location) }
        }

        private mutating func add(_ block: Block) {
            switch block {
            case .heading(level: 1, let title, let location):
                diagnostics.append(.warning(.headingLevel, "a '#' heading in a sheet is read as a section ('##'); the sheet's title comes from its front matter", at: location))
                openSection(title, at: location)
            case .heading(level: 2, let title, let location):
                openSection(title, at: location)
            case .heading(level: 3, let title, let location):
                if sections.isEmpty {
                    // Cards before any `##` form an untitled first section.
                    sections.append(Section(title: [], anchor: "", location: location, items: [], cards: []))
                }
                let (title, attributes) = splitTrailingAttributes(title, at: location)
                let card = Card(title: title, anchor: anchor(for: title, at: location), location: location, items: [])
                sections[sections.count - 1].cards.append(card)
                snippetsInCard = 0
                lastTarget = .card
                if let attributes { apply(attributes, at: location) }
            case .heading(let level, let title, let location) where level >= 4 && anchorsDeepHeadings && !sections.isEmpty:
                let (title, attributes) = splitTrailingAttributes(title, at: location)
                var merged = attributes ?? BlockAttributes()
                let anchor = merged.id.map { explicitAnchor($0, replacing: "", title: title.plainText, at: location) } ?? anchor(for: title, at: location)
                merged.id = anchor
                let sub = Subheading(title: title.plainText, anchor: anchor)
                let s = sections.count - 1
                if sections[s].cards.isEmpty { sections[s].subheadings.append(sub) } else { sections[s].cards[sections[s].cards.count - 1].subheadings.append(sub) }
                append(.block(.attributed(.heading(level: level, title, location), merged)))
            case .codeBlock(let code) where code.isFenced && (code.language == "output" || code.language == "error"):
                attachExpectation(code)
            case .codeBlock(let code):
                if let language = snippetLanguage(of: code) {
                    append(.snippet(snippet(from: code, language: language)))
                } else {
                    append(.block(block))
                }
            case .comment(let text, let location):
                // Never shown; the Swift book keeps its tests in them.
                addBookTests(SwiftTestComments.blocks(in: text, at: location))
                append(.block(block))
            case .html(let html, let location):
                addBookTests(SwiftTestComments.blocks(in: html, at: location))
                diagnostics.append(.warning(.rawHTML, "raw HTML is not rendered; it is shown as text", at: location))
                append(.block(block))
            case .list, .blockQuote:
                addBookTests(SwiftTestComments.blocks(nestedIn: block), underListing: false)
                for nested in nestedSnippetFences(in: [block]) {
                    diagnostics.append(.warning(.notVerified, "a '\(nested.language)' block inside a list or quote is shown but not verified; move it to the top level to verify it", at: nested.location))
                }
                warnAboutInlineHTML(in: block)
                append(.block(block))
            default:
                warnAboutInlineHTML(in: block)
                append(.block(block))
            }
        }

        /// The book's tests in a comment; a Swift listing right above it is verified by them.
        private mutating func addBookTests(_ blocks: [SwiftTestComments.TestBlock], underListing: Bool = true) {
            guard let first = blocks.first, let language = languages.canonicalName("swift"), verify.verifies(language) else { return }
            let section = sections.last
            let card = section?.cards.last
            for block in blocks {
                bookTests.placed.append(.init(block: block, cardAnchor: card?.anchor, cardTitle: (card?.title ?? section?.title ?? []).plainText,
                                              sectionAnchor: section?.anchor))
            }
            if underListing, case .snippet(var listing)? = lastItem, listing.language == language, listing.attributes.mode == .run,
               listing.verifiedByBookTest == nil, let name = first.names.first {
                listing.attributes.languageOptions.append(SnippetOption(key: BookTestScript.verifiedByOption, value: name))
                replaceLastItem(.snippet(listing))
            }
        }

        /// The book's tests as snippets, numbered after the page's own.
        var bookTestSnippets: [Snippet] {
            guard let language = languages.canonicalName("swift") else { return [] }
            return bookTests.snippets(sheetID: sheetID, path: path, firstIndex: snippetCount, language: language)
        }

        /// Code its language will not colour (its highlighter would take too long) is shown
        /// plain; said at the fence.
        private mutating func warnAboutPlainCode(in block: Block) {
            var found: [Diagnostic] = []
            block.forEachCodeBlock { code in
                if let reason = languages.entry(for: code.language)?.plainReason(code.code) {
                    found.append(.warning(.notVerified, reason, at: code.location))
                }
            }
            diagnostics.append(contentsOf: found)
        }

        /// Inline HTML that is shown as text (anything but a few plain formatting tags) is
        /// reported, once per block.
        private mutating func warnAboutInlineHTML(in block: Block) {
            if let tag = InlineHTML.firstShownAsText(in: block) {
                diagnostics.append(.warning(.rawHTML, "raw HTML is not rendered; it is shown as text: \(tag)", at: block.location))
            }
        }

        /// A footnote is shown, never verified: said for a snippet fence in one, as for one
        /// in a list; inline HTML in it is reported as anywhere else.
        mutating func check(_ footnote: Footnote) {
            for nested in nestedSnippetFences(in: footnote.blocks) {
                diagnostics.append(.warning(.notVerified, "a '\(nested.language)' block inside a footnote is shown but not verified; move it into a card to verify it", at: nested.location))
            }
            footnote.blocks.forEach { warnAboutInlineHTML(in: $0) }
        }

        /// Snippet-language code blocks nested in lists and quotes.
        func nestedSnippetFences(in blocks: [Block]) -> [Block.CodeBlock] {
            blocks.flatMap { block -> [Block.CodeBlock] in
                switch block.unattributed {
                case .codeBlock(let code) where snippetLanguage(of: code) != nil: [code]
                case .blockQuote(let children, _): nestedSnippetFences(in: children)
                case .list(let list): list.items.flatMap { nestedSnippetFences(in: $0) }
                default: []
                }
            }
        }

        private var lastItem: ContentItem? {
            get {
                if let section = sections.last {
                    return section.cards.last?.items.last ?? (section.cards.isEmpty ? section.items.last : nil)
                }
                return intro.last
            }
        }

        private mutating func replaceLastItem(_ item: ContentItem) {
            if sections.isEmpty {
                intro[intro.count - 1] = item
            } else if sections[sections.count - 1].cards.isEmpty {
                sections[sections.count - 1].items[sections[sections.count - 1].items.count - 1] = item
            } else {
                let s = sections.count - 1
                let c = sections[s].cards.count - 1
                sections[s].cards[c].items[sections[s].cards[c].items.count - 1] = item
            }
        }

        private mutating func append(_ item: ContentItem) {
            lastTarget = .item
            if sections.isEmpty {
                intro.append(item)
            } else if sections[sections.count - 1].cards.isEmpty {
                sections[sections.count - 1].items.append(item)
            } else {
                let s = sections.count - 1
                sections[s].cards[sections[s].cards.count - 1].items.append(item)
            }
        }

        /// A fence left open swallows the rest of the file: said at the fence, for snippets and
        /// for the blocks that check them.
        static func neverClosed(_ code: Block.CodeBlock) -> Diagnostic {
            .error(.unclosedCodeBlock, "code block is never closed; end it with a line of ``` (everything below became code)", at: code.location)
        }

        private mutating func attachExpectation(_ code: Block.CodeBlock) {
            if !code.isClosed { diagnostics.append(Self.neverClosed(code)) }
            let expectation = Expectation(text: code.code, location: code.location, endLine: code.endLine)
            if code.language == "output", case .block(.codeBlock(let shown))? = lastItem,
               let language = snippetLanguage(of: shown, followedByOutput: true) {
                replaceLastItem(.snippet(snippet(from: shown, language: language)))
            }
            guard case .snippet(var snippet) = lastItem else {
                if case .block(.codeBlock(let shown))? = lastItem, shown.isFenced, languages.canonicalName(shown.language) != nil {
                    // Under code that this sheet does not verify (`verify: false`): shown as it is.
                    append(.block(.codeBlock(code)))
                    return
                }
                diagnostics.append(.error(.misplacedBlock, "'\(code.language)' block has no snippet right above it; put it directly under a ```swift block", at: code.location))
                append(.block(.codeBlock(code)))
                return
            }
            if code.language == "output" {
                guard snippet.expectedOutput == nil else {
                    diagnostics.append(.error(.misplacedBlock, "snippet already has an 'output' block", at: code.location))
                    return
                }
                switch snippet.attributes.mode {
                case .compileOnly, .compileFail:
                    diagnostics.append(.error(.misplacedBlock, "an 'output' block under a \(snippet.attributes.mode.rawValue) snippet would never be checked", at: code.location))
                default:
                    snippet.expectedOutput = expectation
                }
            } else {
                guard snippet.attributes.mode == .compileFail else {
                    diagnostics.append(.error(.misplacedBlock, "an 'error' block belongs under a compile-fail snippet", at: code.location))
                    return
                }
                guard snippet.expectedErrors == nil else {
                    diagnostics.append(.error(.misplacedBlock, "snippet already has an 'error' block", at: code.location))
                    return
                }
                snippet.expectedErrors = expectation
            }
            replaceLastItem(.snippet(snippet))
        }

        private mutating func snippet(from code: Block.CodeBlock, language: String) -> Snippet {
            let entry = languages.entry(for: language) ?? LanguageCatalog.Entry(name: language, displayName: language, colouredByPygments: true)
            let (attributes, problems) = SnippetAttributes.parse(code.attributeWords, language: entry, catalog: languages)
            for problem in problems { diagnostics.append(.error(.invalidAttribute, problem, at: code.location)) }
            if let id = attributes.id {
                if let earlier = namedSnippets[id] {
                    diagnostics.append(Diagnostic(.error, .duplicateSnippetID, at: code.location, "snippet id '\(id)' is already used in this sheet",
                                                  notes: [Diagnostic(.note, .note, at: earlier, "first used here")]))
                } else {
                    namedSnippets[id] = code.location
                }
            }
            for name in attributes.uses where namedSnippets[name] == nil {
                diagnostics.append(.error(.unresolvedUses, "'uses=\(name)': no snippet above has 'id=\(name)' in this sheet", at: code.location))
            }
            let section = sections.last
            let card = section?.cards.last
            snippetsInCard += 1
            let cardPart = card?.anchor ?? section.flatMap { $0.isUntitled ? nil : $0.anchor } ?? "intro"
            // The intro's snippets are `sheet/intro`, and so are those under a heading "Intro":
            // the later one counts on, so that no two snippets share a name.
            var naming = SnippetName.place(cardPart, inCard: snippetsInCard)
            while snippetNames.contains(naming.name(sheetID: sheetID)) { naming = naming.renumbered }
            snippetNames.insert(naming.name(sheetID: sheetID))
            if symbolNames.contains(naming.symbol(sheetID: sheetID)) { naming = naming.symbolTold(apartBy: snippetCount) }
            symbolNames.insert(naming.symbol(sheetID: sheetID))
            defer { snippetCount += 1 }
            if !code.isClosed { diagnostics.append(Self.neverClosed(code)) }
            var snippet = Snippet(.init(
                sheetID: sheetID, path: path, index: snippetCount,
                cardAnchor: card?.anchor, cardTitle: (card?.title ?? section?.title ?? []).plainText,
                sectionAnchor: section?.anchor, language: language, attributes: attributes,
                code: code.code, location: code.location, firstCodeLine: code.firstCodeLine,
                naming: naming))
            snippet.endLine = code.endLine
            snippet.isClosed = code.isClosed
            return snippet
        }
    }
}
