import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenLanguages

@Suite("Snippet attributes")
struct SnippetAttributeTests {
    /// A sheet whose only snippet's fence is on line 5 with `info` after the three backticks.
    private func fence(_ info: String) -> SheetParser.Result {
        parse(header + "\n```\(info)\nprint(1)\n```\n")
    }

    @Test func defaults() throws {
        let snippet = try onlySnippet("\n```swift\nprint(1)\n```\n")
        #expect(snippet.attributes == SnippetAttributes())
        #expect(snippet.attributes.mode == .run)
        #expect(snippet.attributes.timeout == nil)
        #expect(snippet.attributes.unordered == false)
        #expect(snippet.attributes.id == nil)
        #expect(snippet.attributes.uses.isEmpty)
        #expect(snippet.language == "swift")
        #expect(snippet.code == "print(1)\n")
        #expect(snippet.location == CheatgenModel.SourceLocation(path: "sheet.md", line: 5, column: 1))
        #expect(snippet.firstCodeLine == 6)
    }

    @Test("Mode attributes", arguments: [
        ("compile-only", SnippetAttributes.Mode.compileOnly),
        ("compile-fail", .compileFail),
        ("should-crash", .shouldCrash),
        ("ignore", .ignore),
    ])
    func mode(word: String, mode: SnippetAttributes.Mode) throws {
        let parsed = fence("swift \(word)")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        #expect(parsed.sheet?.snippets.first?.attributes.mode == mode)
    }

    @Test func valueAttributes() throws {
        let parsed = parse(header + """

            ```swift id=models
            struct Point { var x = 0 }
            ```

            ```swift id=helpers
            func twice(_ x: Int) -> Int { 2 * x }
            ```

            ```swift unordered   timeout=2.5 uses=models,helpers
            print(twice(Point().x))
            ```
            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let snippets = try #require(parsed.sheet?.snippets)
        #expect(snippets.map(\.attributes.id) == ["models", "helpers", nil])
        let last = snippets[2].attributes
        #expect(last.unordered)
        #expect(last.timeout == 2.5)
        #expect(last.uses == ["models", "helpers"])
        #expect(last.mode == .run)
        #expect(last.canonical == "run timeout=2.5 unordered uses=models,helpers")
    }

    @Test func unknownAttributeIsAnErrorAtTheFence() {
        let parsed = fence("swift fast")
        #expect(parsed.lines == [
            "sheet.md:5:1: error: unknown snippet attribute 'fast'; known for Swift: compile-only, compile-fail, should-crash, ignore, unordered, timeout=, id=, uses=, max-time=, memory=, network=, language-mode=, flags=, sanitize=, warnings-as-errors [snippet.attribute]",
        ])
        #expect(parsed.sheet?.snippets.count == 1, "the snippet is still read")
    }

    @Test func unknownAttributeOnAnIndentedFenceIsReportedAtItsColumn() {
        let parsed = parse(header + "\n  ```swift  fast\n  print(1)\n  ```\n")
        #expect(parsed.lines.first?.hasPrefix("sheet.md:5:3: error: unknown snippet attribute 'fast'") == true, "\(parsed.lines)")
    }

    @Test func everyProblemOfAFenceIsReported() {
        let parsed = fence("swift fast timeout=abc")
        #expect(parsed.errors.count == 2)
        #expect(parsed.errors.allSatisfy { $0.location == CheatgenModel.SourceLocation(path: "sheet.md", line: 5, column: 1) })
    }

    @Test func compileFailAndShouldCrashCannotBeCombined() {
        let parsed = fence("swift compile-fail should-crash")
        #expect(parsed.lines == ["sheet.md:5:1: error: attributes 'compile-fail' and 'should-crash' cannot be combined [snippet.attribute]"])
    }

    @Test func repeatingTheSameModeIsHarmless() {
        let parsed = fence("swift ignore ignore")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        #expect(parsed.sheet?.snippets.first?.attributes.mode == .ignore)
    }

    @Test("Bad timeouts", arguments: ["timeout=abc", "timeout=0", "timeout=-1", "timeout=3601", "timeout=inf", "timeout=nan", "timeout", "timeout="])
    func badTimeout(word: String) {
        let parsed = fence("swift \(word)")
        #expect(parsed.lines == ["sheet.md:5:1: error: 'timeout' needs a number of seconds between 0 and 3600, as in timeout=5 [snippet.attribute]"])
        #expect(parsed.sheet?.snippets.first?.attributes.timeout == nil)
    }

    @Test("Good timeouts", arguments: [("timeout=1", 1.0), ("timeout=0.5", 0.5), ("timeout=3600", 3600.0)])
    func goodTimeout(word: String, seconds: Double) {
        let parsed = fence("swift \(word)")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.sheet?.snippets.first?.attributes.timeout == seconds)
    }

    @Test("Flags take no value", arguments: ["compile-only", "compile-fail", "should-crash", "ignore", "unordered"])
    func flagWithValue(word: String) {
        let parsed = fence("swift \(word)=yes")
        #expect(parsed.lines == ["sheet.md:5:1: error: attribute '\(word)' takes no value [snippet.attribute]"])
    }

    @Test("Bad ids", arguments: ["id=", "id", "id=a.b", "id=a/b"])
    func badID(word: String) {
        let parsed = fence("swift \(word)")
        #expect(parsed.lines == ["sheet.md:5:1: error: 'id' needs a name of letters, digits, '-' or '_', as in id=helpers [snippet.attribute]"])
    }

    @Test("Bad uses lists", arguments: ["uses=", "uses", "uses=a;b", "uses=,"])
    func badUses(word: String) {
        let parsed = fence("swift \(word)")
        #expect(parsed.lines == ["sheet.md:5:1: error: 'uses' needs snippet names separated by commas, as in uses=helpers,models [snippet.attribute]"])
    }

    @Test func usesOfAnUnknownIDIsAnError() {
        let parsed = parse(header + "\n```swift id=helpers\nfunc f() {}\n```\n\n```swift uses=helpers,nope\nf()\n```\n")
        #expect(parsed.lines == ["sheet.md:9:1: error: 'uses=nope': no snippet above has 'id=nope' in this sheet [snippet.unresolved-uses]"])
    }

    @Test func usesMustReferToASnippetAbove() {
        let parsed = parse(header + "\n```swift uses=later\nf()\n```\n\n```swift id=later\nfunc f() {}\n```\n")
        #expect(parsed.lines == ["sheet.md:5:1: error: 'uses=later': no snippet above has 'id=later' in this sheet [snippet.unresolved-uses]"])
    }

    @Test func duplicateIDIsAnErrorWithANoteAtTheFirst() throws {
        let parsed = parse(header + "\n```swift id=a\nlet x = 1\n```\n\n```swift id=a\nlet y = 2\n```\n")
        let error = try #require(parsed.errors.first)
        #expect(parsed.errors.count == 1)
        #expect(error.formatted == """
            sheet.md:9:1: error: snippet id 'a' is already used in this sheet
            sheet.md:5:1: note: first used here
            """)
    }

    @Test func tildeFencesAndLongerFencesWork() throws {
        let parsed = parse(header + "\n~~~swift ignore\nprint(1)\n~~~\n\n````swift\nprint(\"```\")\n````\n")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let snippets = try #require(parsed.sheet?.snippets)
        #expect(snippets.map(\.attributes.mode) == [.ignore, .run])
        #expect(snippets.map(\.firstCodeLine) == [6, 10])
        #expect(snippets[1].code == "print(\"```\")\n")
    }

    @Test func compilerSettingsAndChecks() throws {
        let snippet = try onlySnippet("\n```swift language-mode=5 flags=\"-default-isolation MainActor\" max-time=150ms sanitize=thread warnings-as-errors\nprint(1)\n```\n")
        let attributes = snippet.attributes
        let swift = SwiftSnippetOptions(attributes)
        #expect(swift.languageMode == "5")
        #expect(swift.flags == ["-default-isolation", "MainActor"])
        #expect(attributes.maxTime == 0.15)
        #expect(swift.sanitizeThread && swift.warningsAsErrors)
        #expect(swift.compilerSettings == ["Swift 5 language mode", "flags -default-isolation MainActor"])
        #expect(attributes.canonical.contains("flags=\"-default-isolation MainActor\""))
    }

    @Test("Bad compiler settings and checks", arguments: [
        ("language-mode=4", "'language-mode' takes 5 or 6, as in language-mode=5"),
        ("flags=", "'flags' needs compiler flags in quotes, as in flags=\"-default-isolation MainActor\""),
        ("flags=\"-o elsewhere\"", "'flags' cannot set -o: cheatgen decides it (use language-mode= for the language mode)"),
        ("sanitize=address", "'sanitize' takes thread or none, as in sanitize=thread"),
        ("compile-only max-time=1", "'max-time' applies to a snippet that runs, not to a 'compile-only' one"),
        ("compile-fail sanitize=thread", "'sanitize' applies to a snippet that runs, not to a 'compile-fail' one"),
        ("sanitize=thread sanitize=none", "attributes 'sanitize=thread' and 'sanitize=none' cannot be combined"),
    ])
    func badSettings(info: String, message: String) {
        let parsed = fence("swift \(info)")
        #expect(parsed.lines == ["sheet.md:5:1: error: \(message) [snippet.attribute]"])
    }
}

extension SnippetAttributeTests {
    @Test("Memory limits", arguments: [("memory=64M", 64 << 20), ("memory=2G", 2 << 30), ("memory=512MiB", 512 << 20), ("memory=1GB", 1 << 30)])
    func memory(word: String, bytes: Int) {
        let parsed = fence("python \(word)")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        #expect(parsed.sheet?.snippets.first?.attributes.memory == bytes)
    }

    @Test("Bad memory limits", arguments: ["memory=", "memory", "memory=lots", "memory=0", "memory=12X", "memory=512K", "memory=9999G"])
    func badMemory(word: String) {
        #expect(fence("swift \(word)").lines == ["sheet.md:5:1: error: 'memory' needs a size of at least 1M, as in memory=512M or memory=2G [snippet.attribute]"])
    }

    @Test func networkIsTrueOrFalse() {
        #expect(fence("swift network=true").sheet?.snippets.first?.attributes.network == true)
        #expect(fence("swift network=false").sheet?.snippets.first?.attributes.network == false)
        #expect(fence("swift").sheet?.snippets.first?.attributes.network == nil)
        #expect(fence("swift network").lines == ["sheet.md:5:1: error: 'network' needs true or false, as in network=true [snippet.attribute]"])
    }
}

extension SnippetAttributeTests {
    @Test("A language's own attributes are errors on another language's fence", arguments: [
        ("python sanitize=thread", "attribute 'sanitize' is for Swift snippets; a Python snippet does not take it"),
        ("js language-mode=5", "attribute 'language-mode' is for Swift snippets; a JavaScript snippet does not take it"),
        ("py warnings-as-errors", "attribute 'warnings-as-errors' is for Swift snippets; a Python snippet does not take it"),
        ("python optimise", "unknown snippet attribute 'optimise'; known for Python: compile-only, compile-fail, should-crash, ignore, unordered, timeout=, id=, uses=, max-time=, memory=, network="),
    ])
    func foreignAttribute(info: String, message: String) {
        #expect(fence(info).lines == ["sheet.md:5:1: error: \(message) [snippet.attribute]"])
    }

    @Test func swiftAttributesAreKeptForSwiftAsWritten() throws {
        let snippet = try #require(fence("swift sanitize=none language-mode=6 timeout=2").sheet?.snippets.first)
        #expect(snippet.attributes.languageOptions == [SnippetOption(key: "sanitize", value: "none"), SnippetOption(key: "language-mode", value: "6")])
        #expect(snippet.attributes.timeout == 2)
        #expect(SwiftSnippetOptions(snippet.attributes).neverSanitize)
    }
}
