import ArgumentParser
import CheatgenCore

@main
struct Cheatgen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cheatgen",
        abstract: "Verify the Swift snippets in Markdown cheatsheets and build a static site from them.",
        subcommands: [Check.self, Build.self],
        defaultSubcommand: Build.self)
}
