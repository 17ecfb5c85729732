import Testing
@testable import CheatgenCore

/// Where a fenced block starts and ends: at the end of a file, with fences longer than three
/// backticks, with tildes, and with fence-like lines inside.
@Suite("Code fences")
struct FenceTests {
    private let neverClosed = "sheet.md:5:1: error: code block is never closed; end it with a line of ``` (everything below became code) [markdown.unclosed-code-block]"

    @Test func aClosingFenceOnTheLastLineWithoutANewlineCloses() throws {
        let parsed = parse(header + "\n```swift\nprint(1)\n```")
        #expect(parsed.lines == [])
        let snippet = try #require(parsed.sheet?.snippets.first)
        #expect(snippet.code == "print(1)\n")
        #expect(snippet.endLine == 7)
        #expect(snippet.isClosed)
    }

    @Test("A fence left open at the end of the file is an error at its opening line",
          arguments: ["\n```swift\nprint(1)", "\n```swift\nprint(1)\n", "\n```swift\nprint(1)\n\n\n", "\n```swift", "\n```swift\n"])
    func aFenceLeftOpenAtTheEnd(body: String) throws {
        let parsed = parse(header + body)
        #expect(parsed.lines == [neverClosed])
    }

    @Test func aLongerFenceHoldsLinesOfThreeBackticks() throws {
        let parsed = parse(header + "\n````swift\nlet fence = \"\"\"\n```\n\"\"\"\nprint(fence)\n````\n\n`````output\n```\n`````\n")
        #expect(parsed.lines == [])
        let snippet = try #require(parsed.sheet?.snippets.first)
        #expect(snippet.code == "let fence = \"\"\"\n```\n\"\"\"\nprint(fence)\n")
        #expect(snippet.endLine == 10)
        #expect(snippet.expectedOutput?.text == "```\n")
        #expect(snippet.expectedOutput?.location.line == 12)
    }

    @Test func aLongerFenceWhoseLastLineIsThreeBackticksIsStillOpen() throws {
        // The ``` line is code: only ```` or longer closes a ```` fence.
        let parsed = parse(header + "\n````swift\nprint(1)\n```\n")
        #expect(parsed.lines == [neverClosed])
        #expect(parsed.sheet?.snippets.first?.isClosed == false)
    }

    @Test func aFenceClosedByALongerRunIsClosed() throws {
        let parsed = parse(header + "\n```swift\nprint(1)\n`````\n\n## After\n")
        #expect(parsed.lines == [])
        #expect(parsed.sheet?.snippets.first?.code == "print(1)\n")
        #expect(parsed.sheet?.sections.map(\.anchor) == ["after"])
    }

    @Test func aClosingFenceMayHaveTrailingSpacesButNoInfo() throws {
        #expect(parse(header + "\n```swift\nprint(1)\n```   \n").lines == [])
        // "```swift" cannot close a block: it is a line of code, and the block runs on.
        let parsed = parse(header + "\n```swift\nprint(1)\n```swift\n")
        #expect(parsed.lines == [neverClosed])
    }

    @Test func tildesAndBackticksDoNotCloseEachOther() throws {
        let tildes = parse(header + "\n~~~swift\nlet s = \"\"\"\n```\n\"\"\"\n~~~\n")
        #expect(tildes.lines == [])
        #expect(tildes.sheet?.snippets.first?.code == "let s = \"\"\"\n```\n\"\"\"\n")

        #expect(parse(header + "\n~~~swift\nprint(1)\n```\n").lines == [neverClosed])
        #expect(parse(header + "\n```swift\nprint(1)\n~~~\n").lines == [neverClosed])
    }

    @Test func aSnippetAndItsOutputAtTheEndOfAFileWithoutANewline() throws {
        let parsed = parse(header + "\n```swift\nprint(1)\n```\n\n```output\n1\n```")
        #expect(parsed.lines == [])
        let snippet = try #require(parsed.sheet?.snippets.first)
        #expect(snippet.expectedOutput?.text == "1\n")
        #expect(snippet.expectedOutput?.endLine == 11)
    }

    @Test func anOutputBlockLeftOpenAtTheEndIsAnErrorAtItsFence() throws {
        let parsed = parse(header + "\n```swift\nprint(1)\n```\n\n```output\n1")
        #expect(parsed.lines == ["sheet.md:9:1: error: code block is never closed; end it with a line of ``` (everything below became code) [markdown.unclosed-code-block]"])
    }
}
