/// Counts how often each word occurs.
public struct Tally: Sendable {
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    public mutating func add(_ word: String) {
        counts[word, default: 0] += 1
    }

    /// The words, most frequent first (ties alphabetically).
    public var ranking: [String] {
        counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
    }
}
