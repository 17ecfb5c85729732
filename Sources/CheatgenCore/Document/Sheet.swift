/// A parsed cheatsheet, `content/<id>.md`, whole: prose, tables, snippets. What a run keeps
/// of it between loading and rendering is its `SheetOutline`.
public struct Sheet: Hashable, Sendable {
    /// The file name without `.md`; the page's name and the target of cross-links.
    public var id: String
    /// The path as given on the command line, used in diagnostics.
    public var path: String
    public var frontMatter: FrontMatter
    public var intro: [ContentItem]
    public var sections: [Section]

}

extension Sheet: SheetStructure {}
