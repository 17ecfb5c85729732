import Foundation

/// Verifies snippets: builds each one's program, compiles every snippet as its own module in
/// parallel, links the runnable ones into one binary, runs each in its own directory, and
/// judges the results — reusing cached verdicts for anything unchanged.
public struct Verifier: Sendable {
    public var options: VerificationOptions
    public var toolchain: Toolchain
    /// Called once per snippet as its verdict is known (progress, live reports).
    public var onResult: (@Sendable (SnippetResult) -> Void)?

    public init(options: VerificationOptions, toolchain: Toolchain, onResult: (@Sendable (SnippetResult) -> Void)? = nil) {
        self.options = options
        self.toolchain = toolchain
        self.onResult = onResult
    }

    /// A snippet on its way through the pipeline.
    private struct Job: Sendable {
        var snippet: Snippet
        var source: EffectiveSource
        var objectKey: String
        var verdictKey: String
        var objectPath: String?
        var result: SnippetResult?
        var started: ContinuousClock.Instant
    }

    public func verify(_ snippets: [Snippet], in sheets: [Sheet]) async throws -> VerificationReport {
        let clock = ContinuousClock()
        let work = options.workDirectory
        let fileManager = FileManager.default
        for folder in ["objects", "bin", "verdicts", "scratch"] {
            try fileManager.createDirectory(atPath: "\(work)/\(folder)", withIntermediateDirectories: true)
        }
        let scratch = "\(work)/scratch/\(ProcessInfo.processInfo.processIdentifier)"
        try fileManager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        ChildProcesses.shared.writing(folder: scratch)
        defer {
            ChildProcesses.shared.finished(folder: scratch)
            try? fileManager.removeItem(atPath: scratch)
        }

        let compiler = SnippetCompiler(toolchain: toolchain, extraFlags: options.extraCompilerFlags, objectDirectory: "\(work)/objects")
        let cache = VerdictCache(directory: "\(work)/verdicts")
        var named: [String: [String: Snippet]] = [:]
        for sheet in sheets {
            for snippet in sheet.snippets {
                if let id = snippet.attributes.id { named[sheet.id, default: [:]][id] = snippet }
            }
        }

        var finished: [SnippetResult] = []
        var jobs: [Job] = []
        var examples: [ExamplePackage.Target] = []
        for snippet in snippets {
            let start = clock.now
            if snippet.attributes.mode == .ignore {
                finished.append(report(SnippetResult(snippet: snippet, status: .skipped)))
                continue
            }
            switch EffectiveSource.make(for: snippet, named: named[snippet.sheetID] ?? [:]) {
            case .failure(let diagnostic):
                finished.append(report(SnippetResult(snippet: snippet, status: .failed, diagnostics: [diagnostic])))
            case .success(let source):
                if snippet.attributes.mode != .compileFail {
                    examples.append(.init(name: snippet.symbolName, source: source))
                }
                let objectKey = compiler.objectKey(for: snippet, source: source)
                let verdictKey = verdictKey(for: snippet, objectKey: objectKey)
                if options.useCache, let entry = cache.lookup(verdictKey) {
                    finished.append(report(SnippetResult(snippet: snippet, status: .passed, compilerErrors: entry.compilerErrors, duration: entry.duration, cached: true)))
                } else {
                    jobs.append(Job(snippet: snippet, source: source, objectKey: objectKey, verdictKey: verdictKey, started: start))
                }
            }
        }

        if options.writesExamplePackage {
            try ExamplePackage(directory: "\(work)/examples").write(examples)
        }
        jobs = try await compileAll(jobs, compiler: compiler, scratch: scratch)
        jobs = try await linkAndRun(jobs, scratch: scratch)

        for job in jobs {
            guard let result = job.result else { continue }
            if result.status == .passed {
                cache.store(.init(compilerErrors: result.compilerErrors, duration: result.duration), for: job.verdictKey)
            }
            finished.append(result)
        }
        finished.sort { ($0.snippet.path, $0.snippet.index) < ($1.snippet.path, $1.snippet.index) }
        return VerificationReport(results: finished, toolchain: toolchain)
    }

    /// Everything that decides a verdict: the compiled program and what it is checked against.
    private func verdictKey(for snippet: Snippet, objectKey: String) -> String {
        Hashing.key([
            "verdict-v1", objectKey, snippet.attributes.canonical,
            String(options.defaultTimeout), String(options.outputLimit),
            snippet.expectedOutput?.text ?? "<none>", snippet.expectedErrors?.text ?? "<none>",
        ])
    }

    private func report(_ result: SnippetResult) -> SnippetResult {
        onResult?(result)
        return result
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock().now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    // MARK: Compiling

    private func compileAll(_ jobs: [Job], compiler: SnippetCompiler, scratch: String) async throws -> [Job] {
        try await forEachConcurrently(jobs, width: options.jobs) { job in
            var job = job
            let snippet = job.snippet
            if snippet.attributes.mode == .compileFail {
                // Never cached as an object: it must not compile. Same flags as every other snippet,
                // so SIL-stage diagnostics (region-based isolation) are seen too.
                let outcome = try await compiler.compile(snippet, source: job.source, key: "reject-\(job.objectKey)", scratch: scratch)
                let output: String?
                switch outcome {
                case .compiled(let path):
                    try? FileManager.default.removeItem(atPath: path)
                    output = nil
                case .rejected(let text):
                    output = text
                }
                let problems = SnippetJudge.judgeRejection(snippet, compilerOutput: output)
                let errors = output.map { CompilerMessages.parse($0).filter { $0.severity == .error }.map(\.message) } ?? []
                job.result = report(SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed,
                                                  diagnostics: problems, compilerErrors: errors, duration: seconds(since: job.started)))
                return job
            }
            switch try await compiler.compile(snippet, source: job.source, key: job.objectKey, scratch: scratch) {
            case .compiled(let path):
                job.objectPath = path
                if snippet.attributes.mode == .compileOnly {
                    job.result = report(SnippetResult(snippet: snippet, status: .passed, duration: seconds(since: job.started)))
                }
            case .rejected(let text):
                job.result = report(SnippetResult(snippet: snippet, status: .failed, diagnostics: compileFailure(snippet, output: text), duration: seconds(since: job.started)))
            }
            return job
        }
    }

    private func compileFailure(_ snippet: Snippet, output: String) -> [Diagnostic] {
        var errors = CompilerMessages.parse(output).filter { $0.severity == .error }
        if errors.isEmpty {
            errors = [.error("snippet does not compile", at: snippet.location, details: output.split(separator: "\n").map { "  \($0)" })]
        }
        let note = Diagnostic(.note, at: snippet.location, "in snippet \(snippet.name)")
        return errors.map { error in
            var error = error
            error.notes.append(note)
            return error
        }
    }

    // MARK: Linking and running

    private func linkAndRun(_ jobs: [Job], scratch: String) async throws -> [Job] {
        let runnable = jobs.indices.filter { jobs[$0].result == nil && jobs[$0].objectPath != nil }
        guard !runnable.isEmpty else { return jobs }
        var jobs = jobs
        let linker = Linker(toolchain: toolchain, extraFlags: options.extraCompilerFlags, binaryDirectory: "\(options.workDirectory)/bin")
        let entries = runnable.map { entry(for: jobs[$0]) }
        var binaries: [Int: String] = [:]
        switch try await linker.link(entries, scratch: scratch) {
        case .linked(let binary):
            for index in runnable { binaries[index] = binary }
        case .failed:
            // Isolate the snippet that breaks the shared link: link each one alone.
            let pending = runnable.map { ($0, entry(for: jobs[$0])) }
            let alone = try await forEachConcurrently(pending, width: options.jobs) { index, entry in
                (index, try await linker.link([entry], scratch: scratch))
            }
            for (index, outcome) in alone {
                switch outcome {
                case .linked(let binary): binaries[index] = binary
                case .failed(let output):
                    let snippet = jobs[index].snippet
                    jobs[index].result = report(SnippetResult(snippet: snippet, status: .failed, diagnostics: [
                        .error("snippet does not link", at: snippet.location, details: output.split(separator: "\n").suffix(10).map { "  \($0)" })]))
                }
            }
        }
        let toRun = runnable.compactMap { index in binaries[index].map { (index, jobs[index], $0) } }
        let verdicts = try await forEachConcurrently(toRun, width: options.jobs) { index, job, binary in
            (index, try await run(job, binary: binary))
        }
        for (index, result) in verdicts { jobs[index].result = result }
        return jobs
    }

    private func entry(for job: Job) -> Linker.Entry {
        Linker.Entry(symbolName: job.snippet.symbolName, entryPoint: SnippetCompiler.entryPoint(for: job.snippet),
                     objectPath: job.objectPath!, objectKey: job.objectKey)
    }

    private func run(_ job: Job, binary: String) async throws -> SnippetResult {
        let snippet = job.snippet
        let directory = try SandboxDirectory()
        defer { directory.remove() }
        let timeout = snippet.attributes.timeout ?? options.defaultTimeout
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["TMPDIR"] = directory.path
        environment["CHEATGEN_SNIPPET"] = snippet.name
        let outcome = try await ProcessRunner.run(
            URL(fileURLWithPath: binary).standardizedFileURL.path, arguments: [snippet.symbolName],
            workingDirectory: directory.path, environment: environment,
            timeout: .milliseconds(Int(timeout * 1000)), outputLimit: options.outputLimit)
        let problems = SnippetJudge.judge(snippet, outcome: outcome, timeout: timeout, outputLimit: options.outputLimit)
        return report(SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed,
                                    diagnostics: problems, duration: seconds(since: job.started)))
    }
}
