/// Where a snippet's output departs from its `output` block: the expected lines with each `...`
/// replaced by the lines it best stands for — so a diff shows only the real differences — and
/// the first expected line that differs, where the mismatch is reported.
struct OutputDifference {
    /// The expected lines, wildcards expanded to the actual lines they matched.
    var expanded: [String]
    /// Index in the expected lines of the first one that differs (their count: after the last).
    var firstDifference: Int

    /// Above this many cells the alignment is not computed; wildcards stay as written.
    static let alignmentLimit = 4_000_000

    /// Aligns in order: a wildcard takes any run of actual lines for free, every other line
    /// matches an equal one or costs one edit. The cheapest alignment is read back.
    static func inOrder(expected: [String], actual: [String]) -> OutputDifference {
        let n = expected.count, m = actual.count
        guard (n + 1) * (m + 1) <= alignmentLimit else {
            let first = (0..<min(n, m)).first { expected[$0] != actual[$0] } ?? min(n, m)
            return OutputDifference(expanded: expected, firstDifference: first)
        }
        let wildcard = OutputMatcher.wildcard
        let width = m + 1
        // cost[i * width + j]: fewest edits aligning expected[i...] with actual[j...].
        var cost = [Int32](repeating: 0, count: (n + 1) * width)
        for j in 0...m { cost[n * width + j] = Int32(m - j) }
        if n > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                cost[i * width + m] = cost[(i + 1) * width + m] + (expected[i] == wildcard ? 0 : 1)
                if m == 0 { continue }
                for j in stride(from: m - 1, through: 0, by: -1) {
                    if expected[i] == wildcard {
                        cost[i * width + j] = min(cost[(i + 1) * width + j], cost[i * width + j + 1])
                    } else {
                        var best = min(cost[(i + 1) * width + j], cost[i * width + j + 1]) + 1
                        if expected[i] == actual[j] { best = min(best, cost[(i + 1) * width + j + 1]) }
                        cost[i * width + j] = best
                    }
                }
            }
        }
        var expanded: [String] = []
        var first: Int?
        var i = 0, j = 0
        while i < n || j < m {
            let here = cost[i * width + j]
            if i < n, expected[i] == wildcard {
                if j < m, cost[i * width + j + 1] == here {
                    expanded.append(actual[j]); j += 1
                } else {
                    i += 1
                }
            } else if i < n, j < m, expected[i] == actual[j], cost[(i + 1) * width + j + 1] == here {
                expanded.append(expected[i]); i += 1; j += 1
            } else if i < n, cost[(i + 1) * width + j] + 1 == here {
                first = first ?? i
                expanded.append(expected[i]); i += 1
            } else {
                first = first ?? i
                j += 1
            }
        }
        return OutputDifference(expanded: expanded, firstDifference: first ?? n)
    }

    /// For `unordered`: the first expected line the output lacks (as a multiset); when none is
    /// missing, the output has lines too many, reported after the last.
    static func unordered(expected: [String], actual: [String]) -> OutputDifference {
        var counts: [String: Int] = [:]
        for line in actual { counts[line, default: 0] += 1 }
        var first: Int?
        for (index, line) in expected.enumerated() where line != OutputMatcher.wildcard {
            if let count = counts[line], count > 0 { counts[line] = count - 1 } else { first = first ?? index }
        }
        return OutputDifference(expanded: expected.filter { $0 != OutputMatcher.wildcard }, firstDifference: first ?? expected.count)
    }
}
