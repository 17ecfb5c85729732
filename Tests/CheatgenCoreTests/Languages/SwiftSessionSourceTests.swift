import Testing
import Foundation
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenLanguages

/// How a Swift session program is put together: earlier snippets in order with their own
/// line numbers, a variable declared again renamed in the snippets that used it, a function
/// declared again left out, the marker between.
@Suite("Swift session programs")
struct SwiftSessionSourceTests {
    private func page(_ sources: [String]) throws -> [Snippet] {
        let markdown = "---\ntitle: T\nlistings: cumulative\n---\n\n" + sources.map { "```swift\n\($0)\n```\n" }.joined(separator: "\n")
        return try sheet(markdown).snippets
    }

    @Test func aVariableDeclaredAgainIsRenamedWhereItWasUsed() throws {
        let snippets = try page([
            "var count = 1\nfunc bump(count: Int) -> Int { count + 1 }\nprint(bump(count: count))",
            "count += 1\nlet doubled = [count].map { count in count * 2 }",
            "let count = \"many\"\nprint(count)",
        ])
        let last = snippets[2]
        let plan = SessionPlan(for: last, page: snippets)
        let source = try #require(SwiftSessionSource.make(for: last, plan: plan))
        let lines = source.text.split(separator: "\n").map(String.init)
        // The first two snippets see their own `count`; the parameter keeps its label.
        #expect(lines.contains("var count__cheatgen0 = 1"))
        #expect(lines.contains("func bump(count count__cheatgen0: Int) -> Int { count__cheatgen0 + 1 }"))
        #expect(lines.contains("print(bump(count: count__cheatgen0))"))
        #expect(lines.contains("count__cheatgen0 += 1"))
        #expect(lines.contains("let doubled = [count__cheatgen0].map { count__cheatgen0 in count__cheatgen0 * 2 }"))
        // The snippet itself is as written, after the marker, under its own line numbers.
        let marker = try #require(lines.firstIndex(of: "Swift.print(\"\(plan.marker)\")"))
        #expect(lines[marker + 1] == "#sourceLocation(file: \"sheet.md\", line: \(last.firstCodeLine))")
        #expect(lines[marker + 2] == "let count = \"many\"")
        // Each earlier snippet runs under its own lines, after a marker naming its fence.
        #expect(lines.contains("#sourceLocation(file: \"sheet.md\", line: \(snippets[1].firstCodeLine))"))
        #expect(lines.contains("Swift.print(\"\(plan.marker(before: plan.earlier[1]))\")"))
    }

    @Test func aFunctionDeclaredAgainIsLeftOutButItsOverloadsStay() throws {
        let snippets = try page([
            "func tag(_ s: String) -> String { s }\nfunc tag(_ s: String, times: Int) -> String { s }\nprint(tag(\"a\"))",
            "func tag(_ s: String) -> String { s + \"!\" }\nprint(tag(\"b\", times: 2))",
        ])
        let plan = SessionPlan(for: snippets[1], page: snippets)
        let text = try #require(SwiftSessionSource.make(for: snippets[1], plan: plan)).text
        #expect(!text.contains("func tag(_ s: String) -> String { s }"))
        #expect(text.contains("func tag(_ s: String, times: Int) -> String { s }"))
        #expect(text.contains("print(tag(\"a\"))"))
        // A separate page's plan would not exist; the first snippet of a page has nothing before it.
        let first = try #require(SwiftSessionSource.make(for: snippets[0], plan: SessionPlan(for: snippets[0], page: snippets)))
        #expect(!first.text.contains("before"))
        #expect(first.sessionMarker != nil)
    }
}
