import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenSite

/// GitHub pipe tables, read from cmark's paragraphs by the rules of the GFM specification.
/// Each case is a table of the spec's kinds written here in our own words.
@Suite("Pipe tables")
struct PipeTableTests {
    /// The tables of a sheet whose body is `body`.
    func tables(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [CheatgenModel.Table] {
        let parsed = try sheet(header + "\n" + body, sourceLocation: sourceLocation)
        return parsed.intro.compactMap { item in
            if case .block(.table(let table)) = item { return table }
            if case .block(.attributed(.table(let table), _)) = item { return table }
            return nil
        }
    }

    func text(_ cells: [[Inline]]) -> [String] { cells.map(\.plainText) }

    @Test func headerDelimiterAndBody() throws {
        let found = try tables("""
            | Command | Does |
            | ------- | ---- |
            | `ls`    | list |
            | `cd`    | move |
            """)
        let table = try #require(found.first)
        #expect(text(table.header) == ["Command", "Does"])
        #expect(table.rows.map(text) == [["ls", "list"], ["cd", "move"]])
        #expect(table.alignments == [.none, .none])
        #expect(table.location.line == 5)
    }

    @Test func colonsSetTheAlignment() throws {
        let table = try #require(try tables("left | middle | right | plain\n:--- | :----: | ----: | ---\na | b | c | d\n").first)
        #expect(table.alignments == [.left, .center, .right, .none])
    }

    @Test func outerPipesAreOptionalAndCellsAreTrimmed() throws {
        let table = try #require(try tables("  key  |   value\n--|--\n  a  |  b  \n").first)
        #expect(text(table.header) == ["key", "value"])
        #expect(table.rows.map(text) == [["a", "b"]])
    }

    @Test func anEscapedPipeStaysInItsCellEvenInsideCode() throws {
        let table = try #require(try tables("| Shell | Meaning |\n|---|---|\n| `a \\| b` | pipe a into b |\n| x \\| y | either |\n").first)
        #expect(table.rows.map(text) == [["a | b", "pipe a into b"], ["x | y", "either"]])
        guard case .code(let code)? = table.rows[0][0].first else {
            Issue.record("the first cell should be a code span: \(table.rows[0][0])")
            return
        }
        #expect(code == "a | b")
    }

    @Test func cellsHoldInlineMarkdown() throws {
        let table = try #require(try tables("| a | b |\n|---|---|\n| *lean* **bold** | [home](#top) |\n").first)
        guard case .emphasis? = table.rows[0][0].first, case .link(let link)? = table.rows[0][1].first else {
            Issue.record("expected emphasis and a link: \(table.rows)")
            return
        }
        #expect(link.destination == "#top")
        #expect(link.location.line == 7, "the link is reported on its line (its column: aBrokenCrossLinkInACell…)")
    }

    @Test func aCellIsNeverABlock() throws {
        // In a fresh document these would be a heading, a list and a quote.
        let table = try #require(try tables("| x | y | z |\n|---|---|---|\n| # not a heading | - not a list | > not a quote |\n").first)
        #expect(table.rows.map(text) == [["# not a heading", "- not a list", "> not a quote"]])
    }

    @Test func missingCellsAreEmptyAndExtraCellsAreDropped() throws {
        let table = try #require(try tables("| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n").first)
        #expect(table.rows.map(text) == [["1", "", ""], ["1", "2", "3"]])
    }

    @Test func aHeaderThatDoesNotMatchTheDelimiterRowIsNoTable() throws {
        let parsed = try sheet(header + "\n| a | b | c |\n|---|---|\n| 1 | 2 | 3 |\n")
        #expect(try tables("| a | b | c |\n|---|---|\n| 1 | 2 | 3 |\n").isEmpty)
        guard case .block(.paragraph)? = parsed.intro.first else {
            Issue.record("the lines stay a paragraph: \(parsed.intro)")
            return
        }
    }

    @Test func aTableEndsAtABlankLineAndALineWithoutPipesIsARow() throws {
        let parsed = try sheet(header + "\n| a | b |\n|---|---|\n| 1 | 2 |\nthree\n\nafter the table\n")
        guard case .block(.table(let table))? = parsed.intro.first, case .block(.paragraph(let after, _))? = parsed.intro.last else {
            Issue.record("expected a table then a paragraph: \(parsed.intro)")
            return
        }
        #expect(table.rows.map(text) == [["1", "2"], ["three", ""]])
        #expect(after.plainText == "after the table")
        #expect(parsed.intro.count == 2)
    }

    @Test func anotherBlockEndsTheTable() throws {
        let parsed = try sheet(header + "\n| a | b |\n|---|---|\n| 1 | 2 |\n> a quote\n")
        guard case .block(.table(let table))? = parsed.intro.first, case .block(.blockQuote)? = parsed.intro.last else {
            Issue.record("expected a table then a quote: \(parsed.intro)")
            return
        }
        #expect(table.rows.count == 1)
    }

    @Test func textAboveTheHeaderRowStaysAParagraph() throws {
        let parsed = try sheet(header + "\nSome words first\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        guard case .block(.paragraph(let words, _))? = parsed.intro.first, case .block(.table(let table))? = parsed.intro.last else {
            Issue.record("expected a paragraph then a table: \(parsed.intro)")
            return
        }
        #expect(words.plainText == "Some words first")
        #expect(text(table.header) == ["a", "b"])
    }

    @Test func aTableWithoutBodyRowsHasOnlyAHeader() throws {
        let table = try #require(try tables("| only | header |\n| --- | --- |\n").first)
        #expect(table.rows.isEmpty)
    }

    @Test func dashesUnderTextAreStillASetextHeading() throws {
        let parsed = try sheet(header + "\nTitle\n---\n")
        #expect(try tables("Title\n---\n").isEmpty)
        #expect(parsed.sections.count == 1, "a setext level-2 heading opens a section")
    }

    @Test func tablesInsideAQuoteOrListAreTablesToo() throws {
        let parsed = try sheet(header + "\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
        guard case .block(.blockQuote(let children, _))? = parsed.intro.first, case .table(let table)? = children.first else {
            Issue.record("expected a table in the quote: \(parsed.intro)")
            return
        }
        #expect(table.rows.map(text) == [["1", "2"]])
    }

    @Test func referenceLinksInCellsUseTheSheetsDefinitions() throws {
        let table = try #require(try tables("| a |\n|---|\n| [the docs][docs] |\n\n[docs]: https://example.org/docs\n").first)
        guard case .link(let link)? = table.rows[0][0].first else {
            Issue.record("expected a link: \(table.rows)")
            return
        }
        #expect(link.destination == "https://example.org/docs")
    }

    @Test func aBrokenCrossLinkInACellIsAnErrorAtItsPlace() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write(header + "\n## Part\n\n| see |\n|---|\n| [gone](#nowhere) |\n", to: "content/table.md")
        let result = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)
        #expect(result.status == 1)
        #expect(result.errorLines == ["content/table.md:9:3: error: link to '#nowhere': sheet 'table' has no section or card with anchor '#nowhere'"])
    }

    @Test func rendersARealTableThatScrollsOnNarrowScreens() throws {
        let table = try #require(try tables("| Key | Action |\n|:---|---:|\n| <kbd>q</kbd> | quit |\n").first)
        let html = MarkdownHTMLRenderer(resolveLink: { $0 }, highlight: { code, _ in code }).render(.table(table))
        #expect(html == """
            <div class="table-wrap" tabindex="0" role="region" aria-label="Table"><table>
            <thead>
            <tr><th class="align-left">Key</th><th class="align-right">Action</th></tr>
            </thead>
            <tbody>
            <tr><td class="align-left"><kbd>q</kbd></td><td class="align-right">quit</td></tr>
            </tbody>
            </table></div>

            """)
    }

    /// Debian's cmark-gfm, the reference implementation of GFM tables, as an oracle: on a
    /// fixture of our own it finds the same tables with the same cells.
    @Test func agreesWithCmarkGFMOnTheTableFixture() throws {
        let cmarkGFM = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(cmarkGFM, "cmark-gfm is missing: scripts/install-deps --browser installs it (Debian package cmark-gfm)")
        let fixture = try String(contentsOf: Fixtures.url("tables.md"), encoding: .utf8)
        let ours = try #require(SheetParser.parse(fixture, path: "tables.md", options: parseOptions).sheet)
        var oursCells: [[[String]]] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.unattributed {
                case .table(let table): oursCells.append(([table.header] + table.rows).map(text))
                case .blockQuote(let children, _): visit(children)
                case .list(let list): list.items.forEach(visit)
                default: break
                }
            }
        }
        func visit(_ items: [ContentItem]) {
            visit(items.compactMap { if case .block(let block) = $0 { block } else { nil } })
        }
        visit(ours.intro)
        for section in ours.sections { visit(section.items); section.cards.forEach { visit($0.items) } }

        let body = fixture.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        let html = try runCmarkGFM(body, at: path, arguments: ["-e", "table"])
        let theirs = Self.cells(inHTML: html)
        #expect(oursCells.count >= 8, "the fixture has tables of every kind")
        #expect(oursCells == theirs)
    }

    /// The text of every cell of every `<table>` in cmark-gfm's HTML, rows in order.
    static func cells(inHTML html: String) -> [[[String]]] {
        html.components(separatedBy: "<table>").dropFirst().map { table in
            let body = table.components(separatedBy: "</table>")[0]
            return body.components(separatedBy: "<tr>").dropFirst().map { row in
                row.components(separatedBy: "</tr>")[0].components(separatedBy: "<t").dropFirst().map { cell in
                    let content = cell.drop { $0 != ">" }.dropFirst()
                    let inner = content.components(separatedBy: "</t")[0]
                    let stripped = inner.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    return stripped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                }
            }
        }
    }
}
