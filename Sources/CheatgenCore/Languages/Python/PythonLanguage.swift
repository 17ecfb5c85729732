/// Python: each snippet runs as a script with `python3` (`PythonInterpreter`); `py` fences are
/// Python too. Highlighted by Pygments.
public struct PythonLanguage: Language {
    public init() {}

    public var name: String { "python" }
    public var aliases: [String] { ["py"] }
    public var displayName: String { "Python" }

    public func declarations(in code: String) -> [Declaration] {
        PythonDeclarations.extract(from: code)
    }

    public func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        ScriptSource.make(for: snippet, named: named, language: self)
    }

    public func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        guard let python = await PythonInterpreter.locate(cacheDirectory: setup.workDirectory) else {
            throw LanguageUnavailable(language: name, reason: "'python3' was not found on PATH (install Python 3 or set CHEATGEN_PYTHON)")
        }
        return ScriptVerifier(python)
    }
}
