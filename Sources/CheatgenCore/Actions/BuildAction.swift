import CheatgenModel
import CheatgenParsing
import CheatgenVerification
import CheatgenSite

/// `cheatgen build`: verify, then (only if everything passed) write the site.
package struct BuildAction: Sendable {
    package var check: CheckAction
    package var outputDirectory: String

    package init(check: CheckAction, outputDirectory: String) {
        self.check = check
        self.outputDirectory = outputDirectory
    }

    package func run() async throws -> Bool {
        try SiteWriter.validate(destination: outputDirectory, contentPaths: check.paths)
        BuildMemory.useOneArena()
        let outcome = try await check.run()
        guard outcome.succeeded else {
            check.console.err("cheatgen: error: not writing \(outputDirectory)/ because verification failed; the previous site is untouched")
            return false
        }
        guard let report = outcome.report else { return false }
        try await writeSite(outcome.sheets, report: report, configuration: outcome.configuration)
        let count = outcome.sheets.count
        check.console.out("wrote \(outputDirectory)/: \(count) sheet\(count == 1 ? "" : "s")")
        return true
    }

    /// Renders the verified sheets into the output directory, each page from its sheet parsed
    /// again; Pygments' colouring is remembered in the work directory unless `--no-cache`.
    func writeSite(_ sheets: [SheetOutline], report: VerificationReport, configuration: Configuration) async throws {
        var builder = SiteBuilder(configuration: configuration, outputDirectory: outputDirectory)
        if check.useCache { builder.highlightCacheDirectory = check.workDirectory }
        try await builder.build(sheets, report: report, source: ReparsedSheets(options: configuration.parseOptions))
    }
}
