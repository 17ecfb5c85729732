/// Swift: compiled by `swiftc` in language mode 6 (`SwiftVerifier`), highlighted by
/// swift-syntax, its `uses=` declarations found by swift-parser.
public struct SwiftLanguage: Language {
    public init() {}

    public var name: String { "swift" }
    public var displayName: String { "Swift" }
    public var isCompiled: Bool { true }
    public var highlighter: CodeHighlighter { .own(SwiftHighlighter.highlight) }

    public func declarations(in code: String) -> [Declaration] {
        SwiftDeclarations.extract(from: code)
    }

    public func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        SwiftSource.make(for: snippet, named: named)
    }

    public func badgeSettings(of snippet: Snippet) -> [String] {
        snippet.attributes.compilerSettings
    }

    /// The compiler's own wording: `error: …`.
    public func displayedError(_ message: String) -> String {
        "error: \(message)"
    }

    /// Asks the compiler, once per toolchain, what compiling and linking will run, while the
    /// sheets are parsed; answered from the work directory after the first run.
    public func warmUp(_ setup: LanguageSetup) async {
        await Toolchain.warmUp(cacheDirectory: setup.workDirectory, extraFlags: setup.configuration.swiftFlags)
    }

    /// Swift is what cheatgen is for: a missing `swiftc` is an error, not a skipped language.
    public func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        let toolchain = try await Toolchain.locate(cacheDirectory: setup.workDirectory)
        return SwiftVerifier(toolchain: toolchain, extraFlags: setup.configuration.swiftFlags, workDirectory: setup.workDirectory)
    }
}
