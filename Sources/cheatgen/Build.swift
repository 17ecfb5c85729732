import ArgumentParser
import CheatgenCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify every snippet, then write the static site.")

    @OptionGroup var options: VerifyOptions

    @Option(help: "Where to write the site.")
    var output = "site"

    func validate() throws {
        if options.filter != nil || options.shard != nil {
            throw ValidationError("--filter and --shard verify only some snippets, and a site needs all of them verified; use them with 'cheatgen check'")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            try await BuildAction(check: options.checkAction(), outputDirectory: output).run()
        }
    }
}
