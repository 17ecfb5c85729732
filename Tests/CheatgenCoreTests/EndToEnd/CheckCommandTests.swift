import Foundation
import Testing
@testable import CheatgenModel

/// The 1-based line of the first line containing `needle` below the line containing `start`.
private func line(of needle: String, after start: String, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let from = try #require(lines.firstIndex { $0.contains(start) }, "'\(start)' not in fixture", sourceLocation: sourceLocation)
    let hit = try #require(lines[(from + 1)...].firstIndex { $0.contains(needle) }, "'\(needle)' not below '\(start)'", sourceLocation: sourceLocation)
    return hit + 1
}

/// The 1-based column of `needle` on `line` of `text`.
private func column(of needle: String, onLine line: Int, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
    let content = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
    let range = try #require(content.range(of: needle), sourceLocation: sourceLocation)
    return content.distance(from: content.startIndex, to: range.lowerBound) + 1
}

/// How a Swift runtime trap ends the process on this machine.
private var trapSignal: String {
    #if arch(x86_64)
    "signal 4 SIGILL (Swift runtime trap)"
    #else
    "signal 5 SIGTRAP (Swift runtime trap)"
    #endif
}

/// Files in a folder of the temporary directory (none if it does not exist).
private func entries(_ folder: String, in directory: TemporaryDirectory) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: directory.path + "/" + folder))?.sorted() ?? []
}

/// The compiled snippets in the work folder (not the runners' dispatchers).
private func snippetObjects(in directory: TemporaryDirectory) -> [String] {
    entries(".cheatgen/objects", in: directory).filter { !$0.hasPrefix("dispatcher-") && $0.hasSuffix(".o") }
}

/// `cheatgen check`, run as a user runs it: the real executable, in a fresh working directory
/// holding copies of the fixtures, so `.cheatgen/` lands there and paths print as `name.md`.
@Suite("cheatgen check, end to end", .serialized)
struct CheckCommandTests {
    @Test func everyPassingKindPasses() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("passing.md")
        try FileManager.default.createDirectory(atPath: directory.path + "/tmp", withIntermediateDirectories: true)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory,
                                      environment: ["TMPDIR": directory.path + "/tmp"])

        #expect(result.standardError == "", "nothing to report")
        #expect(result.outputLines == ["snippets: 14 passed, 0 failed, 1 skipped"])
        #expect(result.status == 0)
        // The compiler driver leaves an empty folder in TMPDIR each time it is asked for its plan.
        #expect(entries("tmp", in: directory) == [], "a check leaves nothing in the temporary folder")
        // The work folder lands in the working directory; the per-run scratch folder is cleaned up.
        #expect(entries(".cheatgen/verdicts", in: directory).count == 14, "every pass is cached")
        #expect(!entries(".cheatgen/objects", in: directory).isEmpty)
        #expect(entries(".cheatgen/scratch", in: directory) == [])
    }

    @Test func everyFailureKindIsReportedAtItsMarkdownLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("failing.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        let lines = result.errorLines

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 1 passed, 9 failed, 0 skipped"])

        // Wrong output: reported at the first line of the output block that differs, with a unified diff.
        let wrongOutput = try line(of: "2", after: "### Wrong output", in: text)
        expectConsecutive([
            "failing.md:\(wrongOutput):1: error: snippet output does not match the 'output' block",
            "--- expected",
            "+++ actual",
            "@@ -1,3 +1,3 @@",
            " one",
            "-2",
            "+two",
            " three",
        ], in: lines)

        // A runtime trap: at the line that trapped, with the signal and the runtime's message.
        let crash = try line(of: "print(numbers[5])", after: "### Index out of range", in: text)
        let crashColumn = try column(of: "[5]", onLine: crash, in: text)
        let crashLine = lines.first { $0.hasPrefix("failing.md:\(crash):\(crashColumn): error: snippet crashed: ") }
        #expect(crashLine?.contains("crashed: \(trapSignal)") == true, "\(lines)")
        #expect(crashLine?.contains("Fatal error: Index out of range") == true, "\(lines)")

        // A compiler error, at the Markdown line and column of the bad expression.
        let mismatch = try line(of: "let count: Int = \"three\"", after: "### Type mismatch", in: text)
        let mismatchColumn = try column(of: "\"three\"", onLine: mismatch, in: text)
        let mismatchFence = try line(of: "```swift", after: "### Type mismatch", in: text)
        expectConsecutive([
            "failing.md:\(mismatch):\(mismatchColumn): error: cannot convert value of type 'String' to specified type 'Int'",
            "let count: Int = \"three\"",
            String(repeating: " ", count: mismatchColumn - 1) + "^~~~~~~",
            "failing.md:\(mismatchFence):1: note: in snippet failing/type-mismatch",
        ], in: lines)

        // Hidden lines and the declarations brought in by uses= do not shift the reported line.
        let shifted = try line(of: "let label: Int =", after: "### Type mismatch after hidden lines", in: text)
        let shiftedColumn = try column(of: "\"area", onLine: shifted, in: text)
        let shiftedFence = try line(of: "```swift uses=shapes", after: "### Type mismatch after hidden lines", in: text)
        expectConsecutive([
            "failing.md:\(shifted):\(shiftedColumn): error: cannot convert value of type 'String' to specified type 'Int'",
            "let label: Int = \"area \\(square.area)\"",
        ], in: lines)
        #expect(lines.contains("failing.md:\(shiftedFence):1: note: in snippet failing/type-mismatch-after-hidden-lines#2"))

        // compile-fail code that compiles.
        let compiles = try line(of: "```swift compile-fail", after: "### Compiles although it should not", in: text)
        #expect(lines.contains("failing.md:\(compiles):1: error: snippet was expected not to compile (compile-fail) but it compiled"))

        // compile-fail rejected with other messages than its error block says.
        let otherReason = try line(of: "```error", after: "### Rejected for another reason", in: text)
        expectConsecutive([
            "failing.md:\(otherReason):1: error: the compiler's messages do not contain: 'cannot find 'count' in scope'",
            "  the compiler said:",
            "    cannot convert value of type 'String' to specified type 'Int'",
        ], in: lines)

        // timeout=1 on an endless loop.
        let forever = try line(of: "```swift timeout=1", after: "### Runs forever", in: text)
        #expect(lines.contains("failing.md:\(forever):1: error: snippet timed out after 1 s and was killed (raise it with timeout=<seconds>)"))

        // exit(3).
        let exits = try line(of: "```swift", after: "### Exits with a status", in: text)
        #expect(lines.contains("failing.md:\(exits):1: error: snippet exited with status 3"))

        // should-crash code that does not crash.
        let noCrash = try line(of: "```swift should-crash", after: "### Should crash but does not", in: text)
        #expect(lines.contains("failing.md:\(noCrash):1: error: snippet was expected to crash (should-crash) but exited normally"))

        // Reported in file order, every failure once.
        let places = lines.compactMap { line -> Int? in
            guard line.hasPrefix("failing.md:"), line.contains(": error: ") else { return nil }
            return Int(line.split(separator: ":")[1])
        }
        #expect(places == places.sorted())
        #expect(places.count == 9)
        // Failed runs are never cached; failed compiles are, like passes.
        #expect(entries(".cheatgen/verdicts", in: directory).count == 3, "the passing helper and the two type mismatches")
    }

    @Test func outputPrintedBeforeACrashIsCompared() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("crash-output.md")

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)

        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
        #expect(result.status == 0)
    }

    @Test func aSnippetWithTwoProblemsReportsBoth() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("double-failure.md")
        let text = try directory.read(sheet)

        // Without --quiet and not on a terminal: plain progress lines, then the problems.
        let result = try await Cheatgen.run(["check", sheet, "--no-cache"], in: directory)

        #expect(result.status == 1)
        let fence = try line(of: "```swift", after: "### Exits early", in: text)
        let output = try line(of: "complete", after: "### Exits early", in: text)
        #expect(result.errorLines == [
            "cheatgen: verifying 1 snippet",
            "cheatgen: FAILED double-failure/exits-early-with-the-wrong-output",
            "double-failure.md:\(fence):1: error: snippet exited with status 3",
            "double-failure.md:\(output):1: error: snippet output does not match the 'output' block",
            "--- expected",
            "+++ actual",
            "@@ -1,1 +1,1 @@",
            "-complete",
            "+partial",
        ])
        // Two problems, one failed snippet, no content errors.
        #expect(result.outputLines == ["snippets: 0 passed, 1 failed, 0 skipped"])
    }

    @Test func contentErrorsFailTheCheckEvenWhenEverySnippetPasses() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("content-errors.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)

        let related = try lineNumber(of: "related: [no-such-sheet]", in: text)
        let link = try lineNumber(of: "[nowhere](missing.md)", in: text)
        let typo = try lineNumber(of: "```swift unorderd", in: text)
        #expect(result.errorLines == [
            "content-errors.md:\(related):11: error: related sheet 'no-such-sheet' does not exist (no no-such-sheet.md next to this sheet)",
            "content-errors.md:\(link):5: error: link to 'missing.md': there is no sheet 'missing'",
            "content-errors.md:\(typo):1: error: unknown snippet attribute 'unorderd'; known for Swift: compile-only, compile-fail, should-crash, ignore, unordered, timeout=, id=, uses=, max-time=, memory=, network=, language-mode=, flags=, sanitize=, warnings-as-errors",
        ])
        #expect(result.outputLines == ["snippets: 2 passed, 0 failed, 0 skipped (3 content errors)"])
        #expect(result.status == 1)
    }

    @Test func missingPathIsReported() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("only-ignored.md")

        let result = try await Cheatgen.run(["check", "only-ignored.md", "missing.md", "--quiet"], in: directory)

        #expect(result.errorLines == ["missing.md:1:1: error: no such file or directory"])
        #expect(result.outputLines == ["snippets: 0 passed, 0 failed, 1 skipped (1 content error)"])
        #expect(result.status == 1)
    }

    @Test func aFolderIsCheckedSheetBySheet() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        try directory.copyFixture("only-ignored.md", as: "content/only-ignored.md")
        try directory.copyFixture("double-failure.md", as: "content/.hidden.md")

        // No path: `content` is the default.
        let result = try await Cheatgen.run(["check", "--quiet"], in: directory)

        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: 0 passed, 0 failed, 1 skipped"])
        #expect(result.status == 0)
    }

    @Test func filterKeepsMatchingSnippetsAndUsesStillResolves() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("passing.md")

        // Only "passing/using-helpers" matches; the helpers it uses are still compiled in.
        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--filter", "USING", "--quiet"], in: directory)

        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
        #expect(result.status == 0)
    }

    @Test func jobsMustBePositive() async throws {
        let directory = try TemporaryDirectory(learned: false)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["check", "--jobs", "0"], in: directory)

        #expect(result.status == 2)
        #expect(result.standardError.contains("--jobs must be at least 1"))
        #expect(entries(".cheatgen", in: directory) == [], "nothing was verified")
    }

    @Test func settingsComeFromCheatgenYML() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("config.md")
        let text = try directory.read(sheet)
        try directory.write("title: Fixture\ntimeout: 1\nswift:\n  flags: [-DCHEATGEN_FIXTURE]\n", to: "cheatgen.yml")

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)

        let loop = try line(of: "```swift", after: "### Default timeout", in: text)
        #expect(result.errorLines == ["config.md:\(loop):1: error: snippet timed out after 1 s and was killed (raise it with timeout=<seconds>)"])
        #expect(result.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"])
        #expect(result.status == 1)
    }

    /// A language's settings enter its own verdicts only: new Swift flags verify the Swift
    /// snippets again and answer the Python one from the cache.
    @Test func changingSwiftFlagsVerifiesSwiftSnippetsOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("""
            ---
            title: Two languages
            ---

            ### Swift

            ```swift
            #if EXTRA
            print("extra")
            #else
            print("plain")
            #endif
            ```

            ```output
            plain
            ```

            ### Python

            ```python
            print("snake")
            ```
            """, to: "two.md")
        try directory.write("swift:\n  flags: [-DPLAIN]\n", to: "cheatgen.yml")
        let first = try await Cheatgen.run(["check", "two.md", "--verbose"], in: directory)
        #expect(first.status == 0, "\(first.standardError)")
        let ran = { (result: CommandResult) in
            (result.outputLines + result.errorLines).filter { $0.contains("passed two/") || $0.contains("failed two/") }.sorted()
        }
        #expect(ran(first).count == 2 && ran(first).allSatisfy { !$0.hasSuffix("(cached)") }, "\(ran(first))")

        // New Swift flags: the Swift snippet is verified again (and now fails), Python is cached.
        try directory.write("swift:\n  flags: [-DEXTRA]\n", to: "cheatgen.yml")
        let second = try await Cheatgen.run(["check", "two.md", "--verbose"], in: directory)
        let lines = ran(second)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("failed two/swift") && !$0.hasSuffix("(cached)") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("passed two/python") && $0.hasSuffix("(cached)") }, "\(lines)")
    }

    @Test func badSettingsAreReportedInTheirFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("only-ignored.md")
        try directory.write("# site settings\ntimeout: soon\n", to: "site.yml")

        let result = try await Cheatgen.run(["check", "only-ignored.md", "--config", "site.yml", "--quiet"], in: directory)

        #expect(result.errorLines == ["site.yml:2:10: error: 'timeout' must be a number of seconds between 0 and 3600"])
        #expect(result.outputLines == ["snippets: 0 passed, 0 failed, 1 skipped (1 content error)"])
        #expect(result.status == 1)
    }

    /// The writer's loop: editing the same snippet again and again recompiles that snippet
    /// only — its runner's dispatcher is reused — relinks, and runs it alone.
    @Test func editingASnippetAgainCompilesOnlyThatSnippet() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("cached.md")
        let original = try directory.read(sheet)
        #expect(try await Cheatgen.run(["check", sheet, "--quiet"], in: directory).status == 0)

        func commandsAfterEditing(_ code: String) async throws -> [String] {
            try directory.write(original.replacingOccurrences(of: #"print("hello")"#, with: code), to: sheet)
            let result = try await Cheatgen.run(["check", sheet, "--verbose"], in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.outputLines.last == "snippets: 2 passed, 0 failed, 0 skipped")
            return (result.outputLines + result.errorLines).filter { $0.hasPrefix("$ ") }
        }
        let compiles = { (commands: [String]) in commands.filter { $0.contains(" -primary-file ") || $0.contains(" -c ") } }

        let first = try await commandsAfterEditing(#"print("hel" + "lo")"#)
        #expect(compiles(first).count == 2, "the snippet, and a dispatcher for a runner of it alone: \(first)")
        let second = try await commandsAfterEditing(#"print("h" + "ello")"#)
        #expect(compiles(second).count == 1, "\(second)")
        #expect(compiles(second).allSatisfy { $0.contains("cached__first") })
        let runs = second.filter { $0.contains("/.cheatgen/bin/runner-") }
        #expect(runs.count == 1 && runs[0].contains(" cached__first"), "only the edited snippet runs: \(runs)")
    }

    @Test func verdictsAreCachedAndTheExpectedOutputIsPartOfTheKey() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("cached.md")
        let original = try directory.read(sheet)

        // 1. Both snippets pass; each verdict is stored.
        let first = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        #expect(first.status == 0)
        #expect(first.outputLines == ["snippets: 2 passed, 0 failed, 0 skipped"])
        #expect(entries(".cheatgen/verdicts", in: directory).count == 2)
        #expect(entries(".cheatgen/verdicts", in: directory).allSatisfy { $0.hasSuffix(".json") })

        // 2. Unchanged, nothing is compiled again: with the objects gone, none comes back.
        for object in entries(".cheatgen/objects", in: directory) {
            try FileManager.default.removeItem(atPath: "\(directory.path)/.cheatgen/objects/\(object)")
        }
        let second = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        #expect(second.status == 0)
        #expect(second.outputLines == ["snippets: 2 passed, 0 failed, 0 skipped"])
        #expect(entries(".cheatgen/objects", in: directory) == [], "verdicts were reused")

        // 3. Only the expected output of the first snippet changes: that snippet is verified
        //    again (and fails); the second keeps its cached verdict.
        let edited = original.replacingOccurrences(of: "```output\nhello\n```", with: "```output\ngoodbye\n```")
        try #require(edited != original)
        try directory.write(edited, to: sheet)
        let third = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        let output = try line(of: "goodbye", after: "### First", in: edited)
        #expect(third.status == 1)
        #expect(third.errorLines == [
            "cached.md:\(output):1: error: snippet output does not match the 'output' block",
            "--- expected",
            "+++ actual",
            "@@ -1,1 +1,1 @@",
            "-goodbye",
            "+hello",
        ])
        #expect(third.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"])
        #expect(snippetObjects(in: directory).count == 1, "only the edited snippet was compiled")
        #expect(entries(".cheatgen/objects", in: directory).filter { $0.hasSuffix(".o") }.count == 2, "and the runner's dispatcher for it")
        #expect(entries(".cheatgen/verdicts", in: directory).count == 2, "a failure is not cached")

        // 4. --no-cache verifies everything again.
        try directory.write(original, to: sheet)
        let fourth = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        #expect(fourth.status == 0)
        #expect(fourth.outputLines == ["snippets: 2 passed, 0 failed, 0 skipped"])
        #expect(snippetObjects(in: directory).count == 2, "the second snippet was compiled again too")
    }

    /// The sheet's intro and a heading named "Intro" once gave their snippets the same name;
    /// verdicts were filed by name, so the pass of one was cached as the other's and a wrong
    /// snippet passed from then on.
    @Test func aFailingSnippetNamedLikeAPassingOneStillFailsTheNextRun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = header + "\n```python\nprint(1)\n```\n\n```output\n1\n```\n\n## Intro\n\n```python\nprint(2)\n```\n\n```output\n3\n```\n"
        try directory.write(text, to: "intro.md")

        for run in ["cold", "warm"] {
            let result = try await Cheatgen.run(["check", "intro.md", "--quiet"], in: directory)
            #expect(result.status == 1, "\(run)")
            #expect(result.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"], "\(run)")
            #expect(result.errorLines.first == "intro.md:20:1: error: snippet output does not match the 'output' block", "\(run)")
        }
    }
}
