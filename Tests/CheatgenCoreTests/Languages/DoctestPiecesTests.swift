import Testing
@testable import CheatgenModel
@testable import CheatgenLanguages

/// How sheets name doctests, and how the driver's report is read back, without running Python.
@Suite("Doctest pieces")
struct DoctestPiecesTests {
    @Test func aPythonFenceThatOpensWithAPromptIsADoctest() throws {
        let parsed = try sheet(header + """

            ```python
            >>> 1 + 1
            2
            ```

            ```py

            >>> print("after a blank line")
            after a blank line
            ```

            ```python
            print(">>> only inside a string")
            ```

            ```pycon
            >>> 3
            3
            ```

            ```bash
            >>> not python at all
            ```

            """)
        #expect(parsed.snippets.map(\.language) == ["pycon", "pycon", "python", "pycon"])
    }

    @Test func modesADoctestCannotHaveAreErrorsAtTheFence() {
        let parsed = parse(header + "\n```pycon should-crash\n>>> 1\n1\n```\n\n```python compile-only\n>>> 2\n2\n```\n\n```pycon ignore\n>>> 3\n```\n")
        #expect(parsed.lines == [
            "sheet.md:5:1: error: a doctest is not 'should-crash': write the traceback an example raises under it as its expected output [snippet.attribute]",
            "sheet.md:10:1: error: a doctest is run, not compiled: 'compile-only' does not apply to it [snippet.attribute]",
        ])
    }

    @Test func theReportIsTheLastMarkedLineAndTheRestIsWhatTheExamplesWrotePastDoctest() throws {
        let marker = DoctestDriver.marker
        let (report, rest) = DoctestReport.read("raw\n\(marker){\"examples\": [0, 3], \"failures\": []}\n")
        #expect(try #require(report).examples == [0, 3])
        #expect(rest == "raw\n")
        let (alone, nothing) = DoctestReport.read("\(marker){\"malformed\": {\"line\": 2, \"message\": \"lacks blank after >>>: '>>>x'\"}}\n")
        #expect(alone?.malformed?.line == 2)
        #expect(nothing == "")
        let (none, all) = DoctestReport.read("an example ended the process\n")
        #expect(none == nil)
        #expect(all == "an example ended the process\n")
    }
}
