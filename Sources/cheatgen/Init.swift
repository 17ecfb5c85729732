import ArgumentParser
import CheatgenCore
import CheatgenModel

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a content repository: cheatgen.yml, a first sheet, .gitignore, a README and a GitHub Actions workflow.")

    @Argument(help: "The folder to start it in (created if missing).")
    var directory = "."

    @Option(help: "The site's title.")
    var title = "Cheatsheets"

    @Option(help: "The id of the first sheet: content/<id>.md.")
    var sheet = "first-steps"

    @Option(help: "How many machines the workflow's verify job is split over.")
    var shards = 4

    @Flag(help: "site/ is committed to the repository: not ignored, and CI checks it is up to date.")
    var commitSite = false

    @Option(help: "The Swift release of the CI container (swift:<version>-noble).")
    var swiftVersion = InitAction.defaultSwiftVersion

    @Option(help: "The Git repository the workflow builds cheatgen from.")
    var cheatgenGit = InitAction.defaultCheatgenGit

    @Option(help: "The branch, tag or commit of cheatgen the workflow builds.")
    var cheatgenRef = InitAction.defaultCheatgenRef

    @Option(help: "A released cheatgen version the workflow downloads instead of building (e.g. 1.2.0).")
    var cheatgenVersion = ""

    func validate() throws {
        guard (1...256).contains(shards) else { throw ValidationError("--shards takes 1 to 256 (a GitHub Actions matrix holds at most 256 jobs)") }
    }

    func run() async throws {
        let workflow = CIWorkflow(shards: shards, swiftVersion: swiftVersion, cheatgenGit: cheatgenGit, cheatgenRef: cheatgenRef, cheatgenVersion: cheatgenVersion, siteCommitted: commitSite)
        let action = InitAction(directory: directory, title: title, firstSheet: sheet, siteCommitted: commitSite, workflow: workflow)
        try await runReportingErrors {
            for path in try action.run() { print("created \(path)") }
            let next = directory == "." ? "" : "cd \(directory) && "
            print("next: \(next)cheatgen build")
            return true
        }
    }
}
