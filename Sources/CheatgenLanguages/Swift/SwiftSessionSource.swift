import CheatgenModel
import CheatgenVerification

/// A Swift snippet's program on a `listings: cumulative` page: the snippets before it (their
/// statements, or only their declarations for those that are not run), a line printing the
/// session's marker, then the snippet itself — each under a `#sourceLocation` naming its own
/// Markdown lines. A top-level name declared again by a later snippet (or the snippet itself)
/// means the later declaration from there on: an earlier variable of that name is renamed in
/// the snippets that used it, an earlier function or type is left out of the program.
enum SwiftSessionSource {
    /// Nil for a snippet with `@main`, which is a program of its own.
    static func make(for snippet: Snippet, plan: SessionPlan) -> EffectiveSource? {
        guard !SwiftDeclarations.hasMainAttribute(snippet.code) else { return nil }
        let parts = plan.earlier.filter { !SwiftDeclarations.hasMainAttribute($0.snippet.code) }
        let file = SwiftSource.swiftStringLiteral(snippet.path)
        let declared = parts.map { SwiftTopLevelItems.items(of: $0.snippet.code) }
        let own = Set(SwiftTopLevelItems.items(of: snippet.code).flatMap(\.names))
        // The names declared after each part: an earlier declaration of one of them is replaced.
        var later = own
        var replaced: [Set<String>] = Array(repeating: [], count: parts.count)
        for index in parts.indices.reversed() {
            replaced[index] = later
            later.formUnion(declared[index].flatMap(\.names))
        }
        // A variable declared again is renamed, with its uses, in the snippets from its own up
        // to the one declaring it again: they ran with it, and their statements still do.
        var renames: [[String: String]] = Array(repeating: [:], count: parts.count)
        for (index, items) in declared.enumerated() {
            for name in Set(items.flatMap(\.variables)) {
                let next = parts.indices.dropFirst(index + 1).first { declared[$0].contains { $0.names.contains(name) } }
                guard let end = next ?? (own.contains(name) ? parts.count : nil) else { continue }
                for renamed in index..<end { renames[renamed][name] = "\(name)__cheatgen\(parts[index].snippet.index)" }
            }
        }
        var text = ""
        for (index, part) in parts.enumerated() {
            let code = SwiftRenamer.rename(part.snippet.code, renames[index])
            let items = SwiftTopLevelItems.items(of: code)
            // A function or type declared again is left out; so is a declaration of several
            // names when one of them is.
            let kept = { (item: SwiftTopLevelItems.Item) in !item.variables.isEmpty || item.names.isDisjoint(with: replaced[index]) }
            if part.runs {
                text += "#sourceLocation(file: \(file), line: \(part.snippet.location.line))\n"
                text += "Swift.print(\(SwiftSource.swiftStringLiteral(plan.marker(before: part))))\n"
            }
            if part.runs && items.allSatisfy(kept) {
                text += "#sourceLocation(file: \(file), line: \(part.snippet.firstCodeLine))\n"
                text += code + (code.hasSuffix("\n") ? "" : "\n")
                continue
            }
            for item in items where (part.runs || item.isDeclaration) && kept(item) {
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
