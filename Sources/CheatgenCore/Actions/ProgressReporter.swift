import Foundation
import CheatgenVerification

/// Tells the user how a run is going. On a terminal: one live line (snippets verified, failed,
/// elapsed), redrawn in place. Elsewhere (CI logs): a few plain lines, never escape codes.
package final class ProgressReporter: @unchecked Sendable {
    package enum Style: Sendable { case live, plain, quiet }

    private let style: Style
    private let verbose: Bool
    private let console: Console
    private let lock = NSLock()
    private let started = ContinuousClock().now
    private var total = 0
    private var done = 0
    private var failed = 0
    private var cached = 0
    private var lineShown = false

    package init(style: Style, verbose: Bool, console: Console) {
        self.style = style
        self.verbose = verbose
        self.console = console
    }

    /// `.live` when standard error is a terminal (and TERM is not dumb), else `.plain`.
    package static func defaultStyle() -> Style {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return isatty(STDERR_FILENO) == 1 && term != "dumb" && ProcessInfo.processInfo.environment["CI"] == nil ? .live : .plain
    }

    package func begin(total: Int) {
        lock.withLock { self.total = total }
        if style == .plain { console.err("cheatgen: verifying \(total) snippet\(total == 1 ? "" : "s")") }
    }

    package func finished(_ result: SnippetResult) {
        let line: String? = lock.withLock {
            done += 1
            if result.status == .failed { failed += 1 }
            if result.cached { cached += 1 }
            switch style {
            case .live: return "\r\u{1B}[2K" + status()
            case .plain: return result.status == .failed ? "cheatgen: FAILED \(result.snippet.name)" : nil
            case .quiet: return nil
            }
        }
        if verbose {
            let how = result.cached ? "cached" : String(format: "%.2f s", result.duration)
            log("\(result.status.rawValue) \(result.snippet.name) (\(how))")
        } else if let line {
            if style == .live {
                lock.withLock { lineShown = true }
                FileHandle.standardError.write(Data(line.utf8))
            } else {
                console.err(line)
            }
        }
    }

    /// A line for `--verbose` (commands, timings), printed above the live line.
    package func log(_ text: String) {
        lock.withLock {
            if style == .live && lineShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)); lineShown = false }
        }
        console.err(text)
    }

    /// Clears the live line so the report that follows starts on a clean line.
    package func end() {
        lock.withLock {
            if style == .live && lineShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)); lineShown = false }
        }
    }

    private func status() -> String {
        let elapsed = ContinuousClock().now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "verified \(done)/\(total) · \(cached) cached · \(failed) failed · \(String(format: "%.1f", seconds)) s"
    }
}
