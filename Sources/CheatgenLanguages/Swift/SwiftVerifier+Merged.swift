import Foundation
import CheatgenModel
import CheatgenVerification

extension SwiftVerifier {
    /// The most snippets one compiler process takes: an edit recompiles its whole group.
    static let mergedGroupLimit = 16
    /// How many times a group is compiled, each time without the snippets the last one rejected.
    static let mergedAttempts = 3

    /// Which snippets can share a module (their rewritten programs, by `symbolName`) and why the
    /// others cannot (reason → count).
    struct MergePlan: Sendable {
        var programs: [String: MergeableSource.Rewritten]
        var alone: [String: Int]
    }

    static func mergePlan(_ jobs: [Job]) -> MergePlan {
        var plan = MergePlan(programs: [:], alone: [:])
        for job in jobs {
            let snippet = job.snippet
            if snippet.attributes.mode != .run {
                plan.alone[snippet.attributes.mode == .shouldCrash ? "should-crash" : "compile-only or compile-fail", default: 0] += 1
            } else if settingsKey(snippet) != "" {
                plan.alone["own language mode or flags", default: 0] += 1
            } else if snippet.bookTestName != nil {
                plan.alone["a book test", default: 0] += 1
            } else {
                switch MergeableSource.rewrite(job.prepared.source, symbol: snippet.symbolName) {
                case .mergeable(let text): plan.programs[snippet.symbolName] = text
                case .alone(let reason): plan.alone[reason, default: 0] += 1
                }
            }
        }
        return plan
    }

    /// Verifies the runnable snippets that can share a module (`MergeableSource`), compiled a
    /// sheet at a time (`MergedCompilation`, at most `mergedGroupLimit` per compiler process),
    /// each still run as its own process. A verdict never depends on a neighbour: only passes
    /// are kept. A snippet the shared module's compiler rejects, one it warns about, and one
    /// that fails go on alone (`rest`), so their messages are exactly a standalone compile's.
    func verifyMerged(_ jobs: [Job], programs: [String: MergeableSource.Rewritten], alone reasons: [String: Int], of count: Int,
                      compileFlags: [String], linker: Linker, context: VerificationContext) async throws
        -> MergedOutcome {
        guard !jobs.isEmpty || !reasons.isEmpty else { return MergedOutcome(done: [], rest: []) }
        var alone = reasons
        var bySheet: [String: [Int]] = [:]
        for index in jobs.indices { bySheet[jobs[index].snippet.sheetID, default: []].append(index) }
        var groups: [[Int]] = []
        for sheet in bySheet.keys.sorted() {
            // Enough groups to keep every core busy (a compiler process uses one), none larger
            // than the limit, none smaller than two.
            let members = bySheet[sheet]!
            let wanted = max((members.count + Self.mergedGroupLimit - 1) / Self.mergedGroupLimit, context.options.jobs)
            let count = max(1, min(wanted, members.count / 2))
            let size = (members.count + count - 1) / count
            groups += stride(from: 0, to: members.count, by: size).map { Array(members[$0..<min($0 + size, members.count)]) }
        }
        // A group of one gains nothing from sharing.
        for group in groups where group.count < 2 { alone["the only one of its group that can merge", default: 0] += 1 }
        groups = groups.filter { $0.count >= 2 }
        guard !groups.isEmpty else {
            logMerged(0, of: count, groups: 0, alone: alone)
            return MergedOutcome(done: [], rest: jobs)
        }

        let frontend = await MergedCompilation.learnFrontend(swiftc: toolchain.swiftc, extraFlags: compileFlags, cacheDirectory: workDirectory)
        let merger = MergedCompilation(toolchain: toolchain, extraFlags: compileFlags, objectDirectory: "\(workDirectory)/objects", frontend: frontend)
        let compiled = try await forEachConcurrently(groups, width: context.options.jobs) { group -> [Job] in
            // A snippet the shared module's compiler rejects leaves the group, which is tried again.
            var group = group
            for _ in 0..<Self.mergedAttempts where group.count >= 2 {
                let members = group.map { MergedCompilation.Member(snippet: jobs[$0].snippet, rewritten: programs[jobs[$0].snippet.symbolName]!) }
                let started = ContinuousClock.now
                switch try await merger.compile(members, scratch: context.scratch) {
                case .compiled(let object, let key, let messages):
                    let seconds = context.seconds(since: started) / Double(group.count)
                    let warned = CompilerMessages.parse(messages).filter { $0.severity == .warning }.compactMap(\.location)
                    return group.compactMap { index -> Job? in
                        var job = jobs[index]
                        guard !warned.contains(where: { Self.owns(job.snippet, $0) }) else { return nil }
                        job.objectPath = object
                        job.objectKey = "\(key):\(job.snippet.symbolName)"
                        job.compileSeconds = seconds
                        return job
                    }
                case .rejected(let output):
                    let errors = CompilerMessages.parse(output).filter { $0.severity == .error }
                    let blamed = Set(errors.compactMap(\.location).compactMap { location in
                        group.first { Self.owns(jobs[$0].snippet, location) }
                    })
                    let first = errors.first
                    ProcessRunner.commandLog?.write("swift: a shared module of \(group.count) snippets did not compile; \(blamed.count) of them go on alone"
                        + (first.map { " (first: \($0.location?.description ?? "?"): \($0.message))" } ?? ""))
                    guard !blamed.isEmpty else { return [] }
                    group.removeAll { blamed.contains($0) }
                }
            }
            return []
        }
        let merged = compiled.flatMap { $0 }
        logMerged(merged.count, of: count, groups: groups.count, alone: alone)
        guard !merged.isEmpty else { return MergedOutcome(done: [], rest: jobs) }

        // Verdicts are told to the run only once they are final.
        var quiet = context
        quiet.report = { $0 }
        let ran = try await linkAndRun(merged, linker: linker, dispatcher: ([], nil), context: quiet)
        var outcome = MergedOutcome(done: [], rest: [])
        var passed: Set<String> = []
        for job in ran {
            guard let result = job.result else { continue }
            if result.status == .passed {
                outcome.done.append(context.report(result))
                passed.insert(job.snippet.symbolName)
            } else {
                outcome.failedRuns[job.snippet.symbolName] = result
            }
        }
        outcome.rest = jobs.filter { !passed.contains($0.snippet.symbolName) }
        return outcome
    }

    /// What the merged pass decided, and what is left to verify alone.
    struct MergedOutcome: Sendable {
        /// Final verdicts: snippets that passed in a shared module (already reported).
        var done: [SnippetResult]
        /// Snippets to verify alone: not compiled, warned about, or failed.
        var rest: [Job]
        /// The failed runs, by snippet: a snippet that fails in a shared module and passes alone
        /// does not pass (`settle`).
        var failedRuns: [String: SnippetResult] = [:]
    }

    /// The verdict of a snippet verified alone after its run in a shared module failed. Alone it
    /// may fail the same way (its own messages are kept) or pass — and then it does not give the
    /// same result every run (or depends on its neighbours, which it must not): it fails, with
    /// the shared module's failure and a note, so `--repeat` and a lucky second run cannot hide
    /// a flaky snippet.
    static func settle(_ alone: SnippetResult, failedRun: SnippetResult?) -> SnippetResult {
        guard let failedRun, alone.status == .passed else { return alone }
        var result = failedRun
        let note = Diagnostic(.note, .note, at: alone.snippet.location,
            "it passed when run again, compiled as its own module: the snippet does not give the same result every run")
        if result.diagnostics.isEmpty {
            var problem = Diagnostic.error(.flaky, "snippet failed in one run and passed in another", at: alone.snippet.location)
            problem.notes.append(note)
            result.diagnostics = [problem]
        } else {
            result.diagnostics[0].notes.append(note)
        }
        return result
    }

    /// One `--verbose` line: how many snippets shared a module, and why the others did not.
    private func logMerged(_ merged: Int, of count: Int, groups: Int, alone: [String: Int]) {
        ProcessRunner.commandLog?.write("swift: \(merged) of \(count) snippets compiled in \(groups) shared module(s)"
            + (alone.isEmpty ? "" : "; alone: " + alone.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .map { "\($0.value) \($0.key)" }.joined(separator: ", ")))
    }
}
