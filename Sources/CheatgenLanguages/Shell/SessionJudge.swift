import CheatgenModel
import CheatgenVerification

/// Decides whether a session did what its block says, command by command, and what `bless`
/// would write in its place.
enum SessionJudge {
    static func judge(_ session: ShellSession, snippet: Snippet, outcome: ProcessOutcome, transcript: SessionScript.Transcript,
                      checks: SnippetJudge.RunChecks) -> SessionVerifier.SessionRun {
        let running = session.commands[safe: transcript.finished.count]
        let compared = compare(session, snippet: snippet, transcript: transcript)
        // Stopped from outside (time, memory, the repository changed): said as for any snippet,
        // with the command that was running — unless the time ran out after a command that had
        // already failed, which is the one to fix. Stopped at a command that differed: judged
        // as a session that ended there.
        if !outcome.succeeded && !(outcome.stopped && outcome.keptToItsLimits && compared.problem != nil) {
            var problems = SnippetJudge.judge(snippet, outcome: outcome, checks: checks)
            if problems.isEmpty { problems = [.error(.exitStatus, "the session did not finish", at: snippet.location)] }
            if let running {
                problems[0].notes.append(Diagnostic(.note, .note, at: location(snippet, running.line), "the session was running this command"))
            }
            if outcome.timedOut, transcript.started, var earlier = compared.problem {
                earlier.notes.append(Diagnostic(.note, .note, at: snippet.location, "later, \(problems[0].message)", notes: problems[0].notes))
                problems = [earlier]
            }
            return SessionVerifier.SessionRun(verdict: RunVerdict(outcome: outcome, problems: problems), transcript: outcome.outputText,
                                              rewrite: .cannotRewrite(problems[0].message))
        }
        guard transcript.started else {
            let problem = Diagnostic.error(.invalidAttribute, "the fixture could not be copied into the session's folder", at: snippet.location,
                                           details: lines(transcript.preamble).map { "  \($0)" })
            return SessionVerifier.SessionRun(verdict: RunVerdict(outcome: outcome, problems: [problem]), transcript: transcript.preamble,
                                              rewrite: .cannotRewrite(problem.message))
        }
        let changed = compared.statuses.indices.contains { index in
            compared.outputs[index] != nil || compared.statuses[index].map { !session.commands[index].status.accepts($0) } == true
        }
        // bless writes the block's code anew: the lines between its fences.
        let rewrite: OutputInCode = changed
            ? .rewrite([LineReplacement(lines: snippet.location.line + 1..<snippet.endLine,
                                        text: session.written(statuses: compared.statuses, outputs: compared.outputs))])
            : .rewrite([])
        return SessionVerifier.SessionRun(verdict: RunVerdict(outcome: outcome, problems: compared.problem.map { [$0] } ?? []),
                                          transcript: compared.shown.joined(separator: "\n"), rewrite: rewrite)
    }

    /// The commands that ran, each against its lines: the first that failed, and what each printed.
    private static func compare(_ session: ShellSession, snippet: Snippet, transcript: SessionScript.Transcript)
        -> (problem: Diagnostic?, statuses: [Int32?], outputs: [[String]?], shown: [String]) {
        var problem: Diagnostic?
        var statuses = [Int32?](repeating: nil, count: session.commands.count)
        var outputs = [[String]?](repeating: nil, count: session.commands.count)
        var shown: [String] = []
        var endedInside = false
        for (index, command) in session.commands.enumerated() {
            let printed: String, status: Int32
            var endedHere = false
            if index < transcript.finished.count {
                (printed, status) = transcript.finished[index]
            } else if index == transcript.finished.count, !transcript.halted, let end = transcript.end,
                      index == 0 || session.commands[index - 1].status.accepts(transcript.finished[index - 1].status) {
                (printed, status) = end
                endedHere = true
            } else {
                break
            }
            let actual = OutputMatcher.normalizedLines(printed)
            shown += ["$ " + command.text] + actual
            statuses[index] = status
            let alignment = SessionMatcher.align(expected: OutputMatcher.normalizedLines(command.expected.joined(separator: "\n")), actual: actual)
            if !alignment.matches { outputs[index] = alignment.blessed }
            guard problem == nil else { continue }
            let at = location(snippet, command.line)
            if !command.status.accepts(status) {
                let hint = status == 0 ? "" : " (write '? \(status)' under the command if that is what it should do)"
                problem = .error(.exitStatus, "command exited with status \(status), but the session expects \(command.status.described)\(hint)", at: at,
                                 details: actual.suffix(8).map { "  output: \($0)" })
            } else if !alignment.matches {
                problem = .error(.outputMismatch, "command output does not match the lines under it", at: at,
                                 details: UnifiedDiff.make(expected: alignment.expanded, actual: actual))
            } else if endedHere, index < session.commands.count - 1 {
                let left = session.commands.count - 1 - index
                problem = .error(.exitStatus, "the session ended during this command (status \(status)); the \(left == 1 ? "command" : "\(left) commands") below it did not run", at: at)
                endedInside = true
            }
            if endedHere { break }
        }
        // Commands left below the failing one: the session stops at the first that fails.
        // (A session that ended inside a command says so in its own error.)
        if problem != nil, !endedInside, let ran = statuses.lastIndex(where: { $0 != nil }), ran < session.commands.count - 1 {
            let left = session.commands.count - 1 - ran
            problem?.notes.append(Diagnostic(.note, .note, at: location(snippet, session.commands[ran].line),
                                             "the session stopped at this command; the \(left == 1 ? "command" : "\(left) commands") below it did not run"))
        }
        return (problem, statuses, outputs, shown)
    }

    private static func location(_ snippet: Snippet, _ line: Int) -> SourceLocation {
        SourceLocation(path: snippet.path, line: line, column: 1)
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
