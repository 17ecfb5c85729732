/// The YAML header of a sheet.
package struct FrontMatter: Hashable, Sendable {
    package var title: String
    package var summary: String
    package var tags: [String]
    /// Ids of other sheets, listed on the page as related.
    package var related: [String]
    /// Where each `related` entry was written, to report an unknown id at its line.
    package var relatedLocations: [SourceLocation]

    /// Packages this sheet's snippets may import.
    package var dependencies: [PackageDependency] = []

    /// Cards (or sections) of this sheet paired with their counterpart in another sheet.
    package var twins: [Twin] = []

    /// `intro:` Markdown shown under the title (Jekyll cheatsheet sites' lead text).
    package var intro: [Block] = []
    /// `category:` groups the index page.
    package var category: String?
    /// `updated:` as written (`2020-07-05`), shown on the page.
    package var updated: String?
    /// `weight:` orders sheets within a category; lower first, then by title.
    package var weight: Double?
    /// `keywords:` and `description:`, for search and the page's meta description.
    package var keywords: [String] = []
    package var description: String?
    /// `verify:` for this sheet; nil follows `cheatgen.yml`.
    package var verify: VerifySetting?
    /// `listings:` for this sheet; nil follows `cheatgen.yml`.
    package var listings: Listings?
    /// `kind: cheatsheet | guide`, shown on the index page.
    package var kind: SheetKind?
    /// `pages:` the sheet prints on (A4), as its author measured it; shown on the index page.
    package var pages: Int?
    /// The file has no front matter: a page as DocC and GitHub write them, its title its first
    /// `#` heading and its description the paragraph under that (`PageTitle`). It reads as a
    /// guide, in one column.
    package var isPage = false

    /// `twins: {other-sheet: {my-anchor: their-anchor}}` — the same idea in another sheet.
    package struct Twin: Hashable, Sendable {
        package var anchor: String
        package var otherSheet: String
        package var otherAnchor: String
        package var location: SourceLocation

        /// The memberwise initializer, for the layers above (Swift's own is internal).
        package init(anchor: String, otherSheet: String, otherAnchor: String, location: SourceLocation) {
            self.anchor = anchor
            self.otherSheet = otherSheet
            self.otherAnchor = otherAnchor
            self.location = location
        }
    }

    package init(title: String, summary: String = "", tags: [String] = [], related: [String] = [], relatedLocations: [SourceLocation] = []) {
        self.title = title
        self.summary = summary
        self.tags = tags
        self.related = related
        self.relatedLocations = relatedLocations
    }
}
