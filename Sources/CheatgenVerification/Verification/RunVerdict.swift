import CheatgenModel

/// One run of a snippet and what its judge found wrong with it; `--repeat N` makes N of them,
/// combined into one verdict.
package struct RunVerdict: Sendable {
    package var outcome: ProcessOutcome
    package var problems: [Diagnostic]

    package init(outcome: ProcessOutcome, problems: [Diagnostic]) {
        self.outcome = outcome
        self.problems = problems
    }

    package var passed: Bool { problems.isEmpty }

    /// All runs pass: passed. None does: the first run's problems. Some do: the snippet is
    /// flaky — an error at its fence saying how many runs matched, with what went wrong in the
    /// first run that did not (its diff) as notes at their own lines.
    package static func combine(_ runs: [RunVerdict], snippet: Snippet, compileSeconds: Double) -> SnippetResult {
        let passing = runs.count(where: \.passed)
        let shown = runs.first { !$0.passed } ?? runs[0]
        var problems = shown.problems
        if passing > 0 && passing < runs.count {
            let number = runs.firstIndex { !$0.passed }! + 1
            let notes = shown.problems.map { problem in
                Diagnostic(.note, problem.id, at: problem.location, "run \(number) of \(runs.count): \(problem.message)", details: problem.details, notes: problem.notes)
            }
            problems = [Diagnostic(.error, .flaky, at: snippet.location, "flaky: \(passing) of \(runs.count) runs matched", notes: notes)]
        }
        let seconds = Double(shown.outcome.duration.components.seconds) + Double(shown.outcome.duration.components.attoseconds) / 1e18
        var result = SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed,
                                   diagnostics: problems, duration: compileSeconds + seconds)
        result.ending = .init(shown.outcome)
        result.actualOutput = shown.outcome.outputText
        return result
    }
}
