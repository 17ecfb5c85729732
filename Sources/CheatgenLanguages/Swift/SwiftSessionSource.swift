import CheatgenModel
import CheatgenVerification

/// A Swift snippet's program on a `listings: cumulative` page: the snippets before it (their
/// statements, or only their declarations for those that are not run), a line printing the
/// session's marker, then the snippet itself — each under a `#sourceLocation` naming its own
/// Markdown lines. A top-level name declared again by a later snippet (or the snippet itself)
/// is declared by that later one only: the earlier declaration is left out of the program.
enum SwiftSessionSource {
    /// Nil for a snippet with `@main`, which is a program of its own.
    static func make(for snippet: Snippet, plan: SessionPlan) -> EffectiveSource? {
        guard !SwiftDeclarations.hasMainAttribute(snippet.code) else { return nil }
        let parts = plan.earlier.filter { !SwiftDeclarations.hasMainAttribute($0.snippet.code) }
        let file = SwiftSource.swiftStringLiteral(snippet.path)
        // The names declared after each part: an earlier declaration of one of them is replaced.
        var later = Set(SwiftTopLevelItems.items(of: snippet.code).flatMap(\.names))
        var replaced: [Set<String>] = Array(repeating: [], count: parts.count)
        for index in parts.indices.reversed() {
            replaced[index] = later
            later.formUnion(SwiftTopLevelItems.items(of: parts[index].snippet.code).flatMap(\.names))
        }
        var text = ""
        for (part, replacedNames) in zip(parts, replaced) {
            let items = SwiftTopLevelItems.items(of: part.snippet.code)
            // A declaration of several names (`var x = 0, y = 0`) goes when any of them is replaced.
            let dropsSome = items.contains { !$0.names.isDisjoint(with: replacedNames) }
            if part.runs && !dropsSome {
                text += "#sourceLocation(file: \(file), line: \(part.snippet.firstCodeLine))\n"
                text += part.snippet.code + (part.snippet.code.hasSuffix("\n") ? "" : "\n")
                continue
            }
            for item in items where (part.runs || item.isDeclaration) && item.names.isDisjoint(with: replacedNames) {
                text += "#sourceLocation(file: \(file), line: \(part.snippet.firstCodeLine + item.piece.lineOffset))\n"
                text += item.piece.text + "\n"
            }
        }
        if !text.isEmpty { text += "#sourceLocation()\n" }
        text += "Swift.print(\(SwiftSource.swiftStringLiteral(plan.marker)))\n"
        text += "#sourceLocation(file: \(file), line: \(snippet.firstCodeLine))\n"
        text += snippet.code
        if !snippet.code.hasSuffix("\n") { text += "\n" }
        text += "#sourceLocation()\n"
        var source = EffectiveSource(text: text, isLibrary: false)
        source.sessionMarker = plan.marker
        return source
    }
}
