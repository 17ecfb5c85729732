import CheatgenModel

/// Whose failure a session snippet's failure is. An error at an earlier snippet's lines is
/// that snippet's (its own verdict reports it); a snippet whose program broke there, or
/// stopped before reaching it, is tried without those snippets, and says it depends on them
/// when it then fails in a way it did not with them.
enum SessionVerdict {
    /// The earlier snippets a failed verdict blames: those holding an error, or — when the
    /// program stopped before the snippet without saying where — those that failed in this
    /// run (`failed`). None when the snippet failed only on its own.
    static func culprits(of result: SnippetResult, plan: SessionPlan, failed: Set<SnippetPlace>) -> [Snippet] {
        var blamed: [Snippet] = []
        var stopped = false
        for error in result.diagnostics where error.severity == .error {
            if let part = plan.part(holding: error.location) {
                if !blamed.contains(part) { blamed.append(part) }
            } else if error.id == .stoppedEarlier {
                stopped = true
                for note in error.notes {
                    if let part = plan.part(holding: note.location), !blamed.contains(part) { blamed.append(part) }
                }
            }
        }
        if stopped && blamed.isEmpty {
            blamed = plan.earlier.map(\.snippet).filter { failed.contains(SnippetPlace($0)) }
        }
        return blamed.sorted { $0.index < $1.index }
    }

    /// The errors that are the snippet's own (not at an earlier snippet's lines), as
    /// comparable words.
    static func ownErrors(of result: SnippetResult, plan: SessionPlan) -> Set<String> {
        Set(result.diagnostics.filter { $0.severity == .error && plan.part(holding: $0.location) == nil }.map(\.formatted))
    }

    /// The final verdict as the page's reader needs it: errors at earlier snippets' lines left
    /// to those snippets, and a failure that the snippet did not have with every earlier
    /// snippet in its program (`firstErrors`, its own errors then) saying which earlier
    /// snippet it depends on — one that failed on its own when there is one.
    static func worded(_ result: SnippetResult, plan: SessionPlan, failed: Set<SnippetPlace>, firstErrors: Set<String>) -> SnippetResult {
        guard result.status == .failed else { return result }
        var result = result
        let theirs = result.diagnostics.filter { $0.severity == .error && plan.part(holding: $0.location) != nil }
        var own = result.diagnostics.filter { diagnostic in !theirs.contains(diagnostic) }
        let blamed = (plan.leftOut + theirs.compactMap { plan.part(holding: $0.location) }).sorted { $0.index < $1.index }
        guard let first = blamed.first(where: { failed.contains(SnippetPlace($0)) }) ?? blamed.first else { return result }
        let ownErrors = own.filter { $0.severity == .error }
        if !ownErrors.isEmpty && ownErrors.allSatisfy({ firstErrors.contains($0.formatted) }) {
            result.diagnostics = own  // its own failure, with or without the earlier snippets
            return result
        }
        let place = "\(first.location.path):\(first.location.line)"
        // An earlier snippet that passed on its own can still break a later program (a name it
        // uses was declared again further down).
        let why = failed.contains(SnippetPlace(first)) ? "which failed" : "which cannot run before it"
        let note = Diagnostic(.note, .note, at: first.location, "depends on the snippet at \(place), \(why)")
        if ownErrors.isEmpty {
            own.append(.error(.dependsOnFailed, "snippet not verified: it depends on the snippet at \(place), \(why)", at: result.snippet.location))
        } else {
            own = own.map { diagnostic in
                guard diagnostic.severity == .error else { return diagnostic }
                var diagnostic = diagnostic
                diagnostic.notes.append(note)
                return diagnostic
            }
        }
        result.diagnostics = own
        return result
    }
}
