/// A diagnostic's stable name, as swift-docc gives each of its problems one: the wording of a
/// message may improve from release to release, the identifier does not. Tests, the JUnit report
/// (`<failure type=…>`), GitHub annotations and `--diagnostic-ids` use it, so that scripts and
/// tests match what went wrong instead of an English sentence.
///
/// Identifiers read `area.what`, lowercase with dashes. They are all declared here, so that the
/// list is the documentation (README, "Diagnostics") and no two problems share a name by accident.
package struct DiagnosticID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package let rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }

    private init(_ rawValue: String) { self.rawValue = rawValue }

    package var description: String { rawValue }

    /// A note under another diagnostic: "first used here", "called from here".
    package static let note = DiagnosticID("note")

    // MARK: Files and sheets

    /// A sheet or folder that cannot be read or listed.
    package static let unreadableFile = DiagnosticID("file.unreadable")
    /// A sheet that is not UTF-8 text (or holds a NUL byte).
    package static let invalidEncoding = DiagnosticID("file.encoding")
    /// A sheet's file name that cannot name a page.
    package static let invalidSheetName = DiagnosticID("sheet.invalid-name")
    /// Two sheets with the same id, or names differing only in case; two pages of a DocC
    /// catalog with one name (a warning: the second gets a longer id).
    package static let duplicateSheet = DiagnosticID("sheet.duplicate")

    // MARK: Front matter and cheatgen.yml

    /// An empty sheet, a page with neither front matter nor a `# ` title, or front matter never
    /// closed.
    package static let missingFrontMatter = DiagnosticID("front-matter.missing")
    /// Front matter that is not YAML.
    package static let invalidFrontMatterYAML = DiagnosticID("front-matter.yaml")
    /// A front matter key with a value of the wrong kind, or a required key missing.
    package static let invalidFrontMatterValue = DiagnosticID("front-matter.value")
    /// A front matter key cheatgen does not know (a warning).
    package static let unknownFrontMatterKey = DiagnosticID("front-matter.unknown-key")
    /// `cheatgen.yml` that is not YAML or not a mapping.
    package static let invalidConfigYAML = DiagnosticID("config.yaml")
    /// A `cheatgen.yml` setting with a value of the wrong kind.
    package static let invalidConfigValue = DiagnosticID("config.value")
    /// A setting that moved (to its language's section).
    package static let movedConfigSetting = DiagnosticID("config.moved-setting")
    /// A setting cheatgen or a language does not know (a warning).
    package static let unknownConfigSetting = DiagnosticID("config.unknown-setting")

    // MARK: Package dependencies

    /// A `dependencies:` entry that cannot be understood.
    package static let invalidDependency = DiagnosticID("dependency.invalid")
    /// A dependency key cheatgen does not know (a warning).
    package static let unknownDependencyKey = DiagnosticID("dependency.unknown-key")
    /// A declared package that did not build (and the snippets that needed it).
    package static let dependencyBuildFailed = DiagnosticID("dependency.build-failed")

    // MARK: Markdown

    /// A code fence that is never closed.
    package static let unclosedCodeBlock = DiagnosticID("markdown.unclosed-code-block")
    /// Lists or quotes nested deeper than cheatgen reads.
    package static let nestedTooDeep = DiagnosticID("markdown.nested-too-deep")
    /// Raw HTML shown as text (a warning).
    package static let rawHTML = DiagnosticID("markdown.raw-html")
    /// A Liquid tag removed from the page (a warning).
    package static let liquidTag = DiagnosticID("markdown.liquid-tag")
    /// A `{: …}` attribute list that is misplaced or malformed (a warning).
    package static let attributeList = DiagnosticID("markdown.attribute-list")
    /// A `#` heading read as a section (a warning).
    package static let headingLevel = DiagnosticID("markdown.heading-level")
    /// A DocC `@Directive` block cheatgen leaves out unread, or one never closed (a warning).
    package static let directive = DiagnosticID("markdown.directive")
    /// A footnote defined twice or never referred to (a warning).
    package static let footnote = DiagnosticID("markdown.footnote")
    /// Two headings with the same anchor (a warning; the later one gets a suffix).
    package static let duplicateAnchor = DiagnosticID("markdown.duplicate-anchor")

    // MARK: Links between sheets

    /// A link to a sheet or anchor that does not exist.
    package static let unresolvedLink = DiagnosticID("link.unresolved")
    /// A `related:` sheet that does not exist.
    package static let unresolvedRelated = DiagnosticID("link.unresolved-related")
    /// A `twins:` entry whose anchor or sheet does not exist.
    package static let unresolvedTwin = DiagnosticID("link.unresolved-twin")

    // MARK: Snippets as written

    /// A snippet attribute that is unknown, malformed or not for this language.
    package static let invalidAttribute = DiagnosticID("snippet.attribute")
    /// An `output` or `error` block without a snippet, twice, or under the wrong kind of snippet.
    package static let misplacedBlock = DiagnosticID("snippet.misplaced-block")
    /// A block that cannot be read the way its language writes it: a doctest without a `>>> `
    /// prompt, a shell session line left open or a `? ` status with no command above it.
    package static let malformedBlock = DiagnosticID("snippet.malformed")
    /// Two snippets of a sheet with the same `id=`.
    package static let duplicateSnippetID = DiagnosticID("snippet.duplicate-id")
    /// A `uses=` naming no snippet, or forming a cycle.
    package static let unresolvedUses = DiagnosticID("snippet.unresolved-uses")
    /// Code that is shown but not verified, and why (a warning): a block inside a list, an
    /// editor placeholder, a book test that needs what Linux lacks.
    package static let notVerified = DiagnosticID("snippet.not-verified")
    /// A listing whose book test (the `swifttest` comment under it) cannot be found or read.
    package static let bookTestMissing = DiagnosticID("snippet.book-test-missing")
    /// Snippets of a language this machine cannot run.
    package static let languageUnavailable = DiagnosticID("snippet.language-unavailable")

    // MARK: Compiling

    /// A snippet the compiler (or the interpreter's parser) rejects.
    package static let compileError = DiagnosticID("compile.error")
    /// A compiler warning (an error under `warnings-as-errors`).
    package static let compileWarning = DiagnosticID("compile.warning")
    /// A `compile-fail` snippet that compiled.
    package static let unexpectedlyCompiled = DiagnosticID("compile.unexpected-success")
    /// A compile-fail snippet whose `error` block names a message the compiler did not give.
    package static let missingExpectedError = DiagnosticID("compile.missing-expected-error")
    /// A snippet that compiled but did not link.
    package static let linkError = DiagnosticID("compile.link-error")

    // MARK: Running

    /// What the snippet printed differs from its expected output.
    package static let outputMismatch = DiagnosticID("run.output-mismatch")
    /// A snippet that exited with a non-zero status.
    package static let exitStatus = DiagnosticID("run.exit-status")
    /// A snippet that crashed (a trap, a signal).
    package static let crashed = DiagnosticID("run.crashed")
    /// A `should-crash` snippet that exited normally.
    package static let expectedCrash = DiagnosticID("run.expected-crash")
    /// An uncaught error or exception in a script.
    package static let uncaughtError = DiagnosticID("run.uncaught-error")
    /// A data race the sanitizer reported.
    package static let dataRace = DiagnosticID("run.data-race")
    /// A snippet killed at its time limit.
    package static let timedOut = DiagnosticID("run.timed-out")
    /// A snippet that ran longer than its `max-time`.
    package static let overMaxTime = DiagnosticID("run.over-max-time")
    /// A snippet stopped at its memory, process or output limit.
    package static let overLimit = DiagnosticID("run.over-limit")
    /// A snippet that changed the repository.
    package static let changedRepository = DiagnosticID("run.changed-repository")
    /// A snippet of a cumulative page that never ran: the snippets before it stopped the program.
    package static let stoppedEarlier = DiagnosticID("run.stopped-earlier")
    /// A snippet of a cumulative page that cannot be verified without an earlier one that failed.
    package static let dependsOnFailed = DiagnosticID("run.depends-on-failed")
    /// A snippet whose runs (`--repeat`) did not all agree.
    package static let flaky = DiagnosticID("run.flaky")

    // MARK: Known failures

    /// A snippet that fails as the known-failures list says it does (a warning: it does not fail
    /// the run, and the page's badge says so).
    package static let knownFailure = DiagnosticID("snippet.known-failure")
    /// A snippet the known-failures list names that passes now: its entry must go.
    package static let knownFailurePasses = DiagnosticID("known-failures.passes")
    /// A listed snippet that fails with another diagnostic than the list names.
    package static let knownFailureChanged = DiagnosticID("known-failures.different-failure")
    /// An entry of the list that names no snippet of the content (a warning).
    package static let knownFailureStale = DiagnosticID("known-failures.stale-entry")
    /// A line of the list that cannot be read.
    package static let knownFailureMalformed = DiagnosticID("known-failures.malformed")

    // MARK: Bless

    /// A snippet `bless` leaves as it is, and why (a warning).
    package static let notBlessed = DiagnosticID("bless.skipped")
    /// An expected block `bless` rewrote (a note).
    package static let blessed = DiagnosticID("bless.rewritten")
}
