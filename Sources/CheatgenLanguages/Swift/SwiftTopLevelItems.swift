import SwiftParser
import SwiftSyntax
import CheatgenVerification

/// A snippet's top-level items (declarations and statements) with the names each declares —
/// what a session needs to let a later declaration replace an earlier one of the same name.
enum SwiftTopLevelItems {
    struct Item: Sendable {
        /// Its first line's offset within the snippet's code (0-based), and its text.
        var piece: Declaration
        /// The names it declares: `x`, `Point`, `greet(person:)` (a function by its full name,
        /// so overloads with other labels live side by side).
        var names: Set<String>
        /// The names of the variables among them (`let`, `var`).
        var variables: Set<String> = []
        var isDeclaration: Bool
    }

    private static let memo = Memo<String, [Item]>()

    static func items(of code: String) -> [Item] {
        memo.value(for: code) { parse(code) }
    }

    private static func parse(_ code: String) -> [Item] {
        if SwiftParseBudget.refusal(code) != nil {
            return [Item(piece: Declaration(lineOffset: 0, text: code), names: [], isDeclaration: false)]
        }
        let tree = Parser.parse(source: code)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        return tree.statements.map { statement in
            let line = converter.location(for: statement.positionAfterSkippingLeadingTrivia).line
            let declaration = statement.item.as(DeclSyntax.self)
            let declared = declaration.map(names) ?? []
            return Item(piece: Declaration(lineOffset: line - 1, text: statement.trimmedDescription), names: declared,
                        variables: declaration?.is(VariableDeclSyntax.self) == true ? declared : [], isDeclaration: declaration != nil)
        }
    }

    static func names(of declaration: DeclSyntax) -> Set<String> {
        if let variable = declaration.as(VariableDeclSyntax.self) {
            return Set(variable.bindings.flatMap { identifiers(in: $0.pattern) })
        }
        if let function = declaration.as(FunctionDeclSyntax.self) {
            let labels = function.signature.parameterClause.parameters.map { "\($0.firstName.text):" }.joined()
            return ["\(function.name.text)(\(labels))"]
        }
        if let named = declaration.asProtocol(NamedDeclSyntax.self), !declaration.is(MacroDeclSyntax.self),
           !declaration.is(PrecedenceGroupDeclSyntax.self) {
            return [named.name.text]
        }
        return []
    }

    private static func identifiers(in pattern: PatternSyntax) -> [String] {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) { return [identifier.identifier.text] }
        if let tuple = pattern.as(TuplePatternSyntax.self) { return tuple.elements.flatMap { identifiers(in: $0.pattern) } }
        return []
    }
}
