import SwiftParser
import SwiftSyntax

/// The top-level declarations of a snippet — what `uses=` brings into another snippet.
/// Statements (prints, loops, awaits) stay behind: a snippet builds on another's helpers,
/// not on its output.
enum Declarations {
    struct Piece: Hashable, Sendable {
        /// Line offset of the declaration within the snippet's code (0-based).
        var lineOffset: Int
        var text: String
    }

    static func extract(from code: String) -> [Piece] {
        let tree = Parser.parse(source: code)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        var pieces: [Piece] = []
        for statement in tree.statements where statement.item.is(DeclSyntax.self) {
            let start = statement.positionAfterSkippingLeadingTrivia
            let line = converter.location(for: start).line
            pieces.append(Piece(lineOffset: line - 1, text: statement.trimmedDescription))
        }
        return pieces
    }

    /// Whether the code declares an `@main` type, which needs library-mode compilation.
    static func hasMainAttribute(_ code: String) -> Bool {
        code.split(separator: "\n").contains { line in
            let trimmed = line.trimmingPrefix(while: \.isWhitespace)
            return trimmed.hasPrefix("@main") && (trimmed.count == 5 || !(trimmed.dropFirst(5).first!.isLetter || trimmed.dropFirst(5).first!.isNumber || trimmed.dropFirst(5).first! == "_"))
        }
    }
}
