import Foundation
import Testing
@testable import CheatgenParsing

/// LF line endings made CRLF, the way a Windows editor saves a sheet.
private func crlf(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: "\r\n")
}

/// `cheatgen bless` (write what snippets actually did into their sheets) and `cheatgen new`
/// (start a sheet), run as a user runs them.
@Suite("cheatgen bless and new, end to end", .serialized)
struct BlessTests {
    // MARK: - bless

    /// The `.md` files of a folder of the directory (the sheets bless may touch).
    private func sheets(in directory: TemporaryDirectory, _ folder: String) throws -> [String: Data] {
        try fileTree(at: directory.url.appendingPathComponent(folder)).filter { $0.key.hasSuffix(".md") && !$0.key.hasPrefix(".cheatgen") }
    }

    @Test("Bless leaves every byte of a passing sheet as it was", arguments: [
        ("crash-output.md", true), ("cached.md", true), ("only-ignored.md", false), ("site", false),
    ])
    func passingSheetsAreLeftAlone(fixture: String, asCRLF: Bool) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = fixture.hasSuffix(".md") ? fixture : "content"
        try directory.copyFixture(fixture, as: target)
        if asCRLF { try directory.write(crlf(try directory.read(target)), to: target) }
        let folder = target == "content" ? "content" : "."
        let before = try sheets(in: directory, folder)

        let result = try await Cheatgen.run(["bless", target, "--quiet"], in: directory)

        #expect(result.standardError == "")
        #expect(result.outputLines == ["blessed 0 snippets in 0 files"])
        #expect(result.status == 0)
        #expect(treeDifferences(before, try sheets(in: directory, folder)) == [])
    }

    /// passing.md passes, but one of its snippets — a `compile-fail` without an `error` block —
    /// has no block to compare: bless adds it (as for any missing block), and adds nothing else.
    /// Blessed once, the sheet is a fixed point.
    @Test func blessingTwiceChangesNothingMore() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("passing.md")
        let original = try directory.read(sheet)

        let first = try await Cheatgen.run(["bless", sheet, "--quiet"], in: directory)
        let once = try directory.read(sheet)
        let second = try await Cheatgen.run(["bless", sheet, "--quiet"], in: directory)

        let fence = try lineNumber(of: "```swift compile-fail", below: "### Rejected without an error block", in: original)
        #expect(first.errorLines == ["passing.md:\(fence):1: note: blessed the error of passing/rejected-without-an-error-block"])
        #expect(first.outputLines == ["blessed 1 snippet in 1 file"])
        let lines = original.components(separatedBy: "\n")
        let closing = try lineNumber(of: "```", below: "undefinedFunction()", in: original)
        let expected = lines[..<closing] + ["", "```error", "cannot find 'undefinedFunction' in scope", "```"] + lines[closing...]
        #expect(once == expected.joined(separator: "\n"))
        #expect(second.standardError == "")
        #expect(second.outputLines == ["blessed 0 snippets in 0 files"])
        #expect(try directory.read(sheet) == once)
    }

    @Test func anErrorBlockThatStillMatchesIsLeftAlone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Both error blocks pass `check`: each line appears in the compiler's messages, one in
        // a note, the other in the error itself.
        let text = header + """

            ## Rejected

            ### Quotes the compiler's note

            ```swift compile-fail
            let x = 1
            x = 2
            ```

            ```error
            change 'let' to 'var' to make it mutable
            ```

            ### Quotes the error

            ```swift compile-fail
            let count: Int = "three"
            ```

            ```error
            to specified type 'Int'
            ```

            """
        try directory.write(text, to: "notes.md")
        let check = try await Cheatgen.run(["check", "notes.md", "--quiet"], in: directory)
        try #require(check.outputLines == ["snippets: 2 passed, 0 failed, 0 skipped"])

        let result = try await Cheatgen.run(["bless", "notes.md", "--quiet"], in: directory)

        let after = try directory.read("notes.md")
        #expect(result.outputLines == ["blessed 0 snippets in 0 files"])
        #expect(after == text)
        #expect(after.contains("```error\nto specified type 'Int'\n```"), "a matching part of the error stays")
    }

    @Test func filterBlessesOnlyTheSnippetsItSelects() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("bless-me.md")
        let original = try directory.read(sheet)

        let result = try await Cheatgen.run(["bless", sheet, "--filter", "wrong", "--quiet"], in: directory)

        #expect(result.outputLines == ["blessed 1 snippet in 1 file"])
        #expect(try directory.read(sheet) == original.replacingOccurrences(of: "```output\nexpected\n", with: "```output\nactual\n"))
    }

    @Test func blessWritesWhatSnippetsDidAndRefusesCrashesAndTimeouts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("bless-me.md")
        let original = try directory.read(sheet)
        try directory.write(crlf(original), to: "bless-me-crlf.md")

        let result = try await Cheatgen.run(["bless", sheet, "bless-me-crlf.md", "--quiet"], in: directory)

        // It wrote what it could, and fails because it refused some: `bless && git commit` stops.
        #expect(result.status == 1)
        #expect(result.outputLines == ["blessed 8 snippets in 2 files; refused 4"])
        let fence = { (card: String) in try lineNumber(of: "```swift", below: "### \(card)", in: original) }
        var expectedErrors: [String] = []
        for name in ["bless-me-crlf", "bless-me"] {
            expectedErrors += [
                "\(name).md:\(try fence("Crashes")):1: warning: not blessing \(name)/crashes: it crashed (signal \(trapSignalNumber))",
                "\(name).md:\(try fence("Hangs")):1: warning: not blessing \(name)/hangs: it timed out",
            ]
        }
        for name in ["bless-me-crlf", "bless-me"] {
            expectedErrors += [
                "\(name).md:\(try fence("Wrong output")):1: note: blessed the output of \(name)/wrong-output",
                "\(name).md:\(try fence("Missing output")):1: note: blessed the output of \(name)/missing-output",
                "\(name).md:\(try fence("Rejected without an error block")):1: note: blessed the error of \(name)/rejected-without-an-error-block",
                "\(name).md:\(try fence("Last snippet of the file")):1: note: blessed the output of \(name)/last-snippet-of-the-file",
            ]
        }
        #expect(result.errorLines == expectedErrors)

        // Exactly the expected file; the CRLF copy is the same file with CRLF everywhere.
        let blessed = try directory.read(sheet)
        try Golden.check(blessed, against: "bless-me.blessed.md")
        let blessedCRLF = try Data(contentsOf: directory.url.appendingPathComponent("bless-me-crlf.md"))
        #expect(blessedCRLF == Data(crlf(blessed).utf8), "the CRLF sheet stays CRLF, new lines included")
        // The refused snippets and the still-matching wildcard output are untouched.
        #expect(blessed.contains("```output\nbefore\n```"))
        #expect(blessed.contains("```output\nheader\n...\n```"))

        // Now only the refused ones fail.
        let check = try await Cheatgen.run(["check", sheet, "bless-me-crlf.md", "--quiet"], in: directory)
        // A trap is reported at the line that trapped.
        let crash = try lineNumber(of: "print(empty[0])", below: "### Crashes", in: blessed)
        let crashColumn = try columnNumber(of: "[0])", in: blessed)
        let hang = try lineNumber(of: "```swift", below: "### Hangs", in: blessed)
        let failures = check.errorLines.filter { $0.contains(": error: ") }
        #expect(failures.count == 4)
        for name in ["bless-me-crlf", "bless-me"] {
            #expect(failures.contains { $0.hasPrefix("\(name).md:\(crash):\(crashColumn): error: snippet crashed: \(trapSignalName)") })
            #expect(failures.contains("\(name).md:\(hang):1: error: snippet timed out after 1 s and was killed (raise it with timeout=<seconds>)"))
        }
        #expect(check.outputLines == ["snippets: 10 passed, 4 failed, 0 skipped"])
        #expect(check.status == 1)
    }

    @Test func blessRefusesASheetWithContentErrors() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("content-errors.md")
        let before = try directory.read(sheet)

        let result = try await Cheatgen.run(["bless", sheet, "--quiet"], in: directory)

        #expect(result.status == 1)
        #expect(result.errorLines.last == "cheatgen: error: fix the errors above first: bless rewrites only sheets that parse cleanly")
        #expect(try directory.read(sheet) == before)
    }

    // MARK: - new

    @Test func newStartsASheetThatPasses() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let created = try await Cheatgen.run(["new", "swift-actors"], in: directory)

        #expect(created.standardError == "")
        #expect(created.outputLines == ["created content/swift-actors.md; next: cheatgen check content/swift-actors.md"])
        #expect(created.status == 0)
        let text = try directory.read("content/swift-actors.md")
        #expect(text.hasPrefix("---\ntitle: \"Swift Actors\"\n"))

        let check = try await Cheatgen.run(["check", "content/swift-actors.md", "--quiet"], in: directory)
        #expect(check.standardError == "")
        #expect(check.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
        #expect(check.status == 0)
    }

    @Test func newRefusesAnExistingSheet() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("notes")
        try directory.write("---\ntitle: Mine\n---\n", to: "notes/mine.md")

        let result = try await Cheatgen.run(["new", "mine", "--directory", "notes"], in: directory)

        #expect(result.errorLines == ["cheatgen: error: notes/mine.md already exists"])
        #expect(result.status == 2)
        #expect(try directory.read("notes/mine.md") == "---\ntitle: Mine\n---\n")
    }

    @Test("new refuses ids that are not lowercase words joined by single dashes",
          arguments: ["Swift-Actors", "swift_actors", "-actors", "actors-", "swift--actors", "../escape", "a/b", "naïve", "two words", ""])
    func newRefusesAnInvalidID(id: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let result = try await Cheatgen.run(["new", "--", id], in: directory)

        #expect(result.errorLines == ["cheatgen: error: '\(id)' is not a valid sheet id: use lowercase letters, digits and dashes, as in swift-actors"])
        #expect(result.status == 2)
        #expect(directory.entries().filter { !$0.hasPrefix(".") } == [], "nothing was created")
    }

    @Test func newWithATitleThatNeedsQuotingInYAML() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let created = try await Cheatgen.run(["new", "swift-actors", "--title", "Actors: isolation, #1 [draft]"], in: directory)
        #expect(created.status == 0)

        let check = try await Cheatgen.run(["check", "content/swift-actors.md", "--quiet"], in: directory)
        #expect(check.standardError == "")
        #expect(check.status == 0)
        #expect(check.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
        // Once it passes, the title must be the one given.
        let parsed = SheetParser.parse(fileAt: directory.path + "/content/swift-actors.md", options: parseOptions)
        #expect(parsed.sheet?.frontMatter.title == "Actors: isolation, #1 [draft]")
    }
}
