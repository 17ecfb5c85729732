import CheatgenParsing

/// What a language needs to find its tools and set up its verifier.
package struct LanguageSetup: Sendable {
    /// Where caches, objects and binaries live (`.cheatgen`).
    package var workDirectory: String
    var configuration: Configuration

    package init(workDirectory: String, configuration: Configuration) {
        self.workDirectory = workDirectory
        self.configuration = configuration
    }

    /// The language's own section of `cheatgen.yml`, if it has one.
    package func section(for language: String) -> LanguageSection? {
        configuration.languageSections[language]
    }
}
