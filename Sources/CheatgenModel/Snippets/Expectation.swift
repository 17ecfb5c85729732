/// An `output` or `error` block written under a snippet.
package struct Expectation: Hashable, Sendable {
    package var text: String
    /// The fence line of the block.
    package var location: SourceLocation
    /// The closing fence line.
    package var endLine: Int = 0

    /// The memberwise initializer, for the layers above (Swift's own is internal).
    package init(text: String, location: SourceLocation, endLine: Int = 0) {
        self.text = text
        self.location = location
        self.endLine = endLine
    }

    package var lines: [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
