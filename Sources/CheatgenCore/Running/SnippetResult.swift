/// The verdict on one snippet.
public struct SnippetResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        case passed, failed, skipped
    }

    public var snippet: Snippet
    public var status: Status
    /// Why it failed (empty when it passed).
    public var diagnostics: [Diagnostic]
    /// For `compile-fail` snippets: the compiler's error lines, shown on the page.
    public var compilerErrors: [String]
    /// How long compiling and running took, in seconds.
    public var duration: Double
    /// The verdict came from the cache, nothing was compiled or run.
    public var cached: Bool

    public init(snippet: Snippet, status: Status, diagnostics: [Diagnostic] = [], compilerErrors: [String] = [], duration: Double = 0, cached: Bool = false) {
        self.snippet = snippet
        self.status = status
        self.diagnostics = diagnostics
        self.compilerErrors = compilerErrors
        self.duration = duration
        self.cached = cached
    }
}
