/// The verdicts of a run, in document order.
public struct VerificationReport: Sendable {
    public var results: [SnippetResult]
    /// Each language's version label, by language name: `swift` → `Swift 6.3.1`.
    public var versions: [String: String]

    public init(results: [SnippetResult], versions: [String: String]) {
        self.results = results
        self.versions = versions
    }

    public var passed: Int { results.count { $0.status == .passed } }
    public var failed: Int { results.count { $0.status == .failed } }
    public var skipped: Int { results.count { $0.status == .skipped } }

    /// `snippets: 3 passed, 1 failed, 0 skipped`
    public var summary: String { "snippets: \(passed) passed, \(failed) failed, \(skipped) skipped" }

    /// The verdict for a snippet, by sheet and index.
    public func result(for snippet: Snippet) -> SnippetResult? {
        results.first { $0.snippet.sheetID == snippet.sheetID && $0.snippet.index == snippet.index }
    }
}
