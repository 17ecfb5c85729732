import ArgumentParser
import Foundation
import CheatgenCore
import CheatgenVerification

@main
struct Cheatgen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cheatgen",
        abstract: "Verify the code snippets in Markdown cheatsheets and build a static site from them.",
        discussion: "Every Swift (and Python) snippet is compiled, run and checked against the output written under it; see README.md for the format.",
        version: "0.1.0",
        subcommands: [Check.self, Build.self, Bless.self, New.self, Init.self, Serve.self, Doctor.self],
        defaultSubcommand: Build.self)

    static func main() async {
        ChildProcesses.shared.installSignalHandlers()
        ChildProcesses.shared.adoptOrphans()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // A command line that cannot be parsed or validated is a usage error: status 2, as
            // for every usage or setup problem cheatgen finds itself (ArgumentParser says 64).
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
