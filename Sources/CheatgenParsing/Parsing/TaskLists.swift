import CheatgenModel

/// GFM task list items: a list item whose text starts with `[ ]` (open) or `[x]`/`[X]` (done)
/// followed by a space or tab. The box is read from the source line, where cmark core left it
/// as text, and taken off the item's first paragraph; the page shows it as a disabled checkbox.
enum TaskLists {
    /// Whether `text` (an item's first paragraph, from its first character on) starts with a
    /// task box: its state, or nil when it has none.
    static func box(atStartOf text: Substring) -> Bool? {
        let bytes = Array(text.utf8.prefix(4))
        guard bytes.count == 4, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
              bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "\t") else { return nil }
        switch bytes[1] {
        case UInt8(ascii: " "): return false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return true
        default: return nil
        }
    }

    /// The item's blocks with the box taken off the front of its first paragraph (a paragraph
    /// left empty is dropped).
    static func removingBox(from blocks: [Block]) -> [Block] {
        guard case .paragraph(var inlines, let location)? = blocks.first,
              case .text(let text)? = inlines.first, text.hasPrefix("[") else { return blocks }
        let rest = text.dropFirst(3).drop { $0 == " " || $0 == "\t" }
        if rest.isEmpty {
            inlines.removeFirst()
            if let first = inlines.first, first == .softBreak || first == .lineBreak { inlines.removeFirst() }
        } else {
            inlines[0] = .text(String(rest))
        }
        return (inlines.isEmpty ? [] : [.paragraph(inlines, location)]) + blocks.dropFirst()
    }
}
