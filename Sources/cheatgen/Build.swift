import ArgumentParser
import CheatgenCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify every snippet, then write the static site.")

    @OptionGroup var options: VerifyOptions

    @Option(help: "Where to write the site.")
    var output = "site"

    func validate() throws {
        if options.filter != nil {
            throw ValidationError("--filter verifies only some snippets, and a site needs all of them verified; use 'cheatgen check --filter'")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            try await BuildAction(check: options.checkAction(), outputDirectory: output).run()
        }
    }
}
