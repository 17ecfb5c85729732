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

extension Array where Element == Block {
    /// The keys of every footnote these blocks refer to, in order, repeats included.
    package var footnoteReferences: [String] {
        var keys: [String] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .footnoteReference(let key): keys.append(key)
                case .emphasis(let children), .strong(let children), .strikethrough(let children): visit(children)
                case .link(let link): visit(link.children)
                case .image(_, _, let alt): visit(alt)
                default: break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.unattributed {
                case .paragraph(let inlines, _), .heading(_, let inlines, _): visit(inlines)
                case .blockQuote(let children, _): visit(children)
                case .list(let list): list.items.forEach(visit)
                case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach(visit)
                default: break
                }
            }
        }
        visit(self)
        return keys
    }
}

extension Sheet {
    /// The words of the notes `items` refer to, for the search index: a card is found by its
    /// notes too, as they are shown with it.
    package func footnoteText(of items: [ContentItem]) -> String {
        let blocks = items.compactMap { item -> Block? in if case .block(let block) = item { block } else { nil } }
        var seen: Set<String> = []
        let keys = blocks.footnoteReferences.filter { seen.insert($0).inserted }
        return keys.compactMap { key in footnotes.first { $0.key == key }?.blocks.plainText }.joined(separator: " ")
    }
}
