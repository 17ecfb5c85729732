import CheatgenModel

/// The Swift book's own tests, as its pages keep them in HTML comments:
///
///     <!--
///       - test: `name, otherName`
///
///       ```swifttest
///       -> let shown = 1
///       >> print(shown)
///       << 1
///       ```
///     -->
///
/// Each ```` ```swifttest ```` block belongs to the tests its `- test:` line names (the older
/// `.. testcode:: name` form too; a block with neither is a test of its own, named by its
/// line). A line at the block's indentation starts with a marker; a line indented further, or
/// one without a marker, continues the code above it.
package enum SwiftTestComments {
    /// One ```` ```swifttest ```` block of a comment.
    package struct TestBlock: Hashable, Sendable {
        package var names: [String]
        /// The block's opening fence.
        package var location: SourceLocation
        package var lines: [BookTestScript.Line]
    }

    /// The blocks of the HTML block `html`, which starts at `location`.
    package static func blocks(in html: String, at location: SourceLocation) -> [TestBlock] {
        guard html.contains("swifttest") else { return [] }
        let rows = html.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [TestBlock] = []
        var names: [String] = []
        var index = 0
        while index < rows.count {
            let row = rows[index]
            let trimmed = row.trimmingLeadingSpaces
            if let named = testNames(trimmed) {
                names = named
            } else if trimmed.hasPrefix("```swifttest") {
                let fence = location.line + index
                var lines: [BookTestScript.Line] = []
                index += 1
                // Markers stand at the indentation of the block's first line (a space deeper
                // than the fence, in places); code continued under them is indented further.
                let first = rows[index...].first { !$0.allSatisfy { $0 == " " || $0 == "\t" } } ?? row
                let indentation = max(row.count - trimmed.count, first.count - first.trimmingLeadingSpaces.count)
                while index < rows.count, !rows[index].trimmingLeadingSpaces.hasPrefix("```") {
                    if let line = line(rows[index], indentation: indentation, at: location.line + index, after: lines.last) {
                        lines.append(line)
                    }
                    index += 1
                }
                let own = names.isEmpty ? ["line \(fence)"] : names
                result.append(TestBlock(names: own, location: SourceLocation(path: location.path, line: fence, column: indentation + 1), lines: lines))
                names = []
            }
            index += 1
        }
        return result
    }

    /// The blocks of the HTML comments inside a list or a quote (the book indents some tests
    /// with the listing they check, in a list item).
    package static func blocks(nestedIn block: Block) -> [TestBlock] {
        switch block.unattributed {
        case .html(let html, let location), .comment(let html, let location): blocks(in: html, at: location)
        case .blockQuote(let children, _): children.flatMap { blocks(nestedIn: $0) }
        case .list(let list): list.items.flatMap { $0.flatMap { blocks(nestedIn: $0) } }
        default: []
        }
    }

    /// `- test: \`a, b\`` or `.. testcode:: a` → the names.
    static func testNames(_ text: String) -> [String]? {
        let body: Substring
        if text.hasPrefix("- test:") {
            body = text.dropFirst("- test:".count)
        } else if text.hasPrefix(".. testcode::") {
            body = text.dropFirst(".. testcode::".count)
        } else {
            return nil
        }
        let names = body.filter { $0 != "`" }.split(separator: ",").map { String($0.trimmedSlice(of: " \t")) }.filter { !$0.isEmpty }
        return names.isEmpty ? nil : names
    }

    /// A row of a block: a marker and its text, or code that continues the line above.
    private static func line(_ row: String, indentation: Int, at number: Int, after previous: BookTestScript.Line?) -> BookTestScript.Line? {
        let trimmed = row.trimmingLeadingSpaces
        let indent = row.count - trimmed.count
        if trimmed.isEmpty {
            // A blank line inside code is kept as code; elsewhere it says nothing.
            guard let previous, previous.marker == .shown || previous.marker == .hidden else { return nil }
            return BookTestScript.Line(line: number, marker: previous.marker, text: "")
        }
        if indent <= indentation, let marker = marker(of: trimmed) {
            let text = trimmed.dropFirst(2)
            // `!!-` separates a diagnostic's excerpt from the next; it carries nothing.
            if marker == .diagnosticSource, text.hasPrefix("-"), text.dropFirst().allSatisfy(\.isWhitespace) { return nil }
            return BookTestScript.Line(line: number, marker: marker, text: String(text.hasPrefix(" ") ? text.dropFirst() : text))
        }
        // Code continued on an indented line (or a line without a marker): kept with its
        // indentation past the block's, as the book shows it.
        let code = String(row.dropFirst(min(indent, indentation + 3)))
        let marker: BookTestScript.Marker = previous?.marker == .hidden ? .hidden : .shown
        return BookTestScript.Line(line: number, marker: marker, text: code)
    }

    private static func marker(of text: String) -> BookTestScript.Marker? {
        guard text.count >= 2 else { return nil }
        let head = String(text.prefix(2))
        guard let marker = BookTestScript.Marker(rawValue: head) else { return nil }
        let rest = text.dropFirst(2)
        // A marker stands alone or is followed by a space (`!!-` is the diagnostic separator).
        guard rest.isEmpty || rest.first == " " || (marker == .diagnosticSource && rest.first == "-") else { return nil }
        return marker
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
