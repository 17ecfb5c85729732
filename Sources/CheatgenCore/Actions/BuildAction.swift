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
        self.check.keepsWholeSheets = true
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
        try await writeSite(outcome, report: report)
        let count = outcome.sheets.count
        check.console.out("wrote \(outputDirectory)/: \(count) sheet\(count == 1 ? "" : "s")")
        return true
    }

    /// Renders the verified sheets into the output directory, each page from the sheet the check
    /// kept whole or, past the loader's budget, from its file parsed again. Pygments' colouring is
    /// remembered in the work directory unless `--no-cache`.
    func writeSite(_ outcome: CheckAction.Outcome, report: VerificationReport) async throws {
        var builder = SiteBuilder(configuration: outcome.configuration, outputDirectory: outputDirectory)
        if check.useCache { builder.highlightCacheDirectory = check.workDirectory }
        let source: any SheetSource = outcome.wholeSheets ?? ReparsedSheets(options: outcome.configuration.parseOptions)
        try await builder.build(outcome.sheets, report: report, source: source)
    }
}
