import Foundation

/// Build-time Python highlighting with Pygments, the maintained Python lexer, run once per
/// build over every Python block. No Swift library lexes Python; Pygments is what Python's own
/// documentation uses, and a single subprocess keeps it cheap. Token types map onto the same
/// short CSS classes the Swift highlighter uses, so one stylesheet colours both.
enum PythonHighlighter {
    private static let script = #"""
    import html, json, sys
    from pygments.lexers import PythonLexer
    from pygments.token import Comment, Keyword, Name, Number, Operator, String
    def css(kind):
        for token, name in ((Comment, "co"), (String, "st"), (Number, "nu"), (Keyword, "kw"),
                            (Name.Decorator, "at"), (Name.Builtin, "ty"), (Name.Class, "ty"), (Operator, "op")):
            if kind in token:
                return name
        return None
    lexer = PythonLexer(stripnl=False, ensurenl=False)
    out = []
    for code in json.load(open(sys.argv[1], encoding="utf-8")):
        parts = []
        for kind, text in lexer.get_tokens(code):
            name = css(kind)
            escaped = html.escape(text, quote=True).replace("&#x27;", "&#39;")
            parts.append(f'<span class="{name}">{escaped}</span>' if name and text.strip() else escaped)
        out.append("".join(parts))
    json.dump(out, sys.stdout)
    """#

    /// Highlights each code string; returns nil when Python or Pygments is not available.
    static func highlight(_ codes: [String], scratch: String) async -> [String: String]? {
        guard !codes.isEmpty else { return [:] }
        let unique = Array(Set(codes)).sorted()
        let input = "\(scratch)/pygments-input-\(ProcessInfo.processInfo.processIdentifier).json"
        defer { try? FileManager.default.removeItem(atPath: input) }
        guard let data = try? JSONEncoder().encode(unique), FileManager.default.createFile(atPath: input, contents: data),
              let python = await PythonLanguage.locate(),
              let outcome = try? await ProcessRunner.run(python.interpreter, arguments: ["-c", script, input], timeout: .seconds(120), outputLimit: 256 << 20),
              outcome.succeeded,
              let html = try? JSONDecoder().decode([String].self, from: Data(outcome.standardOutput)),
              html.count == unique.count else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(unique, html))
    }
}
