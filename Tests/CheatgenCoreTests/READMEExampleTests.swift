import Foundation
import Testing
@testable import CheatgenModel

/// README.md promises that its complete example sheet passes `cheatgen check`; this keeps it true.
@Suite("The README's example sheet", .serialized)
struct READMEExampleTests {
    /// README.md at the root of the package, found from this file's place in the source tree.
    static var readme: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
    }

    /// The Markdown between the markers, without the outer ````markdown fence.
    static func example(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- readme-example:begin -->\n"), "README.md has no begin marker", sourceLocation: sourceLocation)
        let end = try #require(text.range(of: "<!-- readme-example:end -->", range: begin.upperBound..<text.endIndex), "no end marker", sourceLocation: sourceLocation)
        var lines = text[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        try #require(lines.first == "````markdown" && lines.last == "````", "the example is not wrapped in a ````markdown fence", sourceLocation: sourceLocation)
        return lines.dropFirst().dropLast().joined(separator: "\n") + "\n"
    }

    @Test func theExampleSheetPassesCheck() async throws {
        let example = try Self.example()
        // What the README says the example shows.
        let fences = example.split(separator: "\n").filter { $0.hasPrefix("```swift") }
        #expect(fences.contains { $0.contains("compile-fail") }, "the example has a compile-fail snippet")
        #expect(fences.contains { $0.contains("should-crash") }, "the example has a should-crash snippet")
        #expect(fences.contains { $0.contains("uses=") } && fences.contains { $0.contains("unordered") })

        // Its links to the other sheet need that sheet and those anchors: a stub with a card per anchor.
        let anchors = example.matches(of: try Regex(#"\(swift-concurrency\.md#([a-z0-9-]+)\)"#)).compactMap { $0.output[1].substring.map(String.init) }
        try #require(!anchors.isEmpty, "the example links to swift-concurrency.md#…")
        var stub = "---\ntitle: Swift Concurrency\n---\n\n## Stub\n\n"
        for anchor in Set(anchors).sorted() {
            stub += "### \(anchor.replacingOccurrences(of: "-", with: " "))\n\n"
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write(example, to: "content/basics.md")
        try directory.write(stub, to: "content/swift-concurrency.md")

        let result = try await Cheatgen.run(["check", "content/basics.md", "--quiet"], in: directory)

        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: \(fences.count) passed, 0 failed, 0 skipped"])
        #expect(result.status == 0)

        // Its claims hold run after run, at once (objects are reused: only the runs are new).
        #expect(fences.contains { $0.contains("max-time=") } && fences.contains { $0.contains("sanitize=thread") })
        #expect(fences.contains { $0.contains("language-mode=5") } && fences.contains { $0.contains("flags=") })
        let repeated = try await Cheatgen.run(["check", "content/basics.md", "--quiet", "--repeat", "3"], in: directory)
        #expect(repeated.standardError == "")
        #expect(repeated.outputLines == ["snippets: \(fences.count) passed, 0 failed, 0 skipped"])
    }
}
