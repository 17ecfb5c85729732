/// Compares what a snippet printed with its `output` block.
///
/// Trailing spaces and trailing blank lines never matter; a line that is exactly `...` in the
/// expectation matches any number of lines; `unordered` compares lines as a multiset.
package enum OutputMatcher {
    package static let wildcard = "..."

    /// Lines as compared: trailing whitespace removed, trailing blank lines dropped.
    package static func normalizedLines(_ text: String) -> [String] {
        // Split on "\n" scalars: Swift sees "\r\n" as one Character and would not split there.
        let blanks: Set<Unicode.Scalar> = [" ", "\t", "\r"]
        var lines: [String] = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let end = line.lastIndex { !blanks.contains($0) }.map { line.index(after: $0) } ?? line.startIndex
            return String(String.UnicodeScalarView(line[..<end]))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    package static func matches(expected: String, actual: String, unordered: Bool) -> Bool {
        let want = normalizedLines(expected)
        let got = normalizedLines(actual)
        return unordered ? matchesUnordered(want, got) : matchesInOrder(want[...], got[...])
    }

    private static func matchesInOrder(_ want: ArraySlice<String>, _ got: ArraySlice<String>) -> Bool {
        // Iterative glob matching over lines, with `...` as `*`: linear in practice, no recursion.
        var w = want.startIndex, g = got.startIndex
        var starW: Int?, starG = got.startIndex
        while g < got.endIndex {
            if w < want.endIndex && want[w] == wildcard {
                starW = w
                starG = g
                w += 1
            } else if w < want.endIndex && want[w] == got[g] {
                w += 1
                g += 1
            } else if let star = starW {
                w = star + 1
                starG += 1
                g = starG
            } else {
                return false
            }
        }
        while w < want.endIndex && want[w] == wildcard { w += 1 }
        return w == want.endIndex
    }

    private static func matchesUnordered(_ want: [String], _ got: [String]) -> Bool {
        let hasWildcard = want.contains(wildcard)
        var counts: [String: Int] = [:]
        for line in got { counts[line, default: 0] += 1 }
        for line in want where line != wildcard {
            guard let count = counts[line], count > 0 else { return false }
            counts[line] = count - 1
        }
        return hasWildcard || counts.values.allSatisfy { $0 == 0 }
    }
}
