/// An `output` or `error` block written under a snippet — or an output written in the
/// snippet's own code as `// Prints "…"` comments (`PrintsComments`).
package struct Expectation: Hashable, Sendable {
    package var text: String
    /// The fence line of the block (for `Prints` comments, the line of the first one).
    package var location: SourceLocation
    /// The closing fence line.
    package var endLine: Int = 0
    /// For an output read from `Prints` comments: the Markdown line that says each expected
    /// line, so a mismatch is reported at the comment that differs. Nil for a block.
    package var sourceLines: [Int]? = nil

    /// The memberwise initializer, for the layers above (Swift's own is internal).
    package init(text: String, location: SourceLocation, endLine: Int = 0, sourceLines: [Int]? = nil) {
        self.text = text
        self.location = location
        self.endLine = endLine
        self.sourceLines = sourceLines
    }

    /// Whether it was written in the code as `Prints` comments rather than as a block.
    package var isFromComments: Bool { sourceLines != nil }

    package var lines: [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
