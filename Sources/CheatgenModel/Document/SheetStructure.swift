/// What a whole sheet and its outline both have: an id, a file, front matter, and sections of
/// cards in which the snippets sit.
package protocol SheetStructure: Sendable {
    /// The file name without `.md`; the page's name and the target of cross-links.
    var id: String { get }
    /// The path as given on the command line, used in diagnostics.
    var path: String { get }
    var frontMatter: FrontMatter { get }
    var intro: [ContentItem] { get }
    var sections: [Section] { get }
    /// The Swift book's own tests, after the snippets shown on the page.
    var bookTests: [Snippet] { get }
}

extension SheetStructure {
    /// Every snippet of the sheet in document order.
    package var snippets: [Snippet] {
        var all: [Snippet] = []
        for item in intro { if case .snippet(let s) = item { all.append(s) } }
        for section in sections {
            for item in section.items { if case .snippet(let s) = item { all.append(s) } }
            for card in section.cards { all.append(contentsOf: card.snippets) }
        }
        return all + bookTests
    }

    /// Every anchor on the page (sections and cards).
    package var anchors: Set<String> {
        var result: Set<String> = []
        for section in sections {
            if !section.isUntitled { result.insert(section.anchor) }
            for card in section.cards { result.insert(card.anchor) }
            for sub in section.subheadings + section.cards.flatMap(\.subheadings) { result.insert(sub.anchor) }
        }
        return result
    }
}
