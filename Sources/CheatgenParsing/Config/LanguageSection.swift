import CheatgenModel

/// A language's own part of `cheatgen.yml` (`swift: { flags: [-DDEBUG], warnings: error }`),
/// read into plain values for that language to check and use: the layers below the languages
/// never learn what its keys mean.
package struct LanguageSection: Hashable, Sendable {
    /// One `key: value` of the section.
    package struct Setting: Hashable, Sendable {
        package var key: String
        package var value: Value
        /// Where the key is, for "unknown setting" messages.
        package var keyLocation: SourceLocation
        /// Where the value is, for messages about it.
        package var valueLocation: SourceLocation
    }

    /// A setting's value, as far as languages' settings go.
    package enum Value: Hashable, Sendable {
        case text(String)
        case list([String])
        /// A mapping, or a list holding more than plain words.
        case other
    }

    /// The language it belongs to (`swift`).
    package var language: String
    package var settings: [Setting]

    package init(language: String, settings: [Setting]) {
        self.language = language
        self.settings = settings
    }
}
