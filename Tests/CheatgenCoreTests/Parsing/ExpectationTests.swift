import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenLanguages

@Suite("Output and error blocks")
struct ExpectationTests {
    @Test func outputBlockPairsWithTheSnippetAbove() throws {
        let snippet = try onlySnippet("""

            ```swift
            print("a")
            print("b")
            ```

            ```output
            a
            b
            ```
            """)
        let output = try #require(snippet.expectedOutput)
        #expect(output.text == "a\nb\n")
        #expect(output.lines == ["a", "b"])
        #expect(output.location.line == 10)
        #expect(snippet.expectedErrors == nil)
    }

    @Test func errorBlockPairsWithACompileFailSnippet() throws {
        let snippet = try onlySnippet("""

            ```swift compile-fail
            let x: Int = "s"
            ```

            ```error
            cannot convert value of type 'String'
            ```
            """)
        #expect(snippet.expectedErrors?.lines == ["cannot convert value of type 'String'"])
        #expect(snippet.expectedErrors?.location.line == 9)
        #expect(snippet.expectedOutput == nil)
    }

    @Test func outputUnderAnIgnoredOrCrashingSnippetIsAccepted() throws {
        let parsed = parse(header + "\n```swift ignore\nprint(1)\n```\n\n```output\n1\n```\n\n```swift should-crash\nprint(2)\nfatalError()\n```\n\n```output\n2\n```\n")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        #expect(parsed.sheet?.snippets.map { $0.expectedOutput?.lines } == [["1"], ["2"]])
    }

    @Test func outputWithNoSnippetAboveIsAnErrorAtItsLine() throws {
        let parsed = parse(header + "\n## S\n\nSome prose.\n\n```output\n1\n```\n")
        #expect(parsed.lines == ["sheet.md:9:1: error: 'output' block has no snippet right above it; put it directly under a ```swift block [snippet.misplaced-block]"])
        // It stays on the page as an ordinary code block.
        #expect(parsed.sheet?.sections.first?.items.count == 2)
    }

    @Test func outputAtTheStartOfTheSheetIsAnError() {
        let parsed = parse(header + "```output\n1\n```\n")
        #expect(parsed.lines == ["sheet.md:4:1: error: 'output' block has no snippet right above it; put it directly under a ```swift block [snippet.misplaced-block]"])
    }

    @Test func proseBetweenSnippetAndOutputBreaksThePair() throws {
        let parsed = parse(header + "\n```swift\nprint(1)\n```\n\nIt prints:\n\n```output\n1\n```\n")
        #expect(parsed.lines == ["sheet.md:11:1: error: 'output' block has no snippet right above it; put it directly under a ```swift block [snippet.misplaced-block]"])
        #expect(parsed.sheet?.snippets.first?.expectedOutput == nil)
    }

    @Test func aHeadingBetweenSnippetAndOutputBreaksThePair() {
        let parsed = parse(header + "\n## S\n\n### One\n\n```swift\nprint(1)\n```\n\n### Two\n\n```output\n1\n```\n")
        #expect(parsed.lines == ["sheet.md:15:1: error: 'output' block has no snippet right above it; put it directly under a ```swift block [snippet.misplaced-block]"])
    }

    @Test func errorBlockWithNoSnippetAbove() {
        let parsed = parse(header + "\n```error\nboom\n```\n")
        #expect(parsed.lines == ["sheet.md:5:1: error: 'error' block has no snippet right above it; put it directly under a ```swift block [snippet.misplaced-block]"])
    }

    @Test("An output block under a snippet that is never run is an error", arguments: ["compile-only", "compile-fail"])
    func outputUnderUnrunSnippet(mode: String) throws {
        let parsed = parse(header + "\n```swift \(mode)\nlet x = 1\n```\n\n```output\n1\n```\n")
        #expect(parsed.lines == ["sheet.md:9:1: error: an 'output' block under a \(mode) snippet would never be checked [snippet.misplaced-block]"])
        #expect(parsed.sheet?.snippets.first?.expectedOutput == nil)
    }

    @Test("An error block needs a compile-fail snippet", arguments: ["", " compile-only", " should-crash", " ignore"])
    func errorUnderOtherSnippet(attributes: String) {
        let parsed = parse(header + "\n```swift\(attributes)\nlet x = 1\n```\n\n```error\nboom\n```\n")
        #expect(parsed.lines == ["sheet.md:9:1: error: an 'error' block belongs under a compile-fail snippet [snippet.misplaced-block]"])
    }

    @Test func secondOutputBlockIsAnError() throws {
        let parsed = parse(header + "\n```swift\nprint(1)\n```\n\n```output\n1\n```\n\n```output\n2\n```\n")
        #expect(parsed.lines == ["sheet.md:13:1: error: snippet already has an 'output' block [snippet.misplaced-block]"])
        #expect(parsed.sheet?.snippets.first?.expectedOutput?.lines == ["1"], "the first block stays the expectation")
    }

    @Test func secondErrorBlockIsAnError() {
        let parsed = parse(header + "\n```swift compile-fail\nlet x: Int = \"\"\n```\n\n```error\na\n```\n\n```error\nb\n```\n")
        #expect(parsed.lines == ["sheet.md:13:1: error: snippet already has an 'error' block [snippet.misplaced-block]"])
    }

    @Test func emptyOutputBlockExpectsNoOutput() throws {
        let snippet = try onlySnippet("\n```swift\nlet _ = 1\n```\n\n```output\n```\n")
        #expect(snippet.expectedOutput?.text == "")
        #expect(snippet.expectedOutput?.lines == [])
    }
}

@Suite("Hidden lines")
struct HiddenLineTests {
    @Test func visibleCodeDropsHiddenLinesAndMarkers() throws {
        let snippet = try onlySnippet("""

            ```swift
            // snippet.hide
            import Foundation
            let secret = 42

            // snippet.show
            print(secret)
            // snippet.hide
            print("cleanup")
            // snippet.show
            print("done")
            ```
            """)
        #expect(snippet.visibleCode == "print(secret)\nprint(\"done\")\n")
        // Everything is still compiled: the code keeps the hidden lines and markers.
        #expect(snippet.code.contains("let secret = 42"))
        #expect(snippet.code.contains("// snippet.hide"))
        #expect(snippet.firstCodeLine == 6)
    }

    @Test func markersMayBeIndentedAndSpaced() {
        let code = "struct A {\n    //   snippet.hide   \n    var hidden = 1\n    //snippet.show\n    var shown = 2\n}\n"
        #expect(HiddenLines.visible(code) == "struct A {\n    var shown = 2\n}\n")
    }

    @Test func hiddenUntilTheEnd() {
        #expect(HiddenLines.visible("print(1)\n// snippet.hide\nprint(2)\n") == "print(1)")
    }

    @Test func ordinaryCommentsStay() {
        let code = "// snippet hide\n// snippet.hidden\nprint(1) // snippet.hide\n"
        #expect(HiddenLines.visible(code) == code)
    }
}

@Suite("uses= and the compiled source")
struct EffectiveSourceTests {
    @Test func usedDeclarationsComeFirstUnderTheirOwnLines() throws {
        let sheet = try sheet(header + """

            ```swift id=helpers
            // snippet.hide
            import Foundation
            // snippet.show
            func greet(_ name: String) -> String {
                "hi \\(name)"
            }
            print(greet("not brought along"))
            ```

            ```swift uses=helpers
            print(greet("ann"))
            ```
            """, path: "dir/my \"sheet\".md")
        let named = Dictionary(uniqueKeysWithValues: sheet.snippets.compactMap { s in s.attributes.id.map { ($0, s) } })
        let source = try SwiftSource.make(for: sheet.snippets[1], named: named).get()
        #expect(source.isLibrary == false)
        #expect(source.text == """
            #sourceLocation(file: "dir/my \\"sheet\\".md", line: 7)
            import Foundation
            #sourceLocation(file: "dir/my \\"sheet\\".md", line: 9)
            func greet(_ name: String) -> String {
                "hi \\(name)"
            }
            #sourceLocation(file: "dir/my \\"sheet\\".md", line: 16)
            print(greet("ann"))
            #sourceLocation()

            """)
    }

    @Test func usesIsTransitiveAndEachDeclarationComesOnce() throws {
        let sheet = try sheet(header + """

            ```swift id=a
            struct A {}
            ```

            ```swift id=b uses=a
            struct B { var a = A() }
            ```

            ```swift uses=b,a
            print(B())
            ```
            """)
        let named = Dictionary(uniqueKeysWithValues: sheet.snippets.compactMap { s in s.attributes.id.map { ($0, s) } })
        let text = try SwiftSource.make(for: sheet.snippets[2], named: named).get().text
        let declarations = text.split(separator: "\n").filter { !$0.hasPrefix("#sourceLocation") }
        #expect(declarations == ["struct A {}", "struct B { var a = A() }", "print(B())"])
    }

    @Test func aSnippetUsingItselfIsACycle() throws {
        let sheet = try sheet(header + "\n```swift id=a uses=a\nstruct A {}\n```\n")
        let snippet = sheet.snippets[0]
        let result = SwiftSource.make(for: snippet, named: ["a": snippet])
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a cycle error")
            return
        }
        #expect(diagnostic.formatted == "sheet.md:5:1: error: 'uses=' forms a cycle: a → a")
    }

    @Test func atMainSnippetsAreCompiledAsLibraries() throws {
        let snippet = try onlySnippet("\n```swift\n@main\nstruct App {\n    static func main() {}\n}\n```\n")
        #expect(try SwiftSource.make(for: snippet, named: [:]).get().isLibrary)
    }

    @Test("Which code has an @main entry point", arguments: [
        ("@main\nstruct A { static func main() {} }", true),
        ("  @main struct A { static func main() {} }", true),
        ("@MainActor func f() {}", false),
        ("@main_helper func f() {}", false),
        ("// @main", false),
        ("print(\"@main\")", false),
    ])
    func mainAttribute(code: String, expected: Bool) {
        #expect(SwiftDeclarations.hasMainAttribute(code) == expected)
    }
}
