/// A top-level declaration in a snippet's code.
package struct Declaration: Hashable, Sendable {
    /// Its first line's offset within the snippet's code (0-based).
    package var lineOffset: Int
    /// Its text, one or more lines.
    package var text: String

    package init(lineOffset: Int, text: String) {
        self.lineOffset = lineOffset
        self.text = text
    }
}
