import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing

/// Where no mount namespace can be made, the before/after watch of the repository stands in for
/// a read-only one: it must blame snippets only for what they wrote — never for what cheatgen
/// itself, or another cheatgen running at the same time, writes into the same repository.
extension HostileInputTests {
    @Test func twoConcurrentChecksWithoutNamespacesBothPass() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        // Python snippets that each take a while, so the two runs overlap: while one sleeps in
        // a snippet, the other writes its durations, caches, scratch files and output.
        var cards = ""
        for number in 1...6 {
            cards += "### Card \(number)\n\n```python\nimport time\ntime.sleep(0.3)\nprint(\(number))\n```\n\n```output\n\(number)\n```\n\n"
        }
        try directory.write(header + "\n## Sleeps\n\n" + cards, to: "content/sleeps.md")

        // The second starts a moment later, so its writes land in the first's snippets.
        let check = ["check", "content", "--no-cache", "--jobs", "1"]
        let environment = ["CHEATGEN_CONFINEMENT": "no-namespaces"]
        async let first = Cheatgen.run(check, in: directory, environment: environment)
        async let second: CommandResult = {
            try await Task.sleep(for: .milliseconds(400))
            return try await Cheatgen.run(check, in: directory, environment: environment)
        }()
        let results = [try await first, try await second]

        for index in 0..<2 {
            let result = results[index]
            #expect(result.status == 0, "run \(index + 1): \(result.standardError)")
            #expect(result.outputLines.last == "snippets: 6 passed, 0 failed, 0 skipped", "run \(index + 1)")
            #expect(!result.standardError.contains("snippet changed"), "run \(index + 1): \(result.standardError)")
            // The note says what is left unwatched.
            #expect(result.errorLines.contains { $0.hasPrefix("cheatgen: note: snippets are not kept from writing into the repository") && $0.contains(".cheatgen/") })
        }
    }
}
