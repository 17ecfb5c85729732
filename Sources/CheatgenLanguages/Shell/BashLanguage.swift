import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// `bash` and `sh` blocks that have an `output` block: a script run by `bash` like any other
/// snippet (`BashInterpreter`). Without an `output` block such a block is shown, not run —
/// most shell code on a page is an example to read, not a program to check.
struct BashLanguage: Language {
    init() {}

    var name: String { "bash" }
    var aliases: [String] { ["sh"] }
    var displayName: String { "Bash" }
    var verifiedOnlyWithOutput: Bool { true }

    /// Shell functions and assignments are not separated from statements: `uses=` brings nothing.
    func declarations(in code: String) -> [Declaration] { [] }

    func prepare(_ snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        ScriptSource.make(for: snippet, named: named, language: self)
    }

    var tool: ToolRequirement? { BashInterpreter.tool }

    func verifier(_ setup: LanguageSetup) async throws -> any SnippetVerifier {
        guard let bash = BashInterpreter.tool.locate(),
              let version = await ToolVersion.version(of: bash, linePrefix: "GNU bash", cacheDirectory: setup.workDirectory) else {
            throw LanguageUnavailable(language: name, reason: BashInterpreter.tool.missingReason)
        }
        return ScriptVerifier(BashInterpreter(executable: bash, version: version.trimmed()))
    }
}
