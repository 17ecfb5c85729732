import CheatgenModel
import CheatgenParsing

/// The verdict on one snippet.
package struct SnippetResult: Sendable, Hashable {
    package enum Status: String, Sendable, Hashable, Codable {
        case passed, failed, skipped
    }

    package var snippet: Snippet
    package var status: Status
    /// Why it failed (empty when it passed).
    package var diagnostics: [Diagnostic]
    /// For `compile-fail` snippets: the compiler's error lines, shown on the page.
    package var compilerErrors: [String]
    /// How long compiling and running took, in seconds.
    package var duration: Double
    /// The verdict came from the cache, nothing was compiled or run.
    package var cached: Bool
    /// How the run ended, when the snippet was run in this invocation.
    package var ending: RunEnding? {
        get { details?.value.ending }
        set { details(\.ending, newValue) }
    }
    /// What it printed, when it was run in this invocation (what `bless` writes).
    package var actualOutput: String? {
        get { details?.value.actualOutput }
        set { details(\.actualOutput, newValue) }
    }
    /// For a snippet that writes its expected output in its own code (a doctest, a shell session), what `bless`
    /// writes there; nil for one whose output goes in an `output` block.
    package var outputInCode: OutputInCode? {
        get { details?.value.outputInCode }
        set { details(\.outputInCode, newValue) }
    }
    /// What the verdict rests on besides the snippet's mode: shown in its badge.
    package var checks: Checks {
        get { details?.value.checks ?? Checks() }
        set { details(\.checks, newValue) }
    }
    /// It failed because the compiler rejected it: the same source fails the same way, so the
    /// verdict may be cached like a pass.
    package var isCompileFailure = false
    /// For a failure the known-failures list names with this diagnostic, its entry. Decided after
    /// verification, on every run, and never cached: the verdict stays what it is.
    package var knownFailure: KnownFailureList.Entry? {
        get { details?.value.knownFailure }
        set { details(\.knownFailure, newValue) }
    }

    /// What only a snippet that ran (or a known failure) has, behind one pointer that is nil for
    /// the rest: a build keeps a verdict for every snippet shown, and these fields inline made
    /// each verdict 256 bytes (50 MB of a 10,000-sheet build, whose snippets are all `ignore`).
    private struct Details: Hashable, Sendable {
        var ending: RunEnding?
        var actualOutput: String?
        var outputInCode: OutputInCode?
        var checks = Checks()
        var knownFailure: KnownFailureList.Entry?
    }

    private indirect enum Boxed: Hashable, Sendable {
        case value(Details)
        var value: Details { switch self { case .value(let details): details } }
    }

    private var details: Boxed?

    /// Sets one of the details; all of them at their defaults are stored as nil, so that equal
    /// results compare and hash equal however they were made.
    private mutating func details<Value>(_ field: WritableKeyPath<Details, Value>, _ value: Value) {
        var changed = details?.value ?? Details()
        changed[keyPath: field] = value
        details = changed == Details() ? nil : .value(changed)
    }

    /// The extra checks a run went through.
    package struct Checks: Sendable, Hashable, Codable {
        /// How many times it ran, all with the same verdict (`--repeat`).
        package var runs = 1
        /// Checks only its language makes, which passed, by that language's names for them
        /// (`swift.thread-sanitizer`); the language words them on the badge.
        package var notes: [String] = []
        /// The time limit every run finished within (`max-time=`), when it was checked.
        package var maxTime: Double?

        package init(runs: Int = 1, notes: [String] = [], maxTime: Double? = nil) {
            self.runs = runs
            self.notes = notes
            self.maxTime = maxTime
        }
    }


    /// How a snippet's process ended, as far as `bless` and reports care.
    package enum RunEnding: Sendable, Hashable {
        case exited(Int32)
        case crashed(signal: Int32)
        case timedOut
        case tooMuchOutput
        /// Stopped at its memory limit, or it changed the repository.
        case brokeConfinement(String)

        init(_ outcome: ProcessOutcome) {
            if outcome.timedOut { self = .timedOut }
            else if outcome.exceededOutputLimit { self = .tooMuchOutput }
            else if outcome.exceededMemoryLimit { self = .brokeConfinement("it exceeded its memory limit") }
            else if !outcome.changedRepository.isEmpty { self = .brokeConfinement("it changed the repository") }
            else {
                switch outcome.ending {
                case .exited(let code): self = .exited(code)
                case .signaled(let signal): self = .crashed(signal: signal)
                }
            }
        }
    }

    package init(snippet: Snippet, status: Status, diagnostics: [Diagnostic] = [], compilerErrors: [String] = [], duration: Double = 0, cached: Bool = false) {
        self.snippet = snippet
        self.status = status
        self.diagnostics = diagnostics
        self.compilerErrors = compilerErrors
        self.duration = duration
        self.cached = cached
    }
}
