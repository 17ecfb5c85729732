import Testing
import Foundation
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenSite

/// Who is whose twin: a twin declared in one sheet's front matter shows on both pages, sheets
/// linked through each other share one comparison page, and a twin in a sheet that is not
/// there shows nowhere.
@Suite("Twin index")
struct TwinIndexTests {
    /// A sheet `content/<id>.md` with one section of cards, each holding a snippet in `fence`.
    private func outline(_ id: String, fence: String, cards: [String], twins: String = "") throws -> SheetOutline {
        let body = cards.map { "### \($0)\n\n```\(fence)\nx = 1\n```\n" }.joined(separator: "\n")
        let markdown = "---\ntitle: \(id)\n\(twins)---\n\n## Lists\n\n\(body)"
        return SheetOutline(try sheet(markdown, path: "content/\(id).md"), languages: languages)
    }

    private func pair(_ sheet: String, _ anchor: String, _ otherSheet: String, _ otherAnchor: String) -> TwinIndex.Pair {
        TwinIndex.Pair(sheet: sheet, anchor: anchor, otherSheet: otherSheet, otherAnchor: otherAnchor)
    }

    @Test func aTwinDeclaredOnOneSideIsFoundFromBoth() throws {
        let index = TwinIndex([
            try outline("swift-lists", fence: "swift", cards: ["Put in order", "Count them"],
                        twins: "twins:\n  python-lists:\n    put-in-order: sort-a-list\n"),
            try outline("python-lists", fence: "python", cards: ["Sort a list"]),
        ])
        #expect(index.twins(of: "swift-lists", anchor: "put-in-order") == [pair("swift-lists", "put-in-order", "python-lists", "sort-a-list")])
        #expect(index.twins(of: "python-lists", anchor: "sort-a-list") == [pair("python-lists", "sort-a-list", "swift-lists", "put-in-order")],
                "the Python page links back though its front matter says nothing")
        #expect(index.twins(of: "swift-lists", anchor: "count-them") == [])
        #expect(index.twins(of: "python-lists", anchor: "put-in-order") == [], "anchors are per sheet")

        let group = try #require(index.group(of: "python-lists"))
        #expect(group.sheets == ["python-lists", "swift-lists"])
        #expect(group.path == "compare/python-lists--swift-lists.html")
        #expect(group.columns == ["swift-lists", "python-lists"], "columns in the registry's order: Swift before Python")
        #expect(group.rows == [[.init(sheet: "swift-lists", anchor: "put-in-order"), .init(sheet: "python-lists", anchor: "sort-a-list")]])
        #expect(group.formerPaths == [])
        #expect(index.group(of: "swift-lists")?.path == group.path)
    }

    @Test func aTwinInASheetThatIsNotThereIsAbsent() throws {
        let index = TwinIndex([
            try outline("swift-lists", fence: "swift", cards: ["Put in order"],
                        twins: "twins:\n  ruby-lists:\n    put-in-order: sort\n"),
            try outline("notes", fence: "text", cards: ["Plain"]),
        ])
        #expect(index.twins(of: "swift-lists", anchor: "put-in-order") == [])
        #expect(index.twins(of: "ruby-lists", anchor: "sort") == [])
        #expect(index.pairs.isEmpty && index.groups.isEmpty)
        #expect(index.group(of: "swift-lists") == nil, "no comparison page for a twin that is not there")
        #expect(index.group(of: "notes") == nil)
    }

    @Test func aTwinDeclaredOnBothSidesIsOnePair() throws {
        let index = TwinIndex([
            try outline("swift-lists", fence: "swift", cards: ["Put in order"], twins: "twins:\n  js-lists:\n    put-in-order: sort\n"),
            try outline("js-lists", fence: "js", cards: ["Sort"], twins: "twins:\n  swift-lists:\n    sort: put-in-order\n"),
        ])
        #expect(index.pairs.count == 2, "one pair, seen from each side")
        #expect(index.twins(of: "js-lists", anchor: "sort").count == 1)
        #expect(index.groups.count == 1)
        #expect(index.groups.first?.rows.count == 1)
    }

    @Test func sheetsLinkedThroughEachOtherShareOneComparisonPage() throws {
        let index = TwinIndex([
            try outline("js-lists", fence: "js", cards: ["Sort", "Reverse"]),
            try outline("python-lists", fence: "python", cards: ["Sort a list"],
                        twins: "twins:\n  js-lists:\n    sort-a-list: sort\n"),
            try outline("swift-lists", fence: "swift", cards: ["Put in order", "Back to front"],
                        twins: "twins:\n  python-lists:\n    put-in-order: sort-a-list\n  js-lists:\n    back-to-front: reverse\n"),
            try outline("go-lists", fence: "go", cards: ["Slices"]),
        ])
        #expect(index.groups.count == 1)
        let group = try #require(index.group(of: "js-lists"))
        #expect(group.path == "compare/js-lists--python-lists--swift-lists.html")
        #expect(group.columns == ["swift-lists", "python-lists", "js-lists"], "Swift · Python · JavaScript")
        #expect(group.formerPaths == ["compare/js-lists--python-lists.html", "compare/js-lists--swift-lists.html",
                                      "compare/python-lists--swift-lists.html"], "old two-sheet links still lead here")
        // Sort, sort-a-list and put-in-order are twins through each other: one row of three.
        #expect(group.rows.map { $0.map(\.anchor) } == [["sort-a-list", "sort", "put-in-order"], ["back-to-front", "reverse"]])
        #expect(index.twins(of: "js-lists", anchor: "sort").map(\.otherSheet).sorted() == ["python-lists"],
                "only the twins declared directly are linked from the card")
        #expect(index.group(of: "go-lists") == nil)
    }
}
