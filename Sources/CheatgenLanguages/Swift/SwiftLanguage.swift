import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// Swift: compiled by `swiftc` in language mode 6 (`SwiftVerifier`), highlighted by
/// swift-syntax, its `uses=` declarations found by swift-parser.
struct SwiftLanguage: Language {
    init() {}

    var name: String { "swift" }
    var displayName: String { "Swift" }
    var lineComment: String? { "//" }
    var isCompiled: Bool { true }
    var highlighter: CodeHighlighter { .own(SwiftHighlighter.highlight) }

    /// swift-syntax is not asked to parse code that would keep it busy for seconds.
    func plainReason(for code: String) -> String? {
        SwiftParseBudget.refusal(code).map { "this Swift code is shown without highlighting because \($0): swift-syntax would take too long to parse it" }
    }

    /// `<#condition#>`: an editor placeholder, which syntax summaries use for what the reader
    /// fills in; the compiler rejects it, so such code is a template, not a program.
    func templateReason(for code: String) -> String? {
        guard let open = code.range(of: "<#"), code[open.upperBound...].contains("#>") else { return nil }
        return "it has editor placeholders (<#…#>) to fill in"
    }

    func declarations(in code: String) -> [Declaration] {
        SwiftDeclarations.extract(from: code)
    }

    func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        BookTestSource.make(for: snippet, named: named) ?? SwiftSource.make(for: snippet, named: named)
    }

    func prepare(_ snippet: Snippet, in session: SessionPlan, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic>? {
        SwiftSessionSource.make(for: snippet, plan: session).map { .success($0) }
    }

    var optionKeys: [String] { SwiftSnippetOptions.keys }

    func checkOptions(_ options: [SnippetOption], mode: SnippetAttributes.Mode) -> [String] {
        SwiftSnippetOptions.parse(options, mode: mode).problems
    }

    func checkSettings(_ section: LanguageSection?) -> [Diagnostic] {
        SwiftSettings.read(section).diagnostics
    }

    func badgeSettings(of snippet: Snippet) -> [String] {
        SwiftSnippetOptions(snippet.attributes).compilerSettings
    }

    func badgeChecks(_ checks: SnippetResult.Checks) -> [(mark: String, sentence: String)] {
        (checks.notes.contains(SwiftVerifier.threadSanitizerNote)
            ? [("no data race (TSan)", "ThreadSanitizer watched it run and reported no data race")] : [])
            + (checks.notes.contains(BookTestVerifier.verifiedNote)
                ? [("verified by the book's test", "The Swift book's own test under this listing passed")] : [])
    }

    /// The compiler's own wording: `error: …`.
    func displayedError(_ message: String) -> String {
        "error: \(message)"
    }

    /// Asks the compiler, once per toolchain, what compiling and linking will run, while the
    /// sheets are parsed; answered from the work directory after the first run.
    func warmUp(_ setup: LanguageSetup) async {
        await Toolchain.warmUp(cacheDirectory: setup.workDirectory, extraFlags: SwiftSettings.read(setup.section(for: name)).settings.flags)
    }

    var tool: ToolRequirement? { Toolchain.tool }

    /// Swift is what cheatgen is for: a missing `swiftc` is an error, not a skipped language.
    func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        let toolchain = try await Toolchain.locate(cacheDirectory: setup.workDirectory)
        return SwiftVerifier(toolchain: toolchain, settings: SwiftSettings.read(setup.section(for: name)).settings, workDirectory: setup.workDirectory)
    }
}
