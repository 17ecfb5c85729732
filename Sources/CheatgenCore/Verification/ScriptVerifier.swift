import Foundation

/// What a language whose snippets are scripts tells `ScriptVerifier`: the interpreter, how
/// to check a file's syntax without running it, how to run it, and how to read its errors.
public protocol ScriptInterpreter: Sendable {
    var language: any Language { get }
    /// The interpreter's path.
    var executable: String { get }
    /// Shown on pages and part of every verdict's key: `Python 3.11.7`, `Node 20.20.2`.
    var version: String { get }
    /// The script's file name in the run's scratch folder is the snippet's symbol name with this
    /// extension (`py`, `mjs`).
    var fileExtension: String { get }
    /// Variables the interpreter needs besides the snippet environment's own.
    var environment: [String: String] { get }
    /// Checks `file`'s syntax without running it: exits 0 when it would compile.
    func checkArguments(file: String) -> [String]
    /// Runs `file`.
    func runArguments(file: String) -> [String]
    /// What went wrong, read from the interpreter's standard error about `file`.
    func failure(in errorText: String, file: String, snippet: Snippet, lineMap: [Int]) -> ScriptFailure
    /// What an exit status means when the interpreter gives it a meaning of its own.
    func explanation(ofExitStatus status: Int32) -> String?
}

extension ScriptInterpreter {
    public func explanation(ofExitStatus status: Int32) -> String? { nil }
}

/// An interpreter's error, read back to the Markdown.
public struct ScriptFailure: Sendable {
    /// The whole error text, with the script's file and lines replaced by the Markdown's.
    public var rewritten: String
    /// The innermost place in the snippet the error names, if it names one.
    public var location: SourceLocation?
    /// One line that says what it was: `ValueError: boom`, `SyntaxError: Unexpected token '}'`.
    public var summary: String
    /// The verb for an uncaught error in the message `snippet <verb> <summary>`: `raised`, `threw`.
    public var verb: String

    public init(rewritten: String, location: SourceLocation?, summary: String, verb: String) {
        self.rewritten = rewritten
        self.location = location
        self.summary = summary
        self.verb = verb
    }
}

/// Verifies the snippets of a script language: each is written to a file and run by its
/// interpreter, every run of every snippet (`--repeat N` of each) at once, `--jobs` at a time;
/// `compile-only` and `compile-fail` check the syntax without running. Errors and stack
/// traces name the Markdown file and line.
public struct ScriptVerifier<Interpreter: ScriptInterpreter>: SnippetVerifier {
    public let interpreter: Interpreter

    public init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    public var language: any Language { interpreter.language }
    public var toolchainID: String { interpreter.version }
    public var versionLabel: String { interpreter.version }

    public func verify(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult] {
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
                    [.error("snippet does not compile: \($0.summary)", at: $0.location ?? snippet.location, details: Self.indent($0.rewritten))]
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
        var problems = SnippetJudge.judge(snippet, outcome: outcome, checks: .init(prepared.limits))
        // An uncaught error is reported at the snippet line that raised it, with the error; an
        // exit status the interpreter gives a meaning, with that meaning.
        if case .exited(let status) = outcome.ending, status != 0, snippet.attributes.mode != .shouldCrash, !outcome.timedOut,
           let index = problems.firstIndex(where: { $0.message.hasPrefix("snippet exited with status") }) {
            if let meaning = interpreter.explanation(ofExitStatus: status) {
                problems[index].message += ": \(meaning)"
            } else if !raised.rewritten.allSatisfy(\.isWhitespace) {
                problems[index] = .error("snippet \(raised.verb) \(raised.summary)", at: raised.location ?? snippet.location,
                                         details: Self.indent(raised.rewritten))
            }
        }
        return .ran(RunVerdict(outcome: outcome, problems: problems))
    }

    private static func indent(_ text: String) -> [String] {
        text.split(separator: "\n").suffix(12).map { "  \($0)" }
    }
}

/// How a script language prepares a snippet: the `uses=` declarations its language finds in
/// the named snippets, then the snippet's own code, with every line mapped to the Markdown.
public enum ScriptSource {
    public static func make(for snippet: Snippet, named: [String: Snippet], language: any Language) -> Result<EffectiveSource, Diagnostic> {
        let order: [Snippet]
        switch UsesResolution.order(for: snippet, named: named) {
        case .success(let snippets): order = snippets
        case .failure(let problem): return .failure(problem)
        }
        var lines: [String] = []
        var lineMap: [Int] = []
        func add(_ code: String, from line: Int) {
            for (offset, text) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append(String(text))
                lineMap.append(line + offset)
            }
        }
        for used in order {
            for declaration in language.declarations(in: used.code) {
                add(declaration.text, from: used.firstCodeLine + declaration.lineOffset)
            }
        }
        add(snippet.code, from: snippet.firstCodeLine)
        return .success(EffectiveSource(text: lines.joined(separator: "\n") + "\n", isLibrary: false, lineMap: lineMap))
    }
}
