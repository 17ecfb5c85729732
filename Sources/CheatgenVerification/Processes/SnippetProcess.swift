import Foundation
import CheatgenModel

/// Runs one snippet's program the way every language does: in a fresh temporary directory that
/// is removed afterwards, stdin from /dev/null (or a pipe its `observer` writes into), under its
/// time limit and the output cap, with a clean environment, and confined (`Confinement`): no
/// network unless it asks, the repository read-only, its memory and process count limited.
package enum SnippetProcess {
    package static func run(_ executable: String, arguments: [String], snippet: Snippet, limits: RunLimits, options: VerificationOptions,
                    environment extra: [String: String] = [:], observer: (any OutputObserver)? = nil) async throws -> ProcessOutcome {
        let directory = try SandboxDirectory()
        defer { directory.remove() }
        let environment = SnippetEnvironment.make(folder: directory.path, snippet: snippet, passing: options.passedEnvironment, language: extra)
        let confinement = Confinement.shared(protecting: options.protectedPaths)
        for notice in Confinement.takeNotices(of: confinement) { options.log?("cheatgen: note: \(notice)") }
        let confined = ConfinedProcess.Limits(memory: limits.memory, processes: limits.processes, network: limits.network,
                                              timeout: .milliseconds(Int(limits.timeout * 1000)), outputLimit: limits.output)
        let watch = confinement.watch(excluding: [options.workDirectory])
        let before = watch?.snapshot()
        var outcome = try await ConfinedProcess.run(executable, arguments: arguments, directory: directory.path, environment: environment,
                                                    confinement: confinement, limits: confined, observer: observer)
        if let watch, let before {
            outcome.changedRepository = RepositoryWatch.changes(from: before, to: watch.snapshot())
        }
        return outcome
    }
}
