import Foundation
import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// A known-failures list held against a run's verdicts, after verification (so a cached verdict
/// is judged like a new one, and known-ness is never cached): a listed snippet failing with the
/// listed diagnostic becomes a warning that does not fail the run; one that passes now, or fails
/// otherwise, is an error, so the list cannot rot; an entry that names no snippet is a warning.
struct KnownFailures {
    /// The content folders and files given on the command line: pages are named relative to them.
    var roots: [String]

    /// What holding the list against the verdicts gave.
    struct Applied {
        var report: VerificationReport
        /// The list's own problems: snippets that pass now or fail otherwise, stale entries.
        var problems: [Diagnostic]
    }

    /// A page's path as the list writes it: relative to the folder it was found in (a file given
    /// on its own, relative to its folder).
    func page(of path: String) -> String {
        let file = Self.standardized(path)
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            let folder = isDirectory.boolValue ? Self.standardized(root) : (Self.standardized(root) as NSString).deletingLastPathComponent
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            if file.hasPrefix(prefix) { return String(file.dropFirst(prefix.count)) }
        }
        return (path as NSString).lastPathComponent
    }

    /// Whether a page the run did not load is still somewhere under the content folders.
    private func exists(page: String) -> Bool {
        roots.contains { root in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return false }
            let folder = isDirectory.boolValue ? root : (root as NSString).deletingLastPathComponent
            return FileManager.default.fileExists(atPath: folder.isEmpty ? page : "\(folder)/\(page)")
        }
    }

    private static func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    func key(of snippet: Snippet) -> KnownFailureList.Key {
        KnownFailureList.Key(page: page(of: snippet.path), fingerprint: SnippetFingerprint.of(snippet))
    }

    /// The diagnostics a failure fails with, the first one first: its errors'; for a listing
    /// that takes its book test's verdict, its test's.
    static func failureIDs(of result: SnippetResult, tests: [String: SnippetResult]) -> [DiagnosticID] {
        var ids = result.diagnostics.filter { $0.severity == .error }.map(\.id)
        if ids.isEmpty, result.snippet.bookTestName == nil, let key = result.snippet.bookTestKey, let test = tests[key] {
            ids = test.diagnostics.filter { $0.severity == .error }.map(\.id)
        }
        if ids.isEmpty { ids = result.diagnostics.map(\.id) }
        var seen: Set<DiagnosticID> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// The book's tests of a run by `Snippet.bookTestKey`, for the listings they verify.
    private static func tests(in results: [SnippetResult]) -> [String: SnippetResult] {
        var tests: [String: SnippetResult] = [:]
        for result in results where result.snippet.bookTestName != nil {
            if let key = result.snippet.bookTestKey { tests[key] = result }
        }
        return tests
    }

    func apply(_ list: KnownFailureList, to report: VerificationReport, sheets: [SheetOutline], verbose: Bool) -> Applied {
        var results = report.results
        let tests = Self.tests(in: results)
        var verified: [KnownFailureList.Key: [Int]] = [:]
        for (position, result) in results.enumerated() { verified[key(of: result.snippet), default: []].append(position) }
        var problems: [Diagnostic] = []
        let listName = list.path.isEmpty ? "the known-failures list" : list.path
        for entry in list.entries {
            let listed = entry.location.map { "\($0.path):\($0.line)" } ?? listName
            guard let positions = verified[entry.key] else {
                if let stale = staleness(of: entry, sheets: sheets) {
                    problems.append(.warning(.knownFailureStale, stale, at: entry.location))
                }
                continue
            }
            let failing = positions.filter { results[$0].status == .failed }
            if failing.isEmpty {
                let snippet = results[positions[0]].snippet
                if positions.contains(where: { results[$0].status == .passed }) {
                    problems.append(Diagnostic(.error, .knownFailurePasses, at: snippet.location,
                                               "listed as a known failure but passes now; remove its entry",
                                               notes: [.note("listed here", at: entry.location)]))
                } else {
                    problems.append(Diagnostic(.warning, .knownFailureStale, at: snippet.location,
                                               "listed as a known failure but not verified (skipped); remove its entry",
                                               notes: [.note("listed here", at: entry.location)]))
                }
                continue
            }
            for position in failing {
                let result = results[position]
                let ids = Self.failureIDs(of: result, tests: tests)
                guard ids.contains(entry.id) else {
                    let now = ids.first.map { "'\($0)'" } ?? "no diagnostic"
                    problems.append(Diagnostic(.error, .knownFailureChanged, at: result.snippet.location,
                                               "listed as a known failure with '\(entry.id)' but fails with \(now) now; update or remove its entry",
                                               notes: [.note("listed here", at: entry.location)]))
                    continue
                }
                let first = result.diagnostics.first { $0.severity == .error } ?? result.diagnostics.first
                let why = entry.reason.map { $0.isEmpty ? "" : ": \($0)" } ?? ""
                let original = first.map { ": \($0.message)" } ?? ""
                let details = verbose ? result.diagnostics.map(\.formatted) : []
                var known = result
                known.knownFailure = entry
                known.diagnostics = [Diagnostic(.warning, .knownFailure, at: first?.location ?? result.snippet.location,
                                                "known failure (\(entry.id), listed at \(listed)\(why))\(original)", details: details)]
                results[position] = known
            }
        }
        return Applied(report: VerificationReport(results: results, versions: report.versions), problems: problems)
    }

    /// Why an entry whose snippet this run did not verify is stale, or nil when it is not: its
    /// page was loaded and has no such snippet, or there is no such page.
    private func staleness(of entry: KnownFailureList.Entry, sheets: [SheetOutline]) -> String? {
        let onPage = sheets.filter { page(of: $0.path) == entry.page }
        if !onPage.isEmpty {
            // A snippet this run left out (`--filter`, `--shard`) is not stale.
            if onPage.flatMap(\.snippets).contains(where: { SnippetFingerprint.of($0) == entry.fingerprint }) { return nil }
            return "no snippet of \(entry.page) has the fingerprint \(entry.fingerprint) (edited or removed?); remove this entry, or write the list again"
        }
        if exists(page: entry.page) { return nil }
        return "no page \(entry.page) in \(roots.joined(separator: ", ")); remove this entry"
    }

    /// Every failure of `report` as a list, by page and line, each with the first diagnostic it
    /// fails with; an entry of `old` for the same snippet keeps its reason, and `old`'s header
    /// stays.
    func list(recording report: VerificationReport, keeping old: KnownFailureList, path: String) -> KnownFailureList {
        let tests = Self.tests(in: report.results)
        let reasons = Dictionary(old.entries.map { ($0.key, $0.reason) }, uniquingKeysWith: { a, _ in a })
        var entries: [KnownFailureList.Entry] = []
        var seen: Set<KnownFailureList.Key> = []
        for result in report.results where result.status == .failed {
            let key = key(of: result.snippet)
            guard seen.insert(key).inserted else { continue }
            let id = Self.failureIDs(of: result, tests: tests).first ?? .note
            entries.append(KnownFailureList.Entry(page: key.page, line: result.snippet.location.line, fingerprint: key.fingerprint, id: id,
                                                  reason: reasons[key] ?? nil))
        }
        return KnownFailureList(path: path, entries: entries, header: old.header)
    }
}
