import CheatgenVerification

/// What `uses=` brings from a Python snippet: its top-level imports, functions, classes
/// (with their decorators) and assignments — not its calls, prints or `asyncio.run(…)`.
enum PythonDeclarations {
    static func extract(from code: String) -> [Declaration] {
        TopLevelStatements.declarations(in: code, continues: isContinuation, isDeclaration: isDeclaration, trimmingBlankLines: false)
    }

    private static func isContinuation(_ line: String) -> Bool {
        guard let first = line.first else { return true }
        return first == " " || first == "\t" || first == ")" || first == "]" || first == "}"
    }

    private static func isDeclaration(_ line: String) -> Bool {
        for prefix in ["import ", "from ", "def ", "async def ", "class ", "@"] where line.hasPrefix(prefix) { return true }
        // NAME = …, NAME: T = …  (not ==, not calls)
        let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "," || $0 == " " }
        let rest = line.dropFirst(name.count)
        guard !name.trimmed().isEmpty, let first = name.first, first.isLetter || first == "_" else { return false }
        if rest.hasPrefix("=") && !rest.hasPrefix("==") { return true }
        if rest.hasPrefix(":") { return rest.contains("=") }
        return false
    }
}
