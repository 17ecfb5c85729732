import CheatgenModel

/// What Jekyll's Liquid pass would leave of a sheet, as far as a static cheatsheet needs:
/// `{% raw %}` … `{% endraw %}` keep their text verbatim and disappear, `{% comment %}` blocks
/// disappear with their text, and any other tag outside code is removed with a warning naming
/// it (its output — an include of a file elsewhere, a loop over site data — cannot be known).
/// `{{ … }}` is left as written: in cheatsheets it is almost always literal text. Every line
/// keeps its number, so diagnostics still point at the file.
enum LiquidTags {
    struct Result {
        var text: String
        var diagnostics: [Diagnostic]
    }

    /// Cheap test for whether `text` has anything for `process` to do.
    static func mayContainTags(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.indices.dropLast().contains { bytes[$0] == UInt8(ascii: "{") && bytes[$0 + 1] == UInt8(ascii: "%") }
        } ?? text.contains("{%")
    }

    /// `codeLines`: lines inside code blocks, where tags other than raw and comment are kept.
    static func process(_ text: String, path: String, codeLines: Set<Int>) -> Result {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var diagnostics: [Diagnostic] = []
        var state = State.text
        var line = 1
        var column = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{%") {
            let before = rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "%}") else { break }
            let tagSource = rest[open.lowerBound..<close.upperBound]
            let inner = rest[open.upperBound..<close.lowerBound]
            let tag = Tag(inner)
            // Where the tag starts, for its diagnostic and the code-line test.
            let (tagLine, tagColumn) = advance(line: line, column: column, over: before)
            let newlines = String(repeating: "\n", count: tagSource.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
            var keep = false
            switch state {
            case .raw:
                if tag.name == "endraw" { state = .text } else { keep = true }
                output += before
            case .comment:
                if tag.name == "endcomment" { state = .text }
                // A comment's text disappears; its lines stay.
                output += String(repeating: "\n", count: before.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
            case .text:
                output += tag.trimsBefore ? String(before.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) : String(before)
                switch tag.name {
                case "raw": state = .raw
                case "comment": state = .comment
                default:
                    if codeLines.contains(tagLine) {
                        keep = true
                    } else {
                        diagnostics.append(.warning(.liquidTag, "Liquid tag '\(tag.summary)' is not supported; it was removed from the page", at: SourceLocation(path: path, line: tagLine, column: tagColumn)))
                    }
                }
            }
            output += keep ? String(tagSource) : newlines
            (line, column) = advance(line: line, column: column, over: rest[..<close.upperBound])
            rest = rest[close.upperBound...]
            if !keep, tag.trimsAfter, state != .raw {
                let blanks = rest.prefix { $0 == " " || $0 == "\t" }
                (line, column) = advance(line: line, column: column, over: blanks)
                rest = rest.dropFirst(blanks.count)
            }
        }
        output += state == .comment ? String(repeating: "\n", count: rest.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }) : String(rest)
        return Result(text: output, diagnostics: diagnostics)
    }

    private enum State { case text, raw, comment }

    private static func advance(line: Int, column: Int, over text: Substring) -> (Int, Int) {
        var line = line
        var column = column
        for byte in text.utf8 {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// `{%- include file.md title="x" -%}`: its name and whitespace control.
    private struct Tag {
        var name: String
        var summary: String
        var trimsBefore: Bool
        var trimsAfter: Bool

        init(_ inner: Substring) {
            var body = inner
            trimsBefore = body.first == "-"
            if trimsBefore { body = body.dropFirst() }
            trimsAfter = body.last == "-"
            if trimsAfter { body = body.dropLast() }
            let words = body.split(whereSeparator: \.isWhitespace)
            name = words.first.map(String.init) ?? ""
            let shown = words.prefix(2).joined(separator: " ")
            summary = "{% " + shown + (words.count > 2 ? " …" : "") + " %}"
        }
    }
}
