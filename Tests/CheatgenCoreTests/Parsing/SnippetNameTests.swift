import Testing
@testable import CheatgenModel

/// A snippet's name (`sheet/card`, `sheet/card#2`) is what `--filter`, shards, reports and
/// recorded durations know it by: no two snippets of a sheet may share one.
@Suite("Snippet names")
struct SnippetNameTests {
    @Test func namesFollowTheCardsAndCountWithinOne() throws {
        let sheet = try sheet(header + "\n```swift\nprint(0)\n```\n\n## Basics\n\n### Sums\n\n```swift\nprint(1)\n```\n\n```swift\nprint(2)\n```\n")
        #expect(sheet.snippets.map(\.name) == ["sheet/intro", "sheet/sums", "sheet/sums#2"])
    }

    @Test func aHeadingNamedIntroDoesNotShareTheIntrosNames() throws {
        let sheet = try sheet(header + """

            ```swift
            print(0)
            ```

            ## Intro

            ```swift
            print(1)
            ```

            ```swift
            print(2)
            ```

            ### Intro

            ```swift
            print(3)
            ```
            """)
        #expect(sheet.snippets.map(\.name) == ["sheet/intro", "sheet/intro#2", "sheet/intro#3", "sheet/intro-1"])
        #expect(sheet.snippets.map(\.symbolName) == ["sheet__intro", "sheet__intro_1", "sheet__intro_2", "sheet__intro_1_3"])
    }

    @Test func aBookTestIsNamedAfterItsTest() {
        let naming = SnippetName.bookTest("closures")
        #expect(naming.name(sheetID: "1-start") == "1-start/test:closures")
        // No `s` in front of the sheet's leading digit: the `T_` already makes it an identifier.
        #expect(naming.symbol(sheetID: "1-start") == "T_1_start__closures")
    }

    @Test func aSecondIntroSnippetKeepsItsNumber() throws {
        let sheet = try sheet(header + "\n```swift\nprint(0)\n```\n\n```swift\nprint(1)\n```\n\n## Intro\n\n```swift\nprint(2)\n```\n")
        #expect(sheet.snippets.map(\.name) == ["sheet/intro", "sheet/intro#2", "sheet/intro#3"])
    }
}
