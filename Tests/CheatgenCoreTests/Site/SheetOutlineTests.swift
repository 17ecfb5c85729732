import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenSite

/// What a run keeps of each sheet between loading and rendering, and how a page gets its
/// prose back.
@Suite("Sheet outlines")
struct SheetOutlineTests {
    static let text = """
        ---
        title: Outline
        ---

        Intro with a [link](#second).

        ## First

        Section prose.

        ```bash
        echo "shown, highlighted by Pygments with the Python snippets"
        ```

        ### Second

        Card prose.

        ```swift ignore
        let shown = "only shown"
        ```

        ```output
        shown
        ```

        ```swift ignore id=helper
        func helper() -> Int { 1 }
        ```

        ```swift uses=helper
        print(helper())
        ```

        ```output
        1
        ```
        """

    @Test func theOutlineKeepsStructureAndSnippetsButNotProse() throws {
        let full = try sheet(Self.text)
        let outline = SheetOutline(full, languages: languages)
        #expect(outline.intro.isEmpty)
        #expect(outline.anchors == full.anchors)
        #expect(outline.sections[0].items.count == 1, "the bash code block stays, the prose goes")
        #expect(!SheetRenderer.pygmentsBlocks(in: outline).isEmpty)
        #expect(SheetRenderer.pygmentsBlocks(in: outline) == SheetRenderer.pygmentsBlocks(in: full))
        let snippets = outline.snippets
        #expect(snippets.map(\.name) == full.snippets.map(\.name))
        #expect(snippets[0].code == "" && snippets[0].expectedOutput == nil, "a shown-only snippet keeps its place, not its code")
        #expect(snippets[1].code == full.snippets[1].code, "a snippet named by id= keeps its code for uses=")
        #expect(snippets[2] == full.snippets[2], "a verified snippet is kept whole")
    }

    @Test func aPageIsRenderedFromTheFileParsedAgainUnlessItChanged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.text, to: "outline.md")
        let loaded = ContentLoader.load([directory.path + "/outline.md"], options: parseOptions)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
        let outline = try #require(loaded.sheets.first)
        #expect(outline.intro.isEmpty, "the loader keeps outlines")

        let source = ReparsedSheets(options: parseOptions)
        let page = try source.sheet(for: outline)
        #expect(page == (try sheet(Self.text, path: directory.path + "/outline.md")))

        try directory.write(Self.text.replacingOccurrences(of: "print(helper())", with: "print(helper() + 1)"), to: "outline.md")
        #expect { try source.sheet(for: outline) } throws: { error in
            guard case CheatgenError.changedDuringBuild(let path) = error else { return false }
            return path == outline.path && "\(error)" == "\(path) changed while the site was being built; build again"
        }
        // Prose edits change no snippet, so the verified outline still stands.
        try directory.write(Self.text.replacingOccurrences(of: "Card prose.", with: "Other prose."), to: "outline.md")
        #expect((try? source.sheet(for: outline)) != nil)
    }

    @Test func aBuildWithinTheBudgetRendersFromTheSheetsItParsedOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.text, to: "outline.md")
        let path = directory.path + "/outline.md"
        let size = Self.text.utf8.count

        let kept = ContentLoader.load([path], options: parseOptions, keepingWholeUpTo: size)
        let outline = try #require(kept.sheets.first)
        let whole = try #require(kept.whole, "within the budget the whole sheets are kept")
        #expect(try whole.sheet(for: outline) == (try sheet(Self.text, path: path)), "the page's sheet, prose and all")
        // The page shows what was verified, whatever happens to the file meanwhile.
        try directory.write(Self.text.replacingOccurrences(of: "print(helper())", with: "print(helper() + 1)"), to: "outline.md")
        #expect(try whole.sheet(for: outline) == (try sheet(Self.text, path: path)))

        try directory.write(Self.text, to: "outline.md")
        #expect(ContentLoader.load([path], options: parseOptions, keepingWholeUpTo: size - 1).whole == nil,
                "a byte over the budget: outlines only, pages parsed again")
        #expect(ContentLoader.load([path], options: parseOptions).whole == nil, "a check keeps outlines only")
    }
}
