/// A GitHub pipe table: a header row, the alignment of each column, and body rows that have
/// exactly as many cells as the header (missing cells are empty, extra ones dropped, as in GFM).
public struct Table: Hashable, Sendable {
    public enum Alignment: String, Hashable, Sendable {
        case none, left, center, right
    }

    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    /// The header row's line.
    public var location: SourceLocation
}
