import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// JavaScript: each snippet runs as an ES module with `node` (`NodeInterpreter`), so `import`
/// and top-level `await` work; `js` and `mjs` fences are JavaScript too. Highlighted by Pygments.
struct JavaScriptLanguage: Language {
    init() {}

    var name: String { "javascript" }
    var aliases: [String] { ["js", "mjs"] }
    var displayName: String { "JavaScript" }
    var lineComment: String? { "//" }

    func declarations(in code: String) -> [Declaration] {
        JavaScriptDeclarations.extract(from: code)
    }

    func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        ScriptSource.make(for: snippet, named: named, language: self)
    }

    var tool: ToolRequirement? { NodeInterpreter.tool }

    func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        guard let node = await NodeInterpreter.locate(cacheDirectory: setup.workDirectory) else {
            throw LanguageUnavailable(language: name, reason: NodeInterpreter.tool.missingReason)
        }
        return ScriptVerifier(node)
    }
}
