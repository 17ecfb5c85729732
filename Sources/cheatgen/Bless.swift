import ArgumentParser
import CheatgenCore

struct Bless: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run snippets and write their actual output into the sheets.",
        discussion: "Only the output and error blocks under the selected snippets change; a snippet that crashes, times out or does not compile is refused.")

    @OptionGroup var options: VerifyOptions

    func run() async throws {
        try await runReportingErrors {
            // A refused snippet fails the command, so `cheatgen bless && git commit` stops.
            try await BlessAction(check: options.checkAction()).run().refused == 0
        }
    }
}
