import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// Terminal sessions: a `console` (or `shell-session`) block's `$ ` commands run in order in
/// one `bash` session, in a fresh folder of the block's own (with `fixture=DIR`'s files copied
/// in), and each command's output and exit status are compared with the lines under it
/// (`ShellSession`). Coloured by its own `SessionHighlighter`.
struct ShellSessionLanguage: Language {
    init() {}

    var name: String { "console" }
    var aliases: [String] { ["shell-session"] }
    var displayName: String { "Shell session" }
    var optionKeys: [String] { ["\(SessionFixture.key)="] }
    var highlighter: CodeHighlighter { .own(SessionHighlighter.html) }
    var writesOutputInCode: Bool { true }

    func checkOptions(_ options: [SnippetOption], mode: SnippetAttributes.Mode) -> [String] {
        var problems: [String] = []
        for option in options where option.key == SessionFixture.key && (option.value ?? "").isEmpty {
            problems.append("'fixture' needs a folder next to the sheet, as in fixture=examples/hello")
        }
        if options.count(where: { $0.key == SessionFixture.key }) > 1 {
            problems.append("a session takes one 'fixture' folder")
        }
        if mode == .compileOnly || mode == .compileFail {
            problems.append("a session runs its commands; '\(mode.rawValue)' does not apply to it")
        }
        return problems
    }

    /// A session's commands build on nothing: `uses=` brings no declarations.
    func declarations(in code: String) -> [Declaration] { [] }

    func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        if let expected = snippet.expectedOutput {
            return .failure(.error(.misplacedBlock, "a session's output is written under each of its commands, not in an 'output' block", at: expected.location))
        }
        if case .failure(let problem) = ShellSession.parse(snippet.code, firstLine: snippet.firstCodeLine, path: snippet.path) {
            return .failure(problem)
        }
        if let problem = SessionFixture.problem(in: snippet) { return .failure(problem) }
        let count = snippet.code.split(separator: "\n", omittingEmptySubsequences: false).count
        return .success(EffectiveSource(text: snippet.code, isLibrary: false, lineMap: (0..<count).map { snippet.firstCodeLine + $0 }))
    }

    var tool: ToolRequirement? { BashInterpreter.tool }

    func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        guard let bash = BashInterpreter.tool.locate(),
              let version = await ToolVersion.version(of: bash, linePrefix: "GNU bash", cacheDirectory: setup.workDirectory) else {
            throw LanguageUnavailable(language: name, reason: BashInterpreter.tool.missingReason)
        }
        return SessionVerifier(bash: bash, version: version.trimmed())
    }
}
