import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenLanguages
@testable import CheatgenVerification
@testable import CheatgenCore

/// Reading the book's `swifttest` comments: markers, code continued on indented lines, tests
/// joined across a page, and the program and expectations made of them.
struct SwiftTestCommentsTests {
    @Test func markersAndContinuationLinesAreReadAsTheBookMeansThem() throws {
        let parsed = try sheet(header + """
            <!--
              - test: `lamps, lampsAgain`

              ```swifttest
              -> func glow(_ n: Int) -> Int {
                     return n * 2
                 }
              >> let hidden = glow(1)
              /> glow is \\(glow(2))
              </ glow is 4
              << 2
              !$ warning: something
              !! let x = 1
              !!     ^
              !!-
              // a note to the reader
              ```
            -->

            Between.

            <!--
              - test: `lamps`

              ```swifttest
              -> print(glow(3))
              <- 6
              ```
            -->

            """)
        let tests = parsed.bookTests
        #expect(tests.map(\.bookTestName) == ["lamps", "lampsAgain"])
        let lamps = try #require(tests[0].bookTestScript)
        #expect(lamps.lines.map(\.marker) == [.shown, .shown, .shown, .hidden, .evaluatedComment, .commentOutput, .hiddenOutput,
                                              .diagnostic, .diagnosticSource, .diagnosticSource, .comment, .shown, .output])
        // The continuation keeps its indentation past the code's column.
        #expect(lamps.lines[1].text == "    return n * 2")
        #expect(lamps.lines[2].text == "}")
        // The second part comes from the second comment, at its own lines.
        #expect(lamps.lines[11].line == 29)
        #expect(try #require(tests[1].bookTestScript).lines.count == 11)

        let program = BookTestProgram(lamps, path: "sheet.md")
        #expect(program.output.map(\.text) == ["glow is 4", "2", "6"])
        #expect(program.source.contains("print(\"glow is \\(glow(2))\")"))
        #expect(program.source.contains("#sourceLocation(file: \"sheet.md\", line: 29)\nprint(glow(3))"))
        #expect(program.diagnostics.first?.caret?.offset == 4)
        #expect(program.diagnostics.first?.source == "let x = 1")
        #expect(!program.expectsErrors)
    }

    @Test func aListingRightAboveATestIsVerifiedByIt() throws {
        let parsed = try sheet(header + """
            ```swift
            print(1)
            ```

            <!--
              - test: `one`

              ```swifttest
              -> print(1)
              <- 1
              ```
            -->

            ```swift
            print(2)
            ```

            Not directly under it.

            <!--
              - test: `two`

              ```swifttest
              -> print(2)
              ```
            -->

            """)
        #expect(parsed.snippets.map(\.verifiedByBookTest) == ["one", nil, nil, nil])
        #expect(parsed.snippets.map(\.bookTestName) == [nil, nil, "one", "two"])
    }

    @Test func theBooksOtherFormsAreReadAsItMeansThem() throws {
        let parsed = try sheet(header + """
            - A list item with its test:

              <!--
                - test: `inList`

                ```swifttest
                 >> import Darwin
                 -> let pause = 1
                 !! /tmp/swifttest.swift:2:5: warning: initialization of immutable value 'pause' was never used
                ```
              -->

            <!--
            .. testcode:: oldName

              ```swifttest
              -> print(2)
              ```
            -->

            """)
        #expect(parsed.bookTests.map(\.bookTestName) == ["inList", "oldName"])
        let script = try #require(parsed.bookTests.first?.bookTestScript)
        // Markers a space deeper than the fence are still markers, not continued code.
        #expect(script.lines.map(\.marker) == [.hidden, .shown, .diagnosticSource])
        let program = BookTestProgram(script, path: "sheet.md")
        #expect(program.source.contains("import Glibc\n"))
        #expect(program.diagnostics.map(\.message) == ["initialization of immutable value 'pause' was never used"])
        #expect(program.diagnostics.first?.severity == .warning)
        // Swift 6.2 and later name a diagnostic's group after its message.
        #expect(BookTestDiagnostics.message("string literal is unused [#no-usage]") == "string literal is unused")
    }

    @Test func codeLinuxLacksIsSkippedWithItsReason() async {
        #expect(LinuxLacks.reason(["class Lamp: NSObject {}"]) != nil)
        #expect(LinuxLacks.reason(["import UIKit"]) != nil)
        #expect(LinuxLacks.reason(["for try await line in handle.bytes.lines {"]) != nil)
        #expect(LinuxLacks.reason(["let objective = 1"]) == nil)
    }
}

/// `bless` never writes into the book's tests or the listings they verify.
@Suite("Blessing the book's tests")
struct BookTestBlessTests {
    @Test func blessLeavesTestsAndTheirListingsAlone() throws {
        let parsed = try sheet(header + """
            ```swift
            print(3)
            ```

            <!--
              - test: `three`

              ```swifttest
              -> print(3)
              <- 4
              ```
            -->

            """)
        for snippet in parsed.snippets {
            var result = SnippetResult(snippet: snippet, status: .failed)
            result.ending = .exited(0)
            result.actualOutput = "3\n"
            guard case .unchanged = Blesser.decide(result) else {
                Issue.record("bless would change \(snippet.name)")
                continue
            }
        }
        #expect(parsed.snippets.count == 2)
    }
}
