import ArgumentParser
import CheatgenCore
import CheatgenModel

struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new sheet from a template with one verified example.")

    @Argument(help: "The sheet's id: its file name and page name, e.g. swift-actors.")
    var id: String

    @Option(help: "The sheet's title (default: from the id).")
    var title: String?

    @Option(help: "The content folder.")
    var directory = "content"

    func run() async throws {
        try await runReportingErrors {
            let path = try NewSheetAction(id: id, directory: directory, title: title).run()
            print("created \(path); next: cheatgen check \(path)")
            return true
        }
    }
}
