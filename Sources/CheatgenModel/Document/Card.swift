/// A `###` card: the unit a reader scans, with prose and snippets.
package struct Card: Hashable, Sendable {
    package var title: [Inline]
    package var anchor: String
    package var location: SourceLocation
    package var items: [ContentItem]

    /// The memberwise initializer, for the layers above (Swift's own is internal).
    package init(title: [Inline], anchor: String, location: SourceLocation, items: [ContentItem]) {
        self.title = title
        self.anchor = anchor
        self.location = location
        self.items = items
    }
    /// From a kramdown attribute list under the heading (`{: .-prime}`).
    package var attributes = BlockAttributes()
    /// The `####` (and deeper) headings of a page in the card, with their anchors.
    package var subheadings: [Subheading] = []

    package var snippets: [Snippet] {
        items.compactMap { if case .snippet(let s) = $0 { s } else { nil } }
    }
}
