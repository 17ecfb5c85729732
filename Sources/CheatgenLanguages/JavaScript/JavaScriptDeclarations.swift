import CheatgenVerification

/// What `uses=` brings from a JavaScript snippet: its top-level `import`s, functions, classes
/// and `const`/`let`/`var` declarations (with `export` or not) — not its calls, logs or
/// top-level `await`s. A top-level statement runs from a line that starts at column 0 to the
/// next such line that does not close or continue it (`}`, `)`, `]`, `.then(…)`).
enum JavaScriptDeclarations {
    static func extract(from code: String) -> [Declaration] {
        // A statement's trailing blank lines are not part of it.
        TopLevelStatements.declarations(in: code, continues: isContinuation, isDeclaration: isDeclaration, trimmingBlankLines: true)
    }

    private static func isContinuation(_ line: String) -> Bool {
        guard let first = line.first else { return true }
        return first == " " || first == "\t" || first == "}" || first == ")" || first == "]" || first == "."
    }

    private static let keywords = ["import ", "import{", "function ", "function*", "async function", "class ", "const ", "let ", "var "]

    private static func isDeclaration(_ line: String) -> Bool {
        var text = Substring(line)
        if text.hasPrefix("export ") { text = text.dropFirst("export ".count) }
        if text.hasPrefix("default ") { text = text.dropFirst("default ".count) }
        // `import(…)` is a call, `import.meta` an expression.
        if text.hasPrefix("import(") || text.hasPrefix("import.") { return false }
        return keywords.contains { text.hasPrefix($0) }
    }
}
