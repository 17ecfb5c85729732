/// A language's tools are not on this machine: its snippets cannot be verified here.
package struct LanguageUnavailable: Error, Sendable {
    package var language: String
    /// What is missing and how to get it.
    package var reason: String

    package init(language: String, reason: String) {
        self.language = language
        self.reason = reason
    }
}
