/// A parsed cheatsheet, `content/<id>.md`, whole: prose, tables, snippets. What a run keeps
/// of it between loading and rendering is its `SheetOutline`.
package struct Sheet: Hashable, Sendable {
    /// The file name without `.md`; the page's name and the target of cross-links.
    package var id: String
    /// The path as given on the command line, used in diagnostics.
    package var path: String
    package var frontMatter: FrontMatter
    package var intro: [ContentItem]
    package var sections: [Section]
    /// The Swift book's own tests found in the page's HTML comments (never shown as code).
    package var bookTests: [Snippet] = []
    /// The footnote definitions, in the order they are written (one per label).
    package var footnotes: [Footnote] = []

    /// The memberwise initializer, for the layers above (Swift's own is internal).
    package init(id: String, path: String, frontMatter: FrontMatter, intro: [ContentItem], sections: [Section]) {
        self.id = id
        self.path = path
        self.frontMatter = frontMatter
        self.intro = intro
        self.sections = sections
    }

}

extension Sheet: SheetStructure {}
