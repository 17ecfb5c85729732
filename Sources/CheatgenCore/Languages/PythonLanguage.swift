import Foundation

/// Python snippets: each runs as a script with `python3`; `compile-fail` means a `SyntaxError`,
/// `should-crash` an uncaught exception. Tracebacks are rewritten to name the Markdown line.
public struct PythonLanguage: SnippetLanguage {
    public let interpreter: String
    /// `Python 3.11.7`
    public let version: String

    public init(interpreter: String, version: String) {
        self.interpreter = interpreter
        self.version = version
    }

    public var name: String { "python" }
    public var toolchainID: String { version }
    public var versionLabel: String { version }

    /// Finds `python3` on PATH (or `$CHEATGEN_PYTHON`) and its version; nil when absent.
    public static func locate(cacheDirectory: String? = nil) async -> PythonLanguage? {
        guard let interpreter = ToolVersion.locate("python3", override: "CHEATGEN_PYTHON"),
              let version = await ToolVersion.version(of: interpreter, cacheDirectory: cacheDirectory) else { return nil }
        return PythonLanguage(interpreter: interpreter, version: version.trimmed())
    }

    public func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        let order: [Snippet]
        switch UsesResolution.order(for: snippet, named: named) {
        case .success(let snippets): order = snippets
        case .failure(let problem): return .failure(problem)
        }
        var lines: [String] = []
        var lineMap: [Int] = []
        for used in order {
            for (offset, line) in PythonDeclarations.extract(from: used.code) {
                lines.append(line)
                lineMap.append(used.firstCodeLine + offset)
            }
        }
        for (offset, line) in snippet.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines.append(String(line))
            lineMap.append(snippet.firstCodeLine + offset)
        }
        return .success(EffectiveSource(text: lines.joined(separator: "\n") + "\n", isLibrary: false, lineMap: lineMap))
    }

    /// Every run of every snippet (`--repeat N` of each) at once, `--jobs` at a time.
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
            result.checks = .init(runs: verdicts.count, maxTime: snippets[index].snippet.attributes.maxTime)
            return context.report(result)
        }
    }

    private enum Attempt: Sendable {
        /// `compile-only` and `compile-fail`: a verdict without running.
        case checked(SnippetResult)
        case ran(RunVerdict)
    }

    private func file(for snippet: Snippet, context: VerificationContext) -> String {
        URL(fileURLWithPath: "\(context.scratch)/\(snippet.symbolName).py").standardizedFileURL.path
    }

    private func attempt(_ prepared: PreparedSnippet, context: VerificationContext) async throws -> Attempt {
        var prepared = prepared
        prepared.started = ContinuousClock.now  // its own run, not the wait for a free job
        let snippet = prepared.snippet
        let file = file(for: snippet, context: context)
        let environment = ["PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"]
        let mapper = TracebackMapper(file: file, markdownPath: snippet.path, lineMap: prepared.source.lineMap)
        if snippet.attributes.mode == .compileFail || snippet.attributes.mode == .compileOnly {
            let outcome = try await SnippetProcess.run(
                interpreter, arguments: ["-c", "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')", file],
                snippet: snippet, options: context.options, environment: environment)
            let rejected = outcome.succeeded ? nil : mapper.rewrite(outcome.errorText)
            let problems: [Diagnostic]
            if snippet.attributes.mode == .compileFail {
                problems = SnippetJudge.judgeRejection(snippet, compilerOutput: rejected)
            } else {
                problems = rejected.map { [.error("snippet does not compile: \(mapper.lastLine(of: $0))", at: mapper.location(in: $0) ?? snippet.location, details: Self.indent($0))] } ?? []
            }
            let errors = rejected.map { [mapper.lastLine(of: $0)] } ?? []
            return .checked(context.report(SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed, diagnostics: problems,
                                                         compilerErrors: errors, duration: context.seconds(since: prepared.started))))
        }
        var outcome = try await SnippetProcess.run(interpreter, arguments: ["-X", "utf8", file], snippet: snippet,
                                                   options: context.options, environment: environment)
        outcome.standardError = Array(mapper.rewrite(outcome.errorText).utf8)
        let checks = SnippetJudge.RunChecks(timeout: snippet.attributes.timeout ?? context.options.defaultTimeout,
                                            outputLimit: context.options.outputLimit, maxTime: snippet.attributes.maxTime,
                                            memoryLimit: snippet.attributes.memory ?? context.options.memoryLimit,
                                            processLimit: context.options.processLimit)
        var problems = SnippetJudge.judge(snippet, outcome: outcome, checks: checks)
        // An uncaught exception is reported at the snippet line that raised it, with the exception.
        if case .exited(let status) = outcome.ending, status != 0, snippet.attributes.mode != .shouldCrash, !outcome.timedOut,
           let index = problems.firstIndex(where: { $0.message.hasPrefix("snippet exited with status") }) {
            let traceback = outcome.errorText
            problems[index] = .error("snippet raised \(mapper.lastLine(of: traceback))", at: mapper.location(in: traceback) ?? snippet.location,
                                     details: Self.indent(traceback))
        }
        return .ran(RunVerdict(outcome: outcome, problems: problems))
    }

    private static func indent(_ text: String) -> [String] {
        text.split(separator: "\n").suffix(12).map { "  \($0)" }
    }
}

/// Rewrites `File "/tmp/…/x.py", line 7` in Python's messages to the Markdown file and line.
struct TracebackMapper {
    let file: String
    let markdownPath: String
    let lineMap: [Int]

    func markdownLine(_ line: Int) -> Int? {
        line >= 1 && line <= lineMap.count ? lineMap[line - 1] : nil
    }

    func rewrite(_ text: String) -> String {
        let needle = "File \"\(file)\", line "
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: needle) else { return String(line) }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            guard let number = Int(digits), let mapped = markdownLine(number) else { return String(line) }
            return line[..<range.lowerBound] + "File \"\(markdownPath)\", line \(mapped)" + line[range.upperBound...].dropFirst(digits.count)
        }.joined(separator: "\n")
    }

    /// The innermost frame in the snippet, from an already rewritten traceback.
    func location(in rewritten: String) -> SourceLocation? {
        let needle = "File \"\(markdownPath)\", line "
        guard let line = rewritten.split(separator: "\n").last(where: { $0.contains(needle) }),
              let range = line.range(of: needle),
              let number = Int(line[range.upperBound...].prefix { $0.isNumber }) else { return nil }
        return SourceLocation(path: markdownPath, line: number)
    }

    /// `ValueError: boom` — the last non-empty line of a traceback.
    func lastLine(of text: String) -> String {
        text.split(separator: "\n").last.map { $0.trimmed() } ?? "an error"
    }
}

/// What `uses=` brings from a Python snippet: its top-level imports, functions, classes
/// (with their decorators) and assignments — not its calls, prints or `asyncio.run(…)`.
enum PythonDeclarations {
    /// (line offset within the snippet, line) pairs to prepend.
    static func extract(from code: String) -> [(Int, String)] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [(Int, String)] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            // A top-level statement runs until the next line that starts at column 0 and is not a closer.
            var end = index + 1
            while end < lines.count, isContinuation(lines[end]) { end += 1 }
            if isDeclaration(line) {
                for offset in index..<end { result.append((offset, lines[offset])) }
            }
            index = end
        }
        return result
    }

    private static func isContinuation(_ line: String) -> Bool {
        guard let first = line.first else { return true }
        return first == " " || first == "\t" || first == ")" || first == "]" || first == "}"
    }

    private static func isDeclaration(_ line: String) -> Bool {
        for prefix in ["import ", "from ", "def ", "async def ", "class ", "@"] where line.hasPrefix(prefix) { return true }
        // NAME = …, NAME: T = …  (not ==, not calls)
        let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "," || $0 == " " }
        let rest = line.dropFirst(name.count)
        guard !name.trimmed().isEmpty, let first = name.first, first.isLetter || first == "_" else { return false }
        if rest.hasPrefix("=") && !rest.hasPrefix("==") { return true }
        if rest.hasPrefix(":") { return rest.contains("=") }
        return false
    }
}
