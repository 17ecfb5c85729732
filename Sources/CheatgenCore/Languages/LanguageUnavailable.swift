/// A language's tools are not on this machine: its snippets cannot be verified here.
struct LanguageUnavailable: Error, Sendable {
    var language: String
    /// What is missing and how to get it.
    var reason: String

    init(language: String, reason: String) {
        self.language = language
        self.reason = reason
    }
}
