/// A problem found in the user's content: a value, collected and reported together with the
/// others rather than thrown at the first one.
package struct Diagnostic: Error, Hashable, Sendable {
    package enum Severity: String, Sendable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    package var severity: Severity
    /// What went wrong, by a name that does not change with the wording (`run.output-mismatch`).
    package var id: DiagnosticID
    package var location: SourceLocation?
    package var message: String
    /// Further lines shown under the message: a diff, compiler output, a hint.
    package var details: [String]
    /// Related places, printed as `note:` lines.
    package var notes: [Diagnostic]

    package init(
        _ severity: Severity, _ id: DiagnosticID, at location: SourceLocation?, _ message: String,
        details: [String] = [], notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.id = id
        self.location = location
        self.message = message
        self.details = details
        self.notes = notes
    }

    package static func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, details: [String] = []) -> Diagnostic {
        Diagnostic(.error, id, at: location, message, details: details)
    }

    package static func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, id, at: location, message)
    }

    /// A note to hang under another diagnostic.
    package static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, .note, at: location, message)
    }

    /// The swiftc-style rendering: `path:line:col: error: message`, then details and notes.
    package var formatted: String { formatted(showingID: false) }

    /// The swiftc-style rendering, with `[id]` after the message when `showingID` (as swiftc's
    /// `-debug-diagnostic-names` does; notes keep theirs off).
    package func formatted(showingID: Bool) -> String {
        var lines: [String] = []
        let prefix = location.map { "\($0.description): " } ?? "cheatgen: "
        let suffix = showingID && severity != .note ? " [\(id)]" : ""
        lines.append("\(prefix)\(severity.rawValue): \(message)\(suffix)")
        lines.append(contentsOf: details)
        for note in notes {
            lines.append(note.formatted)
        }
        return lines.joined(separator: "\n")
    }
}
