import CheatgenModel

/// GitHub's inline extensions, applied to the inlines cmark core made of a paragraph, heading
/// or table cell: footnote references, extended autolinks and strikethrough. Autolinks and
/// footnote references are not looked for inside links (a link cannot hold a link).
struct GFMInlines {
    /// The keys of the footnotes the sheet defines: only those `[^label]`s become references.
    var footnotes: Set<String>
    /// Where the inlines are, for the autolinks' locations.
    var location: SourceLocation

    func apply(_ inlines: [Inline]) -> [Inline] {
        level(inlines, before: nil, after: nil, inLink: false)
    }

    /// One level of inlines; `before` and `after` are the characters around it in the source
    /// (nil: the paragraph's start or end).
    private func level(_ inlines: [Inline], before: Unicode.Scalar?, after: Unicode.Scalar?, inLink: Bool) -> [Inline] {
        let children = inlines.map { inline -> Inline in
            switch inline {
            case .emphasis(let children): return .emphasis(level(children, before: "*", after: "*", inLink: inLink))
            case .strong(let children): return .strong(level(children, before: "*", after: "*", inLink: inLink))
            case .link(var link):
                link.children = level(link.children, before: "[", after: "]", inLink: true)
                return .link(link)
            case .image(let source, let title, let alt):
                return .image(source: source, title: title, alt: level(alt, before: "[", after: "]", inLink: true))
            default: return inline
            }
        }
        var items: [Strikethrough.Item] = []
        for inline in Self.merged(children) {
            guard !inLink, case .text(let text) = inline else {
                items.append(Self.item(inline))
                continue
            }
            for piece in Footnotes.references(in: text, defined: footnotes) {
                guard case .text(let text) = piece else {
                    items.append(Self.item(piece))
                    continue
                }
                for part in Autolinks.urls(in: text, before: items.last?.last ?? before) {
                    switch part {
                    case .text(let text):
                        items.append(Self.item(.text(text)))
                    case .link(let destination, let text):
                        let link = Inline.link(.init(destination: destination, title: "", children: [.text(text)], location: location))
                        items.append(.init(link, first: text.unicodeScalars.first, last: text.unicodeScalars.last))
                    }
                }
            }
        }
        let struck = Strikethrough.apply(items, before: before, after: after)
        return inLink ? struck : Self.merged(emails(in: struck))
    }

    /// E-mail autolinks, found last as cmark-gfm does, in the text of this level and of the
    /// strikethroughs made on it.
    private func emails(in inlines: [Inline]) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            switch inline {
            case .text(let text):
                return Autolinks.emails(in: text).map { piece in
                    switch piece {
                    case .text(let text): .text(text)
                    case .link(let destination, let text):
                        .link(.init(destination: destination, title: "", children: [.text(text)], location: location))
                    }
                }
            case .strikethrough(let children): return [.strikethrough(emails(in: children))]
            default: return [inline]
            }
        }
    }

    /// An inline with the characters its markup shows at its edges.
    private static func item(_ inline: Inline) -> Strikethrough.Item {
        switch inline {
        case .text(let text): .init(inline, first: text.unicodeScalars.first, last: text.unicodeScalars.last)
        case .code: .init(inline, first: "`", last: "`")
        case .emphasis, .strong: .init(inline, first: "*", last: "*")
        case .strikethrough: .init(inline, first: "~", last: "~")
        case .link: .init(inline, first: "[", last: ")")
        case .image: .init(inline, first: "!", last: ")")
        case .footnoteReference: .init(inline, first: "[", last: "]")
        case .html: .init(inline, first: "<", last: ">")
        case .softBreak, .lineBreak: .init(inline, first: "\n", last: "\n")
        }
    }

    /// Adjacent text joined, empty text dropped.
    static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline {
                if text.isEmpty { continue }
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                    continue
                }
            }
            result.append(inline)
        }
        return result
    }
}
