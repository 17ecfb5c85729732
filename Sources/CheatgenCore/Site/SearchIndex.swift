import Foundation

/// The prebuilt search index: one entry per sheet, section and card.
struct SearchIndex {
    struct Entry: Codable, Equatable {
        var title: String
        var sheet: String
        var url: String
        var kind: String
        var text: String
    }

    static let textLimit = 400

    static func entries(for sheets: [Sheet]) -> [Entry] {
        sheets.flatMap(entries(for:))
    }

    /// The sheet's own entry, then one per section and card, in page order.
    static func entries(for sheet: Sheet) -> [Entry] {
        let title = sheet.frontMatter.title
        var entries = [Entry(title: title, sheet: title, url: "\(sheet.id).html", kind: "sheet",
                             text: clip(sheet.frontMatter.summary + " " + sheet.frontMatter.tags.joined(separator: " ") + " " + sheet.intro.plainText))]
        for section in sheet.sections {
            entries.append(Entry(title: section.title.plainText, sheet: title, url: "\(sheet.id).html#\(section.anchor)",
                                 kind: "section", text: clip(section.items.plainText)))
            for card in section.cards {
                entries.append(Entry(title: card.title.plainText, sheet: title, url: "\(sheet.id).html#\(card.anchor)",
                                     kind: "card", text: clip(card.items.plainText)))
            }
        }
        return entries
    }

    /// Whitespace folded and cut at a word boundary, to keep the index small.
    private static func clip(_ text: String) -> String {
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard folded.count > textLimit else { return folded }
        let cut = folded.prefix(textLimit)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)])
    }

    static func json(_ entries: [Entry]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(entries)
    }

    /// One sheet's entries as JSON objects separated by commas, without the brackets: each is
    /// encoded as its page renders and written straight away (`Writer`), so the whole index is
    /// never encoded in one pass or held in memory.
    static func fragment(for sheet: Sheet) throws -> Data {
        let array = try json(entries(for: sheet))
        return array.count > 2 ? Data(array.dropFirst().dropLast()) : Data()
    }

    /// Writes `search-index.json` and the same array as `search-index.js` (for pages opened
    /// from disk, where a script cannot fetch), a fragment at a time.
    struct Writer {
        typealias Emit = (SiteBuilder.Piece) throws -> Void
        static let json = "search-index.json"
        static let script = "search-index.js"
        private var empty = true

        func begin(_ emit: Emit) throws {
            try emit(.append(Self.json, [Data("[".utf8)]))
            try emit(.append(Self.script, [Data("window.CHEATGEN_SEARCH_INDEX = [".utf8)]))
        }

        mutating func add(_ fragment: Data, _ emit: Emit) throws {
            guard !fragment.isEmpty else { return }
            let parts = empty ? [fragment] : [Data(",".utf8), fragment]
            try emit(.append(Self.json, parts))
            try emit(.append(Self.script, parts))
            empty = false
        }

        func end(_ emit: Emit) throws {
            try emit(.append(Self.json, [Data("]".utf8)]))
            try emit(.append(Self.script, [Data("];\n".utf8)]))
        }
    }
}
