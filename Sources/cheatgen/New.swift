import ArgumentParser
import CheatgenCore
import CheatgenModel

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new sheet from a template with one verified example.")

    @Argument(help: "The sheet's id: its file name and page name, e.g. swift-actors.")
    var id: String

    @Option(help: "The sheet's title (default: from the id).")
    var title: String?

    @Option(help: "The content folder.")
    var directory = "content"

    func run() throws {
        do {
            let path = try NewSheetAction(id: id, directory: directory, title: title).run()
            print("created \(path); next: cheatgen check \(path)")
        } catch let error as CheatgenError {
            Console.standard.err("cheatgen: error: \(error.message)")
            throw ExitCode.failure
        }
    }
}
