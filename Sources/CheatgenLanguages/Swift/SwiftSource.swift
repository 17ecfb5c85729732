import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// A Swift snippet's program: the declarations it `uses=`, then its own code, each under a
/// `#sourceLocation` so compiler errors and runtime traps name the Markdown file and line.
enum SwiftSource {
    /// Builds the source of `snippet`, resolving `uses=` (transitively) against `named`.
    /// Returns a diagnostic for a `uses=` cycle or a name no snippet has.
    static func make(for snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic> {
        let order: [Snippet]
        switch UsesResolution.order(for: snippet, named: named) {
        case .success(let snippets): order = snippets
        case .failure(let problem): return .failure(problem)
        }

        var text = ""
        let file = swiftStringLiteral(snippet.path)
        for used in order {
            for piece in SwiftDeclarations.extract(from: used.code) {
                text += "#sourceLocation(file: \(file), line: \(used.firstCodeLine + piece.lineOffset))\n"
                text += piece.text + "\n"
            }
        }
        text += "#sourceLocation(file: \(file), line: \(snippet.firstCodeLine))\n"
        text += snippet.code
        if !snippet.code.hasSuffix("\n") { text += "\n" }
        text += "#sourceLocation()\n"
        return .success(EffectiveSource(text: text, isLibrary: SwiftDeclarations.hasMainAttribute(snippet.code)))
    }

    static func swiftStringLiteral(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
