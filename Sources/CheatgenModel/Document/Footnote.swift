/// A GFM footnote definition (`[^label]: text`, with indented lines under it): what a
/// `[^label]` reference in the sheet's prose points at. A page shows each card's notes at the
/// end of that card, numbered in the order the card first refers to them.
package struct Footnote: Hashable, Sendable {
    /// The label as written (`Note`); references match it ignoring case.
    package var label: String
    package var blocks: [Block]
    /// The definition's first line.
    package var location: SourceLocation

    package init(label: String, blocks: [Block], location: SourceLocation) {
        self.label = label
        self.blocks = blocks
        self.location = location
    }

    /// The key references and definitions are matched by (GFM matches labels as link labels:
    /// case-insensitively).
    package static func key(_ label: some StringProtocol) -> String {
        label.lowercased()
    }

    package var key: String { Self.key(label) }
}
