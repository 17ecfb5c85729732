import Foundation

/// Swift snippets: every snippet compiled as its own module in parallel, the runnable ones
/// linked into one binary, each run in its own directory — objects cached by content.
public struct SwiftLanguage: SnippetLanguage {
    public let toolchain: Toolchain
    public let extraFlags: [String]
    public let workDirectory: String

    public init(toolchain: Toolchain, extraFlags: [String], workDirectory: String) {
        self.toolchain = toolchain
        self.extraFlags = extraFlags
        self.workDirectory = workDirectory
    }

    public var name: String { "swift" }
    public var toolchainID: String { toolchain.version }
    public var versionLabel: String { "Swift \(toolchain.shortVersion)" }

    public func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        EffectiveSource.make(for: snippet, named: named)
    }

    /// A snippet on its way through compile, link and run.
    private struct Job: Sendable {
        var prepared: PreparedSnippet
        var objectKey: String
        var objectPath: String?
        var result: SnippetResult?
        /// Seconds spent compiling this snippet (not waiting for others, or for packages).
        var compileSeconds: Double = 0
        var snippet: Snippet { prepared.snippet }
        var target: Linker.Target { .init(symbolName: snippet.symbolName, entryPoint: SnippetCompiler.entryPoint(for: snippet)) }
    }

    public func cacheSalt(for snippet: Snippet, options: VerificationOptions) -> String {
        let dependencies = options.dependencies[snippet.sheetID] ?? []
        return dependencies.isEmpty ? "" : DependencyBuild(dependencies: dependencies, toolchain: toolchain, workDirectory: workDirectory).key
    }

    /// Snippets are verified in groups that share their declared packages: each group compiles
    /// against its packages' modules and links its own runner with their library.
    public func verify(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult] {
        for folder in ["objects", "bin"] {
            try FileManager.default.createDirectory(atPath: "\(workDirectory)/\(folder)", withIntermediateDirectories: true)
        }
        var groups: [String: (dependencies: [PackageDependency], snippets: [PreparedSnippet])] = [:]
        for prepared in snippets {
            let dependencies = context.options.dependencies[prepared.snippet.sheetID] ?? []
            groups[dependencies.canonicalKey, default: (dependencies, [])].snippets.append(prepared)
        }
        var results: [SnippetResult] = []
        for key in groups.keys.sorted() {
            let (dependencies, members) = groups[key]!
            var compileFlags = extraFlags
            var linkFlags = extraFlags
            if !dependencies.isEmpty {
                let build = DependencyBuild(dependencies: dependencies, toolchain: toolchain, workDirectory: workDirectory)
                let problems = try await build.build(toolchain: toolchain, log: { context.options.log?($0) })
                if !problems.isEmpty {
                    for (offset, prepared) in members.enumerated() {
                        let own = Diagnostic.error("not verified: the packages declared for this sheet did not build", at: prepared.snippet.location)
                        results.append(context.report(SnippetResult(snippet: prepared.snippet, status: .failed,
                                                                     diagnostics: offset == 0 ? problems + [own] : [own])))
                    }
                    continue
                }
                compileFlags += build.compileFlags
                linkFlags += build.linkFlags
            }
            var compiler = SnippetCompiler(toolchain: toolchain, extraFlags: compileFlags, objectDirectory: "\(workDirectory)/objects")
            let groupLinkFlags = linkFlags
            async let linkJobs = LinkInvocation.learn(swiftc: toolchain.swiftc, flags: groupLinkFlags, cacheDirectory: workDirectory)
            await compiler.learnFrontend(cacheDirectory: workDirectory)
            var jobs = members.map { Job(prepared: $0, objectKey: compiler.objectKey(for: $0.snippet, source: $0.source)) }
            let linker = Linker(toolchain: toolchain, compileFlags: compileFlags, extraFlags: linkFlags,
                                binaryDirectory: "\(workDirectory)/bin", objectDirectory: "\(workDirectory)/objects",
                                frontend: compiler.frontend.script, linkJobs: await linkJobs)
            // The dispatcher for the snippets expected to run compiles alongside them.
            let expected = jobs.filter { ![.compileFail, .compileOnly].contains($0.snippet.attributes.mode) }.map(\.target)
            async let dispatcher = expected.isEmpty ? nil : linker.dispatcher(for: expected, scratch: context.scratch)
            jobs = try await compileAll(jobs, compiler: compiler, context: context)
            jobs = try await linkAndRun(jobs, linker: linker, dispatcher: (expected, try await dispatcher), context: context)
            results += jobs.compactMap(\.result)
        }
        return results
    }

    // MARK: Compiling

    private func compileAll(_ jobs: [Job], compiler: SnippetCompiler, context: VerificationContext) async throws -> [Job] {
        try await forEachConcurrently(jobs, width: context.options.jobs) { job in
            var job = job
            let snippet = job.snippet
            let source = job.prepared.source
            let started = ContinuousClock.now
            if snippet.attributes.mode == .compileFail {
                // Never cached as an object: it must not compile. Same flags as every other snippet,
                // so diagnostics of later compiler stages (region-based isolation) are seen too.
                let outcome = try await compiler.compile(snippet, source: source, key: "reject-\(job.objectKey)", scratch: context.scratch)
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
                job.result = context.report(SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed,
                                                          diagnostics: problems, compilerErrors: errors, duration: context.seconds(since: started)))
                return job
            }
            let outcome = try await compiler.compile(snippet, source: source, key: job.objectKey, scratch: context.scratch)
            job.compileSeconds = context.seconds(since: started)
            switch outcome {
            case .compiled(let path):
                job.objectPath = path
                if snippet.attributes.mode == .compileOnly {
                    job.result = context.report(SnippetResult(snippet: snippet, status: .passed, duration: context.seconds(since: started)))
                }
            case .rejected(let text):
                job.result = context.report(SnippetResult(snippet: snippet, status: .failed, diagnostics: Self.compileFailure(snippet, output: text),
                                                          duration: context.seconds(since: started)))
            }
            return job
        }
    }

    static func compileFailure(_ snippet: Snippet, output: String) -> [Diagnostic] {
        var errors = CompilerMessages.parse(output).filter { $0.severity == .error }
        if errors.isEmpty {
            errors = [.error("snippet does not compile", at: snippet.location, details: output.split(separator: "\n").map { "  \($0)" })]
        }
        let note = Diagnostic(.note, at: snippet.location, "in snippet \(snippet.name)")
        return errors.map { error in
            var error = error
            if let module = Self.missingModule(in: error.message) {
                error.notes.append(Diagnostic(.note, at: snippet.location,
                    "to import '\(module)', declare the package that provides it under 'dependencies:' in the sheet's front matter (url, from, products) or in cheatgen.yml"))
            }
            error.notes.append(note)
            return error
        }
    }

    /// `no such module 'AsyncAlgorithms'` → `AsyncAlgorithms`
    static func missingModule(in message: String) -> String? {
        guard message.hasPrefix("no such module '"), message.hasSuffix("'") else { return nil }
        return String(message.dropFirst("no such module '".count).dropLast())
    }

    // MARK: Linking and running

    /// `dispatcher`: the dispatcher compiled ahead for the snippets expected to run; used when
    /// they all compiled.
    private func linkAndRun(_ jobs: [Job], linker: Linker, dispatcher: ([Linker.Target], Linker.Outcome?),
                            context: VerificationContext) async throws -> [Job] {
        let runnable = jobs.indices.filter { jobs[$0].result == nil && jobs[$0].objectPath != nil }
        guard !runnable.isEmpty else { return jobs }
        var jobs = jobs
        let entries = runnable.map { entry(for: jobs[$0]) }
        var ready: String?
        if case .built(let object)? = dispatcher.1, dispatcher.0 == entries.map(\.target) { ready = object }
        var binaries: [Int: String] = [:]
        switch try await linker.link(entries, dispatcher: ready, scratch: context.scratch) {
        case .built(let binary):
            for index in runnable { binaries[index] = binary }
        case .failed:
            // Isolate the snippet that breaks the shared link: link each one alone.
            let pending = runnable.map { ($0, entry(for: jobs[$0])) }
            let alone = try await forEachConcurrently(pending, width: context.options.jobs) { index, entry in
                (index, try await linker.link([entry], scratch: context.scratch))
            }
            for (index, outcome) in alone {
                switch outcome {
                case .built(let binary): binaries[index] = binary
                case .failed(let output):
                    let snippet = jobs[index].snippet
                    jobs[index].result = context.report(SnippetResult(snippet: snippet, status: .failed, diagnostics: [
                        .error("snippet does not link", at: snippet.location, details: output.split(separator: "\n").suffix(10).map { "  \($0)" })]))
                }
            }
        }
        let toRun = runnable.compactMap { index in binaries[index].map { (index, jobs[index], $0) } }
        let verdicts = try await forEachConcurrently(toRun, width: context.options.jobs) { index, job, binary in
            (index, try await run(job, binary: binary, context: context))
        }
        for (index, result) in verdicts { jobs[index].result = result }
        return jobs
    }

    private func entry(for job: Job) -> Linker.Entry {
        Linker.Entry(target: job.target, objectPath: job.objectPath!, objectKey: job.objectKey)
    }

    private func run(_ job: Job, binary: String, context: VerificationContext) async throws -> SnippetResult {
        let snippet = job.snippet
        let outcome = try await SnippetProcess.run(
            URL(fileURLWithPath: binary).standardizedFileURL.path, arguments: [snippet.symbolName],
            snippet: snippet, options: context.options, environment: ["SWIFT_BACKTRACE": "enable=no"])
        let timeout = snippet.attributes.timeout ?? context.options.defaultTimeout
        let problems = SnippetJudge.judge(snippet, outcome: outcome, timeout: timeout, outputLimit: context.options.outputLimit,
                                          memoryLimit: snippet.attributes.memory ?? context.options.memoryLimit, processLimit: context.options.processLimit)
        let runSeconds = Double(outcome.duration.components.seconds) + Double(outcome.duration.components.attoseconds) / 1e18
        var result = SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed,
                                   diagnostics: problems, duration: job.compileSeconds + runSeconds)
        result.ending = .init(outcome)
        result.actualOutput = outcome.outputText
        return context.report(result)
    }
}
