import CheatgenModel

/// GFM footnotes on top of cmark core, which has none: definitions are found in the source
/// lines before cmark reads them (and blanked there, so that cmark does not take
/// `[^label]: url` for a link reference definition), references in the text cmark leaves.
///
/// A definition starts a line (up to three spaces in, outside code and HTML blocks, not inside
/// a list or quote) with `[^label]:`; the label has no spaces or `]`. It holds the rest of that
/// line and every following line indented by four spaces (a blank line between them does not
/// end it), plus unindented lines that continue its paragraph. Its content is Markdown of its
/// own: paragraphs, code, quotes, lists.
enum Footnotes {
    /// A definition as found in the source.
    struct Definition: Equatable {
        var label: String
        /// The line of `[^label]:` and the definition's last line (1-based, inclusive).
        var firstLine: Int
        var lastLine: Int
        /// The column (1-based) where the content of the first line starts.
        var column: Int
        /// The definition's Markdown, one entry per source line from `firstLine`, with the
        /// label and the indentation taken off.
        var content: [Substring]
    }

    /// The definitions among `lines`; `isCode(line)` tells a line that is in a code or HTML block.
    static func definitions(in lines: [Substring], isCode: (Int) -> Bool) -> [Definition] {
        var found: [Definition] = []
        var index = 0
        while index < lines.count {
            guard !isCode(index + 1), let (label, contentStart) = start(of: lines[index]) else {
                index += 1
                continue
            }
            let first = lines[index][contentStart...]
            var content = [first]
            var inParagraph = !first.allSatisfy(isBlank) && !startsBlock(first)
            var last = index
            var next = index + 1
            while next < lines.count {
                let line = lines[next]
                if line.allSatisfy(isBlank) {
                    inParagraph = false
                    next += 1
                    continue
                }
                if let rest = dropping(columns: 4, from: line) {
                    content += Array(repeating: Substring(""), count: next - last - 1) + [rest]
                    inParagraph = !startsBlock(rest) && indentation(of: rest) < 4
                } else if inParagraph && next == last + 1 && !startsBlock(line) {
                    content.append(line)
                } else {
                    break
                }
                last = next
                next += 1
            }
            let column = lines[index].utf8.distance(from: lines[index].startIndex, to: contentStart) + 1
            found.append(Definition(label: label, firstLine: index + 1, lastLine: last + 1, column: column, content: content))
            index = last + 1
        }
        return found
    }

    /// The label of a definition line and where its content starts.
    static func start(of line: Substring) -> (label: String, content: Substring.Index)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard rest.hasPrefix("[^") else { return nil }
        let label = rest.dropFirst(2).prefix { $0 != "]" && $0 != " " && $0 != "\t" && $0 != "\r" && $0 != "\n" }
        guard !label.isEmpty else { return nil }
        let after = rest[label.endIndex...]
        guard after.hasPrefix("]:") else { return nil }
        let content = after.dropFirst(2).drop(while: isBlank)
        return (String(label), content.startIndex)
    }

    /// The text with every `[^label]` of a defined footnote (`defined` holds their keys) made a
    /// reference; any other `[^…]` stays text, as in GFM.
    static func references(in text: String, defined: Set<String>) -> [Inline] {
        guard !defined.isEmpty, text.containsBytes("[^") else { return [.text(text)] }
        var result: [Inline] = []
        var rest = Substring(text)
        var plain = ""
        while let open = rest.range(of: "[^") {
            let label = rest[open.upperBound...].prefix { $0 != "]" && $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "[" }
            let key = Footnote.key(label)
            guard !label.isEmpty, label.endIndex < rest.endIndex, rest[label.endIndex] == "]", defined.contains(key) else {
                plain += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            plain += rest[..<open.lowerBound]
            if !plain.isEmpty { result.append(.text(plain)) }
            plain = ""
            result.append(.footnoteReference(key))
            rest = rest[rest.index(after: label.endIndex)...]
        }
        plain += rest
        if !plain.isEmpty { result.append(.text(plain)) }
        return result
    }

    // MARK: Lines

    private static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// Columns of leading blanks (a tab reaches the next multiple of four).
    private static func indentation(of line: Substring) -> Int {
        var columns = 0
        for character in line {
            if character == " " { columns += 1 } else if character == "\t" { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    /// The line without its first `columns` columns of indentation; nil when it has fewer.
    private static func dropping(columns: Int, from line: Substring) -> Substring? {
        var taken = 0
        var index = line.startIndex
        while taken < columns, index < line.endIndex {
            let character = line[index]
            if character == " " { taken += 1 } else if character == "\t" { taken += 4 - taken % 4 } else { break }
            index = line.index(after: index)
        }
        guard taken >= columns else { return nil }
        // A tab that reached past the columns leaves the rest of its width as spaces.
        return taken > columns ? Substring(String(repeating: " ", count: taken - columns)) + line[index...] : line[index...]
    }

    /// Whether a line (read at its own indentation) starts a block that ends a paragraph:
    /// a heading, quote, fence, list item, thematic break, HTML, or another definition.
    private static func startsBlock(_ line: Substring) -> Bool {
        guard indentation(of: line) < 4 else { return false }
        let text = line.drop(while: isBlank)
        guard let first = text.first else { return false }
        if start(of: text) != nil { return true }
        switch first {
        case "#":
            let hashes = text.prefix { $0 == "#" }.count
            return hashes <= 6 && (text.count == hashes || isBlank(text[text.index(text.startIndex, offsetBy: hashes)]))
        case ">", "<": return true
        case "`", "~": return text.prefix { $0 == first }.count >= 3
        case "-", "*", "+", "_":
            let marks = text.filter { !isBlank($0) }
            if marks.count >= 3, marks.allSatisfy({ $0 == first }) { return true }
            return first != "_" && text.count > 1 && isBlank(text[text.index(after: text.startIndex)])
        case "1":
            let rest = text.dropFirst()
            return (rest.hasPrefix(". ") || rest.hasPrefix(") "))
        default: return false
        }
    }
}
