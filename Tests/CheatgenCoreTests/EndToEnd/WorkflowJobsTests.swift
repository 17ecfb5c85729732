import Foundation
import Testing
@testable import CheatgenCore

/// The workflow `cheatgen init` writes, job by job: cheatgen is built (or downloaded) by
/// exactly one job and the others reuse it; every job that runs snippets keeps their
/// containment and says in its log what is in force.
@Suite struct WorkflowJobsTests {
    /// Each job's name and its lines, read from the `jobs:` section (jobs are indented two
    /// spaces, their contents more).
    static func jobs(in text: String) -> [String: [String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "jobs:") else { return [:] }
        var jobs: [String: [String]] = [:]
        var current: String?
        for line in lines[(start + 1)...] {
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
                jobs[current!] = []
            } else if let current, line.hasPrefix("   ") {
                jobs[current]!.append(line)
            } else if !line.isEmpty, !line.hasPrefix(" ") {
                break
            }
        }
        return jobs
    }

    /// What builds cheatgen from its source.
    static func builds(_ lines: [String]) -> Bool {
        lines.contains { $0.contains("make -C /tmp/cheatgen install") || $0.contains("swift build") || $0.contains("make install") }
    }

    @Test(arguments: [1, 4])
    func exactlyOneJobBuildsCheatgenAndTheOthersReuseIt(shards: Int) throws {
        let text = CIWorkflow(shards: shards, swiftVersion: "6.3", cheatgenGit: InitAction.defaultCheatgenGit, cheatgenRef: "main", siteCommitted: false).text
        let jobs = Self.jobs(in: text)
        #expect(Set(jobs.keys) == ["cheatgen", "verify", "site", "deploy"], "\(jobs.keys.sorted())")

        let building = jobs.filter { Self.builds($0.value) }.keys.sorted()
        #expect(building == ["cheatgen"], "jobs that build cheatgen: \(building)")
        // It also downloads a release when CHEATGEN_VERSION names one, and hands either on.
        let tool = try #require(jobs["cheatgen"]).joined(separator: "\n")
        #expect(tool.contains("if: steps.tool.outputs.cache-hit != 'true' && env.CHEATGEN_VERSION != ''"))
        #expect(tool.contains(#"releases/download/v$CHEATGEN_VERSION"#) && tool.contains("sha256sum --check"))
        #expect(tool.contains("name: cheatgen-tool"))

        for name in ["verify", "site"] {
            let job = try #require(jobs[name]).joined(separator: "\n")
            #expect(job.contains("needs: cheatgen") || job.contains("needs: [cheatgen,"), "\(name) does not wait for cheatgen")
            #expect(job.contains("name: cheatgen-tool"), "\(name) does not download the cheatgen job's artifact")
        }
    }

    /// A job that runs snippets either runs on the runner itself or in a container started with
    /// what namespaces need, and runs `cheatgen doctor` (which prints the containment in force)
    /// before it verifies anything.
    @Test func noJobThatRunsSnippetsLosesItsContainmentSilently() throws {
        let text = CIWorkflow(shards: 4, swiftVersion: "6.3", cheatgenGit: InitAction.defaultCheatgenGit, cheatgenRef: "main", siteCommitted: true).text
        let runsSnippets = Self.jobs(in: text).filter { $0.value.contains { $0.contains("run: cheatgen check") || $0.contains("run: cheatgen build") } }
        #expect(Set(runsSnippets.keys) == ["verify", "site"])
        for (name, lines) in runsSnippets {
            let inContainer = lines.contains { $0.hasPrefix("    container:") }
            #expect(!inContainer || lines.contains("      options: --privileged"), "\(name) runs snippets in a container where namespaces are not allowed")
            let doctor = try #require(lines.firstIndex { $0.contains("run: cheatgen doctor") }, "\(name) never logs its containment")
            let work = try #require(lines.firstIndex { $0.contains("run: cheatgen check") || $0.contains("run: cheatgen build") })
            #expect(doctor < work, "\(name) verifies before it says what contains the snippets")
        }
    }

    @Test func thePlaceholderAddressIsOneMarkedLine() {
        let text = CIWorkflow(shards: 2, swiftVersion: "6.3", cheatgenGit: InitAction.defaultCheatgenGit, cheatgenRef: "main", siteCommitted: false).text
        let mentions = text.split(separator: "\n").filter { $0.contains(InitAction.defaultCheatgenGit) }
        #expect(mentions == ["  CHEATGEN_GIT: \(InitAction.defaultCheatgenGit)  # PLACEHOLDER: cheatgen has no public home yet"])
        let own = CIWorkflow(shards: 2, swiftVersion: "6.3", cheatgenGit: "https://example.org/cheatgen.git", cheatgenRef: "v1",
                             cheatgenVersion: "1.2.0", siteCommitted: false).text
        #expect(!own.contains("PLACEHOLDER"))
        #expect(own.contains("  CHEATGEN_VERSION: \"1.2.0\"\n"))
    }
}
