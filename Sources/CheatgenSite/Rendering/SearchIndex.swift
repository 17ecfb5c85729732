import Foundation
import CheatgenModel

/// The prebuilt search index, split so a query loads only what it needs (the way Pagefind's
/// is), as plain scripts so it works from `file://` as well as over http:
///
/// - `search/meta.js`: the first word of every index chunk, so a query knows which to load;
/// - `search/i/<n>.js`: chunks of the sorted word list, each word with where it occurs
///   (sheet, entry, and whether in the entry's title and whether the entry is a card);
/// - `search/f/<n>.js`: one fragment per sheet, its entries (title, kind, link, a little text)
///   — loaded only for the sheets a query shows.
///
/// Each file calls `window.cheatgenSearch.loaded(name, data)`; `assets/search.js` loads them
/// with `<script>` elements, never `fetch`.
struct SearchIndex {
    struct Entry: Codable, Equatable {
        var title: String
        var sheet: String
        var url: String
        var kind: String
        var text: String
    }

    static let folder = "search"
    /// Shown under a result; the whole text is searched, only this much is loaded.
    static let textLimit = 400
    /// A chunk of the word list is cut after it passes this many bytes.
    static let chunkTarget = 64 << 10
    /// Words on more entries than this keep only this many (title matches first, up to twice
    /// as many): they are too common to narrow a search, and are marked so the script does not
    /// make them required.
    static let postingLimit = 10_000
    /// A sheet's entries past this many are shown but not indexed (the packed posting holds 10 bits).
    static let entryLimit = 1 << 10

    /// The sheet's own entry, then one per section and card, in page order.
    static func entries(for sheet: Sheet) -> [Entry] {
        indexed(sheet).map(\.entry)
    }

    /// Each entry with the full text its words come from.
    private static func indexed(_ sheet: Sheet) -> [(entry: Entry, words: String)] {
        let title = sheet.frontMatter.title
        let front = sheet.frontMatter
        // What the sheet says about itself, Jekyll's keywords and description included.
        let about = [front.summary, front.description ?? "", front.keywords.joined(separator: " "), front.tags.joined(separator: " "),
                     front.intro.plainText, sheet.intro.plainText].filter { !$0.isEmpty }.joined(separator: " ")
        var entries = [(Entry(title: title, sheet: title, url: "\(sheet.id).html", kind: "sheet", text: clip(about)), about)]
        for section in sheet.sections {
            let text = section.items.plainText
            entries.append((Entry(title: section.title.plainText, sheet: title, url: "\(sheet.id).html#\(section.anchor)",
                                  kind: "section", text: clip(text)), text))
            for card in section.cards {
                let text = card.items.plainText
                entries.append((Entry(title: card.title.plainText, sheet: title, url: "\(sheet.id).html#\(card.anchor)",
                                      kind: "card", text: clip(text)), text + " " + sheet.footnoteText(of: card.items)))
            }
        }
        return entries
    }

    /// Whitespace folded and cut at a word boundary, to keep fragments small.
    private static func clip(_ text: String) -> String {
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard folded.count > textLimit else { return folded }
        let cut = folded.prefix(textLimit)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)])
    }

    /// What one sheet gives the index, made while its page renders (on any core).
    struct Page: Sendable {
        /// The fragment's entries as a JSON array.
        var fragment: Data
        /// Each word of the sheet with its entries: `entry << 2 | in title << 1 | is a card`.
        var words: [(String, [UInt16])]
    }

    static func page(for sheet: Sheet) throws -> Page {
        let entries = indexed(sheet)
        var words: [String: [UInt16]] = [:]
        for (number, (entry, text)) in entries.enumerated() where number < entryLimit {
            let inTitle = SearchTerms.terms(in: entry.title)
            let card: UInt16 = entry.kind == "card" ? 1 : 0
            for word in inTitle.union(SearchTerms.terms(in: text)) {
                words[word, default: []].append(UInt16(number) << 2 | (inTitle.contains(word) ? 2 : 0) | card)
            }
        }
        return Page(fragment: try json(entries.map(\.entry)), words: words.sorted { $0.key < $1.key })
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func script(_ name: String, _ json: Data) -> Data {
        Data("window.cheatgenSearch.loaded(\"\(name)\", ".utf8) + json + Data(");\n".utf8)
    }

    /// Gathers the sheets' words as their pages are written, in page order, and writes the
    /// fragments at once and the word chunks and `meta.js` at the end.
    struct Writer {
        typealias Emit = (SiteBuilder.Piece) throws -> Void
        /// Word → postings, each `sheet << 12 | entry << 2 | flags`, in page order.
        private var postings: [String: [UInt32]] = [:]
        private var partial: Set<String> = []
        private(set) var sheets = 0
        /// `SearchIndex.postingLimit`, smaller in tests.
        var postingLimit = SearchIndex.postingLimit

        mutating func add(_ page: Page, _ emit: Emit) throws {
            let sheet = UInt32(sheets)
            try emit(.file("\(folder)/f/\(sheets).js", script("f/\(sheets)", page.fragment)))
            sheets += 1
            for (word, entries) in page.words {
                var list = postings[word, default: []]
                postings[word] = nil   // keep the array uniquely referenced while it grows
                for entry in entries {
                    let inTitle = entry & 2 != 0
                    if list.count >= postingLimit * (inTitle ? 2 : 1) { partial.insert(word); continue }
                    list.append(sheet << 12 | UInt32(entry))
                }
                postings[word] = list
            }
        }

        /// The word list in chunks of about `chunkTarget` bytes, and the meta file naming each
        /// chunk's first word.
        func end(_ emit: Emit) throws {
            var firsts: [String] = []
            var chunk = ""
            var chunkPartial: [String] = []
            func flush() throws {
                guard !chunk.isEmpty else { return }
                let partialJSON = chunkPartial.map { "\"\($0)\"" }.joined(separator: ",")
                let body = "{\"partial\":[\(partialJSON)],\"words\":{\(chunk)}}"
                try emit(.file("\(folder)/i/\(firsts.count - 1).js", script("i/\(firsts.count - 1)", Data(body.utf8))))
                chunk = ""
                chunkPartial = []
            }
            for word in postings.keys.sorted() {
                if chunk.isEmpty { firsts.append(word) } else { chunk += "," }
                // Words are letters and digits only: nothing in them needs escaping in JSON.
                chunk += "\"\(word)\":["
                var previous: UInt32 = 0
                for (index, posting) in postings[word]!.enumerated() {
                    let sheet = posting >> 12
                    if index > 0 { chunk += "," }
                    chunk += "\(sheet - previous),\(posting & 0xFFF)"
                    previous = sheet
                }
                chunk += "]"
                if partial.contains(word) { chunkPartial.append(word) }
                if chunk.utf8.count >= chunkTarget { try flush() }
            }
            try flush()
            let meta = "{\"chunks\":[\(firsts.map { "\"\($0)\"" }.joined(separator: ","))],\"sheets\":\(sheets),\"version\":1}"
            try emit(.file("\(folder)/meta.js", script("meta", Data(meta.utf8))))
        }
    }
}
