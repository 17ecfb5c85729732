import CheatgenModel

/// DocC's `@Directive` blocks — `@Metadata { … }`, `@Options(scope: global) { … }`,
/// `@Comment { … }` — and its one-line directives (`@Image(source: …)`): they configure or
/// annotate the page and are never printed as text. Their lines are blanked before cmark reads
/// the page (outside code and HTML comments), every line keeping its number. A directive
/// cheatgen does not know is left out too, with one warning per page naming them.
enum DocCDirectives {
    /// Directives that only configure a page or hide a note: left out without a word.
    static let known: Set<String> = [
        "Metadata", "Options", "Comment", "TechnologyRoot", "AutomaticSeeAlso", "AutomaticTitleHeading",
        "AutomaticArticleSubheading", "DisplayName", "PageImage", "PageKind", "PageColor", "CallToAction",
        "Available", "SupportedLanguage", "DocumentationExtension", "TitleHeading", "TopicsVisualStyle",
        "Redirected", "AlternateRepresentation",
    ]

    struct Result {
        var text: String
        var diagnostics: [Diagnostic]
    }

    /// A directive's opening line: `@Name`, arguments in parentheses, then `{` (a block), `{ … }`
    /// (a block on one line) or nothing.
    struct Opening {
        var name: String
        var opensBlock: Bool
    }

    static func opening(_ line: Substring) -> Opening? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        guard rest.first == "@", let initial = rest.dropFirst().first, initial.isUppercase, initial.isASCII else { return nil }
        rest = rest.dropFirst()
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        rest = rest.dropFirst(name.count).drop { $0 == " " }
        if rest.first == "(" {
            guard let close = rest.lastIndex(of: ")") else { return nil }
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        let tail = rest.trimmingSuffix(while: { $0 == " " || $0 == "\t" })
        if tail.isEmpty { return Opening(name: String(name), opensBlock: false) }
        if tail == "{" { return Opening(name: String(name), opensBlock: true) }
        if tail.first == "{", tail.last == "}" { return Opening(name: String(name), opensBlock: false) }
        return nil
    }

    static func strip(_ text: String, path: String) -> Result {
        guard mayContain(text) else { return Result(text: text, diagnostics: []) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let skipped = JekyllSource.codeLines(in: CommonMarkParser.parse(text, path: path).blocks).union(commentLines(lines))
        var unknown: [(name: String, line: Int)] = []
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard !skipped.contains(index + 1), let directive = opening(lines[index]) else { continue }
            if !known.contains(directive.name), !unknown.contains(where: { $0.name == directive.name }) {
                unknown.append((directive.name, index + 1))
            }
            lines[index] = ""
            guard directive.opensBlock else { continue }
            // The block runs to its matching `}`; directives inside it nest.
            var depth = 1
            var end = index + 1
            while end < lines.count, depth > 0 {
                let trimmed = lines[end].trimmingSuffix(while: \.isWhitespace).drop { $0 == " " || $0 == "\t" }
                if trimmed == "}" { depth -= 1 } else if opening(lines[end])?.opensBlock == true { depth += 1 }
                end += 1
            }
            if depth > 0 {
                diagnostics.append(.warning(.directive, "directive '@\(directive.name)' is never closed with a line '}'; everything after it was left out", at: SourceLocation(path: path, line: index + 1)))
            }
            for blank in (index + 1)..<end { lines[blank] = "" }
            index = end - 1
        }
        if let first = unknown.first {
            let names = unknown.map { "'@\($0.name)' (line \($0.line))" }.joined(separator: ", ")
            diagnostics.append(.warning(.directive, "DocC directives that cheatgen does not show were left out: \(names)", at: SourceLocation(path: path, line: first.line)))
        }
        return Result(text: lines.joined(separator: "\n"), diagnostics: diagnostics)
    }

    /// Whether any line could open a directive: most pages have none, and skip the work.
    static func mayContain(_ text: String) -> Bool {
        text.split(separator: "\n").contains { opening($0) != nil }
    }

    /// Lines inside HTML comments (1-based), whose text stays as written.
    static func commentLines(_ lines: [Substring]) -> Set<Int> {
        var result: Set<Int> = []
        var inside = false
        for (index, line) in lines.enumerated() {
            var rest = line[...]
            var touched = inside
            while true {
                if inside {
                    guard let close = rest.range(of: "-->") else { break }
                    inside = false
                    rest = rest[close.upperBound...]
                } else {
                    guard let open = rest.range(of: "<!--") else { break }
                    inside = true
                    touched = true
                    rest = rest[open.upperBound...]
                }
            }
            if touched || inside { result.insert(index + 1) }
        }
        return result
    }
}
