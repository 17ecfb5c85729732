/// JavaScript: each snippet runs as an ES module with `node` (`NodeInterpreter`), so `import`
/// and top-level `await` work; `js` and `mjs` fences are JavaScript too. Highlighted by Pygments.
public struct JavaScriptLanguage: Language {
    public init() {}

    public var name: String { "javascript" }
    public var aliases: [String] { ["js", "mjs"] }
    public var displayName: String { "JavaScript" }

    public func declarations(in code: String) -> [Declaration] {
        JavaScriptDeclarations.extract(from: code)
    }

    public func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        ScriptSource.make(for: snippet, named: named, language: self)
    }

    public func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        guard let node = await NodeInterpreter.locate(cacheDirectory: setup.workDirectory) else {
            throw LanguageUnavailable(language: name, reason: "'node' was not found on PATH (install Node.js 20 or later, e.g. Debian's nodejs, or set CHEATGEN_NODE)")
        }
        return ScriptVerifier(node)
    }
}
