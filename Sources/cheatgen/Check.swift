import ArgumentParser
import CheatgenCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile, run and check every snippet; write nothing.")

    @OptionGroup var options: VerifyOptions

    @Option(help: ArgumentHelp("Record every snippet that fails now in this known-failures list (keeping the reasons of entries that stay), then check with it.", valueName: "file"))
    var writeKnownFailures: String?

    func validate() throws {
        if writeKnownFailures != nil && (options.filter != nil || options.shard != nil) {
            throw ValidationError("--write-known-failures records the failures of every snippet; it cannot be used with --filter or --shard")
        }
    }

    func run() async throws {
        var action = options.checkAction()
        action.writeKnownFailures = writeKnownFailures
        try await runReportingErrors { try await action.run().succeeded }
    }
}
