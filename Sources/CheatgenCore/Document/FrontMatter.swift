/// The YAML header of a sheet.
public struct FrontMatter: Hashable, Sendable {
    public var title: String
    public var summary: String
    public var tags: [String]
    /// Ids of other sheets, listed on the page as related.
    public var related: [String]
    /// Where each `related` entry was written, to report an unknown id at its line.
    public var relatedLocations: [SourceLocation]

    public init(title: String, summary: String = "", tags: [String] = [], related: [String] = [], relatedLocations: [SourceLocation] = []) {
        self.title = title
        self.summary = summary
        self.tags = tags
        self.related = related
        self.relatedLocations = relatedLocations
    }
}
