/// Inline Markdown content, copied out of cmark's tree.
///
/// Only the cases with large payloads are boxed (`indirect`): the rest fit in the enum itself,
/// so a title of plain words is one small array, not an array and a box per piece (a build keeps
/// the title of every card and section of every sheet).
package enum Inline: Hashable, Sendable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    /// GFM's `~~struck~~` (or `~struck~`), rendered as `<del>`.
    case strikethrough([Inline])
    /// A GFM footnote reference (`[^label]`) to a definition the sheet has; the label is
    /// normalised (lowercased). A reference without a definition stays text, as in GFM.
    case footnoteReference(String)
    indirect case link(Link)
    indirect case image(source: String, title: String, alt: [Inline])
    case softBreak
    case lineBreak
    /// Raw inline HTML from the source. Kept so it can be reported or shown escaped; never emitted as markup.
    case html(String)

    /// A link with where it was written, so a broken cross-link can be reported at its place.
    package struct Link: Hashable, Sendable {
        package var destination: String
        package var title: String
        package var children: [Inline]
        package var location: SourceLocation

        /// The memberwise initializer, for the layers above (Swift's own is internal).
        package init(destination: String, title: String, children: [Inline], location: SourceLocation) {
            self.destination = destination
            self.title = title
            self.children = children
            self.location = location
        }
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup: used for titles, anchors and the search index.
    package var plainText: String {
        // A title of plain words is kept as its own string, not copied: every snippet keeps
        // its card's title as text, ten thousand sheets' worth in a build.
        if count == 1, case .text(let text) = self[0] { return text }
        return map { inline in
            switch inline {
            case .text(let s), .code(let s): s
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.plainText
            case .link(let link): link.children.plainText
            case .image(_, _, let alt): alt.plainText
            case .softBreak, .lineBreak: " "
            case .html, .footnoteReference: ""
            }
        }.joined()
    }
}
