import CheatgenModel

/// The little inline HTML that cheatsheets write and that is safe to keep as markup: a line
/// break and a few formatting tags without attributes (`<kbd>Ctrl</kbd>`, `<br>`), each
/// opening tag only when its closing tag follows in the same paragraph or cell. Everything
/// else is shown as text.
package enum InlineHTML {
    static let formattingTags: Set<String> = ["kbd", "sup", "sub", "b", "i", "em", "strong", "code", "small", "mark", "del", "ins", "s", "u", "abbr", "var", "samp"]

    package enum Tag: Equatable {
        case lineBreak
        case open(String)
        case close(String)
    }

    /// `<br>`, `<br/>`, `<kbd>`, `</kbd>` → the tag; nil for anything else (attributes included).
    package static func tag(_ raw: String) -> Tag? {
        var body = Substring(raw)
        guard body.hasPrefix("<"), body.hasSuffix(">") else { return nil }
        body = body.dropFirst().dropLast()
        let closing = body.hasPrefix("/")
        if closing { body = body.dropFirst() }
        if body.hasSuffix("/") { body = body.dropLast() }
        let name = String(body.trimmedSlice(of: " \t")).lowercased()
        if name == "br" { return closing ? nil : .lineBreak }
        guard formattingTags.contains(name) else { return nil }
        return closing ? .close(name) : .open(name)
    }

    /// For each inline of `inlines`, whether it is an HTML tag to emit as markup: line breaks,
    /// and opening and closing tags that pair up.
    package static func kept(_ inlines: [Inline]) -> [Bool] {
        var kept = Array(repeating: false, count: inlines.count)
        var open: [(name: String, index: Int)] = []
        for (index, inline) in inlines.enumerated() {
            guard case .html(let raw) = inline, let tag = tag(raw) else { continue }
            switch tag {
            case .lineBreak: kept[index] = true
            case .open(let name): open.append((name, index))
            case .close(let name):
                if let match = open.lastIndex(where: { $0.name == name }) {
                    kept[open[match].index] = true
                    kept[index] = true
                    open.removeSubrange(match...)
                }
            }
        }
        return kept
    }

    /// The first inline HTML in `block` that is shown as text, for a warning.
    static func firstShownAsText(in block: Block) -> String? {
        func inInlines(_ inlines: [Inline]) -> String? {
            let keep = kept(inlines)
            for (index, inline) in inlines.enumerated() {
                switch inline {
                case .html(let raw) where !keep[index]: return raw
                case .emphasis(let children), .strong(let children): if let found = inInlines(children) { return found }
                case .link(let link): if let found = inInlines(link.children) { return found }
                default: break
                }
            }
            return nil
        }
        func inBlocks(_ blocks: [Block]) -> String? {
            for block in blocks {
                switch block.unattributed {
                case .paragraph(let inlines, _), .heading(_, let inlines, _): if let found = inInlines(inlines) { return found }
                case .blockQuote(let children, _): if let found = inBlocks(children) { return found }
                case .list(let list): for item in list.items { if let found = inBlocks(item) { return found } }
                case .table(let table):
                    for cell in table.header + table.rows.flatMap({ $0 }) { if let found = inInlines(cell) { return found } }
                default: break
                }
            }
            return nil
        }
        return inBlocks([block])
    }
}
