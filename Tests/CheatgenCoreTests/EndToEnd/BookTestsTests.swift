import Foundation
import Testing
@testable import CheatgenModel

/// The Swift book's own tests (`swifttest` blocks in HTML comments) through the real binary:
/// output, `/>` comments, tests joined across a page, traps, expected diagnostics, a module
/// imported by another test, a test Linux cannot run, and a listing its test verifies.
@Suite("The book's swifttest tests, end to end", .serialized)
struct BookTestsTests {
    @Test func booksTestsAreRunAndFailuresPointAtTheirLines() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("book-tests.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        let lines = result.errorLines

        // 10 tests and the listing the first verifies: the wrong output and the misworded
        // error fail, the Objective-C test is skipped, everything else passes.
        #expect(result.outputLines == ["snippets: 8 passed, 2 failed, 1 skipped"], "\(result.standardError)")
        #expect(result.status == 1)

        // Wrong output: at the expected line that differs, with the diff.
        let wrong = try lineNumber(of: "<- total is 5", in: text)
        expectConsecutive([
            "book-tests.md:\(wrong):1: error: the book's test 'wrongSum' printed other lines than its expected output",
            "--- expected",
            "+++ actual",
            "@@ -1,1 +1,1 @@",
            "-total is 5",
            "+total is 4",
        ], in: lines)

        // A diagnostic the compiler words otherwise: at the '!$' line, with what it did say.
        let misworded = try lineNumber(of: "!$ error: a string is not a number", in: text)
        let literal = try lineNumber(of: "-> let count: Int = \"seven\"", in: text)
        #expect(lines.contains("book-tests.md:\(misworded):1: error: the compiler did not say 'error: a string is not a number'"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("    book-tests.md:\(literal):") && $0.contains("error: cannot convert value of type 'String'") }, "\(lines)")

        // Only those two fail: the matching diagnostic, the trap, the comment, the two-part
        // test and the module test pass.
        #expect(lines.count { $0.hasPrefix("book-tests.md:") && $0.contains(": error: ") } == 2, "\(lines)")

        // The skipped test says why.
        let objc = try lineNumber(of: "- test: `needsObjC`", in: text)
        #expect(lines.contains("book-tests.md:\(objc + 2):3: warning: the book's test 'needsObjC' is skipped: it needs Objective-C interoperability (@objc, NSObject, selectors), which Swift on Linux does not have"), "\(lines)")
    }

    @Test func aListingWhoseVerdictIsNoLongerCachedTakesItsTestsVerdictAgain() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("book-tests.md")
        let first = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        #expect(first.outputLines == ["snippets: 8 passed, 2 failed, 1 skipped"], "\(first.standardError)")

        // The listing's cached verdict goes (as when a cache is pruned), its test's stays.
        let verdicts = directory.url.appendingPathComponent(".cheatgen/verdicts")
        var removed = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: verdicts.path) {
            let url = verdicts.appendingPathComponent(file)
            if try String(contentsOf: url, encoding: .utf8).contains("swift.book-test") {
                try FileManager.default.removeItem(at: url)
                removed += 1
            }
        }
        #expect(removed == 1, "one listing is verified by a test")

        let again = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        #expect(again.outputLines == first.outputLines, "\(again.standardError)")
        #expect(!again.standardError.contains("which this run did not include"), "\(again.standardError)")
    }

    @Test func aDiagnosticAtAnotherPlaceThanTheCaretFails() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("""
            ---
            title: Carets
            ---

            <!--
              - test: `caretAside`

              ```swifttest
              -> let bolts = 8
              -> bolts = 9
              !$ error: cannot assign to value: 'bolts' is a 'let' constant
              !! bolts = 9
              !!         ^
              ```
            -->

            """, to: "carets.md")
        let result = try await Cheatgen.run(["check", "carets.md", "--no-cache", "--quiet"], in: directory)
        #expect(result.outputLines == ["snippets: 0 passed, 1 failed, 0 skipped"], "\(result.standardError)")
        #expect(result.errorLines.contains { $0.hasPrefix("carets.md:11:1: error: the compiler said 'error: cannot assign to value: 'bolts' is a 'let' constant' elsewhere in the line than the book's caret (under '9')") }, "\(result.errorLines)")
    }

    @Test func theListingATestVerifiesSaysSoOnThePage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write("""
            ---
            title: Verified by its test
            ---

            ## Fruit

            ```swift
            let apples = 5
            print(apples * 2)
            ```

            <!--
              - test: `doubled`

              ```swifttest
              -> let apples = 5
              -> print(apples * 2)
              <- 10
              ```
            -->

            """, to: "content/fruit.md")
        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let page = try directory.read("site/fruit.html")
        #expect(page.contains("verified by the book&#39;s test") || page.contains("verified by the book's test"), "\(page)")
        // The test itself is not shown as code on the page.
        #expect(!page.contains("swifttest:doubled"))
    }
}
