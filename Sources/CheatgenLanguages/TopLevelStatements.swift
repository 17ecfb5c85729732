import CheatgenVerification

/// The top-level statements of a script language's snippet, found by layout: a statement starts
/// on a line at column 0 and runs over the lines that continue it (indented, blank, or opening
/// with a closer such as `}`). What `uses=` takes from Python and JavaScript snippets.
enum TopLevelStatements {
    /// The statements whose first line `isDeclaration` accepts. `continues` says whether a line
    /// belongs to the statement above it; `trimmingBlankLines` leaves a statement's trailing
    /// blank lines out of its text; the lines in `continuing` (by index) belong to the statement
    /// above whatever they look like (inside a string or brackets left open).
    static func declarations(in code: String, continues: (String) -> Bool, isDeclaration: (String) -> Bool,
                             trimmingBlankLines: Bool, continuing: Set<Int> = []) -> [Declaration] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [Declaration] = []
        var index = 0
        while index < lines.count {
            var end = index + 1
            while end < lines.count, continuing.contains(end) || continues(lines[end]) { end += 1 }
            var last = end
            if trimmingBlankLines {
                while last > index + 1, lines[last - 1].allSatisfy(\.isWhitespace) { last -= 1 }
            }
            if isDeclaration(lines[index]) {
                result.append(Declaration(lineOffset: index, text: lines[index..<last].joined(separator: "\n")))
            }
            index = end
        }
        return result
    }
}
