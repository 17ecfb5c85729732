import Foundation
import CheatgenModel

/// Verifies the snippets of a script language: each is written to a file and run by its
/// interpreter, every run of every snippet (`--repeat N` of each) at once, `--jobs` at a time;
/// `compile-only` and `compile-fail` check the syntax without running. Errors and stack
/// traces name the Markdown file and line.
package struct ScriptVerifier<Interpreter: ScriptInterpreter>: SnippetVerifier {
    let interpreter: Interpreter

    package init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    package var language: any Language { interpreter.language }
    package var toolchainID: String { interpreter.version }
    package var versionLabel: String { interpreter.versionLabel }

    package func verify(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult] {
        for prepared in snippets {
            try prepared.source.text.write(toFile: file(for: prepared.snippet, context: context), atomically: false, encoding: .utf8)
        }
        let runs = [.run, .shouldCrash] as [SnippetAttributes.Mode]
        let items = snippets.indices.flatMap { index in
            (0..<(runs.contains(snippets[index].snippet.attributes.mode) ? context.options.repeatCount : 1)).map { _ in index }
        }
        let attempts = try await forEachConcurrently(items, width: context.options.jobs) { index in
            try await attempt(snippets[index], context: context)
        }
        var byIndex: [Int: [Attempt]] = [:]
        for (index, attempt) in zip(items, attempts) { byIndex[index, default: []].append(attempt) }
        return byIndex.keys.sorted().map { index in
            let attempts = byIndex[index]!
            if case .checked(let result) = attempts[0] { return result }
            let verdicts = attempts.compactMap { if case .ran(let verdict) = $0 { verdict } else { nil } }
            var result = RunVerdict.combine(verdicts, snippet: snippets[index].snippet, compileSeconds: 0)
            result.checks = .init(runs: verdicts.count, maxTime: snippets[index].limits.maxTime)
            return context.report(result)
        }
    }

    private enum Attempt: Sendable {
        /// `compile-only` and `compile-fail`: a verdict without running.
        case checked(SnippetResult)
        case ran(RunVerdict)
    }

    private func file(for snippet: Snippet, context: VerificationContext) -> String {
        URL(fileURLWithPath: "\(context.scratch)/\(snippet.symbolName).\(interpreter.fileExtension)").standardizedFileURL.path
    }

    private func attempt(_ prepared: PreparedSnippet, context: VerificationContext) async throws -> Attempt {
        var prepared = prepared
        prepared.started = ContinuousClock.now  // its own run, not the wait for a free job
        let snippet = prepared.snippet
        let file = file(for: snippet, context: context)
        let failure = { (text: String) in interpreter.failure(in: text, file: file, snippet: snippet, lineMap: prepared.source.lineMap) }
        if snippet.attributes.mode == .compileFail || snippet.attributes.mode == .compileOnly {
            let outcome = try await SnippetProcess.run(interpreter.executable, arguments: interpreter.checkArguments(file: file), snippet: snippet,
                                                       limits: prepared.limits, options: context.options, environment: interpreter.environment)
            let rejected = outcome.succeeded ? nil : failure(outcome.errorText)
            let problems: [Diagnostic]
            if snippet.attributes.mode == .compileFail {
                problems = SnippetJudge.judgeRejection(snippet, compilerOutput: rejected?.rewritten)
            } else {
                problems = rejected.map {
                    [.error(.compileError, "snippet does not compile: \($0.summary)", at: $0.location ?? snippet.location, details: Self.indent($0.rewritten))]
                } ?? []
            }
            let errors = rejected.map { [$0.summary] } ?? []
            return .checked(context.report(SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed, diagnostics: problems,
                                                         compilerErrors: errors, duration: context.seconds(since: prepared.started))))
        }
        var outcome = try await SnippetProcess.run(interpreter.executable, arguments: interpreter.runArguments(file: file), snippet: snippet,
                                                   limits: prepared.limits, options: context.options, environment: interpreter.environment)
        let raised = failure(outcome.errorText)
        outcome.standardError = Array(raised.rewritten.utf8)
        // In a session, only what the snippet itself printed is its output.
        let (own, reached) = SessionOutput.split(outcome, marker: prepared.source.sessionMarker)
        outcome = own
        var problems = SnippetJudge.judge(snippet, outcome: outcome, checks: .init(prepared.limits))
        // An uncaught error is reported at the snippet line that raised it, with the error; an
        // exit status the interpreter gives a meaning, with that meaning.
        if case .exited(let status) = outcome.ending, status != 0, snippet.attributes.mode != .shouldCrash, !outcome.timedOut,
           let index = problems.firstIndex(where: { $0.message.hasPrefix("snippet exited with status") }) {
            if let meaning = interpreter.explanation(ofExitStatus: status) {
                problems[index].message += ": \(meaning)"
            } else if !raised.rewritten.allSatisfy(\.isWhitespace) {
                problems[index] = .error(.uncaughtError, "snippet \(raised.verb) \(raised.summary)", at: raised.location ?? snippet.location,
                                         details: Self.indent(raised.rewritten))
            }
        }
        if !reached { problems = SessionOutput.notReached(snippet, problems: problems, outcome: own, marker: prepared.source.sessionMarker) }
        return .ran(RunVerdict(outcome: outcome, problems: problems))
    }

    private static func indent(_ text: String) -> [String] {
        text.split(separator: "\n").suffix(12).map { "  \($0)" }
    }
}
