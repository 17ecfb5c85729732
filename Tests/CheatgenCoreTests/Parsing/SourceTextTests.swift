import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing

@Suite("File bytes: encodings, line endings, bad bytes")
struct SourceTextTests {
    static let lf = """
        ---
        title: Line Endings
        tags: [a, b]
        ---

        Intro with a [link](#card).

        ## Section

        ### Card

        ```swift timeout=3
        // snippet.hide
        let hidden = 1
        // snippet.show
        print("hi")
        ```

        ```output
        hi
        ```

        """

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func lfFileParsesCleanly() throws {
        let parsed = parse(bytes: bytes(Self.lf))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let sheet = try #require(parsed.sheet)
        #expect(sheet.snippets.count == 1)
        #expect(sheet.snippets[0].code == "// snippet.hide\nlet hidden = 1\n// snippet.show\nprint(\"hi\")\n")
        #expect(sheet.snippets[0].visibleCode == "print(\"hi\")\n")
    }

    @Test("CRLF, CR and BOM files parse exactly like the LF file", arguments: ["crlf", "cr", "bom", "bom+crlf"])
    func sameAsLF(variant: String) throws {
        var text = Self.lf
        if variant.contains("crlf") { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        if variant == "cr" { text = text.replacingOccurrences(of: "\n", with: "\r") }
        var data = bytes(text)
        if variant.hasPrefix("bom") { data = [0xEF, 0xBB, 0xBF] + data }
        let expected = parse(bytes: bytes(Self.lf))
        let parsed = parse(bytes: data)
        #expect(parsed.diagnostics == expected.diagnostics)
        let sheet = try #require(parsed.sheet)
        #expect(sheet == expected.sheet)
        #expect(!sheet.snippets[0].code.contains("\r"))
        #expect(sheet.snippets[0].expectedOutput?.lines == ["hi"])
    }

    @Test func crlfTextGivenDirectlyAsAString() throws {
        // Callers of the String entry point who read a file themselves get the same sheet.
        let parsed = SheetParser.parse(Self.lf.replacingOccurrences(of: "\n", with: "\r\n"), path: "sheet.md", options: parseOptions)
        #expect(parsed.sheet == parse(Self.lf).sheet)
    }

    @Test func crlfLinesKeepTheirNumbers() throws {
        let text = (header + "\n## S\n\n```swift fast\nprint(1)\n```\n").replacingOccurrences(of: "\n", with: "\r\n")
        let parsed = parse(bytes: bytes(text))
        #expect(parsed.lines == ["sheet.md:7:1: error: unknown snippet attribute 'fast'; known for Swift: compile-only, compile-fail, should-crash, ignore, unordered, timeout=, id=, uses=, max-time=, memory=, network=, language-mode=, flags=, sanitize=, warnings-as-errors [snippet.attribute]"])
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        let data = bytes(header + "\nok line\nab") + [0xFF] + bytes("c\n")
        let parsed = parse(bytes: data)
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:6:3: error: file is not valid UTF-8 [file.encoding]"])
    }

    @Test func columnsCountCharactersNotBytes() {
        // "é" is two bytes, "€" three: the bad byte is the 3rd character of its line.
        let data = bytes(header + "é€") + [0xC3, 0x28] + bytes("\n")
        let parsed = parse(bytes: data)
        #expect(parsed.lines == ["sheet.md:4:3: error: file is not valid UTF-8 [file.encoding]"])
    }

    @Test("Truncated and overlong sequences", arguments: [
        [0xE2, 0x82] as [UInt8],        // euro sign cut short
        [0xC0, 0xAF],                   // overlong '/'
        [0xED, 0xA0, 0x80],             // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],       // beyond U+10FFFF
        [0x80],                         // lone continuation byte
    ])
    func badSequences(sequence: [UInt8]) {
        let parsed = parse(bytes: bytes("---\ntitle: T\n---\nxy") + sequence + bytes("z\n"))
        #expect(parsed.lines == ["sheet.md:4:3: error: file is not valid UTF-8 [file.encoding]"])
    }

    @Test func nulByteIsReportedAtItsLineAndColumn() {
        let parsed = parse(bytes: bytes(header + "\n## S\n\nabc") + [0] + bytes("def\n"))
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:7:4: error: file contains a NUL byte; sheets are UTF-8 text [file.encoding]"])
    }

    @Test func nulAfterABOMCountsFromTheFirstVisibleCharacter() {
        let parsed = parse(bytes: [0xEF, 0xBB, 0xBF] + bytes("a") + [0])
        #expect(parsed.lines == ["sheet.md:1:2: error: file contains a NUL byte; sheets are UTF-8 text [file.encoding]"])
    }

    @Test func nulInACRLFFile() {
        let parsed = parse(bytes: bytes("---\r\ntitle: T\r\n---\r\nx") + [0])
        #expect(parsed.lines == ["sheet.md:4:2: error: file contains a NUL byte; sheets are UTF-8 text [file.encoding]"])
    }

    @Test func nulInACROnlyFileIsReportedAtItsLine() {
        let parsed = parse(bytes: bytes("---\rtitle: T\r---\rx") + [0])
        #expect(parsed.lines == ["sheet.md:4:2: error: file contains a NUL byte; sheets are UTF-8 text [file.encoding]"])
    }

    @Test func readingAMissingFileIsAnError() {
        let result = SheetParser.parse(fileAt: "/nonexistent/cheatgen/sheet.md", options: parseOptions)
        #expect(result.sheet == nil)
        #expect(result.errors.count == 1)
        #expect(result.lines.first?.hasPrefix("/nonexistent/cheatgen/sheet.md:1:1: error: cannot read sheet: ") == true)
    }
}
