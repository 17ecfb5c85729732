import ArgumentParser
import CheatgenCore

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on localhost, and rebuild and reload pages when a sheet changes.")

    @OptionGroup var options: VerifyOptions

    @Option(help: "Where to write the site.")
    var output = "site"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    func validate() throws {
        if options.filter != nil || options.shard != nil {
            throw ValidationError("--filter and --shard verify only some snippets; serve builds the whole site")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            try await ServeAction(build: BuildAction(check: options.checkAction(), outputDirectory: output), port: port).run()
            return true
        }
    }
}
