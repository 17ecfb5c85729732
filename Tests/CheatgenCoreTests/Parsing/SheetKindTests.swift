import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenLanguages
@testable import CheatgenSite

/// `kind:` and `pages:` — what the index says about each sheet.
@Suite("Sheet kind and printed pages")
struct SheetKindTests {
    @Test func readsKindAndPages() throws {
        let guide = try sheet("---\ntitle: T\nkind: guide\npages: 7\n---\n")
        #expect(guide.frontMatter.kind == .guide)
        #expect(guide.frontMatter.pages == 7)
        let cheatsheet = try sheet("---\ntitle: T\nkind: Cheatsheet\npages: 1\n---\n")
        #expect(cheatsheet.frontMatter.kind == .cheatsheet)
        #expect(cheatsheet.frontMatter.pages == 1)
    }

    @Test func bothAreOptional() throws {
        let plain = try sheet("---\ntitle: T\n---\n")
        #expect(plain.frontMatter.kind == nil && plain.frontMatter.pages == nil)
        #expect(parse("---\ntitle: T\nkind: guide\npages: 3\n---\n").diagnostics.isEmpty, "known keys: no warning")
    }

    @Test("A kind other than cheatsheet or guide is an error at its value",
          arguments: [("handbook", "'handbook'"), ("[guide]", "a list or mapping"), ("2", "'2'")])
    func badKind(value: String, written: String) {
        let parsed = parse("---\ntitle: T\nkind: \(value)\n---\n")
        #expect(parsed.lines == ["sheet.md:3:7: error: 'kind' must be cheatsheet or guide, not \(written) [front-matter.value]"])
        #expect(parsed.sheet?.frontMatter.kind == nil)
    }

    @Test("Pages are a whole number, 1 or more", arguments: ["0", "-2", "1.5", "two", "\"2\"", "{a: 1}"])
    func badPages(value: String) throws {
        let parsed = parse("---\ntitle: T\npages: \(value)\n---\n")
        let line = try #require(parsed.lines.first)
        #expect(parsed.lines.count == 1)
        #expect(line.hasPrefix("sheet.md:3:8: error: 'pages' must be a whole number of printed pages, 1 or more, not "), "\(line)")
        #expect(parsed.sheet?.frontMatter.pages == nil)
    }

    @Test func theIndexSaysWhatEachSheetIsAndHowManyPagesItPrintsOn() async throws {
        let sheets = try [
            sheet("---\ntitle: Short\nkind: cheatsheet\npages: 2\n---\n\n## S\n\n### C\n\nText.\n", path: "content/short.md"),
            sheet("---\ntitle: Long\nkind: guide\npages: 1\n---\n\n## S\n\n### C\n\nText.\n", path: "content/long.md"),
            sheet("---\ntitle: Plain\n---\n\n## S\n\n### C\n\nText.\n", path: "content/plain.md"),
        ]
        let report = VerificationReport(results: [], versions: [:])
        let files = try await SiteBuilder(configuration: Configuration(), outputDirectory: "unused")
            .render(sheets.map { SheetOutline($0, languages: languages) }, report: report, source: LoadedSheets(sheets, languages: languages))
        let index = String(decoding: try #require(files.first { $0.0 == "index.html" }).1, as: UTF8.self)
        func item(_ id: String) throws -> Substring {
            let start = try #require(index.range(of: "<a href=\"\(id).html\">"))
            return index[start.lowerBound...].split(separator: "</li>", maxSplits: 1)[0]
        }
        #expect(try item("short").contains("<span class=\"sheet-kind\" data-kind=\"cheatsheet\">Cheatsheet</span> <span class=\"sheet-pages\" data-pages=\"2\">2 printed pages</span>"))
        #expect(try item("long").contains("<span class=\"sheet-kind\" data-kind=\"guide\">Guide</span> <span class=\"sheet-pages\" data-pages=\"1\">1 printed page</span>"))
        let plain = try item("plain")
        #expect(!plain.contains("sheet-kind") && !plain.contains("sheet-pages"), "\(plain)")
    }
}
