import SwiftParser
import SwiftSyntax
import CheatgenVerification

/// A snippet's program rewritten to share a module with other snippets' (`MergedCompilation`),
/// or the reason it cannot be without changing what it means.
///
/// In its own module a snippet is a `main.swift`: its declarations are the module's, its
/// top-level variables are main-actor globals initialised in order as the code reaches them,
/// and its statements are the program. In a shared module the same file becomes:
/// - each declaration `fileprivate` (so two snippets' `Point`s never meet),
/// - each top-level variable a `@MainActor fileprivate` global — isolated as in `main.swift`,
///   so the compiler accepts and rejects the same uses of it — whose (lazy) initialiser runs
///   where the variable was declared, because the statements touch it there,
/// - the statements, in order, the body of a main-actor function the runner calls (async when
///   the code awaits at top level).
/// Anything whose meaning that could change keeps the snippet in a module of its own; the
/// reasons are what `--verbose` and the benchmark report.
enum MergeableSource {
    struct Rewritten: Equatable, Sendable {
        /// The file's text: declarations at file scope, then the body function.
        var text: String
        /// The body function's name (`cheatgen_body_<symbol>`), internal to the shared module.
        var body: String
        /// Whether the body is `async` (the code awaits at top level).
        var isAsync: Bool
        /// Whether the body `throws` (a `try` or `throw` at top level outside a catch-all `do`).
        var isThrowing: Bool
    }

    enum Verdict: Equatable, Sendable {
        case mergeable(Rewritten)
        case alone(reason: String)
    }

    static func rewrite(_ source: EffectiveSource, symbol: String) -> Verdict {
        guard !source.isLibrary else { return .alone(reason: "has @main") }
        guard source.sessionMarker == nil else { return .alone(reason: "runs in a session") }
        if let refusal = SwiftParseBudget.refusal(source.text) { return .alone(reason: refusal) }
        let tree = Parser.parse(source: source.text)
        guard !tree.hasError else { return .alone(reason: "does not parse") }
        if let reason = Scan.reasonToStayAlone(in: tree) { return .alone(reason: reason) }

        let converter = SourceLocationConverter(fileName: "", tree: tree)
        let declaredTypes = Set(tree.statements.compactMap { $0.item.as(DeclSyntax.self) }.compactMap(typeName))
        let referencedByDeclarations = Scan.namesReferenced(inDeclarationsOf: tree)
        var fileScope: [(String?, String)] = []
        var statements: [(String?, String)] = []
        var isAsync = false
        var isThrowing = false
        // The `#sourceLocation` in force: its file literal, its line, and the directive's own line.
        var location: (file: String, line: Int, at: Int)?

        /// The directive that gives a piece its Markdown line (nil: none in force there).
        func header(for node: some SyntaxProtocol) -> String? {
            let line = converter.location(for: node.positionAfterSkippingLeadingTrivia).line
            guard let location else { return nil }
            return "#sourceLocation(file: \(location.file), line: \(location.line + line - location.at - 1))"
        }

        for item in tree.statements {
            if let directive = item.item.as(PoundSourceLocationSyntax.self) {
                if let arguments = directive.arguments, let line = Int(arguments.lineNumber.text) {
                    let at = converter.location(for: directive.positionAfterSkippingLeadingTrivia).line
                    location = (arguments.fileName.trimmedDescription, line, at)
                } else {
                    location = nil
                }
                continue
            }
            let place = header(for: item)
            if let declaration = item.item.as(DeclSyntax.self) {
                if declaration.is(ImportDeclSyntax.self) {
                    fileScope.append((place, declaration.trimmedDescription))
                } else if let variable = declaration.as(VariableDeclSyntax.self) {
                    if variable.modifiers.map(\.name.tokenKind) == [.keyword(.async)] {
                        // `async let` lives in the body, as a child task of the program.
                        statements.append((place, item.trimmedDescription))
                        isAsync = true
                        continue
                    }
                    if isTaskHandle(variable) {
                        // `let t = Task { … }`: a closure in a global's value would not run on the
                        // main actor as top-level code's does; a Task handle is Sendable, so as a
                        // local of the body it is used exactly as the global was.
                        if Scan.awaits(item) { isAsync = true }
                        if Scan.uncaughtTry(in: item) != nil { isThrowing = true }
                        statements.append((place, item.trimmedDescription))
                        continue
                    }
                    switch global(variable) {
                    case .success(let names) where variable.bindings.allSatisfy({ $0.initializer.map { isLiteral($0.value) } ?? false })
                        && referencedByDeclarations.isDisjoint(with: names):
                        // A literal only top-level code uses stays a local of the body, so the
                        // compiler follows its value as it does in main.swift's top-level code
                        // ("will never be executed"); being a literal, it is Sendable, so
                        // nothing about isolation changes.
                        statements.append((place, item.trimmedDescription))
                    case .success(let names):
                        // As in main.swift: a variable is the main actor's; a constant of a type
                        // that is plainly Sendable may be read from anywhere.
                        let isolation = variable.bindingSpecifier.tokenKind == .keyword(.let)
                            && variable.bindings.allSatisfy { $0.initializer.map { isPlainlySendable($0.value) } ?? false } ? "" : "@MainActor "
                        fileScope.append((place, isolation + "fileprivate " + variable.trimmedDescription))
                        // Touched where it was declared: its initialiser runs there, in order.
                        statements.append((place, names.map { "_ = \($0)" }.joined(separator: "; ")))
                    case .failure(let refusal):
                        return .alone(reason: refusal.reason)
                    }
                } else {
                    switch filePrivate(declaration, declaredTypes: declaredTypes) {
                    case .success(let text): fileScope.append((place, text))
                    case .failure(let refusal): return .alone(reason: refusal.reason)
                    }
                }
            } else {
                if item.item.is(GuardStmtSyntax.self) { return .alone(reason: "has a top-level guard (its names outlive the statement)") }
                if item.item.is(DeferStmtSyntax.self) { return .alone(reason: "has a top-level defer") }
                if Scan.awaits(item) { isAsync = true }
                // Thrown out of top-level code, an error ends the program as a trap; the entry
                // point does the same with what the body throws.
                if Scan.uncaughtTry(in: item) != nil { isThrowing = true }
                statements.append((place, item.trimmedDescription))
            }
        }
        let body = "cheatgen_body_\(symbol)"
        var text = lines(fileScope)
        text += "@MainActor func \(body)()\(isAsync ? " async" : "")\(isThrowing ? " throws" : "") {\n"
        text += lines(statements) + "}\n"
        return .mergeable(Rewritten(text: text, body: body, isAsync: isAsync, isThrowing: isThrowing))
    }

    /// Pieces under their directives, each written only where it changes, and closed at the end.
    private static func lines(_ pieces: [(header: String?, text: String)]) -> String {
        var text = ""
        var open = false
        for piece in pieces {
            if let header = piece.header {
                text += header + "\n"
                open = true
            } else if open {
                text += "#sourceLocation()\n"
                open = false
            }
            text += piece.text + "\n"
        }
        return open ? text + "#sourceLocation()\n" : text
    }

    struct Refusal: Error { var reason: String }

    /// The names a top-level `let`/`var` binds, when it can be a global: every binding a name
    /// (or a tuple of names) with an initialiser that needs nothing only the program's flow has
    /// (no `await`, no `try`). A closure in a global's value is not the main actor's, as one in
    /// top-level code is: that is safe for one that runs where it is called (the compiler rejects
    /// main-actor state used in it, and the snippet goes alone), not for one that starts or
    /// awaits work, which would run elsewhere.
    private static func global(_ variable: VariableDeclSyntax) -> Result<[String], Refusal> {
        guard variable.attributes.isEmpty, variable.modifiers.isEmpty else {
            return .failure(Refusal(reason: "has a top-level variable with attributes or modifiers"))
        }
        var names: [String] = []
        for binding in variable.bindings {
            guard binding.accessorBlock == nil else { return .failure(Refusal(reason: "has a computed top-level variable")) }
            guard let bound = identifiers(in: binding.pattern) else {
                return .failure(Refusal(reason: "binds a top-level pattern"))
            }
            guard let initializer = binding.initializer else {
                return .failure(Refusal(reason: "declares a top-level variable without a value"))
            }
            if Scan.awaits(initializer) { return .failure(Refusal(reason: "awaits in a top-level variable's value")) }
            if Scan.uncaughtTry(in: initializer) != nil { return .failure(Refusal(reason: "tries in a top-level variable's value")) }
            if Scan.contains(initializer, ClosureExprSyntax.self), Scan.mentionsConcurrency(initializer) {
                return .failure(Refusal(reason: "has a closure that starts or awaits work in a top-level variable's value"))
            }
            names += bound
        }
        return .success(names)
    }

    /// `let name = Task { … }` or `Task.detached { … }`: a constant holding a task's handle.
    static func isTaskHandle(_ variable: VariableDeclSyntax) -> Bool {
        guard variable.bindingSpecifier.tokenKind == .keyword(.let), variable.attributes.isEmpty, variable.modifiers.isEmpty,
              variable.bindings.count == 1, let binding = variable.bindings.first, binding.typeAnnotation == nil,
              binding.pattern.is(IdentifierPatternSyntax.self),
              let call = binding.initializer?.value.as(FunctionCallExprSyntax.self) else { return false }
        let callee = call.calledExpression.trimmedDescription
        return callee == "Task" || callee == "Task.detached"
    }

    /// The names a pattern binds: a name, or a tuple of names (nil for anything else).
    private static func identifiers(in pattern: PatternSyntax) -> [String]? {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) { return [identifier.identifier.text] }
        guard let tuple = pattern.as(TuplePatternSyntax.self) else { return nil }
        var names: [String] = []
        for element in tuple.elements {
            guard let inner = identifiers(in: element.pattern) else { return nil }
            names += inner
        }
        return names
    }

    /// A literal value: a number, a string, a Boolean, nil, or a collection of them.
    private static func isLiteral(_ value: ExprSyntax) -> Bool {
        if value.is(IntegerLiteralExprSyntax.self) || value.is(FloatLiteralExprSyntax.self) || value.is(BooleanLiteralExprSyntax.self)
            || value.is(StringLiteralExprSyntax.self) || value.is(NilLiteralExprSyntax.self) { return true }
        if let prefix = value.as(PrefixOperatorExprSyntax.self) { return isLiteral(prefix.expression) }
        if let tuple = value.as(TupleExprSyntax.self) { return tuple.elements.allSatisfy { isLiteral($0.expression) } }
        if let array = value.as(ArrayExprSyntax.self) { return array.elements.allSatisfy { isLiteral($0.expression) } }
        if let dictionary = value.as(DictionaryExprSyntax.self) {
            guard case .elements(let elements) = dictionary.content else { return true }
            return elements.allSatisfy { isLiteral($0.key) && isLiteral($0.value) }
        }
        return false
    }

    /// A value whose type is Sendable by its look: a literal, a collection of them, an atomic
    /// or a mutex.
    private static func isPlainlySendable(_ value: ExprSyntax) -> Bool {
        if isLiteral(value) { return true }
        if let array = value.as(ArrayExprSyntax.self) { return array.elements.allSatisfy { isPlainlySendable($0.expression) } }
        if let call = value.as(FunctionCallExprSyntax.self), let callee = call.calledExpression.as(DeclReferenceExprSyntax.self) {
            return ["Atomic", "Mutex"].contains(callee.baseName.text)
        }
        // `AsyncStream.makeStream(of:)`: a stream and its continuation.
        if let call = value.as(FunctionCallExprSyntax.self), let member = call.calledExpression.as(MemberAccessExprSyntax.self),
           member.declName.baseName.text == "makeStream",
           ["AsyncStream", "AsyncThrowingStream"].contains(member.base?.trimmedDescription.prefix { $0 != "<" }.description ?? "") {
            return true
        }
        return false
    }

    /// The declaration kept to its file: `fileprivate` unless it says `private` or `fileprivate`
    /// already. An extension that adds a conformance cannot be; it is safe only on a type the
    /// snippet declares itself (two snippets may not both make `Int` conform to something).
    private static func filePrivate(_ declaration: DeclSyntax, declaredTypes: Set<String>) -> Result<String, Refusal> {
        if let extensionDecl = declaration.as(ExtensionDeclSyntax.self), extensionDecl.inheritanceClause != nil {
            let extended = extensionDecl.extendedType.trimmedDescription
            guard declaredTypes.contains(extended) else {
                return .failure(Refusal(reason: "adds a conformance to \(extended), a type it does not declare"))
            }
            return .success(extensionDecl.trimmedDescription)
        }
        let kinds: [any DeclSyntaxProtocol.Type] = [FunctionDeclSyntax.self, StructDeclSyntax.self, ClassDeclSyntax.self, EnumDeclSyntax.self,
                                                     ActorDeclSyntax.self, ProtocolDeclSyntax.self, TypeAliasDeclSyntax.self, ExtensionDeclSyntax.self]
        guard kinds.contains(where: { declaration.is($0) }), let withModifiers = declaration.asProtocol(WithModifiersSyntax.self) else {
            return .failure(Refusal(reason: "declares \(kindName(declaration)) at top level"))
        }
        let access = withModifiers.modifiers.map(\.name.tokenKind)
        if access.contains(.keyword(.private)) || access.contains(.keyword(.fileprivate)) { return .success(declaration.trimmedDescription) }
        if access.contains(where: { [.keyword(.public), .keyword(.open), .keyword(.internal), .keyword(.package)].contains($0) }) {
            return .failure(Refusal(reason: "gives a declaration an access level"))
        }
        // The modifier goes after the attributes; what separated the attributes from the rest
        // (a line break) stays where it was, so every line keeps its number.
        let hasAttributes = declaration.asProtocol(WithAttributesSyntax.self).map { !$0.attributes.isEmpty } ?? false
        var bare = withModifiers
        if !hasAttributes { bare.leadingTrivia = [] }
        var modifiers = bare.modifiers
        let leading: Trivia = hasAttributes ? .space : []
        modifiers.insert(DeclModifierSyntax(leadingTrivia: leading, name: .keyword(.fileprivate), trailingTrivia: .space), at: modifiers.startIndex)
        return .success(bare.with(\.modifiers, modifiers).trimmedDescription)
    }

    private static func typeName(_ declaration: DeclSyntax) -> String? {
        if let named = declaration.as(StructDeclSyntax.self) { return named.name.text }
        if let named = declaration.as(ClassDeclSyntax.self) { return named.name.text }
        if let named = declaration.as(EnumDeclSyntax.self) { return named.name.text }
        if let named = declaration.as(ActorDeclSyntax.self) { return named.name.text }
        return nil
    }

    private static func kindName(_ declaration: DeclSyntax) -> String {
        if declaration.is(OperatorDeclSyntax.self) { return "an operator" }
        if declaration.is(PrecedenceGroupDeclSyntax.self) { return "a precedence group" }
        if declaration.is(IfConfigDeclSyntax.self) { return "an #if block" }
        if declaration.is(MacroDeclSyntax.self) || declaration.is(MacroExpansionDeclSyntax.self) { return "a macro" }
        return "a \(declaration.kind)"
    }

    /// What the whole program is checked for before it is rewritten.
    private final class Scan: SyntaxVisitor {
        var reason: String?

        static func reasonToStayAlone(in tree: SourceFileSyntax) -> String? {
            let scan = Scan(viewMode: .sourceAccurate)
            scan.walk(tree)
            return scan.reason
        }

        override func visit(_ node: DeinitializerDeclSyntax) -> SyntaxVisitorContinueKind {
            // A global lives until exit; in the snippet's own module the same is true, but a
            // deinit's printing is the first thing a rewrite could move.
            reason = reason ?? "declares a deinit"
            return .skipChildren
        }

        override func visit(_ node: MacroExpansionExprSyntax) -> SyntaxVisitorContinueKind {
            // These name the module or the enclosing function, which the rewrite changes.
            if ["function", "fileID", "file", "filePath", "dsohandle"].contains(node.macroName.text) {
                reason = reason ?? "uses #\(node.macroName.text)"
            }
            return .visitChildren
        }

        override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
            // What prints a type's full name prints its module too, which the rewrite changes.
            if ["dump", "debugPrint", "Mirror"].contains(node.baseName.text) {
                reason = reason ?? "uses \(node.baseName.text), which prints module names"
            }
            return .visitChildren
        }

        override func visit(_ node: LabeledExprSyntax) -> SyntaxVisitorContinueKind {
            if node.label?.text == "reflecting" { reason = reason ?? "uses String(reflecting:), which prints module names" }
            return .visitChildren
        }

        override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
            if node.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "type",
               node.arguments.first?.label?.text == "of" {
                reason = reason ?? "uses type(of:), which may print module names"
            }
            return .visitChildren
        }

        /// Every name the program's declarations refer to, in a function's body or a global's
        /// value: a top-level variable they read must stay a global.
        static func namesReferenced(inDeclarationsOf tree: SourceFileSyntax) -> Set<String> {
            var names: Set<String> = []
            func collect(_ node: Syntax) {
                if let reference = node.as(DeclReferenceExprSyntax.self) { names.insert(reference.baseName.text) }
                for child in node.children(viewMode: .sourceAccurate) { collect(child) }
            }
            for item in tree.statements {
                guard let declaration = item.item.as(DeclSyntax.self) else { continue }
                if let variable = declaration.as(VariableDeclSyntax.self) {
                    // A task's handle is a local of the body like the constants it reads.
                    if MergeableSource.isTaskHandle(variable) { continue }
                    // A global's value may read a constant too (a literal's reads nothing).
                    for binding in variable.bindings where !(binding.initializer.map { isLiteral($0.value) } ?? true) {
                        collect(Syntax(binding))
                    }
                } else {
                    collect(Syntax(declaration))
                }
            }
            return names
        }

        /// Whether code names anything that starts, awaits or places work: `Task`, `await`,
        /// `async`, threads, dispatch queues, actors' isolation.
        static func mentionsConcurrency(_ syntax: some SyntaxProtocol) -> Bool {
            let words: Set<String> = ["Task", "await", "async", "Thread", "DispatchQueue", "MainActor", "isolated", "nonisolated",
                                      "withTaskGroup", "withThrowingTaskGroup", "withDiscardingTaskGroup", "withThrowingDiscardingTaskGroup"]
            return syntax.tokens(viewMode: .sourceAccurate).contains { words.contains($0.text) }
        }

        static func contains<Node: SyntaxProtocol>(_ syntax: some SyntaxProtocol, _ kind: Node.Type) -> Bool {
            if syntax.is(kind) { return true }
            return syntax.children(viewMode: .sourceAccurate).contains { contains($0, kind) }
        }

        /// Whether a top-level statement awaits outside any closure or function of its own.
        static func awaits(_ syntax: some SyntaxProtocol) -> Bool {
            if syntax.is(ClosureExprSyntax.self) || syntax.is(FunctionDeclSyntax.self) { return false }
            if syntax.is(AwaitExprSyntax.self) { return true }
            if let loop = syntax.as(ForStmtSyntax.self), loop.awaitKeyword != nil { return true }
            return syntax.children(viewMode: .sourceAccurate).contains { awaits($0) }
        }

        /// A `try` that, at top level, would end the program with "Error raised at top level": one
        /// outside a closure, a function and a `do` whose last `catch` catches everything.
        static func uncaughtTry(in syntax: some SyntaxProtocol) -> String? {
            if syntax.is(ClosureExprSyntax.self) || syntax.is(FunctionDeclSyntax.self) { return nil }
            if let tryExpr = syntax.as(TryExprSyntax.self), tryExpr.questionOrExclamationMark == nil {
                return "has a top-level try outside do/catch"
            }
            if let loop = syntax.as(ForStmtSyntax.self), loop.tryKeyword != nil { return "has a top-level for try outside do/catch" }
            if syntax.is(ThrowStmtSyntax.self) { return "throws at top level" }
            if let doStmt = syntax.as(DoStmtSyntax.self), let last = doStmt.catchClauses.last, last.catchItems.isEmpty {
                return doStmt.catchClauses.lazy.compactMap { uncaughtTry(in: $0) }.first
            }
            for child in syntax.children(viewMode: .sourceAccurate) {
                if let found = uncaughtTry(in: child) { return found }
            }
            return nil
        }
    }
}
