import Foundation
#if canImport(Glibc)
import Glibc
import CheatgenModel
import CheatgenVerification
#endif

/// Swift's runtime and compiler, read for the judge: a trap's `Fatal error` and the
/// backtracer's frames in the sheet (`TrapBacktrace`), ThreadSanitizer's reports
/// (`RaceReport`), swiftc's `file:line:col: error:` lines (`CompilerMessages`).
struct SwiftErrorReader: ErrorReader {
    func withoutBacktrace(_ stderr: String) -> String {
        TrapBacktrace.withoutBacktrace(stderr)
    }

    /// `signal 4 SIGILL (Swift runtime trap): Fatal error: Index out of range`, at the line that
    /// trapped, its callers after it.
    func crash(signal: Int32, stderr: String, path: String) -> (description: String, frames: [SourceLocation]) {
        var text = PlainErrorReader.describe(signal: signal, names: [SIGILL: "SIGILL (Swift runtime trap)", SIGTRAP: "SIGTRAP (Swift runtime trap)"])
        let shown = withoutBacktrace(stderr)
        if let fatal = shown.split(separator: "\n").first(where: { $0.contains("Fatal error") || $0.contains("fatal error") }) {
            // `Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range`: the message, not the runtime's file.
            let start = fatal.range(of: "Fatal error")?.lowerBound ?? fatal.range(of: "fatal error")!.lowerBound
            text += ": " + fatal[start...].trimmed()
        }
        return (text.trimmed(), TrapBacktrace(stderr: stderr, path: path).frames)
    }

    func race(in stderr: String, snippet: Snippet) -> Diagnostic? {
        RaceReport.parse(stderr: stderr, path: snippet.path)?.diagnostic(snippet: snippet)
    }

    func errorMessages(in compilerOutput: String) -> [String] {
        CompilerMessages.parse(compilerOutput).filter { $0.severity == .error }.map(\.message)
    }
}
