import CheatgenModel

/// What a language whose snippets are scripts tells `ScriptVerifier`: the interpreter, how
/// to check a file's syntax without running it, how to run it, and how to read its errors.
package protocol ScriptInterpreter: Sendable {
    var language: any Language { get }
    /// The interpreter's path.
    var executable: String { get }
    /// Part of every verdict's key: `Python 3.11.7`, `Node 20.20.2`.
    var version: String { get }
    /// Shown on pages: `Python 3.11`, `Node 20` (see `VersionLabel`).
    var versionLabel: String { get }
    /// The script's file name in the run's scratch folder is the snippet's symbol name with this
    /// extension (`py`, `mjs`).
    var fileExtension: String { get }
    /// Variables the interpreter needs besides the snippet environment's own.
    var environment: [String: String] { get }
    /// Checks `file`'s syntax without running it: exits 0 when it would compile.
    func checkArguments(file: String) -> [String]
    /// Runs `file`.
    func runArguments(file: String) -> [String]
    /// What went wrong, read from the interpreter's standard error about `file`.
    func failure(in errorText: String, file: String, snippet: Snippet, lineMap: [Int]) -> ScriptFailure
    /// What an exit status means when the interpreter gives it a meaning of its own.
    func explanation(ofExitStatus status: Int32) -> String?
}

extension ScriptInterpreter {
    package func explanation(ofExitStatus status: Int32) -> String? { nil }
}
