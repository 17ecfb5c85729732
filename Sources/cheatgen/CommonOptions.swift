import ArgumentParser
import CheatgenCore

/// Options shared by every command that verifies snippets.
struct VerifyOptions: ParsableArguments {
    @Argument(help: "Sheets or folders of sheets to read.")
    var paths: [String] = ["content"]

    @Option(help: "Only verify snippets whose sheet, card or name contains this text.")
    var filter: String?

    @Option(help: "How many snippets to compile and run at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Verify every snippet again instead of reusing verdicts of unchanged ones.")
    var noCache = false

    @Option(help: "The configuration file (optional).")
    var config = "cheatgen.yml"

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func checkAction() -> CheckAction {
        CheckAction(paths: paths, filter: SnippetFilter(filter), jobs: jobs, useCache: !noCache, configurationPath: config)
    }
}

/// Tool failures become one clear line and exit 1, never a stack trace.
func runReportingErrors(_ body: () async throws -> Bool) async throws {
    do {
        if try await !body() { throw ExitCode.failure }
    } catch let error as CheatgenError {
        Console.standard.err("cheatgen: error: \(error.message)")
        throw ExitCode.failure
    }
}
