import SwiftParser
import SwiftSyntax
import Foundation
import CheatgenParsing
import CheatgenVerification
import Synchronization

/// The top-level declarations of a snippet — what `uses=` brings into another snippet.
/// Statements (prints, loops, awaits) stay behind: a snippet builds on another's helpers,
/// not on its output.
enum SwiftDeclarations {
    /// Helpers are used by many snippets; parse each one once per process.
    private static let memo = Memo<String, [Declaration]>()

    static func extract(from code: String) -> [Declaration] {
        memo.value(for: code) { parse(code) }
    }

    private static func parse(_ code: String) -> [Declaration] {
        // Code too costly to parse is taken whole; if it is not all declarations, the
        // compiler says so at its line.
        if SwiftParseBudget.refusal(code) != nil { return [Declaration(lineOffset: 0, text: code)] }
        let tree = Parser.parse(source: code)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        var pieces: [Declaration] = []
        for statement in tree.statements where statement.item.is(DeclSyntax.self) {
            let start = statement.positionAfterSkippingLeadingTrivia
            let line = converter.location(for: start).line
            pieces.append(Declaration(lineOffset: line - 1, text: statement.trimmedDescription))
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

/// A small thread-safe memo table.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    func value(for key: Key, compute: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let value = compute()
        values.withLock { $0[key] = value }
        return value
    }
}
