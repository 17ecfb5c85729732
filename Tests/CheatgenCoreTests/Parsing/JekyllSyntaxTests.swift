import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenSite

/// What sheets written for Jekyll cheatsheet sites (devhints and its kind) use besides
/// CommonMark: kramdown attribute lists, Liquid tags and Jekyll front matter — read, and never
/// shown as text.
@Suite("Jekyll and kramdown syntax")
struct JekyllSyntaxTests {
    // MARK: Attribute lists

    @Test func layoutHintsGoToTheSectionAndCardAbove() throws {
        let parsed = parse(header + """

            ## Moving around
            {: .-three-column}

            ### Keys
            {: .-prime}

            Words.
            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let sheet = try #require(parsed.sheet)
        #expect(sheet.sections[0].attributes.classes == ["-three-column"])
        #expect(sheet.sections[0].cards[0].attributes.classes == ["-prime"])
        #expect(SheetRenderer.columnClasses(sheet.sections[0].attributes) == ["columns-3"])
    }

    @Test func anAttributeListUnderAParagraphListTableOrCodeStaysWithIt() throws {
        let sheet = try sheet(header + """

            ### Card

            Read this first.
            {: .-intro}

            - one
            - two
            {: .-compact}

            | a | b |
            |---|---|
            | 1 | 2 |
            {: .-shortcuts}

            ```bash
            echo hi
            ```
            {: data-line="1"}
            """)
        let items = sheet.sections[0].cards[0].items
        let attributes = items.compactMap { item -> BlockAttributes? in
            if case .block(.attributed(_, let attributes)) = item { return attributes }
            return nil
        }
        #expect(items.count == 4)
        #expect(attributes.map(\.classes) == [["-intro"], ["-compact"], ["-shortcuts"], []])
        #expect(attributes[3].pairs == [.init(key: "data-line", value: "1")])
        let text = items.map { if case .block(let block) = $0 { [block].plainText } else { "" } }.joined(separator: " ")
        #expect(!text.contains("{:"), "no attribute list is left as text: \(text)")
    }

    @Test func anIDInAnAttributeListOrAfterAHeadingSetsTheAnchor() throws {
        let parsed = parse(header + """

            ## Getting started
            {: id="start"}

            ### Install it {#install}

            ### Run
            {: #run-it .-prime}
            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let sheet = try #require(parsed.sheet)
        #expect(sheet.anchorList == ["start", "install", "run-it"])
        #expect(sheet.sections[0].cards[0].title.plainText == "Install it")
        #expect(sheet.sections[0].cards[1].attributes.classes == ["-prime"])
    }

    @Test func attributeListsInsideCodeAreCode() throws {
        let sheet = try sheet(header + "\n### Card\n\n```ruby\nputs 1\n{: .-not-an-attribute}\n```\n")
        guard case .block(.codeBlock(let code))? = sheet.sections[0].cards[0].items.first else {
            Issue.record("expected a plain code block")
            return
        }
        #expect(code.code == "puts 1\n{: .-not-an-attribute}\n")
    }

    @Test func anAttributeWordThatMeansNothingIsAWarning() {
        let parsed = parse(header + "\n## Part\n{: .-ok ?odd}\n")
        #expect(parsed.lines == ["sheet.md:6:1: warning: kramdown attribute '?odd' is not understood; ignored (write .class, #id or key=\"value\") [markdown.attribute-list]"])
    }

    @Test func anAttributeListWithNothingAboveItIsAWarning() {
        let parsed = parse(header + "\n{: .-lost}\n\n## Part\n")
        #expect(parsed.lines == ["sheet.md:5:1: warning: attribute list has no heading or block right above it; ignored [markdown.attribute-list]"])
    }

    // MARK: Liquid

    @Test func rawBlocksKeepTheirTextAndDisappear() throws {
        let sheet = try sheet(header + "\n{% raw %}\n\n### Templates\n\nWrite {{ name }} and {% if x %} literally.\n\n{% endraw %}\n")
        let text = sheet.sections[0].cards[0].items.map { if case .block(let block) = $0 { [block].plainText } else { "" } }.joined()
        #expect(text == "Write {{ name }} and {% if x %} literally.")
    }

    @Test func otherTagsOutsideCodeAreRemovedWithAWarningNamingThem() throws {
        let parsed = parse(header + "\n### Formats\n\n{% include shared/formats.md title=\"Formats\" %}\n\nAfter it.\n")
        #expect(parsed.lines == ["sheet.md:7:1: warning: Liquid tag '{% include shared/formats.md … %}' is not supported; it was removed from the page [markdown.liquid-tag]"])
        let card = try #require(parsed.sheet).sections[0].cards[0]
        #expect(card.items.count == 1)
    }

    @Test func tagsInsideCodeAreKeptAndCommentsVanish() throws {
        let parsed = parse(header + """

            ### Loops

            {% comment %}
            a note for the writers only
            {% endcomment %}

            ```liquid
            {% for item in list %}{{ item }}{% endfor %}
            ```
            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let items = try #require(parsed.sheet).sections[0].cards[0].items
        #expect(items.count == 1)
        guard case .block(.codeBlock(let code))? = items.first else {
            Issue.record("expected the code block alone: \(items)")
            return
        }
        #expect(code.code == "{% for item in list %}{{ item }}{% endfor %}\n")
    }

    @Test func lineNumbersSurviveRemovedTags() {
        let parsed = parse(header + "\n{% raw %}\n{% include gone.md %}\n\n[broken](#nowhere)\n{% endraw %}\n")
        // The include is inside raw (kept as text); the link is still on line 8.
        #expect(parsed.lines.isEmpty)
        let links = parsed.sheet?.links ?? []
        #expect(links.map(\.location.line) == [8])
    }

    // MARK: Front matter

    @Test func jekyllFrontMatterIsRead() throws {
        let parsed = parse("""
            ---
            title: Shell history
            category: CLI
            updated: 2024-03-01
            weight: -3
            keywords: [history, bang]
            description: Recalling earlier commands.
            tags: [Featured]
            intro: |
              Everything the shell remembers, and how to **reuse** it.
            layout: 2017/sheet
            prism_languages: [bash]
            ---
            """)
        #expect(parsed.diagnostics.isEmpty, "known Jekyll keys are accepted silently: \(parsed.lines)")
        let front = try #require(parsed.sheet).frontMatter
        #expect(front.category == "CLI")
        #expect(front.updated == "2024-03-01")
        #expect(front.weight == -3)
        #expect(front.keywords == ["history", "bang"])
        #expect(front.description == "Recalling earlier commands.")
        #expect(front.intro.plainText == "Everything the shell remembers, and how to reuse it.")
    }

    @Test func aKeyNobodyKnowsIsStillAWarning() {
        let parsed = parse("---\ntitle: T\nflavour: vanilla\n---\n")
        #expect(parsed.warnings.count == 1)
        #expect(parsed.lines.first?.hasPrefix("sheet.md:3:1: warning: unknown front matter key 'flavour' is ignored") == true)
    }

    @Test("verify: in the front matter", arguments: [
        ("true", ["swift", "python"]),
        ("false", []),
        ("[swift]", ["swift"]),
        ("[py]", ["python"]),
    ])
    func verifySetting(value: String, verified: [String]) throws {
        let parsed = try sheet("---\ntitle: T\nverify: \(value)\n---\n\n### Card\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n\n```python\nprint(2)\n```\n\n```output\n2\n```\n")
        #expect(parsed.snippets.map(\.language) == verified)
    }

    @Test func aWrongVerifyValueIsAnError() {
        let parsed = parse("---\ntitle: T\nverify: [swift, cobol]\n---\n")
        #expect(parsed.lines == ["sheet.md:3:17: error: 'verify' lists 'cobol', which is not a language cheatgen runs (bash, console, javascript, pycon, python, swift) [front-matter.value]"])
    }

    @Test func pyIsPython() throws {
        let snippet = try onlySnippet("\n```py\nprint('hi')\n```\n\n```output\nhi\n```\n")
        #expect(snippet.language == "python")
    }

    @Test("A sheet may not take the name of a page of the site", arguments: ["index", "404"])
    func reservedSheetIDs(id: String) {
        let parsed = parse(header, path: "content/\(id).md")
        #expect(parsed.errors.map(\.formatted) == ["content/\(id).md:1:1: error: a sheet cannot be named '\(id).md': its page would overwrite the site's own \(id).html; rename the file"])
    }

    // MARK: Links between sheets

    @Test("Links written for a Jekyll site reach the sheet", arguments: ["./grep", "grep", "/grep", "grep.md", "grep.html", "./grep#flags"])
    func sheetLinks(destination: String) {
        let target = LinkTarget(destination, isSheet: { $0 == "grep" })
        guard case .sheet(let id, _) = target else {
            Issue.record("\(destination) → \(target)")
            return
        }
        #expect(id == "grep")
    }

    @Test func aRelativeLinkToNoSheetIsLeftAsWritten() {
        #expect(LinkTarget("./images/diagram.png", isSheet: { _ in true }) == .external("./images/diagram.png"))
        #expect(LinkTarget("tools", isSheet: { $0 == "grep" }) == .external("tools"))
    }
}
