import CheatgenModel

/// A data race as ThreadSanitizer reports it, read back to the sheet: the access that raced,
/// the earlier access on another thread, and where in the snippet each happened.
struct RaceReport {
    /// `write`, `read`, `modifying access`…
    var access: String
    var location: SourceLocation?
    var previousAccess: String
    var previousLocation: SourceLocation?
    /// `data race`, `Swift access race`: the report's own title.
    var title: String

    /// What the runner is started with: the report goes to stderr, symbolized by the toolchain's
    /// `llvm-symbolizer` when there is one; the run goes on after a report (exit status 66).
    static func environment(symbolizer: String?) -> String {
        var options = ["exitcode=66", "halt_on_error=0", "report_signal_unsafe=0"]
        if let symbolizer { options.append("external_symbolizer_path=\(symbolizer)") }
        return options.joined(separator: ":")
    }

    /// The most precise race among those reported (the one that names the most lines of the
    /// snippet), or nil when ThreadSanitizer reported none.
    static func parse(stderr: String, path: String) -> RaceReport? {
        let marker = "WARNING: ThreadSanitizer: "
        guard stderr.contains(marker) else { return nil }
        var best: (RaceReport, Int)?
        var placesOfAccesses: [SourceLocation] = []
        for block in stderr.components(separatedBy: marker).dropFirst() {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            let title = String(lines.first ?? "").components(separatedBy: " (pid=").first ?? "race"
            // Sections are separated by blank lines: the access, the previous access, the location, threads.
            var sections: [[Substring]] = [[]]
            for line in lines.dropFirst() {
                if line.trimmed().isEmpty { sections.append([]) } else { sections[sections.count - 1].append(line) }
            }
            let current = sections.first ?? []
            let previous = sections.dropFirst().first { $0.first?.trimmed().hasPrefix("Previous") == true } ?? []
            let report = RaceReport(
                access: accessKind(current.first), location: current.lazy.compactMap { StackFrames.location(in: $0, path: path) }.first,
                previousAccess: accessKind(previous.first), previousLocation: previous.lazy.compactMap { StackFrames.location(in: $0, path: path) }.first,
                title: title)
            let score = (report.location == nil ? 0 : 1) + (report.previousLocation == nil ? 0 : 1)
            if best == nil || score > best!.1 { best = (report, score) }
            placesOfAccesses += [report.location].compactMap { $0 }
        }
        // A Swift access race may name the racing access without its line; another report of
        // the same run (the plain data race on the same variable) usually has it.
        guard var report = best?.0 else { return nil }
        if report.location == nil { report.location = placesOfAccesses.first }
        return report
    }

    /// `  Previous write of size 1 at 0x… by thread T1:` → `write`
    private static func accessKind(_ line: Substring?) -> String {
        guard var text = line?.trimmed() else { return "an access" }
        if text.hasPrefix("Previous ") { text = String(text.dropFirst("Previous ".count)) }
        let kind = text.components(separatedBy: " of ").first ?? text
        return kind.lowercased()
    }

    /// The error, at the racing access, with the other access as a note.
    func diagnostic(snippet: Snippet) -> Diagnostic {
        let at = location ?? previousLocation ?? snippet.location
        var message = "data race (ThreadSanitizer: \(title)): \(access)"
        message += location.map { " at line \($0.line)" } ?? ""
        message += " races with a \(previousAccess)"
        message += previousLocation.map { " at line \($0.line)" } ?? ""
        message += " on another thread"
        var diagnostic = Diagnostic(.error, .dataRace, at: at, message)
        if let previousLocation {
            diagnostic.notes.append(Diagnostic(.note, .note, at: previousLocation, "the other access: \(previousAccess), on another thread"))
        }
        return diagnostic
    }
}
