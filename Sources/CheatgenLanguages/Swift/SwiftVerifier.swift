import Foundation
import CheatgenModel
import CheatgenVerification

/// Verifies Swift snippets: every snippet compiled as its own module in parallel, the runnable
/// ones linked into one binary, each run in its own directory — objects cached by content.
struct SwiftVerifier: SnippetVerifier {
    let toolchain: Toolchain
    /// The `swift:` section of `cheatgen.yml`.
    let settings: SwiftSettings
    let workDirectory: String

    /// What a verdict's notes say when ThreadSanitizer watched the run (the badge names it).
    static let threadSanitizerNote = "swift.thread-sanitizer"

    init(toolchain: Toolchain, settings: SwiftSettings, workDirectory: String) {
        self.toolchain = toolchain
        self.settings = settings
        self.workDirectory = workDirectory
    }

    /// Extra `swiftc` flags for every snippet (`swift: flags:`).
    var extraFlags: [String] { settings.flags }

    var language: any Language { SwiftLanguage() }

    /// Keeps `.cheatgen/examples/` (one SwiftPM target per snippet that compiles) in step with
    /// the sheets, cached snippets included.
    func willVerify(_ snippets: [PreparedSnippet], context: VerificationContext) throws {
        guard context.options.writesExamplePackage else { return }
        // The book's tests (and the listings they verify) are programs of cheatgen's making: not examples.
        let targets = snippets.filter { $0.snippet.attributes.mode != .compileFail && $0.snippet.bookTestName == nil && $0.snippet.verifiedByBookTest == nil }.map { prepared in
            ExamplePackage.Target(name: prepared.snippet.symbolName, source: prepared.source,
                                  dependencies: context.options.dependencies[prepared.snippet.sheetID] ?? [],
                                  languageMode: SwiftSnippetOptions(prepared.snippet.attributes).languageMode,
                                  flags: SwiftSnippetOptions(prepared.snippet.attributes).flags)
        }
        try ExamplePackage(directory: "\(workDirectory)/examples").write(targets)
    }
    var toolchainID: String { toolchain.version }
    var versionLabel: String { VersionLabel.label("Swift", version: toolchain.shortVersion, components: 2) }

    /// A snippet on its way through compile, link and run.
    struct Job: Sendable {
        var prepared: PreparedSnippet
        var objectKey: String
        var objectPath: String?
        var result: SnippetResult?
        /// Seconds spent compiling this snippet (not waiting for others, or for packages).
        var compileSeconds: Double = 0
        /// The compiler's warnings about its own lines, reported with its verdict.
        var warnings: [Diagnostic] = []
        /// Compiled and run under ThreadSanitizer.
        var sanitized = false
        var snippet: Snippet { prepared.snippet }
        var target: Linker.Target { .init(symbolName: snippet.symbolName, entryPoint: SnippetCompiler.entryPoint(for: snippet)) }
    }

    func settingsSalt(for snippet: Snippet, options: VerificationOptions) -> String {
        var words = [settings.verdictKey]
        if Self.runs(snippet) {
            words.append("repeat=\(options.repeatCount)")
            if Self.sanitized(snippet, options: options) { words.append("sanitize=thread") }
        }
        return words.joined(separator: " ")
    }

    static func runs(_ snippet: Snippet) -> Bool { [.run, .shouldCrash].contains(snippet.attributes.mode) }

    /// Under ThreadSanitizer: asked for by the snippet or the run, it runs, and it does not opt out.
    static func sanitized(_ snippet: Snippet, options: VerificationOptions) -> Bool {
        let own = SwiftSnippetOptions(snippet.attributes)
        return runs(snippet) && !own.neverSanitize && (options.sanitizeThread || own.sanitizeThread)
    }

    func cacheSalt(for snippet: Snippet, options: VerificationOptions) -> String {
        let dependencies = options.dependencies[snippet.sheetID] ?? []
        return dependencies.isEmpty ? "" : DependencyBuild(dependencies: dependencies, toolchain: toolchain, workDirectory: workDirectory).key
    }

    /// Snippets are verified in groups that share their declared packages and sanitizer: each
    /// group compiles against its packages' modules and links its own runner with their library
    /// (and ThreadSanitizer's runtime).
    func verify(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult] {
        try await BookTestVerifier(swift: self).verify(snippets, context: context)
    }

    /// Verifies snippets as programs (the book's tests handed over by `BookTestVerifier`).
    func verifyPrograms(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult] {
        for folder in ["objects", "bin"] {
            try FileManager.default.createDirectory(atPath: "\(workDirectory)/\(folder)", withIntermediateDirectories: true)
        }
        var groups: [String: (dependencies: [PackageDependency], sanitized: Bool, snippets: [PreparedSnippet])] = [:]
        for prepared in snippets {
            let dependencies = context.options.dependencies[prepared.snippet.sheetID] ?? []
            let sanitized = Self.sanitized(prepared.snippet, options: context.options)
            groups[dependencies.canonicalKey + (sanitized ? "|tsan" : ""), default: (dependencies, sanitized, [])].snippets.append(prepared)
        }
        var results: [SnippetResult] = []
        for key in groups.keys.sorted() {
            let (dependencies, sanitized, members) = groups[key]!
            var compileFlags = extraFlags + (sanitized ? ["-sanitize=thread"] : [])
            var linkFlags = compileFlags
            if !dependencies.isEmpty {
                let build = DependencyBuild(dependencies: dependencies, toolchain: toolchain, workDirectory: workDirectory)
                let problems = try await build.build(toolchain: toolchain, log: { context.options.log?($0) })
                if !problems.isEmpty {
                    for (offset, prepared) in members.enumerated() {
                        let own = Diagnostic.error(.dependencyBuildFailed, "not verified: the packages declared for this sheet did not build", at: prepared.snippet.location)
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
            // Snippets with their own language mode or flags get a compiler of their own.
            var compilers: [String: SnippetCompiler] = ["": compiler]
            let groupFlags = compileFlags
            let settings = Set(members.map { Self.settingsKey($0.snippet) }).subtracting([""])
            for (key, own) in try await forEachConcurrently(Array(settings).sorted(), width: context.options.jobs, { key in
                let options = SwiftSnippetOptions(members.first { Self.settingsKey($0.snippet) == key }!.snippet.attributes)
                var own = SnippetCompiler(toolchain: toolchain, extraFlags: groupFlags + options.flags, objectDirectory: "\(workDirectory)/objects")
                own.languageMode = options.languageMode ?? "6"
                await own.learnFrontend(cacheDirectory: workDirectory)
                return (key, own)
            }) { compilers[key] = own }
            var jobs = members.map { member in
                var job = Job(prepared: member, objectKey: compilers[Self.settingsKey(member.snippet)]!.objectKey(for: member.snippet, source: member.source))
                job.sanitized = sanitized
                return job
            }
            let linker = Linker(toolchain: toolchain, compileFlags: compileFlags, extraFlags: linkFlags,
                                binaryDirectory: "\(workDirectory)/bin", objectDirectory: "\(workDirectory)/objects",
                                frontend: compiler.frontend.script, linkJobs: await linkJobs)
            // Runnable snippets that can share a module are compiled a few at a time, while the
            // others compile alone; what passes merged is done, anything else then goes alone too.
            let plan = self.settings.mergesSnippets ? Self.mergePlan(jobs) : MergePlan(programs: [:], alone: [:])
            let merging = jobs.filter { plan.programs[$0.snippet.symbolName] != nil }
            let runnableCount = jobs.count
            async let mergedPart = verifyMerged(merging, programs: plan.programs, alone: plan.alone, of: runnableCount,
                                                compileFlags: compileFlags, linker: linker, context: context)
            jobs = jobs.filter { plan.programs[$0.snippet.symbolName] == nil }
            // The dispatcher for the snippets expected to run compiles alongside them.
            let expected = jobs.filter { ![.compileFail, .compileOnly].contains($0.snippet.attributes.mode) }.map(\.target)
            async let dispatcher = expected.isEmpty ? nil : linker.dispatcher(for: expected, scratch: context.scratch)
            jobs = try await compileAll(jobs, compilers: compilers, context: context)
            jobs = try await linkAndRun(jobs, linker: linker, dispatcher: (expected, try await dispatcher), context: context)
            results += jobs.compactMap(\.result)
            let merged = try await mergedPart
            results += merged.done
            if !merged.rest.isEmpty {
                // Told to the run once settled against what the shared module's run said.
                var quiet = context
                quiet.report = { $0 }
                jobs = try await compileAll(merged.rest, compilers: compilers, context: quiet)
                jobs = try await linkAndRun(jobs, linker: linker, dispatcher: ([], nil), context: quiet)
                results += jobs.compactMap(\.result).map { context.report(Self.settle($0, failedRun: merged.failedRuns[$0.snippet.symbolName])) }
            }
        }
        return results
    }

    // MARK: Compiling

    /// `language-mode=` and `flags=` as one key ("" for the defaults).
    static func settingsKey(_ snippet: Snippet) -> String {
        let options = SwiftSnippetOptions(snippet.attributes)
        guard options.languageMode != nil || !options.flags.isEmpty else { return "" }
        return "\(options.languageMode ?? "6")|\(options.flags.joined(separator: " "))"
    }

    private func compileAll(_ jobs: [Job], compilers: [String: SnippetCompiler], context: VerificationContext) async throws -> [Job] {
        try await forEachConcurrently(jobs, width: context.options.jobs) { job in
            var job = job
            let snippet = job.snippet
            let source = job.prepared.source
            let compiler = compilers[Self.settingsKey(snippet)]!
            let started = ContinuousClock.now
            if snippet.attributes.mode == .compileFail {
                // Never cached as an object: it must not compile. Same flags as every other snippet,
                // so diagnostics of later compiler stages (region-based isolation) are seen too.
                let outcome = try await compiler.compile(snippet, source: source, key: "reject-\(job.objectKey)", scratch: context.scratch)
                let output: String?
                switch outcome {
                case .compiled(let path, _):
                    try? FileManager.default.removeItem(atPath: path)
                    try? FileManager.default.removeItem(atPath: CompiledObject.messagesFile(of: path))
                    output = nil
                case .rejected(let text):
                    output = text
                }
                let problems = SnippetJudge.judgeRejection(snippet, compilerOutput: output, errors: SwiftErrorReader())
                let errors = output.map { SwiftErrorReader().errorMessages(in: $0) } ?? []
                job.result = context.report(SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed,
                                                          diagnostics: problems, compilerErrors: errors, duration: context.seconds(since: started)))
                return job
            }
            let outcome = try await compiler.compile(snippet, source: source, key: job.objectKey, scratch: context.scratch)
            job.compileSeconds = context.seconds(since: started)
            switch outcome {
            case .compiled(let path, let messages):
                job.objectPath = path
                job.warnings = Self.warnings(snippet, output: messages)
                let ownWarningsAsErrors = SwiftSnippetOptions(snippet.attributes).warningsAsErrors
                if !job.warnings.isEmpty, settings.warningsAsErrors || ownWarningsAsErrors {
                    // Warnings as errors: a compile failure, cached as one.
                    var result = SnippetResult(snippet: snippet, status: .failed, duration: context.seconds(since: started))
                    result.diagnostics = job.warnings.map { warning in
                        var error = warning
                        error.severity = .error
                        error.message += " (warnings are errors: \(ownWarningsAsErrors ? "warnings-as-errors" : "'swift: warnings: error' in cheatgen.yml"))"
                        return error
                    }
                    result.isCompileFailure = true
                    job.result = context.report(result)
                } else if snippet.attributes.mode == .compileOnly {
                    job.result = context.report(SnippetResult(snippet: snippet, status: .passed, diagnostics: job.warnings,
                                                              duration: context.seconds(since: started)))
                }
            case .rejected(let text):
                var result = SnippetResult(snippet: snippet, status: .failed, diagnostics: Self.compileFailure(snippet, output: text),
                                           duration: context.seconds(since: started))
                result.isCompileFailure = text != SnippetCompiler.compileTimedOut
                job.result = context.report(result)
            }
            return job
        }
    }

    static func compileFailure(_ snippet: Snippet, output: String) -> [Diagnostic] {
        var errors = CompilerMessages.parse(output).filter { $0.severity == .error }
        if errors.isEmpty {
            errors = [.error(.compileError, "snippet does not compile", at: snippet.location, details: output.split(separator: "\n").map { "  \($0)" })]
        }
        let note = Diagnostic(.note, .note, at: snippet.location, "in snippet \(snippet.name)")
        return errors.map { error in
            var error = error
            if let module = Self.missingModule(in: error.message) {
                error.notes.append(Diagnostic(.note, .note, at: snippet.location,
                    "to import '\(module)', declare the package that provides it under 'dependencies:' in the sheet's front matter (url, from, products) or in cheatgen.yml"))
            }
            error.notes.append(note)
            return error
        }
    }

    /// The compiler's warnings about the snippet's own lines (not about the declarations it
    /// `uses=`, which their own snippet reports), each noting the snippet.
    static func warnings(_ snippet: Snippet, output: String) -> [Diagnostic] {
        guard output.contains("warning: ") else { return [] }
        return CompilerMessages.parse(output).filter { message in
            guard message.severity == .warning, let location = message.location else { return false }
            return owns(snippet, location)
        }.map { warning in
            var warning = warning
            warning.notes.append(Diagnostic(.note, .note, at: snippet.location, "in snippet \(snippet.name)"))
            return warning
        }
    }

    /// Whether a compiler message is about the snippet's own lines (not the declarations it
    /// `uses=`, nor a neighbour's in a shared module).
    static func owns(_ snippet: Snippet, _ location: SourceLocation) -> Bool {
        let lineCount = snippet.code.split(separator: "\n", omittingEmptySubsequences: false).count
        return location.path == snippet.path && (snippet.firstCodeLine..<(snippet.firstCodeLine + lineCount)).contains(location.line)
    }

    /// `no such module 'AsyncAlgorithms'` → `AsyncAlgorithms`
    static func missingModule(in message: String) -> String? {
        guard message.hasPrefix("no such module '"), message.hasSuffix("'") else { return nil }
        return String(message.dropFirst("no such module '".count).dropLast())
    }

    // MARK: Linking and running

    /// `dispatcher`: the dispatcher compiled ahead for the snippets expected to run; used when
    /// they all compiled.
    func linkAndRun(_ jobs: [Job], linker: Linker, dispatcher: ([Linker.Target], Linker.Outcome?),
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
                        .error(.linkError, "snippet does not link", at: snippet.location, details: output.split(separator: "\n").suffix(10).map { "  \($0)" })]))
                }
            }
        }
        // Every run of every snippet at once, `--jobs` at a time, so repeated runs contend as under load.
        let repeats = context.options.repeatCount
        let toRun = runnable.flatMap { index in binaries[index].map { binary in (0..<repeats).map { (index, jobs[index], binary, $0) } } ?? [] }
        let runs = try await forEachConcurrently(toRun, width: context.options.jobs) { index, job, binary, _ in
            (index, try await runOnce(job, binary: binary, context: context))
        }
        var byJob: [Int: [RunVerdict]] = [:]
        for (index, run) in runs { byJob[index, default: []].append(run) }
        for (index, verdicts) in byJob.sorted(by: { $0.key < $1.key }) {
            let job = jobs[index]
            var result = RunVerdict.combine(verdicts, snippet: job.snippet, compileSeconds: job.compileSeconds)
            result.diagnostics = job.warnings + result.diagnostics
            result.checks = checks(for: job, options: context.options)
            jobs[index].result = context.report(result)
        }
        return jobs
    }

    private func entry(for job: Job) -> Linker.Entry {
        Linker.Entry(target: job.target, objectPath: job.objectPath!, objectKey: job.objectKey)
    }

    private func checks(for job: Job, options: VerificationOptions) -> SnippetResult.Checks {
        .init(runs: options.repeatCount, notes: job.sanitized ? [Self.threadSanitizerNote] : [], maxTime: job.sanitized ? nil : job.prepared.limits.maxTime)
    }

    /// One run: traps print symbolized frames (the runtime's backtracer) unless a trap is the
    /// point (`should-crash`) or ThreadSanitizer watches; under it, races are reported.
    private func runOnce(_ job: Job, binary: String, context: VerificationContext) async throws -> RunVerdict {
        let snippet = job.snippet
        var environment = ["SWIFT_BACKTRACE": "enable=no"]
        // The book printed its sets and dictionaries in the order of a fixed hash seed.
        if snippet.bookTestName != nil { environment["SWIFT_DETERMINISTIC_HASHING"] = "1" }
        if job.sanitized {
            environment["TSAN_OPTIONS"] = RaceReport.environment(symbolizer: toolchain.symbolizer)
        } else if snippet.attributes.mode != .shouldCrash {
            environment["SWIFT_BACKTRACE"] = TrapBacktrace.environment
        }
        let checks = SnippetJudge.RunChecks(job.prepared.limits, threadSanitizer: job.sanitized, errors: SwiftErrorReader())
        var watched = Duration.zero
        var runs = 0
        while true {
            let outcome = try await SnippetProcess.run(
                URL(fileURLWithPath: binary).standardizedFileURL.path, arguments: [snippet.symbolName],
                snippet: snippet, limits: job.prepared.limits, options: context.options, environment: environment)
            // In a session, only what the snippet itself printed is its output.
            let (own, reached) = SessionOutput.split(outcome, marker: job.prepared.source.sessionMarker)
            var problems = SnippetJudge.judge(snippet, outcome: own, checks: checks)
            if !reached {
                problems = SessionOutput.notReached(snippet, problems: problems, outcome: outcome, marker: job.prepared.source.sessionMarker)
            }
            let verdict = RunVerdict(outcome: own, problems: problems)
            watched += outcome.duration
            runs += 1
            // ThreadSanitizer sees a race only when the racing code ran on two threads, which a
            // short snippet's tasks often do not: a quick clean run is watched again, a few times.
            guard job.sanitized, verdict.passed, runs < Self.sanitizerRuns.count, watched < Self.sanitizerRuns.budget,
                  !ChildProcesses.shared.interrupted else { return verdict }
        }
    }

    /// Up to this many runs under ThreadSanitizer, while they take less than this in all.
    static let sanitizerRuns = (count: 4, budget: Duration.seconds(4))
}
