import CheatgenModel

/// What a language's runtime and compiler write on standard error, read for the judge: where
/// a crash happened and why, a sanitizer's race report, the compiler's error lines. The judge
/// knows no language; each verifier hands it its reader (`PlainErrorReader` knows only signals).
package protocol ErrorReader: Sendable {
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
    package func withoutBacktrace(_ stderr: String) -> String { stderr }

    package func crash(signal: Int32, stderr: String, path: String) -> (description: String, frames: [SourceLocation]) {
        (PlainErrorReader.describe(signal: signal), [])
    }

    package func race(in stderr: String, snippet: Snippet) -> Diagnostic? { nil }

    package func errorMessages(in compilerOutput: String) -> [String] {
        compilerOutput.split(separator: "\n").map { $0.trimmed() }.filter { !$0.isEmpty }.suffix(8)
    }
}
