import Foundation

/// `cheatgen check`: load the sheets, verify their snippets, report every problem.
public struct CheckAction: Sendable {
    public var paths: [String]
    public var filter: SnippetFilter
    public var jobs: Int?
    public var useCache: Bool
    public var configurationPath: String
    public var workDirectory: String
    public var console: Console

    public init(paths: [String], filter: SnippetFilter = .init(nil), jobs: Int? = nil, useCache: Bool = true,
                configurationPath: String = "cheatgen.yml", workDirectory: String = ".cheatgen", console: Console = .standard) {
        self.paths = paths
        self.filter = filter
        self.jobs = jobs
        self.useCache = useCache
        self.configurationPath = configurationPath
        self.workDirectory = workDirectory
        self.console = console
    }

    /// What a check found: the loaded sheets, their verdicts and whether anything is wrong.
    public struct Outcome: Sendable {
        public var sheets: [Sheet]
        public var configuration: Configuration
        public var report: VerificationReport?
        public var diagnostics: DiagnosticBag
        public var succeeded: Bool { !diagnostics.hasErrors && (report?.failed ?? 0) == 0 }
    }

    public func run() async throws -> Outcome {
        var bag = DiagnosticBag()
        let (configuration, configProblems) = Configuration.load(from: configurationPath)
        bag.append(contentsOf: configProblems)
        let content = ContentLoader.load(paths)
        bag.append(contentsOf: content.diagnostics)
        let snippets = content.sheets.flatMap(\.snippets).filter(filter.includes)
        let toolchain = try await Toolchain.locate(cacheDirectory: workDirectory)
        var languages: [any SnippetLanguage] = [SwiftLanguage(toolchain: toolchain, extraFlags: configuration.swiftFlags, workDirectory: workDirectory)]
        if snippets.contains(where: { $0.language == "python" }), let python = await PythonLanguage.locate() {
            languages.append(python)
        }
        var options = VerificationOptions(defaultTimeout: configuration.defaultTimeout, extraCompilerFlags: configuration.swiftFlags,
                                          useCache: useCache, workDirectory: workDirectory)
        if let jobs { options.jobs = max(jobs, 1) }
        options.writesExamplePackage = filter.text == nil
        let verifier = Verifier(options: options, languages: languages)
        let report = try await verifier.verify(snippets, in: content.sheets)
        for result in report.results { bag.append(contentsOf: result.diagnostics) }
        if ChildProcesses.shared.interrupted { throw CheatgenError("interrupted") }
        for diagnostic in bag.sorted { console.err(diagnostic.formatted) }
        var summary = report.summary
        if bag.errorCount > report.failed { summary += " (\(bag.errorCount - countSnippetErrors(report)) content errors)" }
        console.out(summary)
        return Outcome(sheets: content.sheets, configuration: configuration, report: report, diagnostics: bag)
    }

    private func countSnippetErrors(_ report: VerificationReport) -> Int {
        report.results.reduce(0) { $0 + $1.diagnostics.count { $0.severity == .error } }
    }
}
