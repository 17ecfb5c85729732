import CheatgenModel

/// A session program's output, split at its marker: what the snippets before it printed is
/// not the snippet's to compare.
package enum SessionOutput {
    /// Said when the program never reached the snippet: an earlier snippet stopped it.
    package static let stoppedEarlier = "snippet did not run: the snippets before it on the page stopped the program first"

    /// The outcome with only the output after the marker; `reached` is false when the marker
    /// was never printed (and the output is then left whole). No marker, no change.
    package static func split(_ outcome: ProcessOutcome, marker: String?) -> (outcome: ProcessOutcome, reached: Bool) {
        guard let marker else { return (outcome, true) }
        let line = Array((marker + "\n").utf8)
        let output = outcome.standardOutput
        var start = 0
        while start + line.count <= output.count {
            if (start == 0 || output[start - 1] == UInt8(ascii: "\n")), Array(output[start..<(start + line.count)]) == line {
                var own = outcome
                own.standardOutput = Array(output[(start + line.count)...])
                return (own, true)
            }
            guard let next = output[start...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            start = next + 1
        }
        return (outcome, false)
    }

    /// The judge's problems with a run that never reached the snippet: what went wrong in the
    /// earlier snippets (a trap at its line) is kept, the comparison of output is not, and the
    /// snippet fails saying it did not run.
    package static func notReached(_ snippet: Snippet, problems: [Diagnostic]) -> [Diagnostic] {
        let elsewhere = problems.filter { $0.location != snippet.location && !$0.message.hasPrefix("snippet output does not match") }
        let said = problems.filter { $0.location == snippet.location }.map { "  \($0.message)" }
        return elsewhere + [.error(stoppedEarlier, at: snippet.location, details: said)]
    }
}
