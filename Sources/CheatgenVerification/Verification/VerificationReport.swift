import CheatgenModel

/// The verdicts of a run, in document order.
package struct VerificationReport: Sendable {
    // Results are immutable once made; the index below is derived from them in `init`.
    package var results: [SnippetResult]
    /// Each language's version label, by language name: `swift` → `Swift 6.3.1`.
    package var versions: [String: String]

    /// Verdicts by sheet id and snippet index, so pages look them up in constant time.
    private let index: [String: [Int: Int]]

    package init(results: [SnippetResult], versions: [String: String]) {
        self.results = results
        self.versions = versions
        var index: [String: [Int: Int]] = [:]
        for (position, result) in results.enumerated() {
            index[result.snippet.sheetID, default: [:]][result.snippet.index] = position
        }
        self.index = index
    }

    package var passed: Int { results.count { $0.status == .passed } }
    /// Failures, but for the known ones.
    package var failed: Int { results.count { $0.status == .failed && $0.knownFailure == nil } }
    /// Failures the known-failures list names, failing as it says.
    package var knownFailed: Int { results.count { $0.status == .failed && $0.knownFailure != nil } }
    package var skipped: Int { results.count { $0.status == .skipped } }

    /// `snippets: 3 passed, 1 failed, 0 skipped`, and `, 2 known failures` when there are any
    /// (after the three counts, so what reads the line as it was still can).
    package var summary: String {
        let known = knownFailed
        return "snippets: \(passed) passed, \(failed) failed, \(skipped) skipped" + (known == 0 ? "" : ", \(known) known failure\(known == 1 ? "" : "s")")
    }

    /// The verdict for a snippet, by sheet and index.
    package func result(for snippet: Snippet) -> SnippetResult? {
        index[snippet.sheetID]?[snippet.index].map { results[$0] }
    }

    /// How many snippets of a sheet passed.
    package func passedCount(sheetID: String) -> Int {
        (index[sheetID] ?? [:]).values.count { results[$0].status == .passed }
    }
}
