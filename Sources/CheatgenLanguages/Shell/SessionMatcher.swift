import Foundation
import CheatgenVerification

/// Compares what a session's command printed with the lines written under it: `[..]` inside a
/// line matches any text on that line, a line `...` any number of lines; trailing spaces and
/// trailing blank lines never matter (as in `output` blocks, `OutputMatcher.normalizedLines`).
enum SessionMatcher {
    static let anyText = "[..]"

    /// Whether one written line matches one printed line.
    static func lineMatches(_ pattern: String, _ line: String) -> Bool {
        guard pattern.contains(anyText) else { return pattern == line }
        let parts = pattern.components(separatedBy: anyText)
        guard line.hasPrefix(parts[0]) else { return false }
        var rest = line.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }

    /// How printed lines line up with written ones.
    struct Alignment {
        var matches: Bool
        /// The written lines with `...` and `[..]` replaced by the printed text they stand for,
        /// so that a diff against the printed lines shows only the real differences.
        var expanded: [String]
        /// What `bless` writes: the printed lines, except that a written line that still
        /// matches its printed one (`[..]` and all) and every `...` are kept as written.
        var blessed: [String]
    }

    /// Aligns written lines with printed ones: `...` takes any run of printed lines for free, a
    /// line matches an equal (or `[..]`-matching) one or costs one edit.
    static func align(expected: [String], actual: [String]) -> Alignment {
        let n = expected.count, m = actual.count
        guard (n + 1) * (m + 1) <= 4_000_000 else {
            let same = n == m && zip(expected, actual).allSatisfy(lineMatches)
            return Alignment(matches: same, expanded: expected, blessed: same ? expected : actual)
        }
        let width = m + 1
        var cost = [Int32](repeating: 0, count: (n + 1) * width)
        for j in stride(from: m - 1, through: 0, by: -1) { cost[n * width + j] = cost[n * width + j + 1] + 1 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m, through: 0, by: -1) {
                if expected[i] == OutputMatcher.wildcard {
                    cost[i * width + j] = min(cost[(i + 1) * width + j], j < m ? cost[i * width + j + 1] : .max)
                    continue
                }
                var best = cost[(i + 1) * width + j] + 1
                if j < m {
                    best = min(best, cost[i * width + j + 1] + 1)
                    if lineMatches(expected[i], actual[j]) { best = min(best, cost[(i + 1) * width + j + 1]) }
                }
                cost[i * width + j] = best
            }
        }
        var expanded: [String] = []
        var blessed: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            let here = cost[i * width + j]
            if i < n, expected[i] == OutputMatcher.wildcard {
                // As few lines as the cheapest alignment allows: the lines after it keep theirs.
                if j < m, cost[(i + 1) * width + j] != here {
                    expanded.append(actual[j])
                    j += 1
                } else {
                    blessed.append(expected[i])
                    i += 1
                }
            } else if i < n, j < m, lineMatches(expected[i], actual[j]), cost[(i + 1) * width + j + 1] == here {
                expanded.append(actual[j])
                blessed.append(expected[i])
                i += 1
                j += 1
            } else if i < n, cost[(i + 1) * width + j] + 1 == here {
                expanded.append(expected[i])
                i += 1
            } else {
                blessed.append(actual[j])
                j += 1
            }
        }
        return Alignment(matches: cost[0] == 0, expanded: expanded, blessed: blessed)
    }
}
