import ArgumentParser
import CheatgenCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile, run and check every snippet; write nothing.")

    @OptionGroup var options: VerifyOptions

    func run() async throws {
        try await runReportingErrors { try await options.checkAction().run().succeeded }
    }
}
