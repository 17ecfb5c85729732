/// Inline Markdown content, copied out of cmark's tree.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(Link)
    case image(source: String, title: String, alt: [Inline])
    case softBreak
    case lineBreak
    /// Raw inline HTML from the source. Kept so it can be reported or shown escaped; never emitted as markup.
    case html(String)

    /// A link with where it was written, so a broken cross-link can be reported at its place.
    public struct Link: Hashable, Sendable {
        public var destination: String
        public var title: String
        public var children: [Inline]
        public var location: SourceLocation
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup: used for titles, anchors and the search index.
    public var plainText: String {
        map { inline in
            switch inline {
            case .text(let s), .code(let s): s
            case .emphasis(let c), .strong(let c): c.plainText
            case .link(let link): link.children.plainText
            case .image(_, _, let alt): alt.plainText
            case .softBreak, .lineBreak: " "
            case .html: ""
            }
        }.joined()
    }
}
