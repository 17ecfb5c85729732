import Foundation

/// Build-time highlighting with Pygments for every fenced language but Swift (which
/// swift-syntax classifies): Python snippets and the `bash`, `js`, `yaml`… blocks of any sheet.
/// No Swift library lexes these; Pygments is what Python's own documentation uses, and one
/// subprocess per build over every block keeps it cheap (a 347-sheet site starts it once).
/// Token types map onto the same short CSS classes the Swift highlighter uses, so one
/// stylesheet colours all of them. A language Pygments does not know is shown as plain text.
enum PygmentsHighlighter {
    /// A block to highlight: its fence's language and its code.
    struct Block: Hashable, Codable, Sendable {
        var language: String
        var code: String
    }

    private static let script = #"""
    import html, json, sys
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
    from pygments.token import Comment, Keyword, Name, Number, Operator, String
    def css(kind):
        for token, name in ((Comment, "co"), (String, "st"), (Number, "nu"), (Keyword, "kw"),
                            (Name.Decorator, "at"), (Name.Attribute, "at"), (Name.Tag, "kw"),
                            (Name.Builtin, "ty"), (Name.Class, "ty"), (Operator, "op")):
            if kind in token:
                return name
        return None
    lexers = {}
    def lexer(name):
        if name not in lexers:
            try:
                lexers[name] = get_lexer_by_name(name, stripnl=False, ensurenl=False)
            except ClassNotFound:
                lexers[name] = None
        return lexers[name]
    out = []
    for block in json.load(open(sys.argv[1], encoding="utf-8")):
        found = lexer(block["language"].lower()) if block["language"] else None
        if found is None:
            out.append(None)
            continue
        parts = []
        for kind, text in found.get_tokens(block["code"]):
            name = css(kind)
            escaped = html.escape(text, quote=True).replace("&#x27;", "&#39;")
            parts.append(f'<span class="{name}">{escaped}</span>' if name and text.strip() else escaped)
        out.append("".join(parts))
    json.dump(out, sys.stdout)
    """#

    /// Highlights each block; a block whose language Pygments does not know is left out (the
    /// page shows it as plain text). Nil when Python or Pygments is not available.
    static func highlight(_ blocks: [Block], scratch: String) async -> [Block: String]? {
        guard !blocks.isEmpty else { return [:] }
        let unique = Array(Set(blocks)).sorted { ($0.language, $0.code) < ($1.language, $1.code) }
        let input = "\(scratch)/pygments-input-\(ProcessInfo.processInfo.processIdentifier).json"
        defer { try? FileManager.default.removeItem(atPath: input) }
        guard let data = try? JSONEncoder().encode(unique), FileManager.default.createFile(atPath: input, contents: data),
              let python = await PythonLanguage.locate(),
              let outcome = try? await ProcessRunner.run(python.interpreter, arguments: ["-c", script, input], timeout: .seconds(300), outputLimit: 512 << 20),
              outcome.succeeded,
              let html = try? JSONDecoder().decode([String?].self, from: Data(outcome.standardOutput)),
              html.count == unique.count else { return nil }
        var result: [Block: String] = [:]
        for (block, highlighted) in zip(unique, html) {
            if let highlighted { result[block] = highlighted }
        }
        return result
    }
}
