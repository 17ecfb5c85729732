/// A `###` card: the unit a reader scans, with prose and snippets.
public struct Card: Hashable, Sendable {
    public var title: [Inline]
    public var anchor: String
    public var location: SourceLocation
    public var items: [ContentItem]
    /// From a kramdown attribute list under the heading (`{: .-prime}`).
    public var attributes = BlockAttributes()

    public var snippets: [Snippet] {
        items.compactMap { if case .snippet(let s) = $0 { s } else { nil } }
    }
}
