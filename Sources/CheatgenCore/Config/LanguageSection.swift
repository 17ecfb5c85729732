/// A language's own part of `cheatgen.yml` (`swift: { flags: [-DDEBUG], warnings: error }`),
/// read into plain values for that language to check and use: the layers below the languages
/// never learn what its keys mean.
public struct LanguageSection: Hashable, Sendable {
    /// One `key: value` of the section.
    public struct Setting: Hashable, Sendable {
        public var key: String
        public var value: Value
        /// Where the key is, for "unknown setting" messages.
        public var keyLocation: SourceLocation
        /// Where the value is, for messages about it.
        public var valueLocation: SourceLocation
    }

    /// A setting's value, as far as languages' settings go.
    public enum Value: Hashable, Sendable {
        case text(String)
        case list([String])
        /// A mapping, or a list holding more than plain words.
        case other
    }

    /// The language it belongs to (`swift`).
    public var language: String
    public var settings: [Setting]

    public init(language: String, settings: [Setting]) {
        self.language = language
        self.settings = settings
    }
}
