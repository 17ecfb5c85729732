/// A GitHub pipe table: a header row, the alignment of each column, and body rows that have
/// exactly as many cells as the header (missing cells are empty, extra ones dropped, as in GFM).
package struct Table: Hashable, Sendable {
    package enum Alignment: String, Hashable, Sendable {
        case none, left, center, right
    }

    package var alignments: [Alignment]
    package var header: [[Inline]]
    package var rows: [[[Inline]]]
    /// The header row's line.
    package var location: SourceLocation

    /// The memberwise initializer, for the layers above (Swift's own is internal).
    package init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]], location: SourceLocation) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.location = location
    }
}
