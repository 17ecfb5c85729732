/// A verified code block: its code, attributes, and what it must print or fail with.
public struct Snippet: Hashable, Sendable {
    public var sheetID: String
    public var path: String
    /// Position among the sheet's snippets, 0-based.
    public var index: Int
    /// The card it belongs to (`nil` in the intro or a section preamble).
    public var cardAnchor: String?
    public var cardTitle: String
    public var sectionAnchor: String?
    public var language: String
    public var attributes: SnippetAttributes
    /// The code exactly as written between the fences, hidden lines included.
    public var code: String
    /// The opening fence.
    public var location: SourceLocation
    /// The file line of the first line of code.
    public var firstCodeLine: Int
    /// The closing fence line (where `bless` inserts an output block).
    public var endLine: Int = 0
    /// Whether the closing fence exists.
    public var isClosed: Bool = true
    public var expectedOutput: Expectation?
    public var expectedErrors: Expectation?

    /// A readable unique name: `sheet/card` (with `#2`… when a card has several snippets).
    public var name: String
    /// A name usable as a Swift module and a target: letters, digits and `_` only, unique in the site.
    public var symbolName: String

    /// The code a reader sees: lines between `// snippet.hide` and `// snippet.show` removed.
    public var visibleCode: String { HiddenLines.visible(code) }
}
