/// HTML comments (`<!-- … -->`): how writers hide notes — and, in Apple's books, tests — in
/// Markdown. They are never shown and never warned about.
enum HTMLComments {
    /// The text without its comments; an unclosed `<!--` hides the rest, as in a browser.
    static func removing(from text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Whether the text is comments and white space only.
    static func isOnlyComments(_ text: String) -> Bool {
        text.contains("<!--") && removing(from: text).allSatisfy(\.isWhitespace)
    }
}
