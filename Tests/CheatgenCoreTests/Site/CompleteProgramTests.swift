import Testing
@testable import CheatgenModel
@testable import CheatgenSite

@Suite("What a reader copies and sees of a snippet")
struct CompleteProgramTests {
    static let markdown = """
    ---
    title: Copying
    ---

    ## Part

    ### Base

    ```swift id=base
    // snippet.hide
    import Foundation
    // snippet.show
    struct Meter { var value = 1 }
    print("base runs")
    ```

    ```output
    base runs
    ```

    ### Middle

    ```swift id=middle uses=base
    func twice(_ m: Meter) -> Int { m.value * 2 }
    ```

    ### Top

    ```swift uses=middle
    // snippet.hide
    let m = Meter()
    // snippet.show

    print(twice(m))
    // snippet.hide
    print("done")
    ```

    ```output
    2
    done
    ```
    """

    @Test func aCopyIsTheUsedDeclarationsInOrderThenTheCodeWithItsHiddenLines() throws {
        let parsed = try sheet(Self.markdown)
        let named = SheetRenderer.named(parsed)
        let top = try #require(parsed.snippets.last)
        #expect(CompleteProgram.text(for: top, named: named) == """
            import Foundation
            struct Meter { var value = 1 }
            func twice(_ m: Meter) -> Int { m.value * 2 }

            let m = Meter()

            print(twice(m))
            print("done")

            """, "statements of the used snippets stay behind; markers are left out")
        #expect(CompleteProgram.text(for: parsed.snippets[1], named: named) == """
            import Foundation
            struct Meter { var value = 1 }

            func twice(_ m: Meter) -> Int { m.value * 2 }

            """)
    }

    @Test func runsPutHiddenLinesInPlaceAndTheVisibleOnesReadAsBefore() throws {
        let top = try #require(try sheet(Self.markdown).snippets.last)
        let runs = HiddenLines.runs(top.code)
        #expect(runs.map(\.hidden) == [true, false, true])
        #expect(runs[0].text == "let m = Meter()\n", "the blank line the page would start with is hidden with the setup")
        #expect(runs.filter { !$0.hidden }.map(\.text).joined(separator: "\n") == HiddenLines.visible(top.code).replacingOccurrences(of: "\n$", with: "", options: .regularExpression))
        #expect(HiddenLines.runs("print(1)\n") == [.init(hidden: false, text: "print(1)\n")])
    }
}
