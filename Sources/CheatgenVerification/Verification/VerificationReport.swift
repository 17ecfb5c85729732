import CheatgenModel

/// The verdicts of a run, in document order.
package struct VerificationReport: Sendable {
    // Results are immutable once made; the index below is derived from them in `init`.
    package var results: [SnippetResult]
    /// Each language's version label, by language name: `swift` → `Swift 6.3.1`.
    package var versions: [String: String]

    /// Verdicts by sheet id, then snippet index (a sheet's snippets are numbered from 0): each
    /// verdict's position in `results`, -1 for a snippet not in this run. An array per sheet,
    /// not a dictionary: ten thousand sheets' dictionaries took megabytes.
    private let index: [String: [Int]]

    package init(results: [SnippetResult], versions: [String: String]) {
        self.results = results
        self.versions = versions
        var index: [String: [Int]] = [:]
        for (position, result) in results.enumerated() {
            let number = result.snippet.index
            var positions = index.removeValue(forKey: result.snippet.sheetID) ?? []
            if positions.count <= number { positions += Array(repeating: -1, count: number + 1 - positions.count) }
            positions[number] = position
            index[result.snippet.sheetID] = positions
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
        guard let positions = index[snippet.sheetID], positions.indices.contains(snippet.index), positions[snippet.index] >= 0 else { return nil }
        return results[positions[snippet.index]]
    }

    /// How many snippets of a sheet passed.
    package func passedCount(sheetID: String) -> Int {
        (index[sheetID] ?? []).count { $0 >= 0 && results[$0].status == .passed }
    }
}
