import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenVerification
@testable import CheatgenCore

/// What `bless` writes into a sheet, computed from the sheet's text and the edits alone:
/// the block it replaces or inserts, and every other byte left as it was.
@Suite("Blessing a sheet's text")
struct BlesserTests {
    private func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    /// The snippets of `text`, parsed the way bless reads a file (CRLF included).
    private func snippets(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Snippet] {
        let parsed = parse(bytes: Array(text.utf8))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)", sourceLocation: sourceLocation)
        return try #require(parsed.sheet, sourceLocation: sourceLocation).snippets
    }

    private func output(_ snippet: Snippet, _ text: String) -> Blesser.Edit {
        Blesser.Edit(snippet: snippet, language: "output", text: text, replacing: snippet.expectedOutput)
    }

    private let sheetText = header + """

        ## Numbers

        ### Wrong

        ```swift
        print(2)
        ```

        ```output
        1
        ```

        ### Missing

        ```swift
        print("new")
        ```

        Prose after it.

        """

    @Test func replacingABlockInACRLFFileKeepsCRLFAndTouchesNothingElse() throws {
        let text = crlf(sheetText)
        let wrong = try snippets(text)[0]

        let blessed = Blesser.apply([output(wrong, "2")], to: text)

        #expect(blessed == text.replacingOccurrences(of: "```output\r\n1\r\n```", with: "```output\r\n2\r\n```"))
        #expect(!blessed.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF crept in")
    }

    @Test func insertingABlockInACRLFFileKeepsCRLF() throws {
        let text = crlf(sheetText)
        let missing = try snippets(text)[1]

        let blessed = Blesser.apply([output(missing, "new\nlines")], to: text)

        #expect(blessed == text.replacingOccurrences(of: "print(\"new\")\r\n```\r\n",
                                                     with: "print(\"new\")\r\n```\r\n\r\n```output\r\nnew\r\nlines\r\n```\r\n"))
        let reread = try snippets(blessed)
        #expect(reread[1].expectedOutput?.text == "new\nlines\n")
    }

    @Test func twoEditsInOneFileEachLandAtTheirOwnSnippet() throws {
        let all = try snippets(sheetText)

        // Passed top-down: the insertion below must not shift the replacement above.
        let blessed = Blesser.apply([output(all[0], "2"), output(all[1], "new")], to: sheetText)

        let reread = try snippets(blessed)
        #expect(reread.map { $0.expectedOutput?.text } == ["2\n", "new\n"])
        #expect(blessed.hasSuffix("```\n\nProse after it.\n"))
    }

    @Test func aSnippetAtTheEndOfAFileWithoutANewlineGetsItsBlockAndStillNoNewline() throws {
        for text in [header + "\n```swift\nprint(1)\n```", crlf(header + "\n```swift\nprint(1)\n```")] {
            let newline = text.contains("\r\n") ? "\r\n" : "\n"
            let last = try #require(try snippets(text).last)

            let blessed = Blesser.apply([output(last, "1")], to: text)

            #expect(blessed == text + newline + newline + "```output" + newline + "1" + newline + "```", "\(blessed.debugDescription)")
            #expect(try snippets(blessed).last?.expectedOutput?.text == "1\n")
        }
    }

    @Test func anOutputBlockAtTheEndOfAFileWithoutANewlineIsReplacedInPlace() throws {
        let text = header + "\n```swift\nprint(2)\n```\n\n```output\n1\n```"
        let snippet = try #require(try snippets(text).first)

        #expect(Blesser.apply([output(snippet, "2")], to: text) == header + "\n```swift\nprint(2)\n```\n\n```output\n2\n```")
    }

    @Test func anEmptyOutputBlockIsFilledAndAnEmptyOutputEmptiesOne() throws {
        let empty = header + "\n```swift\nprint(1)\n```\n\n```output\n```\n"
        #expect(Blesser.apply([output(try snippets(empty)[0], "1")], to: empty) == header + "\n```swift\nprint(1)\n```\n\n```output\n1\n```\n")

        let full = header + "\n```swift\nlet x = 1\n```\n\n```output\nold\nlines\n```\n"
        #expect(Blesser.apply([output(try snippets(full)[0], "")], to: full) == empty.replacingOccurrences(of: "print(1)", with: "let x = 1"))
    }

    @Test func anIndentedSnippetGetsABlockAtItsIndentation() throws {
        let text = header + "\n  ```swift\n  print(1)\n  ```\n\nDone.\n"
        let snippet = try #require(try snippets(text).first)

        let blessed = Blesser.apply([output(snippet, "1\n2")], to: text)

        #expect(blessed == text.replacingOccurrences(of: "  ```\n", with: "  ```\n\n  ```output\n  1\n  2\n  ```\n"))
        #expect(try snippets(blessed).first?.expectedOutput?.text == "1\n2\n")
    }

    @Test func printedBackticksGetALongerFenceWhenInserted() throws {
        let text = header + "\n```swift\nprint(\"```\")\n```\n"
        let snippet = try #require(try snippets(text).first)

        let blessed = Blesser.apply([output(snippet, "```")], to: text)

        #expect(blessed == text + "\n````output\n```\n````\n")
        #expect(try snippets(blessed).first?.expectedOutput?.text == "```\n")
    }

    @Test func printedBackticksGetALongerFenceWhenReplacing() throws {
        // A line of ``` inside a ``` block would close it early: the rest of the output, and
        // the old closing fence, would become prose and an unclosed block.
        let text = header + "\n```swift\nprint(\"```\\nafter\")\n```\n\n```output\nbefore\n```\n\nProse.\n"
        let snippet = try #require(try snippets(text).first)

        let blessed = Blesser.apply([output(snippet, "```\nafter")], to: text)

        #expect(blessed == header + "\n```swift\nprint(\"```\\nafter\")\n```\n\n````output\n```\nafter\n````\n\nProse.\n")
        #expect(try snippets(blessed).first?.expectedOutput?.text == "```\nafter\n")
    }

    @Test func whatClosesABlockIsARunAsLongAsItsOpeningFence() throws {
        // Closed by a longer run than it opened with, the block is still closed early by ````.
        let text = header + "\n```swift\nprint(1)\n```\n\n```output\n0\n`````\n"
        let snippet = try #require(try snippets(text).first)

        let blessed = Blesser.apply([output(snippet, "````")], to: text)

        #expect(blessed == header + "\n```swift\nprint(1)\n```\n\n`````output\n````\n`````\n")
        #expect(try snippets(blessed).first?.expectedOutput?.text == "````\n")
    }

    @Test func aTildeBlockKeepsItsFenceWhenBackticksAreNoThreat() throws {
        let text = header + "\n```swift\nprint(1)\n```\n\n~~~output\n0\n~~~\n"
        let snippet = try #require(try snippets(text).first)

        #expect(Blesser.apply([output(snippet, "```")], to: text) == header + "\n```swift\nprint(1)\n```\n\n~~~output\n```\n~~~\n")
    }

    @Test func linesAreSplitOnLFOnlyAndKeepTheirTerminators() {
        #expect(Blesser.splitKeepingTerminators("a\r\nb\nc") == ["a\r\n", "b\n", "c"])
        #expect(Blesser.splitKeepingTerminators("") == [])
        #expect(Blesser.splitKeepingTerminators("\n\n") == ["\n", "\n"])
    }

    // MARK: What bless decides

    private func result(_ snippet: Snippet, _ ending: SnippetResult.RunEnding, printed: String) -> SnippetResult {
        var result = SnippetResult(snippet: snippet, status: .failed)
        result.ending = ending
        result.actualOutput = printed
        return result
    }

    private func decision(_ result: SnippetResult) -> String {
        switch Blesser.decide(result) {
        case .unchanged: "unchanged"
        case .refuse(let why): "refuse: \(why)"
        case .write(let edits): edits.map { edit in
            "write \(edit.language)\(edit.replacing == nil ? "" : " over line \(edit.replacing!.location.line)")\(edit.codeLines.map { " at lines \($0)" } ?? ""): \(edit.text.debugDescription)"
        }.joined(separator: "; ")
        }
    }

    @Test func blessWritesTrimmedOutputAndRefusesWhatItMustNotTrust() throws {
        let wrong = try snippets(sheetText)[0]
        #expect(decision(result(wrong, .exited(0), printed: "2  \n\n")) == "write output over line 13: \"2\"", "trailing spaces and blank lines are not written")
        #expect(decision(result(wrong, .exited(0), printed: "1\n")) == "unchanged")
        #expect(decision(result(wrong, .crashed(signal: SIGILL), printed: "2\n")) == "refuse: it crashed (signal \(SIGILL))")
        #expect(decision(result(wrong, .exited(2), printed: "2\n")) == "refuse: it exited with status 2")
        #expect(decision(result(wrong, .timedOut, printed: "")) == "refuse: it timed out")
        #expect(decision(result(wrong, .tooMuchOutput, printed: "")) == "refuse: it printed too much")
        let missing = try snippets(sheetText)[1]
        #expect(decision(result(missing, .exited(0), printed: "")) == "unchanged", "no output, no block to add")
    }

    /// A doctest's expected output sits in its own code: its language says which lines to
    /// replace, and bless writes them there — CRLF kept, nothing else touched, no block added.
    @Test func linesOfASnippetsOwnCodeAreRewrittenInPlace() throws {
        let lf = header + "\n```pycon\n>>> 1 + 1\n3\n>>> print('a')\na\n```\n"
        let text = crlf(lf)
        let snippet = try #require(try snippets(text).first)
        let wrong = try lineNumber(of: ">>> 1 + 1", in: lf) + 1
        var ran = result(snippet, .exited(0), printed: "")
        ran.outputInCode = .rewrite([LineReplacement(lines: wrong..<wrong + 1, text: "2\nmore")])
        #expect(decision(ran) == "write expected output at lines \(wrong)..<\(wrong + 1): \"2\\nmore\"")
        guard case .write(let edits) = Blesser.decide(ran) else { Issue.record("nothing written"); return }
        #expect(Blesser.apply(edits, to: text) == text.replacingOccurrences(of: "1 + 1\r\n3\r\n", with: "1 + 1\r\n2\r\nmore\r\n"))
        ran.outputInCode = .rewrite([])
        #expect(decision(ran) == "unchanged", "every example matched: no output block is added either")
        ran.outputInCode = .cannotRewrite("doctest cannot read it")
        #expect(decision(ran) == "refuse: doctest cannot read it")
    }

    @Test func anOutputWithAWildcardThatStillMatchesIsKept() throws {
        let text = header + "\n```swift\nprint(1)\n```\n\n```output\nstart\n...\n```\n"
        let snippet = try #require(try snippets(text).first)
        #expect(decision(result(snippet, .exited(0), printed: "start\nmore\nmore\n")) == "unchanged")
    }
}
