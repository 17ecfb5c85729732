/// A top-level declaration in a snippet's code.
struct Declaration: Hashable, Sendable {
    /// Its first line's offset within the snippet's code (0-based).
    var lineOffset: Int
    /// Its text, one or more lines.
    var text: String

    init(lineOffset: Int, text: String) {
        self.lineOffset = lineOffset
        self.text = text
    }
}
