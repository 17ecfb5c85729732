import Testing
@testable import CheatgenModel
@testable import CheatgenParsing

@Suite("Prints comments")
struct PrintsCommentsTests {
    private func expected(_ code: String, comment: String = "//") -> CheatgenModel.Expectation? {
        PrintsComments.expectation(in: code, comment: comment, path: "page.md", firstLine: 10)
    }

    @Test func quotedLinesInOrderEachAtItsLine() throws {
        let found = try #require(expected("""
            let apples = 3
            print(apples)
            // Prints "3"
            print("pie")  // Prints "pie"
            """))
        #expect(found.lines == ["3", "pie"])
        #expect(found.sourceLines == [12, 13])
        #expect(found.location.line == 12)
        #expect(found.isFromComments)
    }

    @Test("The text between the outer quotes, exactly", arguments: [
        (#"// Prints "a "quoted" word""#, #"a "quoted" word"#),
        (#"// Prints "ends with a period"."#, "ends with a period"),
        (#"// Prints "ok", because the sum is right."#, "ok"),
        (#"// Prints "["x", "y"]"."#, #"["x", "y"]"#),
        (#"// Prints "\(value) \ " stays raw"."#, #"\(value) \ " stays raw"#),
        (#"// Prints """#, ""),
        (#"// Prints "  two spaces in front""#, "  two spaces in front"),
    ])
    func quotedText(line: String, text: String) throws {
        let found = try #require(expected(line))
        #expect(found.text == text + "\n")
    }

    @Test func theMultiLineFormReadsTheCommentLinesUnderIt() throws {
        let found = try #require(expected("""
            print(poem)
            // Prints three lines:
            // roses
            //   indented violets
            // sugar
            // this comment is not output
            """))
        #expect(found.lines == ["roses", "  indented violets", "sugar"])
        #expect(found.sourceLines == [12, 13, 14])
    }

    @Test func pythonWritesHash() throws {
        let found = try #require(expected("print(1 + 1)\n# Prints \"2\"\n", comment: "#"))
        #expect(found.lines == ["2"])
        #expect(expected("print(1 + 1)\n# Prints \"2\"\n") == nil, "a Python comment is not a Swift one")
    }

    @Test("Not an expectation", arguments: [
        "// Prints nothing useful",
        "// prints \"lower case\"",
        "// This prints \"x\"",
        "let x = 1 // a comment",
    ])
    func notPrints(line: String) {
        #expect(expected(line) == nil)
    }

    @Test func attachedOnlyWhenThereIsNoOutputBlockAndTheSnippetRuns() throws {
        let page = try sheet(header + """
            ```swift
            print("a")
            // Prints "a"
            ```

            ```swift
            print("b")
            // Prints "b"
            ```

            ```output
            b
            ```

            ```swift compile-only
            print("c")
            // Prints "c"
            ```
            """)
        let snippets = page.snippets
        #expect(snippets[0].expectedOutput?.sourceLines == [6])
        #expect(snippets[1].expectedOutput?.isFromComments == false, "the output block wins")
        #expect(snippets[2].expectedOutput == nil, "compile-only is not run")
    }
}
