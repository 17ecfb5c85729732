import Yams
import CheatgenModel

/// The index page's two facts about a sheet: `kind: cheatsheet | guide` and `pages: 2`.
enum SheetKindParser {
    static func kind(_ node: Node, location: SourceLocation, diagnostics: inout [Diagnostic]) -> SheetKind? {
        let choices = SheetKind.allCases.map(\.rawValue).joined(separator: " or ")
        guard case .scalar(let scalar) = node, let kind = SheetKind(rawValue: scalar.string.lowercased()) else {
            let written = node.scalar.map { "'\($0.string)'" } ?? "a list or mapping"
            diagnostics.append(.error(.invalidFrontMatterValue, "'kind' must be \(choices), not \(written)", at: location))
            return nil
        }
        return kind
    }

    /// A whole number of printed pages, at least 1.
    static func pages(_ node: Node, location: SourceLocation, diagnostics: inout [Diagnostic]) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let count = node.int, count >= 1 else {
            let written = node.scalar.map { "'\($0.string)'" } ?? "a list or mapping"
            diagnostics.append(.error(.invalidFrontMatterValue, "'pages' must be a whole number of printed pages, 1 or more, not \(written)", at: location))
            return nil
        }
        return count
    }
}
