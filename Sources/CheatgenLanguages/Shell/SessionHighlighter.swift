import CheatgenModel

/// Colours a session as a terminal shows it: the prompts (`$`, `>`) and `? N` status lines
/// stand out, commands and output are plain text. Pygments' session lexer drops a last output
/// line that has no newline after it, which every block's last line is.
enum SessionHighlighter {
    static func html(_ code: String) -> String {
        var continues = false
        return code.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line)
            let isPrompt = text.hasPrefix("$ ") || text == "$"
            let isContinuation = !isPrompt && (continues || text.hasPrefix("> ") || text == ">")
            defer { continues = (isPrompt || isContinuation) && text.hasSuffix("\\") }
            if isPrompt || isContinuation && (text.hasPrefix("> ") || text == ">") {
                return #"<span class="op">\#(HTML.escape(String(text.prefix(1))))</span>"# + HTML.escape(String(text.dropFirst()))
            }
            if !isContinuation, text.hasPrefix("? ") {
                return #"<span class="nu">\#(HTML.escape(text))</span>"#
            }
            return HTML.escape(text)
        }.joined(separator: "\n")
    }
}
