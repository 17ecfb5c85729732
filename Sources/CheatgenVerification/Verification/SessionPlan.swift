import CheatgenModel

/// What runs before a snippet on a `listings: cumulative` page, as a reader of a book takes
/// it: the snippets above it in the same language, in order — whole, `compile-only` ones too
/// (a book's listing without output has still run when the reader gets to the next), only
/// the declarations of `should-crash` ones — then a marker line, then the snippet.
/// `compile-fail` and `ignore` snippets take no part, nor do the Swift book's tests (programs
/// of their own); neither do earlier snippets left out because they failed.
package struct SessionPlan: Sendable, Hashable {
    package struct Part: Sendable, Hashable {
        package var snippet: Snippet
        /// Its statements run; otherwise only its top-level declarations are taken.
        package var runs: Bool
    }

    package var earlier: [Part]
    /// The line printed between the earlier snippets' output and the snippet's own. It hashes
    /// the whole program, so no snippet can print it by chance or on purpose.
    package var marker: String
    /// Earlier snippets left out of the program because they failed and broke it.
    package var leftOut: [Snippet]

    /// The plan for `snippet` among `page` (the sheet's snippets, in order), without `leftOut`
    /// (snippet indices on the page).
    package init(for snippet: Snippet, page: [Snippet], leavingOut leftOut: Set<Int> = []) {
        var earlier: [Part] = []
        var skipped: [Snippet] = []
        // The Swift book's tests are programs of their own, written in the book's test markup.
        for other in page where other.index < snippet.index && other.language == snippet.language && other.bookTestName == nil {
            if leftOut.contains(other.index) {
                skipped.append(other)
                continue
            }
            switch other.attributes.mode {
            case .run, .compileOnly: earlier.append(Part(snippet: other, runs: true))
            case .shouldCrash: earlier.append(Part(snippet: other, runs: false))
            case .compileFail, .ignore: continue
            }
        }
        self.earlier = earlier
        self.leftOut = skipped
        let key = Hashing.key(["session-marker", snippet.code] + earlier.flatMap { [$0.snippet.code, $0.runs ? "runs" : "declares"] })
        marker = "--- cheatgen session \(key.prefix(32)) ---"
    }

    /// The line printed before an earlier snippet's code runs, naming its fence line: when the
    /// program stops before the snippet, the last one printed says which snippet stopped it.
    package func marker(before part: Part) -> String {
        SessionOutput.marker(marker, before: part.snippet.location.line)
    }

    /// The earlier snippet whose Markdown lines hold `location`, if any.
    package func part(holding location: SourceLocation?) -> Snippet? {
        guard let location else { return nil }
        return earlier.first { SessionPlan.lines(of: $0.snippet).contains(location.line) && $0.snippet.path == location.path }?.snippet
    }

    /// A snippet's lines in its file: its fence through its closing fence and any block under it.
    static func lines(of snippet: Snippet) -> ClosedRange<Int> {
        let last = max(snippet.endLine, snippet.firstCodeLine)
        return snippet.location.line...last
    }
}
