import Foundation
import CheatgenModel

/// Verifies snippets of every language: prepares each program, answers unchanged ones from
/// the verdict cache, hands the rest to their language in one batch each, and caches passes.
package struct Verifier: Sendable {
    var options: VerificationOptions
    var verifiers: [String: any SnippetVerifier]
    /// Called once per snippet as its verdict is known (progress, live reports).
    var onResult: (@Sendable (SnippetResult) -> Void)?

    /// Languages whose tools are missing: why, by language name.
    var unavailable: [String: String]

    package init(options: VerificationOptions, verifiers: [any SnippetVerifier], unavailable: [String: String] = [:],
                onResult: (@Sendable (SnippetResult) -> Void)? = nil) {
        self.options = options
        self.unavailable = unavailable
        self.verifiers = Dictionary(verifiers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.onResult = onResult
    }

    package func verify(_ snippets: [Snippet], in sheets: [SheetOutline]) async throws -> VerificationReport {
        let clock = ContinuousClock()
        let work = options.workDirectory
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: "\(work)/verdicts", withIntermediateDirectories: true)
        Leftovers.sweep(workDirectory: work)
        let scratch = "\(work)/scratch/\(ProcessInfo.processInfo.processIdentifier)"
        try fileManager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        ChildProcesses.shared.writing(folder: scratch)
        defer {
            ChildProcesses.shared.finished(folder: scratch)
            try? fileManager.removeItem(atPath: scratch)
            ChildProcesses.shared.sweepOrphans()
            Confinement.tearDown()
        }
        let onResult = self.onResult
        // Snippets of `listings: cumulative` pages may be verified again without an earlier
        // snippet that broke them: their verdicts are told once they are final.
        let pages = Dictionary(sheets.filter { options.cumulativeSheets.contains($0.id) }.map { ($0.id, $0.snippets) }, uniquingKeysWith: { a, _ in a })
        let deferred = Set(snippets.filter { pages[$0.sheetID] != nil }.map(SnippetPlace.init))
        let context = VerificationContext(options: options, scratch: scratch, report: { result in
            if !deferred.contains(SnippetPlace(result.snippet)) { onResult?(result) }
            return result
        })
        let cache = VerdictCache(directory: "\(work)/verdicts")
        var named: [String: [String: Snippet]] = [:]
        for sheet in sheets {
            for snippet in sheet.snippets {
                if let id = snippet.attributes.id { named[sheet.id, default: [:]][id] = snippet }
            }
        }

        var finished: [SnippetResult] = []
        finished.reserveCapacity(snippets.count)
        var pending: [String: [PreparedSnippet]] = [:]
        var prepared: [String: [PreparedSnippet]] = [:]
        // By place, not by name: a verdict filed under another snippet's key would pass it unseen.
        var keys: [SnippetPlace: String] = [:]
        // Snippets with their programs, before the cache is asked.
        var ready: [(ready: PreparedSnippet, key: String)] = []
        var plans: [SnippetPlace: SessionPlan] = [:]
        for snippet in snippets {
            let start = clock.now
            if snippet.attributes.mode == .ignore {
                finished.append(context.report(SnippetResult(snippet: snippet, status: .skipped)))
                continue
            }
            guard let verifier = verifiers[snippet.language] else {
                finished.append(context.report(SnippetResult(snippet: snippet, status: .failed, diagnostics: [
                    .error(.languageUnavailable, "cannot verify '\(snippet.language)' snippets here: \(unavailable[snippet.language] ?? "cheatgen has no runner for them")",
                           at: snippet.location)])))
                continue
            }
            // The book's tests, and the listings they verify, are programs of their own.
            let plan = snippet.bookTestName == nil && snippet.verifiedByBookTest == nil ? pages[snippet.sheetID].map { SessionPlan(for: snippet, page: $0) } : nil
            switch program(for: snippet, language: verifier.language, named: named[snippet.sheetID] ?? [:], plan: plan) {
            case .failure(let diagnostic):
                finished.append(context.report(SnippetResult(snippet: snippet, status: .failed, diagnostics: [diagnostic])))
            case .success(let source):
                if source.sessionMarker != nil { plans[SnippetPlace(snippet)] = plan }
                let readied = PreparedSnippet(snippet: snippet, source: source, limits: RunLimits(for: snippet, options: options), started: start)
                prepared[snippet.language, default: []].append(readied)
                let key = verdictKey(for: snippet, source: source, verifier: verifier)
                keys[SnippetPlace(snippet)] = key
                ready.append((ready: readied, key: key))
            }
        }
        // A listing of the Swift book takes its test's verdict, given in the same batch: when the
        // listing's own verdict is not cached, its test is verified again too (a cached test
        // beside an uncached listing would leave the listing without a verdict to take).
        let cached = ready.map { options.useCache ? cache.lookup($0.key) : nil }
        let retest = Set(zip(ready, cached).compactMap { item, entry -> String? in
            guard item.ready.snippet.verifiedByBookTest != nil, options.useCache, entry == nil else { return nil }
            return item.ready.snippet.bookTestKey
        })
        for ((readied, _), entry) in zip(ready, cached) {
            let snippet = readied.snippet
            let mustRun = snippet.bookTestName != nil && snippet.bookTestKey.map(retest.contains) == true
            if !mustRun, let entry {
                finished.append(context.report(entry.result(for: snippet)))
            } else {
                pending[snippet.language, default: []].append(readied)
            }
        }
        for name in verifiers.keys.sorted() {
            try verifiers[name]!.willVerify(prepared[name] ?? [], context: context)
        }
        for name in pending.keys.sorted() {
            for result in try await verifiers[name]!.verify(pending[name]!, context: context) {
                // A rejected compile is as certain as a pass: same source, same errors.
                if result.status == .passed || result.isCompileFailure, let key = keys[SnippetPlace(result.snippet)] {
                    cache.store(.init(result), for: key)
                }
                finished.append(result)
            }
        }
        if !plans.isEmpty {
            finished = try await settleSessions(finished, plans: plans, pages: pages, named: named, cache: cache, context: context)
        }
        for result in finished where deferred.contains(SnippetPlace(result.snippet)) { onResult?(result) }
        finished.sort { ($0.snippet.path, $0.snippet.index) < ($1.snippet.path, $1.snippet.index) }
        let versions = Dictionary(verifiers.values.map { ($0.name, $0.versionLabel) }, uniquingKeysWith: { a, _ in a })
        return VerificationReport(results: finished, versions: versions)
    }

    /// Everything that decides a verdict: the program, its toolchain and flags, what it is checked against.
    func verdictKey(for snippet: Snippet, source: EffectiveSource, verifier language: any SnippetVerifier) -> String {
        Hashing.key([
            "verdict-v6", language.name, language.toolchainID,
            language.cacheSalt(for: snippet, options: options), language.settingsSalt(for: snippet, options: options),
            snippet.symbolName, source.text, snippet.attributes.canonical,
            String(options.defaultTimeout), String(options.outputLimit),
            "memory \(options.memoryLimit) network \(options.network) env \(options.passedEnvironment.joined(separator: ","))",
            snippet.expectedOutput?.text ?? "<none>", snippet.expectedErrors?.text ?? "<none>",
        ])
    }
}

/// Which snippet this is, as no other can be: its file and its position there.
struct SnippetPlace: Hashable {
    var path: String
    var index: Int

    init(_ snippet: Snippet) {
        path = snippet.path
        index = snippet.index
    }
}
