/// An `output` or `error` block written under a snippet.
public struct Expectation: Hashable, Sendable {
    public var text: String
    /// The fence line of the block.
    public var location: SourceLocation
    /// The closing fence line.
    public var endLine: Int = 0

    public var lines: [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
