import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenSite

/// GitHub's extensions as cheatgen reads them into its model: what cmark-gfm cannot tell us
/// (footnote definitions' extent and diagnostics, where things are in the file).
@Suite("GFM extensions in the model")
struct GFMExtensionTests {
    func introInlines(_ body: String) throws -> [Inline] {
        let parsed = try sheet(header + "\n" + body)
        guard case .block(.paragraph(let inlines, _))? = parsed.intro.first else {
            Issue.record("expected a paragraph: \(parsed.intro)")
            return []
        }
        return inlines
    }

    @Test func strikethroughHoldsInlines() throws {
        let inlines = try introInlines("keep ~~*old* way~~ here\n")
        #expect(inlines == [.text("keep "), .strikethrough([.emphasis([.text("old")]), .text(" way")]), .text(" here")])
        #expect(inlines.plainText == "keep old way here", "search and titles read struck words")
    }

    @Test func anAutolinkIsALinkAtItsParagraph() throws {
        let inlines = try introInlines("see www.example.com now\n")
        guard case .link(let link)? = inlines.dropFirst().first else {
            Issue.record("expected a link: \(inlines)")
            return
        }
        #expect(link.destination == "http://www.example.com")
        #expect(link.children == [.text("www.example.com")])
        #expect(link.location.line == 5)
    }

    @Test func taskItemsCarryTheirBoxInTheList() throws {
        let parsed = try sheet(header + "\n- [ ] open\n- [x] done\n- plain\n")
        guard case .block(.list(let list))? = parsed.intro.first else {
            Issue.record("expected a list: \(parsed.intro)")
            return
        }
        #expect(list.checkboxes == [false, true, nil])
        #expect(list.items.map(\.plainText) == ["open", "done", "plain"])
    }

    @Test func aListWithoutBoxesHasNone() throws {
        let parsed = try sheet(header + "\n- [y] odd\n- [x]tight\n")
        guard case .block(.list(let list))? = parsed.intro.first else {
            Issue.record("expected a list: \(parsed.intro)")
            return
        }
        #expect(list.checkboxes.isEmpty)
        #expect(list.items.map(\.plainText) == ["[y] odd", "[x]tight"])
    }

    @Test func aDefinitionRunsOverIndentedAndLazyLines() throws {
        let parsed = try sheet(header + """

            Text[^a].

            [^a]: First line
            still the first paragraph

                Second paragraph.

                    indented code
            After the note.

            """)
        let note = try #require(parsed.footnotes.first)
        #expect(note.label == "a" && note.location.line == 7 && note.location.column == 1)
        #expect(note.blocks.count == 3)
        guard case .paragraph(let first, _) = note.blocks[0], case .codeBlock(let code) = note.blocks[2] else {
            Issue.record("expected paragraph, paragraph, code: \(note.blocks)")
            return
        }
        #expect(first.plainText == "First line still the first paragraph")
        #expect(code.code == "indented code\n")
        #expect(code.location.line == 12)
        let paragraphs = parsed.intro.compactMap { item -> String? in
            if case .block(.paragraph(let inlines, _)) = item { inlines.plainText } else { nil }
        }
        #expect(paragraphs == ["Text.", "After the note."], "the definition is out of the flow; the reference reads as nothing")
    }

    @Test func aDefinitionThatLooksLikeALinkDefinitionIsANote() throws {
        // cmark core alone would take `[^site]: https://…` for a link reference definition.
        let parsed = try sheet(header + "\nSee[^site].\n\n[^site]: https://example.org\n")
        let note = try #require(parsed.footnotes.first)
        guard case .paragraph(let inlines, _)? = note.blocks.first, case .link(let link)? = inlines.first else {
            Issue.record("expected an autolink in the note: \(note.blocks)")
            return
        }
        #expect(link.destination == "https://example.org")
    }

    @Test func definitionsInsideCodeAreCode() throws {
        let parsed = try sheet(header + "\n```text\n[^a]: not a note\n```\n\nNo[^a] reference.\n")
        #expect(parsed.footnotes.isEmpty)
        guard case .block(.paragraph(let inlines, _))? = parsed.intro.last else {
            Issue.record("expected a paragraph: \(parsed.intro)")
            return
        }
        #expect(inlines == [.text("No[^a] reference.")], "an undefined reference stays text")
    }

    @Test func referencesMatchLabelsIgnoringCase() throws {
        let inlines = try introInlines("One[^Note] two[^note].\n\n[^NOTE]: Said once.\n")
        #expect(inlines == [.text("One"), .footnoteReference("note"), .text(" two"), .footnoteReference("note"), .text(".")])
    }

    @Test func unusedAndRepeatedDefinitionsAreWarnings() throws {
        let result = parse(header + "\nUses[^a].\n\n[^a]: First.\n[^a]: Again.\n  [^b]: Never used.\n")
        #expect(result.lines == [
            "sheet.md:8:1: warning: footnote '[^a]' is already defined on line 7; this definition is ignored [markdown.footnote]",
            "sheet.md:9:3: warning: footnote '[^b]' is never referred to; it is not shown [markdown.footnote]",
        ])
    }

    @Test func aSnippetFenceInANoteIsShownNotVerified() throws {
        let result = parse(header + "\nSee[^code].\n\n[^code]: Like this:\n\n    ```swift\n    print(1)\n    ```\n")
        #expect(result.lines == ["sheet.md:9:5: warning: a 'swift' block inside a footnote is shown but not verified; move it into a card to verify it [snippet.not-verified]"])
    }

    @Test func aBrokenCrossLinkInANoteIsAnErrorAtItsPlace() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write(header + "\n## Part\n\nText[^n].\n\n[^n]: See [nowhere](#gone).\n", to: "content/notes.md")
        let result = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)
        #expect(result.status == 1)
        #expect(result.errorLines == ["content/notes.md:9:11: error: link to '#gone': sheet 'notes' has no section or card with anchor '#gone'"])
    }

    @Test func eachCardNumbersItsOwnNotesWithIdsOfItsOwn() throws {
        let parsed = try sheet(header + "\n## S\n\n### One\n\nA[^x] b[^y].\n\n### Two\n\nC[^y] d[^y].\n\n[^x]: Ex.\n[^y]: Why.\n")
        let renderer = MarkdownHTMLRenderer(resolveLink: { $0 }, highlight: { code, _ in code })
        var pages: [String] = []
        for card in parsed.sections[0].cards {
            let markdown = renderer.withNotes(parsed.footnotes, idPrefix: "sheet--\(card.anchor)--")
            var html = ""
            for case .block(let block) in card.items { html += markdown.render(block) }
            pages.append(html + markdown.renderNotes())
        }
        #expect(pages[0].contains(##"<a href="#sheet--one--fn-2" id="sheet--one--fnref-2" data-footnote-ref>2</a>"##))
        #expect(pages[1] == """
            <p>C<sup class="footnote-ref"><a href="#sheet--two--fn-1" id="sheet--two--fnref-1" data-footnote-ref>1</a></sup> \
            d<sup class="footnote-ref"><a href="#sheet--two--fn-1" id="sheet--two--fnref-1-2" data-footnote-ref>1</a></sup>.</p>
            <section class="footnotes" data-footnotes aria-label="Footnotes">
            <ol>
            <li id="sheet--two--fn-1">
            <p>Why. <a href="#sheet--two--fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to reference 1">↩</a> \
            <a href="#sheet--two--fnref-1-2" class="footnote-backref" data-footnote-backref aria-label="Back to reference 1">↩<sup class="footnote-ref">2</sup></a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func manyRunsThatNeverPairAreReadInLinearTime() throws {
        // Openers of one tilde that can also close, then closers of two that can also open: by
        // the rule of three none pair, and without a floor each closer would search them all.
        let openers = String(repeating: "a~a ", count: 40_000), closers = String(repeating: "b~~b ", count: 40_000)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let parsed = try sheet(header + "\n" + openers + closers + String(repeating: "www.x.org a@b.org [^n] ", count: 20_000) + "\n")
            #expect(parsed.intro.count == 1)
        }
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }
}
