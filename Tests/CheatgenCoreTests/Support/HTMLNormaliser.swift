import Foundation

/// HTML reduced to what a reader sees, for comparing cheatgen's pages with another renderer's:
/// whitespace between and around block tags dropped and runs of it made one space; entities
/// decoded; attributes sorted, `x=""` written `x`, `/>` as `>`; link addresses percent-decoded;
/// fragment ids renamed in order of first use (`#id1`, `#id2`), so that cheatgen's prefixed
/// footnote ids compare with cmark-gfm's as long as every link still reaches its target;
/// a column's alignment class read as the `align` attribute; and cheatgen's own additions
/// (the table's scrolling wrapper, `rel`, ARIA labels, the task-list classes) left out.
struct HTMLNormaliser {
    /// Attributes dropped wherever they are (`rel`, `aria-label`).
    var droppedAttributes: Set<String> = ["rel", "aria-label", "tabindex", "role"]
    /// Class names dropped wherever they are (`task-list-item`).
    var droppedClasses: Set<String> = ["task-list-item", "contains-task-list", "code", "url"]
    /// Elements dropped with their tags kept out but their content kept (`div`: the table's wrapper).
    var unwrappedElements: Set<String> = ["div"]

    static let blockTags: Set<String> = ["p", "li", "ul", "ol", "table", "thead", "tbody", "tr", "th", "td", "section",
                                         "blockquote", "pre", "code", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br"]

    private enum Token: Equatable {
        case tag(name: String, closing: Bool, attributes: [(String, String?)])
        case text(String)

        static func == (a: Token, b: Token) -> Bool { a.description == b.description }

        var description: String {
            switch self {
            case .text(let text): text
            case .tag(let name, let closing, let attributes):
                "<" + (closing ? "/" : "") + name + attributes.map { name, value in " " + name + (value.map { "=\"\($0)\"" } ?? "") }.joined() + ">"
            }
        }
    }

    func normalise(_ html: String) -> String {
        var tokens = Self.tokens(html)
        var ids: [String: String] = [:]
        func renamed(_ id: String) -> String {
            if let known = ids[id] { return known }
            let name = "id\(ids.count + 1)"
            ids[id] = name
            return name
        }
        tokens = tokens.compactMap { token in
            guard case .tag(let name, let closing, var attributes) = token else { return token }
            if unwrappedElements.contains(name) { return nil }
            // cheatgen aligns a table column by class (`align-left`), not by the old `align` attribute.
            if let index = attributes.firstIndex(where: { $0.0 == "class" }), let classes = attributes[index].1 {
                let names = classes.split(separator: " ").map(String.init)
                if let alignment = names.first(where: { $0.hasPrefix("align-") }) {
                    attributes.append(("align", String(alignment.dropFirst("align-".count))))
                    attributes[index].1 = names.filter { $0 != alignment }.joined(separator: " ")
                }
            }
            attributes = attributes.compactMap { attribute in
                var (key, value) = attribute
                if droppedAttributes.contains(key) { return nil }
                if key == "class" {
                    let kept = (value ?? "").split(separator: " ").filter { !droppedClasses.contains(String($0)) }
                    if kept.isEmpty { return nil }
                    value = kept.joined(separator: " ")
                }
                if value == "" { value = nil }
                if key == "id", let id = value { value = renamed(id) }
                if key == "href" || key == "src", let address = value {
                    let decoded = address.removingPercentEncoding ?? address
                    value = decoded.hasPrefix("#") ? "#" + renamed(String(decoded.dropFirst())) : decoded
                }
                return (key, value)
            }.sorted { $0.0 < $1.0 }
            return .tag(name: name, closing: closing, attributes: attributes)
        }
        // Whitespace: one space for each run; none at a block tag or between tags.
        var result: [Token] = []
        for (index, token) in tokens.enumerated() {
            guard case .text(let raw) = token else {
                result.append(token)
                continue
            }
            var text = raw.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
            if index == 0 || Self.isBlockTag(tokens[index - 1]) { text = String(text.drop { $0 == " " }) }
            if index == tokens.count - 1 || Self.isBlockTag(tokens[index + 1]) {
                while text.hasSuffix(" ") { text.removeLast() }
            }
            if !text.isEmpty { result.append(.text(text)) }
        }
        // A line for each opening block tag, so that a difference reads as one.
        return result.map { token in
            if case .tag(let name, false, _) = token, Self.blockTags.contains(name) { return "\n" + token.description }
            return token.description
        }.joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isBlockTag(_ token: Token) -> Bool {
        if case .tag(let name, _, _) = token { return blockTags.contains(name) }
        return false
    }

    /// Tags and text, text with its entities decoded.
    private static func tokens(_ html: String) -> [Token] {
        var tokens: [Token] = []
        var rest = Substring(html)
        while !rest.isEmpty {
            if rest.first == "<", let end = rest.firstIndex(of: ">"), let tag = tag(rest[rest.index(after: rest.startIndex)..<end]) {
                tokens.append(tag)
                rest = rest[rest.index(after: end)...]
                continue
            }
            let next = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
            let text = decoded(String(rest[..<next]))
            if case .text(let previous)? = tokens.last { tokens[tokens.count - 1] = .text(previous + text) } else { tokens.append(.text(text)) }
            rest = rest[next...]
        }
        return tokens
    }

    private static func tag(_ body: Substring) -> Token? {
        var body = body
        let closing = body.hasPrefix("/")
        if closing { body = body.dropFirst() }
        if body.hasSuffix("/") { body = body.dropLast() }
        let name = body.prefix { $0.isLetter || $0.isNumber }
        guard !name.isEmpty else { return nil }
        var attributes: [(String, String?)] = []
        var rest = body.dropFirst(name.count)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }
            guard !key.isEmpty else { break }
            rest = rest.dropFirst(key.count)
            if rest.hasPrefix("=\"") {
                let value = rest.dropFirst(2).prefix { $0 != "\"" }
                attributes.append((String(key), decoded(String(value))))
                rest = rest.dropFirst(2 + value.count + 1)
            } else {
                attributes.append((String(key), nil))
            }
        }
        return .tag(name: String(name).lowercased(), closing: closing, attributes: attributes)
    }

    private static func decoded(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
