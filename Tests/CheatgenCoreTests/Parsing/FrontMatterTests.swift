import Foundation
import Testing
@testable import CheatgenModel

@Suite("Front matter")
struct FrontMatterTests {
    @Test func readsEveryKnownKey() throws {
        let parsed = parse("""
            ---
            title: Swift Strings
            summary: Slicing, searching and formatting text.
            tags: [swift, text]
            related:
              - swift-regex
              - swift-unicode
            ---

            Intro.
            """, path: "content/swift-strings.md")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let sheet = try #require(parsed.sheet)
        #expect(sheet.id == "swift-strings")
        #expect(sheet.path == "content/swift-strings.md")
        #expect(sheet.frontMatter.title == "Swift Strings")
        #expect(sheet.frontMatter.summary == "Slicing, searching and formatting text.")
        #expect(sheet.frontMatter.tags == ["swift", "text"])
        #expect(sheet.frontMatter.related == ["swift-regex", "swift-unicode"])
        // Each related id is remembered at its own line, for "unknown related sheet" errors.
        #expect(sheet.frontMatter.relatedLocations.map(\.line) == [6, 7])
        #expect(sheet.frontMatter.relatedLocations.map(\.column) == [5, 5])
    }

    @Test func aSingleTagNeedsNoBrackets() throws {
        let sheet = try sheet("---\ntitle: T\ntags: swift\n---\n")
        #expect(sheet.frontMatter.tags == ["swift"])
        #expect(sheet.frontMatter.summary == "")
        #expect(sheet.frontMatter.related.isEmpty)
    }

    @Test func dotsAlsoCloseTheFrontMatter() throws {
        let sheet = try sheet("---\ntitle: T\n...\n\n## Section\n")
        #expect(sheet.frontMatter.title == "T")
        #expect(sheet.sections.map(\.anchor) == ["section"])
    }

    @Test func quotedNumberIsAString() throws {
        let sheet = try sheet("---\ntitle: \"42\"\n---\n")
        #expect(sheet.frontMatter.title == "42")
    }

    @Test("A title YAML would read as a number or boolean is the text as written (`title: 101`)",
          arguments: ["101", "3.5", "true", "2020-07-05"])
    func scalarTitleIsText(value: String) throws {
        let parsed = try sheet("---\nsummary: s\ntitle: \(value)\n---\n")
        #expect(parsed.frontMatter.title == value)
    }

    @Test("A title that is a list or mapping is refused at its line", arguments: ["[a, b]", "{a: b}"])
    func titleMustBeOneValue(value: String) {
        let parsed = parse("---\nsummary: s\ntitle: \(value)\n---\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:3:1: error: 'title' must be a single value, not a list or mapping [front-matter.value]"])
    }

    @Test("A null title is a missing title", arguments: ["null", "~", ""])
    func nullTitleIsMissing(value: String) {
        let parsed = parse("---\nsummary: s\ntitle: \(value)\n---\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:2:1: error: front matter needs a 'title' [front-matter.value]"])
    }

    @Test func summaryMustBeAString() {
        let parsed = parse("---\ntitle: T\nsummary: 12\n---\n")
        #expect(parsed.lines == ["sheet.md:3:1: error: 'summary' must be a string [front-matter.value]"])
    }

    @Test func tagsMustBeAListOfStrings() {
        let parsed = parse("---\ntitle: T\ntags: {a: b}\nrelated:\n  - ok\n  - [nested]\n---\n")
        #expect(parsed.lines == [
            "sheet.md:3:1: error: 'tags' must be a list of strings [front-matter.value]",
            "sheet.md:6:5: error: 'related' must be a list of strings [front-matter.value]",
        ])
    }

    @Test func titleIsRequired() {
        let parsed = parse("---\nsummary: no title here\n---\n\n## Section\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:2:1: error: front matter needs a 'title' [front-matter.value]"])
    }

    @Test func blankTitleCountsAsMissing() {
        let parsed = parse("---\ntitle: \"   \"\n---\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:2:1: error: front matter needs a 'title' [front-matter.value]"])
    }

    @Test func unterminatedFrontMatter() {
        let parsed = parse("---\ntitle: Never closed\n\n## Section\n\nText.\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:1:1: error: front matter is not terminated; close it with a line '---' [front-matter.missing]"])
    }

    @Test func frontMatterThatIsAList() {
        let parsed = parse("---\n- title\n- other\n---\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:2:1: error: front matter must be a mapping of keys to values (title: …) [front-matter.value]"])
    }

    @Test func emptyFrontMatter() {
        let parsed = parse("---\n---\n\nText.\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:1:1: error: front matter must be a mapping of keys to values (title: …) [front-matter.value]"])
    }

    @Test func invalidYAMLIsReportedWhereYAMLNoticedIt() throws {
        let parsed = parse("---\ntitle: T\ntags: [swift, text\nsummary: s\n---\n")
        #expect(parsed.sheet == nil)
        // The flow sequence opened on line 3 is found unclosed on line 4.
        #expect(parsed.lines == ["sheet.md:4:8: error: front matter is not valid YAML: did not find expected ',' or ']' [front-matter.yaml]"])
    }

    @Test func duplicateKeysAreAnError() throws {
        let parsed = parse("---\ntitle: A\ntitle: B\n---\n")
        #expect(parsed.sheet == nil)
        // At the line that repeats the key, not at the first one (where YAML places it).
        #expect(parsed.lines == ["sheet.md:3:1: error: front matter is not valid YAML: duplicate keys title [front-matter.yaml]"])

        let nested = parse("---\ntitle: T\ndependencies:\n  - url: a\n    url: b\n---\n")
        #expect(nested.lines == ["sheet.md:5:5: error: front matter is not valid YAML: duplicate keys url [front-matter.yaml]"])
    }

    @Test func unknownKeyIsAWarningAndTheSheetStillParses() throws {
        let parsed = parse("---\ntitle: T\nauthor: Ada\n---\n")
        #expect(parsed.lines.count == 1)
        let line = try #require(parsed.lines.first)
        #expect(line.hasPrefix("sheet.md:3:1: warning: unknown front matter key 'author' is ignored; known keys: "))
        // The message lists what would have been accepted.
        #expect(line.contains("related, summary, tags") && line.contains("title"), "\(line)")
        #expect(parsed.errors.isEmpty)
        #expect(parsed.sheet?.frontMatter.title == "T")
    }

    @Test func missingFrontMatterAndTitle() {
        // Without front matter a file is a page titled by its `#` heading (DocCPageTests).
        let parsed = parse("## Section\n\nText.\n")
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:1:1: error: page has no title; start it with a '# Title' line, or with front matter (---, title: …, ---) [front-matter.missing]"])
    }

    @Test("An empty or blank file is an error, not a crash", arguments: ["", "\n", "  \n\n\t\n"])
    func emptyFile(text: String) {
        let parsed = parse(text)
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:1:1: error: empty sheet; start it with front matter: ---, title: …, --- [front-matter.missing]"])
    }

    @Test func emptyFileAsBytes() {
        let parsed = parse(bytes: [])
        #expect(parsed.sheet == nil)
        #expect(parsed.lines == ["sheet.md:1:1: error: empty sheet; start it with front matter: ---, title: …, --- [front-matter.missing]"])
    }

    @Test func bodyLinesKeepTheirFileLineNumbers() throws {
        let sheet = try sheet("---\ntitle: T\nsummary: S\ntags: [a]\n---\n\n## Section\n")
        #expect(sheet.sections.first?.location.line == 7)
    }
}
