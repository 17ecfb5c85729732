import CheatgenVerification

/// What `uses=` brings from a Python snippet: its top-level imports, functions, classes
/// (with their decorators) and assignments — not its calls, prints or `asyncio.run(…)`.
enum PythonDeclarations {
    static func extract(from code: String) -> [Declaration] {
        TopLevelStatements.declarations(in: code, continues: isContinuation, isDeclaration: isDeclaration, trimmingBlankLines: false,
                                        continuing: linesInsideStatements(code))
    }

    /// The lines (0-based) that start inside a triple-quoted string, inside brackets, or after a
    /// backslash at the end of the line before: the statement above goes on there, even at column 0.
    static func linesInsideStatements(_ code: String) -> Set<Int> {
        let characters = Array(code)
        var result: Set<Int> = []
        var line = 0, depth = 0, index = 0
        var quote: [Character] = []  // the open string's delimiter: ', ", ''' or """
        var escapedNewline = false
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                line += 1
                if quote.count == 3 || depth > 0 || escapedNewline { result.insert(line) }
                if quote.count == 1 && !escapedNewline { quote = [] }  // a one-line string ends with its line
                escapedNewline = false
                index += 1
                continue
            }
            escapedNewline = false
            if !quote.isEmpty {
                if character == "\\" {
                    index += 1
                    if index < characters.count && characters[index] == "\n" { escapedNewline = quote.count == 1; continue }
                } else if characters[index...].starts(with: quote) {
                    index += quote.count - 1
                    quote = []
                }
                index += 1
                continue
            }
            switch character {
            case "#": while index + 1 < characters.count && characters[index + 1] != "\n" { index += 1 }
            case "\"", "'":
                quote = characters[index...].starts(with: [character, character, character]) ? [character, character, character] : [character]
                index += quote.count - 1
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            case "\\": escapedNewline = index + 1 < characters.count && characters[index + 1] == "\n"
            default: break
            }
            index += 1
        }
        return result
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
