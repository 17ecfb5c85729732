import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a language's runtime and compiler write on standard error, read for the judge: where
/// a crash happened and why, a sanitizer's race report, the compiler's error lines. The judge
/// knows no language; each verifier hands it its reader (`PlainErrorReader` knows only signals).
public protocol ErrorReader: Sendable {
    /// Standard error without the runtime's own stack dump, as a failure quotes it.
    func withoutBacktrace(_ stderr: String) -> String
    /// A run ended by `signal`: what it was (`signal 4 SIGILL (Swift runtime trap): Fatal error: …`)
    /// and the places in the Markdown file at `path` it names, innermost first.
    func crash(signal: Int32, stderr: String, path: String) -> (description: String, frames: [SourceLocation])
    /// A data race a sanitizer reported, at the racing line.
    func race(in stderr: String, snippet: Snippet) -> Diagnostic?
    /// The error messages in a compiler's or checker's output, one per error.
    func errorMessages(in compilerOutput: String) -> [String]
}

extension ErrorReader {
    public func withoutBacktrace(_ stderr: String) -> String { stderr }

    public func crash(signal: Int32, stderr: String, path: String) -> (description: String, frames: [SourceLocation]) {
        (PlainErrorReader.describe(signal: signal), [])
    }

    public func race(in stderr: String, snippet: Snippet) -> Diagnostic? { nil }

    public func errorMessages(in compilerOutput: String) -> [String] {
        compilerOutput.split(separator: "\n").map { $0.trimmed() }.filter { !$0.isEmpty }.suffix(8)
    }
}

/// Reads only what every process has: its signal.
public struct PlainErrorReader: ErrorReader {
    public init() {}

    /// `signal 11 SIGSEGV (segmentation fault)`
    public static func describe(signal: Int32, names extra: [Int32: String] = [:]) -> String {
        let names: [Int32: String] = [
            SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT (abort)",
            SIGSEGV: "SIGSEGV (segmentation fault)", SIGBUS: "SIGBUS (bus error)", SIGFPE: "SIGFPE (arithmetic error)",
            SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
        ].merging(extra) { _, new in new }
        return ("signal \(signal) " + (names[signal] ?? "")).trimmed()
    }
}
