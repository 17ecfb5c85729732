import Foundation
import Testing
@testable import CheatgenCore

/// A DocC catalog as Apple's documentation writes one (the `docc` fixture: pages without front
/// matter in nested folders, a duplicate page name, comments, directives, asides, `<doc:>` links,
/// `// Prints` listings in Swift, Python and JavaScript), built by the real binary; and a page
/// that gets things wrong (`docc-errors`).
@Suite("DocC catalogs and Apple-style pages, end to end", .serialized)
struct DocCCatalogTests {
    private func built() async throws -> (TemporaryDirectory, CommandResult) {
        let directory = try TemporaryDirectory()
        try directory.copyFixture("docc/Garden.docc", as: "Garden.docc")
        let result = try await Cheatgen.run(["build", "Garden.docc", "--output", "site"], in: directory)
        return (directory, result)
    }

    @Test func buildsWithAWarningForTheDuplicateNameAndTheUnknownDirective() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 5 passed, 0 failed, 0 skipped", "wrote site/: 5 sheets"])
        #expect(result.errorLines.filter { $0.contains(": warning: ") } == [
            "Garden.docc/Planting/Rows.md:51:1: warning: DocC directives that cheatgen does not show were left out: '@Gallery' (line 51)",
            "Garden.docc/Planting/Seeds.md:1:1: warning: another page is named 'Seeds' (Harvest/Seeds.md); this one's id is 'Planting-Seeds', and <doc:Seeds> links go to the other one (write <doc:Planting/Seeds> for this one)",
        ])
        for page in ["Garden", "Rows", "Seeds", "Planting-Seeds", "Watering"] {
            #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("site/\(page).html").path), "\(page).html")
        }
    }

    @Test func thePageMatchesItsGoldenFile() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        try #require(result.status == 0, "\(result.standardError)")
        let rows = try directory.read("site/Rows.html")
        try Golden.check(Golden.normalizingVersions(rows), against: "docc-Rows.html")
        // What the golden file pins down, said out loud.
        #expect(rows.contains(#"<article class="sheet page" data-sheet="Rows">"#))
        #expect(rows.contains("<h1>Planting in Rows</h1>"))
        #expect(rows.contains("Lay out a bed so that every plant gets light and water."), "the abstract is the lead")
        #expect(!rows.contains(#"id="planting-in-rows""#), "the title is not a section")
        #expect(rows.contains(#"<a href="Watering.html">Watering</a>"#), "<doc:Page> shows the page's title")
        #expect(rows.contains(#"<a href="Watering.html#morning-or-evening">Morning or Evening</a>"#), "<doc:Page#Heading> goes to the heading's anchor")
        #expect(rows.contains(#"<aside class="aside aside-note" aria-label="Note">"#) && rows.contains(#"<p class="aside-label">Note</p>"#))
        #expect(rows.contains(#"<p>Measure the row in centimetres.</p>"#), "the label is taken off the text")
        #expect(rows.contains("aside-tip") && rows.contains("aside-warning"))
        #expect(!rows.contains("Output</"), "Prints comments are the output: no second panel")
        #expect(rows.contains("output checked") && rows.contains("checked against the &#39;Prints&#39; comments in its code"))
        let watering = try directory.read("site/Watering.html")
        for kind in ["important", "experiment", "deprecated"] { #expect(watering.contains("aside-\(kind)"), "\(kind)") }
        #expect(watering.contains(#"<a href="Rows.html#spacing">Spacing</a>"#))
        let root = try directory.read("site/Garden.html")
        #expect(root.contains(#"<a href="Seeds.html">Saving Seeds</a>"#) && root.contains(#"<a href="Planting-Seeds.html">Sowing Seeds</a>"#))
    }

    @Test func noCommentAndNoDirectiveIsShown() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        try #require(result.status == 0, "\(result.standardError)")
        for page in ["Garden", "Rows", "Seeds", "Planting-Seeds", "Watering", "index"] {
            let html = try directory.read("site/\(page).html")
            for hidden in ["&lt;!--", "<!--", "@Metadata", "@Options", "@Comment", "@Gallery", "@Image", "@PageKind", "@TechnologyRoot",
                           "A note for whoever edits", "check the times", "good neighbours", "Editors:", "doc:"] {
                #expect(!html.contains(hidden), "\(page).html shows \(hidden)")
            }
        }
    }

    @Test func brokenLinksAndAWrongPrintsCommentAreErrorsAtTheirLines() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("docc-errors", as: "pages")
        let result = try await Cheatgen.run(["check", "pages"], in: directory)
        #expect(result.status == 1)
        #expect(result.errorLines.contains("pages/Mistakes.md:5:6: error: link to 'doc:Nowhere': there is no page 'Nowhere' (no Nowhere.md among the pages)"))
        #expect(result.errorLines.contains("pages/Mistakes.md:5:29: error: link to 'doc:Mistakes#Missing-Part': page 'Mistakes' has no heading 'Missing-Part' (a heading's title as DocC writes it, such as 'Some-Heading')"))
        // At the `Prints` comment that differs, with the diff.
        expectConsecutive([
            "pages/Mistakes.md:13:1: error: snippet output does not match its 'Prints' comments",
            "--- expected",
            "+++ actual",
            "@@ -1,2 +1,3 @@",
            " 4",
            "-10",
            "+9",
            "+done",
        ], in: result.errorLines)
        #expect(result.outputLines.last == "snippets: 0 passed, 1 failed, 0 skipped (2 content errors)")
    }
}
