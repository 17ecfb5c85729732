import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// Python: each snippet runs as a script with `python3` (`PythonInterpreter`); `py` fences are
/// Python too. Highlighted by Pygments.
struct PythonLanguage: Language {
    init() {}

    var name: String { "python" }
    var aliases: [String] { ["py"] }
    var displayName: String { "Python" }
    var lineComment: String? { "#" }

    func declarations(in code: String) -> [Declaration] {
        PythonDeclarations.extract(from: code)
    }

    func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        ScriptSource.make(for: snippet, named: named, language: self)
    }

    /// A session is one namespace: each snippet's code runs after the earlier ones'.
    func prepare(_ snippet: Snippet, in session: SessionPlan, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic>? {
        .success(ScriptSource.makeSession(for: snippet, plan: session, language: self, printing: { "print(\"\($0)\", flush=True)" }))
    }

    var tool: ToolRequirement? { PythonInterpreter.tool }

    func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        guard let python = await PythonInterpreter.locate(cacheDirectory: setup.workDirectory) else {
            throw LanguageUnavailable(language: name, reason: PythonInterpreter.tool.missingReason)
        }
        return ScriptVerifier(python)
    }
}
