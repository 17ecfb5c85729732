import SwiftParser
import SwiftSyntax

/// Renames variables in a snippet's code — its declarations of them and every use — so that a
/// session program can hold an earlier `var total` next to a later one: the earlier snippets
/// keep seeing theirs, as they did when they ran. Member names (`.total`, a type's own
/// `total`) and argument labels stay; a parameter or closure parameter of that name is
/// renamed with its uses, so the code means what it meant.
enum SwiftRenamer {
    private static let memo = Memo<[String], String>()

    static func rename(_ code: String, _ names: [String: String]) -> String {
        guard !names.isEmpty, SwiftParseBudget.refusal(code) == nil else { return code }
        let key = [code] + names.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        return memo.value(for: key) {
            Rewriter(names).rewrite(Parser.parse(source: code)).description
        }
    }

    private final class Rewriter: SyntaxRewriter {
        let names: [String: String]

        init(_ names: [String: String]) {
            self.names = names
            super.init(viewMode: .sourceAccurate)
        }

        private func renamed(_ token: TokenSyntax) -> TokenSyntax? {
            guard case .identifier(let text) = token.tokenKind, let new = names[text] else { return nil }
            return token.with(\.tokenKind, .identifier(new))
        }

        override func visit(_ node: DeclReferenceExprSyntax) -> ExprSyntax {
            if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return ExprSyntax(node) }
            guard let new = renamed(node.baseName) else { return ExprSyntax(node) }
            return ExprSyntax(node.with(\.baseName, new))
        }

        override func visit(_ node: IdentifierPatternSyntax) -> PatternSyntax {
            guard let new = renamed(node.identifier) else { return PatternSyntax(node) }
            return PatternSyntax(node.with(\.identifier, new))
        }

        override func visit(_ node: FunctionParameterSyntax) -> FunctionParameterSyntax {
            let node = super.visit(node)
            if let second = node.secondName, let new = renamed(second) { return node.with(\.secondName, new) }
            if node.secondName == nil, let new = renamed(node.firstName) {
                // `f(total: Int)` keeps its label: `f(total total__1: Int)`.
                return node.with(\.firstName, node.firstName.with(\.trailingTrivia, .space)).with(\.secondName, new.with(\.leadingTrivia, []))
            }
            return node
        }

        override func visit(_ node: ClosureParameterSyntax) -> ClosureParameterSyntax {
            let node = super.visit(node)
            if let second = node.secondName, let new = renamed(second) { return node.with(\.secondName, new) }
            if node.secondName == nil, let new = renamed(node.firstName) { return node.with(\.firstName, new) }
            return node
        }

        override func visit(_ node: ClosureShorthandParameterSyntax) -> ClosureShorthandParameterSyntax {
            guard let new = renamed(node.name) else { return node }
            return node.with(\.name, new)
        }

        /// A type's members keep their names.
        override func visit(_ node: MemberBlockSyntax) -> MemberBlockSyntax { node }
    }
}
