import Foundation
import Testing
@testable import CheatgenCore

/// What the generated CI workflow relies on: shards verify on separate machines, their
/// verdict folders are copied together, and the build that follows compiles nothing.
@Suite("Verdicts merged from shards, end to end", .serialized)
struct ShardMergeTests {
    /// `passed name (how)` lines of `--verbose`: name → how ("cached" or "0.12 s").
    private func verdicts(_ result: CommandResult, status: String = "passed") -> [String: String] {
        var found: [String: String] = [:]
        for line in result.errorLines where line.hasPrefix("\(status) ") && line.hasSuffix(")") {
            let body = line.dropFirst(status.count + 1).dropLast()
            guard let open = body.range(of: " (", options: .backwards) else { continue }
            found[String(body[..<open.lowerBound])] = String(body[open.upperBound...])
        }
        return found
    }

    @Test func aBuildFromThreeShardsVerdictsCompilesAndRunsNothing() async throws {
        let site = try TemporaryDirectory()
        defer { site.remove() }
        let sheet = try site.copyFixture("passing.md")
        try site.makeFolder(".cheatgen/verdicts")

        // Three CI machines: each starts from the repository alone and verifies its shard.
        var verifiedInShards: [String: String] = [:]
        for k in 1...3 {
            let machine = try TemporaryDirectory()
            defer { machine.remove() }
            try machine.copyFixture("passing.md")
            let shard = try await Cheatgen.run(["check", sheet, "--shard", "\(k)/3", "--verbose"], in: machine)
            #expect(shard.status == 0, "\(shard.standardError)")
            let passed = verdicts(shard)
            #expect(!passed.isEmpty)
            #expect(passed.values.allSatisfy { $0 != "cached" }, "each machine starts cold")
            verifiedInShards.merge(passed) { a, _ in a }
            // The artifact each shard uploads, downloaded into one folder.
            for file in machine.entries(".cheatgen/verdicts") {
                let target = site.url.appendingPathComponent(".cheatgen/verdicts/\(file)")
                if !FileManager.default.fileExists(atPath: target.path) {
                    try FileManager.default.copyItem(at: machine.url.appendingPathComponent(".cheatgen/verdicts/\(file)"), to: target)
                }
            }
        }

        let build = try await Cheatgen.run(["build", sheet, "--verbose"], in: site)

        #expect(build.status == 0, "\(build.standardError)")
        let passed = verdicts(build)
        #expect(passed.count == verifiedInShards.count)
        #expect(Set(passed.keys) == Set(verifiedInShards.keys))
        #expect(passed.values.allSatisfy { $0 == "cached" }, "verified again: \(passed.filter { $0.value != "cached" }.keys.sorted())")
        #expect(build.errorLines.filter { $0.hasPrefix("$ ") } == [], "--verbose lists every command run while verifying")
        #expect(!site.exists(".cheatgen/objects") && !site.exists(".cheatgen/bin"), "nothing was compiled or linked")
        #expect(site.exists("site/passing.html"))

        // The build records the shards' durations, which the next run's shards split by.
        let durations = try JSONDecoder().decode([String: Double].self, from: Data(contentsOf: site.url.appendingPathComponent(".cheatgen/durations.json")))
        #expect(Set(durations.keys) == Set(verifiedInShards.keys))
        for (name, how) in verifiedInShards {
            let seconds = try #require(Double(how.replacingOccurrences(of: " s", with: "")))
            #expect(abs((durations[name] ?? -1) - seconds) < 0.01, "\(name): \(durations[name] ?? -1) recorded, \(seconds) in its shard")
        }
    }
}
