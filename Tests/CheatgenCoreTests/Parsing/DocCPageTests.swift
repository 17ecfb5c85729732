import Testing
@testable import CheatgenModel
@testable import CheatgenParsing

@Suite("Pages without front matter (DocC, GitHub)")
struct DocCPageTests {
    @Test func theFirstHeadingIsTheTitleAndTheParagraphUnderItTheDescription() throws {
        let parsed = parse("""
            <!-- licence header, written before the title -->
            # Knots

            Tie a few knots that *hold*.

            Some more text.

            ## Bowline
            """, path: "Knots.md")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let page = try #require(parsed.sheet)
        #expect(page.frontMatter.title == "Knots")
        #expect(page.frontMatter.description == "Tie a few knots that hold.")
        #expect(page.frontMatter.isPage)
        #expect(page.frontMatter.kind == .guide)
        #expect(page.sections.map(\.anchor) == ["bowline"], "the title is not a section")
        #expect(page.intro.count == 2, "the comment stays in place (unseen); the abstract moved to the lead")
    }

    @Test func aPageHasDocCsPunctuationAndASheetKeepsWhatWasTyped() throws {
        let text = "The knot holds --- mostly. Pages 3--5, \"tight\" and `a---b`.\n"
        let page = try #require(parse("# Knots\n\n## Notes\n\n" + text, path: "Knots.md").sheet)
        #expect(page.sections.first.map { [$0.items[0]].plainText } == "The knot holds \u{2014} mostly. Pages 3\u{2013}5, \u{201C}tight\u{201D} and a---b.")
        let sheet = try #require(parse(header + "\n## Notes\n\n" + text).sheet)
        #expect(sheet.sections.first.map { [$0.items[0]].plainText } == "The knot holds --- mostly. Pages 3--5, \"tight\" and a---b.")
    }

    @Test func aPageWithoutATitleIsAnError() {
        let parsed = parse("## Section\n\nText.\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:1:1: error: page has no title; start it with a '# Title' line, or with front matter (---, title: …, ---) [front-matter.missing]"])
    }

    @Test func commentsAreNeitherShownNorWarnedAbout() throws {
        let parsed = parse("""
            # Notes

            About notes.

            Text <!-- inline aside --> goes on.

            <!--
            - hidden: `a list in a comment`

              ```swift
              fatalError("never verified")
              ```
            -->

            <div>shown as text</div>
            """)
        #expect(parsed.lines == ["sheet.md:15:1: warning: raw HTML is not rendered; it is shown as text [markdown.raw-html]"])
        let page = try #require(parsed.sheet)
        #expect(page.snippets.isEmpty, "code in a comment is not a snippet")
        let comments = page.intro.compactMap { item -> String? in if case .block(.comment(let text, _)) = item { text } else { nil } }
        #expect(comments.count == 1 && comments[0].contains("a list in a comment"), "the comment's text is kept for what reads it")
        guard case .block(.paragraph(let inlines, _))? = page.intro.first else { Issue.record("no paragraph"); return }
        #expect(inlines.plainText == "Text  goes on.")
    }

    @Test func directivesAreLeftOutAndUnknownOnesNamedOnce() throws {
        let parsed = parse("""
            # Rope

            Kinds of rope.

            @Metadata {
              @PageKind(article)
            }

            @Comment {
              Hidden note.

              Second hidden paragraph.
            }

            @Carousel {
              @Image(source: "a.png", alt: "A")
            }

            @Badge(text: "new")

            Visible text.

            ```swift
            @MainActor
            final class Spool {}
            ```
            """)
        #expect(parsed.lines == ["sheet.md:15:1: warning: DocC directives that cheatgen does not show were left out: '@Carousel' (line 15), '@Badge' (line 19) [markdown.directive]"])
        let page = try #require(parsed.sheet)
        let text = page.intro.plainText
        #expect(!text.contains("@Metadata") && !text.contains("@Carousel") && !text.contains("@Badge") && !text.contains("@Image"), "\(text)")
        #expect(!text.contains("Hidden note") && !text.contains("PageKind") && text.contains("Visible text"))
        #expect(page.snippets.first?.code.hasPrefix("@MainActor") == true, "code keeps its attributes")
    }

    @Test("Fragments as swift-docc makes them", arguments: [
        ("Optional Binding", "Optional-Binding"),
        ("In-Out Parameters", "In-Out-Parameters"),
        ("Strings and Characters", "Strings-and-Characters"),
        ("What's `Self`?", "Whats-Self"),
        ("Tuples (and Pairs)", "Tuples-and-Pairs"),
        ("  Leading — and trailing  ", "Leading-and-trailing"),
        ("Operators: + and =", "Operators-+-and-="),
    ])
    func fragment(title: String, fragment: String) {
        #expect(DocCLink.fragment(title) == fragment)
    }

    @Test func docLinksNameAPageAndAHeading() throws {
        let link = try #require(DocCLink("doc:Knots#Figure-Eight"))
        #expect(link.page == "Knots" && link.heading == "Figure-Eight" && link.folders.isEmpty)
        let nested = try #require(DocCLink("doc:Guide/Knots"))
        #expect(nested.candidateIDs == ["Guide-Knots", "Knots"])
        #expect(LinkTarget("doc:Knots") == .doc(DocCLink("doc:Knots")!))
        #expect(DocCLink("https://example.org") == nil)
    }

    @Test("Asides", arguments: [
        ("> Note: Dry rope lasts longer.", Aside.Kind.note, "Dry rope lasts longer."),
        ("> Important: Check it first.", .important, "Check it first."),
        ("> Warning: It can snap.", .warning, "It can snap."),
        ("> Tip: Whip the ends.", .tip, "Whip the ends."),
        ("> Experiment: Try a wet one.", .experiment, "Try a wet one."),
        ("> Deprecated: Use the new knot.", .deprecated, "Use the new knot."),
        ("> [!CAUTION]\n> Mind your fingers.", .caution, "Mind your fingers."),
    ])
    func aside(markdown: String, kind: Aside.Kind, text: String) throws {
        let page = try sheet("# Rope\n\nAbout rope.\n\n" + markdown + "\n")
        guard case .block(.blockQuote(let children, _))? = page.intro.last else { Issue.record("no quote"); return }
        let aside = try #require(Aside(children))
        #expect(aside.kind == kind)
        #expect(aside.blocks.plainText == text)
    }

    @Test func aSyntaxTemplateIsShownNotRun() throws {
        let page = try sheet("""
            # Loops

            How a loop is written.

            ```swift
            while <#condition#> {
                <#statements#>
            }
            ```

            ```swift
            let template = "<#not a placeholder in a string?#>"
            ```

            ```swift
            print("no placeholder")
            ```
            """)
        #expect(page.snippets.map(\.attributes.mode) == [.ignore, .ignore, .run])
    }

    @Test func anOrdinaryQuoteIsNoAside() {
        #expect(Aside([.paragraph([.text("note: lower case is a quote")], SourceLocation(path: "p.md", line: 1))]) == nil)
        #expect(Aside([.paragraph([.text("Remember: this is a quote")], SourceLocation(path: "p.md", line: 1))]) == nil)
    }
}
