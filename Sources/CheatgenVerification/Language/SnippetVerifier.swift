import CheatgenModel

/// What a `Language` gives the verification engine once its tools are found: how to compile
/// (if it needs it) and run a batch of prepared snippets, and how to map what goes wrong back
/// to the Markdown line. Swift is the compiled, linked, cached fast path; Python and
/// JavaScript run each file (`ScriptVerifier`).
package protocol SnippetVerifier: Sendable {
    /// The language it verifies.
    var language: any Language { get }
    /// Identifies the compiler or interpreter in cache keys: a new version verifies again.
    var toolchainID: String { get }
    /// Shown on pages: `Swift 6.3` (see `VersionLabel`).
    var versionLabel: String { get }
    /// Sees every prepared snippet of the language in this run, cached or not, before any is
    /// verified (Swift keeps its example package in step).
    func willVerify(_ snippets: [PreparedSnippet], context: VerificationContext) throws
    /// Verifies snippets that have no cached verdict, reporting each verdict through `context`.
    func verify(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult]
    /// Anything besides the program that decides a verdict (declared packages, say).
    func cacheSalt(for snippet: Snippet, options: VerificationOptions) -> String
    /// How this run checks the snippet beyond its program (`--repeat`, sanitizers, warnings):
    /// a verdict reached one way is not reused for another.
    func settingsSalt(for snippet: Snippet, options: VerificationOptions) -> String
}

extension SnippetVerifier {
    package var name: String { language.name }

    package func willVerify(_ snippets: [PreparedSnippet], context: VerificationContext) throws {}

    package func cacheSalt(for snippet: Snippet, options: VerificationOptions) -> String { "" }

    package func settingsSalt(for snippet: Snippet, options: VerificationOptions) -> String {
        let runs = [.run, .shouldCrash].contains(snippet.attributes.mode)
        return runs ? "repeat=\(options.repeatCount)" : ""
    }
}
