import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// Python doctests: a `pycon` fence, or a `python` fence whose first line is a `>>> ` prompt,
/// is a session of examples — `>>>`/`...` prompts, each followed by what it prints — run by
/// the standard library's `doctest` (`DoctestDriver`) in a fresh namespace per block. Each
/// failing example is reported at its own line; `bless` rewrites its expected lines.
struct DoctestLanguage: Language {
    init() {}

    var name: String { "pycon" }
    var displayName: String { "Python" }
    var writesOutputInCode: Bool { true }

    func claims(fence word: String, code: String) -> Bool {
        guard word == "python" || word == "py" else { return false }
        let first = code.split(separator: "\n", omittingEmptySubsequences: true).first { !$0.allSatisfy(\.isWhitespace) }
        return first.map(DoctestBlock.isPrompt) ?? false
    }

    func checkOptions(_ options: [SnippetOption], mode: SnippetAttributes.Mode) -> [String] {
        switch mode {
        case .run, .ignore: []
        case .shouldCrash: ["a doctest is not 'should-crash': write the traceback an example raises under it as its expected output"]
        case .compileOnly, .compileFail: ["a doctest is run, not compiled: '\(mode.rawValue)' does not apply to it"]
        }
    }

    /// What `uses=` takes from a doctest: nothing (its examples are statements of a session).
    func declarations(in code: String) -> [Declaration] { [] }

    /// The setup `uses=` brings — the declarations of the named Python snippets — then the
    /// block itself; a block with no prompt at all is an error at its fence.
    func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        let hasPrompt = snippet.code.split(separator: "\n").contains { line in DoctestBlock.isPrompt(line.drop { $0 == " " }) }
        guard hasPrompt else {
            return .failure(.error(.malformedBlock, "a 'pycon' block has no '>>> ' prompt: doctest would run nothing; write each example as '>>> code' with what it prints under it, or use a 'python' fence for a script",
                                   at: snippet.location))
        }
        return ScriptSource.make(for: snippet, named: named, language: PythonLanguage())
    }

    var tool: ToolRequirement? { PythonInterpreter.tool }

    func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        guard let python = await PythonInterpreter.locate(cacheDirectory: setup.workDirectory) else {
            throw LanguageUnavailable(language: name, reason: PythonInterpreter.tool.missingReason)
        }
        return DoctestVerifier(python: python)
    }
}
