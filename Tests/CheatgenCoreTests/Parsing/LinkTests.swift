import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenLanguages

@Suite("Link targets")
struct LinkTargetTests {
    @Test("Schemes that run code are unsafe, whatever their case or padding", arguments: [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u{1}javascript:alert(1)",
        " data:text/html,<script>alert(1)</script>",
        "data:image/png;base64,AAAA",
        "vbscript:msgbox",
        "VBScript:msgbox",
    ])
    func unsafe(destination: String) {
        #expect(LinkTarget(destination) == .unsafe)
    }

    @Test("Other sheets", arguments: [
        ("other.md", LinkTarget.sheet(id: "other", anchor: nil)),
        ("other.md#x", .sheet(id: "other", anchor: "x")),
        ("other.md#", .sheet(id: "other", anchor: nil)),
        ("./other.md#x", .sheet(id: "other", anchor: "x")),
        ("../content/other.md#card-two", .sheet(id: "other", anchor: "card-two")),
        ("#x", .sheet(id: nil, anchor: "x")),
        ("  #x  ", .sheet(id: nil, anchor: "x")),
    ])
    func sheet(destination: String, target: LinkTarget) {
        #expect(LinkTarget(destination) == target)
    }

    @Test("Everything else is external and kept as written", arguments: [
        "https://swift.org/documentation/",
        "http://example.com/a.md",
        "mailto:someone@example.com",
        "ftp://example.com/file",
        "/absolute/other.md",
        "other.html",
        "other.markdown",
        "other.md?raw=1",
        "https://example.com/page#javascript:",
    ])
    func external(destination: String) {
        #expect(LinkTarget(destination) == .external(destination))
    }
}

@Suite("Cross-references between sheets")
struct CrossReferenceTests {
    static let target = """
        ---
        title: Target
        ---

        ## Strings

        ### Split a string
        """

    private func sheets(_ markdown: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Sheet] {
        [try sheet(markdown, path: "content/source.md", sourceLocation: sourceLocation),
         try sheet(Self.target, path: "content/target.md", sourceLocation: sourceLocation)]
    }

    @Test func validLinksAndRelatedIDsPass() throws {
        let all = try sheets("""
            ---
            title: Source
            related: [target]
            ---

            See [splitting](target.md#split-a-string), [the sheet](target.md),
            [below](#local-card), [Swift](https://swift.org) and [an email](mailto:a@b.c).

            ## Local

            ### Local card

            More on [strings](target.md#strings).
            """)
        #expect(CrossReferences.check(all.map { SheetOutline($0, languages: languages) }).isEmpty)
    }

    @Test func linkToAMissingSheetIsAnErrorAtTheLink() throws {
        let markdown = """
            ---
            title: Source
            ---

            Intro text, then a [broken link](nowhere.md#x) here.
            """
        let diagnostics = CrossReferences.check(try sheets(markdown).map { SheetOutline($0, languages: languages) })
        let line = try lineNumber(of: "[broken link]", in: markdown)
        let column = try columnNumber(of: "[broken link]", in: markdown)
        #expect(diagnostics.map { $0.formatted(showingID: true) } == [
            "content/source.md:\(line):\(column): error: link to 'nowhere.md#x': there is no sheet 'nowhere' [link.unresolved]",
        ])
    }

    @Test func linkToAMissingAnchorIsAnErrorAtTheLink() throws {
        let markdown = """
            ---
            title: Source
            ---

            ## Section

            ### Card

            First line of the paragraph,
            then [a bad anchor](target.md#join-strings) on the second line.
            """
        let diagnostics = CrossReferences.check(try sheets(markdown).map { SheetOutline($0, languages: languages) })
        let line = try lineNumber(of: "[a bad anchor]", in: markdown)
        let column = try columnNumber(of: "[a bad anchor]", in: markdown)
        #expect(diagnostics.map { $0.formatted(showingID: true) } == [
            "content/source.md:\(line):\(column): error: link to 'target.md#join-strings': sheet 'target' has no section or card with anchor '#join-strings' [link.unresolved]",
        ])
    }

    @Test func localAnchorsAreCheckedToo() throws {
        let markdown = """
            ---
            title: Source
            ---

            ## Section

            Jump to [nothing](#no-such-card).
            """
        let diagnostics = CrossReferences.check(try sheets(markdown).map { SheetOutline($0, languages: languages) })
        let column = try columnNumber(of: "[nothing]", in: markdown)
        #expect(diagnostics.map { $0.formatted(showingID: true) } == [
            "content/source.md:7:\(column): error: link to '#no-such-card': sheet 'source' has no section or card with anchor '#no-such-card' [link.unresolved]",
        ])
    }

    @Test func linksInHeadingsListsQuotesAndEmphasisAreChecked() throws {
        let markdown = """
            ---
            title: Source
            ---

            ## About [missing](a.md)

            - item with [missing](b.md)

            > quoted [missing](c.md)

            *emphasised [missing](d.md)*
            """
        let all = try sheets(markdown)
        #expect(all[0].links.map(\.destination) == ["a.md", "b.md", "c.md", "d.md"])
        let diagnostics = CrossReferences.check(all.map { SheetOutline($0, languages: languages) })
        #expect(diagnostics.map(\.location?.line) == [5, 7, 9, 11])
    }

    @Test func unknownRelatedIDIsAnErrorAtItsLine() throws {
        let markdown = """
            ---
            title: Source
            related:
              - target
              - missing-sheet
            ---
            """
        let diagnostics = CrossReferences.check(try sheets(markdown).map { SheetOutline($0, languages: languages) })
        #expect(diagnostics.map { $0.formatted(showingID: true) } == [
            "content/source.md:5:5: error: related sheet 'missing-sheet' does not exist (no missing-sheet.md next to this sheet) [link.unresolved-related]",
        ])
    }

    @Test func contentLoaderChecksCrossReferencesAndDuplicateIDs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("b"), withIntermediateDirectories: true)
        try directory.write("---\ntitle: One\nrelated: [two]\n---\n\nSee [two](two.md#nope).\n", to: "a/one.md")
        try directory.write("---\ntitle: One again\n---\n", to: "b/one.md")
        try directory.write("---\ntitle: Two\n---\n", to: "a/two.md")
        try directory.write("not a sheet", to: "a/notes.txt")
        try directory.write("---\ntitle: Hidden\n---\n", to: "a/.draft.md")
        let a = directory.path + "/a"
        let b = directory.path + "/b/"
        let result = ContentLoader.load([a, b, directory.path + "/missing.md"], options: parseOptions)
        #expect(result.sheets.map(\.id) == ["one", "two"])
        #expect(result.sheets.map(\.path) == ["\(a)/one.md", "\(a)/two.md"])
        #expect(result.diagnostics.map { $0.formatted(showingID: true) } == [
            "\(directory.path)/missing.md:1:1: error: no such file or directory [file.unreadable]",
            "\(directory.path)/b/one.md:1:1: error: two sheets have the id 'one' [sheet.duplicate]\n\(a)/one.md:1:1: note: the other one is here",
            "\(a)/one.md:6:5: error: link to 'two.md#nope': sheet 'two' has no section or card with anchor '#nope' [link.unresolved]",
        ])
    }
}
