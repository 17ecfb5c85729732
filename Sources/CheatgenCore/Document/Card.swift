/// A `###` card: the unit a reader scans, with prose and snippets.
public struct Card: Hashable, Sendable {
    public var title: [Inline]
    public var anchor: String
    public var location: SourceLocation
    public var items: [ContentItem]

    public var snippets: [Snippet] {
        items.compactMap { if case .snippet(let s) = $0 { s } else { nil } }
    }
}
