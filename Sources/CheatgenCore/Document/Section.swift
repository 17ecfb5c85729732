/// A `##` section: a titled group of cards.
public struct Section: Hashable, Sendable {
    public var title: [Inline]
    public var anchor: String
    public var location: SourceLocation
    /// Content between the section heading and its first card.
    public var items: [ContentItem]
    public var cards: [Card]
}
