import Foundation

/// Turns a Markdown file into a `Sheet`: front matter, sections, cards, snippets with their
/// expected output — reporting every problem at its line instead of skipping it.
public enum SheetParser {
    /// Languages whose fenced blocks are verified snippets.
    public static let snippetLanguages: Set<String> = ["swift", "python"]

    public struct Result: Sendable {
        public var sheet: Sheet?
        public var diagnostics: [Diagnostic]
    }

    /// Reads and parses the file at `path`.
    public static func parse(fileAt path: String) -> Result {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = Self.reason(for: error, path: path)
            return Result(sheet: nil, diagnostics: [.error("cannot read sheet: \(reason)", at: SourceLocation(path: path, line: 1))])
        }
        return parse(data, path: path)
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
    public static func parse(_ data: Data, path: String) -> Result {
        switch SourceText.decode(data, path: path) {
        case .failure(let diagnostic): Result(sheet: nil, diagnostics: [diagnostic])
        case .success(let text): parse(text, path: path)
        }
    }

    /// Parses Markdown text that came from `path`.
    public static func parse(_ text: String, path: String) -> Result {
        var text = SourceText.normalizingLineEndings(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let header = FrontMatterParser.parse(text, path: path)
        var diagnostics = header.diagnostics
        let markdown = CommonMarkParser.parse(header.body, path: path)
        diagnostics.append(contentsOf: markdown.diagnostics)
        var builder = Builder(sheetID: id, path: path)
        builder.add(markdown.blocks)
        builder.finish()
        diagnostics.append(contentsOf: builder.diagnostics)
        guard let frontMatter = header.frontMatter else { return Result(sheet: nil, diagnostics: diagnostics) }
        let sheet = Sheet(id: id, path: path, frontMatter: frontMatter, intro: builder.intro, sections: builder.sections)
        return Result(sheet: sheet, diagnostics: diagnostics)
    }

    /// Walks the top-level blocks once, opening sections and cards at headings and pairing
    /// each snippet with the `output` or `error` block right under it.
    private struct Builder {
        let sheetID: String
        let path: String
        var intro: [ContentItem] = []
        var sections: [Section] = []
        var diagnostics: [Diagnostic] = []
        /// Ids the page itself uses, so no heading's anchor can take one of them.
        static let reservedAnchors = ["main", "top", "search-input", "search-results"]
        private var usedAnchors: [String: Int] = Dictionary(uniqueKeysWithValues: reservedAnchors.map { ($0, 1) })
        private var snippetCount = 0
        private var snippetsInCard = 0
        private var symbolNames: Set<String> = []
        private var namedSnippets: [String: SourceLocation] = [:]

        init(sheetID: String, path: String) {
            self.sheetID = sheetID
            self.path = path
        }

        mutating func add(_ blocks: [Block]) {
            for block in blocks { add(block) }
        }

        private mutating func anchor(for title: [Inline], at location: SourceLocation) -> String {
            let base = Anchor.slug(title.plainText)
            guard usedAnchors[base] != nil else {
                usedAnchors[base] = 1
                return base
            }
            // "Foo", "Foo 2", "Foo": the third must not become "foo-2" too.
            var number = usedAnchors[base]! + 1
            while usedAnchors["\(base)-\(number)"] != nil { number += 1 }
            usedAnchors[base] = number
            let unique = "\(base)-\(number)"
            usedAnchors[unique] = 1
            diagnostics.append(.warning("heading '\(title.plainText)' repeats an earlier one; its anchor is '#\(unique)'", at: location))
            return unique
        }

        private mutating func add(_ block: Block) {
            switch block {
            case .heading(level: 1, _, let location):
                diagnostics.append(.error("a sheet's title comes from its front matter; start sections with '##' and cards with '###'", at: location))
            case .heading(level: 2, let title, let location):
                sections.append(Section(title: title, anchor: anchor(for: title, at: location), location: location, items: [], cards: []))
                snippetsInCard = 0
            case .heading(level: 3, let title, let location):
                guard !sections.isEmpty else {
                    diagnostics.append(.error("card '\(title.plainText)' comes before any '##' section", at: location))
                    return
                }
                let card = Card(title: title, anchor: anchor(for: title, at: location), location: location, items: [])
                sections[sections.count - 1].cards.append(card)
                snippetsInCard = 0
            case .codeBlock(let code) where code.isFenced && (code.language == "output" || code.language == "error"):
                attachExpectation(code)
            case .codeBlock(let code) where code.isFenced && SheetParser.snippetLanguages.contains(code.language):
                append(.snippet(snippet(from: code)))
            case .html(_, let location):
                diagnostics.append(.warning("raw HTML is not rendered; it is shown as text", at: location))
                append(.block(block))
            case .list, .blockQuote:
                for nested in Self.nestedSnippetFences(in: [block]) {
                    diagnostics.append(.warning("a '\(nested.language)' block inside a list or quote is shown but not verified; move it to the top level to verify it", at: nested.location))
                }
                append(.block(block))
            default:
                append(.block(block))
            }
        }

        /// Snippet-language code blocks nested in lists and quotes.
        static func nestedSnippetFences(in blocks: [Block]) -> [Block.CodeBlock] {
            blocks.flatMap { block -> [Block.CodeBlock] in
                switch block {
                case .codeBlock(let code) where code.isFenced && SheetParser.snippetLanguages.contains(code.language): [code]
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
            if sections.isEmpty {
                intro.append(item)
            } else if sections[sections.count - 1].cards.isEmpty {
                sections[sections.count - 1].items.append(item)
            } else {
                let s = sections.count - 1
                sections[s].cards[sections[s].cards.count - 1].items.append(item)
            }
        }

        private mutating func attachExpectation(_ code: Block.CodeBlock) {
            let expectation = Expectation(text: code.code, location: code.location, endLine: code.endLine)
            guard case .snippet(var snippet) = lastItem else {
                diagnostics.append(.error("'\(code.language)' block has no snippet right above it; put it directly under a ```swift block", at: code.location))
                append(.block(.codeBlock(code)))
                return
            }
            if code.language == "output" {
                guard snippet.expectedOutput == nil else {
                    diagnostics.append(.error("snippet already has an 'output' block", at: code.location))
                    return
                }
                switch snippet.attributes.mode {
                case .compileOnly, .compileFail:
                    diagnostics.append(.error("an 'output' block under a \(snippet.attributes.mode.rawValue) snippet would never be checked", at: code.location))
                default:
                    snippet.expectedOutput = expectation
                }
            } else {
                guard snippet.attributes.mode == .compileFail else {
                    diagnostics.append(.error("an 'error' block belongs under a compile-fail snippet", at: code.location))
                    return
                }
                guard snippet.expectedErrors == nil else {
                    diagnostics.append(.error("snippet already has an 'error' block", at: code.location))
                    return
                }
                snippet.expectedErrors = expectation
            }
            replaceLastItem(.snippet(snippet))
        }

        private mutating func snippet(from code: Block.CodeBlock) -> Snippet {
            let (attributes, problems) = SnippetAttributes.parse(code.attributeWords)
            for problem in problems { diagnostics.append(.error(problem, at: code.location)) }
            if let id = attributes.id {
                if let earlier = namedSnippets[id] {
                    diagnostics.append(Diagnostic(.error, at: code.location, "snippet id '\(id)' is already used in this sheet",
                                                  notes: [Diagnostic(.note, at: earlier, "first used here")]))
                } else {
                    namedSnippets[id] = code.location
                }
            }
            for name in attributes.uses where namedSnippets[name] == nil {
                diagnostics.append(.error("'uses=\(name)': no snippet above has 'id=\(name)' in this sheet", at: code.location))
            }
            let section = sections.last
            let card = section?.cards.last
            snippetsInCard += 1
            let cardPart = card?.anchor ?? section?.anchor ?? "intro"
            let name = "\(sheetID)/\(cardPart)" + (snippetsInCard > 1 ? "#\(snippetsInCard)" : "")
            var symbol = Self.symbol("\(sheetID)__\(cardPart)" + (snippetsInCard > 1 ? "_\(snippetsInCard)" : ""))
            if symbolNames.contains(symbol) { symbol += "_\(snippetCount)" }
            symbolNames.insert(symbol)
            defer { snippetCount += 1 }
            if !code.isClosed {
                diagnostics.append(.error("code block is never closed; end it with a line of ``` (everything below became code)", at: code.location))
            }
            var snippet = Snippet(.init(
                sheetID: sheetID, path: path, index: snippetCount,
                cardAnchor: card?.anchor, cardTitle: (card?.title ?? section?.title ?? []).plainText,
                sectionAnchor: section?.anchor, language: code.language, attributes: attributes,
                code: code.code, location: code.location, firstCodeLine: code.firstCodeLine,
                name: name, symbolName: symbol))
            snippet.endLine = code.endLine
            snippet.isClosed = code.isClosed
            return snippet
        }

        /// A Swift identifier made of the name's letters and digits.
        static func symbol(_ text: String) -> String {
            var result = ""
            for scalar in text.unicodeScalars {
                result.unicodeScalars.append(scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "_")
            }
            if let first = result.unicodeScalars.first, ("0"..."9").contains(first) { result = "s" + result }
            return result
        }

        mutating func finish() {}
    }
}
