import Foundation
import CheatgenModel
import CheatgenVerification

/// Runs each `console` block as one `bash` session (`SessionScript`) under the containment
/// every snippet gets (`SnippetProcess`), letting it go on only while its commands match
/// (`SessionConversation`), then judges it command by command: the first command whose status
/// or output differs fails the block at its own line, with a diff.
struct SessionVerifier: SnippetVerifier {
    let bash: String
    /// `GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)`
    let version: String

    var language: any Language { ShellSessionLanguage() }
    var toolchainID: String { version }
    var versionLabel: String { VersionLabel.label("Bash", version: version, components: 2) }

    /// A session's verdict depends on its fixture's files too.
    func cacheSalt(for snippet: Snippet, options: VerificationOptions) -> String {
        guard let folder = SessionFixture.folder(of: snippet) else { return "" }
        return SessionFixture.fingerprint(folder)
    }

    func verify(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult] {
        let items = snippets.indices.flatMap { index in
            Array(repeating: index, count: snippets[index].snippet.attributes.mode == .run ? context.options.repeatCount : 1)
        }
        let runs = try await forEachConcurrently(items, width: context.options.jobs) { index in
            try await run(snippets[index], options: context.options)
        }
        var byIndex: [Int: [SessionRun]] = [:]
        for (index, run) in zip(items, runs) { byIndex[index, default: []].append(run) }
        return byIndex.keys.sorted().map { index in
            let runs = byIndex[index]!
            let prepared = snippets[index]
            var result = RunVerdict.combine(runs.map(\.verdict), snippet: prepared.snippet, compileSeconds: 0)
            let shown = runs.first { !$0.verdict.passed } ?? runs[0]
            result.actualOutput = shown.transcript
            result.outputInCode = shown.rewrite
            result.checks = .init(runs: runs.count, maxTime: prepared.limits.maxTime)
            return context.report(result)
        }
    }

    /// One run of a session: its verdict, and what `bless` would write.
    struct SessionRun: Sendable {
        var verdict: RunVerdict
        var transcript: String
        var rewrite: OutputInCode
    }

    private func run(_ prepared: PreparedSnippet, options: VerificationOptions) async throws -> SessionRun {
        let snippet = prepared.snippet
        let session: ShellSession
        switch ShellSession.parse(snippet.code, firstLine: snippet.firstCodeLine, path: snippet.path) {
        case .success(let parsed): session = parsed
        case .failure(let problem):
            // `prepare` has refused it already: never reached.
            throw CheatgenError.tool(name: "bash", problem: "cannot run the session at \(problem.location?.description ?? snippet.name): \(problem.message)")
        }
        let script = SessionScript(session, fixture: SessionFixture.folder(of: snippet))
        let conversation = SessionConversation(session, script: script, runsToTheEnd: options.blessing)
        let outcome = try await SnippetProcess.run(bash, arguments: script.arguments, snippet: snippet, limits: prepared.limits, options: options,
                                                   observer: conversation)
        return SessionJudge.judge(session, snippet: snippet, outcome: outcome, transcript: script.read(outcome.outputText),
                                  checks: .init(prepared.limits))
    }
}
