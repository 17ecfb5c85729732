import CheatgenModel

/// Reads swiftc's `-diagnostic-style llvm` output into diagnostics. Thanks to `#sourceLocation`,
/// the places it names are already lines of the Markdown file.
enum CompilerMessages {
    static func parse(_ output: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for line in output.split(separator: "\n") {
            guard let parsed = parseLine(line) else {
                // Source excerpts and caret lines belong to the message just above: the
                // error's, or its latest note's (printed after that note, as swiftc does).
                if !result.isEmpty, !line.allSatisfy(\.isWhitespace) {
                    let last = result.count - 1
                    if result[last].notes.isEmpty {
                        result[last].details.append(String(line))
                    } else {
                        result[last].notes[result[last].notes.count - 1].details.append(String(line))
                    }
                }
                continue
            }
            if parsed.severity == .note, !result.isEmpty {
                result[result.count - 1].notes.append(parsed)
            } else {
                result.append(parsed)
            }
        }
        return result
    }

    /// What a compiler message is called among cheatgen's diagnostics.
    static func id(for severity: Diagnostic.Severity) -> DiagnosticID {
        switch severity {
        case .error: .compileError
        case .warning: .compileWarning
        case .note: .note
        }
    }

    /// `file:line:col: error: message`
    private static func parseLine(_ line: Substring) -> Diagnostic? {
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            let marker = ": \(severity.rawValue): "
            guard let range = line.range(of: marker) else { continue }
            let place = line[..<range.lowerBound]
            let message = String(line[range.upperBound...])
            let parts = place.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let lineNumber = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
                return Diagnostic(severity, CompilerMessages.id(for: severity), at: nil, message)
            }
            let path = parts.dropLast(2).joined(separator: ":")
            return Diagnostic(severity, CompilerMessages.id(for: severity), at: SourceLocation(path: path, line: lineNumber, column: column), message)
        }
        return nil
    }
}
