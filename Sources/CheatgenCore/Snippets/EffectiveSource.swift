/// The program actually compiled for a snippet: the declarations it `uses=`, then its own code
/// (hidden lines included), each under a `#sourceLocation` so compiler errors and runtime
/// traps name the Markdown file and line.
public struct EffectiveSource: Hashable, Sendable {
    public var text: String
    /// Whether it must be compiled as a library file (`@main` instead of top-level code).
    public var isLibrary: Bool
    /// For languages without `#sourceLocation`: the Markdown line of each line of `text`.
    public var lineMap: [Int] = []

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
            for piece in Declarations.extract(from: used.code) {
                text += "#sourceLocation(file: \(file), line: \(used.firstCodeLine + piece.lineOffset))\n"
                text += piece.text + "\n"
            }
        }
        text += "#sourceLocation(file: \(file), line: \(snippet.firstCodeLine))\n"
        text += snippet.code
        if !snippet.code.hasSuffix("\n") { text += "\n" }
        text += "#sourceLocation()\n"
        return .success(EffectiveSource(text: text, isLibrary: Declarations.hasMainAttribute(snippet.code)))
    }

    private static func swiftStringLiteral(_ value: String) -> String {
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
