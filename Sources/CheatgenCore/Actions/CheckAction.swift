import Foundation
import CheatgenModel
import CheatgenParsing
import CheatgenVerification
import CheatgenLanguages
import CheatgenSite

/// `cheatgen check`: load the sheets, verify their snippets, report every problem.
package struct CheckAction: Sendable {
    package var paths: [String]
    package var filter: SnippetFilter
    package var shard: Shard?
    package var jobs: Int?
    package var useCache: Bool
    package var configurationPath: String
    package var workDirectory: String
    package var reports: [ReportFormat]
    /// nil: live on a terminal, plain elsewhere.
    package var progressStyle: ProgressReporter.Style?
    package var verbose: Bool
    package var console: Console
    /// `--repeat N`: runs of every runnable snippet.
    package var repeatCount = 1
    /// `--sanitize thread`: every runnable Swift snippet under ThreadSanitizer.
    package var sanitizeThread = false
    /// `--diagnostic-ids`: each problem's identifier after its message.
    package var showDiagnosticIDs = false
    /// `--known-failures FILE`: the known-failures list, instead of cheatgen.yml's.
    package var knownFailuresPath: String?
    /// `--write-known-failures FILE`: record this run's failures there, then check with them.
    package var writeKnownFailures: String?
    /// Keep the whole sheets for the pages (a build), within `ContentLoader.wholeSheetBudget`.
    package var keepsWholeSheets = false

    package init(paths: [String], filter: SnippetFilter = .init(nil), shard: Shard? = nil, jobs: Int? = nil, useCache: Bool = true,
                configurationPath: String = "cheatgen.yml", workDirectory: String = ".cheatgen", reports: [ReportFormat] = [],
                progressStyle: ProgressReporter.Style? = nil, verbose: Bool = false, console: Console = .standard,
                repeatCount: Int = 1, sanitizeThread: Bool = false, showDiagnosticIDs: Bool = false) {
        self.paths = paths
        self.filter = filter
        self.shard = shard
        self.jobs = jobs
        self.useCache = useCache
        self.configurationPath = configurationPath
        self.workDirectory = workDirectory
        self.reports = reports
        self.progressStyle = progressStyle
        self.verbose = verbose
        self.console = console
        self.repeatCount = repeatCount
        self.sanitizeThread = sanitizeThread
        self.showDiagnosticIDs = showDiagnosticIDs
    }

    /// What a check found: the loaded sheets, their verdicts and whether anything is wrong.
    package struct Outcome: Sendable {
        package var sheets: [SheetOutline]
        package var configuration: Configuration
        package var report: VerificationReport?
        package var diagnostics: DiagnosticBag
        /// The whole sheets, when `keepsWholeSheets` kept them.
        package var wholeSheets: LoadedSheets?
        package var succeeded: Bool { !diagnostics.hasErrors && (report?.failed ?? 0) == 0 }
    }

    /// Loads the configuration and the sheets, with every problem found so far. Meanwhile the
    /// compiler is asked what verifying will need from it (answered from `.cheatgen/` after
    /// the first run), so a first run does not wait for it after parsing.
    func load() async -> (Configuration, ContentLoader.Result, DiagnosticBag) {
        var bag = DiagnosticBag()
        let (configuration, configProblems) = Configuration.load(from: configurationPath, languages: LanguageRegistry.catalog)
        bag.append(contentsOf: configProblems)
        for language in LanguageRegistry.all {
            bag.append(contentsOf: language.checkSettings(configuration.languageSections[language.name]))
        }
        let setup = LanguageSetup(workDirectory: workDirectory, configuration: configuration)
        async let warmedUp: Void = withTaskGroup(of: Void.self) { group in
            for language in LanguageRegistry.all { group.addTask { await language.warmUp(setup) } }
        }
        // Parsing fans out over every core and waits for them: on a thread of its own.
        let (paths, options, budget) = (paths, configuration.parseOptions, keepsWholeSheets ? ContentLoader.wholeSheetBudget : nil)
        let content = await onDedicatedThread { ContentLoader.load(paths, options: options, keepingWholeUpTo: budget) }
        await warmedUp
        bag.append(contentsOf: content.diagnostics)
        return (configuration, content, bag)
    }

    /// The snippets this run covers: `--filter`, then `--shard`.
    func selectedSnippets(_ sheets: [SheetOutline]) -> [Snippet] {
        let snippets = sheets.flatMap(\.snippets).filter(filter.includes)
        guard let shard else { return snippets }
        return shard.select(snippets, durations: DurationLog.load(workDirectory))
    }

    /// Verifies `snippets` with the languages they need; reports progress as it goes.
    func verify(_ snippets: [Snippet], sheets: [SheetOutline], configuration: Configuration, useCache: Bool,
                blessing: Bool = false) async throws -> VerificationReport {
        // Only the languages these snippets are in: a site without JavaScript needs no node.
        let setup = LanguageSetup(workDirectory: workDirectory, configuration: configuration)
        let needed = Set(snippets.filter { $0.attributes.mode != .ignore }.map(\.language))
        var verifiers: [any SnippetVerifier] = []
        var unavailable: [String: String] = [:]
        for language in LanguageRegistry.all where needed.contains(language.name) {
            do {
                verifiers.append(try await language.verifier(setup))
            } catch let missing as LanguageUnavailable {
                unavailable[missing.language] = missing.reason
            }
        }
        var options = VerificationOptions(defaultTimeout: configuration.defaultTimeout, useCache: useCache, workDirectory: workDirectory)
        if let jobs { options.jobs = max(jobs, 1) }
        options.repeatCount = max(repeatCount, 1)
        options.sanitizeThread = sanitizeThread
        options.memoryLimit = configuration.memoryLimit
        options.network = configuration.network
        options.passedEnvironment = configuration.environment
        options.protectedPaths = [FileManager.default.currentDirectoryPath, workDirectory] + paths
        options.blessing = blessing
        options.writesExamplePackage = filter.text == nil && shard == nil
        options.log = { [console] line in console.err(line) }
        var localPackages = LocalPackage(configurationPath: configurationPath)
        let configured = localPackages.resolve(configuration.dependencies)
        for sheet in sheets {
            // A sheet's own declaration of a package replaces cheatgen.yml's.
            let declared = localPackages.resolve(sheet.frontMatter.dependencies)
            let own = Set(declared.map(\.identity))
            let all = configured.filter { !own.contains($0.identity) } + declared
            if !all.isEmpty { options.dependencies[sheet.id] = all }
            if (sheet.frontMatter.listings ?? configuration.listings) == .cumulative { options.cumulativeSheets.insert(sheet.id) }
        }
        let progress = ProgressReporter(style: progressStyle ?? ProgressReporter.defaultStyle(), verbose: verbose, console: console,
                                        isListed: listedFailures(configuration))
        progress.begin(total: snippets.count)
        let verifier = Verifier(options: options, verifiers: verifiers, unavailable: unavailable, onResult: { progress.finished($0) })
        let log = verbose ? ProcessRunner.CommandLog { line in progress.log(line) } : nil
        let report = try await ProcessRunner.$commandLog.withValue(log) {
            try await verifier.verify(snippets, in: sheets)
        }
        progress.end()
        // A shard's timings would change how the next shard splits; only full runs record them.
        if shard == nil { DurationLog.record(report.results, complete: filter.text == nil, workDirectory: workDirectory) }
        return report
    }

    package func run() async throws -> Outcome {
        let (configuration, content, loaded) = await load()
        var bag = loaded
        let verified = try await verify(selectedSnippets(content.sheets), sheets: content.sheets, configuration: configuration, useCache: useCache)
        if ChildProcesses.shared.interrupted { throw CheatgenError.interrupted }
        // Known-ness is decided here, after verification, on every run: never cached.
        let known = try applyKnownFailures(verified, sheets: content.sheets, configuration: configuration)
        let report = known.report
        bag.append(contentsOf: known.problems)
        for result in report.results { bag.append(contentsOf: result.diagnostics) }
        for diagnostic in bag.sorted { console.err(diagnostic.formatted(showingID: showDiagnosticIDs)) }
        try writeReports(report, diagnostics: bag)
        var summary = report.summary
        let listErrors = known.problems.count { $0.severity == .error }
        let contentErrors = bag.errorCount - listErrors - report.results.reduce(0) { $0 + $1.diagnostics.count { $0.severity == .error } }
        if contentErrors > 0 { summary += " (\(contentErrors) content error\(contentErrors == 1 ? "" : "s"))" }
        if listErrors > 0 { summary += " (\(listErrors) known-failures error\(listErrors == 1 ? "" : "s"))" }
        console.out(summary)
        if let wrote = known.wrote { console.out(wrote) }
        return Outcome(sheets: content.sheets, configuration: configuration, report: report, diagnostics: bag, wholeSheets: content.whole)
    }

    private func writeReports(_ report: VerificationReport, diagnostics: DiagnosticBag) throws {
        let snippetDiagnostics = Set(report.results.flatMap(\.diagnostics))
        let contentErrors = diagnostics.sorted.filter { $0.severity == .error && !snippetDiagnostics.contains($0) }
        // Files first: a reader of the annotations may close the pipe early.
        for format in reports.sorted(by: { a, _ in if case .junit = a { true } else { false } }) {
            switch format {
            case .github:
                for line in GitHubAnnotations.lines(for: diagnostics.sorted) { console.out(line) }
            case .junit(let path):
                do {
                    try JUnitReport.xml(report, contentErrors: contentErrors).write(toFile: path, atomically: true, encoding: .utf8)
                } catch {
                    throw CheatgenError.file(path: path, action: "write the JUnit report to", underlying: error)
                }
            }
        }
    }
}
