import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CheatgenParsing

/// The snippet names a `--verbose` run verified: its `passed <name> (…)` lines (and failed, skipped).
private func verifiedNames(_ result: CommandResult) -> [String] {
    result.errorLines.compactMap { line in
        for status in ["passed", "failed", "skipped"] where line.hasPrefix("\(status) ") && line.hasSuffix(")") {
            return line.dropFirst(status.count + 1).components(separatedBy: " (").first
        }
        return nil
    }
}

/// What CI reads from a run: JUnit XML, GitHub annotations, and `--shard K/N` splits.
@Suite("Reports and shards, end to end", .serialized)
struct ReportsAndShardsTests {
    /// Three fixtures with a failing snippet, content errors, a skipped snippet and passes.
    private func reportFixtures() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for fixture in ["double-failure.md", "content-errors.md", "only-ignored.md"] { try directory.copyFixture(fixture) }
        return directory
    }

    @Test func junitReportHasOneTestcasePerSnippetAndFailuresCarryTheDiagnostics() async throws {
        let directory = try reportFixtures()
        defer { directory.remove() }

        let result = try await Cheatgen.run(["check", "double-failure.md", "content-errors.md", "only-ignored.md", "--quiet",
                                       "--report", "junit=reports/junit.xml"], in: directory)
        #expect(result.status == 1)
        // A folder that does not exist: the report is not written, and that is said.
        #expect(result.errorLines.last?.hasPrefix("cheatgen: error: cannot write the JUnit report to reports/junit.xml: ") == true)

        let again = try await Cheatgen.run(["check", "double-failure.md", "content-errors.md", "only-ignored.md", "--quiet",
                                      "--report", "junit=junit.xml"], in: directory)
        #expect(again.status == 1)
        let document = try XMLDocument(data: Data(contentsOf: directory.url.appendingPathComponent("junit.xml")))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "5")
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
        #expect(root.attribute(forName: "skipped")?.stringValue == "1")

        let cases = try root.nodes(forXPath: "testsuite/testcase").compactMap { $0 as? XMLElement }
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue ?? "?" } == [
            "content-errors/fine", "content-errors/typo-in-an-attribute",
            "double-failure/exits-early-with-the-wrong-output",
            "only-ignored/intro",
            "content is valid",
        ])
        let failing = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "double-failure/exits-early-with-the-wrong-output" })
        let text = try directory.read("double-failure.md")
        let fence = try lineNumber(of: "```swift", in: text)
        let output = try lineNumber(of: "complete", in: text)  // the first line that differs
        #expect(failing.attribute(forName: "file")?.stringValue == "double-failure.md")
        #expect(failing.attribute(forName: "line")?.stringValue == "\(fence)")
        let failure = try #require(failing.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "snippet exited with status 3")
        #expect(failure.attribute(forName: "type")?.stringValue == "run.exit-status")
        #expect(failure.stringValue?.components(separatedBy: "\n") == [
            "double-failure.md:\(fence):1: error: snippet exited with status 3 [run.exit-status]",
            "double-failure.md:\(output):1: error: snippet output does not match the 'output' block [run.output-mismatch]",
            "--- expected", "+++ actual", "@@ -1,1 +1,1 @@", "-complete", "+partial",
        ])
        let skipped = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "only-ignored/intro" })
        #expect(skipped.elements(forName: "skipped").count == 1)
        let passing = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "content-errors/fine" })
        #expect(passing.children == nil || passing.children?.isEmpty == true)
        // Content errors are a failing testcase of their own.
        let content = try #require(cases.last)
        let contentFailure = try #require(content.elements(forName: "failure").first)
        #expect(contentFailure.attribute(forName: "message")?.stringValue == "3 content errors")
        #expect(contentFailure.stringValue?.contains("content-errors.md:6:5: error: link to 'missing.md': there is no sheet 'missing' [link.unresolved]") == true)
    }

    @Test func githubAnnotationsAreOneLinePerProblem() async throws {
        let directory = try reportFixtures()
        defer { directory.remove() }

        let result = try await Cheatgen.run(["check", "double-failure.md", "content-errors.md", "only-ignored.md", "--quiet", "--report", "github"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines == [
            "::error file=content-errors.md,line=3,col=11,title=cheatgen link.unresolved-related::related sheet 'no-such-sheet' does not exist (no no-such-sheet.md next to this sheet)",
            "::error file=content-errors.md,line=6,col=5,title=cheatgen link.unresolved::link to 'missing.md': there is no sheet 'missing'",
            "::error file=content-errors.md,line=22,col=1,title=cheatgen snippet.attribute::unknown snippet attribute 'unorderd'; known for Swift: compile-only, compile-fail, should-crash, ignore, unordered, timeout=, id=, uses=, max-time=, memory=, network=, language-mode=, flags=, sanitize=, warnings-as-errors",
            "::error file=double-failure.md,line=9,col=1,title=cheatgen run.exit-status::snippet exited with status 3",
            "::error file=double-failure.md,line=16,col=1,title=cheatgen run.output-mismatch::snippet output does not match the 'output' block%0A--- expected%0A+++ actual%0A@@ -1,1 +1,1 @@%0A-complete%0A+partial",
            "snippets: 2 passed, 1 failed, 1 skipped (3 content errors)",
        ])
    }

    @Test func diagnosticIDsNameEachProblemAfterItsMessage() async throws {
        let directory = try reportFixtures()
        defer { directory.remove() }

        let plain = try await Cheatgen.run(["check", "double-failure.md", "content-errors.md", "--quiet"], in: directory)
        let named = try await Cheatgen.run(["check", "double-failure.md", "content-errors.md", "--quiet", "--diagnostic-ids"], in: directory)

        #expect(named.status == 1)
        let problems = named.errorLines.filter { $0.contains(": error: ") }
        #expect(problems.map { $0.split(separator: " ").last.map(String.init) } == [
            "[link.unresolved-related]", "[link.unresolved]", "[snippet.attribute]", "[run.exit-status]", "[run.output-mismatch]",
        ])
        // Without the flag the same lines, without the names.
        #expect(plain.errorLines.filter { $0.contains(": error: ") } == problems.map { $0.replacing(/\ \[[a-z.-]+\]$/, with: "") })
    }

    @Test func githubAnnotationsEscapeTheirSeparators() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("a,b:c")
        let text = header + "\n## S\n\n### C\n\n```swift\nprint(\"100%\")\n```\n\n```output\n50%\n```\n"
        try directory.write(text, to: "a,b:c/sheet.md")

        let result = try await Cheatgen.run(["check", "a,b:c/sheet.md", "--quiet", "--report", "github"], in: directory)

        let output = try lineNumber(of: "50%", in: text)  // the first line that differs
        #expect(result.outputLines.first == "::error file=a%2Cb%3Ac/sheet.md,line=\(output),col=1,title=cheatgen run.output-mismatch::snippet output does not match the 'output' block%0A--- expected%0A+++ actual%0A@@ -1,1 +1,1 @@%0A-50%25%0A+100%25")
    }

    @Test func threeShardsSplitTheFullRunWithoutOverlap() async throws {
        // The full run, as the reference.
        let full = try TemporaryDirectory()
        defer { full.remove() }
        let sheet = try full.copyFixture("passing.md")
        let all = verifiedNames(try await Cheatgen.run(["check", sheet, "--verbose"], in: full))
        #expect(all.count == 15)

        // Each shard as a CI job runs it: on its own machine, from the same starting state.
        var shards: [[String]] = []
        for k in 1...3 {
            let job = try TemporaryDirectory()
            defer { job.remove() }
            try job.copyFixture("passing.md")
            let result = try await Cheatgen.run(["check", sheet, "--verbose", "--shard", "\(k)/3"], in: job)
            #expect(result.status == 0, "\(result.standardError)")
            shards.append(verifiedNames(result))
        }

        #expect(shards.allSatisfy { !$0.isEmpty })
        #expect(Set(shards.joined()) == Set(all), "together the shards cover the full run")
        #expect(shards.joined().count == all.count, "no snippet is in two shards")
    }

    @Test func shardsAreBalancedByRecordedDurations() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("passing.md")
        let all = verifiedNames(try await Cheatgen.run(["check", sheet, "--verbose"], in: directory))
        #expect(all.count == 15)
        // One snippet took far longer than all the others together last time.
        let slow = "passing/crashes-on-purpose"
        try #require(all.contains(slow))
        var durations: [String: Double] = [:]
        for name in all { durations[name] = name == slow ? 60 : 1 }
        try JSONEncoder().encode(durations).write(to: directory.url.appendingPathComponent(".cheatgen/durations.json"))

        // Every verdict is cached now, so no run records new durations in between.
        var shards: [[String]] = []
        for k in 1...3 {
            shards.append(verifiedNames(try await Cheatgen.run(["check", sheet, "--verbose", "--shard", "\(k)/3"], in: directory)))
        }

        #expect(shards[0] == [slow], "the slow snippet has a shard to itself")
        #expect(abs(shards[1].count - shards[2].count) <= 1, "the others are split evenly: \(shards[1].count) and \(shards[2].count)")
        #expect(Set(shards.joined()) == Set(all))
        #expect(shards.joined().count == all.count)
    }

    @Test func shardsRunOneAfterAnotherInOneFolderStillAddUpToTheFullRun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("passing.md")
        // Durations from an earlier run on a slower machine: all equal, and far longer than here.
        let names = try #require(SheetParser.parse(fileAt: directory.path + "/" + sheet, options: parseOptions).sheet).snippets.map(\.name)
        #expect(names.count == 15)
        try directory.makeFolder(".cheatgen")
        try JSONEncoder().encode(Dictionary(uniqueKeysWithValues: names.map { ($0, 100.0) }))
            .write(to: directory.url.appendingPathComponent(".cheatgen/durations.json"))

        // The three shards, in turn, in the same folder (as a writer would, or one CI machine).
        var shards: [[String]] = []
        for k in 1...3 {
            shards.append(verifiedNames(try await Cheatgen.run(["check", sheet, "--verbose", "--shard", "\(k)/3"], in: directory)))
        }

        #expect(Set(shards.joined()) == Set(names), "missed: \(Set(names).subtracting(shards.joined()).sorted())")
        #expect(shards.joined().count == names.count, "verified twice: \(shards.joined().count - Set(shards.joined()).count)")
    }

    @Test func shardMustBeKOfN() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            let result = try await Cheatgen.run(["check", "--shard", bad], in: directory)
            #expect(result.status == 2, "\(bad)")
            #expect(result.standardError.contains("--shard takes K/N with 1 ≤ K ≤ N, as in --shard 2/4"), "\(bad)")
        }
        let build = try await Cheatgen.run(["build", "--shard", "1/2"], in: directory)
        #expect(build.status == 2)
        #expect(build.standardError.contains("--filter and --shard verify only some snippets, and a site needs all of them verified"))
    }
}
