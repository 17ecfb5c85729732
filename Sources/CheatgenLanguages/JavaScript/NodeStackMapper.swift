import CheatgenModel

/// Reads Node's error reports about a snippet's script: where it failed and what it was.
///
/// ```
/// file:///tmp/…/x.mjs:4          ← where (a path for a SyntaxError from --check)
///   throw new Error("boom");
///         ^
///
/// Error: boom                    ← what
///     at f (file:///tmp/…/x.mjs:4:9)
/// ```
struct NodeStackMapper {
    let file: String
    let markdownPath: String
    let lineMap: [Int]

    /// A line past the end (`Unexpected end of input`) is the snippet's last, its closing fence.
    private func markdownLine(_ line: Int) -> Int? {
        guard line >= 1, let last = lineMap.last else { return nil }
        return line <= lineMap.count ? lineMap[line - 1] : last
    }

    /// Every `file:///…/x.mjs:N` and `/…/x.mjs:N` becomes `content/x.md:M` (columns kept: the
    /// script's lines are the snippet's lines as written).
    func rewrite(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: file + ":") {
            var prefixEnd = range.lowerBound
            let before = rest[..<range.lowerBound]
            if before.hasSuffix("file://") { prefixEnd = rest.index(range.lowerBound, offsetBy: -"file://".count) }
            let digits = rest[range.upperBound...].prefix { $0.isNumber }
            if let number = Int(digits), let mapped = markdownLine(number) {
                result += rest[..<prefixEnd] + "\(markdownPath):\(mapped)"
                rest = rest[digits.endIndex...]
            } else {
                result += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
            }
        }
        return result + rest
    }

    /// The innermost frame in the script (`at … (file:///…/x.mjs:4:9)`), else the place the
    /// report starts with (a syntax error's line), in the Markdown.
    func location(in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n")
        let frames = lines.filter { $0.trimmedSlice(of: " \t").hasPrefix("at ") }
        for line in frames + lines.prefix(1) {
            guard let range = line.range(of: file + ":") else { continue }
            let rest = line[range.upperBound...]
            let digits = rest.prefix { $0.isNumber }
            guard let number = Int(digits), let mapped = markdownLine(number) else { continue }
            let afterLine = rest[digits.endIndex...]
            let column = afterLine.first == ":" ? Int(afterLine.dropFirst().prefix { $0.isNumber }) : nil
            return SourceLocation(path: markdownPath, line: mapped, column: column ?? 1)
        }
        return nil
    }

    /// What was thrown: the first line after the excerpt of source that Node quotes above
    /// it (which ends with a line of `^`) — `Error: boom`, `SyntaxError: Unexpected token ';'` —
    /// never the line that only says where.
    func summary(of text: String) -> String {
        func meaningful(_ text: Substring) -> [Substring] {
            text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("file://") && !$0.hasPrefix(file) }
        }
        let lines = meaningful(text[...])
        let caret = lines.firstIndex { line in line.contains("^") && line.allSatisfy { $0 == "^" || $0 == " " || $0 == "\t" } }
        let candidates = caret.map { lines[($0 + 1)...] } ?? meaningful(Self.afterQuotedSource(text))[...]
        let what = candidates.first { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") && !$0.hasPrefix("Node.js v") } ?? lines.first
        return what.map { $0.trimmed() } ?? "an error with no message"
    }

    /// Past the source Node quotes without a caret (the text `JSON.parse` was given, under
    /// `<anonymous_script>:1`): from its first line, which says where, to the blank line after it.
    private static func afterQuotedSource(_ text: String) -> Substring {
        guard let first = text.split(separator: "\n").first, let colon = first.lastIndex(of: ":"),
              case let number = first[first.index(after: colon)...], !number.isEmpty, number.allSatisfy(\.isNumber),
              let blank = text.range(of: "\n\n") else { return text[...] }
        return text[blank.upperBound...]
    }
}
