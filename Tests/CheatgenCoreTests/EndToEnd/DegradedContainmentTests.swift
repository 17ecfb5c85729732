import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing

/// Where no mount namespace can be made, the before/after watch of the repository stands in for
/// a read-only one: it must blame snippets only for what they wrote — never for what cheatgen
/// itself, or another cheatgen running at the same time, writes into the same repository.
extension HostileInputTests {
    @Test func twoConcurrentChecksWithoutNamespacesBothPass() throws {
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

        let results = ConcurrentResults()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            // The second starts a moment later, so its writes land in the first's snippets.
            if index == 1 { usleep(400_000) }
            let result = Result {
                try Cheatgen.run(["check", "content", "--no-cache", "--jobs", "1"], in: directory,
                                 environment: ["CHEATGEN_CONFINEMENT": "no-namespaces"])
            }
            results.set(index, result)
        }

        for index in 0..<2 {
            let result = try results.get(index)
            #expect(result.status == 0, "run \(index + 1): \(result.standardError)")
            #expect(result.outputLines.last == "snippets: 6 passed, 0 failed, 0 skipped", "run \(index + 1)")
            #expect(!result.standardError.contains("snippet changed"), "run \(index + 1): \(result.standardError)")
            // The note says what is left unwatched.
            #expect(result.errorLines.contains { $0.hasPrefix("cheatgen: note: snippets are not kept from writing into the repository") && $0.contains(".cheatgen/") })
        }
    }
}

/// Results of the runs, set from concurrent threads.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<CommandResult, any Error>] = [:]

    func set(_ index: Int, _ result: Result<CommandResult, any Error>) { lock.withLock { results[index] = result } }
    func get(_ index: Int) throws -> CommandResult { try lock.withLock { results[index]! }.get() }
}
