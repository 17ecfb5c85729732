import Testing
@testable import CheatgenModel
@testable import CheatgenLanguages

/// The scan that decides whether swift-syntax parses a block: it counts the `[` open at once,
/// through other brackets and interpolations, and not in comments or string text.
@Suite struct SwiftParseBudgetTests {
    @Test(arguments: [
        ("let x = [[1], [2, [3]]]", 3),
        ("a[[[[", 4),
        ("f([{[(", 2),
        ("let s = \"[[[[[[[[[[[[\"", 0),
        ("let s = #\"\\(\"[[[[[[[[\"#", 0),
        ("// [[[[[[[[[[\nlet x = 1", 0),
        ("/* [[[ /* [[[ */ [[[ */ [x]", 1),
        ("let s = \"\\(a[\"\\(b[\"\\(c[0])\"])\"])\"", 3),
        ("let s = \"\"\"\n[[[[ \\(x[y[0]])\n\"\"\"", 2),
        ("x[0]] ] ] [1]", 1),
        ("[(])[", 1),
    ])
    func countsOpenSquareBrackets(_ code: String, _ expected: Int) {
        #expect(SwiftParseBudget.deepestSquareNesting(code) == expected, "\(code)")
    }

    @Test func refusesDeepSquaresAndHugeCodeOnly() {
        #expect(SwiftParseBudget.refusal("let grid = [[[[[[[[1]]]]]]]]") == nil, "eight deep is parsed")
        #expect(SwiftParseBudget.refusal("let grid = [[[[[[[[[1]]]]]]]]]") == "its '[' brackets nest 9 deep (more than 8)")
        #expect(SwiftParseBudget.refusal(String(repeating: "(", count: 1000)) == nil)
        #expect(SwiftParseBudget.refusal(String(repeating: "let x = 1\n", count: 11_000)) == nil, "107 KiB of short lines is parsed")
        #expect(SwiftParseBudget.refusal(String(repeating: "x\n", count: 140_000)) == "it is 273 KiB long (more than 256 KiB)")
        #expect(SwiftParseBudget.refusal("let a = 1\nlet b = " + String(repeating: "a + ", count: 5_000) + "a\n")
                == "its line 2 is 19 KiB long (more than 16 KiB)")
    }

    @Test func refusedCodeIsHighlightedPlainAndItsDeclarationsTakenWhole() {
        let code = "let area = { side[[[[[[[[[[[[[[[[[[[[ * side }"
        #expect(SwiftHighlighter.highlight(code) == HTML.escape(code))
        #expect(SwiftDeclarations.extract(from: code).map(\.text) == [code])
        #expect(SwiftHighlighter.highlight("let x = 1").contains("<span class=\"kw\">let</span>"))
    }
}
