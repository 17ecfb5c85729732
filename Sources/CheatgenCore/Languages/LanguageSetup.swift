/// What a language needs to find its tools and set up its verifier.
struct LanguageSetup: Sendable {
    /// Where caches, objects and binaries live (`.cheatgen`).
    var workDirectory: String
    var configuration: Configuration

    init(workDirectory: String, configuration: Configuration) {
        self.workDirectory = workDirectory
        self.configuration = configuration
    }
}
