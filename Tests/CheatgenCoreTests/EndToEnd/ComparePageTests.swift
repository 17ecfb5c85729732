import Foundation
import Testing
@testable import CheatgenCore

/// The comparison page of three sheets linked by twins (`Fixtures/trio/`): Swift and Python
/// sheets, verified, and a JavaScript sheet shown only (`verify: false`). Swift twins two cards
/// with Python and one with JavaScript; JavaScript twins a card with Python that Swift lacks.
@Suite("comparison pages of several sheets, end to end", .serialized)
struct ComparePageTests {
    private static let page = "compare/js-lists--python-lists--swift-lists.html"

    private func buildTrio() async throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.copyFixture("trio", as: "content")
        let result = try await Cheatgen.run(["build", "content", "--output", "site", "--quiet"], in: directory)
        #expect(result.status == 0, "build failed:\n\(result.standardError)")
        #expect(result.outputLines == ["snippets: 7 passed, 0 failed, 0 skipped", "wrote site/: 3 sheets"])
        return directory
    }

    /// Each row of the page's table: for each column, the ids of the cards in its cell
    /// (empty for a cell that says it has none).
    private func rows(of html: String) throws -> [[[String]]] {
        let body = try #require(html.split(separator: "<tbody>").last?.split(separator: "</tbody>").first)
        return body.components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "<td ").dropFirst().map { cell in
                HTMLScanner.tags(in: "<td " + cell).filter { $0.name == "article" }.compactMap { $0.value(of: "id") }
            }
        }
    }

    @Test func threeSheetsLinkedByTwinsShareOnePageThatMatchesItsGoldenFile() async throws {
        let directory = try await buildTrio()
        defer { directory.remove() }

        #expect(directory.entries("site/compare") == [
            "js-lists--python-lists--swift-lists.html",
            "js-lists--python-lists.html", "js-lists--swift-lists.html", "python-lists--swift-lists.html",
        ], "one page for the group; the pairs' own paths only lead to it")
        let html = try directory.read("site/\(Self.page)")
        try Golden.check(Golden.normalizingVersions(html), against: "compare-three.html")
        // What the golden file pins down, said out loud.
        #expect(html.contains("<h1 class=\"compare-title\">Lists in Swift, Lists in Python and Lists in JavaScript, side by side</h1>"))
        #expect(html.contains("<thead><tr><th scope=\"col\">Lists in Swift</th><th scope=\"col\">Lists in Python</th><th scope=\"col\">Lists in JavaScript</th></tr></thead>"),
                "a column per sheet: Swift · Python · JavaScript, by the language of each sheet's snippets")
        // A row per group of twin cards, linked directly or through another sheet's card,
        // in the order their twins are declared.
        #expect(try rows(of: html) == [
            [[], ["python-lists--add-them-up"], ["js-lists--add-them-up"]],
            [["swift-lists--put-in-order"], ["python-lists--put-in-order"], ["js-lists--put-in-order"]],
            [["swift-lists--back-to-front"], ["python-lists--back-to-front"], []],
        ])
        #expect(html.contains("<pre class=\"code language-javascript\"><code>"), "the JavaScript card's code, run and checked")
        #expect(html.contains("<h2 class=\"card-title\"><a href=\"../swift-lists.html#put-in-order\">Put in order</a></h2>"))
    }

    @Test func aPairsFormerPathLeadsToTheGroupsPage() async throws {
        let directory = try await buildTrio()
        defer { directory.remove() }

        let html = try directory.read("site/compare/python-lists--swift-lists.html")
        #expect(html.contains(#"<meta http-equiv="refresh" content="0; url=js-lists--python-lists--swift-lists.html">"#))
        #expect(html.contains(#"<p>This comparison is now part of <a href="js-lists--python-lists--swift-lists.html">Lists in Swift, Lists in Python and Lists in JavaScript, side by side</a>.</p>"#))
        #expect(!html.contains("<article"), "no cards of its own")
    }

    @Test func aSheetWithoutATwinInARowGetsAnEmptyCellThatSaysSo() async throws {
        let directory = try await buildTrio()
        defer { directory.remove() }

        let html = try directory.read("site/\(Self.page)")
        let cells = html.components(separatedBy: "<td ").dropFirst().map { String($0.prefix { $0 != "\n" }) }
        let empty = cells.filter { $0.contains("compare-missing") }
        #expect(empty == [
            #"data-label="Lists in Swift"><p class="compare-missing">No card for this in Lists in Swift.</p></td>"#,
            #"data-label="Lists in JavaScript"><p class="compare-missing">No card for this in Lists in JavaScript.</p></td>"#,
        ])
        #expect(cells.count == 9, "three rows of three cells")
    }

    @Test func eachSheetAndEachTwinCardLinksToTheGroupsPage() async throws {
        let directory = try await buildTrio()
        defer { directory.remove() }

        let compare = try directory.read("site/\(Self.page)")
        let swift = try directory.read("site/swift-lists.html")
        #expect(swift.contains(#"<a class="compare-link" href="compare/js-lists--python-lists--swift-lists.html">side by side with Lists in Python and Lists in JavaScript</a>"#))
        #expect(try directory.read("site/js-lists.html").contains(#">side by side with Lists in Swift and Lists in Python</a>"#))
        // "Side by side" once per section, in its heading: to the row of the section's first twin
        // card, which is there; no card has a link of its own.
        let rowLinks = HTMLScanner.tags(in: swift).filter { $0.value(of: "class") == "compare-row-link" }.compactMap { $0.value(of: "href") }
        #expect(rowLinks == ["\(Self.page)#swift-lists--put-in-order"])
        #expect(swift.contains(#"<a class="compare-row-link" href="compare/js-lists--python-lists--swift-lists.html#swift-lists--put-in-order">Side by side →</a></h2>"#))
        for link in rowLinks {
            let id = String(link.split(separator: "#").last!)
            #expect(compare.contains("<article class=\"card\" id=\"\(id)\">"))
        }
        // Three twin cards in the Python sheet's one section: still one link.
        let python = try directory.read("site/python-lists.html")
        #expect(HTMLScanner.tags(in: python).filter { $0.value(of: "class") == "compare-row-link" }.count == 1)
        // The Swift card twinned in both other sheets has no link lines, and a tab for each
        // twin's snippet: Swift · Python · JavaScript.
        #expect(!swift.contains("Same idea in") && !swift.contains("twin-link"))
        #expect(swift.contains(#"<div class="twin-panel" id="put-in-order--twin-1" data-label="Python" data-language="python" hidden>"#))
        #expect(swift.contains(#"<div class="twin-panel" id="put-in-order--twin-2" data-label="JavaScript" data-language="javascript" hidden>"#))
    }
}
