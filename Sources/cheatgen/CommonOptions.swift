import ArgumentParser
import CheatgenCore
import CheatgenSite
import CheatgenModel

/// Options shared by every command that verifies snippets.
struct VerifyOptions: ParsableArguments {
    @Argument(help: "Sheets or folders of sheets to read.")
    var paths: [String] = ["content"]

    @Option(help: "Only verify snippets whose sheet, card or name contains this text.")
    var filter: String?

    @Option(help: ArgumentHelp("Verify only shard K of N (1-based), balanced by recorded durations.", valueName: "K/N"))
    var shard: String?

    @Option(help: "How many snippets to compile and run at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Verify every snippet again instead of reusing verdicts of unchanged ones.")
    var noCache = false

    @Option(name: .customLong("repeat"), help: ArgumentHelp("Run every runnable snippet N times, all at once; runs that disagree make it fail as flaky.", valueName: "N"))
    var repeatCount = 1

    @Option(help: ArgumentHelp("Compile and run the Swift snippets under a sanitizer: 'thread' (ThreadSanitizer) fails a snippet with a data race.", valueName: "sanitizer"))
    var sanitize: Sanitizer?

    @Option(help: "The configuration file (optional).")
    var config = "cheatgen.yml"

    @Option(name: .customLong("report"), help: ArgumentHelp("Also report as 'junit=<file>' (JUnit XML) or 'github' (Actions annotations). Repeatable.", valueName: "format"))
    var reportFormats: [String] = []

    @Flag(name: .shortAndLong, help: "Print only problems and the summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every command cheatgen runs and each snippet's timing.")
    var verbose = false

    @Option(help: ArgumentHelp("The known-failures list: snippets that may fail, each with the diagnostic it fails with (instead of cheatgen.yml's 'known-failures:').", valueName: "file"))
    var knownFailures: String?

    @Flag(name: .customLong("diagnostic-ids"), help: "Print each problem's identifier after its message, as in [run.output-mismatch].")
    var diagnosticIDs = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if repeatCount < 1 || repeatCount > 1000 { throw ValidationError("--repeat takes a number of runs from 1 to 1000") }
        if let shard, Shard(argument: shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, as in --shard 2/4") }
        for format in reportFormats where ReportFormat(argument: format) == nil {
            throw ValidationError("--report takes 'junit=<file>' or 'github', not '\(format)'")
        }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func checkAction() -> CheckAction {
        var action = CheckAction(paths: paths, filter: SnippetFilter(filter), shard: shard.flatMap(Shard.init(argument:)), jobs: jobs,
                    useCache: !noCache, configurationPath: config, reports: reportFormats.compactMap(ReportFormat.init(argument:)),
                    progressStyle: quiet ? .quiet : nil, verbose: verbose, repeatCount: repeatCount, sanitizeThread: sanitize == .thread,
                    showDiagnosticIDs: diagnosticIDs)
        action.knownFailuresPath = knownFailures
        return action
    }
}

/// `--sanitize thread`.
enum Sanitizer: String, ExpressibleByArgument, CaseIterable {
    case thread
}

/// Every failure becomes one clear line and an exit status (README, "Exit status"), never a
/// stack trace: 1 when problems were found, 2 when the command or the setup is wrong, 130 when
/// interrupted. An error cheatgen did not word itself still gets the `cheatgen: error:` line.
func runReportingErrors(_ body: () async throws -> Bool) async throws {
    do {
        if try await !body() { throw ExitCode.failure }
    } catch let exit as ExitCode {
        throw exit
    } catch let error as CheatgenError {
        Console.standard.err("cheatgen: error: \(error.message)")
        throw ExitCode(error.exitStatus)
    } catch is CancellationError {
        Console.standard.err("cheatgen: error: interrupted")
        throw ExitCode(130)
    } catch {
        Console.standard.err("cheatgen: error: \(error.localizedDescription)")
        throw ExitCode.failure
    }
}
