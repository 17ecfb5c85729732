import CheatgenModel
import CheatgenLanguages

/// The program a reader copies from a page: what was verified, as one file that compiles (or
/// runs) as pasted — the declarations brought in by `uses=` (transitively, in order), then the
/// snippet's own code with its hidden lines in place and the hide/show markers left out.
/// Unlike `EffectiveSource`, it carries no `#sourceLocation` lines: they name the Markdown file.
enum CompleteProgram {
    static func text(for snippet: Snippet, named: [String: Snippet]) -> String {
        var lines: [String] = []
        if case .success(let used) = UsesResolution.order(for: snippet, named: named) {
            for other in used {
                lines += declarations(of: other)
            }
        }
        if !lines.isEmpty { lines.append("") }
        lines += snippet.code.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !HiddenLines.isHide($0) && !HiddenLines.isShow($0) }.map(String.init)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `uses=` takes from a snippet, by its language, as the verifier takes it.
    private static func declarations(of snippet: Snippet) -> [String] {
        (LanguageRegistry.language(snippet.language)?.declarations(in: snippet.code) ?? []).map(\.text)
    }
}
