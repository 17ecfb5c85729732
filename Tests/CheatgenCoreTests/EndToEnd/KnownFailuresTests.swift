import Foundation
import Testing
@testable import CheatgenModel

/// A list of known failures, through the real binary, on `Fixtures/known-failures/`: a sheet
/// with a passing snippet, an output mismatch and a compile error, and a DocC page whose listing
/// one of the book's tests verifies (the test and the listing both fail). Four failures in all.
@Suite("Known failures, end to end", .serialized)
struct KnownFailuresTests {
    static let summary = "snippets: 1 passed, 0 failed, 0 skipped, 4 known failures"

    /// The fixture as `content/`, with a cheatgen.yml naming `known-failures.txt` when `listed`.
    private func fixture(listed: Bool = true) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.copyFixture("known-failures", as: "content")
        try directory.write("title: Garden notes\n" + (listed ? "known-failures: known-failures.txt\n" : ""), to: "cheatgen.yml")
        return directory
    }

    /// Writes the list from the current failures; records an issue unless that went as it should.
    @discardableResult
    private func record(_ directory: TemporaryDirectory, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await Cheatgen.run(["check", "content", "--quiet", "--write-known-failures", "known-failures.txt"], in: directory)
        #expect(result.status == 0, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.outputLines == [Self.summary, "wrote known-failures.txt: 4 known failures"], sourceLocation: sourceLocation)
        return try directory.read("known-failures.txt")
    }

    /// The list's entries, without its comments.
    private func entries(_ list: String) -> [String] {
        list.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    @Test func writingTheListRecordsEveryFailureAndACheckWithItPasses() async throws {
        let directory = try fixture(listed: false)
        defer { directory.remove() }
        let garden = try directory.read("content/garden.md")
        let watering = try directory.read("content/watering.md")

        let before = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)
        #expect(before.status == 1)
        #expect(before.outputLines == ["snippets: 1 passed, 4 failed, 0 skipped"])

        let list = try await record(directory)
        // One entry per failure, by page and line: the page from the content folder, the line
        // of the snippet's fence (the test's, for the book's test), its fingerprint, its id.
        let seeds = try lineNumber(of: "```swift", below: "### Seeds", in: garden)
        let fence = try lineNumber(of: "```swift", below: "### Fence", in: garden)
        let listing = try lineNumber(of: "```swift", below: "## Daily", in: watering)
        let test = try lineNumber(of: "```swifttest", in: watering)
        let lines = entries(list)
        try #require(lines.count == 4, "\(list)")
        let pattern = try Regex(#"^([a-z/.]+):([0-9]+) ([0-9a-f]{8}) ([a-z.-]+)$"#)
        let fields = try lines.map { line in
            let match = try #require(line.wholeMatch(of: pattern), "\(line)")
            return "\(match.output[1].substring!):\(match.output[2].substring!) \(match.output[4].substring!)"
        }
        #expect(fields == [
            "garden.md:\(seeds) run.output-mismatch",
            "garden.md:\(fence) compile.error",
            // The listing fails because its test does, and with its test's diagnostic.
            "watering.md:\(listing) run.output-mismatch",
            "watering.md:\(test) run.output-mismatch",
        ])
        #expect(list.hasPrefix("# "), "a new list starts with a header that says what it is")

        // Checking with it passes, twice: the second time the compile error's verdict comes
        // from the cache, and it is still known (known-ness is never cached).
        try directory.write("title: Garden notes\nknown-failures: known-failures.txt\n", to: "cheatgen.yml")
        for run in 1...2 {
            let result = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)
            #expect(result.status == 0, "run \(run): \(result.standardError)")
            #expect(result.outputLines == [Self.summary], "run \(run)")
            #expect(!result.standardError.contains("error:"), "run \(run): \(result.standardError)")
            #expect(result.errorLines.count { $0.contains(": warning: known failure (") } == 4, "run \(run): \(result.standardError)")
            #expect(result.errorLines.contains { $0.hasPrefix("content/garden.md:") && $0.hasSuffix("warning: known failure (compile.error, listed at known-failures.txt:6): cannot convert value of type 'String' to specified type 'Int'") },
                    "run \(run): \(result.standardError)")
        }

        // Written again, the list keeps the reasons of entries that stay, and its header.
        try directory.edit("known-failures.txt", replacing: " compile.error", with: " compile.error  # the fence is a lesson in types")
        try directory.edit("known-failures.txt", replacing: "# Known failures", with: "# Our own header\n# Known failures")
        let again = try await record(directory)
        #expect(again.hasPrefix("# Our own header\n"))
        #expect(entries(again).contains(lines[1] + "  # the fence is a lesson in types"), "\(again)")
        #expect(entries(again).count == 4)
    }

    @Test func buildWithKnownFailuresWritesTheSiteAndBadgesThem() async throws {
        let directory = try fixture(listed: false)
        defer { directory.remove() }
        try await record(directory)
        try directory.edit("known-failures.txt", replacing: " run.output-mismatch\n", with: " run.output-mismatch  # counted the pods, not the seeds\n")
        try directory.write("title: Garden notes\nknown-failures: known-failures.txt\n", to: "cheatgen.yml")

        let result = try await Cheatgen.run(["build", "content", "--output", "site", "--quiet"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == [Self.summary, "wrote site/: 2 sheets"])
        #expect(result.errorLines.contains { $0.contains("garden.md:") && $0.contains(": warning: known failure (run.output-mismatch, listed at known-failures.txt:5: counted the pods, not the seeds): snippet output does not match") },
                "\(result.standardError)")

        let garden = try directory.read("site/garden.html")
        try Golden.check(Golden.normalizingVersions(garden), against: "known-failures-garden.html")
        // What the golden file pins down: a known failure's badge says so, with the reason;
        // the snippet that passes keeps its own.
        #expect(garden.contains(#"<span class="badge badge-known-failure" title="This snippet fails with Swift "#))
        #expect(garden.contains("(run.output-mismatch), as the site&#39;s list of known failures says (counted the pods, not the seeds); what it shows is not verified.\">✗ known failure</span>"))
        #expect(garden.components(separatedBy: "✗ known failure").count - 1 == 2)
        #expect(garden.contains("✓ output checked"))
        #expect(garden.contains(": 1 with its output checked, 4 failing, as the list of known failures says."), "the footer does not claim they passed")
        // The listing its failing test verifies is badged too.
        let watering = try directory.read("site/watering.html")
        #expect(watering.contains("badge-known-failure"))

        // In JUnit, a known failure is a skipped test case that says why, as an expected failure is.
        let junit = try await Cheatgen.run(["check", "content", "--quiet", "--report", "junit=junit.xml"], in: directory)
        #expect(junit.status == 0)
        let xml = try directory.read("junit.xml")
        #expect(xml.contains(#"<testsuites name="cheatgen" tests="5" failures="0" skipped="4""#), "\(xml)")
        #expect(xml.components(separatedBy: #"<skipped message="known failure ("#).count - 1 == 4, "\(xml)")
        #expect(!xml.contains("<failure"))
    }

    @Test func aNewFailureStillFailsTheBuildAndWritesNoSite() async throws {
        let directory = try fixture(listed: false)
        defer { directory.remove() }
        try await record(directory)
        try directory.write("title: Garden notes\nknown-failures: known-failures.txt\n", to: "cheatgen.yml")
        // The one passing snippet's output block goes wrong: a failure the list does not name.
        try directory.edit("content/garden.md", replacing: "```output\n12\n```", with: "```output\n13\n```")

        let result = try await Cheatgen.run(["build", "content", "--output", "site", "--quiet"], in: directory)
        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 0 passed, 1 failed, 0 skipped, 4 known failures"])
        #expect(result.errorLines.contains { $0.hasPrefix("content/garden.md:") && $0.hasSuffix(": error: snippet output does not match the 'output' block") }, "\(result.standardError)")
        #expect(result.standardError.contains("not writing site/ because verification failed"))
        #expect(!directory.exists("site"))

        // A log (not a terminal) names the new failure as one, and the listed ones as listed.
        let logged = try await Cheatgen.run(["check", "content"], in: directory)
        #expect(logged.status == 1)
        #expect(logged.errorLines.contains("cheatgen: FAILED garden/rows"), "\(logged.standardError)")
        #expect(logged.errorLines.contains("cheatgen: failed, as listed in the known failures: garden/seeds"), "\(logged.standardError)")
        #expect(!logged.errorLines.contains("cheatgen: FAILED garden/seeds"))
    }

    @Test func aListedSnippetThatPassesNowIsAnError() async throws {
        let directory = try fixture(listed: false)
        defer { directory.remove() }
        try await record(directory)
        try directory.write("title: Garden notes\nknown-failures: known-failures.txt\n", to: "cheatgen.yml")
        // The output block is put right: the snippet's code, and so its entry, stays.
        try directory.edit("content/garden.md", replacing: "```output\n3\n```", with: "```output\n2\n```")
        let garden = try directory.read("content/garden.md")
        let seeds = try lineNumber(of: "```swift", below: "### Seeds", in: garden)

        let result = try await Cheatgen.run(["build", "content", "--output", "site", "--quiet"], in: directory)
        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 2 passed, 0 failed, 0 skipped, 3 known failures (1 known-failures error)"])
        expectConsecutive([
            "content/garden.md:\(seeds):1: error: listed as a known failure but passes now; remove its entry",
            "known-failures.txt:5:1: note: listed here",
        ], in: result.errorLines)
        #expect(!directory.exists("site"))
    }

    @Test func aListedSnippetFailingWithAnotherDiagnosticIsAnErrorNamingBoth() async throws {
        let directory = try fixture(listed: false)
        defer { directory.remove() }
        try await record(directory)
        try directory.write("title: Garden notes\nknown-failures: known-failures.txt\n", to: "cheatgen.yml")
        // The list says the compile error is a crash.
        try directory.edit("known-failures.txt", replacing: " compile.error", with: " run.crashed")
        let garden = try directory.read("content/garden.md")
        let fence = try lineNumber(of: "```swift", below: "### Fence", in: garden)

        let result = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)
        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped, 3 known failures (1 known-failures error)"])
        expectConsecutive([
            "content/garden.md:\(fence):1: error: listed as a known failure with 'run.crashed' but fails with 'compile.error' now; update or remove its entry",
            "known-failures.txt:6:1: note: listed here",
        ], in: result.errorLines)
        // The failure itself is reported as any failure is.
        #expect(result.errorLines.contains { $0.hasPrefix("content/garden.md:\(fence + 1):") && $0.contains("error: cannot convert value of type 'String'") }, "\(result.standardError)")
    }

    @Test func anEntryThatNamesNoSnippetIsAWarningAtItsLine() async throws {
        let directory = try fixture(listed: false)
        defer { directory.remove() }
        let list = try await record(directory)
        let count = list.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        try directory.write(list + "garden.md:40 0123abcd run.output-mismatch  # a card since removed\nshed.md 89abcdef compile.error\n", to: "other-list.txt")

        // `--known-failures` names a list instead of cheatgen.yml.
        let result = try await Cheatgen.run(["check", "content", "--quiet", "--known-failures", "other-list.txt"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == [Self.summary])
        #expect(result.errorLines.contains("other-list.txt:\(count + 1):1: warning: no snippet of garden.md has the fingerprint 0123abcd (edited or removed?); remove this entry, or write the list again"), "\(result.standardError)")
        #expect(result.errorLines.contains("other-list.txt:\(count + 2):1: warning: no page shed.md in content; remove this entry"), "\(result.standardError)")

        // A run that leaves snippets out (--filter) does not call their entries stale.
        let filtered = try await Cheatgen.run(["check", "content", "--quiet", "--known-failures", "known-failures.txt", "--filter", "garden"], in: directory)
        #expect(filtered.status == 0, "\(filtered.standardError)")
        #expect(filtered.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped, 2 known failures"])
        #expect(!filtered.standardError.contains("remove this entry"), "\(filtered.standardError)")

        // Nor does checking one page, given as a file (its page is named from its folder) or
        // through a content folder spelled otherwise.
        for path in ["content/garden.md", "./content/"] {
            let one = try await Cheatgen.run(["check", path, "--quiet", "--known-failures", "known-failures.txt"], in: directory)
            #expect(one.status == 0, "\(path): \(one.standardError)")
            #expect(one.outputLines == [path == "./content/" ? Self.summary : "snippets: 1 passed, 0 failed, 0 skipped, 2 known failures"], "\(path)")
            #expect(!one.standardError.contains("remove this entry"), "\(path): \(one.standardError)")
        }
    }

    @Test func aMalformedLineIsAnErrorAtItsLine() async throws {
        let directory = try fixture()
        defer { directory.remove() }
        try directory.write("""
            # hand-written
            garden.md:12 nothex12 run.output-mismatch
            garden.md:20 0123abcd Output-Mismatch
            just two
            /abs/garden.md 0123abcd compile.error

            """, to: "known-failures.txt")

        let result = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)
        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 1 passed, 4 failed, 0 skipped (4 known-failures errors)"])
        let lines = result.errorLines
        #expect(lines.contains { $0.hasPrefix("known-failures.txt:2:14: error: 'nothex12' is not a snippet's fingerprint") }, "\(lines)")
        #expect(lines.contains("known-failures.txt:3:23: error: 'Output-Mismatch' is not a diagnostic identifier (as in run.output-mismatch; README, \"Diagnostics have names\")"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("known-failures.txt:4:1: error: cannot read this known-failures entry: an entry reads 'PAGE:LINE FINGERPRINT DIAGNOSTIC'") }, "\(lines)")
        #expect(lines.contains("known-failures.txt:5:1: error: the page must be a path relative to the content folder, as in guide/basics.md"), "\(lines)")
    }

    @Test func aSnippetMovedDownThePageStaysKnown() async throws {
        let directory = try fixture(listed: false)
        defer { directory.remove() }
        let list = try await record(directory)
        try directory.write("title: Garden notes\nknown-failures: known-failures.txt\n", to: "cheatgen.yml")
        // Prose above every snippet: each one, the book's test too, moves down four lines.
        let prose = "A paragraph added later.\n\nAnd another one.\n\n"
        try directory.edit("content/garden.md", replacing: "## Beds\n", with: prose + "## Beds\n")
        try directory.edit("content/watering.md", replacing: "## Daily\n", with: prose + "## Daily\n")
        let garden = try directory.read("content/garden.md")
        let fence = try lineNumber(of: "```swift", below: "### Fence", in: garden)

        let result = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == [Self.summary])
        #expect(result.errorLines.contains { $0.hasPrefix("content/garden.md:\(fence + 1):") && $0.contains("warning: known failure (compile.error") }, "\(result.standardError)")
        // The list is unchanged: its line numbers are for the reader only.
        #expect(try directory.read("known-failures.txt") == list)
    }

    @Test func everyLanguageIsListedTheSameWay() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write("""
            ---
            title: Tools
            ---

            ## Broken on purpose

            ### Python

            ```python
            print(sum([1, 2]))
            ```

            ```output
            4
            ```

            ### A doctest

            ```pycon
            >>> "ab" * 2
            'abab '
            ```

            ### JavaScript

            ```javascript
            console.log([3, 1, 2].sort().join(","));
            ```

            ```output
            3,2,1
            ```

            ### A shell session

            ```console
            $ echo one two | wc -w
            3
            ```

            """, to: "content/tools.md")

        let failing = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)
        #expect(failing.outputLines == ["snippets: 0 passed, 4 failed, 0 skipped"], "\(failing.standardError)")
        let written = try await Cheatgen.run(["check", "content", "--quiet", "--write-known-failures", "known.txt"], in: directory)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.outputLines == ["snippets: 0 passed, 0 failed, 0 skipped, 4 known failures", "wrote known.txt: 4 known failures"])
        let entries = try directory.read("known.txt").split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(entries.count == 4)
        #expect(entries.allSatisfy { $0.hasPrefix("tools.md:") }, "\(entries)")
        let again = try await Cheatgen.run(["check", "content", "--quiet", "--known-failures", "known.txt"], in: directory)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.outputLines == ["snippets: 0 passed, 0 failed, 0 skipped, 4 known failures"])
    }
}
