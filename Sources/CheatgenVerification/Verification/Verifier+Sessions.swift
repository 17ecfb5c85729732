import CheatgenModel

/// `listings: cumulative`: a snippet that failed only because an earlier snippet broke its
/// program (errors at the earlier snippet's lines, or a program that stopped before reaching
/// it) is verified again without that snippet, for a few rounds; what still fails then says
/// which earlier snippet it depends on.
extension Verifier {
    /// How many programs a snippet may be tried with: all its predecessors, then fewer.
    static let sessionRounds = 4

    /// The program for `snippet`: in a session when it has a plan and its language runs
    /// sessions, else on its own.
    func program(for snippet: Snippet, language: any Language, named: [String: Snippet], plan: SessionPlan?) -> Result<EffectiveSource, Diagnostic> {
        if let plan, let session = language.prepare(snippet, in: plan, named: named) { return session }
        return language.prepare(snippet, named: named)
    }

    func settleSessions(_ results: [SnippetResult], plans: [SnippetPlace: SessionPlan], pages: [String: [Snippet]],
                        named: [String: [String: Snippet]], cache: VerdictCache, context: VerificationContext) async throws -> [SnippetResult] {
        var results = results
        var plans = plans
        var index: [SnippetPlace: Int] = [:]
        for (position, result) in results.enumerated() { index[SnippetPlace(result.snippet)] = position }
        // What each snippet did wrong with every earlier snippet in its program.
        var firstErrors: [SnippetPlace: Set<String>] = [:]
        for (place, plan) in plans {
            if let position = index[place] { firstErrors[place] = SessionVerdict.ownErrors(of: results[position], plan: plan) }
        }
        for _ in 1..<Self.sessionRounds {
            let failed = Set(results.filter { $0.status == .failed }.map(SnippetPlace.init))
            var batch: [String: [PreparedSnippet]] = [:]
            var keys: [SnippetPlace: String] = [:]
            var retried = false
            for place in plans.keys.sorted(by: { ($0.path, $0.index) < ($1.path, $1.index) }) {
                guard let position = index[place], results[position].status == .failed, let plan = plans[place] else { continue }
                let snippet = results[position].snippet
                let culprits = SessionVerdict.culprits(of: results[position], plan: plan, failed: failed)
                guard !culprits.isEmpty, let verifier = verifiers[snippet.language] else { continue }
                let without = Set(plan.leftOut.map(\.index)).union(culprits.map(\.index))
                let next = SessionPlan(for: snippet, page: pages[snippet.sheetID] ?? [], leavingOut: without)
                plans[place] = next
                retried = true
                switch program(for: snippet, language: verifier.language, named: named[snippet.sheetID] ?? [:], plan: next) {
                case .failure(let diagnostic):
                    results[position] = SnippetResult(snippet: snippet, status: .failed, diagnostics: [diagnostic])
                case .success(let source):
                    let key = verdictKey(for: snippet, source: source, verifier: verifier)
                    if options.useCache, let entry = cache.lookup(key) {
                        results[position] = entry.result(for: snippet)
                    } else {
                        keys[place] = key
                        batch[snippet.language, default: []].append(
                            PreparedSnippet(snippet: snippet, source: source, limits: RunLimits(for: snippet, options: options), started: ContinuousClock.now))
                    }
                }
            }
            if !retried { break }
            for name in batch.keys.sorted() {
                for result in try await verifiers[name]!.verify(batch[name]!, context: context) {
                    let place = SnippetPlace(result.snippet)
                    if result.status == .passed || result.isCompileFailure, let key = keys[place] { cache.store(.init(result), for: key) }
                    if let position = index[place] { results[position] = result }
                }
            }
        }
        let failed = Set(results.filter { $0.status == .failed }.map(SnippetPlace.init))
        for (place, plan) in plans {
            if let position = index[place] { results[position] = SessionVerdict.worded(results[position], plan: plan, failed: failed,
                                                                                    firstErrors: firstErrors[place] ?? []) }
        }
        return results
    }
}

extension SnippetPlace {
    init(_ result: SnippetResult) { self.init(result.snippet) }
}
