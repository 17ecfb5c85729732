import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenVerification

@Suite("Sections, cards and anchors")
struct SheetStructureTests {
    static let sample = header + """

        Intro paragraph.

        ## Getting Started

        Section preamble.

        ### Hello, World!

        Card prose.

        ### Reading `stdin`

        ## Next Steps

        ### More
        """

    @Test func sectionsAndCards() throws {
        let parsed = parse(Self.sample)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let sheet = try #require(parsed.sheet)
        #expect(sheet.intro.count == 1)
        #expect(sheet.sections.map(\.title.plainText) == ["Getting Started", "Next Steps"])
        #expect(sheet.sections.map(\.location.line) == [7, 17])
        #expect(sheet.sections[0].items.count == 1, "the preamble belongs to the section")
        #expect(sheet.sections[0].cards.map(\.title.plainText) == ["Hello, World!", "Reading stdin"])
        #expect(sheet.sections[0].cards.map(\.location.line) == [11, 15])
        #expect(sheet.sections[0].cards[0].items.count == 1)
        #expect(sheet.sections[1].cards.map(\.title.plainText) == ["More"])
    }

    @Test func anchorsAreLowercaseWordsJoinedByDashes() throws {
        let sheet = try sheet(Self.sample)
        #expect(sheet.anchorList == ["getting-started", "hello-world", "reading-stdin", "next-steps", "more"])
        #expect(sheet.anchors == ["getting-started", "hello-world", "reading-stdin", "next-steps", "more"])
    }

    @Test("Anchor slugs", arguments: [
        ("Hello, World!", "hello-world"),
        ("  Leading and trailing  ", "leading-and-trailing"),
        ("async/await", "async-await"),
        ("Café Crème", "café-crème"),
        ("Swift 6.2", "swift-6-2"),
        ("!!!", "section"),
        ("", "section"),
    ])
    func slug(title: String, anchor: String) {
        #expect(Anchor.slug(title) == anchor)
    }

    @Test func repeatedHeadingsAreNumberedFromOneAsOnGitHub() throws {
        let parsed = parse(header + """

            ## Basics

            ### Loops

            ## Basics

            ### Loops

            ### Loops
            """)
        let sheet = try #require(parsed.sheet)
        // The second "Loops" is #loops-1, as GitHub and kramdown number them: links written
        // for those sites keep working.
        #expect(sheet.anchorList == ["basics", "loops", "basics-1", "loops-1", "loops-2"])
        #expect(parsed.lines == [
            "sheet.md:9:1: warning: heading 'Basics' has the same anchor as 'Basics' (line 5); its anchor is '#basics-1' [markdown.duplicate-anchor]",
            "sheet.md:11:1: warning: heading 'Loops' has the same anchor as 'Loops' (line 7); its anchor is '#loops-1' [markdown.duplicate-anchor]",
            "sheet.md:13:1: warning: heading 'Loops' has the same anchor as 'Loops' (line 7); its anchor is '#loops-2' [markdown.duplicate-anchor]",
        ])
    }

    @Test func aHeadingThatLooksLikeANumberedRepeatStillGetsItsOwnAnchor() throws {
        // "Fork", "Fork", "Fork 1": the third slugs to "fork-1", which the second already has.
        let parsed = parse(header + "\n## Fork\n\n## Fork\n\n## Fork 1\n")
        let sheet = try #require(parsed.sheet)
        #expect(sheet.anchorList == ["fork", "fork-1", "fork-1-1"])
        #expect(parsed.lines.last == "sheet.md:9:1: warning: heading 'Fork 1' has the same anchor as 'Fork' (line 7); its anchor is '#fork-1-1' [markdown.duplicate-anchor]")
    }

    @Test func aHeadingCannotTakeAnAnchorThePageUses() throws {
        let parsed = parse(header + "\n## Top\n")
        #expect(try #require(parsed.sheet).anchorList == ["top-1"])
        #expect(parsed.lines == ["sheet.md:5:1: warning: heading 'Top' has the same anchor as the page's own '#top'; its anchor is '#top-1' [markdown.duplicate-anchor]"])
    }

    @Test func levelOneHeadingIsReadAsASectionWithAWarning() throws {
        let parsed = parse(header + "\n# Commands\n\n### Status\n")
        #expect(parsed.lines == ["sheet.md:5:1: warning: a '#' heading in a sheet is read as a section ('##'); the sheet's title comes from its front matter [markdown.heading-level]"])
        let sheet = try #require(parsed.sheet)
        #expect(sheet.sections.map(\.title.plainText) == ["Commands"])
        #expect(sheet.sections[0].cards.map(\.anchor) == ["status"])
    }

    @Test func cardsBeforeAnySectionFormAnUntitledFirstSection() throws {
        let parsed = parse(header + "\nWhat this sheet is about.\n\n### First card\n\n### Second card\n\n## Later\n\n### Third card\n")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let sheet = try #require(parsed.sheet)
        #expect(sheet.intro.count == 1, "the prose above the first card stays the intro")
        #expect(sheet.sections.map(\.isUntitled) == [true, false])
        #expect(sheet.sections[0].cards.map(\.anchor) == ["first-card", "second-card"])
        #expect(!sheet.anchors.contains(""), "an untitled section has no anchor to link to")
    }

    @Test func aSheetWithoutSectionsIsAllCards() throws {
        let sheet = try sheet(header + "\n### Only\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n")
        #expect(sheet.sections.count == 1 && sheet.sections[0].isUntitled)
        #expect(sheet.snippets.map(\.name) == ["sheet/only"])
    }

    @Test func rawHTMLIsAWarning() throws {
        let parsed = parse(header + "\n<div>hi</div>\n")
        #expect(parsed.lines == ["sheet.md:5:1: warning: raw HTML is not rendered; it is shown as text [markdown.raw-html]"])
        #expect(parsed.sheet != nil)
    }

    @Test func snippetNamesAndSymbols() throws {
        let sheet = try sheet(header + """

            ```swift
            print("intro")
            ```

            ## Basics

            ```swift
            print("preamble")
            ```

            ### Hello, World!

            ```swift
            print(1)
            ```

            ```swift
            print(2)
            ```

            ### Other

            ```swift
            print(3)
            ```
            """, path: "content/1-start.md")
        let snippets = sheet.snippets
        #expect(snippets.map(\.name) == ["1-start/intro", "1-start/basics", "1-start/hello-world", "1-start/hello-world#2", "1-start/other"])
        #expect(snippets.map(\.index) == [0, 1, 2, 3, 4])
        #expect(snippets.map(\.cardAnchor) == [nil, nil, "hello-world", "hello-world", "other"])
        #expect(snippets.map(\.sectionAnchor) == [nil, "basics", "basics", "basics", "basics"])
        #expect(snippets.map(\.cardTitle) == ["", "Basics", "Hello, World!", "Hello, World!", "Other"])
        // Module and entry-point names: identifiers, never starting with a digit, all distinct.
        #expect(snippets.map(\.symbolName) == ["s1_start__intro", "s1_start__basics", "s1_start__hello_world", "s1_start__hello_world_2", "s1_start__other"])
        #expect(snippets.map(\.path) == Array(repeating: "content/1-start.md", count: 5))
    }

    @Test func symbolNamesStayUniqueWhenCardsSlugToTheSameIdentifier() throws {
        // Non-ASCII letters become '_' in symbols, so these two cards collide without a suffix.
        let sheet = try sheet(header + "\n## S\n\n### é\n\n```swift\nprint(1)\n```\n\n### è\n\n```swift\nprint(2)\n```\n")
        let symbols = sheet.snippets.map(\.symbolName)
        #expect(symbols.count == 2)
        #expect(Set(symbols).count == 2, "\(symbols)")
    }

    @Test func otherLanguagesAreNotSnippets() throws {
        let sheet = try sheet(header + """

            ```ruby
            puts "not verified"
            ```

            ```
            plain
            ```

                indented code
            """)
        #expect(sheet.snippets.isEmpty)
        #expect(sheet.intro.count == 3)
    }

    @Test func unclosedFenceIsAnError() throws {
        let parsed = parse(header + "\n## S\n\n```swift\nprint(1)\n\n## Swallowed\n")
        #expect(parsed.lines == ["sheet.md:7:1: error: code block is never closed; end it with a line of ``` (everything below became code) [markdown.unclosed-code-block]"])
        #expect(parsed.sheet?.sections.map(\.anchor) == ["s"], "the heading below became code")
    }

    @Test func swiftBlockInsideAListIsNotSilentlyIgnored() throws {
        let parsed = parse(header + """

            ## Steps

            1. Write this:

               ```swift
               let x: Int = "not checked"
               ```
            """)
        let sheet = try #require(parsed.sheet)
        #expect(parsed.lines == ["sheet.md:9:4: warning: a 'swift' block inside a list or quote is shown but not verified; move it to the top level to verify it [snippet.not-verified]"])
        #expect(sheet.snippets.isEmpty, "shown as code, not verified")
    }

    @Test func deeplyNestedQuotesAreAnErrorNotACrash() throws {
        let markdown = header + "\n" + String(repeating: ">", count: 10_000) + " deep\n\n## After\n"
        let parsed = parse(markdown)
        // On the line of the quotes, at the marker that went one level too deep.
        #expect(parsed.lines == ["sheet.md:5:65: error: Markdown nested more than 64 levels deep; flatten the lists or quotes [markdown.nested-too-deep]"])
        // The rest of the sheet is still read.
        #expect(parsed.sheet?.sections.map(\.anchor) == ["after"])
    }

    @Test func deeplyNestedListsAreAnErrorNotACrash() throws {
        var markdown = header + "\n"
        for depth in 0..<500 { markdown += String(repeating: "  ", count: depth) + "- item\n" }
        let parsed = parse(markdown)
        #expect(parsed.errors.map(\.id) == [.nestedTooDeep])
    }

    @Test func tenThousandNestedListMarkersOnOneLine() throws {
        let parsed = parse(header + "\n" + String(repeating: "- ", count: 10_000) + "x\n")
        #expect(parsed.errors.map(\.id) == [.nestedTooDeep])
        #expect(parsed.sheet != nil)
    }

    @Test func deeplyNestedEmphasisIsAnErrorNotACrash() throws {
        let parsed = parse(header + "\n" + String(repeating: "*", count: 5_000) + "x" + String(repeating: "*", count: 5_000) + "\n")
        #expect(parsed.errors.map(\.id) == [.nestedTooDeep])
        #expect(parsed.sheet != nil)
    }

    @Test func nestingWithinTheLimitIsFine() throws {
        let parsed = parse(header + "\n" + String(repeating: "> ", count: 30) + "quoted\n")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
    }
}
