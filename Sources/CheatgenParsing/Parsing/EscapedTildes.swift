import CheatgenModel

/// `\~` is a tilde that never strikes through. cmark core, which has no strikethrough, turns it
/// into a plain `~` in text, indistinguishable from one typed bare; so before cmark reads the
/// source each escaped tilde becomes a mark (U+0080, two bytes like `\~`, so columns stay),
/// and once strikethrough is done the mark becomes `~` again in text and `\~` where escapes do
/// not apply (code, raw HTML). A source that already holds the mark is left as it is.
enum EscapedTildes {
    static let mark: Unicode.Scalar = "\u{80}"

    /// The source with its escaped tildes marked, or nil when there is nothing to mark.
    static func marking(_ markdown: String) -> String? {
        guard markdown.containsBytes("\\~"), !markdown.unicodeScalars.contains(mark) else { return nil }
        var result = String.UnicodeScalarView()
        var backslashes = 0
        for scalar in markdown.unicodeScalars {
            if scalar == "~", backslashes % 2 == 1 {
                result.removeLast()
                result.append(mark)
                backslashes = 0
                continue
            }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
            result.append(scalar)
        }
        return String(result)
    }

    /// Text where the escape was read: the tilde itself.
    static func text(_ string: String) -> String {
        string.unicodeScalars.contains(mark) ? string.replacingOccurrences(of: String(Character(mark)), with: "~") : string
    }

    /// Text where backslashes are literal (code, raw HTML): the escape as written.
    static func literal(_ string: String) -> String {
        string.unicodeScalars.contains(mark) ? string.replacingOccurrences(of: String(Character(mark)), with: "\\~") : string
    }

    static func restoring(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .text(let string): return .text(text(string))
            case .code(let string): return .code(literal(string))
            case .html(let string): return .html(literal(string))
            case .emphasis(let children): return .emphasis(restoring(children))
            case .strong(let children): return .strong(restoring(children))
            case .strikethrough(let children): return .strikethrough(restoring(children))
            case .link(var link):
                link.destination = text(link.destination)
                link.title = text(link.title)
                link.children = restoring(link.children)
                return .link(link)
            case .image(let source, let title, let alt):
                return .image(source: text(source), title: text(title), alt: restoring(alt))
            case .softBreak, .lineBreak, .footnoteReference: return inline
            }
        }
    }
}
