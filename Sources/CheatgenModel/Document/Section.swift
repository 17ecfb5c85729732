/// A `##` section: a titled group of cards.
/// Cards before the first `##` form an untitled section: its title is empty and it has no
/// heading or anchor of its own on the page.
package struct Section: Hashable, Sendable {
    package var title: [Inline]
    package var anchor: String
    package var location: SourceLocation
    /// Content between the section heading and its first card.
    package var items: [ContentItem]
    package var cards: [Card]
    /// From a kramdown attribute list under the heading (`{: .-three-column}`).
    package var attributes = BlockAttributes()
    /// The `####` (and deeper) headings of a page in the section's preamble, with their anchors.
    package var subheadings: [Subheading] = []

    package init(title: [Inline], anchor: String, location: SourceLocation, items: [ContentItem], cards: [Card],
                 attributes: BlockAttributes = BlockAttributes()) {
        self.title = title
        self.anchor = anchor
        self.location = location
        self.items = items
        self.cards = cards
        self.attributes = attributes
    }

    package var isUntitled: Bool { title.isEmpty }
}

/// A `####` (or deeper) heading of a page, which `<doc:Page#Heading>` links can name: its
/// title and the anchor it has on the page.
package struct Subheading: Hashable, Sendable {
    package var title: String
    package var anchor: String

    package init(title: String, anchor: String) {
        self.title = title
        self.anchor = anchor
    }
}
