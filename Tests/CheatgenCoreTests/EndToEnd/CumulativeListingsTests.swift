import Foundation
import Testing

/// `listings: cumulative` through the real binary: each snippet runs after the ones above it
/// on its page (declarations seen, statements run, only its own output compared), a later
/// declaration replaces an earlier one, a broken snippet fails alone and the snippets that
/// need it say so; `separate` is unchanged, front matter wins over cheatgen.yml, and the
/// verdict cache sees a change to an earlier snippet.
@Suite("Cumulative listings, end to end", .serialized)
struct CumulativeListingsTests {
    @Test func aPageRunsAsOneSession() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("cumulative.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        let lines = result.errorLines
        // Carried declarations and state, the replaced label and the counting after the broken
        // snippet pass; the broken snippet and the one that needs it fail.
        #expect(result.outputLines == ["snippets: 6 passed, 2 failed, 0 skipped"], "\(result.standardError)")
        #expect(result.status == 1)

        // The broken snippet's error is its own, reported once, at its own line.
        let broken = try lineNumber(of: "let total: Int = \"plenty\"", in: text)
        let brokenFence = broken - 1
        #expect(lines.count { $0.contains("cannot convert value of type 'String'") } == 1, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("cumulative.md:\(broken):") && $0.contains(": error: cannot convert value of type 'String'") }, "\(lines)")

        // The snippet that needs it fails at its own line and says which snippet it depends on.
        let doubling = try lineNumber(of: "print(total * 2)", in: text)
        #expect(lines.contains { $0.hasPrefix("cumulative.md:\(doubling):") && $0.contains("error: cannot find 'total' in scope") }, "\(lines)")
        #expect(lines.contains("cumulative.md:\(brokenFence):1: note: depends on the snippet at cumulative.md:\(brokenFence), which failed"), "\(lines)")
        #expect(lines.count { $0.contains("note: depends on the snippet") } == 1, "\(lines)")

        // Nothing is said about the listings that passed, nor about the session's marker.
        #expect(!result.standardError.contains("cheatgen session"))
        #expect(lines.count { $0.contains(": error: ") } == 2, "\(lines)")
    }

    @Test func theBooksTestsAreNotPartOfTheSession() async throws {
        // A book page read cumulatively: the test in the comment is a program of its own, in
        // its own markup; the listing after it builds on the listing before it, not on the test.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("""
            ---
            title: Lanterns
            listings: cumulative
            ---

            ## Lighting up

            ```swift
            var lit = 2
            ```

            <!--
              - test: `lanterns`

              ```swifttest
              -> var lit = 2
              -> lit += 1
              >> print(lit)
              << 3
              ```
            -->

            ```swift
            lit += 3
            print(lit)
            ```

            ```output
            5
            ```

            """, to: "lanterns.md")

        let result = try await Cheatgen.run(["check", "lanterns.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 3 passed, 0 failed, 0 skipped"], "the listing above the test, the test, the listing after it")
        #expect(!result.standardError.contains("cannot find operator"), "the test's markup never reaches a listing's program: \(result.standardError)")
    }

    @Test func separateStaysTheDefault() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("cumulative.md")
        try directory.edit(sheet, replacing: "listings: cumulative\n", with: "")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        // Each snippet alone: those that need the pantry or the total do not compile.
        #expect(result.outputLines == ["snippets: 3 passed, 5 failed, 0 skipped"], "\(result.standardError)")
        let sugar = try lineNumber(of: "pantry[\"sugar\"] = restocked(-6)", in: text)
        #expect(result.errorLines.contains { $0.hasPrefix("cumulative.md:\(sugar):1: error: cannot find 'pantry' in scope") }, "\(result.errorLines)")
        #expect(!result.standardError.contains("depends on the snippet"))
    }

    @Test func frontMatterOverridesTheConfiguration() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("cumulative.md")
        try directory.write("listings: cumulative\n", to: "cheatgen.yml")

        try directory.edit(sheet, replacing: "listings: cumulative\n", with: "listings: separate\n")
        let separate = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        #expect(separate.outputLines == ["snippets: 3 passed, 5 failed, 0 skipped"], "\(separate.standardError)")

        // Without a word in the sheet, cheatgen.yml decides.
        try directory.edit(sheet, replacing: "listings: separate\n", with: "")
        let cumulative = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        #expect(cumulative.outputLines == ["snippets: 6 passed, 2 failed, 0 skipped"], "\(cumulative.standardError)")

        // A value that is neither is an error at its line.
        try directory.write("listings: together\n", to: "cheatgen.yml")
        let wrong = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        #expect(wrong.errorLines.contains { $0.hasPrefix("cheatgen.yml:1:") && $0.hasSuffix("error: 'listings' must be separate or cumulative") }, "\(wrong.errorLines)")
    }

    /// A snippet's verdict rests on the snippets before it: changing the first one verifies
    /// the ones after it again, and a cached run says the same as a fresh one.
    @Test func theVerdictCacheSeesEarlierSnippets() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("cumulative.md")

        let first = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        #expect(first.outputLines == ["snippets: 6 passed, 2 failed, 0 skipped"], "\(first.standardError)")
        let again = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        #expect(again.outputLines == first.outputLines)
        #expect(again.errorLines == first.errorLines)

        // Two bags of flour at the start: the first listing still passes, the two after it now
        // see one more than their output blocks say.
        try directory.edit(sheet, replacing: "var pantry = [\"flour\": 2]", with: "var pantry = [\"flour\": 3]")
        let edited = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        #expect(edited.outputLines == ["snippets: 4 passed, 4 failed, 0 skipped"], "\(edited.standardError)")
        #expect(edited.standardError.contains("+2"), "\(edited.standardError)")
        #expect(edited.standardError.contains("+flour: 2"), "\(edited.standardError)")
    }

    @Test func pythonPagesRunInOneNamespace() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("""
            ---
            title: Tea shelf
            listings: cumulative
            ---

            ## Tea

            ```python
            shelf = {"green": 1}
            print(len(shelf))
            ```

            ```output
            1
            ```

            ```python
            shelf["black"] = 3
            print(sorted(shelf))
            ```

            ```output
            ['black', 'green']
            ```

            ```python
            def brew(kind): return kind + " tea"
            print(brew("green"))
            ```

            ```output
            green tea
            ```

            ```python
            def brew(kind): return kind.upper()
            print(brew("black"))
            ```

            ```output
            BLACK
            ```

            ```python
            raise RuntimeError("the kettle broke")
            ```

            ```python
            print(shelf["black"] + 1)
            ```

            ```output
            4
            ```

            """, to: "tea.md")
        let text = try directory.read("tea.md")
        let result = try await Cheatgen.run(["check", "tea.md", "--no-cache", "--quiet"], in: directory)
        // The snippet that raises fails on its own; the one after it runs without it.
        #expect(result.outputLines == ["snippets: 5 passed, 1 failed, 0 skipped"], "\(result.standardError)")
        let raise = try lineNumber(of: "raise RuntimeError", in: text)
        #expect(result.errorLines.contains("tea.md:\(raise):1: error: snippet raised RuntimeError: the kettle broke"), "\(result.errorLines)")
        #expect(result.errorLines.count { $0.contains(": error: ") } == 1, "\(result.errorLines)")
    }

    /// A listing that is compiled but not checked (`compile-only`) still runs before the ones
    /// after it; when it stops the program, they run without it, and one that needs it says so.
    @Test func aListingThatStopsTheProgramIsNamed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("""
            ---
            title: Limits
            listings: cumulative
            ---

            ```swift compile-only
            let limit = 3
            precondition(limit > 5, "the limit is too small")
            ```

            ```swift
            print("independent")
            ```

            ```output
            independent
            ```

            ```swift
            print(limit * 2)
            ```

            ```output
            6
            ```

            """, to: "limits.md")
        let text = try directory.read("limits.md")
        let result = try await Cheatgen.run(["check", "limits.md", "--no-cache", "--quiet"], in: directory)
        #expect(result.outputLines == ["snippets: 2 passed, 1 failed, 0 skipped"], "\(result.standardError)")
        let fence = try lineNumber(of: "```swift compile-only", in: text)
        let use = try lineNumber(of: "print(limit * 2)", in: text)
        #expect(result.errorLines.contains("limits.md:\(use):7: error: cannot find 'limit' in scope"), "\(result.errorLines)")
        #expect(result.errorLines.contains("limits.md:\(fence):1: note: depends on the snippet at limits.md:\(fence), which cannot run before it"),
                "\(result.errorLines)")
    }
}
