import Foundation
import CheatgenModel
import CheatgenVerification

/// `--shard K/N`: a deterministic 1/N of the snippets, balanced by how long each took last
/// time (recorded in `.cheatgen/durations.json`), so N CI jobs split one full run.
package struct Shard: Sendable, Hashable {
    package var index: Int
    package var count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    package init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    package init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// The snippets of this shard. Longest first, each to the least-loaded shard (ties to the
    /// lowest), names breaking ties: every shard computes the same split from the same inputs.
    package func select(_ snippets: [Snippet], durations: [String: Double]) -> [Snippet] {
        let known = durations.values.sorted()
        let typical = known.isEmpty ? 1.0 : known[known.count / 2]
        let ordered = snippets.sorted { a, b in
            let (da, db) = (durations[a.name] ?? typical, durations[b.name] ?? typical)
            return da != db ? da > db : a.name < b.name
        }
        var loads = [Double](repeating: 0, count: count)
        var chosen: Set<String> = []
        for snippet in ordered {
            let target = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
            loads[target] += durations[snippet.name] ?? typical
            if target == index - 1 { chosen.insert(snippet.name) }
        }
        return snippets.filter { chosen.contains($0.name) }
    }
}

/// How long each snippet took when last verified for real: `.cheatgen/durations.json`.
enum DurationLog {
    static func load(_ workDirectory: String) -> [String: Double] {
        // Plain JSON, for people and CI steps to read: checked by its format — a map of finite,
        // non-negative timings. A garbled log balances shards no worse than none.
        let path = "\(workDirectory)/durations.json"
        let values = FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode([String: Double].self, from: $0) } ?? [:]
        return values.filter { $0.value.isFinite && $0.value >= 0 }
    }

    /// Records this run's timings; a full run (`complete`) also forgets snippets that no longer exist.
    static func record(_ results: [SnippetResult], complete: Bool, workDirectory: String) {
        var values = load(workDirectory)
        if complete {
            let names = Set(results.map(\.snippet.name))
            values = values.filter { names.contains($0.key) }
        }
        // A cached verdict carries the duration of the run that earned it — maybe on another
        // machine (a CI shard): a build from merged verdicts records them all for the next split.
        for result in results where result.status != .skipped {
            values[result.snippet.name] = (result.duration * 1000).rounded() / 1000
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(values) else { return }
        CacheFile.writeAtomically(data, to: "\(workDirectory)/durations.json")
    }
}
