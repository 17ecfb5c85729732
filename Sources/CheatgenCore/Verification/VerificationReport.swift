/// The verdicts of a run, in document order.
public struct VerificationReport: Sendable {
    // Results are immutable once made; the index below is derived from them in `init`.
    public var results: [SnippetResult]
    /// Each language's version label, by language name: `swift` → `Swift 6.3.1`.
    public var versions: [String: String]

    /// Verdicts by sheet id and snippet index, so pages look them up in constant time.
    private let index: [String: [Int: Int]]

    public init(results: [SnippetResult], versions: [String: String]) {
        self.results = results
        self.versions = versions
        var index: [String: [Int: Int]] = [:]
        for (position, result) in results.enumerated() {
            index[result.snippet.sheetID, default: [:]][result.snippet.index] = position
        }
        self.index = index
    }

    public var passed: Int { results.count { $0.status == .passed } }
    public var failed: Int { results.count { $0.status == .failed } }
    public var skipped: Int { results.count { $0.status == .skipped } }

    /// `snippets: 3 passed, 1 failed, 0 skipped`
    public var summary: String { "snippets: \(passed) passed, \(failed) failed, \(skipped) skipped" }

    /// The verdict for a snippet, by sheet and index.
    public func result(for snippet: Snippet) -> SnippetResult? {
        index[snippet.sheetID]?[snippet.index].map { results[$0] }
    }

    /// How many snippets of a sheet passed.
    public func passedCount(sheetID: String) -> Int {
        (index[sheetID] ?? [:]).values.count { results[$0].status == .passed }
    }
}
