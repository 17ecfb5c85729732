import Foundation
import CheatgenModel
import CheatgenVerification

/// Runs doctest blocks with `python3` and `DoctestDriver`, under the same containment as every
/// snippet (`SnippetProcess`): each block in its own process and folder, every run of every
/// block (`--repeat N` of each) at once, `--jobs` at a time. A failing example is an error at
/// its own Markdown line; what its run printed is what `bless` writes under it.
struct DoctestVerifier: SnippetVerifier {
    let python: PythonInterpreter

    var language: any Language { DoctestLanguage() }
    var toolchainID: String { python.version }
    var versionLabel: String { python.versionLabel }

    func cacheSalt(for snippet: Snippet, options: VerificationOptions) -> String {
        "doctest driver \(DoctestDriver.digest)"
    }

    func verify(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult] {
        let driver = URL(fileURLWithPath: "\(context.scratch)/cheatgen_doctest.py").standardizedFileURL.path
        try DoctestDriver.source.write(toFile: driver, atomically: false, encoding: .utf8)
        let files = snippets.map { Files($0, scratch: context.scratch) }
        for (prepared, block) in zip(snippets, files) {
            try block.setupText.write(toFile: block.setup, atomically: false, encoding: .utf8)
            try prepared.snippet.code.write(toFile: block.block, atomically: false, encoding: .utf8)
        }
        var results: [Int: SnippetResult] = [:]
        var runnable: [Int] = []
        for (index, prepared) in snippets.enumerated() {
            if prepared.snippet.attributes.mode != .run {
                // `should-crash`, `compile-only`, `compile-fail`: the sheet's error says why (`checkOptions`).
                results[index] = context.report(SnippetResult(snippet: prepared.snippet, status: .skipped))
            } else if let refused = refusal(prepared.snippet) {
                results[index] = context.report(SnippetResult(snippet: prepared.snippet, status: .failed, diagnostics: [refused]))
            } else {
                runnable.append(index)
            }
        }
        let items = runnable.flatMap { index in Array(repeating: index, count: context.options.repeatCount) }
        let runs = try await forEachConcurrently(items, width: context.options.jobs) { index in
            try await run(snippets[index], files: files[index], driver: driver, context: context)
        }
        var byIndex: [Int: [Run]] = [:]
        for (index, run) in zip(items, runs) { byIndex[index, default: []].append(run) }
        for (index, runs) in byIndex {
            var result = RunVerdict.combine(runs.map(\.verdict), snippet: snippets[index].snippet, compileSeconds: 0)
            result.checks = .init(runs: runs.count, maxTime: snippets[index].limits.maxTime)
            result.outputInCode = (runs.first { !$0.verdict.passed } ?? runs[0]).outputInCode
            results[index] = context.report(result)
        }
        return results.keys.sorted().map { results[$0]! }
    }

    /// What a doctest block cannot be, said before it runs.
    private func refusal(_ snippet: Snippet) -> Diagnostic? {
        if let output = snippet.expectedOutput {
            return .error(.misplacedBlock, "a doctest's expected output is written under each of its examples; this 'output' block would never be checked",
                          at: output.location)
        }
        if snippet.attributes.unordered {
            return .error(.invalidAttribute, "'unordered' does not apply to a doctest: each example's output is compared as doctest compares it (use '# doctest: +ELLIPSIS' or '+NORMALIZE_WHITESPACE')",
                          at: snippet.location)
        }
        return nil
    }

    /// The files one block runs from, in the run's scratch folder.
    private struct Files: Sendable {
        /// What `uses=` brings, run first; and the block itself, as written.
        var setup: String
        var block: String
        var setupText: String
        var place: DoctestBlock

        init(_ prepared: PreparedSnippet, scratch: String) {
            let snippet = prepared.snippet
            let base = URL(fileURLWithPath: "\(scratch)/\(snippet.symbolName)").standardizedFileURL.path
            setup = base + ".setup.py"
            block = base + ".doctest"
            // The prepared program is the setup's lines, then the block's own.
            let blockLines = snippet.code.split(separator: "\n", omittingEmptySubsequences: false).count
            let setupCount = max(prepared.source.lineMap.count - blockLines, 0)
            let lines = prepared.source.text.split(separator: "\n", omittingEmptySubsequences: false)
            setupText = lines.prefix(setupCount).joined(separator: "\n") + "\n"
            place = DoctestBlock(snippet: snippet, setupLineMap: Array(prepared.source.lineMap.prefix(setupCount)))
        }
    }

    private struct Run: Sendable {
        var verdict: RunVerdict
        var outputInCode: OutputInCode
    }

    private func run(_ prepared: PreparedSnippet, files: Files, driver: String, context: VerificationContext) async throws -> Run {
        let snippet = prepared.snippet
        var outcome = try await SnippetProcess.run(python.executable, arguments: ["-X", "utf8", driver, files.setup, files.block, snippet.symbolName],
                                                   snippet: snippet, limits: prepared.limits, options: context.options, environment: python.environment)
        let (report, rest) = DoctestReport.read(outcome.outputText)
        outcome.standardOutput = Array(rest.utf8)
        var problems = SnippetJudge.judge(snippet, outcome: outcome, checks: .init(prepared.limits))
        if let index = problems.firstIndex(where: { $0.message.hasPrefix("snippet exited with status") }),
           !outcome.errorText.allSatisfy(\.isWhitespace) {
            // The setup `uses=` brings raised before any example ran.
            let mapper = TracebackMapper(file: files.setup, markdownPath: snippet.path, lineMap: files.place.setupLineMap)
            let traceback = mapper.rewrite(outcome.errorText)
            problems[index] = .error(.uncaughtError, "snippet raised \(mapper.lastLine(of: traceback))", at: mapper.location(in: traceback) ?? snippet.location,
                                     details: traceback.split(separator: "\n").suffix(12).map { "  \($0)" })
        }
        guard problems.isEmpty else {
            return Run(verdict: RunVerdict(outcome: outcome, problems: problems), outputInCode: .cannotRewrite("it did not finish its examples"))
        }
        guard let report else {
            let stopped = Diagnostic.error(.exitStatus, "doctest stopped before reporting on its examples (did an example end the process?)", at: snippet.location)
            return Run(verdict: RunVerdict(outcome: outcome, problems: [stopped]), outputInCode: .cannotRewrite("it stopped before reporting on its examples"))
        }
        return Run(verdict: RunVerdict(outcome: outcome, problems: report.diagnostics(files.place, setupFile: files.setup)),
                   outputInCode: report.replacements(files.place))
    }
}
