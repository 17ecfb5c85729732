import Foundation

/// Runs one snippet's program the way every language does: in a fresh temporary directory that
/// is removed afterwards, stdin from /dev/null, under its time limit and the output cap.
enum SnippetProcess {
    static func run(_ executable: String, arguments: [String], snippet: Snippet, options: VerificationOptions,
                    environment extra: [String: String] = [:]) async throws -> ProcessOutcome {
        let directory = try SandboxDirectory()
        defer { directory.remove() }
        let timeout = snippet.attributes.timeout ?? options.defaultTimeout
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = directory.path
        environment["CHEATGEN_SNIPPET"] = snippet.name
        environment.merge(extra) { _, new in new }
        return try await ProcessRunner.run(
            executable, arguments: arguments, workingDirectory: directory.path, environment: environment,
            timeout: .milliseconds(Int(timeout * 1000)), outputLimit: options.outputLimit)
    }
}
