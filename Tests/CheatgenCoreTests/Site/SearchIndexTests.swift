import Foundation
import Testing
@testable import CheatgenCore

@Suite("Search index written a sheet at a time")
struct SearchIndexTests {
    static func sheet(_ id: String, title: String, cards: [String]) throws -> Sheet {
        let body = cards.map { "### \($0)\n\nAbout \($0.lowercased()) \"quoted\" <b>\\\\</b>.\n" }.joined(separator: "\n")
        let parsed = parse("---\ntitle: \(title)\nsummary: S of \(id)\n---\n\n## Part\n\n\(body)", path: "\(id).md")
        return try #require(parsed.sheet)
    }

    /// Joins what the writer emits, as `SiteWriter.append` does on disk.
    static func written(_ sheets: [Sheet]) throws -> [String: String] {
        var files: [String: Data] = [:]
        var writer = SearchIndex.Writer()
        let emit: SearchIndex.Writer.Emit = { piece in
            guard case .append(let path, let parts) = piece else { Issue.record("the index is only appended to"); return }
            for part in parts { files[path, default: Data()].append(part) }
        }
        try writer.begin(emit)
        for sheet in sheets { try writer.add(try SearchIndex.fragment(for: sheet), emit) }
        try writer.end(emit)
        return files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theStreamedIndexIsTheWholeArrayEncodedAtOnce() throws {
        let sheets = [try Self.sheet("a", title: "Alpha", cards: ["One", "Two"]), try Self.sheet("b", title: "Beta", cards: ["Three"])]
        let files = try Self.written(sheets)
        let whole = String(decoding: try SearchIndex.json(SearchIndex.entries(for: sheets)), as: UTF8.self)
        #expect(files["search-index.json"] == whole)
        #expect(files["search-index.js"] == "window.CHEATGEN_SEARCH_INDEX = \(whole);\n")
        let decoded = try JSONDecoder().decode([SearchIndex.Entry].self, from: Data(whole.utf8))
        #expect(decoded.map(\.url) == ["a.html", "a.html#part", "a.html#one", "a.html#two", "b.html", "b.html#part", "b.html#three"])
    }

    @Test func noSheetsIsAnEmptyArray() throws {
        let files = try Self.written([])
        #expect(files["search-index.json"] == "[]")
        #expect(files["search-index.js"] == "window.CHEATGEN_SEARCH_INDEX = [];\n")
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
