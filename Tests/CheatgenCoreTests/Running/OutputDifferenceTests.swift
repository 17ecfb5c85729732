import Testing
@testable import CheatgenModel
@testable import CheatgenVerification
@testable import CheatgenLanguages

/// How a wrong output is reported: at the first differing line of the `output` block, with a
/// diff that shows only the real differences (not the lines a `...` stood for).
@Suite("Reporting wrong output")
struct OutputDifferenceTests {
    /// The only snippet of a sheet whose `output` block (fence on line 9) holds `expected`.
    private func mismatch(expected: String, actual: String, unordered: Bool = false) throws -> Diagnostic {
        let snippet = try onlySnippet("\n```swift\(unordered ? " unordered" : "")\nprint(1)\n```\n\n```output\n\(expected)```\n")
        let block = try #require(snippet.expectedOutput)
        #expect(block.location.line == 9)
        return SnippetJudge.mismatch(block, actual: actual, unordered: unordered)
    }

    @Test func linesAWildcardStandsForAreNotShownAsChanged() throws {
        let problem = try mismatch(expected: "start\n...\nend\n", actual: "start\nnoise 1\nnoise 2\nnoise 3\nfinish\n")
        let changed = problem.details.dropFirst(2).filter { $0.hasPrefix("+") || $0.hasPrefix("-") }
        #expect(changed == ["-end"] || changed == ["-end", "+finish"], "\(problem.details)")
        #expect(problem.details.contains(" noise 2"), "what the wildcard matched is context: \(problem.details)")
        // `end` is the third line of the block, the first one that differs.
        #expect(problem.location?.line == 12)
    }

    @Test func theMismatchIsAtTheFirstDifferingLine() throws {
        let problem = try mismatch(expected: "one\ntwo\nthree\n", actual: "one\ntwo\n3\n")
        #expect(problem.location == CheatgenModel.SourceLocation(path: "sheet.md", line: 12, column: 1))
        #expect(problem.id == .outputMismatch)
        #expect(problem.message == "snippet output does not match the 'output' block")
        #expect(problem.details.suffix(2) == ["-three", "+3"])
    }

    @Test func linesTooManyAreReportedAtTheClosingFence() throws {
        let problem = try mismatch(expected: "one\n", actual: "one\ntwo\n")
        #expect(problem.location?.line == 11, "the block has one line, on line 10; its closing fence is line 11")
        #expect(problem.details.last == "+two")
    }

    @Test func unorderedReportsTheFirstMissingLine() throws {
        let problem = try mismatch(expected: "a\nb\nc\n", actual: "c\na\nz\n", unordered: true)
        #expect(problem.location?.line == 11, "'b' is missing")
        #expect(problem.message == "snippet output does not match the 'output' block (compared unordered, lines sorted)")
        #expect(problem.details.contains("-b") && problem.details.contains("+z"))
    }

    @Test func unorderedWithAWildcardShowsOnlyMissingLines() throws {
        let problem = try mismatch(expected: "a\n...\nq\n", actual: "x\na\ny\n", unordered: true)
        #expect(problem.details.filter { $0.hasPrefix("+") || $0.hasPrefix("-") } == ["--- expected", "+++ actual", "-q"])
    }

    @Test func aVeryLongOutputFallsBackToAPlainComparison() {
        let expected = Array(repeating: "same", count: 3000) + ["...", "end"]
        let actual = Array(repeating: "same", count: 3000) + ["x", "y", "other"]
        let difference = OutputDifference.inOrder(expected: expected, actual: actual)
        #expect(difference.firstDifference == 3000)
    }

    @Test func aCompilerNoteKeepsItsOwnExcerpt() {
        let output = """
            sheet.md:7:1: error: cannot assign to value: 'limit' is a 'let' constant
            limit = 2
            ^~~~~
            sheet.md:6:1: note: change 'let' to 'var' to make it mutable
            let limit = 1
            ^~~
            var
            """
        let messages = CompilerMessages.parse(output)
        #expect(messages.count == 1)
        #expect(messages[0].details == ["limit = 2", "^~~~~"])
        #expect(messages[0].notes.map(\.details) == [["let limit = 1", "^~~", "var"]])
        #expect(messages[0].formatted.split(separator: "\n").map(String.init) == [
            "sheet.md:7:1: error: cannot assign to value: 'limit' is a 'let' constant",
            "limit = 2",
            "^~~~~",
            "sheet.md:6:1: note: change 'let' to 'var' to make it mutable",
            "let limit = 1",
            "^~~",
            "var",
        ])
    }
}
