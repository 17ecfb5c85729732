/// The one place text becomes HTML: every title, tag, line of code, output, compiler message
/// and attribute value goes through `escape`, directly or via the templates' content type.
package enum HTML {
    /// Escapes text for use in element content and in quoted attribute values alike.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\0": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
