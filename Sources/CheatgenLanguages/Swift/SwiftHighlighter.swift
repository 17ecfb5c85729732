import SwiftIDEUtils
import SwiftParser
import SwiftSyntax
import CheatgenModel

/// Build-time Swift highlighting from swift-syntax's own classification: each classified range
/// becomes a `<span class="…">`, everything escaped.
enum SwiftHighlighter {
    /// Code that `SwiftParseBudget` refuses is shown plain (the sheet's parse warned about it).
    static func highlight(_ code: String) -> String {
        if SwiftParseBudget.refusal(code) != nil { return HTML.escape(code) }
        let tree = Parser.parse(source: code)
        let bytes = Array(code.utf8)
        var html = ""
        var cursor = 0
        for classified in tree.classifications {
            let start = classified.range.lowerBound.utf8Offset
            let end = classified.range.upperBound.utf8Offset
            guard start >= cursor, end <= bytes.count, start < end else { continue }
            if start > cursor { html += HTML.escape(String(decoding: bytes[cursor..<start], as: UTF8.self)) }
            let text = HTML.escape(String(decoding: bytes[start..<end], as: UTF8.self))
            if let name = cssClass(classified.kind) {
                html += "<span class=\"\(name)\">\(text)</span>"
            } else {
                html += text
            }
            cursor = end
        }
        if cursor < bytes.count { html += HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self)) }
        return html
    }

    /// Short class names keep pages small; the stylesheet names the colours.
    static func cssClass(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: "kw"
        case .attribute: "at"
        case .type: "ty"
        case .stringLiteral, .regexLiteral: "st"
        case .integerLiteral, .floatLiteral: "nu"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: "co"
        case .ifConfigDirective: "pp"
        case .operator: "op"
        case .dollarIdentifier, .identifier, .argumentLabel, .editorPlaceholder, .none: nil
        @unknown default: nil
        }
    }
}
