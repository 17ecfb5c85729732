import CheatgenModel
import CheatgenParsing

/// How a script language prepares a snippet: the `uses=` declarations its language finds in
/// the named snippets, then the snippet's own code, with every line mapped to the Markdown.
package enum ScriptSource {
    package static func make(for snippet: Snippet, named: [String: Snippet], language: any Language) -> Result<EffectiveSource, Diagnostic> {
        let order: [Snippet]
        switch UsesResolution.order(for: snippet, named: named) {
        case .success(let snippets): order = snippets
        case .failure(let problem): return .failure(problem)
        }
        var program = MappedLines()
        func add(_ code: String, from line: Int) { program.add(code, from: line) }
        for used in order {
            for declaration in language.declarations(in: used.code) {
                add(declaration.text, from: used.firstCodeLine + declaration.lineOffset)
            }
        }
        add(snippet.code, from: snippet.firstCodeLine)
        return .success(program.source)
    }

    /// The program of a snippet on a `listings: cumulative` page: the earlier snippets (whole,
    /// or only their declarations when they are not run), each after a line printing its
    /// marker (`printing` is the language's way to print a line), the session's marker, then
    /// the snippet. A later binding of a name simply rebinds it, as in an interactive session.
    package static func makeSession(for snippet: Snippet, plan: SessionPlan, language: any Language, printing: (String) -> String) -> EffectiveSource {
        var program = MappedLines()
        func add(_ code: String, from line: Int) { program.add(code, from: line) }
        for part in plan.earlier {
            if part.runs {
                add(printing(plan.marker(before: part)), from: part.snippet.location.line)
                add(part.snippet.code, from: part.snippet.firstCodeLine)
            } else {
                for declaration in language.declarations(in: part.snippet.code) {
                    add(declaration.text, from: part.snippet.firstCodeLine + declaration.lineOffset)
                }
            }
        }
        add(printing(plan.marker), from: snippet.location.line)
        add(snippet.code, from: snippet.firstCodeLine)
        var source = program.source
        source.sessionMarker = plan.marker
        return source
    }
}

/// A program put together from pieces of Markdown, each line remembering the Markdown line it
/// came from.
struct MappedLines {
    private(set) var lines: [String] = []
    private(set) var lineMap: [Int] = []

    /// Appends `code`, whose first line is Markdown line `line`.
    mutating func add(_ code: String, from line: Int) {
        for (offset, text) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines.append(String(text))
            lineMap.append(line + offset)
        }
    }

    /// The lines as a script's source.
    var source: EffectiveSource { EffectiveSource(text: lines.joined(separator: "\n") + "\n", isLibrary: false, lineMap: lineMap) }
}
