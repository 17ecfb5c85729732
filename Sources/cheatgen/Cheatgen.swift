import ArgumentParser
import CheatgenCore

@main
struct Cheatgen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cheatgen",
        abstract: "Verify the Swift snippets in Markdown cheatsheets and build a static site from them.",
        subcommands: [Check.self, Build.self, Bless.self, New.self, Serve.self],
        defaultSubcommand: Build.self)

    static func main() async {
        ChildProcesses.shared.installSignalHandlers()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
