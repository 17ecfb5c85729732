/// One language cheatgen verifies: everything the rest of the pipeline asks about it — the
/// names its fences use, what `uses=` takes from a snippet, how its code is highlighted, what
/// its badge says — and the verifier that compiles or runs its snippets. Each language lives
/// in its own folder under `Languages/` and is registered once, in `LanguageRegistry`; nothing
/// outside `Languages/` compares a language's name.
protocol Language: Sendable {
    /// The name snippets carry, the fence's first word: `swift`, `python`, `javascript`.
    var name: String { get }
    /// Other first words of a fence that mean this language (`py`, `js`).
    var aliases: [String] { get }
    /// How a reader knows it: `Swift`, `Python`, `JavaScript`.
    var displayName: String { get }
    /// Whether its snippets are compiled before they run (the badge says so) or run as written.
    var isCompiled: Bool { get }
    /// How its code is coloured on a page.
    var highlighter: CodeHighlighter { get }
    /// Why `code` is shown without colours (its highlighter would take too long), or nil.
    /// Said as a warning at the block's fence when the sheet is parsed.
    func plainReason(for code: String) -> String?
    /// The top-level declarations of a snippet's code: what `uses=` brings into another
    /// snippet (and what the copy button puts above it). Statements stay behind.
    func declarations(in code: String) -> [Declaration]
    /// The program that is actually compiled or run for `snippet`: the declarations of the
    /// snippets it `uses=` (resolved against `named`), then its own code.
    func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic>
    /// What the badge names besides the version: settings that change what the snippet means
    /// (`Swift 5 language mode`).
    func badgeSettings(of snippet: Snippet) -> [String]
    /// A message the compiler or checker gave, as shown under a `compile-fail` snippet.
    func displayedError(_ message: String) -> String
    /// Work worth starting while the sheets are still being parsed (asking a compiler what
    /// it will need). Never fails: what it cannot do, the verifier does later.
    func warmUp(_ setup: LanguageSetup) async
    /// Finds the language's tools and returns its verifier. Throws `LanguageUnavailable` when
    /// they are missing (each of its snippets then fails, saying why), any other error when
    /// the run cannot go on.
    func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier
}

extension Language {
    var aliases: [String] { [] }
    var isCompiled: Bool { false }
    var highlighter: CodeHighlighter { .pygments }
    func plainReason(for code: String) -> String? { nil }
    func badgeSettings(of snippet: Snippet) -> [String] { [] }
    func displayedError(_ message: String) -> String { message }
    func warmUp(_ setup: LanguageSetup) async {}
}
