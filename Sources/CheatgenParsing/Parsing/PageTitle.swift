import CheatgenModel

/// The title and description of a page without front matter, as DocC and GitHub read one: its
/// first `#` heading is the title (not a section), and a paragraph right under it the
/// description (DocC's abstract), shown under the title. Comments before the heading do not
/// count; any other block before it stays where it is.
enum PageTitle {
    struct Found {
        var title: [Inline]
        var location: SourceLocation
        var abstract: Block?
    }

    /// Takes the title heading (and the abstract under it) out of `blocks`; nil when the page
    /// has no `#` heading before its first other heading.
    static func take(from blocks: inout [Block]) -> Found? {
        guard let index = blocks.firstIndex(where: { if case .heading = $0 { true } else { false } }),
              case .heading(level: 1, let title, let location) = blocks[index] else { return nil }
        blocks.remove(at: index)
        var abstract: Block?
        // Comments between the title and the abstract (DocC allows them) are skipped over.
        var next = index
        while next < blocks.count, case .comment = blocks[next] { next += 1 }
        if next < blocks.count, case .paragraph = blocks[next] {
            abstract = blocks.remove(at: next)
        }
        return Found(title: title, location: location, abstract: abstract)
    }

    /// The front matter a page would have written: title, description, and the abstract as
    /// the lead text under the title. A page reads as a guide.
    static func frontMatter(_ found: Found) -> FrontMatter {
        var frontMatter = FrontMatter(title: found.title.plainText)
        frontMatter.isPage = true
        frontMatter.kind = .guide
        if let abstract = found.abstract {
            frontMatter.intro = [abstract]
            let text = [abstract].plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !text.isEmpty { frontMatter.description = text }
        }
        return frontMatter
    }
}
