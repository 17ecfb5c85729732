import CheatgenModel

/// Checks the compiler's messages against a book test's `!$` lines: each expected diagnostic
/// must be among them with the same severity and message, and, where the book draws a caret
/// under its `!!` source line, at the same place in that line (the book trims indentation, so
/// the text from the caret on is compared, not the column number). Messages the book does not
/// list are not failures: it lists those it teaches.
enum BookTestDiagnostics {
    /// The problems, each at the `!$` line it is about.
    static func problems(_ program: BookTestProgram, compilerOutput: String, path: String) -> [Diagnostic] {
        let parsed = CompilerMessages.parse(compilerOutput)
        let actual = parsed.flatMap { [$0] + $0.notes }
        var problems: [Diagnostic] = []
        for expected in program.diagnostics {
            let at = SourceLocation(path: path, line: expected.line, column: 1)
            let same = actual.filter { $0.severity == expected.severity && Self.message($0.message) == Self.message(expected.message) }
            guard !same.isEmpty else {
                problems.append(.error(.missingExpectedError, "the compiler did not say '\(expected.severity.rawValue): \(expected.message)'", at: at,
                                       details: said(parsed)))
                continue
            }
            if let caret = expected.caret, let source = expected.source,
               !same.contains(where: { placed($0, caret: caret, source: source, path: path) }) {
                let book = String(source.dropFirst(caret.offset).prefix(caret.span))
                problems.append(.error(.missingExpectedError, "the compiler said '\(expected.severity.rawValue): \(expected.message)' elsewhere in the line than the book's caret (under '\(book.trimmed())')", at: at,
                                       details: same.compactMap(\.location).map { "  the compiler's: \($0.description)" }))
            }
        }
        return problems
    }

    /// Whether the message's column points at the text the book's caret points at. The book's
    /// caret lines lost their leading spaces in places (a caret at the start of its line, or a
    /// `~~~` range there, under text further right): such a caret is a lower bound, and the text
    /// the compiler points at, as long as the book's `^~~` span, must be in the book's line at
    /// or after it. A caret line that kept its indentation must point at the same text, give
    /// or take a column.
    private static func placed(_ message: Diagnostic, caret: BookTestProgram.Caret, source: String, path: String) -> Bool {
        // A place in another file (a note in the standard library's generated interface, laid
        // out anew by each compiler) is not compared.
        guard let location = message.location, location.path == path, let line = message.details.first else { return true }
        let column = location.column
        let pointed = String(line.dropFirst(max(column - 1, 0)).prefix(caret.span))
        guard !pointed.trimmed().isEmpty else { return true }
        if caret.lineWasTrimmed {
            guard caret.span > 1 else { return true }
            return String(source.dropFirst(caret.offset)).contains(pointed)
        }
        // Within a column: the book's carets were realigned by hand in places, one off.
        return [caret.offset, caret.offset + 1, caret.offset - 1].contains { $0 >= 0 && String(source.dropFirst($0)).hasPrefix(pointed) }
    }

    /// A message without the group Swift 6.2 and later name after it (`… is unused [#no-usage]`).
    static func message(_ text: String) -> String {
        text.replacing(#/ \[#[A-Za-z0-9_-]+\]$/#, with: "").trimmed()
    }

    /// What the compiler did say (errors and warnings), for the reader of a failure.
    private static func said(_ parsed: [Diagnostic]) -> [String] {
        let lines = parsed.filter { $0.severity != .note }.prefix(8).map { "    \($0.location?.description ?? "")\($0.location == nil ? "" : ": ")\($0.severity.rawValue): \($0.message)" }
        return lines.isEmpty ? ["  the compiler said nothing"] : ["  the compiler said:"] + lines
    }
}
