/// A sheet as a whole run keeps it between reading the sheets and rendering their pages:
/// front matter, sections and cards (titles, anchors), every snippet, the links of its prose
/// (to check cross-references), and the blocks that hold code Pygments colours (highlighted
/// together before any page renders) — but not the prose. A snippet that is only shown
/// (`ignore`, no `id=`, coloured by its own language) keeps its place and name but not its
/// code or output, which only its page needs.
///
/// Ten thousand sheets parsed in full take gigabytes; their outlines a small part of that.
/// A page is rendered from the whole sheet, which a `SheetSource` gives for an outline.
package struct SheetOutline: SheetStructure, Hashable {
    package let id: String
    package let path: String
    package let frontMatter: FrontMatter
    package let intro: [ContentItem]
    package let sections: [Section]
    package let bookTests: [Snippet]
    /// Every link in the sheet's prose and headings, in document order.
    package let links: [Inline.Link]

    /// The outline of `sheet`; `languages` tells which code the Pygments batch colours.
    package init(_ sheet: Sheet, languages: LanguageCatalog) {
        id = sheet.id
        path = sheet.path
        frontMatter = sheet.frontMatter
        intro = Self.outline(sheet.intro, languages)
        sections = sheet.sections.map { section in
            var section = section
            section.items = Self.outline(section.items, languages)
            for index in section.cards.indices { section.cards[index].items = Self.outline(section.cards[index].items, languages) }
            return section
        }
        links = sheet.links
        bookTests = sheet.bookTests
    }

    private static func outline(_ items: [ContentItem], _ languages: LanguageCatalog) -> [ContentItem] {
        items.compactMap { item in
            switch item {
            case .snippet(let snippet):
                return .snippet(snippet.isOnlyShown(languages) ? snippet.withoutBody() : snippet)
            case .block(let block):
                return block.containsPygmentsCode(languages) ? item : nil
            }
        }
    }
}

extension Block {
    /// Every code block this block is or holds (in quotes, lists, attribute wrappers), in order.
    package func forEachCodeBlock(_ body: (CodeBlock) -> Void) {
        switch self {
        case .codeBlock(let code): body(code)
        case .attributed(let inner, _): inner.forEachCodeBlock(body)
        case .blockQuote(let children, _): children.forEach { $0.forEachCodeBlock(body) }
        case .list(let list): list.items.forEach { $0.forEach { $0.forEachCodeBlock(body) } }
        default: break
        }
    }

    /// Whether the block is or holds code that the build's Pygments batch colours.
    func containsPygmentsCode(_ languages: LanguageCatalog) -> Bool {
        var found = false
        forEachCodeBlock { found = found || $0.isPygmentsCode(languages) }
        return found
    }
}

extension Block.CodeBlock {
    /// Code in a named language that its language does not colour itself.
    package func isPygmentsCode(_ languages: LanguageCatalog) -> Bool {
        !language.isEmpty && languages.colouredByPygments(language)
    }
}

extension Snippet {
    /// Shown on its page, never compiled, run or named by another snippet's `uses=`, and
    /// coloured as its page renders: its code is not needed before then.
    func isOnlyShown(_ languages: LanguageCatalog) -> Bool {
        self.attributes.mode == .ignore && self.attributes.id == nil && !languages.colouredByPygments(self.language)
    }

    /// The same snippet without its code and expected output or errors.
    func withoutBody() -> Snippet {
        var copy = self
        copy.code = ""
        copy.expectedOutput = nil
        copy.expectedErrors = nil
        return copy
    }
}
