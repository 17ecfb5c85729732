import Foundation
import CheatgenVerification
import Synchronization

/// Tells the user how a run is going. On a terminal: one live line (snippets verified, failed,
/// elapsed), redrawn in place. Elsewhere (CI logs): a few plain lines, never escape codes.
package final class ProgressReporter: Sendable {
    package enum Style: Sendable { case live, plain, quiet }

    private let style: Style
    private let verbose: Bool
    private let console: Console
    private let started = ContinuousClock().now
    /// The counts on the live line, and whether that line is on screen now.
    private struct Tally {
        var total = 0
        var done = 0
        var failed = 0
        var cached = 0
        var lineShown = false
    }
    private let tally = Mutex(Tally())
    /// Whether a failure is one the known-failures list names (counted and printed apart).
    private let isListed: @Sendable (SnippetResult) -> Bool

    package init(style: Style, verbose: Bool, console: Console, isListed: @escaping @Sendable (SnippetResult) -> Bool = { _ in false }) {
        self.style = style
        self.verbose = verbose
        self.console = console
        self.isListed = isListed
    }

    /// `.live` when standard error is a terminal (and TERM is not dumb), else `.plain`.
    package static func defaultStyle() -> Style {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return isatty(STDERR_FILENO) == 1 && term != "dumb" && ProcessInfo.processInfo.environment["CI"] == nil ? .live : .plain
    }

    package func begin(total: Int) {
        tally.withLock { $0.total = total }
        if style == .plain { console.err("cheatgen: verifying \(total) snippet\(total == 1 ? "" : "s")") }
    }

    package func finished(_ result: SnippetResult) {
        let listed = result.status == .failed && isListed(result)
        let line: String? = tally.withLock { tally in
            tally.done += 1
            if result.status == .failed && !listed { tally.failed += 1 }
            if result.cached { tally.cached += 1 }
            switch style {
            case .live: return "\r\u{1B}[2K" + status(tally)
            case .plain where listed: return "cheatgen: failed, as listed in the known failures: \(result.snippet.name)"
            case .plain: return result.status == .failed ? "cheatgen: FAILED \(result.snippet.name)" : nil
            case .quiet: return nil
            }
        }
        if verbose {
            let how = result.cached ? "cached" : String(format: "%.2f s", result.duration)
            log("\(result.status.rawValue) \(result.snippet.name) (\(how))")
        } else if let line {
            if style == .live {
                tally.withLock { $0.lineShown = true }
                FileHandle.standardError.write(Data(line.utf8))
            } else {
                console.err(line)
            }
        }
    }

    /// A line for `--verbose` (commands, timings), printed above the live line.
    package func log(_ text: String) {
        tally.withLock {
            if style == .live && $0.lineShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)); $0.lineShown = false }
        }
        console.err(text)
    }

    /// Clears the live line so the report that follows starts on a clean line.
    package func end() {
        tally.withLock {
            if style == .live && $0.lineShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)); $0.lineShown = false }
        }
    }

    private func status(_ tally: Tally) -> String {
        let elapsed = ContinuousClock().now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "verified \(tally.done)/\(tally.total) · \(tally.cached) cached · \(tally.failed) failed · \(String(format: "%.1f", seconds)) s"
    }
}
