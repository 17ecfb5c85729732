import CheatgenParsing
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
        try await SiteBuilder(configuration: outcome.configuration, outputDirectory: outputDirectory).build(outcome.sheets, report: report, source: ReparsedSheets(options: outcome.configuration.parseOptions))
        let count = outcome.sheets.count
        check.console.out("wrote \(outputDirectory)/: \(count) sheet\(count == 1 ? "" : "s")")
        return true
    }
}
