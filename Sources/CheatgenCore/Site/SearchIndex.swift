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
        var entries: [Entry] = []
        for sheet in sheets {
            let title = sheet.frontMatter.title
            entries.append(Entry(title: title, sheet: title, url: "\(sheet.id).html", kind: "sheet",
                                 text: clip(sheet.frontMatter.summary + " " + sheet.frontMatter.tags.joined(separator: " ") + " " + sheet.intro.plainText)))
            for section in sheet.sections {
                entries.append(Entry(title: section.title.plainText, sheet: title, url: "\(sheet.id).html#\(section.anchor)",
                                     kind: "section", text: clip(section.items.plainText)))
                for card in section.cards {
                    entries.append(Entry(title: card.title.plainText, sheet: title, url: "\(sheet.id).html#\(card.anchor)",
                                         kind: "card", text: clip(card.items.plainText)))
                }
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
}
