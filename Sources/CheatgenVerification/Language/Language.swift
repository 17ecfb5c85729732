import CheatgenModel
import CheatgenParsing

/// One language cheatgen verifies: everything the rest of the pipeline asks about it — the
/// names its fences use, what `uses=` takes from a snippet, how its code is highlighted, what
/// its badge says — and the verifier that compiles or runs its snippets. Each language lives
/// in its own folder under `Languages/` and is registered once, in `LanguageRegistry`; nothing
/// outside `Languages/` compares a language's name.
package protocol Language: Sendable {
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
    /// Whether its blocks are snippets only when an `output` block follows them (`bash`: most
    /// shell code on a page is shown, not run); otherwise every block of it is a snippet.
    var verifiedOnlyWithOutput: Bool { get }
    /// The attributes only its snippets take (`language-mode=`, `sanitize=`), as the parser's
    /// "known" list shows them (a trailing `=` for those that take a value).
    var optionKeys: [String] { get }
    /// Checks a snippet's own attribute words (`SnippetAttributes.languageOptions`) for a snippet
    /// of `mode`; each problem is a sentence that the parser places at the fence.
    func checkOptions(_ options: [SnippetOption], mode: SnippetAttributes.Mode) -> [String]
    /// Checks its section of `cheatgen.yml` (`swift: { flags: … }`; nil when there is none).
    func checkSettings(_ section: LanguageSection?) -> [Diagnostic]
    /// Whether a fence whose first word names another language (`python`) is this language's
    /// by its code (a doctest's `>>> ` prompt); asked before the word's own language.
    func claims(fence word: String, code: String) -> Bool
    /// Whether its snippets write what they must print in their own code (a doctest's
    /// examples, a session's lines under each command), not in an `output` block: the badge says their output was checked.
    var writesOutputInCode: Bool { get }
    /// Why `code` is shown without colours (its highlighter would take too long), or nil.
    /// Said as a warning at the block's fence when the sheet is parsed.
    func plainReason(for code: String) -> String?
    /// What starts a comment to the end of the line (`//`, `#`): where `Prints "…"` comments,
    /// an expected output written in the code, are read from. Nil: the language has none.
    var lineComment: String? { get }
    /// Why `code` is a template to fill in rather than a program (Swift's `<#placeholder#>`,
    /// as syntax summaries write it), or nil. A template is shown, not verified.
    func templateReason(for code: String) -> String?
    /// The top-level declarations of a snippet's code: what `uses=` brings into another
    /// snippet (and what the copy button puts above it). Statements stay behind.
    func declarations(in code: String) -> [Declaration]
    /// The program that is actually compiled or run for `snippet`: the declarations of the
    /// snippets it `uses=` (resolved against `named`), then its own code.
    func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic>
    /// The program for `snippet` run after the snippets before it on its page
    /// (`listings: cumulative`), printing `session.marker` before its own code; nil when the
    /// language runs each snippet on its own.
    func prepare(_ snippet: Snippet, in session: SessionPlan, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic>?
    /// What the badge names besides the version: settings that change what the snippet means
    /// (`Swift 5 language mode`).
    func badgeSettings(of snippet: Snippet) -> [String]
    /// The badge's words for checks only this language makes, as a short mark and a sentence
    /// for the tooltip (`no data race (TSan)`), from the verdict's notes.
    func badgeChecks(_ checks: SnippetResult.Checks) -> [(mark: String, sentence: String)]
    /// A message the compiler or checker gave, as shown under a `compile-fail` snippet.
    func displayedError(_ message: String) -> String
    /// Work worth starting while the sheets are still being parsed (asking a compiler what
    /// it will need). Never fails: what it cannot do, the verifier does later.
    func warmUp(_ setup: LanguageSetup) async
    /// The program snippets run with, as `cheatgen doctor` names it; nil when none is needed.
    var tool: ToolRequirement? { get }

    /// Finds the language's tools and returns its verifier. Throws `LanguageUnavailable` when
    /// they are missing (each of its snippets then fails, saying why), any other error when
    /// the run cannot go on.
    func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier
}

extension Language {
    package var tool: ToolRequirement? { nil }
    package var aliases: [String] { [] }
    package var isCompiled: Bool { false }
    package var highlighter: CodeHighlighter { .pygments }
    package var verifiedOnlyWithOutput: Bool { false }
    package var optionKeys: [String] { [] }
    package var lineComment: String? { nil }
    package func checkOptions(_ options: [SnippetOption], mode: SnippetAttributes.Mode) -> [String] { [] }
    package func checkSettings(_ section: LanguageSection?) -> [Diagnostic] {
        (section?.settings ?? []).map { .warning(.unknownConfigSetting, "unknown \(displayName) setting '\($0.key)' is ignored; \(displayName) has none", at: $0.keyLocation) }
    }
    package func badgeSettings(of snippet: Snippet) -> [String] { [] }
    package func prepare(_ snippet: Snippet, in session: SessionPlan, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic>? { nil }
    package func badgeChecks(_ checks: SnippetResult.Checks) -> [(mark: String, sentence: String)] { [] }

    /// What the parser and the renderer are told of it.
    package var catalogEntry: LanguageCatalog.Entry {
        let language = self
        return LanguageCatalog.Entry(name: name, aliases: aliases, displayName: displayName, colouredByPygments: highlighter.needsPygments,
                                     optionKeys: optionKeys, lineComment: lineComment, verifiedOnlyWithOutput: verifiedOnlyWithOutput, checkOptions: { language.checkOptions($0, mode: $1) },
                                     plainReason: { language.plainReason(for: $0) }, templateReason: { language.templateReason(for: $0) },
                                     claims: { language.claims(fence: $0, code: $1) })
    }
    package func claims(fence word: String, code: String) -> Bool { false }
    package var writesOutputInCode: Bool { false }
    package func plainReason(for code: String) -> String? { nil }
    package func templateReason(for code: String) -> String? { nil }
    package func displayedError(_ message: String) -> String { message }
    package func warmUp(_ setup: LanguageSetup) async {}
}
