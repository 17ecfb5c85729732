import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenVerification
@testable import CheatgenLanguages
@testable import CheatgenSite

@Suite("Search index split into chunks a query loads as it needs them")
struct SearchIndexTests {
    static func sheet(_ id: String, title: String, cards: [String]) throws -> Sheet {
        let body = cards.map { "### \($0)\n\nAbout \($0.lowercased()) \"quoted\" <b>\\\\</b>.\n" }.joined(separator: "\n")
        let parsed = parse("---\ntitle: \(title)\nsummary: S of \(id)\n---\n\n## Part\n\n\(body)", path: "\(id).md")
        return try #require(parsed.sheet)
    }

    /// The files the writer makes for `sheets`, by path, as text.
    static func written(_ sheets: [Sheet], postingLimit: Int = SearchIndex.postingLimit) throws -> [String: String] {
        var files: [String: Data] = [:]
        var writer = SearchIndex.Writer()
        writer.postingLimit = postingLimit
        let emit: SearchIndex.Writer.Emit = { piece in
            guard case .file(let path, let data) = piece else { Issue.record("index files are written whole"); return }
            #expect(files[path] == nil, "\(path) written twice")
            files[path] = data
        }
        for sheet in sheets { try writer.add(try SearchIndex.page(for: sheet), emit) }
        try writer.end(emit)
        return files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The JSON a `window.cheatgenSearch.loaded("name", …);` script carries.
    static func payload(_ script: String, name: String) throws -> Data {
        let prefix = "window.cheatgenSearch.loaded(\"\(name)\", ", suffix = ");\n"
        try #require(script.hasPrefix(prefix) && script.hasSuffix(suffix), "\(script.prefix(80))")
        return Data(script.dropFirst(prefix.count).dropLast(suffix.count).utf8)
    }

    struct Meta: Decodable { var chunks: [String]; var sheets: Int }
    struct Chunk: Decodable { var partial: [String]; var words: [String: [Int]] }

    /// Where `word` occurs, as (sheet, entry, in title, is a card), read back as the script does.
    static func postings(of word: String, in files: [String: String]) throws -> [(Int, Int, Bool, Bool)] {
        let meta = try JSONDecoder().decode(Meta.self, from: payload(try #require(files["search/meta.js"]), name: "meta"))
        guard let chunk = meta.chunks.lastIndex(where: { $0 <= word }) else { return [] }
        let data = try JSONDecoder().decode(Chunk.self, from: payload(try #require(files["search/i/\(chunk).js"]), name: "i/\(chunk)"))
        var sheet = 0
        return stride(from: 0, to: data.words[word, default: []].count, by: 2).map { index in
            let list = data.words[word]!
            sheet += list[index]
            return (sheet, list[index + 1] >> 2, list[index + 1] & 2 != 0, list[index + 1] & 1 != 0)
        }
    }

    @Test func aWordLeadsToItsEntriesThroughMetaChunkAndFragment() throws {
        let sheets = [try Self.sheet("a", title: "Alpha", cards: ["One", "Two"]), try Self.sheet("b", title: "Beta", cards: ["Three withTaskGroup"])]
        let files = try Self.written(sheets)
        #expect(files.keys.sorted() == ["search/f/0.js", "search/f/1.js", "search/i/0.js", "search/meta.js"])

        let entries = try JSONDecoder().decode([SearchIndex.Entry].self, from: Self.payload(files["search/f/1.js"]!, name: "f/1"))
        #expect(entries.map(\.url) == ["b.html", "b.html#part", "b.html#three-withtaskgroup"])
        #expect(entries == SearchIndex.entries(for: sheets[1]))

        // A code identifier is found whole and by its humps, in the card's title.
        for word in ["withtaskgroup", "task", "group"] {
            let hits = try Self.postings(of: word, in: files)
            #expect(hits.count == 1 && hits[0] == (1, 2, true, true), "\(word): \(hits)")
        }
        // A word of the text (not the title), on every card of both sheets.
        let about = try Self.postings(of: "about", in: files)
        #expect(about.map { "\($0.0)/\($0.1)" } == ["0/2", "0/3", "1/2"])
        #expect(about.allSatisfy { !$0.2 && $0.3 })
        // The sheet's own entry is not a card.
        #expect(try Self.postings(of: "alpha", in: files).map { "\($0.0)/\($0.1)/\($0.2)/\($0.3)" } == ["0/0/true/false"])
    }

    @Test func aCardIsFoundByTheWordsOfItsNotesAndStruckWords() throws {
        let parsed = parse("---\ntitle: Notes\n---\n\n## Part\n\n### First\n\nUse ~~grep~~ ripgrep[^speed].\n\n### Second\n\nNothing here.\n\n[^speed]: Measured on a monorepo.\n", path: "n.md")
        let files = try Self.written([try #require(parsed.sheet)])
        #expect(try Self.postings(of: "monorepo", in: files).map { "\($0.0)/\($0.1)" } == ["0/2"], "the note's words find the card that shows it")
        #expect(try Self.postings(of: "grep", in: files).map { "\($0.0)/\($0.1)" } == ["0/2"])
    }

    @Test func noSheetsIsAnEmptyIndex() throws {
        let files = try Self.written([])
        #expect(files == ["search/meta.js": "window.cheatgenSearch.loaded(\"meta\", {\"chunks\":[],\"sheets\":0,\"version\":1});\n"])
    }

    @Test func chunksStayNearTheirTargetAndCommonWordsAreCappedAndMarked() throws {
        // Many sheets sharing "common", each with its own word: several chunks, all small.
        let sheets = try (0..<500).map { n in
            try Self.sheet("s\(n)", title: "Sheet \(n)", cards: (0..<20).map { "Common word\(n)x\($0) zeta" })
        }
        let files = try Self.written(sheets, postingLimit: 4_000)
        let chunks = files.keys.filter { $0.hasPrefix("search/i/") }
        #expect(chunks.count > 1)
        for path in chunks {
            #expect(files[path]!.utf8.count < SearchIndex.chunkTarget + 40_000, "\(path) is \(files[path]!.utf8.count) bytes")
        }
        let common = try Self.postings(of: "common", in: files)
        #expect(common.count == 2 * 4_000, "title matches are kept up to twice the limit")
        let meta = try JSONDecoder().decode(Meta.self, from: Self.payload(files["search/meta.js"]!, name: "meta"))
        let chunk = meta.chunks.lastIndex { $0 <= "common" }!
        let words = try JSONDecoder().decode(Chunk.self, from: Self.payload(files["search/i/\(chunk).js"]!, name: "i/\(chunk)"))
        #expect(words.partial.contains("common"), "a capped word is marked as partial")
        #expect(!words.partial.contains("word499x19"))
        // A rare word keeps every entry.
        #expect(try Self.postings(of: "word499x19", in: files).map(\.0) == [499])
    }

    @Test func termsAreFoldedAndIdentifiersSplitAtTheirHumps() {
        #expect(SearchTerms.terms(in: "Use withTaskGroup, URLSession & café 12 123456") ==
                ["use", "withtaskgroup", "with", "task", "group", "urlsession", "url", "session", "cafe", "12"])
        #expect(SearchTerms.humps(of: "utf8Count") == ["utf8", "Count"])
        #expect(SearchTerms.terms(in: "Use withTaskGroup, URLSession & cafe 12 123456") ==
                ["use", "withtaskgroup", "with", "task", "group", "urlsession", "url", "session", "cafe", "12"],
                "the same words from ASCII text, which takes the byte-wise path")
    }

    @Test func asciiTextGivesTheWordsUnicodeRulesGive() {
        // Every sort of ASCII word boundary and hump: runs of capitals, digits inside and around
        // words, single letters, long numbers, punctuation and white space of every kind.
        let pieces = ["a", "Z", "ab", "URL", "URLSession", "utf8Count", "x2Y", "HTTPServer2", "ioURL", "IOError", "iPhone",
                      "12", "12345", "123456", "a1", "1a", "_", "-", "::", "\t", "\r\n", " ", "\n", "é", "(", "withTaskGroup",
                      "ABc", "aBC", "A1B2", "snake_case_name", "kebab-case", "$0", "x", "QQ", "9Lives"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? "" : " ")
            let ascii = text.replacingOccurrences(of: "é", with: "e")
            #expect(SearchTerms.asciiTerms(in: ascii) == SearchTerms.unicodeTerms(in: ascii), "\(ascii.debugDescription)")
        }
    }
}

@Suite("Snippets are values")
struct SnippetValueTests {
    @Test func changingACopyLeavesTheOriginalAlone() throws {
        let original = try onlySnippet("\n```swift\nprint(1)\n```\n")
        var copy = original
        #expect(copy == original)
        copy.code = "print(2)\n"
        copy.endLine = 99
        #expect(original.code == "print(1)\n")
        #expect(original.endLine != 99)
        #expect(copy != original)
        #expect(Set([original, copy]).count == 2)
        var again = copy
        again.code = original.code
        again.endLine = original.endLine
        #expect(again == original, "equal fields make equal snippets, whatever box holds them")
        #expect(again.hashValue == original.hashValue)
    }
}
