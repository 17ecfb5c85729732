/// A `##` section: a titled group of cards.
/// Cards before the first `##` form an untitled section: its title is empty and it has no
/// heading or anchor of its own on the page.
public struct Section: Hashable, Sendable {
    public var title: [Inline]
    public var anchor: String
    public var location: SourceLocation
    /// Content between the section heading and its first card.
    public var items: [ContentItem]
    public var cards: [Card]
    /// From a kramdown attribute list under the heading (`{: .-three-column}`).
    public var attributes = BlockAttributes()

    public var isUntitled: Bool { title.isEmpty }
}
