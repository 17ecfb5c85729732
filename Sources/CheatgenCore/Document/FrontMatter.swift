/// The YAML header of a sheet.
public struct FrontMatter: Hashable, Sendable {
    public var title: String
    public var summary: String
    public var tags: [String]
    /// Ids of other sheets, listed on the page as related.
    public var related: [String]
    /// Where each `related` entry was written, to report an unknown id at its line.
    public var relatedLocations: [SourceLocation]

    /// Packages this sheet's snippets may import.
    public var dependencies: [PackageDependency] = []

    /// Cards (or sections) of this sheet paired with their counterpart in another sheet.
    public var twins: [Twin] = []

    /// `intro:` Markdown shown under the title (Jekyll cheatsheet sites' lead text).
    public var intro: [Block] = []
    /// `category:` groups the index page.
    public var category: String?
    /// `updated:` as written (`2020-07-05`), shown on the page.
    public var updated: String?
    /// `weight:` orders sheets within a category; lower first, then by title.
    public var weight: Double?
    /// `keywords:` and `description:`, for search and the page's meta description.
    public var keywords: [String] = []
    public var description: String?
    /// `verify:` for this sheet; nil follows `cheatgen.yml`.
    public var verify: VerifySetting?

    /// `twins: {other-sheet: {my-anchor: their-anchor}}` — the same idea in another sheet.
    public struct Twin: Hashable, Sendable {
        public var anchor: String
        public var otherSheet: String
        public var otherAnchor: String
        public var location: SourceLocation
    }

    public init(title: String, summary: String = "", tags: [String] = [], related: [String] = [], relatedLocations: [SourceLocation] = []) {
        self.title = title
        self.summary = summary
        self.tags = tags
        self.related = related
        self.relatedLocations = relatedLocations
    }
}
