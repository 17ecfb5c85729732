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

    /// `marker` as printed before the code of the earlier snippet whose fence is at `line`.
    static func marker(_ marker: String, before line: Int) -> String {
        String(marker.dropLast(4)) + " before \(line) ---"
    }

    /// The judge's problems with a run that never reached the snippet: what went wrong in the
    /// earlier snippets (a trap at its line) is kept, the comparison of output is not, and the
    /// snippet fails saying it did not run — with a note at the earlier snippet that was
    /// running when the program stopped (the last whose marker `outcome` printed).
    package static func notReached(_ snippet: Snippet, problems: [Diagnostic], outcome: ProcessOutcome, marker: String?) -> [Diagnostic] {
        let elsewhere = problems.filter { $0.location != snippet.location && !$0.message.hasPrefix("snippet output does not match") }
        let said = problems.filter { $0.location == snippet.location }.map { "  \($0.message)" }
        var error = Diagnostic.error(.stoppedEarlier, stoppedEarlier, at: snippet.location, details: said)
        if let marker {
            let prefix = String(marker.dropLast(4)) + " before "
            let last = outcome.outputText.split(separator: "\n").last { $0.hasPrefix(prefix) && $0.hasSuffix(" ---") }
            if let last, let line = Int(last.dropFirst(prefix.count).dropLast(4)) {
                let place = SourceLocation(path: snippet.path, line: line, column: 1)
                error.notes.append(Diagnostic(.note, .note, at: place, "the program stopped in the snippet at \(snippet.path):\(line)"))
            }
        }
        return elsewhere + [error]
    }
}
