import ArgumentParser
import CheatgenCore

struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what this machine has for cheatgen: compilers, interpreters, Pygments, containment, theme, cache.",
        discussion: "Exits 0 when `check` can verify every language the sheets use; otherwise says what to install.")

    @Argument(help: "Sheets or folders of sheets whose languages must be verifiable.")
    var paths: [String] = ["content"]

    @Option(help: "The configuration file (optional).")
    var config = "cheatgen.yml"

    func run() async throws {
        let ready = await DoctorAction(paths: paths, configurationPath: config).run()
        if !ready { throw ExitCode.failure }
    }
}
